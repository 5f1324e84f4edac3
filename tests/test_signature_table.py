"""A web copy keeps the borderless recipients/signature table as a Markdown table, and a flattened
signature cell puts the position and the name on one line ("CHỦ TỊCH Hoàng Quốc Khánh")."""

from __future__ import annotations

from kehoach import api

PLAN = """KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024

I. MỤC ĐÍCH

Nâng cao nhận thức.

II. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ

Theo dõi, đôn đốc thực hiện Kế hoạch này./.

| Nơi nhận: - Bộ Nội vụ; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An |
|---|---|
"""


def test_the_signature_table_gives_the_signer_and_is_not_an_appendix():
    plan = api.parse_text(PLAN)
    signer = plan.header.signer
    assert (signer.position, signer.name) == ("PHÓ CHỦ TỊCH", "Nguyễn Văn An")
    assert signer.authority == "KT. CHỦ TỊCH"
    assert plan.appendices == []
    assert [t.origin for t in plan.tasks] == ["assignment"]


def test_position_and_name_on_one_line():
    plan = api.parse_text(PLAN.replace("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An", "CHỦ TỊCH Hoàng Quốc Khánh"))
    assert (plan.header.signer.position, plan.header.signer.name) == ("CHỦ TỊCH", "Hoàng Quốc Khánh")


CARRIER = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA

Số: 254/QĐ-UBND

QUYẾT ĐỊNH

Ban hành Kế hoạch thực hiện công tác bảo vệ bí mật nhà nước năm 2023

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện công tác bảo vệ bí mật nhà nước năm 2023.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.

| Nơi nhận: - Bộ Công an; - Lưu: VT. | CHỦ TỊCH Hoàng Quốc Khánh |
|---|---|

KẾ HOẠCH

Thực hiện công tác bảo vệ bí mật nhà nước năm 2023

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức về bảo vệ bí mật nhà nước.
"""


def test_the_carriers_one_line_signature_cell_is_not_the_plans_header():
    """A Quyết định carrying a plan: its signature cell, flattened to "CHỦ TỊCH Hoàng Quốc Khánh",
    closes the Quyết định; the plan's own header starts after it, whether the table stays a table
    or is read as layout."""
    plan = api.parse_text(CARRIER)
    assert (plan.header.signer.position, plan.header.signer.name) == ("CHỦ TỊCH", "Hoàng Quốc Khánh")


def test_recipients_read_between_the_signers_lines_are_all_kept():
    """A PDF that did not see the two columns of the signature block reads them line by line,
    interleaved ("Nơi nhận:", "CHỦ TỊCH", "- Văn phòng Chính phủ;", …, the name, "- Lưu: …"):
    a line opening with a dash after "Nơi nhận:" is a recipient, wherever it falls."""
    text = PLAN.split("| Nơi nhận:")[0] + (
        "Nơi nhận:\nCHỦ TỊCH\n- Văn phòng Chính phủ;\n- TT Tỉnh ủy, TT HĐND tỉnh;\nTrần Duy Đông\n- Lưu: VT, NC.\n"
    )
    h = api.parse_text(text).header
    assert (h.signer.position, h.signer.name) == ("CHỦ TỊCH", "Trần Duy Đông")
    assert h.recipients == ["Văn phòng Chính phủ", "TT Tỉnh ủy, TT HĐND tỉnh", "Lưu: VT, NC."]


def test_a_hard_wrapped_recipient_is_one_recipient_and_page_text_after_the_list_is_none():
    """A web copy keeps the source's line breaks inside list items ("- Tỉnh ủy, HĐND," /
    "UBND, UBMTTQVN tỉnh;", "- Các cơ quan của QH: …, Ủy ban" / "Văn hóa và Xã hội;"); the web
    page's own text after the document ("- Hỗ trợ: …") is not a recipient."""
    text = PLAN.split("| Nơi nhận:")[0] + (
        "Nơi nhận:\n- Tỉnh ủy, HĐND,\nUBND, UBMTTQVN tỉnh;\n- Các cơ quan của QH: Hội đồng Dân tộc, Ủy ban\n"
        "Văn hóa và Xã hội;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n\n"
        "Cảm ơn đã dùng trang này\n- Bạn vừa bị đăng xuất khỏi tài khoản.\n- Hỗ trợ: (028) 3930.3279\n"
    )
    h = api.parse_text(text).header
    assert h.recipients == [
        "Tỉnh ủy, HĐND, UBND, UBMTTQVN tỉnh",
        "Các cơ quan của QH: Hội đồng Dân tộc, Ủy ban Văn hóa và Xã hội",
        "Lưu: VT.",
    ]
    assert (h.signer.position, h.signer.name) == ("PHÓ CHỦ TỊCH", "Nguyễn Văn An")


