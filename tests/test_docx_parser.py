"""DOCX front-end: one test per Word pitfall, asserting the exact blocks produced.

Fixtures come from tests/fixtures/make_docx.py (committed under tests/fixtures/docx/);
`test_generator_reproduces_focused_fixtures` regenerates them to keep the generator honest.
"""

from __future__ import annotations

import struct
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REALDOCS as _REALDOCS
from conftest import missing
from kehoach.blocks import Paragraph, Table
from kehoach.errors import KehoachError
from kehoach.parsers import load
from kehoach.parsers.docx import parse

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "docx"
FOCUSED = FIXTURES / "focused"
REALDOCS = _REALDOCS
sys.path.insert(0, str(HERE / "fixtures"))


def texts(path: Path) -> list[str]:
    return [b.text for b in parse(path).blocks if isinstance(b, Paragraph)]


def only_table(path: Path) -> Table:
    tables = parse(path).tables
    assert len(tables) == 1
    return tables[0]


def grid(table: Table) -> list[list[tuple[str, int, bool]]]:
    return [[(c.text, c.span, c.merged_up) for c in row.cells] for row in table.rows]


# --- numbering ----------------------------------------------------------------------


def test_number_formats_render_as_word_prints_them():
    assert texts(FOCUSED / "numfmt.docx") == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "a) Điểm thứ nhất",
        "b) Điểm thứ hai",
        "c) Điểm thứ ba",
        "d) Điểm thứ tư",
        "e) Điểm thứ năm",  # Word's lowerLetter: the fifth item is "e", never "đ"
        "- Một gạch đầu dòng",  # bullets render as "-"
        "2. Yêu cầu",
        "II. NỘI DUNG",
        "1. Nội dung tuyên truyền",
        "(i) La mã thường",
        "(ii) La mã thường hai",
        "A. Chữ hoa",
        "B. Chữ hoa hai",
        "01 Số có số 0",
        "02 Số có số 0 hai",
        "Không số",
        "1. Chương một",
        "1.1. Mục một một",
        "1.2. Mục một hai",
    ]
    paras = parse(FOCUSED / "numfmt.docx").paragraphs
    assert [p.numbered for p in paras if p.text == "Không số"] == [False]
    assert all(p.numbered for p in paras if p.text != "Không số")
    assert paras[0].raw == "MỤC ĐÍCH, YÊU CẦU"  # raw keeps the typed text


def test_restart_continue_and_lvl_restart():
    assert texts(FOCUSED / "restart.docx") == [
        "1. Một",
        "2. Hai",
        "3. Ba (tiếp tục)",  # a second w:num on the same list continues
        "1. Lại một",
        "2. Lại hai",  # startOverride restarts
        "3. Danh sách đầu tiếp tục",  # the counter belongs to the abstract list
        "1. Mục A",
        "a) Điểm a",
        "b) Điểm b",
        "2. Mục B",
        "c) Điểm c",  # lvlRestart=0: never restarts
        "1. Mục C",
        "a) Điểm a",
        "b) Điểm b",
        "2. Mục D",
        "a) Điểm a lại",  # default: restarts
        "5. Năm",
        "6. Sáu",  # start=5
    ]


def test_numbering_inherited_from_style_chain():
    assert texts(FOCUSED / "style_numbering.docx") == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "2. Yêu cầu",
        "II. NỘI DUNG",  # style based on the numbered style
        "1. Nội dung tuyên truyền",
        "Đoạn không đánh số",  # numId 0 on the paragraph switches the style's numbering off
    ]


def test_empty_number_cells_numbered_by_word():
    table = only_table(FOCUSED / "tt_autonum.docx")
    assert [row.texts[0] for row in table.rows] == ["TT", "I", "1.", "", "2.", "II", "1."]
    assert grid(table)[3] == [("", 1, True), ("", 1, True), ("Năm 2027", 1, False)]
    assert grid(table)[1] == [("I", 1, False), ("Nhóm I", 2, False)]


# --- tables -------------------------------------------------------------------------


def test_gridspan_gives_one_cell_with_span():
    assert grid(only_table(FOCUSED / "gridspan.docx")) == [
        [("STT", 1, False), ("Nội dung", 1, False), ("Chủ trì", 1, False), ("Thời gian", 1, False)],
        [("I. Cải cách thể chế", 4, False)],
        [("1", 1, False), ("Rà soát văn bản", 1, False), ("Theo phân công tại Quyết định số 12/QĐ-UBND", 2, False)],
    ]


