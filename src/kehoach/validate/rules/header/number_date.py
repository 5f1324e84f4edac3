"""How the number line ("Số: 05/KH-UBND") and the place-date line ("ngày 05 tháng 02 năm 2024") are written."""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from ....models import Finding, Location, Plan
from ....vntext import clean
from ...config import Config
from ...registry import rule
from ...util import excerpt, first_paragraph, location, make_date
from .lines import DATE_LINE, DATE_PARTS, HEAD, NUMBER_LINE_ANY, PARTY

MESSAGES = {
    "blank_number": {
        "vi": "số văn bản để trống (dự thảo chưa ban hành): {raw}",
        "en": "the number is left blank (an unissued draft): {raw}",
    },
    "blank_date": {
        "vi": "ngày ban hành để trống (dự thảo chưa ban hành): {raw}",
        "en": "the date is left blank (an unissued draft): {raw}",
    },
    "bad_number": {
        "vi": 'số, ký hiệu "{number}" không đúng dạng "số/KH-cơ quan" (ví dụ 20/KH-UBND)',
        "en": 'number "{number}" is not of the form "N/KH-ISSUER" (e.g. 20/KH-UBND)',
    },
    "type_code": {
        "vi": 'ký hiệu loại văn bản là "{code}", kế hoạch phải là "KH" ({number})',
        "en": 'the type code is "{code}"; a plan\'s is "KH" ({number})',
    },
    "zero": {
        "vi": 'số thứ tự nhỏ hơn 10 phải có số 0 phía trước: "{number}" → "0{number}"',
        "en": 'numbers below 10 take a leading zero: "{number}" → "0{number}"',
    },
    "day": {
        "vi": 'ngày nhỏ hơn 10 phải có số 0 phía trước: "ngày {day}" → "ngày 0{day}"',
        "en": 'days below 10 take a leading zero: "ngày {day}" → "ngày 0{day}"',
    },
    "month": {
        "vi": 'tháng 1 và 2 phải có số 0 phía trước: "tháng {month}" → "tháng 0{month}"',
        "en": 'months 1 and 2 take a leading zero: "tháng {month}" → "tháng 0{month}"',
    },
    "month_zero": {
        "vi": 'từ tháng 3 trở đi không viết số 0 phía trước: "tháng {month}" → "tháng {plain}"',
        "en": 'months from 3 on are written without a leading zero: "tháng {month}" → "tháng {plain}"',
    },
    "bad_date": {
        "vi": "ngày ban hành không tồn tại: ngày {day} tháng {month} năm {year}",
        "en": "the date does not exist: day {day}, month {month}, year {year}",
    },
}


def _header_line(plan: Plan, pattern: re.Pattern[str], raw: str | None) -> tuple[str | None, Location | None]:
    """The header's line matching `pattern` ("Số: …", "…, ngày …"): as the header read it
    (`raw`), else the first line near the top that matches; and where it stands."""
    found = first_paragraph(plan, pattern, within=HEAD)
    where = location(found[1].prov, found[0]) if found else plan.header.location
    if raw and plan.header.number_from != "appendix":
        return clean(raw), where
    if found:
        line = next((clean(x) for x in found[1].lines if pattern.search(clean(x))), found[1].text)
        return line, where
    return None, None


def _number_line(plan: Plan) -> tuple[str | None, Location | None]:
    return _header_line(plan, NUMBER_LINE_ANY, plan.header.number_raw)


def _date_line(plan: Plan) -> tuple[str | None, Location | None]:
    return _header_line(plan, DATE_LINE, plan.header.date_raw)


def _strip_label(raw: str) -> str:
    """'Số:**20** /KH-UBND   Lào Cai, …' -> '20 /KH-UBND' (the number only, spaces kept)."""
    text = re.sub(r"^\s*S[ốo]\s*[:.]?\s*", "", raw, flags=re.I).replace("*", "").strip()
    m = re.match(r"[\d\s]*/\s*[^\s,;]*|\S*", text)
    return m.group(0).strip() if m else text


