"""Real plans copied from a legal-document website (../shared/webcopies) and real layout / web
exports in ../shared/realdocs: header, title, sections and signature read right, end to end.

The values asserted were read off each document by hand (they have no truth files).
"""

from __future__ import annotations

import pytest

from conftest import REALDOCS, WEBCOPIES, needs
from kehoach import api

# file stem prefix -> (issuer, number, place, date, title start, title end, signer name, position)
HEADERS = {
    "KH-0124_": (
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
        "0124/KH-UBND",
        "Đắk Lắk",
        "2025-11-18",
        "PHÁT ĐỘNG ĐỢT THI ĐUA LẬP THÀNH TÍCH CHÀO MỪNG ĐẠI HỘI LẦN THỨ XIV CỦA ĐẢNG;",
        "NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XIII CỦA ĐẢNG",
        "Đào Mỹ",
        "PHÓ CHỦ TỊCH",
    ),
    "KH-174_": (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
        "174/KH-UBND",
        "Thành phố Hồ Chí Minh",
        "2025-11-18",
        "TRIỂN KHAI CÁC NHIỆM VỤ TRỌNG TÂM CUỐI NĂM 2025 LĨNH VỰC BÌNH ĐẲNG GIỚI",
        "TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH",
        "Trần Thị Diệu Thúy",
        "PHÓ CHỦ TỊCH",
    ),
    "KH-144_": (
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
        "144/KH-UBND",
        "Bắc Ninh",
        "2025-11-24",
        "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH",
        "GIAI ĐOẠN 2026 - 2030",
        "Mai Sơn",
        "PHÓ CHỦ TỊCH",
    ),
    "KH-308_": (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
        "308/KH-UBND",
        "Hà Nội",
        "2025-11-17",
        "TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 214/NQ-CP NGÀY 23/7/2025",
        "CHUYỂN ĐỔI SỐ TOÀN DIỆN",
        "Trương Việt Dũng",
        "PHÓ CHỦ TỊCH",
    ),
    "KH-982_": (
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
        "982/KH-UBND",
        "Nghệ An",
        "2025-11-19",
        "TRIỂN KHAI ĐỢT THI ĐUA LẬP THÀNH TÍCH CHÀO MỪNG ĐẠI HỘI LẦN THỨ XIV",
        "TRÊN ĐỊA BÀN TỈNH NGHỆ AN",
        "Phùng Thành Vinh",
        "PHÓ CHỦ TỊCH",
    ),
    "KH-235_": (
        "ỦY BAN NHÂN DÂN TỈNH THANH HÓA",
        "235/KH-UBND",
        "Thanh Hóa",
        "2025-11-18",
        "QUAN TRẮC, CẢNH BÁO MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN",
        "TRÊN ĐỊA BÀN TỈNH THANH HÓA NĂM 2026",
        "Mai Xuân Liêm",
        "PHÓ CHỦ TỊCH",
    ),
    "KH-x_6a406c1f": (
        "UỶ BAN NHÂN DÂN TỈNH LAI CHÂU",
        "7360/KH-UBND",
        "Lai Châu",
        "2025-11-19",
        "TRIỂN KHAI THI HÀNH LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU",
        "TRÊN ĐỊA BÀN TỈNH LAI CHÂU",
        "Tống Thanh Hải",
        "PHÓ CHỦ TỊCH",
    ),
    "KH-153_": (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
        "153/KH-UBND",
        "Cần Thơ",
        "2025-11-17",
        "TRIỂN KHAI, THỰC HIỆN CÁC DỰ ÁN, TIỂU DỰ ÁN",
        "TRÊN ĐỊA BÀN THÀNH PHỐ",
        "Trương Cảnh Tuyên",
        "CHỦ TỊCH",
    ),
}

SECTIONS = {
    "KH-0124_": [
        ("I", ["muc_dich", "yeu_cau"]),
        ("II", ["noi_dung"]),
        ("III", ["doi_tuong", "hinh_thuc"]),
        ("IV", ["to_chuc_thuc_hien"]),
    ],
    "KH-174_": [
        ("I", ["muc_dich", "yeu_cau"]),
        ("II", ["muc_dich"]),
        ("III", ["noi_dung"]),
        ("IV", ["nhiem_vu"]),
        ("V", ["to_chuc_thuc_hien"]),
        ("VI", ["kinh_phi"]),
        ("VII", ["other"]),
    ],
    "KH-144_": [
        ("I", ["other"]),
        ("II", ["muc_dich"]),
        ("III", ["other"]),
        ("IV", ["other"]),
        ("V", ["nhiem_vu"]),
        ("VI", ["to_chuc_thuc_hien"]),
        ("VII", ["other"]),
    ],
    "KH-x_6a406c1f": [
        ("I", ["muc_dich", "yeu_cau"]),
        ("II", ["noi_dung"]),
        ("III", ["kinh_phi"]),
        ("IV", ["to_chuc_thuc_hien"]),
    ],
}


def _one(prefix: str):
    found = sorted(WEBCOPIES.glob(f"{prefix}*.md"))
    assert len(found) == 1, f"{prefix}: {found}"
    return api.parse(found[0])


@needs(WEBCOPIES)
@pytest.mark.parametrize("prefix", sorted(HEADERS))
def test_web_copy_header(prefix):
    issuer, number, place, date, title_start, title_end, name, position = HEADERS[prefix]
    plan = _one(prefix)
    h = plan.header
    assert (plan.document_type, plan.is_plan) == ("ke_hoach", True)
    assert (h.issuer, h.number, h.place, h.date) == (issuer, number, place, date)
    assert h.title.startswith(title_start) and h.title.endswith(title_end), h.title
    assert (h.signer.name, h.signer.position) == (name, position)


