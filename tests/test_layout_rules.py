"""Genre rules found where a DOCX and its PDF rendering gave different registers
(tests/test_cross_format.py): each on a minimal fragment of the blocks, the PDF lines or
the PDF table pieces it concerns. The real documents are checked in test_cross_format."""

from __future__ import annotations

from kehoach.blocks import Cell, Row, Table
from kehoach.parsers.pdf.geometry import Metrics, PageGeom
from kehoach.parsers.pdf.lines import Line
from kehoach.parsers.pdf.paragraphs import body_paragraphs
from kehoach.parsers.pdf.segments import Seg
from kehoach.parsers.pdf.table_join import join_fragments
from kehoach.parsers.pdf.tables import FragCell, FragRow, TableFrag
from kehoach.plan.table_map import map_table
from kehoach.plan.tables import tasks_from_table

# ---------------------------------------------------------------- PDF paragraphs

GEOM = PageGeom(number=1, width=595.0, height=842.0, left=85.0, right=538.0, measured=True)
SIZE = 13.0


def line(text: str, x0: float, x1: float, n: int) -> Line:
    top = 100.0 + n * SIZE * 1.2
    seg = Seg(x0, x1, top, top + SIZE, text, SIZE, 0.0, 0.0, "Times", first_word_w=SIZE * 2.5, nchars=len(text))
    return Line(segs=[seg], page=1, index=n + 1)


def test_a_numbered_heading_that_fills_the_line_stays_apart_from_the_paragraph_below():
    # every paragraph has a first-line indent of 1 cm: the heading and the paragraph's first line
    # both start there, the paragraph's second line goes back to the margin
    indent = GEOM.left + 28.0
    lines = [
        line("2.5. Triển khai thử nghiệm Kho dữ liệu điện tử của cá nhân, tổ chức", indent, 512.0, 0),
        line("Triển khai thử nghiệm Kho dữ liệu điện tử của cá nhân, tổ", indent, GEOM.right, 1),
        line("chức trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.", GEOM.left, 400.0, 2),
    ]
    paras = body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))
    assert [p.text for p in paras] == [
        "2.5. Triển khai thử nghiệm Kho dữ liệu điện tử của cá nhân, tổ chức",
        "Triển khai thử nghiệm Kho dữ liệu điện tử của cá nhân, tổ chức trên Hệ thống thông tin giải quyết"
        " thủ tục hành chính tỉnh.",
    ]


def test_a_line_break_inside_a_sentence_does_not_end_the_paragraph():
    # Shift+Enter typed mid-sentence: "… Sở Tư pháp và" / "các" / "sở, ban, ngành …" is one
    # paragraph, as the DOCX's <w:br/> gives it
    lines = [
        line("- Cơ quan thực hiện: Sở Nội vụ chủ trì; Sở Tư pháp và", GEOM.left + 28.0, 420.0, 0),
        line("các", GEOM.left, 110.0, 1),
        line("sở, ban, ngành Thành phố tổ chức triển khai Luật Việc làm.", GEOM.left, 460.0, 2),
        line("thời gian thực hiện: năm 2025 và các năm tiếp theo.", GEOM.left, 400.0, 3),
    ]
    paras = body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))
    assert [p.text for p in paras] == [
        "- Cơ quan thực hiện: Sở Nội vụ chủ trì; Sở Tư pháp và các sở, ban, ngành Thành phố tổ chức triển khai"
        " Luật Việc làm.",
        "thời gian thực hiện: năm 2025 và các năm tiếp theo.",  # after a sentence's end: a paragraph
    ]


def test_an_article_heading_after_a_full_line_that_ends_a_sentence_opens_a_paragraph():
    # paragraphs without spacing or indent: "Điều 8." under a full line is the next article's
    # heading; a reference to an article inside a sentence goes on
    lines = [
        line(
            "5. Thực hiện tự phê bình và phê bình; kê khai tài sản, thu nhập theo quy định.", GEOM.left, GEOM.right, 0
        ),
        line("Điều 8. Nhiệm vụ cụ thể của Bí thư Đảng ủy xã", GEOM.left, 390.0, 1),
    ]
    assert len(body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))) == 2
    lines = [
        line("5. Các cơ quan thực hiện theo quy định tại khoản 2", GEOM.left, GEOM.right, 0),
        line("Điều 8. Luật Bảo vệ bí mật nhà nước.", GEOM.left, 390.0, 1),
    ]
    assert len(body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))) == 1


def test_a_paragraph_indented_as_a_whole_is_not_cut_at_its_second_line():
    # a block indent (every line at the indent) is one paragraph: no line back at the margin
    indent = GEOM.left + 28.0
    lines = [
        line("Trích dẫn: Tăng cường công tác tuyên truyền, phổ biến về cải cách", indent, GEOM.right, 0),
        line("hành chính trên địa bàn tỉnh, bảo đảm thiết thực, hiệu quả và đúng", indent, GEOM.right, 1),
        line("quy định.", indent, 150.0, 2),
    ]
    paras = body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))
    assert len(paras) == 1


def test_a_bold_heading_after_a_regular_word_list_number_is_bold():
    from kehoach.parsers.pdf.paragraphs import make_paragraph

    # Word draws its own list number in the paragraph mark's weight: a regular "IV." before bold
    # text, which the DOCX reader reads as a bold paragraph (its runs are bold)
    heading = line("IV. Tổ chức thực hiện.", GEOM.left, 250.0, 0)
    heading.segs[0].bold = 15 / 17  # 15 of the 17 letters are bold, the numeral's 2 are not
    assert make_paragraph([heading], geom=GEOM).bold is True
    # a paragraph with a bold phrase in it stays mixed, number or not
    mixed = line("- Sở Tài chính chủ trì thẩm định dự toán.", GEOM.left, 400.0, 0)
    mixed.segs[0].bold = 0.4
    assert make_paragraph([mixed], geom=GEOM).bold is None


# ---------------------------------------------------------------- PDF tables over pages

EDGES = [85.0, 160.0, 400.0, 538.0]


def frow(texts: list[str], page: int, top: float, spans: list[int] | None = None, room: bool = False) -> FragRow:
    spans = spans or [1] * len(texts)
    cells = [
        FragCell(lines=[t] if t else [], span=s, room=room and bool(t), size=13.0)
        for t, s in zip(texts, spans, strict=True)
    ]
    return FragRow(cells=cells, page=page, top=top, bottom=top + 20)


def frag(rows: list[FragRow], page: int) -> TableFrag:
    return TableFrag(rows=rows, page=page, bbox=(85.0, 50.0, 538.0, 800.0), col_edges=EDGES, page_width=595.0)


HEADER = ["Thời gian", "Nội dung", "Đơn vị/ cá nhân phụ trách"]
BAND = "Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường dưới sân cờ"


def test_a_band_repeated_with_the_column_names_overleaf_is_dropped():
    first = frag(
        [
            frow(HEADER, 1, 100),
            frow([BAND], 1, 120, spans=[3]),
            frow(["7h00 - 7h15", "Ổn định tổ chức", "GVCN các lớp"], 1, 140, room=True),
        ],
        1,
    )
    second = frag(
        [
            frow(HEADER, 2, 50),
            frow([BAND], 2, 70, spans=[3]),
            frow(["7h15 - 8h00", "Chuyên đề 3: Giới thiệu các tổ chức Đoàn", "Đoàn trường"], 2, 90, room=True),
        ],
        2,
    )
    rows = join_fragments([first, second])
    assert [r.cells[0].text for r in rows] == ["Thời gian", BAND, "7h00 - 7h15", "7h15 - 8h00"]
    assert rows[0].header and rows[1].header


