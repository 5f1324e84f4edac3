"""The components a plan's header and signature carry (Nghị định 30, Điều 8), and the one a plan has not:
"Kính gửi:"."""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from ....models import Finding, Location, Plan
from ...config import Config
from ...registry import rule
from ...util import excerpt, first_paragraph, location, paragraphs
from .lines import (
    ADDRESSEE,
    ARCHIVE,
    AUTHORITY,
    DATE_LINE,
    HEAD,
    MOTTO,
    NUMBER_LINE_ANY,
    PARTY,
    RECIPIENTS,
    SLOGAN,
    TYPE_LINE,
)

COMPONENTS = {
    "motto": {
        "vi": 'Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"',
        "en": 'the national name "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"',
    },
    "slogan": {"vi": 'Tiêu ngữ "Độc lập - Tự do - Hạnh phúc"', "en": 'the motto "Độc lập - Tự do - Hạnh phúc"'},
    "issuer": {"vi": "tên cơ quan ban hành", "en": "the issuing body"},
    "number": {"vi": 'dòng số, ký hiệu ("Số: …/KH-…")', "en": 'the number line ("Số: …/KH-…")'},
    "date": {"vi": "dòng địa danh, ngày tháng năm", "en": "the place and date line"},
    "type": {"vi": 'tên loại văn bản "KẾ HOẠCH"', "en": 'the type line "KẾ HOẠCH"'},
}


MESSAGES = {
    "missing": {"vi": "thiếu {part} (Nghị định 30/2020, Điều 8)", "en": "{part} is missing (Decree 30/2020, art. 8)"},
    "signer": {
        "vi": "thiếu phần ký: chức vụ và họ tên người ký",
        "en": "no signature block: the signer's position and name are missing",
    },
    "no_recipients": {"vi": 'thiếu "Nơi nhận:"', "en": 'no "Nơi nhận:" (recipients) list'},
    "no_archive": {
        "vi": '"Nơi nhận" thiếu dòng "- Lưu: VT, …"',
        "en": 'the recipients list has no "- Lưu: VT, …" (archive) line',
    },
    "archive_no_vt": {
        "vi": 'dòng lưu "{line}" không ghi Văn thư: "- Lưu: VT, …"',
        "en": 'the archive line "{line}" names no clerical office (VT): "- Lưu: VT, …"',
    },
    "addressee": {
        "vi": 'kế hoạch không có "Kính gửi:"; người nhận ghi ở "Nơi nhận:"',
        "en": 'a plan has no "Kính gửi:" line; its recipients go under "Nơi nhận:"',
    },
}


def _found(plan: Plan, pattern: re.Pattern, within: int | None = HEAD) -> bool:
    return first_paragraph(plan, pattern, within=within) is not None


@rule(
    "header-missing",
    "KH401",
    "error",
    summary={
        "vi": "phần đầu thiếu Quốc hiệu, Tiêu ngữ, cơ quan ban hành, số ký hiệu, ngày tháng hoặc tên loại",
        "en": "the header lacks the national name, motto, issuer, number, place-date or type line",
    },
    doc_vi="""header-missing (KH401, lỗi): phần đầu văn bản có đủ các thành phần theo quy định của Nghị định 30.

      Gồm Quốc hiệu và Tiêu ngữ, tên cơ quan ban hành, số và ký hiệu "Số: …/KH-…", địa danh và ngày,
      tháng, năm ban hành, tên loại văn bản "KẾ HOẠCH" (Điều 8, khoản 2). Bản xuất ra văn bản thuần
      đã mất bảng phần đầu cũng bị báo thiếu: tệp đó thực sự không còn các thành phần này. Văn bản
      của tổ chức Đảng có "ĐẢNG CỘNG SẢN VIỆT NAM" thay cho Quốc hiệu và Tiêu ngữ (Hướng dẫn
      36-HD/VPTW).
      """,
)
def header_missing(plan: Plan, config: Config) -> Iterator[Finding]:
    """header-missing (KH401, error): the header has every component Nghị định 30 requires.

    Quốc hiệu and Tiêu ngữ, the issuing body, the number line "Số: …/KH-…", the place-date
    line and the type name "KẾ HOẠCH" (Điều 8, khoản 2). A text export that lost the header
    table reports them missing: the file really lacks them. A Party committee's document has
    "ĐẢNG CỘNG SẢN VIỆT NAM" in place of the Quốc hiệu and Tiêu ngữ (Hướng dẫn 36-HD/VPTW).

    PASS::

        ỦY BAN NHÂN DÂN
        HUYỆN LỘC HÀ

        Số: 15/KH-UBND

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

        Lộc Hà, ngày 20 tháng 02 năm 2024

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

    FAIL::

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

        Căn cứ Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh, UBND huyện ban hành Kế hoạch như sau:
    """
    h = plan.header
    first = next(iter(paragraphs(plan)), None)
    where = h.location or (location(first[1].prov, first[0]) if first else Location(line=1))
    party = _found(plan, PARTY)  # a Party committee's document has the Party's name instead
    checks = {
        "motto": h.motto or party or _found(plan, MOTTO, within=None),
        "slogan": party or _found(plan, SLOGAN, within=None) or (h.motto and plan.document is None),
        "issuer": bool(h.issuer),
        "number": (bool(h.number_raw) and h.number_from != "appendix") or _found(plan, NUMBER_LINE_ANY),
        "date": (bool(h.date_raw) and h.number_from != "appendix") or _found(plan, DATE_LINE),
        "type": bool(h.doc_type) or _found(plan, TYPE_LINE),
    }
    for part, ok in checks.items():
        if not ok:
            yield header_missing.finding(
                config,
                MESSAGES["missing"],
                location=where,
                part=COMPONENTS[part].get(config.lang) or COMPONENTS[part]["vi"],
            )


