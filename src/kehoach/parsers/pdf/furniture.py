"""Page furniture and footnotes: lines that are not part of the running text.

In: the `lines.Line`s of every page and their `PageGeom`. Out: the pages without their running
page numbers and repeated headers/footers (`drop_furniture`), and a page's footnotes as
role="footnote" `Paragraph`s cut from its foot (`split_footnotes`), their reference marks
removed from the text.
"""

from __future__ import annotations

import math
from collections import Counter

import regex as re

from ...blocks import Paragraph
from ...vntext import clean
from .geometry import PageGeom, size_by_chars
from .lines import Line, remove_refs
from .paragraphs import make_paragraph

FURNITURE_BAND = 0.10  # share of the page height at the top and bottom where headers/footers live

_PAGE_NO_RE = re.compile(r"^[-–—\s]*(?:trang|page)?\s*\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?[-–—\s]*$", re.I)

_DIGITS = re.compile(r"\d+")
_NOTE_START_RE = re.compile(r"^(?P<mark>\d{1,3}|\*{1,3})\s*(?=\S)")


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
        return _DIGITS.sub("#", clean(ln.text).casefold()), round(ln.top / 3)

    seen: Counter[tuple[str, int]] = Counter()
    for lines, g in zip(pages, geoms, strict=False):
        seen.update({key(ln) for ln in lines if in_band(ln, g)})
    need = max(3, math.ceil(0.5 * len(pages)))
    out: list[list[Line]] = []
    dropped = 0
    for lines, g in zip(pages, geoms, strict=False):
        kept = []
        for k, ln in enumerate(lines):
            text = clean(ln.text)
            if in_band(ln, g) and (
                (_PAGE_NO_RE.match(text) and len(text) <= 16 and not _goes_on(lines[k - 1] if k else None, ln, g))
                or (seen[key(ln)] >= need and len(text) <= 200)
            ):
                dropped += 1
                continue
            kept.append(ln)
        out.append(kept)
    return out, dropped


def _goes_on(above: Line | None, ln: Line, g: PageGeom) -> bool:
    """A number alone on a line right under a long line of text, from where that line starts or
    further left, at the paragraph's pitch: the wrapped end of that line ("III. MỘT SỐ HOẠT ĐỘNG
    … TRONG NĂM" / "2026" at the top of a page), not a page number, which stands apart."""
    return (
        above is not None
        and abs(above.size - ln.size) < 0.6
        and 0 <= ln.top - above.bottom <= 0.8 * ln.size
        and above.x1 - above.x0 >= 0.5 * g.width
        and ln.x0 <= above.x0 + 0.5 * ln.size
    )


def split_footnotes(lines: list[Line], geom: PageGeom) -> tuple[list[Line], list[Paragraph]]:
    """Footnotes at the foot of a page -> (the other lines, footnote paragraphs).

    The block of small-type lines closing the page in its lower half, opening with a
    number, is a footnote area when the page's text carries a raised reference mark with
    that number (small type alone could be a Nơi nhận list). The marks are cut out of the
    text, as the DOCX front-end drops them; the notes become role="footnote" paragraphs,
    which the parser puts at the end of the document (they never split a paragraph that
    runs over the page break).
    """
    sizes = size_by_chars(lines)
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
