"""The header (thể thức) and the signature block: issuer, number, place-date, title, legal
basis, signer, recipients; drafts with blanks; the number taken from the appendix line.
"""

from __future__ import annotations

from kehoach import api
from kehoach.blocks import Paragraph
from kehoach.models import Header
from kehoach.plan.header import lines_of, read_header, read_number, read_place_date


def header_after(*replacements: tuple[str, str]) -> Header:
    """The header of FULL (below) with its text replaced, each (old, new) in turn."""
    text = FULL
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    return api.parse_text(text).header


def header_of(texts: list[str], **look) -> Header:
    """The header read from `texts`, one paragraph each (as a PDF line by line gives them)."""
    return read_header(lines_of([(i, Paragraph(text=t, **look)) for i, t in enumerate(texts)]), [])


BODY = "I. MỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao nhận thức về cải cách hành chính.\n\n"

SIGNATURE = """Nơi nhận:
- UBND tỉnh (b/c);
- TT Huyện ủy, HĐND huyện;
- Các phòng, ban thuộc UBND huyện;
- Lưu: VT, VHTT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Việt Cường
"""

FULL = (
    """ỦY BAN NHÂN DÂN
HUYỆN QUẾ SƠN

Số: 20/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quế Sơn, ngày 18 tháng 02 năm 2021

KẾ HOẠCH

Tuyên truyền cải cách hành chính năm 2021

Căn cứ Quyết định số 47/QĐ-UBND ngày 29/01/2021 của UBND huyện Quế Sơn về ban hành Kế hoạch cải cách hành chính năm 2021;

Thực hiện Kế hoạch số 36/KH-UBND ngày 07/02/2021 của UBND tỉnh, UBND huyện ban hành Kế hoạch như sau:

"""
    + BODY
    + "II. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Nội vụ\n\nChủ trì triển khai Kế hoạch này./.\n\n"
    + SIGNATURE
)


def test_issuer_on_two_lines_is_one_name():
    h = api.parse_text(FULL).header
    assert (h.issuer, h.issuer_parent) == ("ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN", None)


def test_issuer_under_a_parent_body():
    h = api.parse_text(
        "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\n\nSố: 1105/KH-SCT\n\nLào Cai, ngày 12 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\n\nHuấn luyện an toàn năm 2026\n\n" + BODY
    ).header
    assert (h.issuer, h.issuer_parent) == ("SỞ CÔNG THƯƠNG", "UBND TỈNH LÀO CAI")
    assert (h.number, h.type_code, h.date, h.place) == ("1105/KH-SCT", "KH", "2026-03-12", "Lào Cai")


def test_number_place_date_type_and_title():
    h = api.parse_text(FULL).header
    assert (h.number, h.number_raw, h.type_code, h.number_from) == ("20/KH-UBND", "20/KH-UBND", "KH", "header")
    assert (h.place, h.date, h.date_raw) == ("Quế Sơn", "2021-02-18", "Quế Sơn, ngày 18 tháng 02 năm 2021")
    assert h.doc_type == "KẾ HOẠCH"
    assert h.title == "Tuyên truyền cải cách hành chính năm 2021"
    assert h.motto is True
    assert h.draft is False


def test_legal_basis_paragraphs_in_order():
    h = api.parse_text(FULL).header
    assert h.legal_basis == [
        "Căn cứ Quyết định số 47/QĐ-UBND ngày 29/01/2021 của UBND huyện Quế Sơn về ban hành Kế hoạch cải cách hành chính năm 2021;",
        "Thực hiện Kế hoạch số 36/KH-UBND ngày 07/02/2021 của UBND tỉnh, UBND huyện ban hành Kế hoạch như sau:",
    ]


def test_signer_with_tm_and_kt_authority_position_and_name():
    s = api.parse_text(FULL).header.signer
    assert s.authority == "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH"
    assert s.position == "PHÓ CHỦ TỊCH"
    assert s.name == "Nguyễn Việt Cường"
    assert s.raw == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Việt Cường"]


def test_signer_with_tm_only_and_a_signature_placeholder():
    plan = api.parse_text(
        "KẾ HOẠCH\n\nTuyên truyền năm 2021\n\n"
        + BODY
        + "**Nơi nhận:**\n\n- Lưu: VT.\n\n**TM. ỦY BAN NHÂN DÂN  \nCHỦ TỊCH** *(Chữ)*\n\nĐinh Nguyên Vũ\n"
    )
    s = plan.header.signer
    assert (s.authority, s.position, s.name) == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đinh Nguyên Vũ")


