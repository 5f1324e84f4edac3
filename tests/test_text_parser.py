"""The text/Markdown parser: the warts of real text exports turned into clean blocks
(domain.md §7, "Text exports").
"""

from __future__ import annotations

import unicodedata

import pytest

from kehoach.blocks import Paragraph, Table
from kehoach.errors import KehoachError
from kehoach.parsers.text import decode, parse, parse_string, strip_markdown


def paras(text: str) -> list[Paragraph]:
    doc = parse_string(text)
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


def texts(text: str) -> list[str]:
    return [p.text for p in paras(text)]


# --- Markdown ------------------------------------------------------------------------------


def test_bold_is_removed_and_marks_the_paragraph_bold():
    (p,) = paras("**I. MỤC ĐÍCH, YÊU CẦU**")
    assert (p.text, p.bold, p.raw) == ("I. MỤC ĐÍCH, YÊU CẦU", True, "I. MỤC ĐÍCH, YÊU CẦU")


def test_bold_label_inside_a_line_is_removed_but_the_line_is_not_bold():
    (p,) = paras("- **Cơ quan chủ trì:** Phòng Văn hóa và Thông tin huyện.")
    assert p.text == "- Cơ quan chủ trì: Phòng Văn hóa và Thông tin huyện."
    assert p.bold is None


def test_italic_is_removed():
    assert texts("3. Nhiệm vụ trọng tâm: *(Có Phụ lục kèm theo)*") == ["3. Nhiệm vụ trọng tâm: (Có Phụ lục kèm theo)"]


def test_heading_marks_give_a_level_and_are_removed():
    (p,) = paras("## **II. ĐỐI TƯỢNG TUYÊN TRUYỀN**")
    assert (p.text, p.heading_level, p.bold) == ("II. ĐỐI TƯỢNG TUYÊN TRUYỀN", 2, True)
    (p,) = paras("#### **4. Duy trì chuyên mục**")
    assert (p.text, p.heading_level) == ("4. Duy trì chuyên mục", 4)


def test_escapes_are_unescaped():
    assert texts("\\* **Cơ quan chủ trì:** Các cơ quan, đơn vị thuộc huyện.") == [
        "* Cơ quan chủ trì: Các cơ quan, đơn vị thuộc huyện."
    ]
    assert texts("Mã TH\\_01 \\# 2 và \\- tiếp") == ["Mã TH_01 # 2 và - tiếp"]


def test_links_keep_their_text_and_autolinks_their_address():
    assert texts(
        "Cổng dịch vụ công tại địa chỉ [www.dichvucong.gov.vn](http://www.dichvucong.gov.vn) "
        "và <http://dichvucong.quangnam.gov.vn>."
    ) == ["Cổng dịch vụ công tại địa chỉ www.dichvucong.gov.vn và http://dichvucong.quangnam.gov.vn."]


def test_html_inline_tags_are_removed():
    assert (
        strip_markdown("Báo cáo (<i>lồng ghép trong báo cáo chuyên đề</i>)")[0]
        == "Báo cáo (lồng ghép trong báo cáo chuyên đề)"
    )


def test_hard_line_break_keeps_one_paragraph_with_its_lines():
    (p,) = paras("**TM. ỦY BAN NHÂN DÂN  \nCHỦ TỊCH**")
    assert p.lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert p.text == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"


def test_list_items_on_consecutive_lines_are_separate_paragraphs():
    assert texts("Nơi nhận:\n- UBND tỉnh;\n- TT Huyện ủy;\n- Lưu: VT.") == [
        "Nơi nhận:",
        "- UBND tỉnh;",
        "- TT Huyện ủy;",
        "- Lưu: VT.",
    ]


def test_wrapped_lines_of_one_paragraph_are_joined():
    (p,) = paras("Tuyên truyền cải cách hành chính\ntrên địa bàn huyện năm 2024")
    assert p.text == "Tuyên truyền cải cách hành chính trên địa bàn huyện năm 2024"
    assert p.prov.line == 1


def test_text_is_nfc_and_whitespace_collapsed():
    decomposed = unicodedata.normalize("NFD", "Tuyên  truyền\u00a0cải cách hành chính")
    (p,) = paras(decomposed)
    assert p.text == "Tuyên truyền cải cách hành chính"
    assert unicodedata.is_normalized("NFC", p.text)


# --- page breaks ---------------------------------------------------------------------------


def test_sentence_split_by_a_page_break_is_joined_back():
    (first, second) = paras(
        "- Các hoạt động tuyên truyền phải theo định hướng của Đảng; đáp ứng yêu cầu tại Chỉ thị số 19/CT-UBND ngày"
        "\n\n07/12/2018 của Chủ tịch UBND tỉnh về nâng cao chất lượng giải quyết thủ tục hành chính.\n\n"
        "- Bảo đảm công khai, minh bạch các thông tin về thủ tục hành chính."
    )
    assert first.text == (
        "- Các hoạt động tuyên truyền phải theo định hướng của Đảng; đáp ứng yêu cầu tại Chỉ thị số "
        "19/CT-UBND ngày 07/12/2018 của Chủ tịch UBND tỉnh về nâng cao chất lượng giải quyết thủ tục "
        "hành chính."
    )
    assert first.prov.line == 1
    assert second.text == "- Bảo đảm công khai, minh bạch các thông tin về thủ tục hành chính."


