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
