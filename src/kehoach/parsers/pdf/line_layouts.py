"""Lines Word lays out in ways the segmenter must know before it cuts a line at its wide gaps.

In: one line's glyph gaps and texts, or its glyphs' x extents, or its segments' texts and
glyphs. Out: whether it is a justified line a line break stretched to the margin (`stretched`:
one run of words, not columns), how far condensed character spacing moves each glyph left
(`condensing`: a word space then starts inside the letter before it) and where the national
motto begins inside a run of glyphs (`motto_inside`: it starts a header column of its own).
`segments` applies them in both its segmenters. Once the page's margins are known, a line of
two words a line break stretched from margin to margin is made one run again
(`join_stretched_pairs`): its one gap looks like a column gutter.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

import regex as re

if TYPE_CHECKING:
    from .geometry import PageGeom
    from .lines import Line
    from .segments import Seg

# a list number or bullet as Word writes it before a paragraph's text ("a)", "1.", "1.2", "IV.", "(3)",
# "-"); `paragraphs.MARKER_RE` is built on it
LIST_NUMBER = r"[-–—+•*▪●○✓]|\(?\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?|[IVXLC]{1,6}\.|[a-zđ]\)|\(\d{1,3}\)"
_LIST_NUMBER = re.compile(LIST_NUMBER)

# the national name and motto every document's header carries (Nghị định 30, Điều 8), as their
# glyphs spell them with no spaces
_MOTTO_RE = re.compile(r"CỘNGH(?:ÒA|OÀ)XÃHỘI|Độclập[-–]Tựdo")


def stretched(gaps: list[float], space: float, texts: list[str] | None = None) -> bool:
    """A justified line stretched to the margin: every word space (a gap over `space` points)
    the same width. Word and LibreOffice widen each space of a line that a line break ends
    inside a justified paragraph alike ("a)      Nhiệm      vụ:      Tham      mưu"); the line
    is one run of words, not columns. Asked only of a line in one size with two wide gaps or
    more: columns and tab stops leave ordinary spaces inside their cells. A list number Word
    writes itself keeps its own separator ("a) Chủ      trì      triển"): given the glyph
    `texts`, a narrower first space after a first word that is a list number ("a)", "1.", "-")
    is left out."""
    at = [k for k, g in enumerate(gaps) if g > space]
    spaces = [gaps[k] for k in at]
    if spaces and _alike(spaces):
        return True
    if texts is None or len(spaces) < 3 or spaces[0] >= min(spaces[1:]) or not _alike(spaces[1:]):
        return False
    return _LIST_NUMBER.fullmatch("".join(texts[: at[0] + 1])) is not None


def _alike(spaces: list[float]) -> bool:
    return max(spaces) - min(spaces) <= 0.5 + 0.01 * max(spaces)


def condensing(x0s: list[float], x1s: list[float]) -> float:
    """How far each glyph of a segment starts before the one on its left ends: Word's condensed
    character spacing ("condensed by 1 pt", common on the header's long lines) moves every glyph,
    the space glyphs too, that far left, so a word space starts inside the letter before it.
    The median overlap of neighbours; 0 for ordinary spacing (under 0.3 pt) or under 4 glyphs."""
    n = len(x0s)
    if n < 4:
        return 0.0
    overlap = sorted(a - b for a, b in zip(x1s, x0s[1:], strict=False))[(n - 1) // 2]
    return overlap if overlap >= 0.3 else 0.0


def motto_inside(texts: list[str], chars: list[dict]) -> int:
    """The glyph of `chars` (a line, whose segments read `texts`) where the Quốc hiệu ("CỘNG HÒA
    XÃ HỘI …") or the Tiêu ngữ ("Độc lập - Tự do …") begins inside a segment, after a gap wider
    than a word space (half an em): the header's two columns set so close that the issuer's
    line runs into the motto beside it ("ỦY BAN BẦU CỬ XÃ PHỐ BẢNG   CỘNG HÒA XÃ HỘI CHỦ NGHĨA
    VIỆT NAM"); the motto starts a column of its own. 0 when there is none (a title that names
    the country has ordinary word spaces)."""
    if not any(
        ("CỘNG" in t and not t.startswith("CỘNG")) or ("Độc lập" in t and not t.startswith("Độc lập")) for t in texts
    ):
        return 0
    spelled, glyph_at = "", []
    for i, ch in enumerate(chars):
        t = unicodedata.normalize("NFC", ch.get("text", "") + ch.get("_marks", ""))
        spelled += t
        glyph_at.extend([i] * len(t))
    for m in _MOTTO_RE.finditer(spelled):
        i = glyph_at[m.start()]
        if i and chars[i]["x0"] - chars[i - 1]["x1"] >= 0.5 * max(1.0, chars[i].get("size", 10.0)):
            return i
    return 0


def join_stretched_pairs(lines: list[Line], g: PageGeom) -> None:
    """Make a line of two words stretched from margin to margin one run of words (in place).

    A line break ends a justified line after two words ("bảo" … "vệ", or Word's list number
    and a word: "4. Sở" … "Tài"): its one space widens to the whole measure, and the line
    reads as two one-word columns that open a header-like zone of their own. `stretched`
    needs two widened spaces; one is recognised by where the line stands: it starts at the
    margin or the first-line indent, its last word ends on the right margin as the justified
    lines do, each side is one word (the left one may follow a list number) and the
    paragraph goes on at the margin on the next line. Columns of a header or a signature
    hold several words or stop short of the margin. The field labels "Nơi nhận:" and "Kính
    gửi:" stretched across their cell are joined first, wherever they stand (`_join_split_label`)."""
    for ln in lines:
        _join_split_label(ln)
    if not g.measured:
        return
    for k, ln in enumerate(lines[:-1]):
        if len(ln.segs) != 2:
            continue
        a, b = ln.segs
        size, nxt = a.size, lines[k + 1]
        words = a.text.split()
        if (
            abs(b.size - size) < 0.1
            and len(b.text.split()) == 1
            and (len(words) == 1 or (len(words) == 2 and _LIST_NUMBER.fullmatch(words[0]) is not None))
            and abs(b.x1 - g.right) <= 0.15 * size
            and g.left - 0.5 * size <= a.x0 <= g.left + 4 * size
            and len(nxt.segs) == 1
            and nxt.page == ln.page
            and abs(nxt.size - size) < 0.1
            and abs(nxt.x0 - g.left) <= 0.5 * size
            and 0 < nxt.top - ln.bottom <= size
        ):
            ln.segs = [_joined(a, b)]


# the two-word labels of Nghị định 30's fields: never two columns, even stretched across a cell
_LABEL_HEAD, _LABEL_TAIL = re.compile(r"(?i)N[ơo]i|Kính"), re.compile(r"(?i)(?:nh[ậa]n|gửi):?")


def _join_split_label(ln: Line) -> None:
    """ "Nơi      nhận:" justified in the signature table's left cell (a line break ends it): the
    widened space looked like the gutter between the recipients and the signature."""
    k = 0
    while k + 1 < len(ln.segs):
        a, b = ln.segs[k], ln.segs[k + 1]
        if _LABEL_HEAD.fullmatch(a.text) and _LABEL_TAIL.fullmatch(b.text) and abs(a.size - b.size) < 0.1:
            ln.segs[k : k + 2] = [_joined(a, b)]
        k += 1


def _joined(a: Seg, b: Seg) -> Seg:
    """Segments `a` and `b` as one run of words, stretched between them."""
    n = a.nchars + b.nchars or 1
    return replace(
        a,
        x1=b.x1,
        top=min(a.top, b.top),
        bottom=max(a.bottom, b.bottom),
        text=f"{a.text} {b.text}",
        bold=(a.bold * a.nchars + b.bold * b.nchars) / n,
        italic=(a.italic * a.nchars + b.italic * b.nchars) / n,
        nchars=a.nchars + b.nchars,
        refs=a.refs + [(s + len(a.text) + 1, e + len(a.text) + 1) for s, e in b.refs],
        stretched=True,
    )