def test_signer_kt_and_deputy_position_on_one_line():
    plan = api.parse_text(
        "KẾ HOẠCH\n\nHuấn luyện năm 2026\n\n"
        + BODY
        + "Nơi nhận:\n- Như trên;\n\nKT. BỘ TRƯỞNG THỨ TRƯỞNG\n\nLê Minh Ngân\n"
    )
    s = plan.header.signer
    assert (s.authority, s.position, s.name) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Minh Ngân")


def test_recipients_are_the_noi_nhan_items_without_markers():
    h = api.parse_text(FULL).header
    assert h.recipients == [
        "UBND tỉnh (b/c)",
        "TT Huyện ủy, HĐND huyện",
        "Các phòng, ban thuộc UBND huyện",
        "Lưu: VT, VHTT.",
    ]


def test_draft_with_blank_number_and_day():
    h = api.parse_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN LỘC HÀ\n\nSố: /KH-UBND\n\nLộc Hà, ngày tháng 02 năm 2024\n\n"
        "KẾ HOẠCH\n\nTuyên truyền cải cách hành chính năm 2024\n\n" + BODY
    ).header
    assert (h.number, h.number_raw, h.type_code) == (None, "/KH-UBND", "KH")
    assert (h.date, h.date_partial, h.date_raw) == (None, "2024-02", "Lộc Hà, ngày tháng 02 năm 2024")
    assert h.place == "Lộc Hà"
    assert h.draft is True
    assert h.issuer == "ỦY BAN NHÂN DÂN HUYỆN LỘC HÀ"


def test_number_with_stray_spaces_is_normalised_raw_kept():
    assert read_number("Số: 20 /KH-UBND") == ("20/KH-UBND", "20 /KH-UBND")
    assert read_number("Số:20 /KH-UBND") == ("20/KH-UBND", "20 /KH-UBND")
    assert read_number("Số: /KH-UBND") == (None, "/KH-UBND")


def test_place_date_forms():
    assert read_place_date("Quế Sơn, ngày 18 tháng 02 năm 2021") == ("Quế Sơn", "2021-02-18", "2021-02-18")
    assert read_place_date("Lộc Hà, ngày tháng 02 năm 2024") == ("Lộc Hà", None, "2024-02")
    assert read_place_date("Kiến Tường, ngày      tháng      năm 2024") == ("Kiến Tường", None, "2024")
    assert read_place_date("Tuyên truyền cải cách hành chính năm 2024") is None


def test_number_and_date_from_the_appendix_line_when_the_header_has_none():
    plan = api.parse_text(
        "KẾ HOẠCH\n\nTruyền thông về kiểm soát thủ tục hành chính năm 2024\n\n"
        + BODY
        + """Nơi nhận:
- Lưu: VT.

CHỦ TỊCH

Đinh Thị Trà

DANH MỤC
Truyền thông về kiểm soát thủ tục hành chính năm 2024
(Ban hành kèm theo Kế hoạch số 23 /KH-UBND ngày 16 /02/2024 của Chủ tịch UBND huyện Sơn Hà)

STT\tNội dung công việc\tĐơn vị chủ trì thực hiện\tThời gian thực hiện
01\tCung cấp thông tin\tVăn phòng HĐND và UBND huyện\tThường xuyên
"""
    )
    h = plan.header
    assert (h.number, h.number_raw, h.number_from, h.type_code) == ("23/KH-UBND", None, "appendix", "KH")
    assert h.date == "2024-02-16"
    assert (h.signer.position, h.signer.name) == ("CHỦ TỊCH", "Đinh Thị Trà")
    (app,) = plan.appendices
    assert app.label == "DANH MỤC"
    assert app.title == "Truyền thông về kiểm soát thủ tục hành chính năm 2024"
    assert (
        app.attached_to == "(Ban hành kèm theo Kế hoạch số 23 /KH-UBND ngày 16 /02/2024 của Chủ tịch UBND huyện Sơn Hà)"
    )
    assert (app.attached_number, app.attached_date, app.tables) == ("23/KH-UBND", "2024-02-16", [1])


