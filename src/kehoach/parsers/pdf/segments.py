"""Lines -> segments: a visual line's glyphs, left to right, cut at wide gaps into `Seg`s.

In: one line's glyph dicts (sorted by x0) and the page's space glyphs near it. Out: `Seg`s —
text with word spaces inferred from gaps (or read from space glyphs), size, bold and italic
shares, font, first-word width and the raised reference marks. `_segments` / `_make_seg` read
any glyph dict; `_quick_segments` gives the same segments faster for glyphs that have every key
(both PDF readers' glyphs do), without a Python loop per glyph where a segment has one size.
The line layouts both must recognise before cutting (stretched justified lines, condensed
spacing, the national motto run into the issuer's column) are in `line_layouts`.
Also the font-name helpers (bold, italic, subset prefix) the rest of the PDF parser uses.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import repeat
from operator import contains, itemgetter, lt

import regex as re

from .line_layouts import condensing, motto_inside, stretched

# A gap wider than this many ems splits a line into segments (columns, tab stops, blanks
# left in a draft such as "Số:      /KH-UBND").
SEG_GAP_EM = 1.6
# A gap wider than this share of the font size is a word space.
SPACE_GAP_EM = 0.13

_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demibold|[,-]b$|[,-]bd$", re.I)
_ITALIC_RE = re.compile(r"italic|oblique|[,-]i$|[,-]it$", re.I)


def font_is_bold(fontname: str) -> bool:
    return _font_flags(fontname)[0]


def font_is_italic(fontname: str) -> bool:
    return _font_flags(fontname)[1]


_FONT_FLAGS: dict[str, tuple[bool, bool]] = {}  # font name -> (bold, italic): a page has a few fonts


def _font_flags(fontname: str) -> tuple[bool, bool]:
    flags = _FONT_FLAGS.get(fontname)
    if flags is None:
        name = base_font(fontname)
        flags = (bool(_BOLD_RE.search(name)), bool(_ITALIC_RE.search(name)))
        if len(_FONT_FLAGS) > 4096:
            _FONT_FLAGS.clear()
        _FONT_FLAGS[fontname] = flags
    return flags


def base_font(fontname: str) -> str:
    """Drop the subset prefix: "ABCDEF+TimesNewRomanPS-BoldMT" -> "TimesNewRomanPS-BoldMT"."""
    name = fontname or ""
    if len(name) > 7 and name[6] == "+":
        name = name[7:]
    return name


@dataclass
class Seg:
    """A run of words on one line with no wide gap inside."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    bold: float  # share of letters in a bold font (or drawn twice)
    italic: float
    font: str
    first_word_w: float  # width of the first word (to tell a wrap from a hard break)
    nchars: int = 0
    refs: list[tuple[int, int]] = field(default_factory=list)  # spans of raised small digits/* in `text`
    stretched: bool = False  # a justified line widened to the margin: a line break ended it (`stretched`)


_X0, _TEXT = itemgetter("x0"), itemgetter("text")


def _space_index(spaces: list[dict]) -> list[tuple[float, float, float]]:
    return sorted((s["x0"], s["top"], s["bottom"]) for s in spaces)


_X1, _TOP, _BOTTOM, _SIZE, _FONTNAME = (itemgetter(k) for k in ("x1", "top", "bottom", "size", "fontname"))


class _SpacesNear:
    """The page's space glyphs a line's gaps can meet: `_has_space_between` asks for a space
    whose height holds the middle of the glyph before the gap (within 1 pt), so a line needs
    only the spaces reaching its own height; the others are left out, in the same order."""

    def __init__(self, space_x: list[tuple[float, float, float]]) -> None:
        self.by_top = sorted(space_x, key=itemgetter(1))
        self.tops = [s[1] for s in self.by_top]
        self.tallest = max((s[2] - s[1] for s in self.by_top), default=0.0)

    def __call__(self, lo: float, hi: float) -> list[tuple[float, float, float]]:
        """The spaces a glyph whose middle is between `lo` and `hi` can meet."""
        if not self.tops:
            return []
        lo, hi = lo - 1.01, hi + 1.01
        i = bisect.bisect_left(self.tops, lo - self.tallest)
        j = bisect.bisect_right(self.tops, hi)
        return sorted(s for s in self.by_top[i:j] if s[1] <= hi and s[2] >= lo)


