"""Whether the document is a plan at all: on a news item, công văn or report, plan-only rules are skipped."""

from __future__ import annotations

from collections.abc import Iterator

from ....i18n import MESSAGES as NAMES
from ....models import Finding, Plan
from ...config import Config
from ...registry import rule

MESSAGES = {
    "not_plan": {
        "vi": "văn bản không phải là kế hoạch ({kind}); chỉ kiểm tra các quy tắc chung",
        "en": "this document is not a plan ({kind}); only the general rules were checked",
    },
}


# a document without a type of ND 30 (a news item, a web page): named as an article
UNKNOWN = {"vi": "bài viết / không rõ loại", "en": "an article / unknown type"}


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
    names = _kind_of(plan.document_type)
    yield not_a_plan.finding(config, MESSAGES["not_plan"], kind=names.get(config.lang) or names["vi"])


def _kind_of(document_type: str) -> dict[str, str]:
    """A type of ND 30 by its own name ("quyết định" / "a decision", "công điện" / "an official
    telegram"), as the report names types; any other document as an article."""
    name = NAMES.get(f"doctype_{document_type}") if document_type != "unknown" else None
    if name is None:
        return UNKNOWN
    en = name["en"]
    return {"vi": name["vi"].lower(), "en": f"{'an' if en[:1] in 'aeiou' else 'a'} {en}"}
