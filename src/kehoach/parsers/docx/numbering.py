"""Word automatic numbering, rendered the way Word prints it.

python-docx shows a paragraph's typed text only; a heading whose "II." comes from
numbering.xml reads "NỘI DUNG". `Numbering` walks the list definitions the way Word does:

- a paragraph's list comes from its own `w:numPr` or from its paragraph style chain
  (`w:pStyle` -> style `w:numPr`, following `w:basedOn`; a level may also be tied to a
  style by `w:lvl/w:pStyle`);
- `w:num` points at an `w:abstractNum` (possibly through `w:numStyleLink`), and may
  override levels (`w:lvlOverride` with `w:startOverride` or a whole `w:lvl`);
- counters belong to the abstract list, so two `w:num` sharing it continue one sequence;
  a `w:num` with `w:startOverride` restarts that level the first time it uses it, and
  the shared count goes on from there (ECMA-376 §17.9; what Word does);
- a level restarts when a higher level advances, unless `w:lvlRestart` says otherwise;
- `w:lvlText` "%1.%2." takes each level's counter in that level's `w:numFmt`
  (decimal, decimalZero, upperRoman, lowerRoman, upperLetter, lowerLetter, vietnameseCounting,
  bullet, none; other formats fall back to decimal);
  Word's lowerLetter is the Latin a, b, c, d, e … (no Vietnamese "đ"), and that is
  what is printed, so that is what we render. Bullets render as "-".

Every number read from numbering.xml is bounded (`limits`): a start value is clamped to
0 … 32767 (Word's own range), and the renderers fall back to digits for values whose
letters or Roman numerals would grow without limit.

`label(p)` must be called once per paragraph, in document order (body and table cells
alike), because it advances the counters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ...roman import to_roman as roman
from .. import limits
from .styles import find2
from .xmlparts import W

_PPR, _NUMPR = W + "pPr", W + "numPr"
_FIND: Any = object()  # `ppr` not given: the paragraph's w:pPr is looked up


def _val(el: etree._Element | None, name: str = "val") -> str | None:
    if el is None:
        return None
    return el.get(W + name)


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


MAX_LETTER_REPEAT = 30  # "zzz…" a letter repeated at most 30 times (n <= 780)


def _start(value: str | None) -> int:
    """A start value from the document, clamped to what Word accepts (0 … 32767)."""
    n = _int(value, 1)
    return limits.clamp(n if n is not None else 1, 0, limits.get("NUMBER"))


def letters(n: int) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated)."""
    if n <= 0 or (n - 1) // 26 >= MAX_LETTER_REPEAT:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_VI_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def vietnamese_counting(n: int) -> str:
    """Word's vietnameseCounting format: một, hai … mười, mười một … hai mươi mốt … (below 1000)."""
    if n <= 0 or n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words = [f"{_VI_DIGITS[hundreds]} trăm"] if hundreds else []
    if tens == 0 and units:
        words.append(("lẻ " if hundreds else "") + _VI_DIGITS[units])
    elif tens == 1:
        words.append("mười" + (" lăm" if units == 5 else f" {_VI_DIGITS[units]}" if units else ""))
    elif tens > 1:
        tail = {0: "", 1: " mốt", 4: " tư", 5: " lăm"}.get(units, f" {_VI_DIGITS[units]}")
        words.append(f"{_VI_DIGITS[tens]} mươi{tail}")
    return " ".join(words)


def format_number(n: int, fmt: str | None) -> str:
    fmt = fmt or "decimal"
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "ordinal":
        return f"{n}."
    if fmt == "vietnameseCounting":
        return vietnamese_counting(n)
    return str(n)  # decimal and every exotic format we do not spell out


@dataclass
class Level:
    ilvl: int
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None when absent
    restart: int | None = None  # lvlRestart (1-based level), None = default
    suffix: str = "tab"  # tab | space | nothing
    is_legal: bool = False
    style: str | None = None  # w:lvl/w:pStyle
    bold: bool | None = None

    @classmethod
    def from_xml(cls, lvl: etree._Element) -> Level:
        level = cls(ilvl=limits.clamp(_int(lvl.get(W + "ilvl"), 0) or 0, 0, 8))
        level.update(lvl)
        return level

    def update(self, lvl: etree._Element) -> None:
        """Apply the children present in `lvl` (a full definition or an override)."""
        if (el := lvl.find(W + "start")) is not None:
            self.start = _start(_val(el))
        if (el := lvl.find(W + "numFmt")) is not None:
            self.fmt = _val(el) or "decimal"
        if lvl.find(W + "lvlPicBulletId") is not None:
            self.fmt = "bullet"
        if (el := lvl.find(W + "lvlText")) is not None:
            self.text = _val(el) if _val(el) is not None else ""
        if (el := lvl.find(W + "lvlRestart")) is not None:
            self.restart = _int(_val(el))
        if (el := lvl.find(W + "suff")) is not None:
            self.suffix = _val(el) or "tab"
        if (el := lvl.find(W + "isLgl")) is not None:
            self.is_legal = _val(el) not in ("0", "false", "off")
        if (el := lvl.find(W + "pStyle")) is not None:
            self.style = _val(el)