def test_a_group_row_equal_to_the_first_one_on_one_page_only_is_kept():
    # a list given twice: its group row "I. …" tops the first page and, by chance, the third;
    # a repeated heading row would top every page
    group = "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
    pages = [
        frag(
            [frow(HEADER, 1, 100), frow([group], 1, 120, spans=[3]), frow(["1", "Rà soát", "Sở A"], 1, 140, room=True)],
            1,
        ),
        frag([frow(HEADER, 2, 50), frow(["2", "Công khai", "Sở B"], 2, 70, room=True)], 2),
        frag(
            [frow(HEADER, 3, 50), frow([group], 3, 70, spans=[3]), frow(["1", "Rà soát", "Sở A"], 3, 90, room=True)], 3
        ),
    ]
    rows = join_fragments(pages)
    assert [r.cells[0].text for r in rows] == ["Thời gian", group, "1", "2", group, "1"]


def test_a_row_cut_by_the_page_break_in_a_table_without_numbers_is_glued_back():
    first = frag(
        [
            frow(HEADER, 1, 100),
            frow(["8h30", "Chuyên đề 5: Hướng dẫn sử dụng các công cụ học tập số", "Tổ Tin học"], 1, 700),
        ],
        1,
    )
    second = frag([frow(HEADER, 2, 50), frow(["- 9h00", "an toàn", ""], 2, 70)], 2)
    rows = join_fragments([first, second])
    assert len(rows) == 2
    assert rows[1].cells[0].lines == ["8h30", "- 9h00"]
    assert rows[1].cells[1].text == "Chuyên đề 5: Hướng dẫn sử dụng các công cụ học tập số an toàn"


def test_a_numbered_row_cut_with_room_in_every_cell_is_glued_back_line_by_line():
    """The break cut row 8 after its first unit ("Đỗ Mạnh Cường"): the line that did not fit
    went overleaf, so every cell of the cut row has room below its text, and the empty number
    and content cells overleaf are the cut row's, not a sub-row's. Its units are separate lines
    (the first word overleaf would have fitted after "Đỗ Mạnh Cường"). A finished row (its
    tallest cell without room) followed by units overleaf is a sub-row still."""
    head = ["TT", "Nhiệm vụ thực hiện", "Người thực hiện"]

    def cut_row(room_everywhere: bool) -> list[FragRow]:
        last = frow(["8.", "Rà soát chứng chỉ trước khi trình", "Đỗ Mạnh Cường"], 1, 700, room=True)
        if not room_everywhere:
            last.cells[1].room = False  # the content cell filled the row down to its bottom
        for c in last.cells:
            c.tail, c.size = 42.0, 14.0
        first = frag([frow(head, 1, 100), last], 1)
        over = frow(["", "", "Vũ Việt Linh"], 2, 70)
        over.cells[2].lines = ["Vũ Việt Linh", "Nguyễn Thị Loan"]
        over.cells[2].first_w = 18.3
        second = frag([frow(head, 2, 50), over, frow(["9.", "Trình ký chứng chỉ", "Đỗ Mạnh Cường"], 2, 90)], 2)
        return join_fragments([first, second])

    rows = cut_row(room_everywhere=True)
    assert [r.cells[0].text for r in rows] == ["TT", "8.", "9."]
    assert rows[1].cells[2].lines == ["Đỗ Mạnh Cường", "Vũ Việt Linh", "Nguyễn Thị Loan"]
    rows = cut_row(room_everywhere=False)
    assert [r.cells[0].text for r in rows] == ["TT", "8.", "", "9."]
    assert rows[2].cells[0].merged_up and rows[2].cells[1].merged_up


def test_a_numbered_row_cut_under_a_full_content_cell_takes_back_its_wrapped_cells():
    """With 1.5-line spacing the cut row's content cell is full down to the break (no room) and
    its lead and time cells ended a little higher: their text goes on overleaf all the same,
    since the first word there would not have fitted after their last line ("… phường Lâm" /
    "Viên - Đà Lạt", "… ngày" / "28 tháng 8"). A unit whose first word would have fitted is a
    sub-row's own."""
    head = ["TT", "Nội dung", "Trách nhiệm thực hiện", "Thời gian"]
    edges = [85.0, 120.0, 330.0, 440.0, 538.0]

    def join(unit: str, first_w: float) -> list:
        last = frow(["6", "Giải đáp vướng mắc của UBND", "Lãnh đạo UBND phường Lâm", "20 giờ ngày"], 1, 700, room=True)
        last.cells[1].room = False  # full down to the break
        for c, tail in zip(last.cells, (16.4, 0.0, 9.0, 7.0), strict=True):
            c.tail, c.size = tail, 14.0
        over = frow(["", "phường Lâm Viên - Đà Lạt", unit, "28 tháng 8"], 2, 70)
        over.cells[2].first_w, over.cells[3].first_w = first_w, 14.0
        pages = [frag([frow(head, 1, 100), last], 1), frag([frow(head, 2, 50), over], 2)]
        for p in pages:
            p.col_edges = edges
        return join_fragments(pages)

    rows = join("Viên - Đà Lạt", 28.0)
    assert [r.cells[0].text for r in rows] == ["TT", "6"]
    assert [c.text for c in rows[1].cells[1:]] == [
        "Giải đáp vướng mắc của UBND phường Lâm Viên - Đà Lạt",
        "Lãnh đạo UBND phường Lâm Viên - Đà Lạt",
        "20 giờ ngày 28 tháng 8",
    ]
    rows = join("Sở", 5.0)  # "Sở" fitted after "… phường Lâm": a unit of its own
    assert len(rows) == 3
    # a sub-row (its content merged above) that repeats the time cell, which was full down to
    # the break: a repeat in upper case is no sign of a cut, and its unit is its own
    last = frow(["1", "Tham mưu ban hành kế hoạch", "Sở Nội vụ", "Ban hành kế hoạch trong tháng 01"], 1, 700)
    last.cells[0].room = last.cells[1].room = last.cells[2].room = True
    for c in last.cells:
        c.tail, c.size = 2.0, 14.0
    over = frow(["", "", "Các cơ quan, đơn vị", "Ban hành kế hoạch trong tháng 01"], 2, 70)
    over.cells[2].first_w = over.cells[3].first_w = 20.0
    pages = [frag([frow(head, 1, 100), last], 1), frag([frow(head, 2, 50), over], 2)]
    for p in pages:
        p.col_edges = edges
    assert len(join_fragments(pages)) == 3


def test_a_time_range_cut_by_the_page_break_in_a_timetable_is_glued_back():
    """ "8h00" above the break, "- 8h30" overleaf with the other cells empty: the range goes on
    (a number after a number's dash), so the row is the one above, as "an toàn" in lower case
    would say; a fresh time overleaf ("8h30 - 9h00") is a row of its own."""
    first = frag(
        [frow(HEADER, 1, 100), frow(["8h00", "Chuyên đề 4: Văn hóa ứng xử học đường", "Đoàn trường"], 1, 700)], 1
    )
    second = frag(
        [frow(HEADER, 2, 50), frow(["- 8h30", "", ""], 2, 70), frow(["8h30", "Chuyên đề 5", "Tổ Tin"], 2, 90)], 2
    )
    rows = join_fragments([first, second])
    assert [r.cells[0].lines for r in rows[1:]] == [["8h00", "- 8h30"], ["8h30"]]