def test_vmerge_continuation_cells_are_merged_up_without_copied_text():
    assert grid(only_table(FOCUSED / "vmerge.docx"))[1:] == [
        [
            ("1", 1, False),
            ("Tham mưu kế hoạch kiểm tra", 1, False),
            ("Kế hoạch của UBND tỉnh", 1, False),
            ("Tháng 01/2026", 1, False),
        ],
        [("", 1, True), ("", 1, True), ("Kế hoạch tự kiểm tra", 1, False), ("Tháng 02/2026", 1, False)],
        [("", 1, True), ("", 1, True), ("Báo cáo kết quả", 1, False), ("Tháng 12/2026", 1, False)],
        [("2", 1, False), ("Tuyên truyền", 1, False), ("Tin bài", 1, False), ("Thường xuyên", 1, False)],
    ]


def test_grid_before_and_after_keep_columns_aligned():
    table = only_table(FOCUSED / "gridbefore.docx")
    assert [row.texts for row in table.rows] == [
        ["TT", "Nội dung", "Chủ trì", "Thời gian"],
        ["", "Nội dung bắt đầu muộn", "Sở Nội vụ", "Quý I"],
        ["1", "Kết thúc sớm", "Sở Tư pháp", ""],
    ]
    assert table.width == 4


def test_tbl_header_rows_are_marked():
    table = only_table(FOCUSED / "tblheader.docx")
    assert [row.is_header for row in table.rows] == [True, True, False, False, False]
    assert table.rows[1].texts == ["(1)", "(2)", "(3)"]
    assert [r.prov.row for r in table.rows] == [1, 2, 3, 4, 5]


def test_small_bordered_table_naming_officials_stays_a_table():
    assert [r.texts for r in only_table(FOCUSED / "small_table.docx").rows] == [
        ["Trưởng ban", "Chủ tịch UBND tỉnh"],
        ["Phó Trưởng ban", "Giám đốc Sở Nội vụ"],
    ]


def test_rows_and_cells_in_content_controls_and_legacy_hmerge():
    assert grid(only_table(FOCUSED / "table_wrappers.docx"))[1:] == [
        [("1", 1, False), ("Nhiệm vụ trong sdt", 1, False), ("Quý I", 1, False)],
        [("2", 1, False), ("Ô trong sdt", 1, False), ("Quý II", 1, False)],
        [("3", 1, False), ("Gộp ngang kiểu cũ", 2, False)],
    ]


def test_nested_table_text_becomes_lines_of_the_cell():
    table = only_table(FOCUSED / "nested.docx")
    assert table.rows[1].cells[2].lines == ["Trưởng đoàn", "Ông A", "Thành viên", "Bà B"]


def test_multi_paragraph_cells_keep_lines():
    table = parse(FIXTURES / "000_4a6fe417c4c99215.docx").tables[0]
    cell = table.rows[2].cells[3]
    assert cell.lines == ["- Các phòng, ban huyện;", "- UBND các xã, thị trấn."]
    assert cell.text == "- Các phòng, ban huyện; - UBND các xã, thị trấn."


# --- text the runs hide -------------------------------------------------------------


def test_content_controls_block_and_run_level():
    # a control still showing its placeholder prompt is not content
    assert texts(FOCUSED / "sdt.docx") == ["Tuyên truyền cải cách hành chính năm 2026", "Số: 20/KH-UBND"]


def test_hyperlink_text_is_kept():
    assert texts(FOCUSED / "hyperlink.docx") == ["Đăng tải trên Cổng thông tin điện tử tỉnh theo quy định."]


def test_tracked_insertion_kept_deletion_dropped():
    assert texts(FOCUSED / "tracked.docx") == [
        "Thời gian thực hiện: Quý II/2026.",
        "Giữ nguyên",
        "Hai đoạn được nối thành một.",
    ]  # a deleted paragraph mark joins


def test_field_results_without_instructions():
    assert texts(FOCUSED / "fields.docx") == [
        "Cơ quan chủ trì: Sở Nội vụ; căn cứ Quyết định số 12/QĐ-UBND.",
        "Trường hỏng:",
        "Đoạn sau vẫn được đọc.",
    ]  # a broken field hides nothing after it


