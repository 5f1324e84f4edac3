"""Tables in every shape they reach us (issue 10, point 2).

One minimal inline fragment per behaviour: tables flattened one cell per line (after a
one-row header table, or with the header names one a line), tables of lone "|" lines,
inspection/schedule tables with no task column, headers wrapped over two rows, merged
sub-rows, `pdftotext -layout` tables, and the `table-no-tasks` diagnostic. Then end-to-end
checks on real documents of several issuers.
"""

from __future__ import annotations

from kehoach import api
from kehoach.blocks import Cell, Row, Table
from kehoach.parsers.text import parse_string
from kehoach.plan.table_map import map_table
from kehoach.plan.tables import tasks_from_table

APPENDIX = (
    "KẾ HOẠCH\n"  # the type line: "|" zones before it are the header table
    "Triển khai nhiệm vụ năm 2025\n\n"
    "PHỤ LỤC\n"
    "DANH MỤC NHIỆM VỤ\n"
    "(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/3/2025 của UBND tỉnh)\n\n"
)


def table_tasks(text: str):
    plan = api.parse_text(APPENDIX + text)
    return [t for t in plan.tasks if t.origin == "appendix"], plan


def names(units) -> list[str]:
    return [u.name for u in units]


def C(text: str = "", up: bool = False) -> Cell:
    return Cell(lines=[text] if text else [], merged_up=up)


# --- one cell per line, after a header table -------------------------------------------------

ONE_PER_LINE = """| TT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp |
| --- | --- | --- | --- |
Thời gian hoàn thành
1
Tuyên truyền về chuyển đổi số
a)
Tổ chức hội nghị quán triệt kế hoạch.
Sở Khoa học và Công nghệ
Sở Nội vụ; các sở, ngành
Quý II/2025
b)
Xây dựng chuyên mục trên Cổng thông tin điện tử tỉnh và cập nhật
Trung tâm Truyền thông tỉnh, Sở
Các sở, ngành
Thường xuyên
tin bài hằng tháng.
Khoa học và Công nghệ
2
Tổng kết, đánh giá việc thực hiện kế hoạch.
Sở Khoa học và Công nghệ
UBND các huyện
Tháng 12/2025
"""


def test_one_cell_per_line_rebuilt_from_a_header_table_and_row_numbers():
    tasks, _ = table_tasks(ONE_PER_LINE)
    assert [(t.number, t.content) for t in tasks] == [
        ("a)", "Tổ chức hội nghị quán triệt kế hoạch."),
        ("b)", "Xây dựng chuyên mục trên Cổng thông tin điện tử tỉnh và cập nhật tin bài hằng tháng."),
        ("2", "Tổng kết, đánh giá việc thực hiện kế hoạch."),
    ]
    a, b, two = tasks
    # the last header name ("Thời gian hoàn thành") came on the line after the header row
    assert a.timeline.raw == "Quý II/2025"
    assert names(a.lead) == ["Sở Khoa học và Công nghệ"]
    assert names(a.support) == ["Sở Nội vụ", "các sở, ngành"]
    # "1" with only its content, over "a)" "b)": a heading of the rows below, then "2" leaves it
    assert a.group == b.group == "Tuyên truyền về chuyển đổi số"
    assert two.group is None
    assert two.timeline.raw == "Tháng 12/2025" and names(two.support) == ["UBND các huyện"]


def test_wrapped_cell_ends_go_back_to_their_cells():
    tasks, plan = table_tasks(ONE_PER_LINE)
    b = tasks[1]
    # a lower-case line continues the sentence; "Khoa học …" continues the unit cut after "Sở"
    assert " ".join(names(b.lead)) in (
        "Trung tâm Truyền thông tỉnh, Sở Khoa học và Công nghệ",
        "Trung tâm Truyền thông tỉnh Sở Khoa học và Công nghệ",
    )
    assert names(b.support) == ["Các sở, ngành"]
    assert b.timeline.raw == "Thường xuyên"
    assert not [d for d in plan.diagnostics if d.code == "table-rebuilt-guess"]


def test_header_names_one_a_line_with_a_name_wrapped_over_two_lines():
    tasks, _ = table_tasks(
        "STT\nNhiệm vụ\nCơ quan\nchủ trì\nThời gian\n"
        "1\nRà soát thủ tục hành chính\nVăn phòng UBND tỉnh\nQuý I/2025\n"
        "2\nCông bố danh mục thủ tục\nSở Tư pháp\nQuý II/2025\n"
    )
    assert [(t.content, names(t.lead), t.timeline.raw) for t in tasks] == [
        ("Rà soát thủ tục hành chính", ["Văn phòng UBND tỉnh"], "Quý I/2025"),
        ("Công bố danh mục thủ tục", ["Sở Tư pháp"], "Quý II/2025"),
    ]