def test_a_timetable_row_whose_content_goes_on_overleaf_in_a_new_sentence_is_glued_back():
    """Overleaf, only the content cell has text, a new sentence ("Nhắc nhở về đồng phục …")
    under a content cell that was full down to the break; the time and unit cells are empty:
    the row goes on (a new row of a timetable has its time). A new unit overleaf, under a unit
    cell that ended higher up, makes a row of its own."""
    content = "Giáo viên chủ nhiệm làm việc: nhận xét, đánh giá chung; giải đáp thắc mắc lần cuối."
    last = frow(["9h00 - 11h00", content, "GVCN các lớp"], 1, 700)
    last.cells[0].room = last.cells[2].room = True
    first = frag([frow(HEADER, 1, 100), last], 1)
    over = frow(["", "Nhắc nhở về đồng phục, sách giáo khoa.", ""], 2, 70)
    rows = join_fragments([first, frag([frow(HEADER, 2, 50), over], 2)])
    assert len(rows) == 2 and rows[1].cells[1].text == content + " Nhắc nhở về đồng phục, sách giáo khoa."
    last = frow(["9h00 - 11h00", content, "GVCN các lớp"], 1, 700)
    last.cells[0].room = last.cells[2].room = True
    first = frag([frow(HEADER, 1, 100), last], 1)
    over = frow(["", "Nhắc nhở về đồng phục.", "Đoàn trường"], 2, 70)
    assert len(join_fragments([first, frag([frow(HEADER, 2, 50), over], 2)])) == 3


def test_a_fresh_row_overleaf_in_a_table_without_numbers_stays_a_row():
    # a new row starts in upper case; a cell under one that ended higher up starts text of its own
    first = frag([frow(HEADER, 1, 100), frow(["8h00 - 8h30", "Chuyên đề 4.", "Đoàn trường"], 1, 700)], 1)
    second = frag([frow(HEADER, 2, 50), frow(["8h30 - 9h00", "Chuyên đề 5.", "Tổ Tin học"], 2, 70)], 2)
    assert len(join_fragments([first, second])) == 3
    first = frag([frow(HEADER, 1, 100), frow(["8h00", "Chuyên đề 4: Văn hóa", "Đoàn"], 1, 700, room=True)], 1)
    second = frag([frow(HEADER, 2, 50), frow(["", "ứng xử học đường", ""], 2, 70)], 2)
    assert len(join_fragments([first, second])) == 3


# ---------------------------------------------------------------- tables to tasks


def table(*rows: list[Cell]) -> Table:
    return Table(rows=[Row(cells=cells) for cells in rows])


def test_a_time_range_wrapped_before_its_dash_keeps_the_dash():
    t = table(
        [Cell(["Thời gian"]), Cell(["Nội dung"]), Cell(["Đơn vị phụ trách"])],
        [Cell(["8h30", "- 9h00"]), Cell(["Tổng kết giai đoạn 2026", "- 2030 của tỉnh"]), Cell(["Tổ Tin học"])],
        [Cell(["Quý I", "- Quý II"]), Cell(["Rà soát", "- văn bản", "- thủ tục"]), Cell(["Sở Tư pháp"])],
    )
    first, second = tasks_from_table(t, map_table(t), 2026)
    assert first.timeline.raw == "8h30 - 9h00"
    assert first.content == "Tổng kết giai đoạn 2026 - 2030 của tỉnh"
    # a list of items stays a list: no digit ends the line above
    assert second.timeline.raw == "Quý I Quý II"
    assert second.content == "Rà soát văn bản thủ tục"


def test_one_cell_across_the_row_is_a_band_even_over_the_content_column():
    t = table(
        [Cell(["Thời gian"]), Cell(["Nội dung"]), Cell(["Đơn vị phụ trách"]), Cell([])],
        [Cell(["Buổi sáng (từ 9h00 đến 11h00) – Sinh hoạt theo lớp"], span=3, bold=True), Cell([])],
        [Cell(["9h00 - 11h00"]), Cell(["Giáo viên chủ nhiệm làm việc với lớp"]), Cell(["GVCN các lớp"]), Cell([])],
        [Cell([]), Cell(["Nghỉ giải lao giữa buổi"]), Cell([]), Cell([])],
    )
    tasks = tasks_from_table(t, map_table(t), 2026)
    assert [(x.content, [u.name for u in x.lead]) for x in tasks] == [
        ("Giáo viên chủ nhiệm làm việc với lớp", ["GVCN các lớp"]),
        ("Nghỉ giải lao giữa buổi", []),  # the content cell alone, not spanning: a task without a unit
    ]
    assert tasks[0].group == "Buổi sáng (từ 9h00 đến 11h00) – Sinh hoạt theo lớp"


def test_a_band_word_repeats_with_the_column_names_still_heads_the_rows_below_it():
    # "repeat as header row" set on the column names and on the band under them: in the DOCX the
    # band is there once, over the first rows
    t = Table(
        rows=[
            Row(cells=[Cell(["Thời gian"]), Cell(["Nội dung"]), Cell(["Đơn vị phụ trách"])], is_header=True),
            Row(
                cells=[Cell(["Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường"], span=3, bold=True)],
                is_header=True,
            ),
            Row(cells=[Cell(["7h00 - 7h15"]), Cell(["Ổn định tổ chức"]), Cell(["Ban Giám hiệu"])]),
        ]
    )
    tmap = map_table(t)
    assert tmap.header_rows == 1
    (task,) = tasks_from_table(t, tmap, 2026, group="NGÀY 1: THỨ HAI, NGÀY 24/8/2026")
    assert (task.group, task.notes) == (
        "NGÀY 1: THỨ HAI, NGÀY 24/8/2026",
        "Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường",
    )
    # two column-name rows marked as header rows stay the header
    two = Table(
        rows=[
            Row(cells=r.cells, is_header=True)
            for r in table(
                [Cell(["TT"]), Cell(["Nội dung"]), Cell(["Cơ quan thực hiện"]), Cell([])],
                [Cell([]), Cell([]), Cell(["Chủ trì"]), Cell(["Phối hợp"])],
            ).rows
        ]
        + [Row(cells=[Cell(["1"]), Cell(["Rà soát"]), Cell(["Sở Tư pháp"]), Cell(["Sở Nội vụ"])])]
    )
    assert map_table(two).header_rows == 2


def test_a_bold_line_just_before_a_body_table_groups_its_rows(tmp_path):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from kehoach import api

    # "NGÀY 1: THỨ HAI, NGÀY 24/8/2026" over that day's programme, set bold and centred (a Markdown
    # copy writes it as a "####" heading)
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Tổ chức Tuần lễ sinh hoạt công dân năm học 2026 - 2027")
    d.add_paragraph("II. NỘI DUNG")
    day = d.add_paragraph()
    day.add_run("NGÀY 1: THỨ HAI, NGÀY 24/8/2026").bold = True
    day.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows = [("Thời gian", "Nội dung", "Đơn vị phụ trách"), ("7h00 - 7h15", "Ổn định tổ chức", "Ban Giám hiệu")]
    t = d.add_table(rows=2, cols=3)
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            t.cell(r, c).text = v
    d.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    d.save(tmp_path / "tuan-le.docx")
    (task,) = api.parse(tmp_path / "tuan-le.docx").tasks
    assert (task.group, task.content) == ("NGÀY 1: THỨ HAI, NGÀY 24/8/2026", "Ổn định tổ chức")