@rule(
    "draft-blank",
    "KH404",
    "info",
    summary={"vi": "số hoặc ngày ban hành để trống (dự thảo)", "en": "number or date left blank (a draft)"},
    doc_vi="""draft-blank (KH404, thông tin): số hoặc ngày ban hành còn để trống như ở bản dự thảo.

      Bản dự thảo để trống "Số:    /KH-UBND" và "ngày    tháng 02 năm 2024" cho đến khi ký ban hành;
      điều này là bình thường nên chỉ được báo ở mức thông tin, như một lời nhắc trước khi phát
      hành.
      """,
)
def draft_blank(plan: Plan, config: Config) -> Iterator[Finding]:
    """draft-blank (KH404, info): the number or the date is left blank, as in a draft.

    Drafts leave "Số:    /KH-UBND" and "ngày    tháng 02 năm 2024" blank until signed; that
    is legitimate, so it is only information — a reminder before release.

    PASS::

        Số: 15/KH-UBND

        Lộc Hà, ngày 20 tháng 02 năm 2024

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

    FAIL::

        Số: /KH-UBND

        Lộc Hà, ngày tháng 02 năm 2024

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024
    """
    raw, where = _number_line(plan)
    if raw and not re.search(r"\d", _strip_label(raw).split("/")[0]):
        yield draft_blank.finding(config, MESSAGES["blank_number"], location=where, excerpt=excerpt(raw), raw=raw)
    date_raw, date_where = _date_line(plan)
    if date_raw:
        m = DATE_PARTS.search(date_raw)
        if m and not all(re.search(r"\d", g or "") for g in m.groups()):
            yield draft_blank.finding(
                config, MESSAGES["blank_date"], location=date_where, excerpt=excerpt(date_raw), raw=date_raw
            )


@rule(
    "number-format",
    "KH405",
    "error",
    summary={
        "vi": "số, ký hiệu không đúng dạng số/KH-cơ quan, hoặc thiếu số 0 trước số nhỏ hơn 10",
        "en": "the number is not N/KH-ISSUER, or lacks the leading zero below 10",
    },
    doc_vi="""number-format (KH405, lỗi): số, ký hiệu văn bản có dạng "NN/KH-CQBH".

      Gồm số thứ tự (số nhỏ hơn 10 phải có số 0 đứng trước: "05"), dấu gạch chéo, rồi chữ viết tắt
      tên loại văn bản "KH" và chữ viết tắt tên cơ quan ban hành, nối với nhau bằng dấu gạch nối,
      không có khoảng trắng (Nghị định 30, Phụ lục I và Phụ lục III). Số để trống là bản dự thảo
      (xem draft-blank), không phải lỗi. Thiếu số 0 chỉ là cảnh báo. Văn bản của tổ chức Đảng
      ghi "Số 12-KH/ĐU" (Hướng dẫn 36-HD/VPTW). Kế hoạch liên tịch của hai cơ quan trở lên ghi "KHLT"
      và chữ viết tắt tên các cơ quan: "90/KHLT-SGDĐT-TCGD". Kế hoạch ban hành kèm theo Quyết định mang
      số của Quyết định ("2853/QĐ-UBND").
      """,
)
def number_format(plan: Plan, config: Config) -> Iterator[Finding]:
    """number-format (KH405, error): the number reads "NN/KH-ISSUER".

    The sequence number (a leading zero below 10: "05"), a slash, then the type code "KH"
    and the issuer's code joined by a hyphen, without spaces (Nghị định 30, Phụ lục I and
    III). A blank number is a draft (see draft-blank), not an error. A missing zero is a
    warning. A Party committee's document reads "Số 12-KH/ĐU" (Hướng dẫn 36-HD/VPTW). A joint
    plan of two bodies or more reads "KHLT" and their codes: "90/KHLT-SGDĐT-TCGD". A plan issued
    with a Quyết định carries the decision's number ("2853/QĐ-UBND").

    PASS::

        Số: 05/KH-UBND

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

    FAIL::

        Số: 05/QĐ-UBND

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024
    """
    if plan.document_type not in ("ke_hoach", "unknown"):
        return
    raw, where = _number_line(plan)
    if not raw:
        return
    number = re.sub(r"\s+", "", _strip_label(raw))
    if not number or not re.match(r"\d", number):
        return  # blank: a draft
    m = re.fullmatch(r"(\d+)/([^\W\d_]+)-([\w.&-]+)", number)
    if not m and first_paragraph(plan, PARTY, within=HEAD) is not None:
        m = re.fullmatch(r"(\d+)-([^\W\d_]+)/([\w.&-]+)", number)  # a Party document: "12-KH/ĐU"
    if not m:
        yield number_format.finding(config, MESSAGES["bad_number"], location=where, excerpt=excerpt(raw), number=number)
        return
    seq, code = m.group(1), m.group(2)
    joint = code.upper() == "KHLT" and "-" in m.group(3)  # "90/KHLT-SGDĐT-TCGD": a joint plan's code
    # a plan issued with a Quyết định carries the decision's number ("2853/QĐ-UBND"), taken from the
    # decision above it or from its "(Ban hành kèm theo Quyết định số …)" line: its code is the carrier's
    carried = plan.header.number_from in ("wrapper", "appendix")
    if code.upper() != "KH" and not joint and not carried:
        yield number_format.finding(
            config, MESSAGES["type_code"], location=where, excerpt=excerpt(raw), code=code, number=number
        )
    if len(seq) == 1:
        yield number_format.finding(
            config, MESSAGES["zero"], location=where, excerpt=excerpt(raw), severity="warning", number=seq
        )


