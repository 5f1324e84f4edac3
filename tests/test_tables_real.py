"""Tables in every shape, end to end on real plans of several issuers (realdocs, webcopies).

Each test reads one real document and asserts values read from it by hand: task counts,
a few contents, leads and timelines. The KH-1105 pair checks that one plan gives one
register whether it arrives as its PDF or as a `pdftotext -layout` copy.
"""

from __future__ import annotations

from conftest import CORPUS, REALDOCS, WEBCOPIES, needs
from kehoach import api

BNNMT = REALDOCS / "bnnmt_QD-2200-QD-BNNMT-ban-hanh-KH_2026.index-text.md"
KIEM_TRA = REALDOCS / "lamdong-ubnd_KH-kiem-tra-CCHC-2026_v2.docx"
KH1105_PDF = REALDOCS / "laocai-sct_KH-1105-DKT_2026.pdf"
KH1105_TXT = REALDOCS / "laocai-sct_KH-1105-DKT_2026.repo-extract.txt"
WEB_552 = WEBCOPIES / "KH-552_192068354fd1ffe5.md"
WEB_179 = WEBCOPIES / "KH-179_f004d93b21e7fc5f.md"
WEB_235 = WEBCOPIES / "KH-235_85ff77cbda28ffbb.md"
WEB_144 = WEBCOPIES / "KH-144_ad5aff6c13929815.md"
KH1914_PDF = CORPUS / "haiduong-ubnd_KH-1914-KH-UBND-chuyen-doi-so_2023.pdf"


def appendix(path):
    plan = api.parse(path)
    return [t for t in plan.tasks if t.origin == "appendix"], plan


def names(units) -> list[str]:
    return [u.name for u in units]


@needs(BNNMT)
def test_ministry_appendix_flattened_one_cell_per_line():
    tasks, _ = appendix(BNNMT)
    assert len(tasks) == 11
    first = tasks[0]
    assert first.content == (
        "Tổ chức Hội nghị phổ biến, triển khai Nghị định đến các cơ quan, tổ chức về lâm nghiệp "
        "ở trung ương, địa phương."
    )
    assert first.group == "Tổ chức tuyên truyền, phổ biến, hướng dẫn triển khai thực hiện Nghị định"
    assert names(first.lead) == ["Cục Lâm nghiệp và Kiểm lâm"]
    assert first.timeline.raw == "Quý III, IV/2026"
    # row c) of group 2: its content and lead cells were wrapped after the row's other cells
    wrapped = next(t for t in tasks if t.content.startswith("Xây dựng tiêu chuẩn các-bon rừng"))
    assert wrapped.content.endswith("tín chỉ các-bon rừng được cung ứng.")
    assert " ".join(names(wrapped.lead)).endswith("Cục Lâm nghiệp và Kiểm lâm")
    assert wrapped.timeline.raw == "Quý IV/2026, 2027"
    # rows 3, 4, 5 carry their own content: tasks outside the "1" / "2" headings
    assert [t.group for t in tasks[-3:]] == [None, None, None]
    assert (
        tasks[-1].content
        == "Tổ chức theo dõi thi hành pháp luật; tổng hợp, đánh giá việc thực hiện nội dung của Nghị định."
    )


@needs(KIEM_TRA)
def test_inspection_schedule_gives_one_task_per_unit_inspected():
    tasks, _ = appendix(KIEM_TRA)
    assert len(tasks) == 29
    assert [t.group for t in tasks].count("Cơ quan chuyên môn cấp tỉnh") == 4
    assert [t.group for t in tasks].count("Ủy ban nhân dân cấp xã") == 25
    assert tasks[1].content == "Sở Xây dựng" and tasks[1].timeline.raw == "Tháng 7/2026"
    assert tasks[0].timeline.raw == "Từ tháng 3 đến tháng 9/2026"
    assert tasks[-1].content == "Phường 2 Bảo Lộc"
    assert all(t.lead == [] for t in tasks)  # the group is who is inspected, not who leads


def _register(plan):
    return [
        (t.origin, t.content, tuple(names(t.lead)), tuple(names(t.support)), t.timeline.raw if t.timeline else None)
        for t in plan.tasks
    ]


@needs(KH1105_PDF, KH1105_TXT)
def test_one_plan_one_register_from_its_pdf_and_its_layout_text_copy():
    from_pdf, from_text = _register(api.parse(KH1105_PDF)), _register(api.parse(KH1105_TXT))
    assert len(from_pdf) == len(from_text) == 7
    table = [r for r in from_text if r[0] == "appendix"]
    assert table == [r for r in from_pdf if r[0] == "appendix"]
    assert table == [
        ("appendix", "Công ty cổ phần xây dựng giao thông Yên Bái", (), (), "23/3/2026"),
        ("appendix", "Tổng công ty xây dựng Trường Sơn", (), (), "25/3/2025"),
        ("appendix", "Công ty TNHH Hiệp Phú", (), (), "27/3/2025"),
    ]
    same = sum(1 for a, b in zip(from_pdf, from_text, strict=True) if a == b)
    print(f"KH-1105 PDF vs text copy: {same}/{len(from_text)} tasks agree on content, lead, support, timeline.raw")
    # one plan, one register: the garbled text layer's repair decides the glyphs it cannot map
    # ("Vũ Việt Linh", not "V Việt Linh"), so every task agrees
    assert from_pdf == from_text