def test_a_role_alone_in_the_lead_cell_is_completed_by_the_unit_in_the_row_below():
    t = table(
        [Cell(["STT"]), Cell(["Nội dung"]), Cell(["Đơn vị chủ trì"]), Cell(["Thời gian"])],
        [Cell(["3"]), Cell(["Giải đáp vướng mắc về công tác CCHC"]), Cell(["Lãnh đạo"]), Cell(["Ngày 10/4"])],
        [Cell(merged_up=True), Cell(merged_up=True), Cell(["Công an tỉnh"]), Cell(merged_up=True)],
        [Cell(["4"]), Cell(["Tuyên truyền trực quan"]), Cell(["Sở Nội vụ"]), Cell(["Quý II"])],
        [Cell(merged_up=True), Cell(merged_up=True), Cell(["Sở Tư pháp"]), Cell(["Quý III"])],
    )
    tasks = tasks_from_table(t, map_table(t), 2026)
    assert [([u.name for u in x.lead], x.part) for x in tasks] == [
        (["Lãnh đạo Công an tỉnh"], None),
        (["Sở Nội vụ"], 1),  # a unit under a unit is a sub-row of its own
        (["Sở Tư pháp"], 2),
    ]


def test_a_numbered_group_across_the_row_keeps_its_title_without_the_numeral():
    t = table(
        [Cell(["STT"]), Cell(["Nội dung"]), Cell(["Đơn vị chủ trì"]), Cell(["Thời gian"])],
        [Cell(["1"]), Cell(["Thuê hệ thống giao ban trực tuyến"]), Cell(["Sở Nội vụ"]), Cell(["Năm 2023"])],
        [Cell(["II. Các dự án, nhiệm vụ chuyển tiếp"], span=4)],
        [Cell(["1"]), Cell(["Thuê đường truyền số liệu chuyên dùng"]), Cell(["Sở Tư pháp"]), Cell(["Năm 2023"])],
    )
    first, second = tasks_from_table(t, map_table(t), 2023)
    assert (first.group, second.group) == (None, "Các dự án, nhiệm vụ chuyển tiếp")


# ---------------------------------------------------------------- fonts and the signature zone


def test_a_font_mapping_a_letter_to_a_composed_letter_and_a_mark_is_found_by_its_nfc_form():
    from kehoach.parsers.pdf.fontmetrics import FontMetrics

    # a map giving "ư" + combining grave for "ừ" (fonts converted from legacy encodings): pdfium
    # writes "ừ", which neither NFC nor NFD turns back into the map's text
    metrics = FontMetrics(descent=-0.2, widths={"ư\u0300": 0.541, "Ủ": 0.72, "a": 0.44})
    assert metrics.text_form("ừ") == "ư\u0300"
    assert metrics.text_form("U\u0309") == "Ủ"  # decomposed by pdfium, composed in the map
    assert metrics.text_form("ờ") is None


def test_the_signers_position_between_the_closing_and_the_recipients_is_not_body_text():
    from kehoach import api

    # the order a PDF reads a signature table in: the right column's first line a little higher
    text = (
        "KẾ HOẠCH\nThực hiện Chương trình năm 2026\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Giao Công an tỉnh là cơ quan thường trực, theo dõi và báo cáo kết quả thực hiện./.\n\n"
        "CHỦ TỊCH\n\nNơi nhận:\n- Tỉnh ủy;\n- Lưu: VT.\n\nNguyễn Văn A\n"
    )
    plan = api.parse_text(text, name="fragment.txt")
    (task,) = [t for t in plan.tasks if t.content.startswith("Giao Công an tỉnh")]
    assert task.content.endswith("thực hiện./.")
    assert plan.header.signer is not None and plan.header.signer.position == "CHỦ TỊCH"


# ---------------------------------------------------------------- stretched justified lines


def glyphs(words: list[str], x0: float, gap: float, top: float = 100.0, size: float = 14.0) -> list[dict]:
    """Glyph dicts of `words` set left to right, 7 pt a letter, `gap` between words."""
    out, x = [], x0
    for w in words:
        for ch in w:
            out.append(
                {
                    "text": ch,
                    "x0": x,
                    "x1": x + 7.0,
                    "top": top,
                    "bottom": top + size,
                    "size": size,
                    "fontname": "Times",
                    "upright": True,
                }
            )
            x += 7.0
        x += gap
    return out


def test_a_justified_line_widened_by_a_line_break_is_one_run_of_words():
    from kehoach.parsers.pdf.segments import _quick_segments, _segments

    # Word and LibreOffice widen every space of a line a line break ends in a justified paragraph
    stretched = glyphs(["a)", "Nhiệm", "vụ:", "Tham", "mưu", "UBND"], 85.0, 60.6)
    for segment in (_quick_segments, _segments):
        (seg,) = segment(stretched, [])
        assert seg.text == "a) Nhiệm vụ: Tham mưu UBND" and seg.stretched
    # a layout line keeps its columns: ordinary spaces inside them, one wide gap between
    number_date = glyphs(["Số:", "308/KH-UBND"], 145.0, 3.5) + glyphs(["Hà", "Nội,", "ngày", "17"], 320.0, 3.5)
    for segment in (_quick_segments, _segments):
        assert [s.text for s in segment(number_date, [])] == ["Số: 308/KH-UBND", "Hà Nội, ngày 17"]
    # three one-word columns at unequal distances stay three segments
    columns = glyphs(["TT"], 85.0, 60.0) + glyphs(["Nội"], 200.0, 0) + glyphs(["Ghi"], 400.0, 0)
    assert len(_quick_segments(columns, [])) == 3


def test_a_stretched_line_after_a_word_list_number_is_one_run_of_words():
    from kehoach.parsers.pdf.segments import _quick_segments, _segments

    # Word's own list number ("a)", "1.", "-") keeps its separator as it is; only the spaces of
    # the text after it are widened
    numbered = glyphs(["a)"], 85.0, 3.5) + glyphs(["Chủ", "trì", "triển", "khai", "các", "nhiệm"], 102.0, 40.2)
    for segment in (_quick_segments, _segments):
        (seg,) = segment(numbered, [])
        assert seg.text == "a) Chủ trì triển khai các nhiệm" and seg.stretched
    # a first word that is not a list mark keeps the line in columns
    label = glyphs(["Ghi"], 85.0, 3.5) + glyphs(["chú", "Quý", "Năm"], 113.0, 40.2)
    for segment in (_quick_segments, _segments):
        assert len(segment(label, [])) == 3


def test_a_two_word_line_stretched_by_a_line_break_is_one_run_of_words():
    from kehoach.parsers.pdf.line_layouts import join_stretched_pairs
    from kehoach.parsers.pdf.zones import find_zones

    # a line break after two words of a justified paragraph widens its one space to the whole
    # measure: "bảo" at the margin, "vệ" on the right margin; it read as a two-column zone and
    # "vệ" landed after the next line ("… bảo bí mật nhà nước … vệ")
    def pair(left: str, right: str, n: int, x0: float = GEOM.left, x1: float = GEOM.right) -> Line:
        ln = line(left, x0, x0 + 7.0 * len(left), n)
        ln.segs.append(line(right, x1 - 7.0 * len(right), x1, n).segs[0])
        return ln

    def read(lines: list[Line]) -> list[str]:
        join_stretched_pairs(lines, GEOM)
        assert find_zones(lines, GEOM) == []
        return [p.text for p in body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))]

    body = [
        line("của UBND tỉnh về thực hiện công tác", GEOM.left, GEOM.right, 0),
        pair("bảo", "vệ", 1),
        line("bí mật nhà nước năm 2025.", GEOM.left, 300.0, 2),
    ]
    assert read(body) == ["của UBND tỉnh về thực hiện công tác bảo vệ bí mật nhà nước năm 2025."]
    assert body[1].stretched
    # Word's list number before the first word: "4. Sở" … "Tài" / "chính"
    heading = [pair("4. Sở", "Tài", 0, x0=GEOM.left + 28.0), line("chính", GEOM.left, 120.0, 1)]
    assert read(heading) == ["4. Sở Tài chính"]

    # columns stay columns: several words on a side, a side short of the margin, or nothing
    # going on at the margin below
    for lines in (
        [pair("Số: 12/KH-UBND", "Hà", 0), line("chính", GEOM.left, 120.0, 1)],
        [pair("bảo", "vệ", 0, x1=GEOM.right - 40.0), line("chính", GEOM.left, 120.0, 1)],
        [pair("bảo", "vệ", 0), line("chính", GEOM.left + 200.0, 420.0, 1)],
    ):
        join_stretched_pairs(lines, GEOM)
        assert len(lines[0].segs) == 2