def test_line_breaks_tabs_pages_and_sections():
    doc = parse(FOCUSED / "breaks.docx")
    first, tab, spaced, _page2, _landscape = doc.paragraphs
    assert first.lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and first.text == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"
    assert tab.text == "Thời gian: Quý I/2026"
    assert spaced.lines == ["- Bộ Nội vụ;", "- Lưu: VT."] and spaced.text == "- Bộ Nội vụ; - Lưu: VT."
    assert [p.prov.page for p in doc.paragraphs] == [1, 1, 1, 2, 3]
    assert all(p.prov.page_approx for p in doc.paragraphs)
    portrait, wide = doc.source.page_setups
    assert (portrait.orientation, portrait.width_mm, portrait.height_mm) == ("portrait", 210.0, 297.0)
    assert (portrait.margin_top_mm, portrait.margin_left_mm, portrait.margin_right_mm) == (20.0, 30.0, 15.0)
    assert (wide.orientation, wide.width_mm, wide.height_mm, wide.first_page) == ("landscape", 297.0, 210.0, 3)
    assert doc.source.pages == 3 and doc.source.pages_approx


def test_fonts_default_and_dominant():
    info = parse(FIXTURES / "002_86b98b1463db50d7.docx").source
    assert (info.default_font, info.default_font_size) == ("Times New Roman", 14.0)
    assert (info.body_font, info.body_font_size) == ("Times New Roman", 14.0)
    assert info.format == "docx"


# --- layout tables and text boxes ---------------------------------------------------


def test_layout_tables_flattened_column_by_column():
    doc = parse(FOCUSED / "layout.docx")
    layout = [(p.text, p.prov.table, p.prov.row, p.prov.col) for p in doc.paragraphs if p.role == "layout"]
    assert layout == [
        ("ỦY BAN NHÂN DÂN", 1, 1, 1),
        ("TỈNH LÂM ĐỒNG", 1, 1, 1),
        ("Số: /KH-UBND", 1, 2, 1),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1, 1, 2),
        ("Độc lập - Tự do - Hạnh phúc", 1, 1, 2),
        ("Lâm Đồng, ngày tháng 01 năm 2026", 1, 2, 2),
        ("Nơi nhận:", 2, 1, 1),
        ("- Bộ Nội vụ;", 2, 1, 1),
        ("- Lưu: VT, NC.", 2, 1, 1),
        ("TM. ỦY BAN NHÂN DÂN", 2, 1, 2),
        ("KT. CHỦ TỊCH", 2, 1, 2),
        ("PHÓ CHỦ TỊCH", 2, 1, 2),
        ("Nguyễn Văn A", 2, 1, 2),
    ]
    # the task table stays a table, third in the document
    assert [t.prov.table for t in doc.tables] == [3]
    assert doc.tables[0].rows[1].texts == ["1", "Tuyên truyền trên Cổng TTĐT", "Sở Nội vụ", "Thường xuyên"]
    body = [p.text for p in doc.paragraphs if p.role == "body"]
    assert body == [
        "KẾ HOẠCH",
        "Tuyên truyền cải cách hành chính năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao nhận thức của cán bộ, công chức.",
        "PHỤ LỤC",
    ]


def test_one_cell_frame_table_is_read_as_its_content():
    doc = parse(FOCUSED / "frame.docx")
    assert [(type(b).__name__, getattr(b, "text", None)) for b in doc.blocks] == [
        ("Paragraph", "II. NHIỆM VỤ"),
        ("Paragraph", "Các sở, ngành thực hiện các nhiệm vụ sau:"),
        ("Table", None),
    ]
    assert [r.texts for r in doc.tables[0].rows] == [
        ["TT", "Nội dung", "Chủ trì"],
        ["1", "Rà soát thủ tục", "Sở Nội vụ"],
    ]
    assert doc.tables[0].prov.table == 2 and all(p.role == "body" for p in doc.paragraphs)


def test_signature_with_a_row_per_recipient_is_layout():
    doc = parse(FOCUSED / "signature_rows.docx")
    assert not doc.tables
    assert [(p.text, p.prov.col) for p in doc.paragraphs] == [
        ("Nơi nhận:", 1),
        ("- Sở Nội vụ;", 1),
        ("- Sở Tư pháp;", 1),
        ("- Sở Tài chính;", 1),
        ("- UBND các xã;", 1),
        ("- Lưu: VT.", 1),
        ("TM. ỦY BAN NHÂN DÂN", 2),
        ("CHỦ TỊCH", 2),
        ("Nguyễn Văn B", 2),
    ]


