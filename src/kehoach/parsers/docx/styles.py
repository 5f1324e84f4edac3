"""Resolve run and paragraph formatting through Word's style layers.

Order (first that says something wins): direct run properties -> character style chain
(`w:rStyle`) -> paragraph style chain (`w:pStyle`, `w:basedOn`) -> document defaults
(`w:docDefaults`). Theme fonts (`w:asciiTheme`) are looked up in the theme part.
Enough for bold/italic/alignment hints and for the dominant body font; not a full
Word layout engine (table-style conditional formatting is ignored).
"""

from __future__ import annotations

from lxml import etree

from .xmlparts import W

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

_ALIGN = {
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
    "mediumKashida": "justify",
    "highKashida": "justify",
    "lowKashida": "justify",
    "thaiDistribute": "justify",
}


_B, _I, _RFONTS, _SZ, _VANISH, _VAL = (W + "b", W + "i", W + "rFonts", W + "sz", W + "vanish", W + "val")


def find2(el: etree._Element, first: str, second: str) -> etree._Element | None:
    """`el.find(first + "/" + second)` without lxml's path parser (single-tag finds stay in C):
    the first `second` child of the `first` children, in order. Runs per paragraph and cell."""
    for child in el.iterchildren(first):
        found = child.find(second)
        if found is not None:
            return found
    return None


def on(el: etree._Element | None) -> bool | None:
    """A toggle property: <w:b/> is on, <w:b w:val="0"/> is off, absent is None."""
    if el is None:
        return None
    return el.get(W + "val") not in ("0", "false", "off", "none")