def test_a_stretched_recipients_label_is_not_the_signature_gutter():
    from kehoach.parsers.pdf.line_layouts import join_stretched_pairs
    from kehoach.parsers.pdf.zones import find_zones, zone_paragraphs

    # "Nơi nhận:" justified in the signature table's left cell, a line break after it: its one
    # space widened to the cell's edge, wider than the gutter beside the signer's column
    def row(parts: list[tuple[str, float, float]], n: int) -> Line:
        segs = [line(t, x0, x1, n).segs[0] for t, x0, x1 in parts]
        return Line(segs=segs, page=1, index=n + 1)

    lines = [
        row([("Nơi", 90.6, 109.0), ("nhận:", 257.2, 287.1), ("KT. CHỦ TỊCH", 372.1, 469.6)], 0),
        row([("- Thường trực Tỉnh ủy;", 90.6, 192.6), ("PHÓ CHỦ TỊCH", 368.6, 472.7)], 1),
        row([("- Lưu: VT.", 90.6, 150.0)], 2),
    ]
    join_stretched_pairs(lines, GEOM)
    (zone,) = find_zones(lines, GEOM)
    texts = [p.text for p in zone_paragraphs(lines, zone, GEOM)]
    assert texts[0].startswith("Nơi nhận:") and "KT. CHỦ TỊCH" in texts and "nhận: KT. CHỦ TỊCH" not in texts


def test_header_columns_centred_on_two_axes_are_a_zone_without_a_common_gutter():
    from kehoach.parsers.pdf.zones import find_zones, zone_paragraphs

    # a header set with centred tab stops: the left column's long line ("SỞ THÔNG TIN VÀ TRUYỀN
    # THÔNG") reaches past where the motto starts, so no gap is common to the three lines, and
    # the number line (its number left blank: "Số:      /KH-STTTT") stands apart below; every
    # line's two sides are centred on the same two axes
    def row(parts: list[tuple[str, float, float]], top: float) -> Line:
        segs = [Seg(x0, x1, top, top + 12.0, t, 12.0, 1.0, 0.0, "Times", 30.0, nchars=len(t)) for t, x0, x1 in parts]
        return Line(segs=segs, page=1)

    lines = [
        row([("UBND TỈNH HẢI DƯƠNG", 130.1, 267.0), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 277.5, 527.6)], 61.6),
        row([("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", 93.7, 303.2), ("Độc lập – Tự do – Hạnh phúc", 327.2, 478.0)], 77.4),
        row(
            [("Số:", 146.7, 162.7), ("/KH-STTTT", 189.7, 250.3), ("Hải Dương, ngày 6 tháng 7 năm 2022", 308.2, 497.1)],
            108.0,
        ),
        row([("KẾ HOẠCH", 273.6, 350.1)], 147.7),
    ]
    (zone,) = find_zones(lines, GEOM)
    assert (zone.start, zone.end) == (0, 3)
    texts = [p.text for p in zone_paragraphs(lines[:3], zone, GEOM)]
    assert texts[:3] == ["UBND TỈNH HẢI DƯƠNG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Số: /KH-STTTT"]  # left column first
    # lines whose columns are not centred alike join only by a common gutter, as before
    lines[1].segs[1].x0, lines[1].segs[1].x1 = 337.2, 488.0
    assert find_zones(lines, GEOM) == []


def test_a_condensed_line_keeps_its_word_spaces():
    from kehoach.parsers.pdf.segments import _quick_segments, _segments, _space_index

    # Word's "condensed by 1 pt" (the header's long lines: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    # starts every glyph, the space glyphs too, 1 pt before the one before it ends
    letters, spaces, x = [], [], 100.0
    for word in ("HẢI", "DƯƠNG", "CỘNG", "HÒA"):
        for ch in word:
            letters.append(dict(glyphs([ch], x, 0.0)[0], x1=x + 9.4))
            x += 8.4
        spaces.append(dict(glyphs([" "], x - 0.03, 0.0)[0], x1=x + 3.2))
        x += 2.2
    space_x = _space_index(spaces)
    for segment in (_quick_segments, _segments):
        assert [s.text for s in segment(letters, space_x)] == ["HẢI DƯƠNG CỘNG HÒA"]
    # normal spacing: a space glyph reaching 1 pt into the letter before it is not a word space
    tight = glyphs(["AB"], 100.0, 0.0)
    assert [s.text for s in _quick_segments(tight, _space_index(glyphs([" "], 105.5, 0.0)))] == ["AB"]


