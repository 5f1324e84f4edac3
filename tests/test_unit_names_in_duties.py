"""How a duty paragraph names its unit (the lead of an assignment), on fragments and real plans.

- the unit's role for another body, written after its name ("Sở Thông tin và Truyền thông – cơ quan
  thường trực Ban Chỉ đạo Chuyển đổi số tỉnh"), stays part of that one unit: the body named in the role
  leads nothing;
- a unit's own office ("Chuyên viên Cơ quan Ủy ban Mặt trận Tổ quốc xã") is one unit;
- "…, trên cơ sở chức năng, nhiệm vụ …, căn cứ …" after the units starts the duty: the units stop there.
"""

from __future__ import annotations

import pytest

from conftest import CORPUS, needs
from kehoach import api
from kehoach.plan.duty_text import assignment_unit
from kehoach.plan.units import split_units

FRAGMENT = """KẾ HOẠCH
Chuyển đổi số năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Đẩy mạnh chuyển đổi số trên địa bàn.
II. TỔ CHỨC THỰC HIỆN
1. Giao Sở Khoa học và Công nghệ – cơ quan thường trực Ban Chỉ đạo Chuyển đổi số tỉnh chủ trì, phối hợp với các sở, ngành tổ chức triển khai thực hiện Kế hoạch.
2. Các sở, ban, ngành và UBND các xã, phường, trên cơ sở chức năng, nhiệm vụ của ngành, địa phương mình, căn cứ nội dung được giao tại Phụ lục để tổ chức triển khai thực hiện.
3. Chuyên viên Cơ quan Ủy ban Mặt trận Tổ quốc xã tham mưu chuẩn bị nội dung hội nghị.
"""


def names(units) -> list[str]:
    return [u.name for u in units]


def test_a_role_for_another_body_stays_in_the_unit_name():
    assert names(split_units("Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo")) == [
        "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo"
    ]
    assert names(split_units("Cơ quan thường trực Ban Chỉ đạo tỉnh")) == ["Cơ quan thường trực Ban Chỉ đạo tỉnh"]
    # two units written with no separator are still two
    assert names(split_units("Phòng Văn hóa Ban Tuyên giáo")) == ["Phòng Văn hóa", "Ban Tuyên giáo"]


def test_the_office_of_a_unit_is_one_unit():
    assert names(split_units("Chuyên viên Cơ quan Ủy ban Mặt trận Tổ quốc xã")) == [
        "Chuyên viên Cơ quan Ủy ban Mặt trận Tổ quốc xã"
    ]


def test_on_the_basis_of_functions_starts_the_duty():
    unit, _ = assignment_unit(
        "Các sở, ban, ngành và UBND các xã, phường, trên cơ sở chức năng, nhiệm vụ của ngành, địa phương mình, "
        "căn cứ nội dung được giao để tổ chức triển khai thực hiện.",
        False,
    )
    assert unit == "Các sở, ban, ngành và UBND các xã, phường"


def test_fragment_leads_of_the_duties():
    leads = [names(t.lead) for t in api.parse_text(FRAGMENT).tasks if t.origin == "assignment"]
    assert leads == [
        ["Sở Khoa học và Công nghệ – cơ quan thường trực Ban Chỉ đạo Chuyển đổi số tỉnh"],
        ["Các sở, ban, ngành và UBND các xã, phường"],
        ["Chuyên viên Cơ quan Ủy ban Mặt trận Tổ quốc xã"],
    ]


KH1914 = CORPUS / "haiduong-ubnd_KH-1914-KH-UBND-chuyen-doi-so_2023.pdf"
HIEP_THUONG_2 = CORPUS / "luongminh-mttq_KH-hiep-thuong-lan-2_2026.docx"


@needs(KH1914)
def test_real_pdf_duties_of_a_provincial_plan():
    # Hải Dương KH 1914/KH-UBND, VI. Tổ chức thực hiện, items 1 and 2
    first, second = [t for t in api.parse(KH1914).tasks if t.origin == "assignment"][:2]
    assert names(first.lead) == ["Sở Thông tin và Truyền thông – cơ quan thường trực Ban Chỉ đạo Chuyển đổi số tỉnh"]
    assert names(second.lead) == [
        "Các sở, ban, ngành và UBND các huyện, thị xã, thành phố, UBND các xã, phường, thị trấn"
    ]


@needs(HIEP_THUONG_2)
def test_real_docx_duty_of_the_fronts_office():
    # MTTQ xã Lương Minh, KH hiệp thương lần thứ hai, V.2
    tasks = [t for t in api.parse(HIEP_THUONG_2).tasks if t.origin == "assignment"]
    assert [names(t.lead) for t in tasks][:2] == [
        ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã"],
        ["Chuyên viên Cơ quan Ủy ban Mặt trận Tổ quốc xã"],
    ]


def test_a_field_in_charge_is_part_of_a_persons_name():
    # "giám sát" names the field the officer is in charge of, not the start of a duty
    assert assignment_unit("Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội", True) == (
        "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội",
        "",
    )
    # a duty verb that does not follow the field still cuts
    assert assignment_unit("Phòng Văn hóa chủ trì tham mưu công tác tuyên truyền.", False)[0] == "Phòng Văn hóa"


