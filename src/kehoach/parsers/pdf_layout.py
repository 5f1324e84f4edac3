"""Visual lines -> paragraphs: page furniture, two-column zones, paragraph breaks.

Works on `pdf_lines.Line`s only (no pdfplumber here). Three steps, each a small function:

- `drop_furniture`: running page numbers and lines repeated in the top/bottom band of
  most pages (page headers/footers) go.
- `find_zones`: runs of lines split by a wide gutter into two columns — the first-page
  header (issuer + Số left, motto + place-date right) and the signature block (Nơi nhận
  left, signer right). Each column is read top to bottom, left column first.
- `body_paragraphs`: consecutive lines become one paragraph unless the layout says a new
  one starts (vertical gap, first-line indent, a list marker, the previous line ending
  before the next word would have hit the margin, a change of style).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import regex as re

from ..blocks import Paragraph, Provenance
from ..vntext import clean, is_upper_title
from .pdf_lines import Line, remove_refs

FURNITURE_BAND = 0.10          # share of the page height at the top and bottom where headers/footers live
GUTTER_MIN_EM = 2.5            # a column gutter is at least this wide (in ems of the text beside it)
GUTTER_ALONE_EM = 5.0          # ... and one line is enough to open a zone when the gap is this wide
MARGIN_MIN_LINES = 3           # long lines needed to read a page's margins from the page itself

MARKER_RE = re.compile(
    r"^(?:[-–—+•*▪●○✓]\s|\(?\d{1,3}[.)]\s|\d{1,3}(?:\.\d{1,3})+\.?\s|[IVXLC]{1,6}\.\s|[a-zđ]\)\s|\(\d{1,3}\)\s|"
    r"[IVXLC]{1,6}\s*[-–]\s)"
)
_PAGE_NO_RE = re.compile(r"^[-–—\s]*(?:trang|page)?\s*\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?[-–—\s]*$", re.I)
_TERMINAL_RE = re.compile(r"[.;:!?]\W*$")
_FIELD_RE = re.compile(r"^(?:Số|V/v|Kính gửi|Nơi nhận)\b", re.I)   # fixed labels of ND 30 header/footer fields
_NUMBER_FIELD_RE = re.compile(r"^Số\b", re.I)                          # the number line is one line


@dataclass
class PageGeom:
    number: int
    width: float
    height: float
    left: float = 0.0       # body text margins found on the page
    right: float = 0.0
    measured: bool = False  # margins read from this page's text or a page of its size (not a guess)

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


@dataclass
class Metrics:
    body_size: float = 12.0
    pitch_em: float = 1.2    # baseline distance inside a paragraph, in ems


# ---------------------------------------------------------------- geometry & metrics


def page_margins(lines: list[Line], geom: PageGeom) -> bool:
    """Left/right text margins of a page from its long lines of the page's main size.

    Returns False (margins left at 10%/90% of the width) when the page has too few long
    lines to tell; `fill_margins` then borrows them from pages of the same size."""
    sizes = Counter(round(ln.size) for ln in lines for _ in range(len(ln.text)))
    main = sizes.most_common(1)[0][0] if sizes else 0
    body = [ln for ln in lines if abs(ln.size - main) <= 1.5 and len(ln.segs) == 1]
    widest = max((ln.x1 - ln.x0 for ln in body), default=0.0)
    long = [ln for ln in body if ln.x1 - ln.x0 >= 0.6 * widest] if widest else []
    geom.left, geom.right = geom.width * 0.1, geom.width * 0.9
    if len(long) < MARGIN_MIN_LINES or widest < 0.4 * geom.width:
        return False
    xs0 = sorted(ln.x0 for ln in long)
    xs1 = sorted(ln.x1 for ln in long)
    left, right = xs0[len(xs0) // 10], xs1[-1 - len(xs1) // 10]
    if sum(1 for x in xs0 if abs(x - left) < 2) < 2 or sum(1 for x in xs1 if abs(x - right) < 2) < 2:
        return False                     # no two lines share an edge: centred titles, not a text block
    geom.left, geom.right, geom.measured = left, right, True
    return True


def fill_margins(pages: list[list[Line]], geoms: list[PageGeom]) -> None:
    """Margins for every page: its own when it has enough text, else those of pages of its size."""
    known = [page_margins(lines, g) for lines, g in zip(pages, geoms)]
    for g, ok in zip(geoms, known):
        if ok:
            continue
        same = [h for h, k in zip(geoms, known) if k and abs(h.width - g.width) < 1 and abs(h.height - g.height) < 1]
        if same:
            lefts = sorted(h.left for h in same)
            rights = sorted(h.right for h in same)
            g.left, g.right, g.measured = lefts[len(lefts) // 2], rights[len(rights) // 2], True


def measure(pages: list[list[Line]], geoms: list[PageGeom], body_size: float) -> Metrics:
    """Typical baseline pitch inside paragraphs: between a full-width line and the next one."""
    ratios: Counter[float] = Counter()
    for lines, g in zip(pages, geoms):
        for prev, ln in zip(lines, lines[1:]):
            if len(prev.segs) > 1 or len(ln.segs) > 1 or abs(prev.size - ln.size) > 0.5:
                continue
            if prev.x1 >= g.right - 0.5 * prev.size and ln.x0 <= g.left + 0.5 * ln.size:
                pitch = ln.bottom - prev.bottom
                if 0.8 * ln.size < pitch < 3 * ln.size:
                    ratios[round(pitch / ln.size, 2)] += 1
    pitch_em = ratios.most_common(1)[0][0] if ratios else 1.2
    return Metrics(body_size=body_size, pitch_em=pitch_em)


# ---------------------------------------------------------------- page furniture


def drop_furniture(pages: list[list[Line]], geoms: list[PageGeom]) -> tuple[list[list[Line]], int]:
    """Remove running page numbers and page headers/footers. Returns (pages, lines dropped).

    In the top or bottom `FURNITURE_BAND` of a page: a line that is only a page number
    ("2", "- 2 -", "Trang 2/5"), or a line repeated (digits aside) at the same place on at
    least three pages and half of them — a heading that merely recurs ("PHỤ LỤC") on two
    pages stays.
    """
    def in_band(ln: Line, g: PageGeom) -> bool:
        return ln.bottom <= g.height * FURNITURE_BAND or ln.top >= g.height * (1 - FURNITURE_BAND)

    def key(ln: Line) -> tuple[str, int]:
        return re.sub(r"\d+", "#", clean(ln.text).casefold()), round(ln.top / 3)

    seen: Counter[tuple[str, int]] = Counter()
    for lines, g in zip(pages, geoms):
        seen.update({key(ln) for ln in lines if in_band(ln, g)})
    need = max(3, math.ceil(0.5 * len(pages)))
    out: list[list[Line]] = []
    dropped = 0
    for lines, g in zip(pages, geoms):
        kept = []
        for ln in lines:
            text = clean(ln.text)
            if in_band(ln, g) and (
                (_PAGE_NO_RE.match(text) and len(text) <= 16)
                or (seen[key(ln)] >= need and len(text) <= 200)
            ):
                dropped += 1
                continue
            kept.append(ln)
        out.append(kept)
    return out, dropped


# ---------------------------------------------------------------- footnotes


_NOTE_START_RE = re.compile(r"^(?P<mark>\d{1,3}|\*{1,3})\s*(?=\S)")


def split_footnotes(lines: list[Line], geom: PageGeom) -> tuple[list[Line], list[Paragraph]]:
    """Footnotes at the foot of a page -> (the other lines, footnote paragraphs).

    The block of small-type lines closing the page in its lower half, opening with a
    number, is a footnote area when the page's text carries a raised reference mark with
    that number (small type alone could be a Nơi nhận list). The marks are cut out of the
    text, as the DOCX front-end drops them; the notes become role="footnote" paragraphs,
    which the parser puts at the end of the document (they never split a paragraph that
    runs over the page break).
    """
    sizes = Counter(round(ln.size) for ln in lines for _ in range(len(ln.text)))
    if not sizes:
        return lines, []
    main = sizes.most_common(1)[0][0]
    start = len(lines)
    while start > 0:
        ln = lines[start - 1]
        if ln.size > min(main - 1.5, 0.85 * main) or ln.top < geom.height / 2 or len(ln.segs) > 1:
            break
        start -= 1
    notes = lines[start:]
    if not notes:
        return lines, []
    first = _NOTE_START_RE.match(clean(notes[0].text))
    refs = {seg.text[a:b] for ln in lines[:start] for seg in ln.segs for a, b in seg.refs}
    if not first or first.group("mark") not in refs:
        return lines, []
    groups: list[list[Line]] = []
    marks: set[str] = set()
    for ln in notes:
        m = _NOTE_START_RE.match(clean(ln.text))
        if m and (m.group("mark") in refs or not groups):
            marks.add(m.group("mark"))
            groups.append([ln])
        else:
            groups[-1].append(ln)
    for ln in lines[:start]:
        for seg in ln.segs:
            if seg.refs:
                remove_refs(seg, marks)
    out = []
    for group in groups:
        para = make_paragraph(group, role="footnote", geom=geom)
        text = _NOTE_START_RE.sub("", para.text, count=1)
        para.lines = [_NOTE_START_RE.sub("", para.lines[0], count=1), *para.lines[1:]] if para.lines else []
        para.text = text
        out.append(para)
    return lines[:start], out


# ---------------------------------------------------------------- two-column zones


@dataclass
class Zone:
    start: int              # index of the first line of the zone in the page's lines
    end: int                # one past the last
    lo: float               # the gutter: left column ends before lo, right column starts after hi
    hi: float


def _gaps(ln: Line) -> list[tuple[float, float]]:
    """The gaps between a line's segments, widest first."""
    gaps = [(a.x1, b.x0) for a, b in zip(ln.segs, ln.segs[1:])]
    return sorted(gaps, key=lambda g: g[0] - g[1])


