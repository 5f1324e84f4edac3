"""Timelines: keep the raw text, add a kind and the dates it implies.

"Thường xuyên trong năm 2024" -> ongoing 2024-01-01..2024-12-31; "Quý III/2024" -> quarter;
"Trước ngày 10/12/2024" -> deadline; "01 lần/quý" -> recurring; "Theo kế hoạch" -> event.
A missing year is the plan's year.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Literal

from .. import fastre as re
from ..models import Recurrence, Timeline
from ..vntext import clean, fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_PER: dict[str, Literal["day", "week", "month", "quarter", "year"]] = {
    "ngay": "day",
    "tuan": "week",
    "thang": "month",
    "quy": "quarter",
    "nam": "year",
}
_NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "muoi hai": 12}


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_end(y: int, m: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    return _iso(y, m, calendar.monthrange(y, m)[1])


def years_in(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)", text)]


# a cited document's number and date ("Nghị định số 52/2015/NĐ-CP ngày 28/5/2015", "Kế hoạch 36/KH-UBND,
# ngày 07/02/2024", "18-NQ/TW"): they date the document, not the task. The number has a type code (a letter).
_CITATION = re.compile(
    r"(?:\bsố\s*:?\s*)?(?<![\d/])\d[\d.]*(?:/\d{4})?[/-]\p{Lu}[\p{L}\d.&-]*(?:/[\p{L}\d.&-]+)*"
    r"(?:\s*,?\s*(?:ngày|ngay)\s*\d{1,2}\s*(?:/|-|\s+tháng\s+)\s*\d{1,2}\s*(?:/|-|\s+năm\s+)\s*\d{4})?",
)


def without_citations(text: str) -> str:
    """The text with cited documents' numbers and dates taken out."""
    return _CITATION.sub(" ", text)


# "… năm 2026" in a title: the year the plan is for; not a horizon ("đến năm 2030", "tầm nhìn đến năm
# 2045"), a date ("ngày 01 tháng 01 năm 2026") or the start of a span ("năm 2026 - 2028")
_TITLE_YEAR = re.compile(
    r"(?<!\bden\s)(?<!\bthang\s+\d{1,2}\s)\bnam\s+(20\d{2})\b(?!\s*(?:-|–|den)\s*(?:nam\s+)?20\d{2})"
)


def title_year(title: str | None) -> int | None:
    """The one year a plan's title says it is for ("Cải cách hành chính năm 2026"), else None."""
    if not title:
        return None
    years = {int(y) for y in _TITLE_YEAR.findall(fold(without_citations(title)))}
    return years.pop() if len(years) == 1 else None


def plan_period(title: str | None, plan_year: int | None) -> tuple[int, int] | None:
    """The years a plan covers, from its title: "giai đoạn 2026 - 2030", "2026-2030", "đến năm 2030"."""
    if not title:
        return None
    f = fold(title)
    span = re.search(r"(?<!\d)(20\d{2})\s*(?:-|–|den|đến)\s*(?:nam\s+)?(20\d{2})(?!\d)", f)
    if span and 0 < int(span.group(2)) - int(span.group(1)) <= 15:
        return int(span.group(1)), int(span.group(2))
    until = re.search(r"\bden nam\s+(20\d{2})(?!\d)", f)
    if until and plan_year and 0 < int(until.group(1)) - plan_year <= 15:
        return plan_year, int(until.group(1))
    return None


def parse_timeline(
    raw: str | None, plan_year: int | None = None, period: tuple[int, int] | None = None
) -> Timeline | None:
    """Raw timeline text -> Timeline. ``period``: the years a multi-year plan covers; a recurring or
    ongoing timeline that names no year spans them ("Hằng năm" in a 2026–2030 plan)."""
    if raw is None:
        return None
    raw = clean(raw)
    if not raw:
        return None
    tl = _parse(raw, plan_year)
    if period and tl.kind in ("recurring", "ongoing") and not years_in(without_citations(raw)):
        tl.start, tl.end = _iso(period[0], 1, 1), _iso(period[1], 12, 31)
    return tl