def test_the_national_motto_starts_a_column_of_its_own():
    from kehoach.parsers.pdf.geometry import PageGeom
    from kehoach.parsers.pdf.segments import _quick_segments, _segments
    from kehoach.parsers.pdf.zones import find_zones, zone_paragraphs

    # the header's two columns set so close that the issuer's line runs into the Quốc hiệu:
    # 12 pt between them, under the 22 pt of a segment gap
    issuer = glyphs(["ỦY", "BAN", "XÃ", "PHỐ", "BẢNG"], 82.0, 3.5)
    motto = glyphs(["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"], issuer[-1]["x1"] + 12.0, 3.5)
    for segment in (_quick_segments, _segments):
        assert [s.text for s in segment(issuer + motto, [])] == [
            "ỦY BAN XÃ PHỐ BẢNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ]
    # a title that names the country keeps its ordinary word spaces: one segment
    title = glyphs(["KỶ", "NIỆM", "NGÀY", "THÀNH", "LẬP", "NƯỚC", "CỘNG", "HÒA", "XÃ", "HỘI"], 82.0, 3.5)
    assert len(_quick_segments(title, [])) == 1
    # the line goes to the header zone the line below opens: issuer left, motto right
    second = glyphs(["TIỂU", "BAN", "TIN"], 96.0, 3.5, top=116.0) + glyphs(
        ["Độc", "lập", "-", "Tự", "do", "-", "Hạnh", "phúc"], 360.0, 3.5, top=116.0
    )
    lines = [Line(segs=_quick_segments(issuer + motto, []), page=1, index=1)]
    lines.append(Line(segs=_quick_segments(second, []), page=1, index=2))
    geom = PageGeom(number=1, width=595.0, height=842.0, left=82.0, right=560.0, measured=True)
    (zone,) = find_zones(lines, geom)
    assert (zone.start, zone.end) == (0, 2)
    texts = [p.text for p in zone_paragraphs(lines, zone, geom)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts[-2] and texts[0].startswith("ỦY BAN XÃ PHỐ BẢNG")


def test_the_motto_is_found_when_glyphs_map_to_a_letter_and_its_tone_mark():
    """A plan typed with its tone marks apart (Unikey's "Unicode tổ hợp") is drawn with the
    composed glyphs, each mapped to a letter and a combining mark ("Ô" + dot below): composed
    when read (glyph_text.mend), the issuer's line still lets go of the Quốc hiệu beside it."""
    from helpers import tones_apart
    from kehoach.parsers.pdf.glyph_text import mend
    from kehoach.parsers.pdf.segments import _quick_segments, _segments

    issuer = glyphs(["ỦY", "BAN", "NHÂN", "DÂN"], 82.0, 3.5)
    motto = glyphs(["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"], issuer[-1]["x1"] + 12.0, 3.5)
    line_glyphs = issuer + motto
    for g in line_glyphs:
        g["text"] = tones_apart(g["text"])
    assert sum(len(g["text"]) == 2 for g in line_glyphs) == 8  # Ủ Ộ Ò Ã Ộ Ủ Ĩ Ệ
    assert mend(line_glyphs) == (0, 0, "")
    for segment in (_quick_segments, _segments):
        assert [s.text for s in segment(line_glyphs, [])] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_a_number_range_wrapped_before_its_dash_continues_the_item():
    """ "… giai đoạn 2026" / "- 2030; thông báo …": the wrap fell inside a range of years, and
    the dash that opens the next line at the margin is the range's, not a new item's (the
    items of the list start at their indent). A dash item at the indent is still an item."""
    indent = GEOM.left + 28.0
    lines = [
        line("+ Lập, giao kế hoạch đầu tư công trung hạn giai đoạn 2026", indent, GEOM.right, 0),
        line("- 2030; thông báo tổng mức vốn giai đoạn 2025 - 2030 theo quy định;", GEOM.left, 420.0, 1),
        line("- 2031 là năm đầu tiên của giai đoạn tiếp theo.", indent, 400.0, 2),
    ]
    paras = body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))
    assert [p.text for p in paras] == [
        "+ Lập, giao kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030; thông báo tổng mức vốn giai đoạn"
        " 2025 - 2030 theo quy định;",
        "- 2031 là năm đầu tiên của giai đoạn tiếp theo.",
    ]
    # a full line that ends a sentence, or no number before the dash: the dash opens an item
    for first in ("+ Lập kế hoạch đầu tư công trung hạn giai đoạn 2026.", "+ Lập kế hoạch đầu tư công trung hạn"):
        lines = [line(first, indent, GEOM.right, 0), line("- 2030 là năm cuối.", GEOM.left, 300.0, 1)]
        assert len(body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))) == 2
    # paragraphs without a first-line indent: the range goes on all the same; a word after the
    # dash at the margin opens an item there
    lines = [
        line("Căn cứ Kế hoạch, thực hiện công tác bầu cử nhiệm kỳ 2026", GEOM.left, GEOM.right, 0),
        line("- 2031 trên địa bàn thôn.", GEOM.left, 300.0, 1),
    ]
    (para,) = body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))
    assert para.text == "Căn cứ Kế hoạch, thực hiện công tác bầu cử nhiệm kỳ 2026 - 2031 trên địa bàn thôn."
    lines = [
        line("- Chủ trì, phối hợp với các cơ quan tuyên truyền: Báo, Đài Phát thanh", GEOM.left, GEOM.right, 0),
        line("- Truyền hình tỉnh.", GEOM.left, 300.0, 1),
    ]
    assert len(body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))) == 2


def test_a_word_that_would_have_fit_a_cell_by_less_than_half_an_em_wrapped():
    """A cell's inner margins and indents are not drawn, so its measure is a guess: a name
    wrapped in a narrow centred cell ("Thầy Lê" / "Thanh Cường": the next word would have fit
    by 1 pt of the guess) is one line of text; a short unit over the next unit is two."""
    from kehoach.parsers.pdf.tables import _cell_break

    right, width = 534.7, 89.8  # the guessed measure: 6 pt padding each side
    prev = line("Thầy Lê", 468.2, 514.7, 0)
    nxt = line("Thanh Cường", 466.0, 516.0, 1)
    nxt.segs[0].first_word_w = 36.8
    assert not _cell_break(prev, nxt, right, width)
    unit = line("Sở Tư pháp", 458.0, 522.0, 0)
    other = line("Sở Nội vụ", 460.0, 520.0, 1)
    other.segs[0].first_word_w = 14.0
    assert _cell_break(unit, other, right, width)


def test_a_compound_wrapped_before_its_dash_continues_the_item():
    """ "… Báo, Đài Phát thanh" / "- Truyền hình tỉnh …", "chính trị" / "- xã hội": the wrap fell
    before the dash of a name or a compound, and the line goes on at the margin, where a wrapped
    line goes; an item of the list starts at the indent."""
    indent = GEOM.left + 28.0
    lines = [
        line("- Chủ trì, phối hợp với các cơ quan tuyên truyền: Báo, Đài Phát thanh", indent, GEOM.right, 0),
        line("- Truyền hình tỉnh, Cổng thông tin điện tử của tỉnh.", GEOM.left, 380.0, 1),
        line("- Các tổ chức chính trị", indent, GEOM.right, 2),
        line("- xã hội phối hợp thực hiện.", GEOM.left, 330.0, 3),
    ]
    paras = body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))
    assert [p.text for p in paras] == [
        "- Chủ trì, phối hợp với các cơ quan tuyên truyền: Báo, Đài Phát thanh - Truyền hình tỉnh, Cổng thông"
        " tin điện tử của tỉnh.",
        "- Các tổ chức chính trị - xã hội phối hợp thực hiện.",
    ]
    # after a line that ends a sentence, a line that ends short, or at the indent: a new item
    for first, x1, x0 in (
        ("- Chủ trì, phối hợp với các cơ quan tuyên truyền: Báo, Đài Phát thanh;", GEOM.right, GEOM.left),
        ("- Chủ trì, phối hợp với các cơ quan tuyên truyền", 400.0, GEOM.left),
        ("- Chủ trì, phối hợp với các cơ quan tuyên truyền: Báo, Đài Phát thanh", GEOM.right, indent),
    ):
        lines = [line(first, indent, x1, 0), line("- Truyền hình tỉnh.", x0, 300.0, 1)]
        assert len(body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))) == 2, (first, x1, x0)


def test_a_name_wrapped_before_its_dash_in_a_cell_is_one_line():
    """ "Lãnh đạo UBND phường Xuân Hương" / "- Đà Lạt" in a cell whose first line has no list
    mark: the dash is the name's (the line above is full and ends no sentence). In a cell
    listed with dashes, or after a line that ends short, a dash opens an item."""
    from kehoach.parsers.pdf.tables import _cell_break

    right, width = 534.7, 120.0
    first = line("Lãnh đạo UBND phường Xuân Hương", 414.0, 533.0, 0)
    dash = line("- Đà Lạt", 414.0, 450.0, 1)
    assert not _cell_break(first, dash, right, width, first)
    listed = line("- Sở Tư pháp, Sở Nội vụ, UBND các", 414.0, 533.0, 0)
    assert _cell_break(listed, dash, right, width, listed)
    short = line("Lãnh đạo UBND phường", 414.0, 480.0, 0)
    assert _cell_break(short, dash, right, width, short)
    ended = line("Lãnh đạo UBND phường Xuân Hương;", 414.0, 533.0, 0)
    assert _cell_break(ended, dash, right, width, ended)