def test_a_blank_number_in_the_appendix_line_stays_blank():
    plan = api.parse_text(
        "KẾ HOẠCH\n\nTuyên truyền năm 2024\n\n"
        + BODY
        + """Nơi nhận:
- Lưu: VT.

PHỤ LỤC
PHÂN CÔNG THỰC HIỆN NHIỆM VỤ NĂM 2024
(Ban hành kèm theo Kế hoạch số: /KH-UBND ngày /01/2024 của UBND thị xã)

STT\tNhiệm vụ\tThời gian thực hiện
1\tKế hoạch tuyên truyền năm 2024\tQuý I/2024
"""
    )
    assert (plan.header.number, plan.header.number_from, plan.header.date) == (None, None, None)
    (app,) = plan.appendices
    assert (app.label, app.attached_number, app.attached_date) == ("PHỤ LỤC", None, None)


def test_header_in_a_markdown_layout_table():
    plan = api.parse_text(
        "| **ỦY BAN NHÂN DÂN<br>HUYỆN QUẾ SƠN** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc** |\n"
        "|---|---|\n"
        "| Số: 20/KH-UBND | Quế Sơn, ngày 18 tháng 02 năm 2021 |\n\n"
        "**KẾ HOẠCH**\n\n**Tuyên truyền cải cách hành chính năm 2021**\n\n" + BODY
    )
    h = plan.header
    assert (h.issuer, h.number, h.place, h.date, h.motto) == (
        "ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN",
        "20/KH-UBND",
        "Quế Sơn",
        "2021-02-18",
        True,
    )
    assert h.title == "Tuyên truyền cải cách hành chính năm 2021"
    assert plan.document.tables == []  # the layout table became paragraphs


def test_document_type_and_is_plan():
    assert (api.parse_text(FULL).document_type, api.parse_text(FULL).is_plan) == ("ke_hoach", True)
    news = api.parse_text(
        "Các nội dung tuyên truyền về kiểm soát thủ tục hành chính năm 2024\n\n"
        "Ngày 07/3/2024, UBND tỉnh đã ban hành Kế hoạch số 865/KH-UBND về truyền thông.\n"
    )
    assert (news.document_type, news.is_plan, news.tasks) == ("unknown", False, [])


PARTS = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 12/KH-UBND
An Giang, ngày 05 tháng 6 năm 2023
KẾ HOẠCH
Chuyển đổi số tỉnh An Giang năm 2023
PHẦN I. KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2022
I. KẾT QUẢ ĐẠT ĐƯỢC
Đã ban hành các văn bản chỉ đạo.
"""


def test_the_first_part_heading_under_the_title_is_not_part_of_it():
    # a plan in parts ("PHẦN I. …", "Phần thứ nhất") opens its first part right under the trích yếu
    assert api.parse_text(PARTS).header.title == "Chuyển đổi số tỉnh An Giang năm 2023"
    other = PARTS.replace("PHẦN I. KẾT QUẢ", "Phần thứ nhất\nKẾT QUẢ")
    assert api.parse_text(other).header.title == "Chuyển đổi số tỉnh An Giang năm 2023"
    # a title that speaks of a part of something keeps it
    kept = PARTS.replace(
        "Chuyển đổi số tỉnh An Giang năm 2023\n", "Chuyển đổi số tỉnh An Giang năm 2023\nphần mềm dùng chung\n"
    )
    assert api.parse_text(kept).header.title == "Chuyển đổi số tỉnh An Giang năm 2023 phần mềm dùng chung"


def test_national_name_wrapped_over_two_paragraphs_is_not_the_issuer():
    """A narrow header column wraps "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM" into two
    paragraphs (a PDF reads each line of a header column as one): joined, they are the
    national name, as in one paragraph; apart, they were read as the issuer's next lines."""
    from kehoach.blocks import Document, Paragraph
    from kehoach.plan.build import build_plan

    layout = [
        "UBND TỈNH ĐỒNG THÁP",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 12/KH-SGDĐT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
        "VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Đồng Tháp, ngày 05 tháng 4 năm 2026",
    ]
    body = ["KẾ HOẠCH", "Tổ chức hội thảo chuyên đề", "I. MỤC ĐÍCH", "1. Phòng Giáo dục chủ trì tổ chức hội thảo."]
    blocks = [Paragraph(text=t, role="layout") for t in layout] + [Paragraph(text=t) for t in body]
    plan = build_plan(Document(blocks=blocks))
    assert plan.header.issuer == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert plan.header.issuer_parent == "UBND TỈNH ĐỒNG THÁP"
    assert plan.header.motto is True
    assert plan.header.number == "12/KH-SGDĐT"


