"""Text copied from the web and from layout exports: one minimal fragment per behaviour."""

from kehoach import api
from kehoach.parsers.text import parse_string
from kehoach.parsers.text.web import join_emphasis_wraps

# the shape a legal-document website gives when copied: header table one cell per "|" line,
# words wrapped inside bold and italic runs
WEB_HEADER = """|
**ỦY BAN NHÂN
DÂN**
TỈNH LAI CHÂU
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
7360/KH-UBND
|
*Lai Châu, ngày
19 tháng 11 năm 2025*
|

**KẾ HOẠCH**

TRIỂN KHAI THI HÀNH LUẬT SỬA ĐỔI MỘT SỐ ĐIỀU
CỦA LUẬT TIÊU CHUẨN TRÊN ĐỊA BÀN TỈNH

**I. MỤC
ĐÍCH, YÊU CẦU**

**1. Mục đích**

- Bảo đảm sự chỉ đạo thống nhất.

**II. TỔ CHỨC
THỰC HIỆN**

**1. Sở Khoa học và Công nghệ**

Chủ trì triển khai Kế hoạch.

|
Nơi nhận:
- Bộ Khoa học
và Công nghệ (b/c);
- Lưu: VT.
|
**TM. ỦY BAN NHÂN
DÂN**
**KT. CHỦ TỊCH **
PHÓ CHỦ TỊCH
**Tống Thanh Hải**
|
"""


def test_a_line_wrapped_inside_bold_is_one_line():
    assert [t for _, t in join_emphasis_wraps(["**I. MỤC", "ĐÍCH, YÊU CẦU**", "", "x"])] == [
        "**I. MỤC ĐÍCH, YÊU CẦU**",
        "",
        "x",
    ]
    # the run keeps the number of its first line
    assert join_emphasis_wraps(["a", "*Lai Châu, ngày", "19 tháng 11 năm 2025*"])[1] == (
        2,
        "*Lai Châu, ngày 19 tháng 11 năm 2025*",
    )


def test_an_emphasis_run_left_open_is_not_joined():
    lines = ["**Tên chưa đóng", "", "dòng khác"]
    assert [t for _, t in join_emphasis_wraps(lines)] == lines


def test_a_signature_line_is_not_the_wrapped_tail_of_the_line_above():
    lines = ["**KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH**"]
    assert [t for _, t in join_emphasis_wraps(lines)] == lines


def test_flattened_header_table_cells_become_layout_paragraphs():
    doc = parse_string(WEB_HEADER)
    layout = [p.lines for p in doc.paragraphs if p.role == "layout"]
    assert layout[:4] == [
        ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        ["Số:", "7360/KH-UBND"],
        ["Lai Châu, ngày 19 tháng 11 năm 2025"],
    ]


def test_web_copy_header_sections_and_signature():
    plan = api.parse_text(WEB_HEADER)
    h = plan.header
    assert h.issuer == "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"
    assert h.number == "7360/KH-UBND"  # "Số:" and its value on two lines
    assert (h.place, h.date) == ("Lai Châu", "2025-11-19")
    assert h.title == "TRIỂN KHAI THI HÀNH LUẬT SỬA ĐỔI MỘT SỐ ĐIỀU CỦA LUẬT TIÊU CHUẨN TRÊN ĐỊA BÀN TỈNH"
    assert [(s.number, s.title, s.kinds) for s in plan.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", ["muc_dich", "yeu_cau"]),
        ("II", "TỔ CHỨC THỰC HIỆN", ["to_chuc_thuc_hien"]),
    ]
    assert (h.signer.authority, h.signer.position, h.signer.name) == (
        "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Tống Thanh Hải",
    )
    assert h.recipients == ["Bộ Khoa học và Công nghệ (b/c)", "Lưu: VT."]


def test_an_appendix_table_flattened_with_bars_is_not_taken_for_a_layout_table():
    text = (
        WEB_HEADER
        + "\n**PHỤ LỤC**\n\n|\n**TT**\n|\n**Nội dung**\n|\n**Đơn vị chủ trì**\n|\n|\n1\n|\nRà soát\n|\nSở Tư pháp\n|\n"
    )
    doc = parse_string(text)
    assert not any(p.role == "layout" and "TT" in p.lines for p in doc.paragraphs)


def test_title_wrapped_before_a_roman_looking_word_goes_on():
    plan = api.parse_text(
        "KẾ HOẠCH\n\nPHÁT ĐỘNG ĐỢT THI ĐUA CHÀO MỪNG ĐẠI HỘI LẦN THỨ\nXIV CỦA ĐẢNG\n\n"
        "I. MỤC ĐÍCH\n\n- Phát huy sức mạnh.\n"
    )
    assert plan.header.title == "PHÁT ĐỘNG ĐỢT THI ĐUA CHÀO MỪNG ĐẠI HỘI LẦN THỨ XIV CỦA ĐẢNG"
    assert [s.number for s in plan.sections] == ["I"]


