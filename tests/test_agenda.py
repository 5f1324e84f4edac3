"""A Chương trình that is the running order of one event (Hội nghị, Hội thảo, Lễ …) is not a plan:
its items are agenda slots, not tasks. A work programme (Chương trình công tác, hành động) keeps its tasks."""

from __future__ import annotations

from kehoach import api

BODY = """
I. NỘI DUNG

1. Tuyên bố lý do, giới thiệu đại biểu

- Đơn vị chủ trì: Văn phòng Ủy ban nhân dân tỉnh.

- Thời gian thực hiện: 8h00 - 8h10.

2. Báo cáo tình hình

- Đơn vị chủ trì: Công an tỉnh.

- Thời gian thực hiện: 8h10 - 8h40.
"""


def test_the_programme_of_a_conference_gives_no_tasks_and_says_why():
    plan = api.parse_text("CHƯƠNG TRÌNH\nHội nghị triển khai Chương trình phòng, chống ma túy\n" + BODY)
    assert (plan.document_type, plan.is_plan, plan.tasks) == ("chuong_trinh", False, [])
    (diag,) = [d for d in plan.diagnostics if d.code == "not-a-plan"]
    assert "agenda" in diag.message


def test_a_work_programme_keeps_its_tasks():
    plan = api.parse_text("CHƯƠNG TRÌNH\nCông tác cải cách hành chính năm 2026\n" + BODY)
    assert plan.document_type == "chuong_trinh"
    assert [t.number for t in plan.tasks] == ["1", "2"]


def test_a_type_word_opening_the_first_line_of_a_headerless_document_is_its_type():
    """'CHƯƠNG TRÌNH HỘI NGHỊ' as the first line, no issuer, number or motto above it: the type
    word still gives the document type, the rest of the line opens the title."""
    plan = api.parse_text("CHƯƠNG TRÌNH HỘI NGHỊ\nĐánh giá công tác cải cách hành chính năm 2025\n" + BODY)
    assert (plan.document_type, plan.is_plan, plan.tasks) == ("chuong_trinh", False, [])
    assert plan.header.title == "HỘI NGHỊ Đánh giá công tác cải cách hành chính năm 2025"


def test_a_type_word_further_down_a_headerless_text_is_not_its_type():
    """Only the very first line may carry the type without a header: an upper-case line lower down
    ('KẾ HOẠCH NĂM 2026' inside a news item) does not make the text a plan."""
    plan = api.parse_text(
        "Tin hoạt động của tỉnh trong tuần\nUBND tỉnh họp bàn công tác\nKẾ HOẠCH NĂM 2026\n"
        "Các sở triển khai thực hiện.\n"
    )
    assert plan.document_type != "chuong_trinh" and plan.header.doc_type is None