def _join_gutter(ln: Line, lo: float, hi: float) -> tuple[float, float] | None:
    """The gutter narrowed by a gap of `ln` that overlaps it by at least an em, if any."""
    for a, b in _gaps(ln):
        if min(hi, b) - max(lo, a) >= ln.size:
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

        def sides(ln: Line) -> None:
            left_c.extend(s.x0 / 2 + s.x1 / 2 for s in ln.segs if s.x1 <= lo + 0.5)
            right_c.extend(s.x0 / 2 + s.x1 / 2 for s in ln.segs if s.x0 >= hi - 0.5)

        sides(lines[i])
        j = i + 1
        while j < n:
            ln = lines[j]
            narrowed = _join_gutter(ln, lo, hi)
            if narrowed:
                lo, hi = narrowed
                both += 1
                sides(ln)
                j += 1
                continue
            if _fits_side(ln, lo, hi, left_c, right_c, geom):
                j += 1
                continue
            break
        if both >= 2 or (hi - lo) >= GUTTER_ALONE_EM * lines[i].size:
            # lines just above whose (narrower) gap lies in the gutter belong to the zone too
            start, floor = i, zones[-1].end if zones else 0
            while start - 1 >= floor and lines[start].top - lines[start - 1].bottom <= 1.5 * lines[start].size:
                narrowed = _join_gutter(lines[start - 1], lo, hi)
                if not narrowed:
                    break
                lo, hi = narrowed
                start -= 1
            zones.append(Zone(start, j, lo, hi))
            i = j
        else:
            i += 1
    return zones


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
                upper_wrap = wrap and prev.x1 - prev.x0 >= widest - 1.0 and \
                    ln.x1 - ln.x0 < 0.6 * (prev.x1 - prev.x0)
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
    if abs(prev.center - center) < 0.5 * prev.size:          # centred in the column
        return (prev.x1 - prev.x0) + space + ln.first_word_w >= (right - left) - 0.5 * prev.size
    return prev.x1 + space + ln.first_word_w >= right - 0.5 * prev.size


