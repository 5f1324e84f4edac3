"""Two-column zones: the first-page header and the signature block.

In: a page's `lines.Line`s and its `PageGeom`. Out: `Zone`s (runs of lines split by a wide
gutter: issuer + Số left, motto + place-date right; Nơi nhận left, signer right) and their
role="layout" `Paragraph`s, each column read top to bottom, left column first
(`zone_paragraphs`); `zone_continuation` carries a zone over a page break.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from ...blocks import Paragraph
from ...vntext import clean, is_upper_title
from .geometry import PageGeom
from .lines import Line
from .paragraphs import MARKER_RE, make_paragraph

GUTTER_MIN_EM = 2.5  # a column gutter is at least this wide (in ems of the text beside it)

GUTTER_ALONE_EM = 5.0  # ... and one line is enough to open a zone when the gap is this wide

_FIELD_RE = re.compile(r"^(?:Số|V/v|Kính gửi|Nơi nhận)\b", re.I)  # fixed labels of ND 30 header/footer fields

_NUMBER_FIELD_RE = re.compile(r"^Số\b", re.I)  # the number line is one line
_ENDS_SENTENCE = re.compile(r"[.;:]$").search
_ENDS_LIST_HEAD = re.compile(r"[:;]$").search


@dataclass
class Zone:
    start: int  # index of the first line of the zone in the page's lines
    end: int  # one past the last
    lo: float  # the gutter: left column ends before lo, right column starts after hi
    hi: float


def _gaps(ln: Line) -> list[tuple[float, float]]:
    """The gaps between a line's segments, widest first."""
    gaps = [(a.x1, b.x0) for a, b in zip(ln.segs, ln.segs[1:], strict=False)]
    return sorted(gaps, key=lambda g: g[0] - g[1])


def _join_gutter(ln: Line, lo: float, hi: float) -> tuple[float, float] | None:
    """The gutter narrowed by a gap of `ln` that overlaps it by at least an em, or lies in it
    whole (the one narrower gap a line has: before the motto, `line_layouts.motto_inside`), if any."""
    for a, b in _gaps(ln):
        if min(hi, b) - max(lo, a) >= min(ln.size, b - a - 0.5):
            return max(lo, a), min(hi, b)
    return None


def find_zones(lines: list[Line], geom: PageGeom) -> list[Zone]:
    """Runs of lines laid out in two columns around a common gutter.

    A zone opens on a line with a gap of at least `GUTTER_MIN_EM`; the lines after it stay
    in the zone while they have a gap overlapping the gutter or keep to one side of it. It
    counts when two lines or more share the gutter (a blank left in "Số:      /KH-UBND" is
    wide too, but no other line has a gap there), or when the one gap is very wide. Lines
    just above a zone with a narrower gap inside its gutter join it (a long motto leaves
    little room beside the issuer).
    """
    zones: list[Zone] = []
    i, n = 0, len(lines)
    while i < n:
        gaps = _gaps(lines[i])
        if not gaps or gaps[0][1] - gaps[0][0] < GUTTER_MIN_EM * lines[i].size:
            i += 1
            continue
        lo, hi = gaps[0]
        both = 1
        left_c: list[float] = []
        right_c: list[float] = []
        left_x0: list[float] = []

        def sides(ln: Line) -> None:  # called only within this iteration: the loop variables are current
            left_c.extend(s.x0 / 2 + s.x1 / 2 for s in ln.segs if s.x1 <= lo + 0.5)  # noqa: B023
            right_c.extend(s.x0 / 2 + s.x1 / 2 for s in ln.segs if s.x0 >= hi - 0.5)  # noqa: B023
            left_x0.extend(s.x0 for s in ln.segs if s.x1 <= lo + 0.5)  # noqa: B023

        sides(lines[i])
        axes = _halves(lines[i])  # the centres of the opening line's two sides
        j = i + 1
        while j < n:
            ln = lines[j]
            narrowed = _join_gutter(ln, lo, hi)
            if narrowed or _on_axes(ln, axes):
                lo, hi = narrowed or (lo, hi)
                both += 1
                sides(ln)
                j += 1
                continue
            if _fits_side(ln, lo, hi, left_c, right_c, geom) or _left_run(lines[j - 1], ln, hi, left_x0):
                j += 1
                continue
            break
        # lines just above whose (narrower) gap lies in the gutter belong to the zone too, and
        # share its gutter; a line that keeps to one side on the way up (the last word of a
        # wrapped Quốc hiệu: "CỘNG HÒA … VIỆT" / "NAM") is passed over, and belongs to the zone
        # when a line above it does
        start, floor = i, zones[-1].end if zones else 0
        up_lo, up_hi = lo, hi
        k = start
        while k - 1 >= floor and (
            (gap := lines[k].top - lines[k - 1].bottom) <= 1.5 * lines[k].size
            or (gap <= 3.0 * lines[k].size and _on_axes(lines[k - 1], axes))
        ):
            above = lines[k - 1]
            narrowed = _join_gutter(above, up_lo, up_hi) if gap <= 1.5 * lines[k].size else None
            if narrowed or _on_axes(above, axes):
                up_lo, up_hi = narrowed or (up_lo, up_hi)
                k = start = k - 1
            elif k == start and (above.x0 >= up_hi - 0.5 * above.size or above.x1 <= up_lo + 0.5 * above.size):
                k -= 1
            else:
                break
        if both + (i - start) >= 2 or (hi - lo) >= GUTTER_ALONE_EM * lines[i].size:
            zones.append(Zone(start, j, up_lo, up_hi))
            i = j
        else:
            i += 1
    return zones


