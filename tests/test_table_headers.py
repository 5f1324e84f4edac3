"""Task-table headers that span two rows ("Cơ quan thực hiện" over "Chủ trì | Phối hợp")."""

from kehoach.blocks import Cell, Row, Table
from kehoach.plan.table_map import map_table
from kehoach.plan.tables import tasks_from_table


def C(text: str = "", span: int = 1, up: bool = False) -> Cell:
    return Cell(lines=[text] if text else [], span=span, merged_up=up)


def test_sub_columns_under_a_spanning_header_decide_lead_and_support():
    table = Table(
        rows=[
            Row([C("TT"), C("Nội dung công việc"), C("Cơ quan thực hiện", span=2), C("Thời gian")]),
            Row([C(up=True), C(up=True), C("Chủ trì"), C("Phối hợp"), C(up=True)]),
            Row([C("1"), C("Rà soát thủ tục hành chính"), C("Văn phòng UBND"), C("Các sở, ngành"), C("Quý II/2024")]),
        ]
    )
    tmap = map_table(table)
    assert tmap.roles == {0: "number", 1: "content", 2: "lead", 3: "support", 4: "time"}
    assert tmap.header_rows == 2
    (task,) = tasks_from_table(table, tmap, 2024)
    assert [u.name for u in task.lead] == ["Văn phòng UBND"]
    assert [u.name for u in task.support] == ["Các sở, ngành"]
    assert (task.timeline.kind, task.timeline.start, task.timeline.end) == ("quarter", "2024-04-01", "2024-06-30")


def test_a_data_row_of_short_cells_is_not_taken_for_a_sub_header():
    table = Table(
        rows=[
            Row([C("TT"), C("Nhiệm vụ"), C("Chủ trì"), C("Thời gian")]),
            Row([C("1"), C("Kế hoạch"), C("Phòng Nội vụ"), C("Quý I")]),
        ]
    )
    tmap = map_table(table)
    assert tmap.header_rows == 1
    assert [t.content for t in tasks_from_table(table, tmap, 2024)] == ["Kế hoạch"]


def test_a_number_column_too_narrow_for_its_header_word_is_still_the_number_column():
    """ "STT" wraps inside a narrow column ("ST" / "T", "S" / "TT"): a PDF reads the cell as
    "ST T". It is still the row-number column, so the Roman-numbered rows are groups."""
    from kehoach.plan.columns import role_of

    for header in ("ST T", "S TT", "S T T", "T T", "STT", "TT", "Số TT", "Số thứ tự"):
        assert role_of(header) == "number", header
    for header in ("TTHC", "Thời gian", "Tên TT"):
        assert role_of(header) != "number", header
    table = Table(
        rows=[
            Row([C("ST T"), C("Nội dung"), C("Thời gian"), C("Chủ trì"), C("Thực hiện")]),
            Row([C("I"), C("Công tác giáo dục quốc phòng - an ninh"), C(), C(), C()]),
            Row(
                [
                    C("1"),
                    C("Rà soát, lập danh sách cán bộ"),
                    C("Thường xuyên"),
                    C("Lãnh đạo Trung tâm"),
                    C("Phòng Tổng hợp"),
                ]
            ),
        ]
    )
    tmap = map_table(table)
    assert tmap.roles[0] == "number"
    (task,) = tasks_from_table(table, tmap, 2024)
    assert task.content == "Rà soát, lập danh sách cán bộ"