def test_a_number_that_does_not_follow_is_a_cell_not_a_row():
    tasks, _ = table_tasks(
        "STT\nNội dung\nĐơn vị chủ trì\nSố lượng\n"
        "1\nIn tờ gấp tuyên truyền\nPhòng Văn hóa\n1\n"
        "2\nTreo băng rôn\nUBND các xã\n2\n"
    )
    # "1" after row 1 and "2" after row 2 do not follow: they are the "Số lượng" cells
    assert [t.content for t in tasks] == ["In tờ gấp tuyên truyền", "Treo băng rôn"]


# --- lone "|" lines -------------------------------------------------------------------------

PIPES = (
    "\n".join(
        [
            "|",
            "**STT**",
            "|",
            "**NHIỆM VỤ**",
            "|",
            "**CHỦ TRÌ**",
            "|",
            "**PHỐI HỢP**",
            "|",
            "**THỜI GIAN**",
            "|",
            "|",
            "**I**",
            "|",
            "**NHÓM GIẢI PHÁP VỀ**",
            "**CƠ CHẾ CHÍNH SÁCH**",
            "|",
            "|",
            "1",
            "|",
            "Rà soát cơ chế, chính sách khuyến khích",
            "xã hội hóa.",
            "|",
            "Sở Tài chính",
            "|",
            "Sở, ban, ngành có liên quan",
            "|",
            "Thường xuyên",
            "|",
            "|",
            "2",
            "|",
            "Đề xuất giải pháp cải thiện môi trường đầu tư.",
            "|",
            "Sở Tài chính",
            "|",
            "|",
            "2026",
            "|",
        ]
    )
    + "\n"
)


def test_pipe_cells_rebuilt_with_group_rows_and_wrapped_cells():
    tasks, _ = table_tasks(PIPES)
    assert [(t.group, t.number, t.content) for t in tasks] == [
        ("NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH", "1", "Rà soát cơ chế, chính sách khuyến khích xã hội hóa."),
        ("NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH", "2", "Đề xuất giải pháp cải thiện môi trường đầu tư."),
    ]
    one, two = tasks
    # a wrapped unit name stays one unit; an empty cell keeps the columns in place
    assert names(one.support) == ["Sở, ban, ngành có liên quan"]
    assert two.support == [] and two.timeline.raw == "2026"
    assert names(two.lead) == ["Sở Tài chính"]


def test_pipe_table_without_a_task_column_is_left_alone():
    scoring = (
        "\n".join(
            [
                "|",
                "STT",
                "|",
                "TIÊU CHÍ THI ĐUA",
                "|",
                "ĐIỂM CHUẨN",
                "|",
                "|",
                "1",
                "|",
                "Tỷ lệ người được tuyên truyền",
                "|",
                "20",
                "|",
            ]
        )
        + "\n"
    )
    tasks, _ = table_tasks(scoring)
    assert tasks == []


# --- schedule and inspection tables ---------------------------------------------------------


def test_inspection_table_gives_one_task_per_unit_visited():
    tasks, _ = table_tasks(
        "STT\tĐơn vị được kiểm tra\tThời gian kiểm tra\n"
        "I\tCơ quan chuyên môn cấp tỉnh\t\n"
        "1\tSở Xây dựng\tTháng 7/2026\n"
        "2\tSở Y tế\tTháng 8/2026\n"
        "II\tỦy ban nhân dân cấp xã\t\n"
        "1\tXã Tân Thành\tTháng 4/2026\n"
    )
    assert [(t.group, t.content, t.timeline.raw) for t in tasks] == [
        ("Cơ quan chuyên môn cấp tỉnh", "Sở Xây dựng", "Tháng 7/2026"),
        ("Cơ quan chuyên môn cấp tỉnh", "Sở Y tế", "Tháng 8/2026"),
        ("Ủy ban nhân dân cấp xã", "Xã Tân Thành", "Tháng 4/2026"),
    ]
    # the group is a category of units visited, not the unit that leads
    assert all(t.lead == [] for t in tasks)


def test_merged_sub_row_adding_only_an_unread_column_is_not_a_task_part():
    table = Table(
        rows=[
            Row([C("TT"), C("Tên đơn vị được kiểm tra"), C("Đối tượng kiểm tra"), C("Thời gian")]),
            Row([C("1"), C("Công ty A"), C("Gói thầu số 1"), C("23/3/2026")]),
            Row([C(up=True), C(up=True), C("Gói thầu số 2"), C(up=True)]),
            Row([C("2"), C("Công ty B"), C("Gói thầu số 3"), C("25/3/2026")]),
        ]
    )
    tasks = tasks_from_table(table, map_table(table), 2026)
    assert [(t.content, t.part, t.timeline.raw) for t in tasks] == [
        ("Công ty A", None, "23/3/2026"),
        ("Công ty B", None, "25/3/2026"),
    ]