def _on_axes(ln: Line, axes: tuple[float, float] | None) -> bool:
    """A line whose two sides are centred on the two `axes` (within 1 pt) of the zone's opening
    line: the header's columns set with centred tab stops or cells. Long lines of both columns
    may leave no gap common to all lines ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG" reaches past where
    "CỘNG HÒA …" starts)."""
    own = _halves(ln)
    return own is not None and axes is not None and all(abs(x - y) <= 1.0 for x, y in zip(own, axes, strict=True))


def _halves(ln: Line) -> tuple[float, float] | None:
    """The centres of a line's two sides, split at its widest gap ("Số:   /KH-STTTT" is one side)."""
    segs = ln.segs
    if len(segs) < 2:
        return None
    k = max(range(len(segs) - 1), key=lambda i: segs[i + 1].x0 - segs[i].x1)
    return (segs[0].x0 + segs[k].x1) / 2, (segs[k + 1].x0 + segs[-1].x1) / 2


def _left_run(prev: Line, ln: Line, hi: float, left_x0: list[float]) -> bool:
    """A line that goes on the left column's run right under the line before: it starts where
    that column's lines start and ends before the right column. A long item of a Nơi nhận list
    beside the signature ("- UBND cấp huyện (để p/h chỉ đạo P.VHTT và Đài") is nearer the page
    centre than the column's short first line, but it is still the column's."""
    tol = 0.5 * ln.size
    return (
        bool(left_x0)
        and ln.page == prev.page
        and ln.top - prev.bottom <= 0.6 * ln.size
        and abs(ln.x0 - min(left_x0)) <= tol
        and ln.x1 <= hi - tol
    )


def _fits_side(ln: Line, lo: float, hi: float, left_c: list[float], right_c: list[float], g: PageGeom) -> bool:
    """A line belongs to a column when it keeps out of the other column and is not page-centred.

    The gutter found so far is only where the columns' texts stop; a column may be wider
    (the left one often is), so a left line only has to end before the right column starts.
    """
    tol = 0.5 * ln.size
    c = ln.center
    page_c = g.width / 2 if not g.right else g.center
    if ln.x1 <= hi - tol:
        col_c = sum(left_c) / len(left_c) if left_c else c
        return abs(c - col_c) <= abs(c - page_c)
    if ln.x0 >= lo + tol:
        col_c = sum(right_c) / len(right_c) if right_c else c
        return abs(c - col_c) <= abs(c - page_c)
    return False


