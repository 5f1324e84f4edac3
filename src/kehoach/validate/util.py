"""Small helpers shared by the rules: locations from provenance, excerpts, dates, plan year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex as re

from ..blocks import Document, Paragraph, Provenance, Table
from ..models import Location, Plan
from ..vntext import clean

EXCERPT = 120


def excerpt(text: str | None, limit: int = EXCERPT) -> str:
    """The start of a text, cut at a word boundary."""
    text = clean(text or "")
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 0.6 else cut) + " …"


def location(prov: Provenance | None, block: int | None = None) -> Location:
    prov = prov or Provenance()
    return Location(
        line=prov.line,
        page=prov.page,
        page_approx=prov.page_approx or None,
        table=prov.table,
        row=prov.row,
        col=prov.col,
        block=block,
        source=prov.source,
    )


def document(plan: Plan) -> Document | None:
    return plan.document if isinstance(plan.document, Document) else None


def paragraphs(plan: Plan, *, layout: bool = True) -> Iterator[tuple[int, Paragraph]]:
    """(block index, paragraph) in document order; layout paragraphs only when asked."""
    doc = document(plan)
    if doc is None:
        return
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph) and block.text and (layout or block.role != "layout"):
            yield i, block


def tables(plan: Plan) -> Iterator[tuple[int, Table]]:
    doc = document(plan)
    if doc is None:
        return
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Table):
            yield i, block


def first_paragraph(
    plan: Plan, pattern: re.Pattern, *, within: int | None = None
) -> tuple[int, Paragraph, re.Match] | None:
    """The first paragraph (optionally among the first `within`) one of whose lines matches."""
    for n, (i, para) in enumerate(paragraphs(plan)):
        if within is not None and n >= within:
            break
        for line in para.lines or [para.text]:
            m = pattern.search(clean(line))
            if m:
                return i, para, m
    return None


# ---- dates ----------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?![\d/])")
_WORDED_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)", re.I)


def dates_in(text: str) -> Iterator[tuple[re.Match, int, int, int]]:
    """(match, day, month, year) for every numeric or worded date in a text."""
    for pattern in (_NUMERIC_DATE, _WORDED_DATE):
        for m in pattern.finditer(text):
            yield m, int(m.group(1)), int(m.group(2)), int(m.group(3))


def make_date(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def plan_date(plan: Plan) -> dt.date | None:
    return iso(plan.header.date)


def plan_years(plan: Plan) -> tuple[int, int] | None:
    """The years a plan covers: from its title ("năm 2024", "giai đoạn 2021 - 2025") and its date."""
    years: set[int] = set()
    title = plan.header.title or ""
    span = re.search(r"((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)", title)
    if span:
        lo, hi = int(span.group(1)), int(span.group(2))
        if lo <= hi <= lo + 10:
            years |= {lo, hi}
    for m in re.finditer(r"năm\s+((?:19|20)\d\d)", title, flags=re.I):
        years.add(int(m.group(1)))
    when = plan.header.date or plan.header.date_partial
    if when and re.match(r"(?:19|20)\d\d", when):
        years.add(int(when[:4]))
    if not years:
        return None
    return min(years), max(years)


# ---- describing a location to people ---------------------------------------------------

_WORDS = {
    "vi": {"line": "dòng", "para": "đoạn", "page": "trang", "table": "bảng", "row": "hàng", "block": "khối"},
    "en": {"line": "line", "para": "paragraph", "page": "page", "table": "table", "row": "row", "block": "block"},
}


def describe(loc: Location | None, lang: str = "vi") -> str:
    """'dòng 53', 'trang 2, dòng 5', 'bảng 2, hàng 4', 'đoạn 17' (DOCX paragraph index)."""
    if loc is None:
        return ""
    w = _WORDS.get(lang, _WORDS["vi"])
    parts: list[str] = []
    if loc.page:
        parts.append(f"{w['page']} {'~' if loc.page_approx else ''}{loc.page}")
    if loc.table:
        parts.append(f"{w['table']} {loc.table}")
        if loc.row:
            parts.append(f"{w['row']} {loc.row}")
        if loc.line and loc.source in ("text", "pdf", "ocr"):
            parts.append(f"{w['line']} {loc.line}")  # a text file's line: where an editor jumps
    elif loc.line:
        parts.append(f"{w['para' if loc.source == 'docx' else 'line']} {loc.line}")
    elif loc.block is not None and not parts:
        parts.append(f"{w['block']} {loc.block + 1}")
    return ", ".join(parts)


def describe_range(start: Location, end: Location, lang: str = "vi") -> str:
    """'dòng 53–81' when both ends are on lines of one page, else 'A – B'."""
    a, b = describe(start, lang), describe(end, lang)
    if a == b:
        return a
    if start.line and end.line and start.page == end.page and not start.table and not end.table:
        return f"{a}–{end.line}"
    return f"{a} – {b}"