def _quick_segments(chars: list[dict], space_x: list[tuple[float, float, float]]) -> list[Seg]:
    """`_segments` for glyphs that all have their keys: the gaps are measured once for the
    line, and a segment in one font size is made without a loop over its glyphs in Python
    (`_quick_seg`); other segments go to `_make_seg`. Same segments as `_segments`."""
    return _motto_apart(_quick_cut, chars, space_x)


def _motto_apart(cut: Callable[[list[dict], list], list[Seg]], chars: list[dict], space_x: list) -> list[Seg]:
    """`cut`'s segments of a line, cut again where the national motto starts inside one
    (`line_layouts.motto_inside`): both segmenters read a line this way."""
    segs = cut(chars, space_x)
    at = motto_inside([seg.text for seg in segs], chars)
    if at:
        return _motto_apart(cut, chars[:at], space_x) + _motto_apart(cut, chars[at:], space_x)
    return segs


def _quick_cut(chars: list[dict], space_x: list[tuple[float, float, float]]) -> list[Seg]:
    n = len(chars)
    x0s, x1s, sizes = list(map(_X0, chars)), list(map(_X1, chars)), list(map(_SIZE, chars))
    gaps = [b - a for a, b in zip(x1s, x0s[1:], strict=False)]  # gaps[k - 1]: before glyph k
    size0 = sizes[0]
    one_size = sizes.count(size0) == n
    if one_size:
        wide = SEG_GAP_EM * (size0 if size0 >= 1.0 else 1.0)
        cuts = [k for k, g in enumerate(gaps, 1) if g > wide]
        if len(cuts) >= 2 and stretched(gaps, SPACE_GAP_EM * (size0 if size0 >= 1.0 else 1.0), list(map(_TEXT, chars))):
            seg = _quick_seg(chars, x0s, x1s, size0, gaps, space_x)
            seg.stretched = True
            return [seg]
    else:
        cuts = []
        for k in range(1, n):
            a, b = sizes[k - 1], sizes[k]
            size = b if b > a else a
            if size < 1.0:
                size = 1.0
            if gaps[k - 1] > SEG_GAP_EM * size:
                cuts.append(k)
    segs: list[Seg] = []
    start = 0
    for end in [*cuts, n]:
        part = chars[start:end] if (start or end < n) else chars
        if one_size or sizes[start:end].count(sizes[start]) == end - start:
            segs.append(_quick_seg(part, x0s[start:end], x1s[start:end], sizes[start], gaps[start : end - 1], space_x))
        else:
            segs.append(_make_seg(part, space_x))
        start = end
    return segs


def _spaced_pairs(space_x, chars: list[dict], x0s: list[float], x1s: list[float]) -> set[int]:
    """The k (1 .. n-1) for which `_has_space_between(space_x, chars[k - 1], chars[k])`, found
    from the spaces' side: glyphs run left to right, so a space at x can only sit in the gaps
    from the first glyph reaching x - 0.5 on, and, glyphs being no narrower than nothing, only
    up to the last one starting by x + 1. The slack a space may start before the glyph on its
    left ends is 1 pt plus the segment's `condensing`, worked out only when a space needs it."""
    n = len(chars)
    if any(map(lt, x1s, x0s)):  # a glyph of negative width (x1 < x0): ask each gap
        slack = 1.0 + condensing(x0s, x1s)
        return {k for k in range(1, n) if _has_space_between(space_x, chars[k - 1], chars[k], slack)}
    ends = [x + 0.5 for x in x0s]  # b["x0"] + 0.5 of each glyph, rising
    out: set[int] = set()
    condensed: float | None = None
    for sx, top, bottom in space_x:
        k = bisect.bisect_left(ends, sx, 1)  # the first gap whose right glyph reaches it
        while k < n and x0s[k - 1] - 1.0 <= sx:
            end = x1s[k - 1] - 1.0
            if end > sx:
                if condensed is None:
                    condensed = condensing(x0s, x1s)
                end -= condensed
            if end <= sx and k not in out:
                a = chars[k - 1]
                if top - 1 <= (a["top"] + a["bottom"]) / 2 <= bottom + 1:
                    out.add(k)
            k += 1
    return out


