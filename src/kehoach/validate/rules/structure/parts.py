"""The three parts every plan has: Mục đích, yêu cầu; Nội dung (nhiệm vụ); Tổ chức thực hiện."""

from __future__ import annotations

from collections.abc import Iterator

from ....models import Finding, Plan, Section
from ...config import Config
from ...registry import rule

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
}


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