def _layout_break(prev: Line, ln: Line, upper_wrap: bool) -> bool:
    """Does `ln` start a new paragraph in a header/signature column? (`upper_wrap`: an upper-case
    line that can only have wrapped, being the column's widest.)"""
    ptext, text = clean(prev.text), clean(ln.text)
    if ln.top - prev.bottom > 0.8 * max(prev.size, ln.size):
        return True
    if text[:1].islower() and not re.search(r"[.;:]$", ptext) and abs(prev.size - ln.size) <= 2:
        return False                     # a recipient or a trích yếu going on in lower case
    if abs(prev.size - ln.size) > 0.6 or abs(prev.bold - ln.bold) > 0.5 or abs(prev.italic - ln.italic) > 0.5:
        return True
    if is_upper_title(ptext) or is_upper_title(text):
        return not (upper_wrap and is_upper_title(ptext) and is_upper_title(text))
    if MARKER_RE.match(text) or _FIELD_RE.match(text) or _NUMBER_FIELD_RE.match(ptext):
        return True
    return bool(re.search(r"[:;]$", ptext))


# ---------------------------------------------------------------- body paragraphs


def _centered(ln: Line, g: PageGeom) -> bool:
    """Centred between the margins (equal space left and right), not a full or indented line."""
    return ln.x0 > g.left + 0.25 * ln.size and abs((ln.x0 - g.left) - (g.right - ln.x1)) < 0.5 * ln.size


