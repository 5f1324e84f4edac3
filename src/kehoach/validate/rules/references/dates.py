"""The dates of cited documents: real calendar days, not after the plan, the same each time a document is cited."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

import regex as re

from ....blocks import Paragraph, Table
from ....models import Finding, Location, Plan, Reference
from ....vntext import fold
from ...config import Config
from ...registry import rule
from ...util import dates_in, describe, document, excerpt, iso, location, make_date

MESSAGES = {
    "invalid": {
        "vi": 'ngày "{raw}" của văn bản {number} không tồn tại',
        "en": 'the date "{raw}" of document {number} does not exist',
    },
    "inconsistent": {
        "vi": "văn bản {number} được dẫn với ngày {date}, nhưng ở {other} lại ghi ngày {other_date}",
        "en": "document {number} is cited as dated {date}, but as dated {other_date} at {other}",
    },
    "future": {
        "vi": "văn bản {number} đề ngày {date}, sau ngày ban hành kế hoạch ({plan_date})",
        "en": "document {number} is dated {date}, after the plan itself ({plan_date})",
    },
}


def _ref_dates(ref: Reference) -> list[tuple[str, dt.date | None]]:
    raw = ref.date_raw or ""
    found = [(m.group(0), make_date(d, mo, y)) for m, d, mo, y in dates_in(raw)]
    if not found and ref.date:
        found = [(ref.date, iso(ref.date))]
    return found


def _plan_limit(plan: Plan) -> dt.date | None:
    """The plan's date, or the last day of its month when only the month is filled in."""
    h = plan.header
    if h.date:
        return iso(h.date)
    m = re.fullmatch(r"((?:19|20)\d\d)-(\d\d)", h.date_partial or "")
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            return dt.date(y, mo, calendar.monthrange(y, mo)[1])
    return None


@rule(
    "reference-date-invalid",
    "KH502",
    "error",
    summary={
        "vi": "ngày của văn bản được dẫn không tồn tại (31/02)",
        "en": "a cited document's date does not exist (31/02)",
    },
    doc_vi="""reference-date-invalid (KH502, lỗi): ngày của văn bản được dẫn chiếu phải có thật.

      "ngày 31/02/2024" hay "ngày 31/4/2024" là viết nhầm thành một ngày không có thật.
      """,
)
def reference_date_invalid(plan: Plan, config: Config) -> Iterator[Finding]:
    """reference-date-invalid (KH502, error): a cited date exists on the calendar.

    "ngày 31/02/2024" or "ngày 31/4/2024" is a typo for some other date.

    PASS::

        Căn cứ Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh về tuyên truyền cải cách hành chính năm 2024, UBND huyện ban hành Kế hoạch như sau:

    FAIL::

        Căn cứ Kế hoạch số 08/KH-UBND ngày 31/02/2024 của UBND tỉnh về tuyên truyền cải cách hành chính năm 2024, UBND huyện ban hành Kế hoạch như sau:
    """  # noqa: E501 - the fragments are plan text, one paragraph or table row a line
    seen: set[tuple] = set()
    for ref in plan.references:
        for raw, date in _ref_dates(ref):
            if date is None:
                seen.add((_number_key(ref.number), ref.location.line if ref.location else None))
                yield reference_date_invalid.finding(
                    config,
                    MESSAGES["invalid"],
                    location=ref.location,
                    excerpt=excerpt(ref.raw),
                    raw=raw,
                    number=ref.number,
                )
    for number, raw, date, where in _citations(plan):  # repeats that plan.references folded away
        if date is None and (_number_key(number), where.line) not in seen:
            seen.add((_number_key(number), where.line))
            yield reference_date_invalid.finding(
                config,
                MESSAGES["invalid"],
                location=where,
                excerpt=excerpt(raw),
                raw=raw.split("ngày")[-1].strip(),
                number=number,
            )