def test_a_vertically_merged_cell_carries_its_text_to_the_rows_it_spans():
    table = Table(
        rows=[
            Row([C("TT"), C("Nội dung"), C("Sản phẩm"), C("Thời gian")]),
            Row([C("1"), C("Tuyên truyền trực quan"), C("Pano"), C("Quý I/2024")]),
            Row([C(up=True), C(up=True), C("Tờ gấp"), C(up=True)]),
        ]
    )
    tasks = tasks_from_table(table, map_table(table), 2024)
    assert [(t.products, t.part, t.timeline.raw) for t in tasks] == [
        (["Pano"], 1, "Quý I/2024"),
        (["Tờ gấp"], 2, "Quý I/2024"),
    ]


# --- a header split over two rows ---------------------------------------------------------


def test_header_names_wrapped_onto_a_second_row_are_joined():
    table = Table(
        rows=[
            Row([C("TT"), C("Nội dung"), C("Đơn vị"), C("Đơn vị"), C("Thời gian")]),
            Row([C(), C("công việc"), C("chủ trì"), C("phối hợp"), C("thực hiện")]),
            Row([C("1"), C("Kiểm tra công vụ"), C("Sở Nội vụ"), C("Thanh tra tỉnh"), C("Quý III/2025")]),
        ]
    )
    tmap = map_table(table)
    assert tmap.roles == {0: "number", 1: "content", 2: "lead", 3: "support", 4: "time"}
    assert tmap.header_rows == 2
    (t,) = tasks_from_table(table, tmap, 2025)
    assert (t.content, names(t.lead), names(t.support), t.timeline.raw) == (
        "Kiểm tra công vụ",
        ["Sở Nội vụ"],
        ["Thanh tra tỉnh"],
        "Quý III/2025",
    )


# --- pdftotext -layout ------------------------------------------------------------------------

LAYOUT_HEAD = """                               ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                TỈNH HÒA BÌNH                 Độc lập - Tự do - Hạnh phúc
                                Số: 21/KH-UBND                Hòa Bình, ngày 12 tháng 3 năm 2025

                                                  KẾ HOẠCH
                                      Kiểm tra công tác cải cách hành chính
       I. MỤC ĐÍCH, YÊU CẦU
       Kiểm tra việc thực hiện nhiệm vụ cải cách hành chính năm 2025 của các đơn vị.
       II. TỔ CHỨC THỰC HIỆN
       Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan tổ chức kiểm tra./.
                                                     PHỤ LỤC
                                             LỊCH KIỂM TRA NĂM 2025

          Tên đơn vị được                                        Thời gian
  TT                              Nội dung kiểm tra
             kiểm tra                                            kiểm tra
        Ủy ban nhân dân xã Việc ban hành kế hoạch cải cách
   1         Tân Lạc        hành chính năm 2025                  Tháng 4/2025
                            và hồ sơ tại bộ phận một cửa
         Trung tâm Phục vụ Việc công khai thủ tục hành chính
   2                                                             Tháng 5/2025
            hành chính công
"""


def test_layout_text_table_read_back_from_its_columns():
    plan = api.parse_text(LAYOUT_HEAD)
    tasks = [t for t in plan.tasks if t.origin == "appendix"]
    # cells centred on their row number; "xã Việc": two cells one space apart, cut at the column edge
    assert [(t.content, t.timeline.raw) for t in tasks] == [
        ("Ủy ban nhân dân xã Tân Lạc", "Tháng 4/2025"),
        ("Trung tâm Phục vụ hành chính công", "Tháng 5/2025"),
    ]


# --- table-no-tasks ----------------------------------------------------------------------------


def test_a_table_with_unit_and_time_columns_but_no_task_is_reported():
    plan = api.parse_text(APPENDIX + "Họ và tên\tĐơn vị chủ trì\tThời gian\nNguyễn Văn An\tSở Nội vụ\tQuý I/2025\n")
    assert [t for t in plan.tasks if t.origin == "appendix"] == []
    (d,) = [d for d in plan.diagnostics if d.code == "table-no-tasks"]
    assert d.location is not None and d.location.table == 1
    assert "Đơn vị chủ trì" in d.excerpt


def test_a_table_of_names_only_is_not_reported():
    plan = api.parse_text(APPENDIX + "Họ và tên\tChức vụ\nNguyễn Văn An\tTrưởng phòng\n")
    assert not [d for d in plan.diagnostics if d.code == "table-no-tasks"]