def test_header_and_signature_typed_with_tabs_read_column_by_column():
    doc = parse(FOCUSED / "tab_layout.docx")
    assert [(p.role, p.text, p.prov.col) for p in doc.paragraphs] == [
        ("layout", "ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN", 1),
        ("layout", "Số: 20/KH-UBND", 1),
        ("layout", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", 2),
        ("layout", "Quế Sơn, ngày 18 tháng 02 năm 2021", 2),
        ("body", "KẾ HOẠCH", None),
        ("body", "Đoạn thụt đầu dòng bằng phím tab vẫn là thân văn bản.", None),
        ("layout", "Nơi nhận:", 1),
        ("layout", "- UBND tỉnh;", 1),
        ("layout", "- Lưu: VT.", 1),
        ("layout", "TM. ỦY BAN NHÂN DÂN", 2),
        ("layout", "CHỦ TỊCH", 2),
        ("layout", "Đinh Nguyên Vũ", 2),
    ]
    assert doc.paragraphs[0].lines == ["ỦY BAN NHÂN DÂN", "HUYỆN QUẾ SƠN"]


def test_text_box_stamp_read_once_and_apart_from_number_line():
    doc = parse(FOCUSED / "textbox.docx")
    assert [(p.role, p.text) for p in doc.paragraphs if "THẢO" in p.text] == [("textbox", "DỰ THẢO")]
    assert "Số: /KH-UBND" in [p.text for p in doc.paragraphs if p.role == "layout"]


@pytest.mark.parametrize("stem", sorted({p.name.split(".")[0] for p in FIXTURES.glob("*.docx")}))
def test_auto_numbered_seed_reads_like_typed_seed(stem: str):
    typed = parse(FIXTURES / f"{stem}.docx")
    auto = parse(FIXTURES / f"{stem}.autonum.docx")
    assert [p.text for p in typed.paragraphs] == [p.text for p in auto.paragraphs]
    assert [[r.texts for r in t.rows] for t in typed.tables] == [[r.texts for r in t.rows] for t in auto.tables]
    assert not any(p.numbered for p in typed.paragraphs)


def test_auto_numbered_headings_and_number_column():
    auto = parse(FIXTURES / "001_095502a10b21373e.autonum.docx")
    assert any(p.numbered and p.text == "II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN" for p in auto.paragraphs)
    numbered = [p.text for p in auto.paragraphs if p.numbered]
    assert numbered[:2] == ["I. MỤC ĐÍCH, YÊU CẦU, CHỈ TIÊU CỤ THỂ", "1. Mục đích"]
    assert numbered[2].startswith("- Tiếp tục nâng cao nhận thức")  # a Word bullet
    with zipfile.ZipFile(FIXTURES / "000_4a6fe417c4c99215.autonum.docx") as zf:
        xml = zf.read("word/document.xml").decode()
    assert "<w:tc>" in xml and xml.count("<w:numPr>") > 20  # headings and the STT column are Word-numbered
    table = parse(FIXTURES / "000_4a6fe417c4c99215.autonum.docx").tables[0]
    assert [r.texts[0] for r in table.rows[:7]] == [
        "STT",
        "I. Truyền thông hỗ trợ công tác kiểm soát thủ tục hành chính",
        "01",
        "02",
        "03",
        "04",
        "II. Truyền thông hỗ trợ công tác tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính",
    ]


def test_seed_appendix_table_structure():
    doc = parse(FIXTURES / "001_095502a10b21373e.docx")
    table = doc.tables[0]
    assert table.rows[0].is_header and not any(r.is_header for r in table.rows[1:])
    sub_rows = [r for r in table.rows if r.cells[0].merged_up]
    assert sub_rows and all(r.cells[1].merged_up and not r.cells[2].merged_up for r in sub_rows)
    assert doc.source.page_setups[-1].orientation == "landscape"
    group = parse(FIXTURES / "000_4a6fe417c4c99215.docx").tables[0].rows[1]
    assert [(c.text, c.span) for c in group.cells] == [
        ("I. Truyền thông hỗ trợ công tác kiểm soát thủ tục hành chính", 5)
    ]


# --- real documents -----------------------------------------------------------------

REAL = sorted(REALDOCS.glob("*.docx")) if REALDOCS.is_dir() else []


@pytest.mark.skipif(not REAL, reason=missing(REALDOCS))
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_every_real_docx_parses(path: Path):
    doc = load(path)
    assert doc.source.format == "docx" and doc.blocks
    assert any(p.role == "layout" for p in doc.paragraphs)
    with zipfile.ZipFile(path) as z:
        xml_tables = z.read("word/document.xml").count(b"<w:tbl>")
    # header/signature layout tables become layout paragraphs; no table is invented
    assert len(doc.tables) <= xml_tables
    assert doc.source.pages and doc.source.pages_approx


@pytest.mark.skipif(not REAL, reason=missing(REALDOCS))
def test_real_auto_numbered_headings_and_empty_number_cells():
    doc = parse(REALDOCS / "lamdong-ubnd_KH-CCHC-2026_v3.docx")
    texts_ = [p.text for p in doc.paragraphs]
    assert "1. Cải cách thể chế" in texts_ and "7. Công tác chỉ đạo, điều hành" in texts_
    table = doc.tables[-1]
    assert table.rows[0].is_header and table.width == 7
    merged = [r for r in table.rows if r.cells[0].merged_up]
    assert merged and all(r.cells[1].merged_up for r in merged)
    laocai = parse(REALDOCS / "laocai-sct_KH-3898_30.6.2026_Huan-luyen-nguoi-quan-ly.docx")
    assert [r.texts[0] for r in laocai.tables[-1].rows][:4] == ["TT", "1.", "2.", "3."]


@pytest.mark.skipif(not REAL, reason=missing(REALDOCS))
def test_footnotes_come_last_with_their_own_role():
    doc = parse(REALDOCS / "laocai-ubnd_KH-chi-thi-11-khoang-san_2026_draft.docx")
    notes = [b for b in doc.blocks if isinstance(b, Paragraph) and b.role == "footnote"]
    assert len(notes) == 1 and doc.blocks[-1] is notes[0]
    assert "Nghị quyết số 10-NQ/TW ngày 10/02/2022" in notes[0].text
    assert notes[0].prov.page < doc.source.pages


# --- bad input ----------------------------------------------------------------------


def _error(path: Path) -> str:
    with pytest.raises(KehoachError) as info:
        load(path)
    assert "\n" not in info.value.message() and str(path) in info.value.message()
    return info.value.reason


def test_not_a_zip(tmp_path: Path):
    path = tmp_path / "plan.docx"
    path.write_text("KẾ HOẠCH\nnot really a Word file", encoding="utf-8")
    assert _error(path) == "bad_docx"


def test_random_bytes(tmp_path: Path):
    path = tmp_path / "noise.docx"
    path.write_bytes(bytes(range(256)) * 8)
    assert _error(path) == "bad_docx"


def test_zip_that_is_not_word(tmp_path: Path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    assert _error(path) == "bad_docx"


def test_renamed_doc_and_encrypted_docx(tmp_path: Path):
    from make_docx import ole2

    doc = tmp_path / "legacy.docx"
    doc.write_bytes(ole2({"WordDocument": b"\xec\xa5" + b"\0" * 100}))
    assert _error(doc) == "doc_as_docx"
    locked = tmp_path / "locked.docx"
    locked.write_bytes(ole2({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\0" * 64}))
    assert _error(locked) == "encrypted_docx"


def _copy_with(src: Path, dst: Path, replace: dict[str, bytes] | None = None, extra: int = 0) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = (replace or {}).get(item.filename, zin.read(item.filename))
            zout.writestr(item.filename, data)
        for i in range(extra):
            zout.writestr(f"customXml/pad{i}.bin", b"")


def test_zip_bomb_member_count(tmp_path: Path):
    path = tmp_path / "many.docx"
    _copy_with(FOCUSED / "hyperlink.docx", path, extra=2100)
    assert _error(path) == "zip_bomb"


def test_zip_bomb_declared_size(tmp_path: Path):
    path = tmp_path / "huge.docx"
    _copy_with(FOCUSED / "hyperlink.docx", path)
    data = bytearray(path.read_bytes())
    # claim 300 MB uncompressed for word/document.xml in the central directory
    name = b"word/document.xml"
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_len]) == name:
            struct.pack_into("<I", data, at + 24, 300 * 1024 * 1024)
            break
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    assert _error(path) == "zip_bomb"


def test_billion_laughs_fails_cleanly(tmp_path: Path):
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        b"<w:t>&d;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "lol.docx"
    _copy_with(FOCUSED / "hyperlink.docx", path, replace={"word/document.xml": lol})
    assert _error(path) == "bad_docx"


def test_strict_open_xml_is_named(tmp_path: Path):
    path = tmp_path / "strict.docx"
    with zipfile.ZipFile(FOCUSED / "hyperlink.docx") as zin:
        doc = zin.read("word/document.xml").replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        )
    _copy_with(FOCUSED / "hyperlink.docx", path, replace={"word/document.xml": doc})
    assert _error(path) == "bad_docx"


def test_truncated_docx(tmp_path: Path):
    data = (FOCUSED / "hyperlink.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    assert _error(path) == "bad_docx"


# --- the generator ------------------------------------------------------------------


def test_generator_reproduces_focused_fixtures(tmp_path: Path):
    import make_docx

    fresh = make_docx.write_focused(tmp_path)
    for name, path in fresh.items():
        new, old = parse(path), parse(FOCUSED / f"{name}.docx")
        assert [(type(b).__name__, getattr(b, "text", None)) for b in new.blocks] == [
            (type(b).__name__, getattr(b, "text", None)) for b in old.blocks
        ], name
        assert [[r.texts for r in t.rows] for t in new.tables] == [[r.texts for r in t.rows] for t in old.tables], name


def test_bare_zip_signature(tmp_path: Path):
    path = tmp_path / "stub.docx"
    path.write_bytes(b"PK\x03\x04")
    assert _error(path) == "bad_docx"


def test_mangled_xml_gives_blocks_or_one_line_error(tmp_path: Path):
    """Randomly damaged fixtures (elements dropped, moved, attributes garbled) never crash."""
    import random

    from lxml import etree

    rng = random.Random(20260101)
    sources = sorted(FOCUSED.glob("*.docx"))
    for i in range(120):
        src = rng.choice(sources)
        with zipfile.ZipFile(src) as zin:
            parts = {item.filename: zin.read(item.filename) for item in zin.infolist()}
        name = rng.choice([n for n in ("word/document.xml", "word/numbering.xml", "word/styles.xml") if n in parts])
        root = etree.fromstring(parts[name])
        for _ in range(rng.randint(1, 6)):
            elements = list(root.iter())
            el = rng.choice(elements)
            if rng.random() < 0.5 and el.getparent() is not None:
                el.getparent().remove(el)
            elif el.attrib:
                el.set(rng.choice(list(el.attrib)), rng.choice(["", "-1", "999999", "x", "0", "continue", "%1%9%"]))
        parts[name] = etree.tostring(root)
        path = tmp_path / f"mangled{i}.docx"
        with zipfile.ZipFile(path, "w") as zout:
            for part, data in parts.items():
                zout.writestr(part, data)
        try:
            parse(path)
        except KehoachError as exc:
            assert "\n" not in exc.message()


@pytest.mark.parametrize(
    ("issuer_lines", "right_head", "issuer"),
    [
        (["ỦY BAN NHÂN DÂN", "XÃ PHỐ BẢNG"], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN XÃ PHỐ BẢNG"),
        (["HUYỆN ỦY ĐỒNG VĂN", "ĐẢNG ỦY XÃ LŨNG CÚ"], "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ LŨNG CÚ"),
    ],
)
def test_a_header_set_with_centred_tabs_reads_as_two_columns(tmp_path: Path, issuer_lines, right_head, issuer):
    import docx

    from kehoach import api

    # no header table: each line is "<tab>left<tab>right" with two centre tab stops, the leading
    # tab centring the left column (a State header, and a Party committee's under the Party's name)
    d = docx.Document()
    right = [right_head, "Độc lập - Tự do - Hạnh phúc" if right_head.startswith("CỘNG") else ""]
    for left, other in zip(issuer_lines, right, strict=True):
        d.add_paragraph(f"\t{left}\t{other}")
    d.add_paragraph("\tSố: 01-KH/ĐU\tPhố Bảng, ngày 10 tháng 12 năm 2025")
    for line in ("KẾ HOẠCH", "Tuyên truyền bầu cử", "I. MỤC ĐÍCH, YÊU CẦU", "Tuyên truyền sâu rộng."):
        d.add_paragraph(line)
    path = tmp_path / "tabs.docx"
    d.save(str(path))
    h = api.parse(path).header
    assert (h.issuer, h.place) == (issuer, "Phố Bảng")