@rule(
    "reference-date-after-plan",
    "KH503",
    "warning",
    summary={
        "vi": "văn bản được dẫn có ngày sau ngày ban hành kế hoạch",
        "en": "a cited document is dated after the plan itself",
    },
    doc_vi="""reference-date-after-plan (KH503, cảnh báo): kế hoạch không thể dẫn chiếu văn bản ban hành sau kế hoạch.

      Văn bản được dẫn chiếu mang ngày sau ngày ban hành kế hoạch (hoặc sau ngày cuối của tháng ban
      hành, khi ngày còn để trống) là do ghi sai ngày của văn bản đó hoặc sai ngày của kế hoạch.
      """,
)
def reference_date_after_plan(plan: Plan, config: Config) -> Iterator[Finding]:
    """reference-date-after-plan (KH503, warning): a plan cannot cite a later document.

    A reference dated after the plan's own date (or after the end of its month, when the
    day is blank) is a wrong date or a wrong plan date.

    PASS::

        Lộc Hà, ngày 20 tháng 02 năm 2024

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

        Căn cứ Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh, UBND huyện ban hành Kế hoạch như sau:

    FAIL::

        Lộc Hà, ngày 20 tháng 02 năm 2024

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

        Căn cứ Kế hoạch số 08/KH-UBND ngày 08/03/2024 của UBND tỉnh, UBND huyện ban hành Kế hoạch như sau:
    """
    limit = _plan_limit(plan)
    if limit is None:
        return
    signed = iso(plan.header.date)
    for ref in plan.references:
        for _raw, date in _ref_dates(ref):
            if date and date > limit:
                yield reference_date_after_plan.finding(
                    config,
                    MESSAGES["future"],
                    location=ref.location,
                    excerpt=excerpt(ref.raw),
                    number=ref.number,
                    date=date.strftime("%d/%m/%Y"),
                    plan_date=signed.strftime("%d/%m/%Y") if signed else limit.strftime("%m/%Y"),
                )


def _number_key(number: str) -> str:
    return fold(re.sub(r"\s+", "", number))


@rule(
    "reference-date-inconsistent",
    "KH504",
    "warning",
    summary={
        "vi": "cùng một văn bản được dẫn với hai ngày khác nhau",
        "en": "the same document is cited with two different dates",
    },
    doc_vi="""reference-date-inconsistent (KH504, cảnh báo): một văn bản chỉ có một ngày ban hành.

      Văn bản được dẫn chiếu hai lần phải ghi cùng một ngày: "Quyết định số 1050/QĐ-SCT ngày
      06/3/2026" ở phần mở đầu và "… ngày 06/3/2025" ở phần sau cho thấy một trong hai chỗ đã viết
      nhầm. Phát hiện được báo tại lần dẫn chiếu sau.
      """,
)
def reference_date_inconsistent(plan: Plan, config: Config) -> Iterator[Finding]:
    """reference-date-inconsistent (KH504, warning): one document, one date.

    A document cited twice must carry the same date both times: "Quyết định số 1050/QĐ-SCT
    ngày 06/3/2026" in the opening and "… ngày 06/3/2025" further down means one of them is
    a typo. Reported at the later citation.

    PASS::

        Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở Công Thương về việc kiểm tra vật liệu nổ công nghiệp.

        1. Căn cứ pháp lý: Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở Công Thương.

    FAIL::

        Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở Công Thương về việc kiểm tra vật liệu nổ công nghiệp.

        1. Căn cứ pháp lý: Quyết định số 1050/QĐ-SCT ngày 06/3/2025 của Giám đốc Sở Công Thương.
    """  # noqa: E501 - the fragments are plan text, one paragraph or table row a line
    own = _number_key(plan.header.number or "")
    first: dict[str, tuple[str, dt.date, Location]] = {}
    reported: set[str] = set()
    for number, raw, date, where in _citations(plan):
        k = _number_key(number)
        if k == own or date is None:
            continue  # the plan's own number recurs under each appendix
        if k not in first:
            first[k] = (raw, date, where)
            continue
        other_raw, other_date, other_where = first[k]
        if date != other_date and k not in reported:
            reported.add(k)
            yield reference_date_inconsistent.finding(
                config,
                MESSAGES["inconsistent"],
                location=where,
                excerpt=excerpt(raw),
                number=number,
                date=date.strftime("%d/%m/%Y"),
                other_date=other_date.strftime("%d/%m/%Y"),
                other=describe(other_where, config.lang) or "—",
                related=[
                    {
                        "role": "first",
                        "excerpt": excerpt(other_raw),
                        "location": other_where.model_dump(exclude_none=True),
                    }
                ],
            )


# every "số <number> ngày <date>" in the text, repeats included (plan.references keeps one per number)
_CITED = re.compile(
    r"\bsố\s*:?\s*(\d[\w.&]*(?:\s*[/-]\s*[\w.&Đđ]+)+)\s*,?\s*(?:ngày\s+)"
    r"(\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d\d)",
    re.I,
)


def _citations(plan: Plan) -> Iterator[tuple[str, str, dt.date | None, Location]]:
    """(number, raw text, date or None, location) of each dated citation, in document order."""
    for text, where in _texts(plan):
        for m in _CITED.finditer(text):
            number = re.sub(r"\s+", "", m.group(1))
            found = next(iter(dates_in("ngày " + m.group(2))), None)
            date = make_date(found[1], found[2], found[3]) if found else None
            yield number, m.group(0), date, where


def _texts(plan: Plan) -> Iterator[tuple[str, Location]]:
    doc = document(plan)
    if doc is None:
        return
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph):
            yield block.text, location(block.prov, i)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    if cell.text:
                        yield cell.text, location(row.prov, i)