def _quick_seg(chars: list[dict], x0s: list[float], x1s: list[float], size: float, gaps: list[float], space_x) -> Seg:
    """`_make_seg` for a segment whose glyphs share one font size (and have every key)."""
    main = round(size * 2) / 2
    if size <= 0.75 * main:  # its digits could be reference marks (tiny sizes): the full reading
        return _make_seg(chars, space_x)
    n = len(chars)
    texts = list(map(_TEXT, chars))
    space = SPACE_GAP_EM * (size if size >= 1.0 else 1.0)
    if space_x:
        spaced = _spaced_pairs(space_x, chars, x0s, x1s)
        breaks = [k for k, gap in enumerate(gaps, 1) if gap > space or (gap > -0.5 and k in spaced)]
    else:
        breaks = [k for k, gap in enumerate(gaps, 1) if gap > space]
    pieces = texts
    if any(map(contains, chars, repeat("_marks", n))):
        pieces = [t + ch["_marks"] if ch.get("_marks") else t for t, ch in zip(texts, chars, strict=True)]
    if breaks:
        text = " ".join("".join(pieces[a:b]) for a, b in zip([0, *breaks], [*breaks, n], strict=True))
        first_word_end = x1s[breaks[0] - 1]
    else:
        text = "".join(pieces)
        first_word_end = x1s[-1]
    fontnames = list(map(_FONTNAME, chars))
    font = fontnames[0]
    one_font = fontnames.count(font) == n
    if not one_font:
        fonts = Counter(fontnames)
        font = max(fonts, key=fonts.__getitem__)
    bold = italic = letters = 0
    if one_font and not any(map(contains, chars, repeat("_fakebold", n))):
        is_bold, is_italic = _font_flags(font)
        if len(text) - len(breaks) == n:  # one character a glyph (no marks, no ligatures)
            letters = sum(map(str.isalnum, texts))
        else:
            letters = sum(1 for t in texts if t.isalnum() or len(t) > 1)
        bold = letters if is_bold else 0
        italic = letters if is_italic else 0
    else:
        flags_of = _FONT_FLAGS
        for t, f, ch in zip(texts, fontnames, chars, strict=True):
            if t.isalnum() or len(t) > 1:
                letters += 1
                flags = flags_of.get(f) or _font_flags(f)
                if ch.get("_fakebold") or flags[0]:
                    bold += 1
                if flags[1]:
                    italic += 1
    x0 = x0s[0]
    return Seg(
        x0=x0,
        x1=x1s[-1],
        top=min(map(_TOP, chars)),
        bottom=max(map(_BOTTOM, chars)),
        text=text,
        size=main,
        bold=bold / letters if letters else 0.0,
        italic=italic / letters if letters else 0.0,
        font=base_font(font),
        first_word_w=first_word_end - x0,
        nchars=n,
        refs=[],
    )


def _has_space_between(space_x: list[tuple[float, float, float]], a: dict, b: dict, slack: float = 1.0) -> bool:
    if not space_x:
        return False
    i = bisect.bisect_left(space_x, (a["x1"] - slack, -1e9, -1e9))
    mid = (a["top"] + a["bottom"]) / 2
    while i < len(space_x) and space_x[i][0] <= b["x0"] + 0.5:
        _, top, bottom = space_x[i]
        if top - 1 <= mid <= bottom + 1:
            return True
        i += 1
    return False


def _segments(chars: list[dict], space_x) -> list[Seg]:
    """A line's glyphs cut into segments at wide gaps (the reference reading; see the module)."""
    return _motto_apart(_cut, chars, space_x)


