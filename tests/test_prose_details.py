"""A task written in prose keeps what it says it is about: the 'Nội dung:' field or the text before its fields."""

from kehoach import api

PLAN = """KẾ HOẠCH

Tuyên truyền cải cách hành chính năm 2024

I. HÌNH THỨC TUYÊN TRUYỀN

1. Tổ chức đối thoại trực tiếp với doanh nghiệp

Tổ chức đối thoại, tháo gỡ khó khăn cho doanh nghiệp.

- Cơ quan chủ trì: Phòng Nội vụ.

- Thời gian thực hiện: Quý III/2024.

2. Tuyên truyền trực quan

- Nội dung: Treo pano, áp phích tại trụ sở.

Phát tờ rơi tại bộ phận một cửa.

- Cơ quan chủ trì: Phòng Văn hóa và Thông tin.

- Cơ quan phối hợp: UBND các xã, thị trấn.
"""


def test_body_task_details_come_from_the_content_field_or_the_text_before_the_fields():
    tasks = [t for t in api.parse_text(PLAN).tasks if t.origin == "body"]
    assert [(t.content, t.details) for t in tasks] == [
        ("Tổ chức đối thoại trực tiếp với doanh nghiệp", "Tổ chức đối thoại, tháo gỡ khó khăn cho doanh nghiệp."),
        ("Tuyên truyền trực quan", "Treo pano, áp phích tại trụ sở. Phát tờ rơi tại bộ phận một cửa."),
    ]
    assert [u.name for u in tasks[1].support] == ["UBND các xã, thị trấn"]
    assert (tasks[0].timeline.kind, tasks[0].timeline.start) == ("quarter", "2024-07-01")
