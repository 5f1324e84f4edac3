"""Task tables: one test per quirk of real appendix tables (domain.md §3.1, §7).

Each test wraps a tiny tab-separated (or pipe) table in an appendix heading, parses it as a
whole plan with `api.parse_text`, and checks the tasks that come out.
"""

from __future__ import annotations

from kehoach import api
from kehoach.blocks import Cell, Row, Table
from kehoach.parsers.text import parse_string
from kehoach.plan.columns import header_roles, is_column_number_row, role_of
from kehoach.plan.table_map import map_table

APPENDIX = (
    "PHỤ LỤC\nDANH MỤC NHIỆM VỤ TUYÊN TRUYỀN\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND huyện)\n\n"
)


def appendix_tasks(table: str):
    plan = api.parse_text(APPENDIX + table)
    assert all(t.origin == "appendix" for t in plan.tasks)
    return plan.tasks


def names(units) -> list[str]:
    return [u.name for u in units]


def rows(*lines: list[str]) -> str:
    return "".join("\t".join(cells) + "\n" for cells in lines)


# --- header mapped by meaning -------------------------------------------------------------


def test_header_vocabulary_noi_dung_cong_viec_don_vi_chu_tri_ghi_chu():
    (t,) = appendix_tasks(
        rows(
            ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Ghi chú"],
            [
                "1",
                "Rà soát thủ tục hành chính",
                "Phòng Tư pháp",
                "Các phòng, ban huyện",
                "Quý II/2024",
                "Kinh phí CCHC",
            ],
        )
    )
    assert t.number == "1"
    assert t.content == "Rà soát thủ tục hành chính"
    assert names(t.lead) == ["Phòng Tư pháp"]
    assert names(t.support) == ["Các phòng, ban huyện"]
    assert t.timeline.raw == "Quý II/2024"
    assert t.notes == "Kinh phí CCHC"


def test_header_vocabulary_nhiem_vu_ket_qua_co_quan_thuc_hien_tien_do():
    (t,) = appendix_tasks(
        rows(
            ["Số TT", "Nhiệm vụ", "Kết quả đầu ra", "Cơ quan thực hiện", "Phối hợp", "Tiến độ"],
            [
                "1",
                "Tuyên truyền trên Cổng TTĐT",
                "Tin, bài",
                "Phòng Văn hóa và Thông tin",
                "Phòng Nội vụ",
                "Thường xuyên",
            ],
        )
    )
    assert t.content == "Tuyên truyền trên Cổng TTĐT"
    assert t.products == ["Tin, bài"]
    assert names(t.lead) == ["Phòng Văn hóa và Thông tin"]
    assert names(t.support) == ["Phòng Nội vụ"]
    assert t.timeline.kind == "ongoing"


def test_header_vocabulary_upper_case_with_monitoring_column_in_any_order():
    (t,) = appendix_tasks(
        rows(
            ["STT", "NỘI DUNG", "THỜI HẠN", "CHỦ TRÌ", "THEO DÕI, ĐÔN ĐỐC"],
            ["1", "Kiểm tra công tác CCHC", "Tháng 10/2024", "Phòng Nội vụ", "Văn phòng HĐND và UBND huyện"],
        )
    )
    assert t.content == "Kiểm tra công tác CCHC"
    assert names(t.lead) == ["Phòng Nội vụ"]
    assert t.support == []
    assert names(t.monitoring) == ["Văn phòng HĐND và UBND huyện"]
    assert (t.timeline.kind, t.timeline.start) == ("month", "2024-10-01")


def test_role_of_header_cells():
    assert role_of("Cơ quan, đơn vị phối hợp thực hiện") == "support"  # "thực hiện" does not make it lead
    assert role_of("Đơn vị chủ trì thực hiện") == "lead"
    assert role_of("Nội dung nhiệm vụ") == "content"
    assert role_of("Sản phẩm") == "products"
    assert role_of("Thời gian thực hiện") == "time"
    assert role_of("Kinh phí") == "notes"
    assert role_of("STT") == "number"
    assert role_of("Theo dõi, kiểm tra, đôn đốc") == "monitoring"
    assert role_of("Xếp loại") is None