class Styles:
    def __init__(self, styles: etree._Element | None, theme: etree._Element | None = None) -> None:
        self._by_id: dict[str, etree._Element] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self._theme_fonts: dict[str, str] = {}
        self._defaults_rpr: etree._Element | None = None
        self._defaults_ppr: etree._Element | None = None
        self._cache: dict[tuple, object] = {}
        if theme is not None:
            for kind in ("major", "minor"):
                latin = theme.find(f".//{A}{kind}Font/{A}latin")
                typeface = latin.get("typeface") if latin is not None else None
                if typeface:
                    self._theme_fonts[kind] = typeface
        if styles is None:
            return
        for style in styles.iter(W + "style"):
            sid = style.get(W + "styleId")
            if not sid:
                continue
            self._by_id[sid] = style
            if style.get(W + "default") in ("1", "true", "on"):
                if style.get(W + "type") == "paragraph":
                    self.default_para = sid
                elif style.get(W + "type") == "character":
                    self.default_char = sid
        self._defaults_rpr = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self._defaults_ppr = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")

    def chain(self, style_id: str | None) -> list[etree._Element]:
        out, seen = [], set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            out.append(style)
            based = style.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None
        return out

    def name(self, style_id: str | None) -> str:
        style = self._by_id.get(style_id or "")
        if style is None:
            return ""
        name = style.find(W + "name")
        return (name.get(W + "val") if name is not None else "") or ""

    # --- layers ---------------------------------------------------------------------

    def _layer_props(self, layer: etree._Element) -> list:
        """[bold, italic, font, size, hidden] said by one rPr (None where it says nothing).

        One pass over the rPr's children (the first of each kind counts, as with find()):
        this runs for every run of the document."""
        b = i = rfonts = sz = vanish = None
        for child in layer:
            tag = child.tag
            if tag == _B:
                if b is None:
                    b = child
            elif tag == _I:
                if i is None:
                    i = child
            elif tag == _RFONTS:
                if rfonts is None:
                    rfonts = child
            elif tag == _SZ:
                if sz is None:
                    sz = child
            elif tag == _VANISH and vanish is None:
                vanish = child
        size = None
        if sz is not None:
            val = sz.get(_VAL) or ""
            if val.isdigit() and len(val) <= 5:
                size = int(val) / 2
        return [on(b), on(i), self._font(rfonts) if rfonts is not None else None, size, on(vanish)]

    def _style_props(self, char_style: str | None, para_style: str | None) -> list:
        """Run properties from the style layers and document defaults (cached per style pair)."""
        key = ("props", char_style, para_style)
        cached = self._cache.get(key)
        if cached is None:
            layers = [style.find(W + "rPr") for style in self.chain(char_style or self.default_char)]
            layers += [style.find(W + "rPr") for style in self.chain(para_style or self.default_para)]
            layers.append(self._defaults_rpr)
            props: list = [None] * 5  # bold, italic, font, size, hidden: mixed types
            for layer in layers:
                if layer is not None:  # both lists are the five properties
                    props = [c if c is not None else v for c, v in zip(props, self._layer_props(layer), strict=True)]
            cached = props
            self._cache[key] = cached
        return cached  # type: ignore[return-value]

    def run_props(
        self, rpr: etree._Element | None, para_style: str | None
    ) -> tuple[bool, bool, str | None, float | None, bool]:
        """(bold, italic, font, size_pt, hidden) of a run."""
        char_style = None
        if rpr is not None:
            rstyle = rpr.find(W + "rStyle")
            char_style = rstyle.get(W + "val") if rstyle is not None else None
        props = self._style_props(char_style, para_style)
        if rpr is not None and len(rpr):
            props = [d if d is not None else v for d, v in zip(self._layer_props(rpr), props, strict=True)]
        bold, italic, font, size, hidden = props
        return bool(bold), bool(italic), font, size, bool(hidden)

    def _font(self, rfonts: etree._Element | None) -> str | None:
        if rfonts is None:
            return None
        for attr in ("ascii", "hAnsi"):
            if rfonts.get(W + attr):
                return rfonts.get(W + attr)
        for attr in ("asciiTheme", "hAnsiTheme"):
            theme = rfonts.get(W + attr)
            if theme:
                return self._theme_fonts.get("major" if theme.startswith("major") else "minor")
        return None

    def para_style(self, ppr: etree._Element | None) -> str | None:
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            if ps is not None and ps.get(W + "val"):
                return ps.get(W + "val")
        return self.default_para

    def _ppr_value(self, ppr: etree._Element | None, style_id: str | None, child: str) -> etree._Element | None:
        if ppr is not None and (el := ppr.find(W + child)) is not None:
            return el
        key = ("ppr", style_id, child)
        if key not in self._cache:
            found = None
            for style in self.chain(style_id):
                found = style.find(f"{W}pPr/{W}{child}")
                if found is not None:
                    break
            if found is None and self._defaults_ppr is not None:
                found = self._defaults_ppr.find(W + child)
            self._cache[key] = found
        return self._cache[key]  # type: ignore[return-value]

    def align(self, ppr: etree._Element | None, style_id: str | None) -> str | None:
        jc = self._ppr_value(ppr, style_id, "jc")
        return _ALIGN.get(jc.get(W + "val") or "") if jc is not None else None

    def _heading_by_name(self, style_id: str | None) -> int | None:
        key = ("heading", style_id)
        if key not in self._cache:
            level = None
            for style in self.chain(style_id):
                low = self.name(style.get(W + "styleId")).lower()
                if low.startswith("heading ") and low[8:].strip().isdigit() and len(low[8:].strip()) <= 2:
                    level = int(low[8:].strip()) or None
                    break
                if low == "title":
                    level = 1
                    break
            self._cache[key] = level
        return self._cache[key]  # type: ignore[return-value]

    def heading_level(self, ppr: etree._Element | None, style_id: str | None) -> int | None:
        by_name = self._heading_by_name(style_id)
        if by_name is not None:
            return by_name
        ol = self._ppr_value(ppr, style_id, "outlineLvl")
        val = (ol.get(W + "val") or "") if ol is not None else ""
        if val.isdigit() and len(val) <= 2:
            level = int(val)
            return level + 1 if level < 9 else None
        return None

    def page_break_before(self, ppr: etree._Element | None, style_id: str | None) -> bool:
        return bool(on(self._ppr_value(ppr, style_id, "pageBreakBefore")))

    def defaults(self) -> tuple[str | None, float | None]:
        """Default font and size: the Normal style over the document defaults."""
        _, _, font, size, _ = self.run_props(None, self.default_para)
        return font, size if size is not None else 10.0