def test_will_starts_the_duty():
    assert assignment_unit("Tổ kiểm phiếu sẽ thực hiện kiểm đếm và công bố kết quả biểu quyết.", False)[0] == (
        "Tổ kiểm phiếu"
    )


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Các cơ sở sản xuất tuân thủ nghiêm các quy định của pháp luật về bảo vệ môi trường.", "Các cơ sở sản xuất"),
        (
            "Các cơ sở đào tạo đại học ở các lĩnh vực ngành, nghề mở thêm chuyên ngành đào tạo về chuyển đổi số.",
            "Các cơ sở đào tạo đại học ở các lĩnh vực ngành, nghề",
        ),
        (
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các Đoàn thể tỉnh bằng nhiều hình thức tuyên truyền Kế hoạch.",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các Đoàn thể tỉnh",
        ),
        ("Các phòng, ban chuyên môn nghiêm túc quán triệt và thực hiện Kế hoạch.", "Các phòng, ban chuyên môn"),
    ],
)
def test_compliance_opening_and_manner_words_start_the_duty(sentence, unit):
    """ "tuân thủ", "chấp hành", "quán triệt", "nghiêm túc", "mở thêm", "bằng nhiều hình thức" … after a
    unit's name begin what it must do (three plans of a ministry and two provinces)."""
    assert assignment_unit(sentence, False)[0] == unit


HIEP_THUONG = CORPUS / "luongminh-mttq_KH-hoi-nghi-hiep-thuong_2025.docx"


@needs(HIEP_THUONG)
def test_real_docx_duties_named_by_field_and_by_will():
    # MTTQ xã Lương Minh, KH tổ chức các hội nghị hiệp thương: II.5 "- Tổ kiểm phiếu sẽ thực hiện …",
    # III.3 "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội" over its duties
    leads = [names(t.lead) for t in api.parse(HIEP_THUONG).tasks if t.origin == "assignment"]
    assert ["Tổ kiểm phiếu"] in leads
    assert ["Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội"] in leads
    assert ["Cán bộ phụ trách lĩnh vực"] not in leads


@needs(HIEP_THUONG)
def test_real_docx_items_titled_by_their_content_label():
    # II.1.1 and II.2.1 are "Nội dung: …" items over "- Thời gian:", "- Đơn vị chủ trì:", "- Kết quả:" lines
    first, second = [t for t in api.parse(HIEP_THUONG).tasks if t.origin == "body"][:2]
    assert first.content == (
        "Hiệp thương về cơ cấu, thành phần, số lượng người được giới thiệu ứng cử đại biểu HĐND xã nhiệm kỳ 2026 - 2031."
    )
    assert names(first.lead) == ["Ban Công tác mặt trận thôn"]
    assert first.timeline.raw.startswith("Dự kiến ngày 05/12/2025")
    assert second.content.startswith("Hiệp thương lập danh sách sơ bộ những người ứng cử đại biểu HĐND xã;")
    assert names(second.lead) == ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"]


ADDRESSED = """KẾ HOẠCH

Tổ chức hội nghị hiệp thương lần thứ hai

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm dân chủ, đúng luật.

II. TỔ CHỨC THỰC HIỆN

1. Ban Thường trực Ủy ban MTTQ Việt Nam xã

- Xây dựng và ban hành kế hoạch hiệp thương.

- Triệu tập thành phần đại biểu dự hội nghị.

2. Chuyên viên Cơ quan Ủy ban MTTQ xã

- Chuẩn bị nội dung, điều kiện tổ chức hội nghị.

- Lập dự toán kinh phí phục vụ hội nghị.

Đề nghị Văn phòng Đảng ủy, Văn phòng HĐND và UBND xã phối hợp chuẩn bị các điều kiện phục vụ hội nghị.
"""


def test_a_unit_addressed_after_another_units_listed_duties_has_its_own_duty():
    tasks = [t for t in api.parse_text(ADDRESSED).tasks if t.origin == "assignment"]
    assert [names(t.lead) for t in tasks] == [
        ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"],
        ["Chuyên viên Cơ quan Ủy ban MTTQ xã"],
        ["Văn phòng Đảng ủy, Văn phòng HĐND và UBND xã"],
    ]
    assert "Đề nghị" not in tasks[1].content
    assert tasks[2].content.startswith("Đề nghị Văn phòng Đảng ủy")


@needs(HIEP_THUONG_2)
def test_real_docx_unit_addressed_after_the_last_duties():
    # MTTQ xã Lương Minh, KH hiệp thương lần thứ hai, end of V: "Đề nghị Văn phòng Đảng ủy, Văn phòng
    # HĐND&UBND xã phối hợp Cơ quan Uỷ ban MTTQ Việt Nam xã …" after the listed duties of item 2
    tasks = [t for t in api.parse(HIEP_THUONG_2).tasks if t.origin == "assignment"]
    assert [names(t.lead) for t in tasks][-1] == ["Văn phòng Đảng ủy, Văn phòng HĐND&UBND xã"]
    assert "Đề nghị Văn phòng Đảng ủy" not in tasks[1].content