def zone_paragraphs(lines: list[Line], zone: Zone, geom: PageGeom) -> list[Paragraph]:
    """Paragraphs of a two-column zone (`lines` are the zone's lines, in order, possibly running
    onto the next page): the whole left column, then the right column."""
    mid = (zone.lo + zone.hi) / 2
    columns: tuple[list[Line], list[Line]] = ([], [])
    for ln in lines:
        for side in (0, 1):
            segs = [s for s in ln.segs if ((s.x0 + s.x1) / 2 < mid) == (side == 0)]
            if segs:
                columns[side].append(Line(segs=segs, page=ln.page, index=ln.index))
    out: list[Paragraph] = []
    for side, col in enumerate(columns):
        if not col:
            continue
        box = _column_box(col, side, zone, geom)
        widest = max(ln.x1 - ln.x0 for ln in col)
        group: list[Line] = []
        wraps: list[bool] = []
        for ln in col:
            if group:
                prev = group[-1]
                wrap = _column_wrap(prev, ln, box)
                # upper-case lines stack by design; one only wraps when it is the column's widest
                # (and what wraps under a balanced centred line is short: "VIỆT NAM")
                upper_wrap = wrap and prev.x1 - prev.x0 >= widest - 1.0 and ln.x1 - ln.x0 < 0.6 * (prev.x1 - prev.x0)
                if _layout_break(prev, ln, upper_wrap):
                    out.append(make_paragraph(group, role="layout", wraps=wraps))
                    group, wraps = [], []
                else:
                    wraps.append(wrap)
            group.append(ln)
        if group:
            out.append(make_paragraph(group, role="layout", wraps=wraps))
    return out


def zone_continuation(zone_lines: list[Line], zone: Zone, next_lines: list[Line], geom: PageGeom) -> int:
    """How many of the first lines of the next page carry on the columns of a zone that ended
    its page (a Nơi nhận list running over the page break)."""
    mid = (zone.lo + zone.hi) / 2
    left_c = [s.x0 / 2 + s.x1 / 2 for ln in zone_lines for s in ln.segs if (s.x0 + s.x1) / 2 < mid]
    right_c = [s.x0 / 2 + s.x1 / 2 for ln in zone_lines for s in ln.segs if (s.x0 + s.x1) / 2 >= mid]
    n = 0
    for ln in next_lines:
        if _join_gutter(ln, zone.lo, zone.hi) is None and not _fits_side(ln, zone.lo, zone.hi, left_c, right_c, geom):
            break
        n += 1
    return n


def _column_box(col: list[Line], side: int, zone: Zone, g: PageGeom) -> tuple[float, float, float]:
    """(left, right, centre) of a column's text box, assuming its lines are centred in a cell
    that reaches the page margin on the outer side."""
    centers = sorted(ln.center for ln in col)
    center = centers[len(centers) // 2]
    if side == 0:
        left = min([g.left] + [ln.x0 for ln in col])
        return left, center + (center - left), center
    right = max([g.right] + [ln.x1 for ln in col])
    return center - (right - center), right, center


def _column_wrap(prev: Line, ln: Line, box: tuple[float, float, float]) -> bool:
    """Did `prev` end because the column was full (a wrap), not at a hard break?"""
    left, right, center = box
    if clean(ln.text)[:1].islower():
        return True
    space = 0.25 * prev.size
    if abs(prev.center - center) < 0.5 * prev.size:  # centred in the column
        return (prev.x1 - prev.x0) + space + ln.first_word_w >= (right - left) - 0.5 * prev.size
    return prev.x1 + space + ln.first_word_w >= right - 0.5 * prev.size


def _layout_break(prev: Line, ln: Line, upper_wrap: bool) -> bool:
    """Does `ln` start a new paragraph in a header/signature column? (`upper_wrap`: an upper-case
    line that can only have wrapped, being the column's widest.)"""
    ptext, text = clean(prev.text), clean(ln.text)
    if ln.top - prev.bottom > 0.8 * max(prev.size, ln.size):
        return True
    if text[:1].islower() and not _ENDS_SENTENCE(ptext) and abs(prev.size - ln.size) <= 2:
        return False  # a recipient or a trích yếu going on in lower case
    if abs(prev.size - ln.size) > 0.6 or abs(prev.bold - ln.bold) > 0.5 or abs(prev.italic - ln.italic) > 0.5:
        return True
    if is_upper_title(ptext) or is_upper_title(text):
        return not (upper_wrap and is_upper_title(ptext) and is_upper_title(text))
    if MARKER_RE.match(text) or _FIELD_RE.match(text) or _NUMBER_FIELD_RE.match(ptext):
        return True
    return bool(_ENDS_LIST_HEAD(ptext))
