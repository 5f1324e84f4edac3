"""Documents around a plan: a Quyết định that issues a plan, a Công văn that is not a plan."""

import pytest

from conftest import REALDOCS as _REALDOCS
from conftest import missing
from kehoach import api

REALDOCS = _REALDOCS

DECISION_WITH_PLAN = """ỦY BAN NHÂN DÂN
HUYỆN LỘC HÀ

Số: 120/QĐ-UBND

Lộc Hà, ngày 05 tháng 03 năm 2024

QUYẾT ĐỊNH

Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024

Căn cứ Luật Tổ chức chính quyền địa phương;

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2024.

Điều 2. Quyết định có hiệu lực kể từ ngày ký./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

CHỦ TỊCH

Nguyễn Văn An

ỦY BAN NHÂN DÂN
HUYỆN LỘC HÀ

KẾ HOẠCH

Tuyên truyền cải cách hành chính năm 2024

(Ban hành kèm theo Quyết định số 120/QĐ-UBND ngày 05/03/2024 của Chủ tịch UBND huyện)

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.

II. TỔ CHỨC THỰC HIỆN

1. Phòng Nội vụ

Chủ trì triển khai Kế hoạch này.
"""


def test_plan_inside_a_decision_is_the_plan_and_the_decision_is_its_wrapper():
    plan = api.parse_text(DECISION_WITH_PLAN)
    assert plan.document_type == "ke_hoach" and plan.is_plan
    assert plan.header.title == "Tuyên truyền cải cách hành chính năm 2024"
    # the plan has no number of its own: it is known by the decision's (so say the real-plan truths)
    assert (plan.header.number, plan.header.number_from) == ("120/QĐ-UBND", "wrapper")
    assert (plan.header.issuer, plan.header.date) == ("ỦY BAN NHÂN DÂN HUYỆN LỘC HÀ", "2024-03-05")
    assert [(s.number, s.kinds) for s in plan.sections] == [
        ("I", ["muc_dich", "yeu_cau"]),
        ("II", ["to_chuc_thuc_hien"]),
    ]
    assert [(t.origin, t.lead[0].name) for t in plan.tasks] == [("assignment", "Phòng Nội vụ")]
    assert plan.wrapper is not None
    assert plan.wrapper.document_type == "quyet_dinh"
    assert plan.wrapper.header.number == "120/QĐ-UBND"
    assert plan.wrapper.header.date == "2024-03-05"
    assert plan.wrapper.header.title.startswith("Về việc ban hành Kế hoạch")


def test_a_plain_plan_has_no_wrapper():
    plan = api.parse_text(DECISION_WITH_PLAN.split("Nguyễn Văn An", 1)[1])
    assert plan.wrapper is None and plan.document_type == "ke_hoach"


@pytest.mark.skipif(
    not (REALDOCS / "laocai-sct_CV-1629_2026_v-v-KH-kiem-tra-nghiem-thu.pdf").exists(), reason=missing(REALDOCS)
)
def test_cong_van_is_reported_as_not_a_plan_with_its_header():
    plan = api.parse(REALDOCS / "laocai-sct_CV-1629_2026_v-v-KH-kiem-tra-nghiem-thu.pdf")
    assert plan.document_type == "cong_van" and plan.is_plan is False
    assert plan.header.issuer == "SỞ CÔNG THƯƠNG" and plan.header.issuer_parent == "UBND TỈNH LÀO CAI"
    # the number is stamped by a signature widget at signing (it was read as blank before)
    assert plan.header.number == "1629/SCT-CN" and plan.header.date == "2026-03-27"
    assert plan.header.title.startswith("kế hoạch kiểm tra công tác nghiệm thu")
    assert plan.header.signer.name == "Hoàng Văn Thuân"


def test_a_cong_van_subject_typed_over_several_paragraphs_of_its_cell_is_one_title(tmp_path):
    import docx

    # a drafter who ends each line of the "V/v" subject with Enter leaves three paragraphs in
    # the header's left cell; the lower-case ones go on with its sentence
    d = docx.Document()
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].text = "UBND TỈNH LÂM ĐỒNG"
    for text in (
        "Số:      /SNV",
        "V/v triển khai thực hiện các nhiệm vụ",
        "trọng tâm phục vụ mô hình",
        "chính quyền 02 cấp",
    ):
        left.add_paragraph(text)
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    for text in ("Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 12 tháng 8 năm 2025"):
        right.add_paragraph(text)
    for text in ("Kính gửi: Các sở, ban, ngành thuộc tỉnh.", "Căn cứ Công văn số 45/UBND-NC, Sở Nội vụ đề nghị …"):
        d.add_paragraph(text)
    d.save(tmp_path / "cv.docx")
    plan = api.parse(tmp_path / "cv.docx")
    assert plan.document_type == "cong_van"
    assert plan.header.title == "triển khai thực hiện các nhiệm vụ trọng tâm phục vụ mô hình chính quyền 02 cấp"
    # a paragraph of another cell, or an upper-case one, is not part of it
    left.paragraphs[-1].text = "Kính gửi: Sở Tài chính"
    d.save(tmp_path / "cv2.docx")
    assert (
        api.parse(tmp_path / "cv2.docx").header.title == "triển khai thực hiện các nhiệm vụ trọng tâm phục vụ mô hình"
    )