def test_a_carried_plan_takes_its_carriers_signer_and_recipients_read_line_by_line():
    """A Quyết định carrying a plan, its signature block read line by line as layout (a PDF that
    did not see its columns): the signer's name and the recipients between and after the signer's
    lines ("(để b/c)" beside them, "Trung tâm TT …;" without its dash) are the carrier's, and the
    carried plan, which has no signature of its own, takes them; its header starts after them."""
    from kehoach.blocks import Document, Paragraph
    from kehoach.plan.build import build_plan

    def lay(*texts):
        return [Paragraph(text=t, role="layout") for t in texts]

    blocks = [
        *lay("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 2280/QĐ-UBND", "Hà Nội, ngày 29 tháng 4 năm 2026"),
        Paragraph(text="QUYẾT ĐỊNH"),
        Paragraph(text="Phê duyệt Kế hoạch bảo đảm thoát nước mùa mưa năm 2026"),
        Paragraph(text="Điều 1. Phê duyệt Kế hoạch bảo đảm thoát nước mùa mưa năm 2026 kèm theo Quyết định này."),
        Paragraph(text="Điều 2. Quyết định này có hiệu lực từ ngày ký./."),
        *lay("Nơi nhận:", "- Thường trực Thành ủy;", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "(để b/c)"),
        *lay("PHÓ CHỦ TỊCH", "- Các Sở, ban, ngành Thành phố;", "Trung tâm TT, DL vs CNS TP;", "- Lưu: VT, ĐTDG"),
        *lay("Trương Việt Dũng", "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"),
        Paragraph(text="KẾ HOẠCH"),
        Paragraph(text="Bảo đảm thoát nước mùa mưa năm 2026"),
        Paragraph(text="(Kèm theo Quyết định số 2280/QĐ-UBND ngày 29/4/2026 của UBND Thành phố)"),
        Paragraph(text="I. MỤC ĐÍCH, YÊU CẦU"),
        Paragraph(text="Chủ động tiêu thoát nước."),
        Paragraph(text="II. TỔ CHỨC THỰC HIỆN"),
        Paragraph(text="1. Sở Xây dựng chủ trì tổ chức thực hiện Kế hoạch này."),
    ]
    h = build_plan(Document(blocks=blocks)).header
    assert (h.signer.position, h.signer.name) == ("PHÓ CHỦ TỊCH", "Trương Việt Dũng")
    assert h.recipients == [
        "Thường trực Thành ủy",
        "Các Sở, ban, ngành Thành phố",
        "Trung tâm TT, DL vs CNS TP",
        "Lưu: VT, ĐTDG",
    ]
    assert h.title == "Bảo đảm thoát nước mùa mưa năm 2026"


DECISION_WITH_PARTS = """ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI

Số: 2813/QĐ-UBND

Đồng Nai, ngày 20 tháng 11 năm 2025

QUYẾT ĐỊNH

Về việc thông qua phương án đơn giản hóa thủ tục hành chính

Điều 1. Thông qua phương án đơn giản hóa đối với 01 thủ tục hành chính.

Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT, KTN.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Trường Sơn

PHỤ LỤC

(Kèm theo Quyết định số 2813/QĐ-UBND ngày 20/11/2025 của Chủ tịch UBND tỉnh)

I. BẢO TỒN THIÊN NHIÊN VÀ ĐA DẠNG SINH HỌC

1. Xác nhận Hợp đồng tiếp cận nguồn gen

II. MÔI TRƯỜNG

1. Cấp giấy phép môi trường
"""


def test_parts_of_an_appendix_after_the_recipients_are_not_the_body():
    """A Quyết định whose articles carry no numbered sections, signed before an appendix set out
    in parts "I.", "II.": its signature and recipients are read where they stand."""
    plan = api.parse_text(DECISION_WITH_PARTS)
    signer = plan.header.signer
    assert (signer.authority, signer.position, signer.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Trường Sơn")
    assert plan.header.recipients == ["Như Điều 2", "Lưu: VT, KTN."]
    assert plan.header.number == "2813/QĐ-UBND"


LETTER_WITH_TABLE = """SỞ GIÁO DỤC VÀ ĐÀO TẠO

Số: 5155/SGDĐT-GDTX
V/v hướng dẫn đánh giá trung tâm học tập cộng đồng

Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025

Kính gửi: Ủy ban nhân dân phường, xã và đặc khu

Đề nghị Ủy ban nhân dân phường, xã thực hiện đánh giá và gửi kết quả về Sở./.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trương Hải Thanh

BẢNG TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI

(Ban hành kèm theo Công văn số 5155/SGDĐT-GDTX ngày 28 tháng 11 năm 2025)

1. Tiêu chí về cơ sở vật chất

2. Tiêu chí về hoạt động
"""


def test_numbered_items_of_a_table_attached_after_the_recipients_are_not_the_body():
    """The body of a letter without numbered sections ends at its signature even when the
    criteria it attaches ("(Ban hành kèm theo Công văn số …)") are numbered."""
    plan = api.parse_text(LETTER_WITH_TABLE)
    signer = plan.header.signer
    assert (signer.authority, signer.position, signer.name) == ("KT GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trương Hải Thanh")
    assert plan.header.recipients == ["Như trên", "Lưu: VT."]
    assert plan.document_type == "cong_van"