def test_a_table_that_gives_tasks_is_not_reported():
    plan = api.parse_text(APPENDIX + "TT\tNội dung\tĐơn vị chủ trì\n1\tRà soát\tSở Nội vụ\n")
    assert len(plan.tasks) == 1
    assert not plan.diagnostics


def test_parse_string_keeps_a_header_only_table_for_the_plan_reader():
    doc = parse_string("| TT | Nội dung | Chủ trì |\n| --- | --- | --- |\n1\nRà soát\nSở Nội vụ\n")
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 1


def test_text_after_a_flattened_table_is_given_back_not_glued_to_its_last_row():
    tasks, plan = table_tasks(
        "STT\nNội dung\nĐơn vị chủ trì\nThời gian\n"
        "1\nRà soát thủ tục hành chính\nVăn phòng UBND tỉnh\nQuý I/2025\n"
        "2\nCông bố danh mục thủ tục\nSở Tư pháp\nQuý II/2025\n"
        "Ghi chú: Các đơn vị báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2025.\n"
    )
    assert [t.content for t in tasks] == ["Rà soát thủ tục hành chính", "Công bố danh mục thủ tục"]
    assert tasks[-1].timeline.raw == "Quý II/2025"
    doc_texts = [b.text for b in plan._document.blocks if hasattr(b, "text")]
    assert any(t.startswith("Ghi chú: Các đơn vị báo cáo") for t in doc_texts)
    assert not [d for d in plan.diagnostics if d.code == "table-rebuilt-guess"]


def test_text_after_the_last_pipe_is_kept_as_a_paragraph():
    plan = api.parse_text(APPENDIX + PIPES.rstrip("\n") + "\nNguồn: Sở Tài chính tổng hợp\n")
    assert len([t for t in plan.tasks if t.origin == "appendix"]) == 2
    texts = [b.text for b in plan._document.blocks if hasattr(b, "text")]
    assert "Nguồn: Sở Tài chính tổng hợp" in texts


# --- row kinds on table blocks (any format) ---------------------------------------------------


def test_numbered_row_with_only_content_over_lettered_rows_is_a_heading():
    table = Table(
        rows=[
            Row([C("TT"), C("Nội dung"), C("Chủ trì"), C("Thời gian")]),
            Row([C("1"), C("Tuyên truyền"), C(), C()]),
            Row([C("a)"), C("Hội nghị quán triệt"), C("Sở Tư pháp"), C("Quý I/2025")]),
            Row([C("2"), C("Sơ kết"), C(), C()]),  # no lettered rows below: a task, not a heading
        ]
    )
    tasks = tasks_from_table(table, map_table(table), 2025)
    assert [(t.group, t.content) for t in tasks] == [("Tuyên truyền", "Hội nghị quán triệt"), (None, "Sơ kết")]


def test_header_repeated_in_other_words_is_not_a_task():
    table = Table(
        rows=[
            Row([C("STT"), C("Nhiệm vụ, giải pháp"), C("Đơn vị thực hiện"), C("Thời gian thực hiện")]),
            Row([C("1"), C("Rà soát quy định"), C("Sở Tư pháp"), C("2026")]),
            Row([C(), C("Nội dung"), C("Đơn vị thực hiện"), C("Thời gian thực hiện")]),
            Row([C("2"), C("Phát triển hạ tầng số"), C("Sở Khoa học và Công nghệ"), C("2026 - 2030")]),
        ]
    )
    tasks = tasks_from_table(table, map_table(table), 2026)
    assert [(t.content, t.part) for t in tasks] == [("Rà soát quy định", None), ("Phát triển hạ tầng số", None)]


def test_a_numbered_row_without_content_is_not_a_part_of_the_task_above():
    table = Table(
        rows=[
            Row([C("STT"), C("Nhiệm vụ"), C("Chủ trì"), C("Thời gian")]),
            Row([C("5.1.8"), C("Đẩy mạnh thương mại điện tử"), C("Sở Công Thương"), C("2026")]),
            Row([C("5.2"), C(), C("Công nghiệp và năng lượng"), C()]),
            Row([C("5.2.1"), C("Chuyển đổi số trong công nghiệp"), C("Sở Công Thương"), C("2027")]),
        ]
    )
    tasks = tasks_from_table(table, map_table(table), 2026)
    assert [(t.content, t.part, names(t.lead)) for t in tasks] == [
        ("Đẩy mạnh thương mại điện tử", None, ["Sở Công Thương"]),
        ("Chuyển đổi số trong công nghiệp", None, ["Sở Công Thương"]),
    ]