@rule(
    "date-format",
    "KH406",
    "warning",
    summary={
        "vi": "ngày tháng năm ban hành viết sai (thiếu/thừa số 0, ngày không tồn tại)",
        "en": "the date line is miswritten (missing or extra leading zero, impossible date)",
    },
    doc_vi="""date-format (KH406, cảnh báo): "ngày 05 tháng 02 năm 2024", "ngày 18 tháng 6 năm 2024".

      Ngày nhỏ hơn 10 và tháng 1, tháng 2 phải ghi thêm số 0 ở trước; tháng 3 đến tháng 12 thì không
      (Nghị định 30, Phụ lục I). Ngày không có thật (ngày 30 tháng 02) là lỗi. Các phần để trống là
      bản dự thảo (xem draft-blank).
      """,
)
def date_format(plan: Plan, config: Config) -> Iterator[Finding]:
    """date-format (KH406, warning): "ngày 05 tháng 02 năm 2024", "ngày 18 tháng 6 năm 2024".

    Days below 10 and months 1 and 2 take a leading zero; months 3 to 12 do not (Nghị định
    30, Phụ lục I). A date that does not exist (ngày 30 tháng 02) is an error. Blank parts
    are a draft (see draft-blank).

    PASS::

        Quế Sơn, ngày 05 tháng 02 năm 2021

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2021

    FAIL::

        Quế Sơn, ngày 5 tháng 2 năm 2021

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2021
    """
    raw, where = _date_line(plan)
    if not raw:
        return
    m = DATE_PARTS.search(raw.replace("*", ""))
    if not m:
        return
    day, month, year = (re.sub(r"\D", "", g or "") for g in m.groups())
    if day and len(day) == 1:
        yield date_format.finding(config, MESSAGES["day"], location=where, excerpt=excerpt(raw), day=day)
    if month and len(month) == 1 and int(month) in (1, 2):
        yield date_format.finding(config, MESSAGES["month"], location=where, excerpt=excerpt(raw), month=month)
    if month and len(month) == 2 and month.startswith("0") and int(month) >= 3:
        yield date_format.finding(
            config, MESSAGES["month_zero"], location=where, excerpt=excerpt(raw), month=month, plain=str(int(month))
        )
    if day and month and year and make_date(int(day), int(month), int(year)) is None:
        yield date_format.finding(
            config,
            MESSAGES["bad_date"],
            location=where,
            excerpt=excerpt(raw),
            severity="error",
            day=day,
            month=month,
            year=year,
        )