@dataclass
class _Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, etree._Element] = field(default_factory=dict)


@dataclass
class Label:
    """What Word prints in front of a numbered paragraph."""

    text: str  # "II.", "a)", "-" …
    separator: str  # " " after tab/space suffix, "" for suffix "nothing"
    bullet: bool
    num_id: str
    ilvl: int


class Numbering:
    """Numbering definitions plus the running counters of one document."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        # the levels of an abstract list are read when a paragraph first uses it: a template
        # defines dozens of lists of nine levels each, and a document uses a few
        self._abstract: dict[str, dict[int, Level]] = {}
        self._abstract_el: dict[str, etree._Element] = {}
        self._abstract_link: dict[str, str] = {}  # abstractNumId -> numStyleLink style id
        self._nums: dict[str, _Num] = {}
        self._styles: dict[str, etree._Element] = {}
        self._counters: dict[str, dict[int, int]] = {}  # abstract key -> level -> current value
        self._seen: set[tuple[str, int]] = set()  # (numId, level) already used
        # what follows from the (static) XML alone, computed once: it is asked per paragraph
        self._chains: dict[str | None, list[etree._Element]] = {}
        self._style_numpr: dict[tuple[str | None, bool, bool], tuple[str | None, int | None]] = {}
        self._levels_of: dict[str, dict[int, Level]] = {}
        self._default_para: list[str | None] = []
        if styles is not None:
            for style in styles.iter(W + "style"):
                sid = style.get(W + "styleId")
                if sid:
                    self._styles[sid] = style
        if numbering is None:
            return
        for absn in numbering.iter(W + "abstractNum"):
            aid = absn.get(W + "abstractNumId")
            if aid is None:
                continue
            self._abstract_el[aid] = absn
            link_style = _val(absn.find(W + "numStyleLink"))
            if link_style:
                self._abstract_link[aid] = link_style
        for num in numbering.iter(W + "num"):
            nid = num.get(W + "numId")
            aref = num.find(W + "abstractNumId")
            if nid is None or aref is None:
                continue
            entry = _Num(abstract_id=_val(aref) or "")
            for ov in num.findall(W + "lvlOverride"):
                ilvl = limits.clamp(_int(ov.get(W + "ilvl"), 0) or 0, 0, 8)
                so = ov.find(W + "startOverride")
                if so is not None:
                    entry.start_overrides[ilvl] = _start(_val(so))
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    entry.level_overrides[ilvl] = lvl
            self._nums[nid] = entry

    # --- resolving which list and level a paragraph belongs to -------------------------

    def _style_chain(self, style_id: str | None) -> list[etree._Element]:
        chain = self._chains.get(style_id)
        if chain is None:
            chain = self._chains[style_id] = self._read_style_chain(style_id)
        return chain

    def _read_style_chain(self, style_id: str | None) -> list[etree._Element]:
        chain, seen = [], set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append(style)
            style_id = _val(style.find(f"{W}basedOn"))
        return chain

    def default_paragraph_style(self) -> str | None:
        if not self._default_para:
            self._default_para.append(self._read_default_paragraph_style())
        return self._default_para[0]

    def _read_default_paragraph_style(self) -> str | None:
        for sid, style in self._styles.items():
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                return sid
        return None

    def num_and_level(self, p: etree._Element, ppr: Any = _FIND) -> tuple[str, int] | None:
        """(numId, ilvl) for paragraph `p`, from its numPr or its style chain; None if unnumbered.
        `ppr`: p's w:pPr when the caller has it (None: it has none)."""
        if ppr is _FIND:
            ppr = p.find(_PPR)
        num_id: str | None = None
        ilvl: int | None = None
        style_id = None
        if ppr is not None:
            style_id = _val(ppr.find(W + "pStyle"))
            numpr = ppr.find(W + "numPr")
            if numpr is not None:
                num_id = _val(numpr.find(W + "numId"))
                ilvl = _int(_val(numpr.find(W + "ilvl")))
        if style_id is None:
            style_id = self.default_paragraph_style()
        if num_id is None or ilvl is None:
            style_num, style_ilvl = self._numpr_of_style(style_id, num_id is None, ilvl is None)
            num_id = style_num if num_id is None else num_id
            ilvl = style_ilvl if ilvl is None else ilvl
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return None
        if ilvl is None:
            ilvl = self._level_for_style(num_id, style_id)
        return num_id, max(0, min(ilvl, 8))

    def _numpr_of_style(self, style_id: str | None, want_num: bool, want_ilvl: bool) -> tuple[str | None, int | None]:
        """(numId, ilvl) the style chain gives, each from the first style that says it while the
        paragraph still lacks it (the walk stops once both are known, as Word's does)."""
        key = (style_id, want_num, want_ilvl)
        cached = self._style_numpr.get(key)
        if cached is None:
            num_id: str | None = None
            ilvl: int | None = None
            for style in self._style_chain(style_id):
                spr = find2(style, _PPR, _NUMPR)
                if spr is None:
                    continue
                if want_num and num_id is None:
                    num_id = _val(spr.find(W + "numId"))
                if want_ilvl and ilvl is None:
                    ilvl = _int(_val(spr.find(W + "ilvl")))
                if (num_id is not None or not want_num) and (ilvl is not None or not want_ilvl):
                    break
            cached = self._style_numpr[key] = (num_id, ilvl)
        return cached

    def _level_for_style(self, num_id: str, style_id: str | None) -> int:
        """A style-numbered paragraph without ilvl uses the level tied to its style, else 0."""
        if style_id:
            for level in self._levels(num_id).values():
                if level.style == style_id:
                    return level.ilvl
        return 0

    def _abstract_id(self, num_id: str, depth: int = 0) -> str | None:
        num = self._nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract_id
        link = self._abstract_link.get(aid)
        if link and depth < 3:  # numStyleLink: the real definition is behind a numbering style
            for style in self._style_chain(link):
                linked = _val(style.find(f"{W}pPr/{W}numPr/{W}numId"))
                if linked and linked != num_id:
                    return self._abstract_id(linked, depth + 1) or aid
        return aid

    def _levels(self, num_id: str) -> dict[int, Level]:
        """The levels of list `num_id` (read-only: cached, label() never changes them)."""
        levels = self._levels_of.get(num_id)
        if levels is None:
            levels = self._levels_of[num_id] = self._read_levels(num_id)
        return levels

    def _abstract_levels(self, aid: str) -> dict[int, Level]:
        levels = self._abstract.get(aid)
        if levels is None:
            absn = self._abstract_el.get(aid)
            levels = {} if absn is None else {lvl.ilvl: lvl for lvl in map(Level.from_xml, absn.findall(W + "lvl"))}
            self._abstract[aid] = levels
        return levels

    def _read_levels(self, num_id: str) -> dict[int, Level]:
        aid = self._abstract_id(num_id)
        base = self._abstract_levels(aid or "")
        num = self._nums[num_id]
        if not num.level_overrides:
            return base
        levels = {i: Level(**vars(lvl)) for i, lvl in base.items()}
        for ilvl, el in num.level_overrides.items():
            levels.setdefault(ilvl, Level(ilvl=ilvl)).update(el)
        return levels

    # --- counting and rendering -------------------------------------------------------

    def label(self, p: etree._Element, ppr: Any = _FIND) -> Label | None:
        """Advance the counters for paragraph `p` and return the printed number, if any
        (`ppr`: p's w:pPr when the caller has found it, None when p has none)."""
        found = self.num_and_level(p, ppr)
        if found is None:
            return None
        num_id, ilvl = found
        levels = self._levels(num_id)
        level = levels.get(ilvl)
        if level is None:
            return None
        key = self._abstract_id(num_id) or num_id
        counters = self._counters.setdefault(key, {})
        num = self._nums[num_id]
        start = num.start_overrides.get(ilvl, level.start)
        first_here = (num_id, ilvl) not in self._seen
        self._seen.add((num_id, ilvl))
        if first_here and ilvl in num.start_overrides:
            counters[ilvl] = start  # a w:num restarting this level, on its first use of it
        else:
            counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [d for d in counters if d > ilvl]:
            restart_after = levels[deeper].restart if deeper in levels else None
            if restart_after is None:
                restart_after = deeper
            if restart_after != 0 and ilvl < restart_after:
                del counters[deeper]
        text = self._render(num, levels, level, counters)
        bullet = level.fmt == "bullet"
        if bullet:
            text = "-"
        if not text:
            return None
        sep = "" if level.suffix == "nothing" else " "
        return Label(text=text, separator=sep, bullet=bullet, num_id=num_id, ilvl=ilvl)

    def _render(self, num: _Num, levels: dict[int, Level], level: Level, counters: dict[int, int]) -> str:
        template = level.text
        if template is None:
            template = f"%{level.ilvl + 1}."
        out = []
        i = 0
        while i < len(template):
            ch = template[i]
            if ch == "%" and i + 1 < len(template) and template[i + 1].isdigit():
                ref = int(template[i + 1]) - 1
                ref_level = levels.get(ref, Level(ilvl=ref))
                value = counters.get(ref, num.start_overrides.get(ref, ref_level.start))
                fmt = "decimal" if (level.is_legal and ref_level.fmt not in ("none", "bullet")) else ref_level.fmt
                out.append(format_number(value, fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out).strip()
