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


LABELLED_ITEM = """KẾ HOẠCH

Tổ chức các hội nghị hiệp thương

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm quy trình hiệp thương dân chủ, đúng luật.

II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN

1. Hội nghị hiệp thương lần thứ nhất

1.1. Nội dung: Hiệp thương về cơ cấu, thành phần, số lượng người được giới thiệu ứng cử.

- Thời gian: Dự kiến ngày 05/12/2025.

- Đơn vị chủ trì: Ban Công tác mặt trận thôn.

- Kết quả: Biên bản hội nghị.
"""


def test_an_item_titled_by_its_content_label_is_the_value_of_the_label():
    (task,) = [t for t in api.parse_text(LABELLED_ITEM).tasks if t.origin == "body"]
    assert task.content == "Hiệp thương về cơ cấu, thành phần, số lượng người được giới thiệu ứng cử."
    assert [u.name for u in task.lead] == ["Ban Công tác mặt trận thôn"]
    assert task.timeline.raw == "Dự kiến ngày 05/12/2025."