def test_a_row_of_long_cells_is_not_a_header():
    assert header_roles(["1", "Tuyên truyền, phổ biến nội dung cải cách hành chính " * 3, "Phòng Nội vụ"]) == {}


def test_a_table_without_a_content_column_holds_no_tasks():
    doc = parse_string(rows(["Họ và tên", "Chức vụ", "Ghi chú"], ["Nguyễn Văn An", "Trưởng phòng", ""]))
    assert map_table(doc.tables[0]) is None
    assert (
        api.parse_text(
            APPENDIX + rows(["Họ và tên", "Chức vụ", "Ghi chú"], ["Nguyễn Văn An", "Trưởng phòng", ""])
        ).tasks
        == []
    )


# --- page breaks ---------------------------------------------------------------------------

HEADER = ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]


def test_header_repeated_after_a_page_break_is_dropped():
    table = (
        rows(HEADER, ["01", "Việc một", "Phòng Nội vụ", "", "Thường xuyên"])
        + "\n"
        + rows(HEADER, ["02", "Việc hai", "Phòng Tư pháp", "", "Quý I/2024"])
    )
    tasks = appendix_tasks(table)
    assert [(t.number, t.content) for t in tasks] == [("01", "Việc một"), ("02", "Việc hai")]
    # the two pieces are one table in the plan's document, with the header once
    doc = api.parse_text(APPENDIX + table).document
    assert len(doc.tables) == 1
    assert [r.texts[0] for r in doc.tables[0].rows] == ["STT", "01", "02"]
    # provenance still points at the source lines of each row
    assert [t.location.line for t in tasks] == [6, 9]


