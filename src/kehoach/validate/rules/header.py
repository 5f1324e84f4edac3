"""Header and signature (Nghị định 30/2020, Điều 8 and Phụ lục I).

A plan opens with the national motto, the issuing body, "Số: 20/KH-UBND", the place-date
line "Quế Sơn, ngày 18 tháng 02 năm 2021", the type line "KẾ HOẠCH" and its title; it closes
with the signer and the "Nơi nhận:" list ending "- Lưu: VT, …". These rules read the parsed
header and fall back on the document's own lines, so a header the parser could not place
is not reported missing.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from ...models import Finding, Location, Plan
from ...vntext import clean
from ..config import Config
from ..registry import rule
from ..util import excerpt, first_paragraph, location, make_date, paragraphs

HEAD = 40  # the header lives in the first paragraphs

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
    "addressee": {
        "vi": 'kế hoạch không có "Kính gửi:"; người nhận ghi ở "Nơi nhận:"',
        "en": 'a plan has no "Kính gửi:" line; its recipients go under "Nơi nhận:"',
    },
    "bad_date": {
        "vi": "ngày ban hành không tồn tại: ngày {day} tháng {month} năm {year}",
        "en": "the date does not exist: day {day}, month {month}, year {year}",
    },
}

_MOTTO = re.compile(r"c[ộô]ng\s+h[òo]à?a?\s+x[ãa]\s+h[ộô]i\s+ch[ủu]\s+ngh[ĩi]a\s+vi[ệe]t\s+nam", re.I)
_SLOGAN = re.compile(r"đ[ộo]c\s+l[ậa]p\s*[-–—]\s*t[ựu]\s+do\s*[-–—]\s*h[ạa]nh\s+ph[úu]c", re.I)
_NUMBER_LINE_ANY = re.compile(r"^\s*Số\s*(?::\s*|[.]?\s*(?=[\d\s]*/))[\d\s]*/?\s*[^\W\d_]*", re.I)
_DATE_LINE = re.compile(r"(?:^|,)\s*ngày\s+[\d\s./]*tháng\s+[\d\s./]*năm\s*\d*", re.I)
_DATE_PARTS = re.compile(r"ngày\s+([\d\s./]*?)\s*tháng\s+([\d\s./]*?)\s*năm\s*(\d*)", re.I)
_TYPE_LINE = re.compile(r"^\s*KẾ\s+HOẠCH\b")
_AUTHORITY = re.compile(r"(?:^|\s)(?:T/?M|KT|Q|TL|TUQ)\.\s*[A-ZĐÀ-Ỹ]")
_RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận\s*:?", re.I)
_ARCHIVE = re.compile(r"^\s*[-–+•]?\s*Lưu\s*:?\s*(?:VT|VP|văn\s+thư)", re.I)


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
      đã mất bảng phần đầu cũng bị báo thiếu: tệp đó thực sự không còn các thành phần này.
      """,
)
def header_missing(plan: Plan, config: Config) -> Iterator[Finding]:
    """header-missing (KH401, error): the header has every component Nghị định 30 requires.

    Quốc hiệu and Tiêu ngữ, the issuing body, the number line "Số: …/KH-…", the place-date
    line and the type name "KẾ HOẠCH" (Điều 8, khoản 2). A text export that lost the header
    table reports them missing: the file really lacks them.

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
    checks = {
        "motto": h.motto or _found(plan, _MOTTO, within=None),
        "slogan": _found(plan, _SLOGAN, within=None) or (h.motto and plan.document is None),
        "issuer": bool(h.issuer),
        "number": (bool(h.number_raw) and h.number_from != "appendix") or _found(plan, _NUMBER_LINE_ANY),
        "date": (bool(h.date_raw) and h.number_from != "appendix") or _found(plan, _DATE_LINE),
        "type": bool(h.doc_type) or _found(plan, _TYPE_LINE),
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
    if s.name or s.position or s.authority or _found(plan, _AUTHORITY, within=None):
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
      bản tại Văn thư: "- Lưu: VT, <đơn vị soạn thảo>.".
      """,
)
def recipients_missing(plan: Plan, config: Config) -> Iterator[Finding]:
    """recipients-missing (KH403, warning): a "Nơi nhận:" list ending with "- Lưu: VT, …".

    Every plan lists its recipients under "Nơi nhận:"; the last line files a copy with the
    clerical office: "- Lưu: VT, <drafting unit>.".

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
    found = first_paragraph(plan, _RECIPIENTS, within=None)
    if found is None and not plan.header.recipients:
        yield recipients_missing.finding(config, MESSAGES["no_recipients"])
        return
    archive = first_paragraph(plan, _ARCHIVE, within=None)
    if archive is None and not any(_ARCHIVE.search(r) for r in plan.header.recipients):
        where = location(found[1].prov, found[0]) if found else None
        yield recipients_missing.finding(
            config, MESSAGES["no_archive"], location=where, excerpt=excerpt(found[1].text) if found else ""
        )


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
    return _header_line(plan, _NUMBER_LINE_ANY, plan.header.number_raw)


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
        m = _DATE_PARTS.search(date_raw)
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
      (xem draft-blank), không phải lỗi. Thiếu số 0 chỉ là cảnh báo.
      """,
)
def number_format(plan: Plan, config: Config) -> Iterator[Finding]:
    """number-format (KH405, error): the number reads "NN/KH-ISSUER".

    The sequence number (a leading zero below 10: "05"), a slash, then the type code "KH"
    and the issuer's code joined by a hyphen, without spaces (Nghị định 30, Phụ lục I and
    III). A blank number is a draft (see draft-blank), not an error. A missing zero is a
    warning.

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
    if not m:
        yield number_format.finding(config, MESSAGES["bad_number"], location=where, excerpt=excerpt(raw), number=number)
        return
    seq, code = m.group(1), m.group(2)
    if code.upper() != "KH":
        yield number_format.finding(
            config, MESSAGES["type_code"], location=where, excerpt=excerpt(raw), code=code, number=number
        )
    if len(seq) == 1:
        yield number_format.finding(
            config, MESSAGES["zero"], location=where, excerpt=excerpt(raw), severity="warning", number=seq
        )


def _date_line(plan: Plan) -> tuple[str | None, Location | None]:
    return _header_line(plan, _DATE_LINE, plan.header.date_raw)


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
    m = _DATE_PARTS.search(raw.replace("*", ""))
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


_ADDRESSEE = re.compile(r"^\s*Kính\s+gửi\s*:", re.I)


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
    found = first_paragraph(plan, _ADDRESSEE, within=HEAD)
    if found:
        i, para, _ = found
        yield addressee_in_plan.finding(
            config, MESSAGES["addressee"], location=location(para.prov, i), excerpt=excerpt(para.text)
        )
