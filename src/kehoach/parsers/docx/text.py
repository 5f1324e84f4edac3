"""Read the printed text of one Word paragraph (w:p), the way Word shows it.

`paragraph.text` in python-docx misses text inside hyperlinks, content controls,
fields and tracked insertions. This reader walks the XML instead:

- included: runs, w:hyperlink, w:ins / w:moveTo (tracked insertions), w:sdt (run-level
  content controls, unless showing their placeholder prompt), w:fldSimple and the *result* runs
  of complex fields (between `separate` and `end`), w:smartTag, w:customXml, math text;
- excluded: w:del / w:delText / w:moveFrom (tracked deletions; a deleted paragraph mark
  joins the paragraph to the next one, as in the accepted text), field instructions
  (w:instrText), hidden runs (w:vanish), footnote reference marks (the notes they point
  to are reported in `ParaText.notes` and read by the caller);
- w:br (text wrapping) and w:cr start a new line, and so does a list item pushed to the
  next visual line with a long run of spaces; w:tab is a space in the text (the columns
  it makes are kept in `ParaText.tab_columns` for `tabs`);
- text boxes (w:txbxContent) are not part of the paragraph: they are handed back to the
  caller to be emitted as separate blocks, and of an mc:AlternateContent only the
  mc:Choice is read, so a box is never read twice (Choice + Fallback).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from ... import fastre as re
from ...blocks import Paragraph, Provenance
from ...vntext import clean, nfc
from .numbering import Label, Numbering
from .styles import Styles, on
from .tabs import split_columns
from .xmlparts import W

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

# tags compared for every run and run child: built once
_R, _T, _RPR, _SDT, _BR, _SYM = W + "r", W + "t", W + "rPr", W + "sdt", W + "br", W + "sym"
_PPR = W + "pPr"
_FLDCHAR, _FLDCHARTYPE, _RENDERED_BREAK = W + "fldChar", W + "fldCharType", W + "lastRenderedPageBreak"
_NO_BREAK_HYPHEN, _TYPE, _ID, _CHAR, _FONT = W + "noBreakHyphen", W + "type", W + "id", W + "char", W + "font"
_DRAWINGS = (W + "drawing", W + "pict")
_NOTE_REFS = (W + "footnoteReference", W + "endnoteReference")
_TABS = (W + "tab", W + "ptab")
_BREAKS = (W + "br", W + "cr")
_ALTERNATE, _CHOICE, _FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
_MATH = (M + "oMathPara", M + "oMath")

_TRANSPARENT = {W + name for name in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo")}
_SKIPPED = {
    W + name
    for name in (
        "del",
        "moveFrom",
        "pPr",
        "proofErr",
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "permStart",
        "permEnd",
    )
}


def _next_paragraph(p: etree._Element) -> etree._Element | None:
    """The w:p right after `p` in the same container (bookmarks and the like skipped)."""
    for sibling in p.itersiblings():
        if sibling.tag == W + "p":
            return sibling
        if sibling.tag in (W + "tbl", W + "sdt", W + "sectPr") or not isinstance(sibling.tag, str):
            return None
    return None


def sdt_content(sdt: etree._Element) -> etree._Element | None:
    """The content of a content control, or None while it shows its placeholder prompt."""
    if sdt.find(f"{W}sdtPr/{W}showingPlcHdr") is not None:
        return None
    return sdt.find(W + "sdtContent")


def alternate_content(alt: etree._Element) -> etree._Element | None:
    """The branch of an mc:AlternateContent that is read: its Choice, else its Fallback."""
    branch = alt.find(_CHOICE)
    return branch if branch is not None else alt.find(_FALLBACK)


# Authors push a list item onto the next visual line with a run of spaces instead of a
# break ("- Bộ Công an;            - Thường trực Tỉnh ủy;"): that is a line of its own.
_SPACED_ITEM = re.compile(r"[ \u00a0]{8,}(?=[-+•–]\s)")


@dataclass
class ParaText:
    """One paragraph as printed: lines (the number rendered on the first), formatting hints."""

    lines: list[str]
    raw: str
    label: Label | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: str | None = None
    heading_level: int | None = None
    page: int = 1
    index: int = 0  # 1-based paragraph index in document order
    chars: int = 0
    fonts: dict[str, int] = field(default_factory=dict)  # letters per font / size (spaces not counted)
    sizes: dict[float, int] = field(default_factory=dict)
    textboxes: list[etree._Element] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # ("footnote"|"endnote", id) referenced here
    tab_columns: list[tuple[str, str]] | None = None  # (left, right) per line when tabs make columns

    @cached_property
    def text(self) -> str:
        return clean(" ".join(self.lines))

    @property
    def empty(self) -> bool:
        return not self.text

    def block(self, role: str, **where: int) -> Paragraph:
        """The paragraph as a block; `where`: its table, row and column when it stands in a cell."""
        return Paragraph(
            text=self.text,
            raw=self.raw,
            lines=list(self.lines),
            bold=self.bold,
            italic=self.italic,
            align=self.align,  # type: ignore[arg-type]
            heading_level=self.heading_level,
            numbered=self.label is not None,
            role=role,  # type: ignore[arg-type]
            prov=Provenance(line=self.index, page=self.page, page_approx=True, source="docx", **where),
        )


class _Builder:
    """Accumulates one paragraph's text while the reader walks its runs."""

    def __init__(self) -> None:
        self.lines: list[list[str]] = [[]]
        self.chars = 0
        self.bold_chars = 0
        self.italic_chars = 0
        self.fonts: dict[str, int] = {}  # plain dicts: a Counter per paragraph costs (document.py sums them)
        self.sizes: dict[float, int] = {}
        self.textboxes: list[etree._Element] = []
        self.notes: list[tuple[str, str]] = []
        self.page: int | None = None

    def add(self, text: str, bold: bool, italic: bool, font: str | None, size: float | None) -> None:
        if not text:
            return
        self.lines[-1].append(text)
        n = len(text) - text.count(" ") - text.count("\t") - text.count("\u00a0")
        self.chars += n
        self.bold_chars += n if bold else 0
        self.italic_chars += n if italic else 0
        if font:
            self.fonts[font] = self.fonts.get(font, 0) + n
        if size:
            self.sizes[size] = self.sizes.get(size, 0) + n

    def has_text(self) -> bool:
        return self.chars > 0

    def newline(self) -> None:
        self.lines.append([])