@rule(
    "signer-missing",
    "KH402",
    "error",
    summary={"vi": "thiếu chức vụ, họ tên người ký", "en": "the signer's position and name are missing"},
    doc_vi="""signer-missing (KH402, lỗi): cuối kế hoạch có chức vụ, họ tên người ký.

      "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", sau đó là họ và tên người ký (Điều 8,
      điểm g).
      """,
)
def signer_missing(plan: Plan, config: Config) -> Iterator[Finding]:
    """signer-missing (KH402, error): the plan ends with the signer's position and name.

    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" then the name (Điều 8, điểm g).

    PASS::

        Nơi nhận:
        - UBND các xã, thị trấn;
        - Lưu: VT, VHTT.

        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH

        Đinh Nguyên Vũ

    FAIL::

        Nơi nhận:
        - UBND các xã, thị trấn;
        - Lưu: VT, VHTT.
    """
    s = plan.header.signer
    if s.name or s.position or s.authority or _found(plan, AUTHORITY, within=None):
        return
    last = None
    for i, para in paragraphs(plan):
        last = location(para.prov, i)
    yield signer_missing.finding(config, MESSAGES["signer"], location=last)


@rule(
    "recipients-missing",
    "KH403",
    "warning",
    summary={"vi": 'thiếu "Nơi nhận:" hoặc dòng "- Lưu: VT"', "en": 'no "Nơi nhận:" list or no "- Lưu: VT" line'},
    doc_vi="""recipients-missing (KH403, cảnh báo): có mục "Nơi nhận:" và dòng cuối "- Lưu: VT, …".

      Mọi kế hoạch đều liệt kê các nơi nhận dưới mục "Nơi nhận:"; dòng cuối cùng ghi việc lưu văn
      bản tại Văn thư: "- Lưu: VT, <đơn vị soạn thảo>.". Dòng lưu chỉ ghi đơn vị soạn thảo
      ("- Lưu: MTTQ.") được báo ở mức `info`.
      """,
)
def recipients_missing(plan: Plan, config: Config) -> Iterator[Finding]:
    """recipients-missing (KH403, warning): a "Nơi nhận:" list ending with "- Lưu: VT, …".

    Every plan lists its recipients under "Nơi nhận:"; the last line files a copy with the
    clerical office: "- Lưu: VT, <drafting unit>.". An archive line naming the drafting unit
    only ("- Lưu: MTTQ.") is `info`.

    PASS::

        Nơi nhận:
        - Sở Nội vụ;
        - UBND các xã, thị trấn;
        - Lưu: VT, VHTT.

        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH

    FAIL::

        Nơi nhận:
        - Sở Nội vụ;
        - UBND các xã, thị trấn.

        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH
    """
    found = first_paragraph(plan, RECIPIENTS, within=None)
    if found is None and not plan.header.recipients:
        yield recipients_missing.finding(config, MESSAGES["no_recipients"])
        return
    archive = first_paragraph(plan, ARCHIVE, within=None)
    if archive is None and not any(ARCHIVE.search(r) for r in plan.header.recipients):
        where = location(found[1].prov, found[0]) if found else None
        other = first_paragraph(plan, _ANY_ARCHIVE, within=None)
        if other is not None:
            # "- Lưu: MTTQ.": the copy is filed, with the drafting unit only (a Front committee, a school)
            yield recipients_missing.finding(
                config,
                MESSAGES["archive_no_vt"],
                location=location(other[1].prov, other[0]),
                excerpt=excerpt(other[1].text),
                severity="info",
                line=other[1].text.strip(),
            )
            return
        yield recipients_missing.finding(
            config, MESSAGES["no_archive"], location=where, excerpt=excerpt(found[1].text) if found else ""
        )


_ANY_ARCHIVE = re.compile(r"^\s*[-–+•]?\s*Lưu\s*:", re.I)  # "- Lưu: MTTQ.", "- Lưu: HS."


@rule(
    "addressee-in-plan",
    "KH407",
    "warning",
    summary={
        "vi": 'kế hoạch có dòng "Kính gửi:" (chỉ dùng cho công văn, tờ trình, báo cáo)',
        "en": 'a plan with a "Kính gửi:" line (that belongs to letters, submissions, reports)',
    },
    doc_vi="""addressee-in-plan (KH407, cảnh báo): kế hoạch dùng "Nơi nhận:", không dùng "Kính gửi:".

      "Kính gửi:" dùng trong công văn, tờ trình hoặc báo cáo gửi cấp trên; kế hoạch được gửi đến các
      nơi nhận liệt kê tại mục "Nơi nhận:" (Nghị định 30, Phụ lục I). Đây thường là dấu hiệu của
      việc dùng lại mẫu của một loại văn bản khác.
      """,
)
def addressee_in_plan(plan: Plan, config: Config) -> Iterator[Finding]:
    """addressee-in-plan (KH407, warning): a plan has "Nơi nhận:", not "Kính gửi:".

    "Kính gửi:" addresses a công văn, a tờ trình or a report to a superior; a Kế hoạch is
    sent to its recipients listed under "Nơi nhận:" (Nghị định 30, Phụ lục I). Often the
    sign of a template reused from another kind of document.

    PASS::

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

        I. MỤC ĐÍCH, YÊU CẦU

    FAIL::

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

        Kính gửi: Ủy ban nhân dân tỉnh

        I. MỤC ĐÍCH, YÊU CẦU
    """
    if plan.document_type != "ke_hoach":
        return
    found = first_paragraph(plan, ADDRESSEE, within=HEAD)
    if found:
        i, para, _ = found
        yield addressee_in_plan.finding(
            config, MESSAGES["addressee"], location=location(para.prov, i), excerpt=excerpt(para.text)
        )