def test_a_quoc_hieu_wrapped_over_two_lines_keeps_the_issuer_beside_it_in_its_zone():
    """ "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM": the right column's first line wraps, and its last
    word stands alone on the second line, with no gap; the lines above it that share the gutter
    still belong to the header zone (the issuer's first line was read as one body line with
    the Quốc hiệu)."""
    from kehoach.parsers.pdf.geometry import PageGeom
    from kehoach.parsers.pdf.segments import _quick_segments
    from kehoach.parsers.pdf.zones import find_zones, zone_paragraphs

    issuer = glyphs(["ỦY", "BAN", "NHÂN", "DÂN"], 96.0, 3.5, top=60.0)
    rows = [
        # 33 pt between the issuer and the Quốc hiệu: too narrow to open a zone on its own
        issuer + glyphs(["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT"], issuer[-1]["x1"] + 33.0, 3.5, top=60.0),
        glyphs(["NAM"], 380.0, 3.5, top=76.0),
        glyphs(["TỈNH", "HẢI", "DƯƠNG"], 96.0, 3.5, top=92.0)
        + glyphs(["Độc", "lập", "-", "Tự", "do", "-", "Hạnh", "phúc"], 290.0, 3.5, top=92.0),
        glyphs(["Số:", "/KH-UBND"], 96.0, 3.5, top=116.0) + glyphs(["Hải", "Dương,", "ngày"], 300.0, 3.5, top=116.0),
    ]
    lines = [Line(segs=_quick_segments(r, []), page=1, index=k + 1) for k, r in enumerate(rows)]
    geom = PageGeom(number=1, width=595.0, height=842.0, left=85.0, right=540.0, measured=True)
    (zone,) = find_zones(lines, geom)
    assert (zone.start, zone.end) == (0, 4)
    texts = [p.text for p in zone_paragraphs(lines, zone, geom)]
    assert texts[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" in texts  # the right column's (header.merge_wrapped joins "NAM")


def test_a_long_recipient_beside_the_signature_stays_in_the_left_column():
    """Nơi nhận (11 pt, at the margin) beside the signature: an item long enough that its middle
    is nearer the page centre than the column's first line still starts where the column's lines
    start, right under the line before; the zone goes on to the signer's name beside it, which
    was read into that item ("… theo hướng dẫn - Nguyễn Cao Thắng của Đài PT …")."""
    from kehoach.parsers.pdf.geometry import PageGeom
    from kehoach.parsers.pdf.zones import find_zones, zone_paragraphs

    def seg(text: str, x0: float, x1: float, n: int, size: float = 11.0) -> Seg:
        top = 500.0 + n * 12.7
        return Seg(x0, x1, top, top + size, text, size, 0.0, 0.0, "Arial", first_word_w=size * 2, nchars=len(text))

    rows = [
        [seg("Nơi nhận:", 85.2, 136.9, 0), seg("GIÁM ĐỐC", 418.0, 489.5, 0, 14.0)],
        [seg("- Lãnh đạo Sở;", 85.2, 158.4, 1)],
        [seg("- UBND cấp huyện (để p/h chỉ đạo P.VHTT và Đài", 85.2, 341.4, 2)],
        [seg("PT);", 85.2, 105.9, 3)],
        [
            seg("- Đài Truyền thanh cấp xã (để t/h theo hướng dẫn -", 85.2, 341.5, 4),
            seg("Nguyễn Cao Thắng", 390.0, 517.4, 4, 14.0),
        ],
        [seg("của Đài PT cấp huyện trên địa bàn);", 85.2, 261.2, 5)],
    ]
    lines = [Line(segs=r, page=1, index=k + 1) for k, r in enumerate(rows)]
    geom = PageGeom(number=1, width=595.0, height=842.0, left=85.0, right=538.0, measured=True)
    (zone,) = find_zones(lines, geom)
    assert (zone.start, zone.end) == (0, 6)
    texts = [p.text for p in zone_paragraphs(lines, zone, geom)]
    assert "Nguyễn Cao Thắng" in texts and not any("dẫn - Nguyễn" in t for t in texts)


def test_the_raised_prime_of_minutes_stays_in_its_line():
    """ "20 giờ 45’": the prime is set small (8 pt) and raised; a PDF rewritten by Ghostscript or
    cairo raises it 1 pt more than LibreOffice does, its middle falls out of the line's, and it
    became a line of its own, read before the number ("20 giờ ’ 45"). Like a footnote mark, it
    joins the line of normal text it overlaps."""
    from kehoach.parsers.pdf.lines import group_lines

    above = glyphs(["Từ", "20", "giờ", "15’-", "20", "giờ"], 300.0, 3.5, top=353.9)
    words = glyphs(["45"], 300.0, 3.5, top=370.0)
    prime = dict(words[-1], text="’", x0=words[-1]["x1"], x1=words[-1]["x1"] + 2.7, top=369.0, bottom=377.1, size=8.1)
    after = glyphs(["ngày", "23"], prime["x1"] + 3.5, 3.5, top=370.0)
    lines = group_lines(above + words + [prime] + after, 1)
    assert [ln.text for ln in lines] == ["Từ 20 giờ 15’- 20 giờ", "45’ ngày 23"]


def test_a_stretched_line_ends_at_a_line_break_inside_its_paragraph():
    indent = GEOM.left + 28.0
    first = line("- Đơn vị chủ trì: Sở Khoa học", indent, GEOM.right, 0)
    first.segs[0].stretched = True
    lines = [first, line("và Công nghệ.", GEOM.left, 160.0, 1)]
    (para,) = body_paragraphs(lines, {1: GEOM}, Metrics(body_size=SIZE))
    assert para.lines == ["- Đơn vị chủ trì: Sở Khoa học", "và Công nghệ."]  # as the DOCX's <w:br/> gives them


def test_the_closing_paragraph_glued_to_the_last_duty_is_not_part_of_it():
    from kehoach import api

    # a PDF whose paragraphs have neither indent nor spacing reads the closing into the duty above
    text = (
        "KẾ HOẠCH\nTruyền thông về giảm nghèo năm 2025\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Ủy ban nhân dân cấp xã\n\nXây dựng kế hoạch truyền thông và gửi về Sở Nông nghiệp và Môi trường. "
        "Trên đây là Kế hoạch truyền thông về giảm nghèo năm 2025; trong quá trình thực hiện, nếu có vướng mắc, "
        "đề nghị các cơ quan kịp thời phản ánh./.\n"
    )
    (task,) = [t for t in api.parse_text(text, name="fragment.txt").tasks if t.origin == "assignment"]
    assert task.content == "Xây dựng kế hoạch truyền thông và gửi về Sở Nông nghiệp và Môi trường."


def test_the_issuers_request_and_the_report_invitation_close_the_plan():
    from kehoach import api

    # two more closing formulas after the last unit's duty, each ending the body with "./.":
    # the issuer's own request and the invitation to report problems; as a paragraph of their
    # own, or glued to the duty's paragraph (a PDF without paragraph spacing or indent)
    closings = (
        "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan kịp thời báo cáo Ủy ban"
        " nhân dân tỉnh (qua Sở Tư pháp) để xem xét, giải quyết./.",
    )
    for closing in closings:
        for joint in ("\n\n", " "):
            text = (
                "KẾ HOẠCH\nTriển khai Luật\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp\n\n"
                f"Chủ trì hướng dẫn, kiểm tra việc thực hiện Kế hoạch này.{joint}{closing}\n"
            )
            (task,) = api.parse_text(text, name="fragment.txt").tasks
            assert task.content == "Chủ trì hướng dẫn, kiểm tra việc thực hiện Kế hoạch này.", repr(joint)
    # a duty that ends the body itself stays that unit's duty
    text = (
        "KẾ HOẠCH\nTriển khai Luật\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp\n\n"
        "Chủ trì hướng dẫn, kiểm tra việc thực hiện Kế hoạch này./.\n"
    )
    (task,) = api.parse_text(text, name="fragment.txt").tasks
    assert task.content.startswith("Chủ trì hướng dẫn")


def test_a_signature_paragraph_opening_with_an_empty_line_still_ends_the_body():
    from kehoach.blocks import Document, Paragraph
    from kehoach.plan.build import build_plan

    # a flattened signature cell whose first line is an empty bold run: "* *" / "Nơi nhận:"
    blocks = [
        Paragraph(text="KẾ HOẠCH"),
        Paragraph(text="I. TỔ CHỨC THỰC HIỆN"),
        Paragraph(text="1. Sở Tư pháp chủ trì hướng dẫn thực hiện Kế hoạch này."),
        Paragraph(text="* * Nơi nhận:", lines=["* *", "Nơi nhận:"]),
        Paragraph(text="- Văn phòng UBND tỉnh: V, CB;"),
        Paragraph(text="TM. ỦY BAN NHÂN DÂN", role="layout"),
    ]
    plan = build_plan(Document(blocks=blocks))
    assert [t.content for t in plan.tasks] == ["Sở Tư pháp chủ trì hướng dẫn thực hiện Kế hoạch này."]


def test_a_ruled_cong_van_header_keeps_its_subject_lines_together():
    """A Công văn whose header table a PDF read line by line (blocks.Cell.drawn): the "V/v" lines
    of one cell go on while the line above ends no sentence, a capitalised word included ("… các
    chỉ số PAR" / "Index, SIPAS, PAPI …"); the next field ("Kính gửi:") ends it."""
    from kehoach.blocks import Cell, Document, Paragraph, Provenance, Row, Table
    from kehoach.parsers.layout_tables import flatten_layout
    from kehoach.plan.build import build_plan

    left = [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM ĐỒNG",
        "Số: 12/UBND-NC",
        "V/v cải thiện các chỉ số PAR",
        "Index, SIPAS, PAPI của tỉnh",
    ]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 05 tháng 3 năm 2025"]
    table = Table(
        rows=[Row(cells=[Cell(lines=[" ".join(left)], drawn=left), Cell(lines=[" ".join(right)], drawn=right)])],
        prov=Provenance(page=1, table=1, source="pdf"),
    )
    body = [
        Paragraph(text=t)
        for t in ("Kính gửi: Các sở, ban, ngành.", "Ủy ban nhân dân tỉnh đề nghị các cơ quan thực hiện.")
    ]
    plan = build_plan(Document(blocks=[*flatten_layout(table, source="pdf"), *body]))
    assert plan.header.title == "cải thiện các chỉ số PAR Index, SIPAS, PAPI của tỉnh"
    assert (plan.header.issuer, plan.header.number) == ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "12/UBND-NC")