@needs(WEB_552)
def test_web_copy_pipe_table_with_group_rows():
    tasks, _ = appendix(WEB_552)
    assert len(tasks) == 19
    assert tasks[0].group == "NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH"
    second = tasks[1]
    assert second.content == (
        "Đề xuất giải pháp cải thiện môi trường đầu tư, kinh doanh; ưu tiên thu hút dự án ứng dụng công nghệ cao."
    )
    assert names(second.lead) == ["Sở Tài chính"]
    assert names(second.support) == ["Sở Công Thương", "Ban Quản lý khu Kinh tế tỉnh Đồng Tháp"]
    assert second.timeline.raw == "2026"
    assert all(t.lead and t.timeline for t in tasks)


@needs(WEB_179)
def test_web_copy_long_table_with_repeated_headers_and_sub_groups():
    tasks, _ = appendix(WEB_179)
    assert len(tasks) == 94
    assert all(t.lead and t.timeline for t in tasks)
    assert not any(t.part for t in tasks)  # no group or header row read as a task part
    assert tasks[0].number == "1.1" and names(tasks[0].lead) == ["Sở Tư pháp"]
    assert tasks[0].group == "Hoàn thiện thể chế"


@needs(WEB_235)
def test_web_copy_schedule_rows_missing_their_spanned_cells():
    tasks, _ = appendix(WEB_235)
    first, second = tasks[:2]
    assert first.content.startswith("Nguồn nước cấp nuôi tôm nước lợ")
    assert first.timeline.raw == "08 tháng (từ tháng 3 đến tháng 10)"
    # the next row had only its last five cells in the copy: a second part of the same object
    assert second.content == first.content and second.part == 2
    assert second.timeline.raw == "02 tháng (tháng 4 và tháng 8)"


@needs(WEB_144)
def test_web_copy_table_giving_each_target_to_a_unit_gives_its_tasks():
    """Bắc Ninh KH 144, Phụ lục "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU …": "TT | Chỉ tiêu | Chủ trì"
    shares the plan's targets out to units (it was reported as table-no-tasks before)."""
    tasks, plan = appendix(WEB_144)
    assert len(tasks) == 19 and all(t.lead for t in tasks)
    assert (tasks[0].group, tasks[0].content, names(tasks[0].lead)) == (
        "Kinh tế số",
        "Kinh tế số chiếm 45% GRDP tỉnh.",
        ["Sở Tài chính"],
    )
    assert not [d for d in plan.diagnostics if d.code == "table-no-tasks"]


@needs(KH1914_PDF)
def test_pdf_appendix_rows_drawn_with_other_column_edges():
    # Hải Dương KH 1914/KH-UBND, Phụ lục 1, page 22: the rows of "IV. Về phát triển kinh tế số" have
    # the column edge between "Đơn vị chủ trì" and "Đơn vị phối hợp" further right than the rows above
    tasks, _ = appendix(KH1914_PDF)

    def by_content(start: str):
        (task,) = [t for t in tasks if t.content.startswith(start)]
        return task

    row = by_content("Tăng cường khai thác, sử dụng Hệ thống báo cáo")
    assert names(row.lead) == ["Sở KH&ĐT"]
    assert names(row.support) == ["Các sở, ban, ngành, UBND huyện, thị xã, thành phố"]
    assert row.timeline is None or not row.timeline.raw
    row = by_content("Triển khai nền tảng thanh toán điện tử, ví điện")
    assert names(row.lead) == ["Doanh nghiệp"]
    assert names(row.support) == ["Các sở, ban, ngành, UBND huyện, thị xã, thành phố"]
    assert row.timeline.raw == "Thường xuyên"
    row = by_content("Đào tạo, tập huấn, hướng dẫn, hỗ trợ cho các Tổ")
    assert names(row.lead) == ["Sở Thông tin và Truyền thông", "UBND huyện, thị xã, thành phố"]
    assert names(row.support) == ["Các sở, ban, ngành, Doanh nghiệp"]


@needs(KH1914_PDF)
def test_pdf_plan_in_parts_keeps_its_title_apart_from_part_one():
    # "PHẦN I. KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2022" stands right under the trích yếu
    _, plan = appendix(KH1914_PDF)
    assert plan.header.title == "Chuyển đổi số tỉnh Hải Dương năm 2023"
    assert plan.header.number == "1914/KH-UBND"