def test_header_repeated_with_stray_spaces_is_still_dropped():
    header2 = ["STT", " Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]
    tasks = appendix_tasks(
        rows(HEADER, ["01", "Việc một", "Phòng Nội vụ", "", "Thường xuyên"])
        + "\n"
        + rows(header2, ["02", "Việc hai", "Phòng Tư pháp", "", "Quý I/2024"])
    )
    assert [t.content for t in tasks] == ["Việc một", "Việc hai"]


def test_row_cut_by_a_page_break_is_merged_back():
    table = (
        rows(
            HEADER,
            [
                "01",
                "Tuyên truyền lợi ích của dịch vụ công",
                "- Văn phòng HĐND và UBND huyện; - Trung tâm Truyền thông - Văn hóa - Thể",
                "Các phòng, ban huyện",
                "Thường xuyên",
            ],
        )
        + "\n"
        + rows(
            HEADER,
            ["", "", "thao huyện; - UBND các xã, thị trấn.", "", ""],
            ["02", "Tổ chức hội thi", "Phòng Tư pháp", "", "Quý I/2024"],
        )
    )
    tasks = appendix_tasks(table)
    assert len(tasks) == 2
    first = tasks[0]
    assert first.part is None
    assert names(first.lead) == [
        "Văn phòng HĐND và UBND huyện",
        "Trung tâm Truyền thông - Văn hóa - Thể thao huyện",
        "UBND các xã, thị trấn",
    ]
    assert names(first.support) == ["Các phòng, ban huyện"]
    assert tasks[1].content == "Tổ chức hội thi"


def test_content_cut_by_a_page_break_is_joined_to_the_task():
    table = (
        rows(
            ["TT", "NHIỆM VỤ", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI GIAN THỰC HIỆN"],
            [
                "3.",
                "Tuyên truyền cuộc thi viết sáng kiến về",
                "Cuộc thi viết sáng kiến",
                "Phòng Nội vụ",
                "Các phòng, ban, ngành, UBND",
                "Quý III/2024",
            ],
        )
        + "\n"
        + rows(
            ["TT", "NHIỆM VỤ", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI GIAN THỰC HIỆN"],
            ["", "cải cách hành chính theo hướng dẫn của Sở Nội vụ", "", "", "các xã, thị trấn", ""],
        )
    )
    (t,) = appendix_tasks(table)
    assert t.content == "Tuyên truyền cuộc thi viết sáng kiến về cải cách hành chính theo hướng dẫn của Sở Nội vụ"
    assert names(t.support) == ["Các phòng, ban, ngành, UBND các xã, thị trấn"]


# --- row kinds -----------------------------------------------------------------------------


def test_sub_rows_are_parts_of_one_task_with_their_own_product_and_timeline():
    tasks = appendix_tasks(
        rows(
            ["TT", "NHIỆM VỤ", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "THỜI GIAN THỰC HIỆN"],
            [
                "2.",
                "Tuyên truyền trên Cổng Thông tin điện tử huyện",
                "Duy trì chuyên mục “Cải cách hành chính”",
                "Phòng Văn hoá và Thông tin",
                "Thường xuyên trong năm 2024",
            ],
            ["", "", "Duy trì chuyên mục “Phản ánh, kiến nghị”", "Phòng Văn hoá và Thông tin", "Quý III/2024"],
            ["3.", "Tuyên truyền cuộc thi", "Cuộc thi", "Phòng Nội vụ", "Tháng 10/2024"],
        )
    )
    assert [(t.id, t.part) for t in tasks] == [("T001", 1), ("T001.2", 2), ("T002", None)]
    one, two, other = tasks
    assert one.content == two.content == "Tuyên truyền trên Cổng Thông tin điện tử huyện"
    assert one.number == two.number == "2."
    assert one.products == ["Duy trì chuyên mục “Cải cách hành chính”"]
    assert two.products == ["Duy trì chuyên mục “Phản ánh, kiến nghị”"]
    assert (one.timeline.kind, two.timeline.kind) == ("ongoing", "quarter")
    assert two.timeline.raw == "Quý III/2024"
    assert other.content == "Tuyên truyền cuộc thi"


def test_sub_row_from_a_vertically_merged_content_cell():
    table = Table(
        rows=[
            Row(cells=[Cell(["STT"]), Cell(["Nội dung"]), Cell(["Sản phẩm"]), Cell(["Thời gian"])]),
            Row(cells=[Cell(["1"]), Cell(["Tuyên truyền trực quan"]), Cell(["Pano"]), Cell(["Quý I/2024"])]),
            Row(cells=[Cell(merged_up=True), Cell(merged_up=True), Cell(["Tờ gấp"]), Cell(["Quý II/2024"])]),
        ]
    )
    tmap = map_table(table)
    from kehoach.plan.tables import tasks_from_table

    tasks = tasks_from_table(table, tmap, 2024)
    assert [(t.content, t.products, t.part) for t in tasks] == [
        ("Tuyên truyền trực quan", ["Pano"], 1),
        ("Tuyên truyền trực quan", ["Tờ gấp"], 2),
    ]
    assert tasks[1].timeline.start == "2024-04-01"


def test_group_rows_are_themes_of_the_tasks_below():
    tasks = appendix_tasks(
        rows(
            ["STT", "Nội dung công việc", "Đơn vị chủ trì thực hiện", "Thời gian thực hiện"],
            ["I. Truyền thông hỗ trợ công tác kiểm soát thủ tục hành chính", "", "", ""],
            ["01", "Cung cấp thông tin về kiểm soát TTHC", "Văn phòng HĐND và UBND huyện", "Thường xuyên"],
            ["02", "Tuyên truyền các quy định về TTHC", "Các phòng, ban huyện", "Thường xuyên"],
            ["II. Truyền thông về dịch vụ công trực tuyến", "", "", ""],
            ["01", "Tuyên truyền lợi ích của dịch vụ công", "Phòng Nội vụ", "Theo kế hoạch"],
        )
    )
    assert [(t.group, t.number, t.content) for t in tasks] == [
        ("Truyền thông hỗ trợ công tác kiểm soát thủ tục hành chính", "01", "Cung cấp thông tin về kiểm soát TTHC"),
        ("Truyền thông hỗ trợ công tác kiểm soát thủ tục hành chính", "02", "Tuyên truyền các quy định về TTHC"),
        ("Truyền thông về dịch vụ công trực tuyến", "01", "Tuyên truyền lợi ích của dịch vụ công"),
    ]
    # a theme is not a unit: the lead column still decides
    assert names(tasks[2].lead) == ["Phòng Nội vụ"]


def test_group_rows_name_the_lead_unit_when_there_is_no_lead_column():
    tasks = appendix_tasks(
        rows(
            ["STT", "Nhiệm vụ", "Thời gian thực hiện"],
            ["I", "PHÒNG NỘI VỤ", ""],
            ["1", "Kế hoạch tuyên truyền năm 2024", "Quý I/2024"],
            ["2", "Báo cáo kết quả thực hiện", "Quý IV/2024"],
            ["II", "VĂN PHÒNG HĐND&UBND thị xã", ""],
            ["1", "Thẩm định, đăng tải tin bài về CCHC", "Thường xuyên"],
        )
    )
    assert [(t.group, names(t.lead), t.content) for t in tasks] == [
        ("PHÒNG NỘI VỤ", ["PHÒNG NỘI VỤ"], "Kế hoạch tuyên truyền năm 2024"),
        ("PHÒNG NỘI VỤ", ["PHÒNG NỘI VỤ"], "Báo cáo kết quả thực hiện"),
        ("VĂN PHÒNG HĐND&UBND thị xã", ["VĂN PHÒNG HĐND&UBND thị xã"], "Thẩm định, đăng tải tin bài về CCHC"),
    ]
    assert tasks[2].lead[0].key == "vp hđnd và ubnd thị xã"


def test_a_theme_group_does_not_become_a_lead_unit():
    (t,) = appendix_tasks(
        rows(
            ["STT", "Nhiệm vụ", "Thời gian thực hiện"],
            ["I", "Truyền thông về dịch vụ công trực tuyến", ""],
            ["1", "Tuyên truyền lợi ích của dịch vụ công", "Quý I/2024"],
        )
    )
    assert t.group == "Truyền thông về dịch vụ công trực tuyến"
    assert t.lead == []


def test_tong_row_is_skipped():
    tasks = appendix_tasks(
        rows(
            ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian", "Kinh phí"],
            ["1", "Việc một", "Phòng Nội vụ", "Quý I/2024", "10.000.000"],
            ["2", "Việc hai", "Phòng Tư pháp", "Quý II/2024", "5.000.000"],
            ["", "Tổng", "", "", "15.000.000"],
        )
    )
    assert [t.content for t in tasks] == ["Việc một", "Việc hai"]
    assert [t.notes for t in tasks] == ["10.000.000", "5.000.000"]


def test_tong_cong_row_in_the_number_column_is_skipped():
    tasks = appendix_tasks(
        rows(
            ["TT", "Nội dung", "Cơ quan chủ trì", "Kinh phí"],
            ["1", "Việc một", "Phòng Nội vụ", "10.000.000"],
            ["Tổng cộng", "", "", "10.000.000"],
        )
    )
    assert [t.content for t in tasks] == ["Việc một"]


def test_column_number_row_in_parentheses_is_skipped():
    tasks = appendix_tasks(
        rows(
            ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian thực hiện"],
            ["(1)", "(2)", "(3)", "(4)"],
            ["1", "Việc một", "Phòng Nội vụ", "Quý I/2024"],
        )
    )
    assert [(t.number, t.content, names(t.lead)) for t in tasks] == [("1", "Việc một", ["Phòng Nội vụ"])]


def test_column_number_row_in_plain_digits_is_skipped():
    tasks = appendix_tasks(
        rows(
            ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian thực hiện"],
            ["1", "2", "3", "4"],
            ["1", "Việc một", "Phòng Nội vụ", "Quý I/2024"],
        )
    )
    assert [t.content for t in tasks] == ["Việc một"]


def test_is_column_number_row():
    assert is_column_number_row(["(1)", "(2)", "(3)"])
    assert is_column_number_row(["1", "2", "3", ""])
    assert not is_column_number_row(["1", "Việc một", "Phòng Nội vụ"])
    assert not is_column_number_row(["2", "1"])


def test_empty_number_cell_alone_does_not_make_a_sub_row():
    # Word numbers the column automatically: the text export shows no number at all
    tasks = appendix_tasks(
        rows(
            ["STT", "Nội dung công việc", "Đơn vị chủ trì"],
            ["", "Việc một", "Phòng Nội vụ"],
            ["", "Việc hai", "Phòng Tư pháp"],
        )
    )
    assert [(t.id, t.content, t.part) for t in tasks] == [("T001", "Việc một", None), ("T002", "Việc hai", None)]


# --- cell markup ---------------------------------------------------------------------------


def test_html_lists_in_cells_become_list_items():
    (t,) = appendix_tasks(
        rows(
            ["TT", "NHIỆM VỤ", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP"],
            [
                "1.",
                "Tuyên truyền về dịch vụ công trực tuyến",
                '<ul style="list-style-type: none"><li>- Văn bản chỉ đạo, hướng dẫn.</li>'
                "<li>- Các video clip hướng dẫn.</li><li>- Báo cáo kết quả thực hiện.</li></ul>",
                "Phòng Văn hoá Thông tin",
                "<ul><li>Các sở, ban, ngành;</li><li>UBND các huyện, thành phố, thị xã</li></ul>",
            ],
        )
    )
    assert t.products == ["Văn bản chỉ đạo, hướng dẫn", "Các video clip hướng dẫn", "Báo cáo kết quả thực hiện"]
    assert names(t.lead) == ["Phòng Văn hoá Thông tin"]
    assert names(t.support) == ["Các sở, ban, ngành", "UBND các huyện, thành phố, thị xã"]


def test_html_list_without_li_tags_split_on_its_dash_items():
    # an export that kept <ul> but flattened the items into "- a;- b.- c"
    (t,) = appendix_tasks(
        rows(
            ["TT", "NHIỆM VỤ", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ"],
            [
                "1.",
                "Phát huy hiệu quả các chuyên trang",
                '<ul style="list-style-type: none">- Các tin, bài tuyên truyền về CCHC;'
                "- Bộ TTHC được cập nhật đầy đủ, kịp thời.- Văn bản chỉ đạo, hướng dẫn thực hiện;"
                "- Báo cáo kết quả triển khai thực hiện.",
                '<ul style="list-style-type: none">- Cổng/Trang Thông tin điện tử huyện/xã;- Trung tâm VH TT',
            ],
        )
    )
    assert t.products == [
        "Các tin, bài tuyên truyền về CCHC",
        "Bộ TTHC được cập nhật đầy đủ, kịp thời",
        "Văn bản chỉ đạo, hướng dẫn thực hiện",
        "Báo cáo kết quả triển khai thực hiện",
    ]
    assert names(t.lead) == ["Cổng/Trang Thông tin điện tử huyện/xã", "Trung tâm VH TT"]


def test_markdown_pipe_table():
    tasks = appendix_tasks(
        "| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |\n"
        "|---|:---|---|---|---:|\n"
        "| 1 | Tuyên truyền **trực quan** | Phòng Văn hóa và Thông tin | UBND các xã, thị trấn | Quý III/2024 |\n"
        "| 2 | Tổ chức hội thi | Phòng Nội vụ | | Trước ngày 10/12/2024 |\n"
    )
    assert [(t.number, t.content) for t in tasks] == [("1", "Tuyên truyền trực quan"), ("2", "Tổ chức hội thi")]
    assert names(tasks[0].support) == ["UBND các xã, thị trấn"]
    assert tasks[1].support == []
    assert (tasks[1].timeline.kind, tasks[1].timeline.end) == ("deadline", "2024-12-10")


def test_quantity_is_read_from_the_content_cell():
    (t,) = appendix_tasks(
        rows(
            ["STT", "Nhiệm vụ", "Thời gian thực hiện"],
            ["1", "Viết tin bài về CCHC năm 2024 (Số lượng: 12 tin/năm)", "Mỗi tháng 1 tin"],
        )
    )
    assert t.quantity == "12 tin/năm"
    assert t.content == "Viết tin bài về CCHC năm 2024 (Số lượng: 12 tin/năm)"
    assert (t.timeline.recurrence.count, t.timeline.recurrence.per) == (1, "month")


def test_task_location_points_at_the_table_row_and_source_line():
    tasks = appendix_tasks(
        rows(
            ["STT", "Nội dung công việc", "Đơn vị chủ trì"],
            ["1", "Việc một", "Phòng Nội vụ"],
            ["2", "Việc hai", "Phòng Tư pháp"],
        )
    )
    assert [(t.location.table, t.location.row, t.location.line) for t in tasks] == [(1, 2, 6), (1, 3, 7)]


def test_a_table_in_the_body_gives_body_tasks():
    plan = api.parse_text(
        "KẾ HOẠCH\nTuyên truyền năm 2024\n\nI. NHIỆM VỤ\n\n"
        + rows(["STT", "Nội dung công việc", "Đơn vị chủ trì"], ["1", "Việc một", "Phòng Nội vụ"])
        + "\nII. TỔ CHỨC THỰC HIỆN\n\nCác đơn vị triển khai thực hiện.\n"
    )
    assert [(t.origin, t.content) for t in plan.tasks] == [("body", "Việc một")]


def test_rows_drawn_with_other_column_edges_are_read_cell_by_cell():
    # a Word table whose column edges were dragged in some rows (and the PDF grid of the union of
    # every row's edges): each row has the header's five cells, but "Đơn vị phối hợp" spans two
    # grid columns in the header and the first row, "Đơn vị chủ trì" in the second row
    table = Table(
        rows=[
            Row(
                cells=[
                    Cell(["STT"]),
                    Cell(["Tên nhiệm vụ"]),
                    Cell(["Đơn vị chủ trì"]),
                    Cell(["Đơn vị phối hợp"], span=2),
                    Cell(["Thời gian thực hiện"]),
                ]
            ),
            Row(
                cells=[
                    Cell(["1"]),
                    Cell(["Tăng cường khai thác hệ thống báo cáo"]),
                    Cell(["Sở Tài chính"]),
                    Cell(["UBND cấp xã"], span=2),
                    Cell(["Quý II/2024"]),
                ]
            ),
            Row(
                cells=[
                    Cell(["2"]),
                    Cell(["Triển khai nền tảng thanh toán điện tử"]),
                    Cell(["Doanh nghiệp"], span=2),
                    Cell(["Sở Công Thương"]),
                    Cell(["Thường xuyên"]),
                ]
            ),
        ]
    )
    from kehoach.plan.tables import tasks_from_table

    first, second = tasks_from_table(table, map_table(table), 2024)
    assert (names(first.lead), names(first.support), first.timeline.raw) == (
        ["Sở Tài chính"],
        ["UBND cấp xã"],
        "Quý II/2024",
    )
    assert (names(second.lead), names(second.support), second.timeline.raw) == (
        ["Doanh nghiệp"],
        ["Sở Công Thương"],
        "Thường xuyên",
    )


def test_a_roster_of_people_is_not_a_task_table():
    """ "STT | Họ và tên | Chức vụ | Nhiệm vụ": the members of a jury or board, whose "Nhiệm vụ" is
    their role in it ("TV", "Thư kí"), not tasks; with a lead or time column it is a task table."""
    roster = rows(
        ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ"],
        ["1", "Nguyễn Văn Thành", "PHT", "TV"],
        ["2", "Lê Hồng Giang", "TT, TKHĐ", "Thư kí"],
    )
    assert api.parse_text(APPENDIX + roster).tasks == []
    (t,) = appendix_tasks(
        rows(
            ["STT", "Nhiệm vụ", "Họ và tên người thực hiện", "Thời gian"],
            ["1", "Chấm hồ sơ dự án", "Nguyễn Văn Thành", "03/12/2025"],
        )
    )
    assert (t.content, names(t.lead), t.timeline.raw) == ("Chấm hồ sơ dự án", ["Nguyễn Văn Thành"], "03/12/2025")


def test_a_decimal_heading_row_groups_the_rows_numbered_in_brackets_below_it():
    """ "3.5. | Thu hút đầu tư …" with the other cells empty, over rows "(1)", "(2)": a heading, not
    a task (a provincial Party committee's programme); "3.6." over "3.7." is a task again, of no group."""
    tasks = appendix_tasks(
        rows(
            ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
            ["3.5.", "Thu hút đầu tư, phát triển các thành phần kinh tế", "", ""],
            ["(1)", "Đề án phát triển kinh tế tập thể", "UBND tỉnh", "Tháng 12 năm 2025"],
            ["(2)", "Chính sách hỗ trợ doanh nghiệp nhỏ và vừa", "UBND tỉnh", "Quý I năm 2026"],
            ["3.6.", "Rà soát quy hoạch các khu công nghiệp", "", ""],
            ["3.7.", "Tổng kết công tác thu hút đầu tư", "Sở Tài chính", "Năm 2026"],
        )
    )
    assert [(t.number, t.group) for t in tasks] == [
        ("(1)", "Thu hút đầu tư, phát triển các thành phần kinh tế"),
        ("(2)", "Thu hút đầu tư, phát triển các thành phần kinh tế"),
        ("3.6.", None),
        ("3.7.", None),
    ]


def test_a_heading_written_across_the_columns_is_not_their_value():
    """The heading row's title in one cell spanning the content, lead and time columns (a PDF's
    merged cell): it groups the rows below; it is no task whose lead and time are its title."""
    from kehoach.plan.tables import tasks_from_table

    header = Row(cells=[Cell(["TT"]), Cell(["Nội dung nhiệm vụ"]), Cell(["Cơ quan chủ trì"]), Cell(["Thời gian"])])
    title = "Phát triển thương mại, dịch vụ, du lịch"
    table = Table(
        rows=[
            header,
            Row(cells=[Cell(["3.4."]), Cell([title], span=3)]),
            Row(
                cells=[Cell(["(1)"]), Cell(["Đề án quản lý chợ truyền thống"]), Cell(["UBND tỉnh"]), Cell(["Năm 2026"])]
            ),
        ]
    )
    (task,) = tasks_from_table(table, map_table(table), 2026)
    assert (task.number, task.group, names(task.lead), task.timeline.raw) == ("(1)", title, ["UBND tỉnh"], "Năm 2026")


def test_targets_shared_out_to_units_are_the_tasks_of_the_table():
    """ "TT | Chỉ tiêu | Chủ trì": an appendix giving each of the plan's targets to a unit (a
    province's digital economy plan); where a column says "Nội dung", the target column is not
    the content, and without a unit column the targets are no tasks."""
    tasks = appendix_tasks(
        rows(
            ["TT", "Chỉ tiêu", "Chủ trì"],
            ["1", "Kinh tế số chiếm 45% GRDP tỉnh", "Sở Tài chính"],
            ["2", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt 40%", "Sở Khoa học và Công nghệ"],
        )
    )
    assert [(t.content, names(t.lead)) for t in tasks] == [
        ("Kinh tế số chiếm 45% GRDP tỉnh", ["Sở Tài chính"]),
        ("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt 40%", ["Sở Khoa học và Công nghệ"]),
    ]
    assert header_roles(["TT", "Nội dung nhiệm vụ", "Chỉ tiêu đạt được", "Chủ trì"]) == {
        0: "number",
        1: "content",
        3: "lead",
    }
    assert header_roles(["TT", "Chỉ tiêu", "Kết quả năm 2024"]) == {}
    # "Đơn vị" beside a target is its unit of measure ("%"), and a body monitoring the targets leads none
    roles = header_roles(["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"])
    assert "content" not in roles.values()