def test_a_title_opening_with_thuc_hien_is_the_title_not_the_legal_basis():
    plan = api.parse_text(
        "KẾ HOẠCH\nThực hiện Nghị quyết số 34-NQ/TU của Tỉnh ủy về phát triển công nghiệp năm 2026\n\n"
        "Căn cứ Nghị định số 35/2022/NĐ-CP ngày 28/5/2022 của Chính phủ;\n\nI. MỤC ĐÍCH\n\n- Cụ thể hóa.\n"
    )
    assert plan.header.title == "Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh ủy về phát triển công nghiệp năm 2026"
    assert plan.header.legal_basis == ["Căn cứ Nghị định số 35/2022/NĐ-CP ngày 28/5/2022 của Chính phủ;"]


def test_a_basis_sentence_under_the_type_line_is_not_a_title():
    plan = api.parse_text(
        "KẾ HOẠCH\n\nThực hiện Quyết định số 2437/QĐ-TTg ngày 04/11/2025 của Thủ tướng, "
        "UBND tỉnh ban hành kế hoạch như sau:\n\nI. MỤC ĐÍCH\n\n- Phát huy.\n"
    )
    assert plan.header.title is None
    assert plan.header.legal_basis[0].startswith("Thực hiện Quyết định số 2437/QĐ-TTg")


def test_type_line_stands_alone_in_a_text_with_no_blank_lines():
    doc = parse_string("Điều 3. Các đơn vị thi hành Quyết định này./.\nKẾ HOẠCH\nTRIỂN KHAI NGHỊ ĐỊNH SỐ 180\n")
    assert [p.text for p in doc.paragraphs] == [
        "Điều 3. Các đơn vị thi hành Quyết định này./.",
        "KẾ HOẠCH",
        "TRIỂN KHAI NGHỊ ĐỊNH SỐ 180",
    ]


def test_plan_issued_by_a_decision_takes_its_signer_issuer_and_date():
    plan = api.parse_text("""BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

Số: 2200/QĐ-BNNMT

Hà Nội, ngày 10 tháng 6 năm 2026

QUYẾT ĐỊNH

Ban hành Kế hoạch triển khai Nghị định số 180/2026/NĐ-CP

Căn cứ Nghị định số 35/2025/NĐ-CP ngày 25/02/2025 của Chính phủ;

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai Nghị định.

Nơi nhận:
- Lưu: VT.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Nguyễn Quốc Trị

KẾ HOẠCH

Triển khai Nghị định số 180/2026/NĐ-CP

(Kèm theo Quyết định số 2200/QĐ-BNNMT ngày 10/6/2026 của Bộ trưởng)

I. MỤC ĐÍCH

- Tổ chức triển khai.
""")
    h = plan.header
    assert h.title == "Triển khai Nghị định số 180/2026/NĐ-CP"
    assert (h.signer.authority, h.signer.position, h.signer.name) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Quốc Trị")
    assert (h.issuer, h.place, h.date) == ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Hà Nội", "2026-06-10")
    assert "35/2025/NĐ-CP" in [r.number for r in plan.references]  # the decision's basis is cited too


def test_von_dau_tu_is_a_funding_section():
    plan = api.parse_text("KẾ HOẠCH\n\nI. MỤC ĐÍCH\n\n- A.\n\nIV. VỐN ĐẦU TƯ\n\n- Ngân sách tỉnh.\n")
    assert plan.sections[1].kinds == ["kinh_phi"]


LAYOUT_NO_INDENT = """        UỶ BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA
         HUYỆN QUẾ SƠN                              VIỆT NAM
                                           Độc lập – Tự do – Hạnh phúc

          Số:20 /KH-UBND                  Quế Sơn, ngày 18 tháng 02 năm 2021

                               KẾ HOẠCH
                 Tuyên truyền cải cách hành chính năm 2021

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao nhận thức của cán bộ.

II. NỘI DUNG

Hoạt động truyền thông theo danh mục.

III. TỔ CHỨC THỰC HIỆN

Các phòng triển khai.
"""


