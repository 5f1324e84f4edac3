"""Structure: the parts every plan has, and its appendices.

A plan states its purpose (Mục đích, yêu cầu), its content (Nội dung / Nhiệm vụ) and who
does what (Tổ chức thực hiện). An appendix the body announces must be there, and its
"(Kèm theo Kế hoạch số … ngày …)" line must carry the plan's own number and date.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from ...models import Finding, Plan, Section
from ...roman import from_roman, to_roman
from ...vntext import clean, is_upper_title, key
from ..config import Config
from ..registry import rule
from ..util import excerpt, iso, location, paragraphs, tables

REQUIRED = (
    (
        "purpose",
        {"muc_dich", "yeu_cau", "chi_tieu"},
        {"vi": "Mục đích, yêu cầu", "en": "Purpose and requirements (Mục đích, yêu cầu)"},
    ),
    (
        "content",
        {"noi_dung", "nhiem_vu", "hinh_thuc"},
        {"vi": "Nội dung (nhiệm vụ)", "en": "Content or tasks (Nội dung / Nhiệm vụ)"},
    ),
    (
        "organisation",
        {"to_chuc_thuc_hien"},
        {"vi": "Tổ chức thực hiện", "en": "Organisation of implementation (Tổ chức thực hiện)"},
    ),
)

MESSAGES = {
    "missing": {"vi": 'thiếu phần "{part}"', "en": 'no "{part}" part'},
    "no_sections": {
        "vi": "không tìm thấy mục nào được đánh số (I., II. …): thiếu Mục đích, yêu cầu; Nội dung; Tổ chức thực hiện",
        "en": "no numbered sections (I., II. …) found: Purpose, Content and Organisation parts are all missing",
    },
    "no_appendix": {
        "vi": "văn bản nhắc đến phụ lục/danh mục kèm theo nhưng không có phụ lục nào",
        "en": "the text announces an attached appendix or list, but there is no appendix",
    },
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
    "not_referenced": {"vi": "phần nội dung không nhắc đến {label}", "en": "the body never refers to {label}"},
    "unnumbered": {
        "vi": "kế hoạch có {count} phụ lục: phải đánh số Phụ lục I, Phụ lục II … (đang là {labels})",
        "en": "the plan has {count} appendices: number them Phụ lục I, Phụ lục II … (now {labels})",
    },
    "not_plan": {
        "vi": "văn bản không phải là kế hoạch ({kind}); chỉ kiểm tra các quy tắc chung",
        "en": "this document is not a plan ({kind}); only the general rules were checked",
    },
}

_ANNOUNCE = re.compile(
    r"(?:có|theo|tại|xem)\s+(?:các\s+|bản\s+)?(?:phụ\s+lục|danh\s+mục)\b[^.;]{0,80}?\bkèm\s+theo"
    r"|(?:phụ\s+lục|danh\s+mục)\b[^.;]{0,160}?\b(?:ban\s+hành\s+)?kèm\s+theo\s+kế\s+hoạch\s+này"
    r"|\(\s*(?:có\s+)?(?:các\s+)?(?:phụ\s+lục|danh\s+mục)[^()]{0,40}kèm\s+theo\s*\)",
    re.I,
)
_APPENDIX_TITLE = re.compile(r"^(?:phụ\s+lục|danh\s+mục)\b", re.I)


def _all(sections: list[Section]) -> Iterator[Section]:
    for s in sections:
        yield s
        yield from _all(s.children)


@rule(
    "missing-section",
    "KH301",
    "warning",
    summary={
        "vi": "thiếu phần Mục đích, yêu cầu / Nội dung / Tổ chức thực hiện",
        "en": "a Purpose, Content or Organisation part is missing",
    },
    doc_vi="""missing-section (KH301, cảnh báo): kế hoạch có đủ ba phần cơ bản.

      Kế hoạch phải nêu rõ để làm gì (Mục đích, yêu cầu — hoặc Mục tiêu, Chỉ tiêu), làm những gì
      (Nội dung, Nhiệm vụ, Hình thức) và ai thực hiện (Tổ chức thực hiện). Mỗi phần còn thiếu được
      báo một lần; kế hoạch không có mục đánh số nào chỉ nhận một phát hiện.
      """,
)
def missing_section(plan: Plan, config: Config) -> Iterator[Finding]:
    """missing-section (KH301, warning): the plan has its three essential parts.

    A plan says why (Mục đích, yêu cầu — or Mục tiêu, Chỉ tiêu), what (Nội dung, Nhiệm vụ,
    Hình thức) and who (Tổ chức thực hiện). Each missing part is reported once; a plan with
    no numbered sections at all gets a single finding.

    PASS::

        I. MỤC ĐÍCH, YÊU CẦU

        1. Mục đích

        - Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.

        II. NỘI DUNG TUYÊN TRUYỀN

        - Tuyên truyền kết quả thực hiện Kế hoạch cải cách hành chính năm 2024.

        III. TỔ CHỨC THỰC HIỆN

        Phòng Nội vụ chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch này.

    FAIL::

        I. MỤC ĐÍCH, YÊU CẦU

        - Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.

        II. NỘI DUNG TUYÊN TRUYỀN

        - Tuyên truyền kết quả thực hiện Kế hoạch cải cách hành chính năm 2024.
    """
    if not plan.sections:
        yield missing_section.finding(config, MESSAGES["no_sections"], location=plan.header.location)
        return
    kinds = {k for s in _all(plan.sections) if s.level <= 2 for k in s.kinds}
    for _, wanted, names in REQUIRED:
        if not kinds & wanted:
            yield missing_section.finding(
                config,
                MESSAGES["missing"],
                location=plan.sections[0].location,
                part=names.get(config.lang) or names["vi"],
            )


def _signature_block(plan: Plan) -> int | None:
    """Index of the first block that starts an appendix (a PHỤ LỤC / DANH MỤC title)."""
    for i, para in paragraphs(plan):
        first = clean(para.lines[0] if para.lines else para.text)
        if _APPENDIX_TITLE.match(first) and is_upper_title(first):
            return i
    return None


@rule(
    "appendix-not-found",
    "KH302",
    "warning",
    summary={
        "vi": 'văn bản nhắc "Phụ lục/Danh mục kèm theo" nhưng không có phụ lục',
        "en": "an attached appendix is announced but missing",
    },
    doc_vi="""appendix-not-found (KH302, cảnh báo): phụ lục đã được dẫn chiếu phải có trong văn bản.

      Các câu như "(Có Phụ lục kèm theo)" hoặc "Danh mục … ban hành kèm theo Kế hoạch này" cho biết
      văn bản có phụ lục; nếu văn bản không có phụ lục nào (không có phần "PHỤ LỤC" / "DANH MỤC" và
      không có bảng phụ lục) thì phụ lục đã bị bỏ sót hoặc nằm ở một tệp khác.
      """,
)
def appendix_not_found(plan: Plan, config: Config) -> Iterator[Finding]:
    """appendix-not-found (KH302, warning): an announced appendix is present.

    Text such as "(Có Phụ lục kèm theo)" or "Danh mục … ban hành kèm theo Kế hoạch này"
    promises an appendix; when the document has none (no "PHỤ LỤC" / "DANH MỤC" part and no
    appendix table), it was forgotten or left in another file.

    PASS::

        3. Nhiệm vụ trọng tâm: (Có Phụ lục kèm theo)

        PHỤ LỤC
        NỘI DUNG TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024
        (Kèm theo Kế hoạch số 12/KH-UBND ngày 15/02/2024 của UBND huyện)

        TT	NHIỆM VỤ	CƠ QUAN CHỦ TRÌ	THỜI GIAN THỰC HIỆN
        1.	Tuyên truyền trên Cổng thông tin điện tử huyện	Phòng Văn hóa và Thông tin	Thường xuyên

    FAIL::

        3. Nhiệm vụ trọng tâm: (Có Phụ lục kèm theo)

        III. KINH PHÍ

        Kinh phí tuyên truyền được bố trí trong nguồn kinh phí cải cách hành chính năm 2024.
    """
    if plan.appendices or _signature_block(plan) is not None:
        return
    for i, para in paragraphs(plan, layout=False):
        m = _ANNOUNCE.search(para.text)
        if m:
            yield appendix_not_found.finding(
                config, MESSAGES["no_appendix"], location=location(para.prov, i), excerpt=excerpt(m.group(0))
            )
            return


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


KINDS = {
    "quyet_dinh": {"vi": "quyết định", "en": "a decision"},
    "to_trinh": {"vi": "tờ trình", "en": "a submission"},
    "cong_van": {"vi": "công văn", "en": "an official letter"},
    "thong_bao": {"vi": "thông báo", "en": "a notice"},
    "bao_cao": {"vi": "báo cáo", "en": "a report"},
    "unknown": {"vi": "bài viết / không rõ loại", "en": "an article / unknown type"},
}


@rule(
    "not-a-plan",
    "KH304",
    "info",
    plans_only=False,
    summary={
        "vi": "văn bản không phải kế hoạch: bỏ qua các quy tắc dành cho kế hoạch",
        "en": "the document is not a plan: plan-only rules are skipped",
    },
    doc_vi="""not-a-plan (KH304, thông tin): cho biết các quy tắc chỉ dành cho kế hoạch đã được bỏ qua.

      Bài báo, công văn, tờ trình và báo cáo không phải là kế hoạch; các quy tắc về phần đầu văn
      bản, đánh số, bố cục, văn bản được dẫn chiếu và nhiệm vụ không áp dụng cho các văn bản này và
      được bỏ qua, để văn bản không bị coi là "không có vấn đề" mà không có lời giải thích nào.
      """,
)
def not_a_plan(plan: Plan, config: Config) -> Iterator[Finding]:
    """not-a-plan (KH304, info): says when plan-only rules were skipped.

    News articles, công văn, tờ trình and reports are not plans; the header, numbering,
    structure, reference and task rules do not apply to them and are skipped, so the
    document is not reported clean without a word.

    PASS::

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

        I. MỤC ĐÍCH, YÊU CẦU

        - Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.

        II. NỘI DUNG

        - Tuyên truyền kết quả thực hiện Kế hoạch cải cách hành chính năm 2024.

    FAIL::

        Các nội dung thông tin, tuyên truyền về hoạt động kiểm soát thủ tục hành chính năm 2024

        07/03/2024

        Ngày 07/3/2024, UBND tỉnh đã ban hành Kế hoạch số 865/KH-UBND truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2024 trên địa bàn tỉnh.

        Theo đó, các cơ quan, đơn vị trên địa bàn tỉnh cần tăng cường thông tin, tuyên truyền về hoạt động kiểm soát thủ tục hành chính.
    """  # noqa: E501 - the fragments are plan text, one paragraph or table row a line
    if plan.is_plan:
        return
    names = KINDS.get(plan.document_type, KINDS["unknown"])
    yield not_a_plan.finding(config, MESSAGES["not_plan"], kind=names.get(config.lang) or names["vi"])


# "Phụ lục C" is lettered, not a hundred: appendix numerals are written with I, V and X
_NUMERAL = re.compile(r"^(?:phụ\s+lục|danh\s+mục)\s+([IVX]+|\d+)\b", re.I)


def _numeral(label: str | None) -> int | None:
    m = _NUMERAL.match(clean(label or ""))
    if not m:
        return None
    value = m.group(1).upper()
    if value.isdigit():
        return int(value)
    n = from_roman(value)
    return n if n and to_roman(n) == value else None  # "IIII" is no numeral


def _body_text(plan: Plan) -> str:
    starts = [a.location.block for a in plan.appendices if a.location and a.location.block is not None]
    end = min(starts) if starts else None
    parts = []
    for i, para in paragraphs(plan):
        if end is not None and i >= end:
            break
        parts.append(para.text)
    for i, table in tables(plan):
        if end is None or i < end:
            parts += [c.text for row in table.rows for c in row.cells]
    return clean(" ".join(parts))


@rule(
    "appendix-not-referenced",
    "KH305",
    "warning",
    summary={"vi": "phần thân văn bản không dẫn chiếu đến phụ lục", "en": "an appendix the body never refers to"},
    doc_vi="""appendix-not-referenced (KH305, cảnh báo): phần thân văn bản dẫn chiếu đến từng phụ lục.

      Nghị định 30 yêu cầu phần thân văn bản dẫn chiếu đến từng phụ lục ("(Có Phụ lục kèm theo)",
      "chi tiết tại Phụ lục II"); khi có nhiều phụ lục thì dẫn chiếu theo số thứ tự của từng phụ
      lục.
      """,
)
def appendix_not_referenced(plan: Plan, config: Config) -> Iterator[Finding]:
    """appendix-not-referenced (KH305, warning): the body refers to every appendix.

    Nghị định 30 requires the body to point at each appendix ("(Có Phụ lục kèm theo)", "chi
    tiết tại Phụ lục II"); when there are several, each by its number.

    PASS::

        II. NHIỆM VỤ

        Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.

        PHỤ LỤC
        CÁC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH
        (Ban hành kèm theo Kế hoạch số 09/KH-BTNMT ngày 06/8/2024 của Bộ Tài nguyên và Môi trường)

    FAIL::

        II. NHIỆM VỤ

        Các đơn vị thực hiện các nhiệm vụ được giao trong năm 2024.

        PHỤ LỤC
        CÁC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH
        (Ban hành kèm theo Kế hoạch số 09/KH-BTNMT ngày 06/8/2024 của Bộ Tài nguyên và Môi trường)
    """
    if not plan.appendices:
        return
    body = _body_text(plan)
    numbered = [(a, _numeral(a.label)) for a in plan.appendices]
    for appendix, n in numbered:
        if not appendix.label:  # an unlabelled table after the signature: "(… kèm theo)" is all it gets
            found = re.search(r"phụ\s+lục|danh\s+mục|kèm\s+theo", body, re.I)
        elif n is None or len(plan.appendices) == 1:
            found = re.search(r"phụ\s+lục|danh\s+mục", body, re.I)
        else:
            names = {str(n), to_roman(n)}
            found = re.search(r"(?:phụ\s+lục|danh\s+mục)\s+(?:số\s+)?(?:" + "|".join(names) + r")\b", body, re.I)
        if not found:
            label = clean(appendix.label or "") or ("phụ lục" if config.lang == "vi" else "the appendix")
            yield appendix_not_referenced.finding(
                config,
                MESSAGES["not_referenced"],
                location=appendix.location,
                excerpt=excerpt(appendix.title or appendix.label),
                label=label,
            )


@rule(
    "appendix-numbering",
    "KH306",
    "warning",
    summary={
        "vi": "có từ hai phụ lục trở lên mà không đánh số I, II …",
        "en": "two or more appendices not numbered I, II …",
    },
    doc_vi="""appendix-numbering (KH306, cảnh báo): khi có nhiều phụ lục thì đánh số Phụ lục I, II….

      Văn bản chỉ có một phụ lục thì ghi "PHỤ LỤC"; có từ hai phụ lục trở lên thì phải đánh số để
      phân biệt: "PHỤ LỤC I", "PHỤ LỤC II"… theo thứ tự (Nghị định 30, Phụ lục I).
      """,
)
def appendix_numbering(plan: Plan, config: Config) -> Iterator[Finding]:
    """appendix-numbering (KH306, warning): several appendices are numbered Phụ lục I, II ….

    One appendix is simply "PHỤ LỤC"; two or more must be told apart: "PHỤ LỤC I",
    "PHỤ LỤC II" … in order (Nghị định 30, Phụ lục I).

    PASS::

        PHỤ LỤC I
        KẾ HOẠCH KIỂM TRA
        (Kèm theo Kế hoạch số 1105/KH-ĐKT ngày 10/3/2026 của Đoàn kiểm tra)

        PHỤ LỤC II
        ĐỀ CƯƠNG BÁO CÁO
        (Kèm theo Kế hoạch số 1105/KH-ĐKT ngày 10/3/2026 của Đoàn kiểm tra)

    FAIL::

        PHỤ LỤC
        KẾ HOẠCH KIỂM TRA
        (Kèm theo Kế hoạch số 1105/KH-ĐKT ngày 10/3/2026 của Đoàn kiểm tra)

        PHỤ LỤC
        ĐỀ CƯƠNG BÁO CÁO
        (Kèm theo Kế hoạch số 1105/KH-ĐKT ngày 10/3/2026 của Đoàn kiểm tra)
    """
    labelled = [a for a in plan.appendices if a.label]
    if len(labelled) < 2:
        return
    values = [_numeral(a.label) for a in labelled]
    if values == list(range(1, len(values) + 1)):
        return
    bad = next(
        (a for a, v, want in zip(labelled, values, range(1, len(values) + 1), strict=True) if v != want), labelled[0]
    )
    yield appendix_numbering.finding(
        config,
        MESSAGES["unnumbered"],
        location=bad.location,
        excerpt=excerpt(bad.label),
        count=len(labelled),
        labels=", ".join(clean(a.label or "") for a in labelled),
    )
