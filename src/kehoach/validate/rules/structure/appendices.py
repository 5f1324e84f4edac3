"""Appendices: one the body announces is there, the body refers to each, several are numbered I, II …"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from ....models import Finding, Plan
from ....roman import from_roman, to_roman
from ....vntext import clean, is_upper_title
from ...config import Config
from ...registry import rule
from ...util import excerpt, location, paragraphs, tables

MESSAGES = {
    "no_appendix": {
        "vi": "văn bản nhắc đến phụ lục/danh mục kèm theo nhưng không có phụ lục nào",
        "en": "the text announces an attached appendix or list, but there is no appendix",
    },
    "not_referenced": {"vi": "phần nội dung không nhắc đến {label}", "en": "the body never refers to {label}"},
    "unnumbered": {
        "vi": "kế hoạch có {count} phụ lục: phải đánh số Phụ lục I, Phụ lục II … (đang là {labels})",
        "en": "the plan has {count} appendices: number them Phụ lục I, Phụ lục II … (now {labels})",
    },
}


_ANNOUNCE = re.compile(
    r"(?:có|theo|tại|xem)\s+(?:các\s+|bản\s+)?(?:phụ\s+lục|danh\s+mục)\b[^.;]{0,80}?\bkèm\s+theo"
    r"|(?:phụ\s+lục|danh\s+mục)\b[^.;]{0,160}?\b(?:ban\s+hành\s+)?kèm\s+theo\s+kế\s+hoạch\s+này"
    r"|\(\s*(?:có\s+)?(?:các\s+)?(?:phụ\s+lục|danh\s+mục)[^()]{0,40}kèm\s+theo\s*\)",
    re.I,
)
_APPENDIX_TITLE = re.compile(r"^(?:phụ\s+lục|danh\s+mục)\b", re.I)


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