def test_lower_case_continuation_after_a_page_break_is_joined():
    assert texts(
        "10. Ủy ban nhân dân các xã tăng cường sử dụng các hình thức thông tin, tuyên truyền trực quan"
        "\n\ntin, tuyên truyền trên hệ thống truyền thanh cơ sở.\n\nYêu cầu các phòng thực hiện."
    ) == [
        "10. Ủy ban nhân dân các xã tăng cường sử dụng các hình thức thông tin, tuyên truyền trực quan tin, "
        "tuyên truyền trên hệ thống truyền thanh cơ sở.",
        "Yêu cầu các phòng thực hiện.",
    ]


def test_finished_sentences_are_not_joined():
    assert texts("Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp.\n\nCác đơn vị chủ động bố trí.") == [
        "Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp.",
        "Các đơn vị chủ động bố trí.",
    ]


def test_a_list_item_after_a_break_is_not_a_continuation():
    assert texts(
        "- Tuyên truyền trên Cổng thông tin điện tử huyện và trên hệ thống truyền thanh cơ sở của các xã"
        "\n\n- tuyên truyền trực quan."
    ) == [
        "- Tuyên truyền trên Cổng thông tin điện tử huyện và trên hệ thống truyền thanh cơ sở của các xã",
        "- tuyên truyền trực quan.",
    ]


@pytest.mark.parametrize("noise", ["15", "- 2 -", "Trang 3", "Trang 3/5", "Page 4"])
def test_page_numbers_are_dropped(noise):
    assert texts(f"Đoạn một của kế hoạch.\n\n{noise}\n\nĐoạn hai của kế hoạch.") == [
        "Đoạn một của kế hoạch.",
        "Đoạn hai của kế hoạch.",
    ]


def test_trailing_page_header_fragments_after_the_last_table_are_dropped():
    doc = parse_string(
        "STT\tNội dung\tĐơn vị chủ trì\n1\tViệc một\tPhòng Nội vụ\n\nKẾ HOẠCH TUYÊN TRUYỀN CCHC\n\nDH\n\n3\n"
    )
    assert [b.kind for b in doc.blocks] == ["table"]


def test_a_real_note_after_the_last_table_is_kept():
    doc = parse_string(
        "STT\tNội dung\tĐơn vị chủ trì\n1\tViệc một\tPhòng Nội vụ\n\n"
        "Ghi chú: các đơn vị báo cáo kết quả thực hiện về Phòng Nội vụ trước ngày 15/12.\n"
    )
    assert [b.kind for b in doc.blocks] == ["table", "paragraph"]


# --- tables --------------------------------------------------------------------------------


def test_tab_separated_table_rows_cells_and_provenance():
    doc = parse_string(
        "Phụ lục\n\nSTT\tNội dung\tĐơn vị chủ trì\n1\tViệc một\tPhòng Nội vụ\n2\tViệc hai\tPhòng Tư pháp\n"
    )
    (table,) = doc.tables
    assert [r.texts for r in table.rows] == [
        ["STT", "Nội dung", "Đơn vị chủ trì"],
        ["1", "Việc một", "Phòng Nội vụ"],
        ["2", "Việc hai", "Phòng Tư pháp"],
    ]
    assert (table.prov.line, table.prov.table) == (3, 1)
    assert [(r.prov.line, r.prov.row) for r in table.rows] == [(3, 1), (4, 2), (5, 3)]
    assert table.width == 3


def test_short_rows_are_padded_and_trailing_empty_cells_trimmed():
    doc = parse_string("STT\tNội dung\tĐơn vị chủ trì\n1\tViệc một\n2\tViệc hai\tPhòng Tư pháp\t\t\n")
    assert [len(r.cells) for r in doc.tables[0].rows] == [3, 3, 3]


def test_markdown_pipe_table_without_its_separator_row():
    doc = parse_string(
        "| STT | Nội dung | Thời gian |\n|:---|---|---:|\n| 1 | Tuyên truyền **trực quan** | Quý I/2024 |\n"
    )
    (table,) = doc.tables
    assert [r.texts for r in table.rows] == [
        ["STT", "Nội dung", "Thời gian"],
        ["1", "Tuyên truyền trực quan", "Quý I/2024"],
    ]


def test_html_list_in_a_cell_becomes_cell_lines():
    doc = parse_string(
        'TT\tSản phẩm\n1\t<ul style="list-style-type: none"><li>- Văn bản chỉ đạo.</li>'
        "<li>- Báo cáo kết quả.</li></ul>\n"
    )
    cell = doc.tables[0].rows[1].cells[1]
    assert cell.lines == ["- Văn bản chỉ đạo.", "- Báo cáo kết quả."]
    assert cell.raw.startswith("<ul")