@needs(WEBCOPIES)
@pytest.mark.parametrize("prefix", sorted(SECTIONS))
def test_web_copy_sections(prefix):
    plan = _one(prefix)
    assert [(s.number, s.kinds) for s in plan.sections] == SECTIONS[prefix]


@needs(WEBCOPIES)
def test_web_copy_heading_wrapped_in_bold_keeps_its_whole_title():
    plan = _one("KH-144_")
    assert plan.sections[-1].title == "CHẾ ĐỘ BÁO CÁO"  # "**VII. CHẾ ĐỘ\nBÁO CÁO**"
    assert plan.sections[0].title == "QUAN ĐIỂM"


@needs(WEBCOPIES)
def test_every_web_copy_is_a_plan_with_sections_and_a_number():
    for path in sorted(WEBCOPIES.glob("KH-*.md")):
        plan = api.parse(path)
        assert plan.is_plan, path.name
        if path.name.startswith("KH-x_d3"):  # a news page quoting one part of a plan: no header
            continue
        assert plan.header.number and plan.header.date and plan.header.issuer, path.name
        assert "CỘNG HÒA" not in plan.header.issuer, path.name
        assert len(plan.sections) >= 3, path.name


@needs(WEBCOPIES)
def test_web_copy_section_starting_at_two_is_reported():
    plan = _one("KH-0130_")  # the plan really starts at "II. MỤC ĐÍCH, YÊU CẦU"
    assert plan.sections[0].number == "II"
    assert [d.code for d in plan.diagnostics] == ["item-skipped"]


PDFTOTEXT = REALDOCS / "laocai-ubnd_KH-134-KH-UBND_2026.index-pdftotext.txt"
DECISION = REALDOCS / "bnnmt_QD-2200-QD-BNNMT-ban-hanh-KH_2026.index-text.md"


@needs(PDFTOTEXT)
def test_pdftotext_layout_plan_title_and_sections():
    plan = api.parse(PDFTOTEXT)
    assert plan.header.title == (
        "Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai ngày 27/12/2025 về phát triển "
        "các khu, cụm công nghiệp trên địa bàn tỉnh Lào Cai năm 2026"
    )
    assert [(s.number, s.kinds) for s in plan.sections] == [
        ("I", ["muc_dich", "yeu_cau"]),
        ("II", ["noi_dung"]),
        ("III", ["nhiem_vu"]),
        ("IV", ["kinh_phi"]),
        ("V", ["to_chuc_thuc_hien"]),
        ("VI", ["other"]),
    ]
    assert plan.diagnostics == []


@needs(DECISION)
def test_plan_issued_by_a_ministry_decision_text_copy():
    plan = api.parse(DECISION)
    h = plan.header
    assert plan.document_type == "ke_hoach" and plan.wrapper.document_type == "quyet_dinh"
    assert h.title == (
        "TRIỂN KHAI THỰC HIỆN NGHỊ ĐỊNH SỐ 180/2026/NĐ-CP NGÀY 21 THÁNG 5 NĂM 2026 CỦA CHÍNH PHỦ "
        "QUY ĐỊNH VỀ DỊCH VỤ HẤP THỤ VÀ LƯU GIỮ CÁC-BON CỦA RỪNG"
    )
    assert (h.issuer, h.place, h.date) == ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Hà Nội", "2026-06-10")
    assert (h.signer.authority, h.signer.position, h.signer.name) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Quốc Trị")
    assert [s.number for s in plan.sections] == ["I", "II", "III"]


@needs(REALDOCS)
@pytest.mark.parametrize(
    "name, doc_type",
    [
        ("laocai-sct_CV-1629_2026_v-v-KH-kiem-tra-nghiem-thu.pdf", "cong_van"),
        ("laocai-sct_CV-3036_2026_v-v-KH-kiem-tra-nghiem-thu.pdf", "cong_van"),
        ("quangngai-ubnd_TB-11-TB-UBND_2025_signed.pdf", "thong_bao"),
    ],
)
def test_real_non_plans_give_no_tasks(name, doc_type):
    plan = api.parse(REALDOCS / name)
    assert (plan.document_type, plan.is_plan, plan.tasks) == (doc_type, False, [])
    # (CV 3036's damaged text layer also has letters guessed: said apart, at their place)
    assert [d.code for d in plan.diagnostics if d.code != "letter-guessed"] == ["not-a-plan"]


def test_a_signature_cell_opening_with_an_empty_bold_run_ends_the_body():
    # a web copy's flattened signature table: "|", an empty bold run "* *", then "*Nơi nhận:*";
    # an item "- Văn phòng UBND tỉnh: V, CB;" read as a unit's duty became a task
    text = (
        "KẾ HOẠCH\nTriển khai Luật\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Sở Tư pháp chủ trì hướng dẫn thực hiện Kế hoạch này.\n\n"
        "Ủy ban nhân dân tỉnh yêu cầu các cơ quan nghiêm túc triển khai thực hiện./.\n\n"
        "|\n* *\n*Nơi nhận:*\n- Các sở, ngành;\n- Văn phòng UBND tỉnh: V, CB;\n- Lưu: VT.\n|\n"
        "**TM. ỦY BAN\nNHÂN DÂN**\n**CHỦ TỊCH**\n**Nguyễn Văn An**\n|\n"
    )
    plan = api.parse_text(text, name="fragment.md")
    assert [t.content for t in plan.tasks] == ["Sở Tư pháp chủ trì hướng dẫn thực hiện Kế hoạch này."]
    assert plan.header.recipients[:2] == ["Các sở, ngành", "Văn phòng UBND tỉnh: V, CB"]