def test_a_party_committees_header_table_is_layout_even_drawn_with_its_grid(tmp_path):
    """A Party committee's header table ("ĐẢNG CỘNG SẢN VIỆT NAM" where the Quốc hiệu stands, the
    number without its colon, "Số 12-KH/ĐU") drawn with its borders: still layout, in the DOCX and
    in its text form."""
    from docx import Document as Docx

    from kehoach import api

    d = Docx()
    t = d.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).text = "HUYỆN ỦY ĐỒNG VĂN\nĐẢNG ỦY XÃ LŨNG CÚ\n*\nSố 12-KH/ĐU"
    t.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM\nLũng Cú, ngày 05 tháng 3 năm 2025"
    for text in ("KẾ HOẠCH", "Học tập nghị quyết Đại hội", "I. MỤC ĐÍCH", "Các chi bộ học tập đầy đủ."):
        d.add_paragraph(text)
    d.save(str(tmp_path / "party.docx"))
    h = api.parse(tmp_path / "party.docx").header
    assert (h.issuer, h.issuer_parent, h.place) == ("ĐẢNG ỦY XÃ LŨNG CÚ", "HUYỆN ỦY ĐỒNG VĂN", "Lũng Cú")
    from kehoach.blocks import Cell, Provenance, Row, Table
    from kehoach.parsers.layout_tables import is_layout_table

    cells = [
        Cell(lines=["HUYỆN ỦY ĐỒNG VĂN ĐẢNG ỦY XÃ LŨNG CÚ * Số 12-KH/ĐU"]),
        Cell(lines=["ĐẢNG CỘNG SẢN VIỆT NAM Lũng Cú, ngày 05 tháng 3 năm 2025"]),
    ]
    assert is_layout_table(Table(rows=[Row(cells=cells)], prov=Provenance(table=1)))


def test_a_signature_table_whose_authority_lost_its_dot_is_layout():
    """ "KT GIÁM ĐỐC" (the dot of "KT." dropped) is the signature's mark as "KT. GIÁM ĐỐC" is: with the
    place-date or the recipients beside it, the table is layout."""
    from kehoach.blocks import Cell, Provenance, Row, Table
    from kehoach.parsers.layout_tables import is_layout_table

    cells = [Cell(lines=["Số: 12/KH-TTĐĐ"]), Cell(lines=["KT GIÁM ĐỐC PHÓ GIÁM ĐỐC Phan Sỹ Bách"])]
    assert is_layout_table(Table(rows=[Row(cells=cells)], prov=Provenance(table=1)))


def test_a_cell_overleaf_opening_with_a_slash_goes_on_the_cell_above():
    """ "Tháng" / "/2012" (a draft's blank month, its year on the next line, the line pushed
    overleaf): no cell's text starts with a slash, so it goes on the time cell above even though
    that cell had room and the finished row's lead cell did not — not a sub-row of its own."""
    head = ["Stt", "Hạng mục công việc", "Đơn vị thực hiện", "Thời gian thực hiện"]
    last = frow(["4", "Thực hiện khảo sát", "Trung tâm CNTT Tây Bắc", "Tháng"], 1, 700, room=True)
    last.cells[2].room = False  # the lead cell filled the row down to the break
    first = frag([frow(head, 1, 100), last], 1)
    over = frow(["", "", "", "/2012"], 2, 50)
    second = frag(
        [over, frow(["5", "Lập báo cáo kết quả khảo sát", "Trung tâm CNTT Tây Bắc", "Tháng /2012"], 2, 70)], 2
    )
    rows = join_fragments([first, second])
    assert [r.cells[0].text for r in rows] == ["Stt", "4", "5"]
    assert rows[1].cells[3].text == "Tháng /2012"


def test_a_time_range_left_open_at_the_page_break_is_glued_back():
    """ "7h00 -" above the break (the cell had room: the range's end was pushed overleaf with its
    line), "7h15" overleaf: a range left open goes on, so the row is the one above."""
    first = frag([frow(HEADER, 1, 100), frow(["7h00 -", "Ổn định tổ chức", "GVCN các lớp"], 1, 700, room=True)], 1)
    second = frag(
        [
            frow(HEADER, 2, 50),
            frow(["7h15", "", ""], 2, 70),
            frow(["7h15 - 8h00", "Chuyên đề 3", "Đoàn trường"], 2, 90),
        ],
        2,
    )
    rows = join_fragments([first, second])
    assert [r.cells[0].text for r in rows[1:]] == ["7h00 - 7h15", "7h15 - 8h00"]


def test_people_one_a_line_in_a_narrow_cell_stay_apart():
    """ "Đỗ Mạnh Cường" / "Vũ Việt Linh" in a column so narrow that each name nearly fills it:
    the next name would not have fit after the one above, yet a full name followed by a line
    that opens another is a break, not a wrap; "Nguyễn Thị thúy" / "Nhung" is one name wrapped."""
    from kehoach.parsers.pdf.tables import _cell_break

    right, width = 195.0, 95.0
    assert _cell_break(line("Đỗ Mạnh Cường", 100, 190, 0), line("Vũ Việt Linh", 100, 185, 1), right, width)
    assert not _cell_break(line("Nguyễn Thị thúy", 100, 192, 0), line("Nhung", 100, 130, 1), right, width)
    assert not _cell_break(line("Trung tâm Phát triển", 100, 192, 0), line("Nguyễn Huệ", 100, 160, 1), right, width)