def _symmetric(ln: Line, g: PageGeom) -> bool:
    """As much space left as right (a centred line that fills the measure, or a full one)."""
    return abs((ln.x0 - g.left) - (g.right - ln.x1)) < 0.5 * ln.size


def starts_paragraph(prev: Line, ln: Line, gp: PageGeom, g: PageGeom, m: Metrics) -> bool:
    """True when `ln` begins a new paragraph instead of continuing `prev`."""
    size = max(prev.size, ln.size)
    space = 0.25 * prev.size
    text, ptext = clean(ln.text), clean(prev.text)
    if abs(prev.size - ln.size) > 1.0:
        return True
    marker = bool(MARKER_RE.match(text))
    if ln.page != prev.page:
        full = prev.x1 + space + ln.first_word_w >= gp.right - 0.3 * size
        return not (full and ln.x0 <= g.left + 0.5 * size and not marker)
    if ln.bottom - prev.bottom > size * (m.pitch_em * 1.2 + 0.05):
        return True
    # no break on a change of bold or italic alone: a bold phrase inside a paragraph can fill a line
    if _centered(ln, g) and (_centered(prev, g) or _symmetric(prev, g)):
        if abs(prev.bold - ln.bold) > 0.5 or abs(prev.italic - ln.italic) > 0.5:
            return True                  # a centred title's lines share one style; "(Kèm theo …)" is another
        if text.startswith("(") and ptext.count("(") <= ptext.count(")"):
            return True                  # a parenthesis opening a centred line: "(Ban hành kèm theo …)"
        if is_upper_title(ptext) != is_upper_title(text):
            return True
        if is_upper_title(ptext):
            return (prev.x1 - prev.x0) + space + ln.first_word_w < (g.right - g.left) - 0.3 * size
        return False
    if marker:
        return True
    if prev.x1 + space + ln.first_word_w < g.right - 0.3 * size:
        return True                      # the next word would have fit: prev ended with a hard break
    if ln.x0 > prev.x0 + 0.8 * size:
        return True                      # first-line indent
    return False


def _body_wrap(prev: Line, ln: Line, g: PageGeom) -> bool:
    """Inside one paragraph: did `prev` wrap (rather than end at a hard line break)?"""
    if prev.page != ln.page or clean(ln.text)[:1].islower():
        return True
    space = 0.25 * prev.size
    if _centered(prev, g):
        return (prev.x1 - prev.x0) + space + ln.first_word_w >= (g.right - g.left) - 0.3 * prev.size
    return prev.x1 + space + ln.first_word_w >= g.right - 0.3 * prev.size


