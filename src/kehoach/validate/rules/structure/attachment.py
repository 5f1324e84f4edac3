"""An appendix's "(Kèm theo Kế hoạch số … ngày …)" line carries the plan's own number and date."""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from ....models import Finding, Plan
from ....vntext import key
from ...config import Config
from ...registry import rule
from ...util import excerpt, iso

MESSAGES = {
    "number": {
        "vi": "phụ lục ghi kèm theo Kế hoạch số {attached}, nhưng số của kế hoạch là {number}",
        "en": "the appendix is attached to plan number {attached}, but the plan's number is {number}",
    },
    "date": {
        "vi": "phụ lục ghi kèm theo kế hoạch ngày {attached}, nhưng kế hoạch ban hành ngày {date}",
        "en": "the appendix is attached to a plan dated {attached}, but the plan is dated {date}",
    },
    "blank_number": {
        "vi": 'kế hoạch đã có số {number} nhưng dòng "kèm theo" của phụ lục vẫn để trống số',
        "en": 'the plan is numbered {number} but the appendix\'s "attached to" line still has a blank number',
    },
    "blank_date": {
        "vi": 'kế hoạch đã đề ngày {date} nhưng dòng "kèm theo" của phụ lục vẫn để trống ngày',
        "en": 'the plan is dated {date} but the appendix\'s "attached to" line still has a blank date',
    },
}


def _number_key(number: str | None) -> tuple[str, str] | None:
    """('23', 'KH-UBND') from '23 /KH-UBND'; None when the sequence number is blank."""
    if not number:
        return None
    m = re.match(r"\s*0*(\d+)\s*/\s*([^\s,;)]+)", number)
    return (m.group(1), key(m.group(2)).replace(" ", "")) if m else None


def _blank_attachment(attached_to: str | None) -> str | None:
    """'number' or 'date' when "(Kèm theo Kế hoạch số    /KH-… ngày    tháng 8 …)" left it blank."""
    if not attached_to:
        return None
    if re.search(r"\bsố\s*:?\s*/", attached_to, re.I):
        return "number"
    m = re.search(r"\bngày\s+([\d\s/]*)(?:tháng\s+(\d*)\s*năm|\d{4}|\s*$)", attached_to, re.I)
    if m and (not re.search(r"\d", m.group(1) or "") or re.search(r"(?:^|/)\s*/", (m.group(1) or "").strip())):
        return "date"
    return None


@rule(
    "appendix-number-mismatch",
    "KH303",
    "error",
    summary={
        "vi": 'dòng "kèm theo Kế hoạch số … ngày …" của phụ lục khác số/ngày của kế hoạch',
        "en": "an appendix's \"attached to plan no. … of …\" disagrees with the plan's number or date",
    },
    doc_vi="""appendix-number-mismatch (KH303, lỗi): phụ lục ghi đúng số, ký hiệu và ngày của chính kế hoạch.

      Mỗi phụ lục ghi "(Kèm theo Kế hoạch số 20/KH-UBND ngày 18/02/2021 của …)"; khi kế hoạch đã có
      số và ngày ban hành, các thông tin này phải khớp với phần đầu văn bản. Khi kế hoạch còn là dự
      thảo thì không so sánh; khi phần đầu đã điền số, ngày mà dòng ghi của phụ lục vẫn để trống
      ("Kế hoạch số    /KH-…") thì báo ở mức cảnh báo.
      """,
)
def appendix_number_mismatch(plan: Plan, config: Config) -> Iterator[Finding]:
    """appendix-number-mismatch (KH303, error): appendices carry the plan's own number and date.

    Each appendix says "(Kèm theo Kế hoạch số 20/KH-UBND ngày 18/02/2021 của …)"; once the
    plan is numbered and dated, these must agree with the header. While the plan is a draft
    nothing is compared; once its header is filled in, an appendix line still left blank
    ("Kế hoạch số    /KH-…") is a warning.

    PASS::

        UỶ BAN NHÂN DÂN
        HUYỆN QUẾ SƠN

        Số: 20/KH-UBND

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

        Quế Sơn, ngày 18 tháng 02 năm 2021

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2021

        PHỤ LỤC
        (Kèm theo Kế hoạch số 20/KH-UBND ngày 18/02/2021 của UBND huyện Quế Sơn)

    FAIL::

        UỶ BAN NHÂN DÂN
        HUYỆN QUẾ SƠN

        Số: 20/KH-UBND

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

        Quế Sơn, ngày 18 tháng 02 năm 2021

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2021

        PHỤ LỤC
        (Kèm theo Kế hoạch số 02/KH-UBND ngày 18/02/2021 của UBND huyện Quế Sơn)
    """
    header = plan.header
    if header.number_from == "appendix":
        return
    own = _number_key(header.number)
    own_date = iso(header.date)
    for appendix in plan.appendices:
        where = appendix.location
        blank = _blank_attachment(appendix.attached_to)
        if blank and (own if blank == "number" else own_date):
            yield appendix_number_mismatch.finding(
                config,
                MESSAGES["blank_" + blank],
                location=where,
                excerpt=excerpt(appendix.attached_to),
                severity="warning",
                number=header.number,
                date=own_date.strftime("%d/%m/%Y") if own_date else "",
            )
            continue
        attached = _number_key(appendix.attached_number)
        if own and attached and own != attached:
            yield appendix_number_mismatch.finding(
                config,
                MESSAGES["number"],
                location=where,
                excerpt=excerpt(appendix.attached_to),
                attached=appendix.attached_number,
                number=header.number,
            )
        attached_date = iso(appendix.attached_date)
        if own_date and attached_date and own_date != attached_date:
            yield appendix_number_mismatch.finding(
                config,
                MESSAGES["date"],
                location=where,
                excerpt=excerpt(appendix.attached_to),
                attached=attached_date.strftime("%d/%m/%Y"),
                date=own_date.strftime("%d/%m/%Y"),
            )