def _cut(chars: list[dict], space_x) -> list[Seg]:
    sizes = [ch.get("size", 10.0) for ch in chars]
    if sizes.count(sizes[0]) == len(chars):  # `stretched`, as `_quick_segments` asks it
        gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:], strict=False)]
        wide = SEG_GAP_EM * (sizes[0] if sizes[0] >= 1.0 else 1.0)
        if sum(1 for g in gaps if g > wide) >= 2 and stretched(
            gaps, SPACE_GAP_EM * (sizes[0] if sizes[0] >= 1.0 else 1.0), [ch.get("text", "") for ch in chars]
        ):
            seg = _make_seg(chars, space_x)
            seg.stretched = True
            return [seg]
    segs: list[Seg] = []
    start = 0
    prev = chars[0]
    prev_size = prev.get("size", 10.0)
    for i in range(1, len(chars)):
        ch = chars[i]
        ch_size = ch.get("size", 10.0)
        size = ch_size if ch_size > prev_size else prev_size  # max(prev, ch, 1.0)
        if size < 1.0:
            size = 1.0
        if ch["x0"] - prev["x1"] > SEG_GAP_EM * size:
            segs.append(_make_seg(chars[start:i], space_x))
            start = i
        prev, prev_size = ch, ch_size
    segs.append(_make_seg(chars[start:] if start else chars, space_x))
    return segs


def _make_seg(chars: list[dict], space_x) -> Seg:
    sizes: dict[float, int] = {}
    for ch in chars:
        size_key = round(ch.get("size", 0.0) * 2) / 2
        sizes[size_key] = sizes.get(size_key, 0) + 1
    main = max(sizes, key=sizes.__getitem__)
    baseline = max((c["bottom"] for c in chars if abs(c.get("size", 0.0) - main) < 0.6), default=0.0)
    # a footnote reference mark: a digit or asterisk set small and raised above the baseline
    small, raised = 0.75 * main, baseline - 0.2 * main
    parts: list[str] = []
    length = 0
    refs: list[tuple[int, int]] = []
    first_word_end: float | None = None
    bold = italic = letters = 0
    fonts: dict[str, int] = {}
    flags_of = _FONT_FLAGS
    first = chars[0]
    top, bottom = first["top"], first["bottom"]
    slack: float | None = None  # 1 pt + the segment's `condensing`, worked out when a space needs it
    prev = None
    prev_x1 = prev_size = 0.0
    for ch in chars:
        text = ch["text"]
        ch_size = ch.get("size", 10.0)
        if prev is not None:
            size = ch_size if ch_size > prev_size else prev_size  # max(prev, ch, 1.0)
            if size < 1.0:
                size = 1.0
            gap = ch["x0"] - prev_x1
            spaced = gap > SPACE_GAP_EM * size
            if not spaced and gap > -0.5 and space_x:
                spaced = _has_space_between(space_x, prev, ch)
                if not spaced:
                    if slack is None:
                        slack = 1.0 + condensing([c["x0"] for c in chars], [c["x1"] for c in chars])
                    spaced = slack > 1.0 and _has_space_between(space_x, prev, ch, slack)
            if spaced:
                parts.append(" ")
                length += 1
                if first_word_end is None:
                    first_word_end = prev_x1
            t, b = ch["top"], ch["bottom"]
            if t < top:
                top = t
            if b > bottom:
                bottom = b
        mark = ch.get("_marks")
        piece = text + mark if mark else text
        if (text.isdigit() or text == "*") and ch.get("size", main) <= small and ch["bottom"] < raised:
            if refs and refs[-1][1] == length:
                refs[-1] = (refs[-1][0], length + len(piece))
            else:
                refs.append((length, length + len(piece)))
        parts.append(piece)
        length += len(piece)
        fontname = ch.get("fontname", "")
        if text.isalnum() or len(text) > 1:
            letters += 1
            flags = flags_of.get(fontname) or _font_flags(fontname)
            if ch.get("_fakebold") or flags[0]:
                bold += 1
            if flags[1]:
                italic += 1
        fonts[fontname] = fonts.get(fontname, 0) + 1
        prev, prev_x1, prev_size = ch, ch["x1"], ch_size
    x0, x1 = first["x0"], chars[-1]["x1"]
    if first_word_end is None:
        first_word_end = x1
    return Seg(
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        text="".join(parts),
        size=main,
        bold=bold / letters if letters else 0.0,
        italic=italic / letters if letters else 0.0,
        font=base_font(max(fonts, key=fonts.__getitem__)),
        first_word_w=first_word_end - x0,
        nchars=len(chars),
        refs=refs,
    )