def body_paragraphs(lines: list[Line], geoms: dict[int, PageGeom], m: Metrics) -> list[Paragraph]:
    out: list[Paragraph] = []
    group: list[Line] = []
    wraps: list[bool] = []
    for ln in lines:
        if group:
            prev = group[-1]
            if starts_paragraph(prev, ln, geoms[prev.page], geoms[ln.page], m):
                out.append(make_paragraph(group, geom=geoms[group[0].page], wraps=wraps))
                group, wraps = [], []
            else:
                wraps.append(_body_wrap(prev, ln, geoms[prev.page]))
        group.append(ln)
    if group:
        out.append(make_paragraph(group, geom=geoms[group[0].page], wraps=wraps))
    return out


# ---------------------------------------------------------------- text


def join_lines(texts: list[str]) -> str:
    """Join wrapped lines with a space (Vietnamese syllables are words: never glue them).

    A line ending in a hyphen after a letter is joined without a space ("NĐ-" + "CP"),
    unless a capitalised word follows ("Trang-" + "Kinh phí": a dash, then a new item);
    the hyphen itself is dropped only for an obvious Latin word hyphenation ("infor-" +
    "mation"); a soft hyphen at the end of a line is removed.
    """
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if not out:
            out = t
            continue
        if out.endswith("\u00ad"):
            out = out[:-1] + t
        elif re.search(r"\w-$", out):
            tail = out.rsplit(None, 1)[-1]
            head = t.split(None, 1)[0]
            if re.fullmatch(r"[a-z]{3,}-", tail) and re.fullmatch(r"[a-z]{2,}[.,;:!?)]*", head):
                out = out[:-1] + t           # a Latin word hyphenated at the line end
            elif re.match(r"\p{Lu}\p{Ll}", head):
                out = out + " " + t          # "Cổng/Trang-" + "Kinh phí": a dash before a new word
            else:
                out = out + t                # "NĐ-" + "CP", "snv-" + "cchc@…": the hyphen belongs to the text
        else:
            out = out + " " + t
    return out


def make_paragraph(group: list[Line], role: str = "body", geom: PageGeom | None = None,
                   wraps: list[bool] | None = None) -> Paragraph:
    """One paragraph from its visual lines. `wraps[i]` says line i+1 continues line i after a
    wrap; `lines` keeps only the hard breaks (as a DOCX paragraph's <w:br/> would)."""
    texts = [clean(ln.text) for ln in group]
    wraps = wraps if wraps is not None else [True] * (len(group) - 1)
    logical: list[list[str]] = [[texts[0]]]
    for text, wrap in zip(texts[1:], wraps):
        if wrap:
            logical[-1].append(text)
        else:
            logical.append([text])
    nchars = sum(len(t) for t in texts) or 1
    bold = sum(ln.bold * len(t) for ln, t in zip(group, texts)) / nchars
    italic = sum(ln.italic * len(t) for ln, t in zip(group, texts)) / nchars
    lines = [clean(join_lines(part)) for part in logical]
    return Paragraph(
        text=clean(join_lines(texts)),
        raw="\n".join(ln.text for ln in group),
        lines=[t for t in lines if t],
        bold=True if bold >= 0.9 else (False if bold <= 0.1 else None),
        italic=True if italic >= 0.9 else (False if italic <= 0.1 else None),
        align=_align(group, geom),
        role=role,  # type: ignore[arg-type]
        prov=Provenance(line=group[0].index, page=group[0].page, source="pdf"),
    )


def _align(group: list[Line], g: PageGeom | None) -> str | None:
    if g is None:
        return None
    if all(_centered(ln, g) for ln in group) or (
            _centered(group[-1], g) and all(_symmetric(ln, g) for ln in group[:-1])):
        return "center"
    size = group[0].size
    if len(group) > 1 and all(ln.x1 >= g.right - 0.5 * size for ln in group[:-1]):
        return "justify"
    if group[-1].x1 >= g.right - 0.5 * size and group[0].x0 > g.left + 3 * size:
        return "right"
    return "left"