def _parse(raw: str, plan_year: int | None) -> Timeline:
    tl = Timeline.model_construct(raw=raw)
    text = without_citations(raw)
    f = fold(text)
    years = years_in(text)
    if not years and plan_year and re.search(r"\bnam (?:truoc lien ke|lien ke truoc)\b", f):
        years = [plan_year - 1]  # "năm trước liền kề": the year before the plan's
    elif not years and plan_year and re.search(r"\bnam (?:lien ke|ke tiep)\b", f):
        years = [plan_year + 1]  # "năm liền kề": the year after the plan's
    year = years[0] if years else plan_year
    raw = text  # read dates from the text without its citations; tl.raw stays verbatim

    # recurring: "01 lần/quý", "04 số/tháng", "mỗi tuần một lần", "Mỗi tháng 1 tin", "12 tin/năm"
    # casefold only: key() rewrites tone placement and turns "quý" into "qúy", which the unit words below miss
    low = raw.casefold()
    # "N what/unit" or "N/unit", never "31/01 năm" (a day and month before the word năm)
    m = re.search(r"(\d+)\s*(?:(\p{L}[\p{L} ]{0,14}?)\s*/\s*\d*|/)\s*(ngày|tuần|tháng|quý|năm)\b", low)
    m2 = re.search(r"mỗi\s+(ngày|tuần|tháng|quý|năm)\s+(?:(\d+)|(một|hai|ba|bốn))?\s*(\p{L}+(?: \p{L}+)?)?", low)
    m3 = re.search(r"(?:định kỳ\s+)?h[àằ]ng\s+(ngày|tuần|tháng|quý|năm)\b", low)  # hàng and hằng
    if m:
        tl.kind = "recurring"
        what = (m.group(2) or "").strip() or None
        tl.recurrence = Recurrence.model_construct(count=int(m.group(1)), what=what, per=_PER[fold(m.group(3))])
    elif m2:
        count = int(m2.group(2)) if m2.group(2) else _NUMBER_WORDS.get(fold(m2.group(3) or ""))
        tl.kind = "recurring"
        tl.recurrence = Recurrence.model_construct(count=count or 1, what=m2.group(4), per=_PER[fold(m2.group(1))])
    elif m3 and not re.search(r"thuong xuyen", f):
        tl.kind = "recurring"
        tl.recurrence = Recurrence.model_construct(count=1, per=_PER[fold(m3.group(1))])

    # explicit full dates; else dates in words ("ngày 28 tháng 8", the plan's year when none is written)
    dates = [(int(dd), int(mm), int(yy)) for dd, mm, yy in re.findall(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)", raw)]
    if not dates:
        dates = [
            (int(dd), int(mm), int(yy) if yy else year or 0)
            for dd, mm, yy in re.findall(  # year: set when yy is not
                r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?", f
            )
            if yy or year
        ]
    short = [(int(dd), int(mm)) for dd, mm in re.findall(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])", raw)]
    # "Từ ngày 01/3 đến 30/4/2024": the start takes the year of the end
    rng = re.search(r"(?<![\d/])(\d{1,2})/(\d{1,2})\s*(?:đến|-|–)\s*(?:ngày\s+)?\d{1,2}/\d{1,2}/(\d{4})", raw)
    if rng and len(dates) == 1:
        dates.insert(0, (int(rng.group(1)), int(rng.group(2)), int(rng.group(3))))

    if tl.kind != "recurring" and re.search(
        r"\btruoc ngay\s+\d{1,2}\s+(?:cua\s+)?(?:hang thang|thang lien ke|thang sau|thang ke tiep|moi thang)\b", f
    ):
        # "Trước ngày 05 của tháng liền kề", "trước ngày 20 hằng tháng": a deadline that comes back each month
        tl.kind = "recurring"
        tl.recurrence = Recurrence.model_construct(count=1, per="month")

    if tl.kind == "recurring":
        if year:
            tl.start, tl.end = _iso(year, 1, 1), _iso(year, 12, 31)
        return tl

    if re.search(r"\b(truoc|cham nhat|hoan thanh truoc|xong truoc|han chot|khong qua)\b", f) and (dates or short):
        d, mo, y = dates[0] if dates else (*short[0], year)
        tl.kind = "deadline"
        tl.end = _iso(y, mo, d) if y else None
        return tl

    if re.search(r"\b(?:tu nay )?den (?:het |cuoi )nam\b|\btruoc (?:het |cuoi )nam\b", f) and not (dates or short):
        tl.kind = "deadline"  # "Từ nay đến cuối năm", "trước cuối năm": the year's end
        tl.end = _iso(year, 12, 31) if year else None
        return tl

    # "Quý" and the older "Quí" (fold: "qui")
    qr = re.search(r"\bqu[yi]\s+(iv|iii|ii|i|[1-4])\s*(?:,|-|–|va|den)\s*(?:qu[yi]\s+)?(iv|iii|ii|i|[1-4])\b", f)
    if qr and _ROMAN[qr.group(1)] < _ROMAN[qr.group(2)]:
        tl.kind = "period"
        if year:
            tl.start, tl.end = _iso(year, 3 * _ROMAN[qr.group(1)] - 2, 1), _month_end(year, 3 * _ROMAN[qr.group(2)])
        return tl

    q = re.search(r"\bqu[yi]\s+(iv|iii|ii|i|[1-4])\b", f)
    if q:
        n = _ROMAN[q.group(1)]
        tl.kind = "quarter"
        if year:
            tl.start, tl.end = _iso(year, 3 * n - 2, 1), _month_end(year, 3 * n)
        return tl

    half = re.search(r"6 thang (dau|cuoi) nam", f)
    if half:
        tl.kind = "half_year"
        if year:
            first = half.group(1) == "dau"
            tl.start, tl.end = (
                (_iso(year, 1, 1), _iso(year, 6, 30)) if first else (_iso(year, 7, 1), _iso(year, 12, 31))
            )
        return tl

    mr = re.search(r"\bthang\s+(\d{1,2})\s*(?:-|–|den)\s*(?:thang\s+)?(\d{1,2})(?:\s*/\s*(\d{4})|\s+nam\s+(\d{4}))?", f)
    if mr and not dates and 1 <= int(mr.group(1)) < int(mr.group(2)) <= 12:
        y = int(mr.group(3) or mr.group(4) or 0) or year
        tl.kind = "period"
        if y:
            tl.start, tl.end = _iso(y, int(mr.group(1)), 1), _month_end(y, int(mr.group(2)))
        return tl

    m_month = re.search(r"\bthang\s+(\d{1,2})(?:\s*/\s*(\d{4})|\s+nam\s+(\d{4}))?", f) or re.fullmatch(
        r"\(?(\d{1,2})/(\d{4})\)?", f
    )
    if m_month and not dates:
        month = int(m_month.group(1))
        y = (
            int(m_month.group(2) or (m_month.group(3) if m_month.re.groups >= 3 and m_month.group(3) else 0) or 0)
            or year
        )
        if 1 <= month <= 12:
            tl.kind = "month"
            if y:
                tl.start, tl.end = _iso(y, month, 1), _month_end(y, month)
            return tl

    if dates:
        d, m_, y = dates[0]
        tl.kind = "date" if len(dates) == 1 else "period"
        tl.start = _iso(y, m_, d)
        tl.end = _iso(*reversed(dates[-1])) if len(dates) > 1 else tl.start
        return tl

    if not dates and len(short) == 1 and re.fullmatch(r"ngay\s+\d{1,2}\s*/\s*\d{1,2}\W*", f):
        d, m_ = short[0]  # "Ngày 24/8": the plan's year
        tl.kind = "date"
        tl.start = tl.end = _iso(year, m_, d) if year else None
        return tl

    span = re.search(r"(20\d{2})\s*[-–]\s*(20\d{2})", raw)
    if span:
        tl.kind = "period"
        tl.start, tl.end = _iso(int(span.group(1)), 1, 1), _iso(int(span.group(2)), 12, 31)
        return tl

    if re.search(r"thuong xuyen|lien tuc|hang ngay", f):
        tl.kind = "ongoing"
        if year:
            tl.start, tl.end = _iso(year, 1, 1), _iso(year, 12, 31)
        return tl

    if re.search(
        r"^theo\b|\btheo (ke hoach|chi dao|yeu cau|quy dinh|tien do|huong dan)|"
        r"\bkhi co\b|\bsau khi\b|\bngay sau\b|dot xuat|^(?:vao )?dip\b",
        f,
    ):
        tl.kind = "event"
        return tl

    if re.search(r"\b(trong )?nam\s+20\d{2}\b|^20\d{2}$", f) and year:
        tl.kind = "year"
        tl.start, tl.end = _iso(year, 1, 1), _iso(year, 12, 31)
        return tl
    return tl