class Reader:
    """Reads paragraphs in document order; owns the state that crosses paragraphs."""

    def __init__(self, styles: Styles, numbering: Numbering, rendered_breaks: bool) -> None:
        self.styles = styles
        self.numbering = numbering
        self.rendered_breaks = rendered_breaks  # count w:lastRenderedPageBreak, else hard breaks
        self.page = 1
        self.paragraphs = 0
        self._fields: list[str] = []  # stack of complex-field phases: "instr" | "result"
        self._carry: tuple[etree._Element, list[list[str]]] | None = None  # (next w:p, text joining it)

    # --- pages ----------------------------------------------------------------------

    def _page_break(self, b: _Builder) -> None:
        if b.page is None and b.has_text():
            b.page = self.page
        self.page += 1

    # --- paragraphs -----------------------------------------------------------------

    def read(self, p: etree._Element, numbered: bool = True) -> ParaText:
        """Read one paragraph; `numbered=False` for a paragraph Word does not show (so not count)."""
        self.paragraphs += 1
        # a field instruction never spans paragraphs: a broken field must not hide the rest
        if self._fields:
            self._fields = [phase for phase in self._fields if phase != "instr"]
        ppr = p.find(_PPR)
        style_id = self.styles.para_style(ppr)
        if not self.rendered_breaks and self.styles.page_break_before(ppr, style_id) and self.paragraphs > 1:
            self.page += 1
        mark_rpr = ppr.find(W + "rPr") if ppr is not None else None
        # a tracked deletion of the paragraph mark joins this text to the next paragraph,
        # which keeps its own properties (and number)
        nxt = _next_paragraph(p) if mark_rpr is not None and mark_rpr.find(W + "del") is not None else None
        joins_next = nxt is not None
        label = self.numbering.label(p, ppr) if numbered and not joins_next else None
        if label is not None and mark_rpr is not None and on(mark_rpr.find(W + "vanish")):
            label = None
        b = _Builder()
        if self._carry is not None and self._carry[0] is p:
            b.lines = self._carry[1]
        self._carry = None
        self._walk(p, b, style_id)
        if nxt is not None:
            self._carry = (nxt, b.lines)
            b.lines = [[]]
        raw_lines = ["".join(parts) for parts in b.lines]
        lines = []
        for line in raw_lines:
            # a run of 8 spaces holds two in a row (or a no-break space): the split is rare
            for piece in _SPACED_ITEM.split(line) if ("  " in line or "\u00a0" in line) else (line,):
                if piece := clean(piece):
                    lines.append(piece)
        raw = nfc("\n".join(raw_lines)).strip()
        if label is not None:
            if lines:
                lines[0] = f"{label.text}{label.separator}{lines[0]}"
            else:
                lines = [label.text]
        tab_columns = split_columns(raw_lines) if label is None and any("\t" in x for x in raw_lines) else None
        page = b.page if b.page is not None else self.page
        bold = (b.bold_chars / b.chars >= 0.9) if b.chars else None
        italic = (b.italic_chars / b.chars >= 0.9) if b.chars else None
        return ParaText(
            lines=lines,
            raw=raw,
            label=label,
            bold=bold,
            italic=italic,
            # nothing reads the alignment or heading level of a paragraph with no text
            align=self.styles.align(ppr, style_id) if lines else None,
            heading_level=self.styles.heading_level(ppr, style_id) if lines else None,
            page=page,
            index=self.paragraphs,
            chars=b.chars,
            fonts=b.fonts,
            sizes=b.sizes,
            textboxes=b.textboxes,
            notes=b.notes,
            tab_columns=tab_columns,
        )

    def _walk(self, el: etree._Element, b: _Builder, style_id: str | None) -> None:
        for child in el:
            tag = child.tag
            if tag == _R:
                self._run(child, b, style_id)
            elif tag in _TRANSPARENT:
                self._walk(child, b, style_id)
            elif tag == _SDT:
                content = sdt_content(child)
                if content is not None:
                    self._walk(content, b, style_id)
            elif tag == _ALTERNATE:
                branch = alternate_content(child)
                if branch is not None:
                    self._walk(branch, b, style_id)
            elif tag in _MATH:
                b.add("".join(t.text or "" for t in child.iter(M + "t")), False, False, None, None)
            elif tag in _SKIPPED or not isinstance(tag, str):
                continue

    def _run(self, r: etree._Element, b: _Builder, style_id: str | None) -> None:
        props = self.styles.run_props(r.find(_RPR), style_id)
        self._run_items(r, b, props)

    def _run_items(self, items: etree._Element, b: _Builder, props: tuple) -> None:
        # the tags are module constants and w:t, by far the commonest child, is tested first:
        # it matches none of the tags before it in Word's order below, so the outcome is the same
        bold, italic, font, size, hidden = props
        for child in items:
            tag = child.tag
            if tag == _T:
                if hidden or "instr" in self._fields:
                    continue
                text = child.text or ""
                if b.page is None and text.strip():
                    b.page = self.page
                b.add(text, bold, italic, font, size)
            elif tag == _FLDCHAR:
                kind = child.get(_FLDCHARTYPE)
                if kind == "begin":
                    self._fields.append("instr")
                elif kind == "separate" and self._fields:
                    self._fields[-1] = "result"
                elif kind == "end" and self._fields:
                    self._fields.pop()
            elif tag == _RENDERED_BREAK:
                if self.rendered_breaks:
                    self._page_break(b)
            elif tag == _BR and child.get(_TYPE) == "page":
                if not self.rendered_breaks:
                    self._page_break(b)
            elif tag in _DRAWINGS:
                self._collect_textboxes(child, b)
            elif tag in _NOTE_REFS:
                b.notes.append((tag[len(W) : -len("Reference")], child.get(_ID) or ""))
            elif tag == _ALTERNATE:
                branch = alternate_content(child)
                if branch is not None:
                    self._run_items(branch, b, props)
            elif hidden or "instr" in self._fields:
                continue
            elif tag in _TABS:
                b.add("\t", bold, italic, font, size)  # a space in the text; tabs.py reads columns
            elif tag in _BREAKS:
                b.newline()
            elif tag == _NO_BREAK_HYPHEN:
                b.add("-", bold, italic, font, size)
            elif tag == _SYM:
                b.add(_symbol(child.get(_CHAR) or "", child.get(_FONT) or ""), bold, italic, font, size)

    @staticmethod
    def _collect_textboxes(el: etree._Element, b: _Builder) -> None:
        """Text boxes directly under `el`; a box inside a box is read with its outer box."""
        for box in el.iter(W + "txbxContent"):
            nested = False
            for anc in box.iterancestors():
                if anc is el:
                    break
                if anc.tag == W + "txbxContent":
                    nested = True
                    break
            if not nested:
                b.textboxes.append(box)


def _symbol(code: str, font: str) -> str:
    """w:sym: a character from a symbol font (mostly bullets and dashes)."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if value >= 0xF000:
        value -= 0xF000
    if "symbol" in font.lower():
        return {0xB7: "•", 0x2D: "-", 0xBE: "—", 0xAE: "→"}.get(value, chr(value) if 0x20 <= value < 0x7F else "")
    if "wingdings" in font.lower():
        return "•"
    return chr(value) if 0x20 <= value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else ""