def test_br_and_runs_of_spaces_split_cell_lines():
    doc = parse_string("TT\tCơ quan phối hợp\n1\tPhòng Nội vụ<br>Phòng Tư pháp    UBND các xã\n")
    assert doc.tables[0].rows[1].cells[1].lines == ["Phòng Nội vụ", "Phòng Tư pháp", "UBND các xã"]


def test_pieces_of_a_table_split_by_a_page_break_stay_separate_blocks_in_the_parser():
    # joining them is the plan reader's job (plan/continued.py), the same for every format
    doc = parse_string("STT\tNội dung\n1\tViệc một\n\nSTT\tNội dung\n2\tViệc hai\n")
    assert [t.prov.table for t in doc.tables] == [1, 2]


def test_layout_header_table_is_flattened_column_by_column():
    doc = parse_string(
        "| **ỦY BAN NHÂN DÂN<br>HUYỆN QUẾ SƠN** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc** |\n"
        "|---|---|\n"
        "| Số: 20/KH-UBND | Quế Sơn, ngày 18 tháng 02 năm 2021 |\n"
    )
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert [(p.role, p.text, p.prov.col) for p in doc.paragraphs] == [
        ("layout", "ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN", 1),
        ("layout", "Số: 20/KH-UBND", 1),
        ("layout", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", 2),
        ("layout", "Quế Sơn, ngày 18 tháng 02 năm 2021", 2),
    ]
    assert doc.paragraphs[0].lines == ["ỦY BAN NHÂN DÂN", "HUYỆN QUẾ SƠN"]


# --- bytes and files -----------------------------------------------------------------------


def test_decode_utf8_with_bom_and_utf16():
    assert decode("\ufeffKẾ HOẠCH".encode("utf-8"), "x.txt") == "KẾ HOẠCH"
    assert decode("KẾ HOẠCH".encode("utf-16"), "x.txt") == "KẾ HOẠCH"


def test_decode_windows_1258_text():
    data = "Kê\u0301 hoa\u0323ch".encode("cp1258")  # Windows-1258 writes tones as combining marks
    assert data == b"K\xea\xec hoa\xf2ch"
    assert unicodedata.normalize("NFC", decode(data, "x.txt")) == "Kế hoạch"


def test_binary_bytes_are_refused():
    with pytest.raises(KehoachError) as err:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "anh.txt")
    assert (err.value.reason, err.value.path) == ("binary_text", "anh.txt")


def test_parse_a_file_records_its_source(tmp_path):
    path = tmp_path / "ke_hoach.md"
    path.write_text("**KẾ HOẠCH**\n\nTuyên truyền năm 2024\n", encoding="utf-8")
    doc = parse(path)
    assert (doc.source.path, doc.source.format) == (str(path), "markdown")
    assert [p.text for p in doc.paragraphs] == ["KẾ HOẠCH", "Tuyên truyền năm 2024"]


def test_a_file_of_blank_lines_has_no_text(tmp_path):
    path = tmp_path / "trong.txt"
    path.write_text("\n \n\t\n", encoding="utf-8")
    with pytest.raises(KehoachError) as err:
        parse(path)
    assert err.value.reason == "no_text"
    assert str(path) in err.value.message("en")


def test_underscore_emphasis_is_removed_but_inner_underscores_stay():
    assert texts("Báo cáo _định kỳ_ hằng quý và __đột xuất__.") == ["Báo cáo định kỳ hằng quý và đột xuất."]
    assert texts("Lưu: VT, TH_{LNH}, mã HS_CCHC_2024.") == ["Lưu: VT, TH_{LNH}, mã HS_CCHC_2024."]


def test_escaped_underscores_are_literal_not_emphasis():
    assert texts("Ký hiệu \\_\\_x\\_\\_ và \\_y\\_ giữ nguyên") == ["Ký hiệu __x__ và _y_ giữ nguyên"]


def test_a_year_range_wrapped_before_its_dash_is_one_sentence():
    # a copy hard-wrapped at a fixed width broke "2026 - 2030" before its dash: the line after is
    # no dash item; a dash item after a short line, or after a sentence's end, still is
    text = (
        "e) Xây dựng, trình UBND tỉnh phê duyệt các Chương trình: Chương trình Make in Viet Nam\n"
        "cho doanh nghiệp nhỏ và vừa, các hợp tác xã chuyển đổi số cho giai đoạn 2026\n"
        "- 2030, tập trung vào các doanh nghiệp sản xuất thiết bị IoT.\n\n"
        "Các mốc thời gian năm 2026\n- 2030: hoàn thành.\n"
    )
    texts = [b.text for b in parse_string(text).blocks if isinstance(b, Paragraph)]
    assert texts[0].endswith("cho giai đoạn 2026 - 2030, tập trung vào các doanh nghiệp sản xuất thiết bị IoT.")
    assert texts[1:] == ["Các mốc thời gian năm 2026", "- 2030: hoàn thành."]