def test_layout_export_header_columns_and_headings_at_the_margin():
    plan = api.parse_text(LAYOUT_NO_INDENT)
    h = plan.header
    assert (h.issuer, h.number, h.place, h.date) == (
        "UỶ BAN NHÂN DÂN HUYỆN QUẾ SƠN",
        "20/KH-UBND",
        "Quế Sơn",
        "2021-02-18",
    )
    assert h.title == "Tuyên truyền cải cách hành chính năm 2021"
    assert [(s.number, s.title) for s in plan.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NỘI DUNG"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]


def test_layout_text_heading_after_a_blank_line_is_not_glued_to_its_text():
    # a pdftotext -layout export: body indented, a heading at the margin after a blank line
    lines = [
        "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "   TỈNH LÀO CAI                       Độc lập - Tự do - Hạnh phúc",
        "",
        "                     KẾ HOẠCH",
        "          Phát triển công nghiệp",
        "",
        "      I. MỤC ĐÍCH, YÊU CẦU",
        "      Cụ thể hóa Nghị quyết của Tỉnh ủy về phát triển",
        "công nghiệp.",
        "",
        "II. NỘI DUNG",
        "",
        "Hoàn thiện hạ tầng các khu công nghiệp.",
        "",
        "       III. TỔ CHỨC",
        "THỰC HIỆN",
        "      Các sở triển khai.",
        "       - 2 -",
    ]
    plan = api.parse_text("\n".join(lines))
    assert [(s.number, s.title) for s in plan.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NỘI DUNG"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert plan.sections[1].text == ["Hoàn thiện hạ tầng các khu công nghiệp."]


def test_inspection_plan_section_kinds():
    from kehoach.plan.patterns import kinds_of

    assert kinds_of("PHƯƠNG PHÁP KIỂM TRA") == ["hinh_thuc"]
    assert kinds_of("ĐOÀN KIỂM TRA, ĐƠN VỊ ĐƯỢC KIỂM TRA, THỜI GIAN KIỂM TRA") == ["doi_tuong"]
    assert kinds_of("VỐN ĐẦU TƯ") == ["kinh_phi"]


def test_upper_case_title_one_line_per_paragraph():
    plan = api.parse_text(
        "KẾ HOẠCH\n\nTRIỂN KHAI CÁC NHIỆM VỤ TRỌNG TÂM\n\nTRÊN ĐỊA BÀN THÀNH PHỐ\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n\nI. MỤC ĐÍCH\n\n- A.\n"
    )
    assert plan.header.title == "TRIỂN KHAI CÁC NHIỆM VỤ TRỌNG TÂM TRÊN ĐỊA BÀN THÀNH PHỐ"


def test_type_word_opening_the_title_line():
    plan = api.parse_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN SƠN HÀ\n\nSố: 23/KH-UBND\n\nSơn Hà, ngày 16 tháng 02 năm 2024\n\n"
        "KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024\n\nI. MỤC ĐÍCH\n\n- A.\n"
    )
    assert (plan.document_type, plan.is_plan) == ("ke_hoach", True)
    assert plan.header.title == "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    assert plan.header.issuer == "ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ"


def test_website_metadata_before_the_header_table_is_dropped_and_reported():
    # a page copied whole, with no blank line anywhere: the site's metadata cells, then the
    # document's header table, then the body; the signature table ends at the cell that signs
    text = "\n".join(
        [
            "|",
            "Bản dịch này thuộc quyền sở hữu của **",
            "THƯ VIỆN**.",
            "|",
            "|",
            "**Số hiệu:**",
            "|",
            "980/KH-UBND",
            "|",
            "**Loại văn bản:**",
            "|",
            "Kế hoạch",
            "|",
            "|",
            "**ỦY BAN NHÂN DÂN**",
            "TỈNH NGHỆ AN",
            "|",
            "**CỘNG HÒA XÃ HỘI",
            "CHỦ NGHĨA VIỆT NAM**",
            "Độc lập - Tự do - Hạnh phúc",
            "|",
            "|",
            "Số: 980/KH-UBND",
            "|",
            "*Nghệ An, ngày 18",
            "tháng 11 năm 2025*",
            "|",
            "**KẾ HOẠCH**",
            "PHÒNG THỦ DÂN SỰ",
            "**I. MỤC ĐÍCH**",
            "- Xác định trách nhiệm.",
            "**II. TỔ CHỨC THỰC HIỆN**",
            "- Các sở thực hiện./.",
            "|",
            "Nơi nhận:",
            "- Lưu: VT.",
            "|",
            "**TM. ỦY BAN NHÂN",
            "DÂN **",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Nguyễn Văn Đệ",
            "|",
            "**PHỤ LỤC**",
            "|",
            "**TT**",
            "|",
            "**Nội dung**",
            "|",
        ]
    )
    plan = api.parse_text(text)
    h = plan.header
    assert (h.issuer, h.number, h.place, h.date) == (
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
        "980/KH-UBND",
        "Nghệ An",
        "2025-11-18",
    )
    assert (h.signer.position, h.signer.name) == ("PHÓ CHỦ TỊCH", "Nguyễn Văn Đệ")
    assert [s.number for s in plan.sections] == ["I", "II"]
    (d,) = [d for d in plan.diagnostics if d.code == "text-dropped"]
    assert d.excerpt.startswith("Bản dịch này thuộc quyền sở hữu") and d.location.line == 2