PARTY_PLAN = (
    "HUYỆN ỦY ĐỒNG VĂN\nĐẢNG ỦY XÃ LŨNG CÚ\n*\nSố 12-KH/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Lũng Cú, ngày 05 tháng 3 năm 2025\n\nKẾ HOẠCH\n\nHọc tập, quán triệt Nghị quyết Đại hội Đảng bộ xã\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Các chi bộ tổ chức học tập đầy đủ.\n\nII. NỘI DUNG\n\n"
    "1. Chi bộ các thôn chủ trì tổ chức học tập nghị quyết; thời gian: quý II/2025.\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n\nBan Tuyên giáo Đảng ủy theo dõi, đôn đốc.\n\n"
    "Nơi nhận:\n- Huyện ủy Đồng Văn;\n- Lưu Văn phòng Đảng ủy.\n\nT/M ĐẢNG ỦY\nBÍ THƯ\n\nGiàng Mí Sính\n"
)


def test_a_party_committees_plan_has_its_issuer_under_its_parent_and_no_quoc_hieu():
    """A plan of a Party committee (Hướng dẫn 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" heads the
    right column where a State body's plan has the Quốc hiệu; the issuer ("ĐẢNG ỦY XÃ …", a
    star under it) stands under the committee above it; the number reads "Số 12-KH/ĐU"."""
    h = api.parse_text(PARTY_PLAN).header
    assert (h.issuer, h.issuer_parent) == ("ĐẢNG ỦY XÃ LŨNG CÚ", "HUYỆN ỦY ĐỒNG VĂN")
    assert (h.number, h.type_code, h.date, h.place) == ("12-KH/ĐU", "KH", "2025-03-05", "Lũng Cú")
    assert h.title == "Học tập, quán triệt Nghị quyết Đại hội Đảng bộ xã"
    assert (h.signer.authority, h.signer.position, h.signer.name) == ("T/M ĐẢNG ỦY", "BÍ THƯ", "Giàng Mí Sính")
    for parent, issuer in (
        ("TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO"),
        ("ĐẢNG BỘ TỈNH HẢI DƯƠNG", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN"),
    ):
        h = api.parse_text(PARTY_PLAN.replace("HUYỆN ỦY ĐỒNG VĂN", parent).replace("ĐẢNG ỦY XÃ LŨNG CÚ", issuer)).header
        assert (h.issuer, h.issuer_parent) == (issuer, parent)


def test_a_party_committee_written_with_the_older_tone_placement_is_still_under_its_parent():
    """ "HUYỆN UỶ" / "ĐẢNG UỶ" (the tone mark on the y, as older keyboards place it) name the same
    committees as "HUYỆN ỦY" / "ĐẢNG ỦY": names compare tone-placement insensitively."""
    text = PARTY_PLAN.replace("HUYỆN ỦY", "HUYỆN UỶ").replace("ĐẢNG ỦY XÃ", "ĐẢNG UỶ XÃ")
    h = api.parse_text(text).header
    assert (h.issuer, h.issuer_parent) == ("ĐẢNG UỶ XÃ LŨNG CÚ", "HUYỆN UỶ ĐỒNG VĂN")


def test_the_other_document_types_of_nd30_stand_on_the_title_line():
    """A Quy chế, Quy định, Biên bản … has its type on the title line as a plan has "KẾ HOẠCH": it is
    the type, not a line of the issuer's name, and the title follows it."""
    for doc_type in ("QUY CHẾ", "QUY ĐỊNH", "BIÊN BẢN", "THÔNG TRI", "CÔNG ĐIỆN"):
        h = api.parse_text(PARTY_PLAN.replace("KẾ HOẠCH\n", f"{doc_type}\n").replace("12-KH/ĐU", "12-QC/ĐU")).header
        assert h.doc_type == doc_type
        assert (h.issuer, h.issuer_parent) == ("ĐẢNG ỦY XÃ LŨNG CÚ", "HUYỆN ỦY ĐỒNG VĂN")
        assert h.title == "Học tập, quán triệt Nghị quyết Đại hội Đảng bộ xã"


def test_an_authority_typed_without_its_dot_is_still_the_authority():
    """ "KT GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" (a draft that dropped the dot of "KT."): the authority and
    the deputy's position, not two positions of which the second wins; a word such as "KTXH" or
    "KT-XH" is not an abbreviation of authority."""
    text = FULL.replace("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "KT CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    s = api.parse_text(text).header.signer
    assert (s.authority, s.position, s.name) == ("KT CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Việt Cường")
    from kehoach.plan.patterns import AUTHORITY_RE

    assert not any(AUTHORITY_RE.match(t) for t in ("KTXH NĂM 2026", "KT-XH", "TL"))


def test_the_issuer_read_on_one_line_with_the_quoc_hieu_is_the_issuer():
    """A PDF that reads the two header columns as one line ("THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI
    CHỦ NGHĨA VIỆT NAM"): the upper-case words before the Quốc hiệu are the issuer."""
    text = FULL.replace("ỦY BAN NHÂN DÂN\nHUYỆN QUẾ SƠN\n", "").replace(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND HUYỆN QUẾ SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    h = api.parse_text(text).header
    assert (h.issuer, h.motto, h.number) == ("UBND HUYỆN QUẾ SƠN", True, "20/KH-UBND")


def test_a_university_over_its_school_is_parent_over_issuer():
    """ "ĐẠI HỌC QUỐC GIA HÀ NỘI" over "TRƯỜNG ĐẠI HỌC NGOẠI NGỮ": a public body outside the
    State's offices heads its unit as a UBND heads a Sở."""
    text = FULL.replace("ỦY BAN NHÂN DÂN\nHUYỆN QUẾ SƠN", "ĐẠI HỌC QUỐC GIA HÀ NỘI\nTRƯỜNG ĐẠI HỌC NGOẠI NGỮ")
    h = api.parse_text(text).header
    assert (h.issuer, h.issuer_parent) == ("TRƯỜNG ĐẠI HỌC NGOẠI NGỮ", "ĐẠI HỌC QUỐC GIA HÀ NỘI")


def test_upper_case_lines_after_the_number_and_date_are_not_the_issuer():
    """No type line the reader knows (an upper-case title alone under the header): the lines after
    the number and the place-date are not added to the issuer's name."""
    text = FULL.replace("KẾ HOẠCH\n", "NHIỆM VỤ KHẢO SÁT\nPHỤC VỤ LẬP BÁO CÁO\n")
    h = api.parse_text(text).header
    assert h.issuer == "ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN"


def test_a_compound_type_name_opens_with_the_plans_type():
    """ "KẾ HOẠCH, NHIỆM VỤ" over "KHẢO SÁT …" (a survey's plan and brief in one): the type is KẾ
    HOẠCH, the rest of the name opens the title, and the document is a plan."""
    plan = api.parse_text(FULL.replace("KẾ HOẠCH\n", "KẾ HOẠCH, NHIỆM VỤ\nKHẢO SÁT PHỤC VỤ LẬP BÁO CÁO\n"))
    assert (plan.header.doc_type, plan.is_plan) == ("KẾ HOẠCH", True)
    assert plan.header.title.startswith("NHIỆM VỤ KHẢO SÁT PHỤC VỤ LẬP BÁO CÁO")


def test_the_rule_under_a_decisions_title_ends_it_before_the_authority_line():
    """A Quyết định: title, a rule of underscores, then the enacting authority in capitals
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI") over its Căn cứ lines; the authority is not the title's."""
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n\nSố: 15/2010/QĐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 26 tháng 04 năm 2010\n\n**QUYẾT ĐỊNH**\n\n"
        "**Ban hành Quy định về quản lý đại lý Internet**\n\n_________\n\n**ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI**\n\n"
        "Căn cứ Luật tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;\n\n**QUYẾT ĐỊNH:**\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý đại lý Internet.\n"
    )
    h = api.parse_text(text).header
    assert h.title == "Ban hành Quy định về quản lý đại lý Internet"
    assert h.legal_basis == ["Căn cứ Luật tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;"]


def test_two_authorities_read_as_one_line_are_two():
    """ "TM. ỦY BAN NHÂN DÂN KT.CHỦ TỊCH" on one line (a PDF that joined the signature's lines) is the
    body's authority and the deputy's, as on two lines."""
    two_lines = api.parse_text(FULL).header.signer
    one_line = api.parse_text(
        FULL.replace("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH")
    ).header.signer
    assert one_line.authority == two_lines.authority == "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH"
    assert (one_line.position, one_line.name) == ("PHÓ CHỦ TỊCH", "Nguyễn Việt Cường")


def test_a_faculty_stands_under_its_school():
    """ "TRƯỜNG ĐẠI HỌC … / VÀ TRUYỀN THÔNG VIỆT - HÀN" over "KHOA KHOA HỌC MÁY TÍNH": the faculty
    issues the plan, under its school (whose name wraps over two lines)."""
    h = header_after(
        (
            "ỦY BAN NHÂN DÂN\nHUYỆN QUẾ SƠN",
            "TRƯỜNG ĐẠI HỌC CÔNG NGHỆ THÔNG TIN\nVÀ TRUYỀN THÔNG VIỆT - HÀN\nKHOA KHOA HỌC MÁY TÍNH",
        )
    )
    assert (h.issuer, h.issuer_parent) == (
        "KHOA KHOA HỌC MÁY TÍNH",
        "TRƯỜNG ĐẠI HỌC CÔNG NGHỆ THÔNG TIN VÀ TRUYỀN THÔNG VIỆT - HÀN",
    )


def test_an_issuer_name_wrapped_before_its_number_keeps_the_number():
    """ "TRƯỜNG THPT CAO LÃNH" / "2": a narrow header column wrapped the school's number onto a
    line of its own (a PDF reads it as a paragraph); it ends the issuer's name."""
    texts = ["SỞ GDĐT TỈNH ĐỒNG THÁP", "TRƯỜNG THPT CAO LÃNH", "2", "Số: 58/KH-THPTCL2"]
    texts += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    texts += ["Đồng Tháp, ngày 15 tháng 4 năm 2026", "KẾ HOẠCH", "Tổ chức sinh hoạt chuyên môn"]
    h = header_of(texts)
    assert (h.issuer, h.issuer_parent) == ("TRƯỜNG THPT CAO LÃNH 2", "SỞ GDĐT TỈNH ĐỒNG THÁP")
    assert (h.number, h.title) == ("58/KH-THPTCL2", "Tổ chức sinh hoạt chuyên môn")
    # a number after another line (here the number line) is not taken into the name
    moved = texts[:2] + texts[3:4] + texts[2:3] + texts[4:]
    h = header_of(moved)
    assert h.issuer == "TRƯỜNG THPT CAO LÃNH"


def test_an_issuer_line_read_with_the_place_date_beside_it_is_the_issuer():
    """ "KHOA CÔNG NGHỆ THÔNG TIN Thành phố Hồ Chí Minh, ngày …" (the two header columns nearly
    touch, and a PDF reads their lines as one): the upper-case unit is the issuer's last line, the
    place is what follows it."""
    h = header_after(
        (
            "ỦY BAN NHÂN DÂN\nHUYỆN QUẾ SƠN\n\nSố: 20/KH-UBND\n",
            "TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP THỰC PHẨM TP. HỒ CHÍ MINH\n",
        ),
        (
            "Quế Sơn, ngày 18 tháng 02 năm 2021",
            "KHOA CÔNG NGHỆ THÔNG TIN Thành phố Hồ Chí Minh, ngày 24 tháng 10 năm 2016",
        ),
    )
    assert (h.issuer, h.issuer_parent) == (
        "KHOA CÔNG NGHỆ THÔNG TIN",
        "TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP THỰC PHẨM TP. HỒ CHÍ MINH",
    )
    assert (h.place, h.date) == ("Thành phố Hồ Chí Minh", "2016-10-24")
    # a place written in capitals stays the place
    assert api.parse_text(FULL.replace("Quế Sơn, ngày", "QUẾ SƠN, ngày")).header.place == "QUẾ SƠN"


def test_a_joint_plans_second_issuer_after_a_dash_keeps_the_dash():
    """ "SỞ GIÁO DỤC VÀ ĐÀO TẠO" / "– TẠP CHÍ GIÁO DỤC" / "THÀNH PHỐ HỒ CHÍ MINH" (a /KHLT joint
    plan): the two issuers stay apart by their dash, under the city's UBND."""
    texts = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "– TẠP CHÍ GIÁO DỤC"]
    texts += ["THÀNH PHỐ HỒ CHÍ MINH", "Số: 90/KHLT-SGDĐT-TCGD", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    texts += ["Thành phố Hồ Chí Minh, ngày 03 tháng 10 năm 2025", "KẾ HOẠCH", "Tổ chức Chương trình Hướng nghiệp"]
    h = header_of(texts)
    assert (h.issuer, h.issuer_parent) == (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO – TẠP CHÍ GIÁO DỤC THÀNH PHỐ HỒ CHÍ MINH",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
    )


def test_a_number_whose_code_wrapped_after_its_dash_is_one_number():
    """ "Số:      /KH-" over "UBND" (a draft's blank number in a narrow column, each line read
    as a paragraph of a PDF): the code goes on; "UBND" is not added to the issuer's name."""
    texts = ["ỦY BAN NHÂN", "DÂN", "TỈNH LÂM ĐỒNG", "Số: /KH-", "UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM"]
    texts += ["Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày tháng năm 2026", "KẾ HOẠCH", "Kiểm tra công tác CCHC"]
    h = header_of(texts)
    assert (h.issuer, h.number, h.number_raw, h.draft) == ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", None, "/KH-UBND", True)
    assert h.motto and h.title == "Kiểm tra công tác CCHC"


def test_a_number_and_place_date_read_as_one_line_are_two_facts():
    """ "Số: /KH-MTTQ-BTT Bắc Cam Ranh, ngày … tháng 11 năm 2025": the header's two columns nearly
    touch and a PDF reads their lines as one; the number is the code, the place-date follows."""
    texts = ["UỶ BAN MTTQ VIỆT NAM", "PHƯỜNG BẮC CAM RANH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    texts += ["Số: /KH-MTTQ-BTT Bắc Cam Ranh, ngày tháng 11 năm 2025", "KẾ HOẠCH"]
    texts += ["Kiểm tra, giám sát công tác bầu cử đại biểu Quốc hội khóa", "XVI", "và đại biểu Hội đồng nhân dân"]
    h = header_of(texts, align="center")
    assert (h.number_raw, h.place, h.date_partial) == ("/KH-MTTQ-BTT", "Bắc Cam Ranh", "2025-11")
    assert h.issuer == "UỶ BAN MTTQ VIỆT NAM PHƯỜNG BẮC CAM RANH"
    # a title's numeral wrapped onto a line of its own ("… khóa" / "XVI") is no enacting authority
    assert h.title == "Kiểm tra, giám sát công tác bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân"


def test_an_issuer_name_wrapped_before_its_last_word_keeps_it():
    """ "HUYỆN UỶ ĐỒNG" / "VĂN" over "ĐẢNG UỶ XÃ LŨNG" / "CÚ": each name wrapped before its last
    word in a narrow column (a PDF line by line); the parent and the issuer stay whole."""
    texts = ["HUYỆN UỶ ĐỒNG", "VĂN", "ĐẢNG UỶ XÃ LŨNG", "CÚ", "*", "Số -QC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM"]
    texts += ["Lũng Cú, ngày tháng năm 2025", "QUY CHẾ", "Quy chế làm việc của Ban Chấp hành"]
    h = header_of(texts)
    assert (h.issuer, h.issuer_parent, h.doc_type) == ("ĐẢNG UỶ XÃ LŨNG CÚ", "HUYỆN UỶ ĐỒNG VĂN", "QUY CHẾ")


def test_every_type_word_has_an_id_and_a_name_in_both_languages():
    """A Quy chế is reported as a Quy chế ("quy_che"), not as a document of unknown type."""
    from kehoach.doctypes import DOC_TYPE_WORDS
    from kehoach.i18n import MESSAGES
    from kehoach.plan.patterns import DOCUMENT_TYPE_IDS

    for word in DOC_TYPE_WORDS:
        doc_id = DOCUMENT_TYPE_IDS[word]
        assert set(MESSAGES[f"doctype_{doc_id}"]) == {"vi", "en"}, word
    assert len(set(DOCUMENT_TYPE_IDS.values())) == len(DOCUMENT_TYPE_IDS)


def test_a_place_date_parted_at_a_drafts_blank_day_is_one_date():
    """ "Lào Cai, ngày      tháng 4 năm 2026": the blank left for the day parts the line, and the
    motto's lines are read between the parts; the place-date is read whole, the draft marked."""
    texts = ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: /KH-SCT", "Lào Cai, ngày"]
    texts += ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "tháng 4 năm 2026"]
    texts += ["KẾ HOẠCH", "Thực hiện Đề án số 08 về phát triển công nghiệp"]
    h = header_of(texts)
    assert (h.place, h.date, h.date_partial, h.draft) == ("Lào Cai", None, "2026-04", True)
    assert (h.issuer, h.issuer_parent) == ("SỞ CÔNG THƯƠNG", "UBND TỈNH LÀO CAI")
    assert h.title == "Thực hiện Đề án số 08 về phát triển công nghiệp"


def test_a_place_date_whose_year_wrapped_onto_the_next_line_is_one_date():
    """ "Lào Cai, ngày   tháng   năm" over "2026" (a draft's blanks pushed the year onto a line of
    its own, which a PDF may read as another paragraph): one place-date."""
    texts = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: /UBND-KT", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    texts += ["Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày tháng năm", "2026", "V/v tăng cường công tác quản lý"]
    h = header_of(texts)
    assert (h.place, h.date, h.date_partial, h.date_raw) == ("Lào Cai", None, "2026", "Lào Cai, ngày tháng năm 2026")


def test_a_signers_name_wrapped_before_its_last_word_is_whole():
    """ "Hoàng Văn" / "Thuân": a narrow signature column wrapped the signer's name; a two-word
    name that opens with a family name takes the capitalised word on the line below."""
    signer = api.parse_text(FULL.replace("Nguyễn Việt Cường", "Hoàng Văn\n\nThuân")).header.signer
    assert (signer.position, signer.name) == ("PHÓ CHỦ TỊCH", "Hoàng Văn Thuân")
    assert api.parse_text(FULL).header.signer.name == "Nguyễn Việt Cường"


def test_a_titled_name_under_the_recipients_is_the_signer():
    """ "TS. Nguyễn Đức Hiển" under "Nơi nhận" with no position line read (a faculty's PDF whose
    position line lost a word): the academic title marks the signer's name."""
    text = FULL.replace("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Việt Cường", "TS. Nguyễn Đức Hiển")
    signer = api.parse_text(text).header.signer
    assert (signer.position, signer.rank, signer.name) == (None, "TS.", "Nguyễn Đức Hiển")


LETTER = """BỘ TÀI CHÍNH
CỤC THUẾ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 5348/CT-CS
V/v hướng dẫn góp vốn điều lệ

Hà Nội, ngày 20 tháng 11 năm 2025

Kính gửi: Thuế tỉnh Quảng Trị.

Cục Thuế nhận được công văn số 324/QTR-KTr2. Về vấn đề này, Cục Thuế có ý kiến như sau: đồng ý.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Nguyễn Văn An
"""


def test_a_letters_subject_under_its_number_in_one_paragraph_is_the_title_without_the_number():
    plan = api.parse_text(LETTER)
    assert plan.document_type == "cong_van"
    assert (plan.header.number, plan.header.title) == ("5348/CT-CS", "hướng dẫn góp vốn điều lệ")


def test_a_type_word_after_the_recipients_is_not_the_documents_type():
    """Text after the signature (a website's own notice copied with the letter: "THÔNG BÁO" /
    "về Lưu trữ …") is not the letter's type line; a plan attached after a letter's signature is."""
    site = LETTER + "\nTHÔNG BÁO\nvề Lưu trữ, Sử dụng Thông tin Khách hàng\n\nQuý Thành viên xác nhận.\n"
    plan = api.parse_text(site)
    assert (plan.document_type, plan.header.doc_type) == ("cong_van", None)
    assert plan.header.signer.name == "Nguyễn Văn An"
    attached = LETTER + "\nKẾ HOẠCH\nKiểm tra góp vốn điều lệ năm 2026\n\nI. MỤC ĐÍCH\n\nKiểm tra việc góp vốn.\n"
    assert api.parse_text(attached).header.doc_type == "KẾ HOẠCH"


def test_a_letters_subject_written_without_v_v_under_its_number_is_its_title():
    """ "Số: 5155/SGDĐT-GDTX" / "Về hướng dẫn đánh giá …" in the number's cell: the subject of a
    letter that writes it without "V/v" (a Sở GDĐT letter); the letter is a công văn."""
    plan = api.parse_text(LETTER.replace("V/v hướng dẫn góp vốn điều lệ", "Về hướng dẫn góp vốn điều lệ"))
    assert (plan.document_type, plan.header.title) == ("cong_van", "hướng dẫn góp vốn điều lệ")
    decision = api.parse_text(FULL.replace("KẾ HOẠCH\n", "QUYẾT ĐỊNH\n"))
    assert decision.header.title == api.parse_text(FULL).header.title  # "Về việc …" under a type line is untouched
