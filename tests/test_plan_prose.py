"""Tasks written in prose: body tasks with labelled fields, and one assignment per unit
under Tổ chức thực hiện (domain.md §3.2, §3.3).
"""

from __future__ import annotations

from kehoach import api
from kehoach.models import Recurrence

FRONT = "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2021\n\nI. MỤC ĐÍCH\n\n- Nâng cao nhận thức.\n\n"


def names(units) -> list[str]:
    return [u.name for u in units]


def by_origin(plan, origin: str):
    return [t for t in plan.tasks if t.origin == origin]


# --- body tasks ---------------------------------------------------------------------------


def test_bold_bulleted_labels_in_any_order():
    plan = api.parse_text(
        FRONT
        + """II. MỘT SỐ HÌNH THỨC, BIỆN PHÁP TUYÊN TRUYỀN

**1. Tổ chức đối thoại trực tiếp với doanh nghiệp**

Tổ chức đối thoại, tháo gỡ khó khăn cho doanh nghiệp.

- **Cơ quan chủ trì:** Lãnh đạo UBND huyện và các cơ quan, đơn vị.

- **Thời gian thực hiện:** Thường xuyên.

- **Cơ quan phối hợp:** Ủy ban Nhân dân các xã, thị trấn.
"""
    )
    (t,) = plan.tasks
    assert (t.origin, t.number, t.group) == ("body", "1", None)
    assert t.content == "Tổ chức đối thoại trực tiếp với doanh nghiệp"
    assert names(t.lead) == ["Lãnh đạo UBND huyện và các cơ quan, đơn vị"]
    assert names(t.support) == ["Ủy ban Nhân dân các xã, thị trấn"]
    assert (t.timeline.raw, t.timeline.kind, t.timeline.start) == ("Thường xuyên.", "ongoing", "2021-01-01")
    assert t.location.line == 10


def test_escaped_star_bullet_and_semicolon_separated_units():
    plan = api.parse_text(
        FRONT
        + """II. HÌNH THỨC TUYÊN TRUYỀN

1. Tăng cường tuyên truyền trong nội bộ từng cơ quan

- Thực hiện công khai TTHC tại các cơ quan hành chính.

\\* **Cơ quan chủ trì:** Các cơ quan, đơn vị thuộc huyện; Ủy ban Nhân dân các xã, thị trấn.

\\* **Thời gian thực hiện:** Thường xuyên trong năm.
"""
    )
    (t,) = plan.tasks
    assert names(t.lead) == ["Các cơ quan, đơn vị thuộc huyện", "Ủy ban Nhân dân các xã, thị trấn"]
    assert t.support == []
    assert (t.timeline.raw, t.timeline.kind, t.timeline.end) == ("Thường xuyên trong năm.", "ongoing", "2021-12-31")


def test_plain_labels_co_quan_thuc_hien_and_thoi_gian():
    plan = api.parse_text(
        FRONT
        + """II. HÌNH THỨC, THỜI GIAN THỰC HIỆN

1. Chuyên trang CCHC trên Trang thông tin điện tử

- Thời gian thực hiện: Thường xuyên trong năm 2024.

- Cơ quan thực hiện: Văn phòng HĐND và UBND thị xã.

- Cơ quan phối hợp: Phòng Nội vụ và cơ quan, đơn vị liên quan, UBND các xã, phường.

2. Xây dựng các nội dung tuyên truyền lồng ghép

- Thời gian: Thường xuyên trong năm 2024.

- Cơ quan chủ trì: Phòng Nội vụ
"""
    )
    one, two = plan.tasks
    assert (one.content, names(one.lead)) == (
        "Chuyên trang CCHC trên Trang thông tin điện tử",
        ["Văn phòng HĐND và UBND thị xã"],
    )
    assert names(one.support) == ["Phòng Nội vụ và cơ quan, đơn vị liên quan, UBND các xã, phường"]
    assert (one.timeline.kind, one.timeline.start, one.timeline.end) == ("ongoing", "2024-01-01", "2024-12-31")
    assert (two.number, names(two.lead), two.support, two.timeline.raw) == (
        "2",
        ["Phòng Nội vụ"],
        [],
        "Thường xuyên trong năm 2024.",
    )


def test_content_value_continuing_on_the_next_paragraph_is_not_a_field():
    plan = api.parse_text(
        FRONT
        + """II. HÌNH THỨC TUYÊN TRUYỀN

3. Duy trì chuyên mục cải cách hành chính trên sóng truyền thanh

- **Nội dung:** Phản ánh tình hình cải cách hành chính trên địa bàn huyện.

Phối hợp tuyên truyền đẩy mạnh sử dụng dịch vụ công trực tuyến.

- **Thời gian thực hiện:** Duy trì chuyên mục phát sóng mỗi tuần một lần, thời lượng mỗi lần từ 10 đến 15 phút.

- **Đơn vị chủ trì:** Trung tâm Văn hóa - Thể thao và Truyền thanh - Truyền hình huyện.
"""
    )
    (t,) = plan.tasks
    assert t.content == "Duy trì chuyên mục cải cách hành chính trên sóng truyền thanh"
    # "Phối hợp tuyên truyền …" continues the content; it is not the support field
    assert t.support == []
    assert names(t.lead) == ["Trung tâm Văn hóa - Thể thao và Truyền thanh - Truyền hình huyện"]
    assert t.timeline.kind == "recurring"
    assert t.timeline.recurrence == Recurrence(count=1, what="lần", per="week")


def test_label_alone_takes_its_value_from_the_next_paragraph():
    plan = api.parse_text(
        FRONT
        + """II. HÌNH THỨC TUYÊN TRUYỀN

1. Tuyên truyền trực quan

- **Cơ quan chủ trì:**

Phòng Văn hóa và Thông tin huyện.

- **Cơ quan phối hợp:**

Các cơ quan, đơn vị liên quan; UBND các xã, thị trấn.

- **Thời gian thực hiện:** Quý III/2021.
"""
    )
    (t,) = plan.tasks
    assert names(t.lead) == ["Phòng Văn hóa và Thông tin huyện"]
    assert names(t.support) == ["Các cơ quan, đơn vị liên quan", "UBND các xã, thị trấn"]
    assert (t.timeline.kind, t.timeline.start) == ("quarter", "2021-07-01")


def test_products_quantity_and_funding_fields():
    plan = api.parse_text(
        FRONT
        + """II. NHIỆM VỤ TRỌNG TÂM

1. Viết tin bài về cải cách hành chính

- Đơn vị chủ trì: Trung tâm Văn hóa - Thông tin.

- Sản phẩm: Tin, bài trên Cổng TTĐT; phóng sự truyền hình.

- Số lượng: 12 tin/năm.

- Kinh phí: Kinh phí CCHC năm 2021.

- Thời gian hoàn thành: Trước ngày 15/12/2021.
"""
    )
    (t,) = plan.tasks
    assert t.products == ["Tin, bài trên Cổng TTĐT", "phóng sự truyền hình"]
    assert t.quantity == "12 tin/năm."
    assert t.notes == "Kinh phí CCHC năm 2021."
    assert (t.timeline.kind, t.timeline.end) == ("deadline", "2021-12-15")


def test_a_heading_without_a_lead_field_is_not_a_task():
    plan = api.parse_text(
        FRONT
        + """II. NỘI DUNG TUYÊN TRUYỀN

1. Tuyên truyền vai trò của người đứng đầu.

2. Tuyên truyền kết quả cải cách hành chính.
"""
    )
    assert plan.tasks == []


# --- assignments under Tổ chức thực hiện ---------------------------------------------------

ASSIGNMENTS = (
    FRONT
    + """II. TỔ CHỨC THỰC HIỆN

1. Phòng Nội vụ

- Chủ trì, phối hợp với các cơ quan triển khai Kế hoạch.

- Tổng hợp, báo cáo kết quả về UBND huyện.

2. Văn phòng HĐND và UBND huyện

Có trách nhiệm theo dõi, kiểm tra việc thực hiện Kế hoạch này.

3. Các phòng, ban, ngành

Căn cứ chức năng, nhiệm vụ của mình, chủ động xây dựng kế hoạch tuyên truyền.

4. Đề nghị Ban Tuyên giáo Huyện ủy đưa các nội dung tuyên truyền về CCHC vào phổ biến tại Hội nghị báo cáo viên định kỳ.

5. Trung tâm Văn hoá - Truyền thông, Cổng TTĐT huyện: duy trì chuyên mục tuyên truyền về CCHC.

6. Bưu điện huyện: tập trung triển khai các nhiệm vụ được giao tại Đề án.

7. Đối với Phòng Tư pháp

Lồng ghép nội dung cải cách hành chính vào công tác phổ biến giáo dục pháp luật.

8. Ủy ban nhân dân các xã, thị trấn căn cứ nhiệm vụ được phân công để chủ động xây dựng và tổ chức thực hiện việc tuyên truyền, phổ biến về công tác CCHC.

Yêu cầu các cơ quan, đơn vị triển khai thực hiện nghiêm túc Kế hoạch này./.
"""
)


def test_one_assignment_per_unit_in_order():
    tasks = api.parse_text(ASSIGNMENTS).tasks
    assert all(t.origin == "assignment" for t in tasks)
    assert [(t.id, t.number, names(t.lead)) for t in tasks] == [
        ("T001", "1", ["Phòng Nội vụ"]),
        ("T002", "2", ["Văn phòng HĐND và UBND huyện"]),
        ("T003", "3", ["Các phòng, ban, ngành"]),
        ("T004", "4", ["Ban Tuyên giáo Huyện ủy"]),
        ("T005", "5", ["Trung tâm Văn hoá - Truyền thông, Cổng TTĐT huyện"]),
        ("T006", "6", ["Bưu điện huyện"]),
        ("T007", "7", ["Phòng Tư pháp"]),
        ("T008", "8", ["Ủy ban nhân dân các xã, thị trấn"]),
    ]


def test_unit_heading_with_its_duties_below():
    t = api.parse_text(ASSIGNMENTS).tasks[0]
    assert (
        t.content == "Chủ trì, phối hợp với các cơ quan triển khai Kế hoạch. Tổng hợp, báo cáo kết quả về UBND huyện."
    )
    assert t.lead[0].key == "phòng nội vụ"


def test_inline_unit_with_a_colon():
    t = api.parse_text(ASSIGNMENTS).tasks[5]
    assert (names(t.lead), t.content) == (["Bưu điện huyện"], "tập trung triển khai các nhiệm vụ được giao tại Đề án.")


def test_de_nghi_prefix_is_not_part_of_the_unit():
    t = api.parse_text(ASSIGNMENTS).tasks[3]
    assert names(t.lead) == ["Ban Tuyên giáo Huyện ủy"]
    # the duty is the whole sentence, from its start: the unit is its subject
    assert (
        t.content
        == "Đề nghị Ban Tuyên giáo Huyện ủy đưa các nội dung tuyên truyền về CCHC vào phổ biến tại Hội nghị báo cáo viên định kỳ."
    )


def test_doi_voi_prefix_is_not_part_of_the_unit():
    t = api.parse_text(ASSIGNMENTS).tasks[6]
    assert names(t.lead) == ["Phòng Tư pháp"]
    assert t.content == "Lồng ghép nội dung cải cách hành chính vào công tác phổ biến giáo dục pháp luật."


def test_long_inline_heading_is_cut_where_the_duty_starts():
    t = api.parse_text(ASSIGNMENTS).tasks[7]
    assert names(t.lead) == ["Ủy ban nhân dân các xã, thị trấn"]
    assert t.content.startswith("Ủy ban nhân dân các xã, thị trấn căn cứ nhiệm vụ được phân công")


def test_closing_sentence_after_the_assignments_is_not_a_task():
    tasks = api.parse_text(ASSIGNMENTS).tasks
    assert not any("nghiêm túc" in t.content for t in tasks[:-1])
    assert "nghiêm túc" not in tasks[-1].content


def test_topic_headings_under_to_chuc_thuc_hien_are_looked_into():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Trách nhiệm của các cơ quan cấp huyện

a) Phòng Nội vụ

Chủ trì triển khai Kế hoạch.

b) Phòng Tư pháp

Phối hợp lồng ghép tuyên truyền.
"""
    )
    assert [(t.number, names(t.lead)) for t in plan.tasks] == [("a", ["Phòng Nội vụ"]), ("b", ["Phòng Tư pháp"])]


def test_sections_outside_to_chuc_thuc_hien_give_no_assignments():
    plan = api.parse_text(FRONT + "II. ĐỐI TƯỢNG\n\n1. Phòng Nội vụ\n\nCán bộ, công chức của phòng.\n")
    assert plan.tasks == []


def test_closing_paragraph_is_not_the_duty_of_a_unit_whose_duties_are_below_its_heading():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Các cơ quan, đơn vị, UBND các xã, thị trấn

- Xây dựng kế hoạch tuyên truyền của cơ quan, đơn vị.

- Chủ động phối hợp tổ chức tuyên truyền.

Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2021 của UBND huyện, đề nghị các cơ quan triển khai thực hiện./.
"""
    )
    (t,) = plan.tasks
    assert t.content == "Xây dựng kế hoạch tuyên truyền của cơ quan, đơn vị. Chủ động phối hợp tổ chức tuyên truyền."


def test_a_lone_duty_paragraph_ending_the_plan_is_still_the_duty():
    plan = api.parse_text(
        FRONT + "II. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Nội vụ\n\nYêu cầu Phòng Nội vụ chủ trì triển khai Kế hoạch này./.\n"
    )
    (t,) = plan.tasks
    assert (names(t.lead), t.content) == (["Phòng Nội vụ"], "Yêu cầu Phòng Nội vụ chủ trì triển khai Kế hoạch này./.")


# --- evidence over position (issue 10) ------------------------------------------------------


def test_labelled_items_under_a_phan_cong_section_are_body_tasks_not_assignments():
    plan = api.parse_text(
        FRONT
        + """II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN

1. Xây dựng và ban hành văn bản

1.1. Xây dựng quy chế phối hợp cung cấp thông tin

- Thời gian hoàn thành: Quý II/2021.

- Đơn vị chủ trì: Phòng Nội vụ.

- Đơn vị phối hợp: Phòng Tư pháp.

- Kết quả: Quy chế được ban hành.
"""
    )
    (t,) = plan.tasks
    assert (t.origin, t.number, t.content) == ("body", "1.1", "Xây dựng quy chế phối hợp cung cấp thông tin")
    assert (names(t.lead), names(t.support), t.products) == (
        ["Phòng Nội vụ"],
        ["Phòng Tư pháp"],
        ["Quy chế được ban hành"],
    )
    assert (t.timeline.kind, t.timeline.start) == ("quarter", "2021-04-01")


def test_labels_closing_a_group_of_items_apply_to_the_heading_and_two_labels_share_a_line():
    plan = api.parse_text(
        FRONT
        + """II. NHIỆM VỤ TRỌNG TÂM

1. Phát triển các khu, cụm công nghiệp

- Rà soát quy hoạch các cụm công nghiệp.

- Đôn đốc hoàn thiện hạ tầng kỹ thuật.

Lãnh đạo phụ trách: Phó Giám đốc Nguyễn Văn A.

Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Phòng Quản lý Năng lượng, Văn phòng Sở.
"""
    )
    (t,) = plan.tasks
    assert (t.origin, t.content) == ("body", "Phát triển các khu, cụm công nghiệp")
    assert names(t.lead) == ["Phòng Quản lý Công nghiệp"]
    assert names(t.support) == ["Phòng Quản lý Năng lượng, Văn phòng Sở"]
    # the leader in charge is neither lead nor support; the items are the task's details
    assert t.notes == "Lãnh đạo phụ trách: Phó Giám đốc Nguyễn Văn A."
    assert t.details == "- Rà soát quy hoạch các cụm công nghiệp. - Đôn đốc hoàn thiện hạ tầng kỹ thuật."


def test_several_groups_each_closed_by_their_fields_make_one_task_per_item():
    plan = api.parse_text(
        FRONT
        + """II. NHIỆM VỤ

1. Công tác tuyên truyền

- Tuyên truyền trên báo.

- Tuyên truyền trên đài.

Chủ trì: Sở Văn hóa; Phối hợp: Báo tỉnh.

- Tập huấn cán bộ.

Chủ trì: Sở Nội vụ. Thời gian: Quý III/2021.
"""
    )
    assert [(t.content, t.group, names(t.lead), names(t.support)) for t in plan.tasks] == [
        ("Tuyên truyền trên báo.", "Công tác tuyên truyền", ["Sở Văn hóa"], ["Báo tỉnh"]),
        ("Tuyên truyền trên đài.", "Công tác tuyên truyền", ["Sở Văn hóa"], ["Báo tỉnh"]),
        ("Tập huấn cán bộ.", "Công tác tuyên truyền", ["Sở Nội vụ"], []),
    ]
    assert plan.tasks[2].timeline.kind == "quarter"


def test_lettered_label_headings_are_fields_of_their_task():
    plan = api.parse_text(
        FRONT
        + """II. NHIỆM VỤ

1.1. Xây dựng chiến lược dữ liệu

a) Nhiệm vụ: Tham mưu rà soát chiến lược dữ liệu.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Sở Khoa học và Công nghệ.

- Đơn vị phối hợp: Các sở, ban, ngành.

c) Thời gian thực hiện: Hoàn thành trong năm 2025.
"""
    )
    (t,) = plan.tasks
    assert (t.number, t.content, t.details) == (
        "1.1",
        "Xây dựng chiến lược dữ liệu",
        "Tham mưu rà soát chiến lược dữ liệu.",
    )
    assert (names(t.lead), names(t.support)) == (["Sở Khoa học và Công nghệ"], ["Các sở, ban, ngành"])
    assert (t.timeline.kind, t.timeline.end) == ("year", "2025-12-31")


def test_label_variants_thanh_phan_tien_do_san_pham():
    plan = api.parse_text(
        FRONT
        + """II. NHIỆM VỤ

1. Hội nghị sơ kết

- *Chủ trì:* Văn phòng UBND huyện.

- **Thành phần:** Lãnh đạo các phòng, ban.

- Tiến độ: Tháng 6/2021.

- Sản phẩm: Báo cáo sơ kết.
"""
    )
    (t,) = plan.tasks
    assert (names(t.lead), t.products, t.timeline.kind) == (["Văn phòng UBND huyện"], ["Báo cáo sơ kết"], "month")
    assert t.notes == "Thành phần: Lãnh đạo các phòng, ban."


def test_a_lead_field_written_as_a_sentence_gives_lead_and_support():
    plan = api.parse_text(
        FRONT
        + """II. HOẠT ĐỘNG

a) Hoạt động 1

- Nội dung: Triển khai Tháng hành động.

- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành và các đơn vị có liên quan.
"""
    )
    (t,) = plan.tasks
    assert names(t.lead) == ["Sở Nội vụ"]
    assert names(t.support) == ["các sở, ban, ngành và các đơn vị có liên quan"]


def test_a_heading_with_content_and_time_is_a_task_without_lead():
    # a numbered activity with its content and its time is a task even when no unit is named
    # (the validator's task-without-lead rule is the place that says so)
    plan = api.parse_text(
        FRONT
        + """II. NHIỆM VỤ

3. Hội nghị phổ biến pháp luật

- Nội dung: Phổ biến các quy định.

- Thời gian: 01 ngày/hội nghị.
"""
    )
    (t,) = plan.tasks
    assert t.content == "Hội nghị phổ biến pháp luật" and t.lead == [] and t.timeline.raw == "01 ngày/hội nghị."
    assert not [d for d in plan.diagnostics if d.code == "fields-unattached"]


def test_fields_that_make_no_task_are_reported():
    plan = api.parse_text(
        FRONT
        + """II. NHIỆM VỤ

3. Hội nghị phổ biến pháp luật

- Nội dung: Phổ biến các quy định.

- Kinh phí: ngân sách tỉnh.
"""
    )
    assert plan.tasks == []
    (d,) = [d for d in plan.diagnostics if d.code == "fields-unattached"]  # the item also starts at 3
    assert "Hội nghị phổ biến pháp luật" in d.message and d.location.line is not None


def test_a_lone_schedule_field_is_not_reported():
    plan = api.parse_text(FRONT + "II. THỜI GIAN\n\n1. Thời gian\n\n- Thời gian thực hiện: Năm 2021.\n")
    assert (plan.tasks, plan.diagnostics) == ([], [])


# --- assignments name a unit (issue 10) -----------------------------------------------------


def test_topic_headings_are_not_units():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Công tác triển khai

Các sở, ban, ngành và Ủy ban nhân dân các xã căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị.

Sở Nội vụ có trách nhiệm theo dõi, đôn đốc việc thực hiện.

2. Kinh phí thực hiện

Kinh phí bố trí từ ngân sách nhà nước.

3. Trong quá trình thực hiện, nếu có vướng mắc, báo cáo về Sở Nội vụ.
"""
    )
    assert [(names(t.lead), t.content) for t in plan.tasks] == [
        (
            ["Các sở, ban, ngành và Ủy ban nhân dân các xã"],
            "Các sở, ban, ngành và Ủy ban nhân dân các xã căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị.",
        ),
        (["Sở Nội vụ"], "Sở Nội vụ có trách nhiệm theo dõi, đôn đốc việc thực hiện."),
    ]


def test_a_paragraph_giving_a_unit_the_items_below_it():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

Giao phòng Quản lý Công nghiệp triển khai các công việc sau:

1. Tổ chức kiểm tra kỹ thuật an toàn.

2. Chuẩn bị các điều kiện cần thiết khác.
"""
    )
    (t,) = plan.tasks
    assert (t.origin, names(t.lead)) == ("assignment", ["phòng Quản lý Công nghiệp"])
    assert t.content.splitlines() == [
        "Giao phòng Quản lý Công nghiệp triển khai các công việc sau:",
        "Tổ chức kiểm tra kỹ thuật an toàn.",
        "Chuẩn bị các điều kiện cần thiết khác.",
    ]


def test_an_unnumbered_lead_line_takes_the_list_items_below_it():
    # "X chủ trì …:" (or left open, without a colon) over "- …" items inside a numbered heading: the
    # items are that unit's duties, up to the next paragraph led by a unit; a line that ends its
    # sentence takes nothing
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Tăng cường đầu tư nguồn lực

Sở Tài chính chủ trì, phối hợp với Công an tỉnh tham mưu Ủy ban nhân dân tỉnh:

- Ưu tiên nguồn lực đầu tư cho công tác phòng, chống ma túy.

- Đề xuất hỗ trợ kinh phí cho lực lượng trực tiếp.

Sở Y tế chủ trì, phối hợp các sở, ban, ngành

- Tăng cường điều trị nghiện.

Sở Nội vụ chủ trì tổng hợp kết quả thực hiện.

- Báo cáo Ủy ban nhân dân tỉnh.
"""
    )
    assert [(names(t.lead), t.content) for t in plan.tasks] == [
        (
            ["Sở Tài chính"],
            "Sở Tài chính chủ trì, phối hợp với Công an tỉnh tham mưu Ủy ban nhân dân tỉnh: Ưu tiên nguồn lực đầu tư"
            " cho công tác phòng, chống ma túy. Đề xuất hỗ trợ kinh phí cho lực lượng trực tiếp.",
        ),
        (["Sở Y tế"], "Sở Y tế chủ trì, phối hợp các sở, ban, ngành Tăng cường điều trị nghiện."),
        (["Sở Nội vụ"], "Sở Nội vụ chủ trì tổng hợp kết quả thực hiện."),
    ]


def test_lettered_duties_of_one_unit_stay_apart():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Sở Tài chính

a) Tham mưu bố trí kinh phí.

b) Hướng dẫn thanh quyết toán.
"""
    )
    (t,) = plan.tasks
    assert names(t.lead) == ["Sở Tài chính"]
    assert t.content.splitlines() == ["a) Tham mưu bố trí kinh phí.", "b) Hướng dẫn thanh quyết toán."]


def test_a_person_with_a_role_is_an_assignment():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Hoàng Văn Thuân - Trưởng đoàn

Phụ trách chung.
"""
    )
    (t,) = plan.tasks
    assert names(t.lead) == ["Hoàng Văn Thuân - Trưởng đoàn"]


def test_a_unit_name_is_not_cut_at_to_chuc_used_as_a_noun():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

2. Các sở, ban, ngành và các cơ quan, tổ chức có liên quan căn cứ Kế hoạch này, xây dựng kế hoạch triển khai.
"""
    )
    (t,) = plan.tasks
    assert names(t.lead) == ["Các sở, ban, ngành và các cơ quan, tổ chức có liên quan"]


def test_labels_on_the_lines_of_one_paragraph_and_after_a_comma():
    from kehoach.blocks import Document, Paragraph
    from kehoach.plan.build import build_plan

    paras = ["KẾ HOẠCH", "Tuyên truyền năm 2021", "I. NHIỆM VỤ", "1. Tập huấn nghiệp vụ"]
    blocks = [Paragraph(text=t) for t in paras]
    lines = ["Đơn vị chủ trì: Phòng Nội vụ", "Đơn vị phối hợp: Phòng Tư pháp", "Thời gian: Quý II/2021"]
    blocks.append(Paragraph(text=" ".join(lines), lines=lines))
    (t,) = build_plan(Document(blocks=blocks)).tasks
    assert (names(t.lead), names(t.support), t.timeline.raw) == (["Phòng Nội vụ"], ["Phòng Tư pháp"], "Quý II/2021")
    (u,) = api.parse_text(
        FRONT + "II. NHIỆM VỤ\n\n1. Hội thi\n\n- Chủ trì: Phòng Nội vụ, Phối hợp: Đoàn Thanh niên.\n"
    ).tasks
    assert (names(u.lead), names(u.support)) == (["Phòng Nội vụ"], ["Đoàn Thanh niên"])


def test_a_numbered_label_heading_over_units_is_a_section_not_a_field():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Trách nhiệm thực hiện:

a) Phòng Nội vụ

Chủ trì triển khai Kế hoạch.

b) Phòng Tư pháp

Phối hợp lồng ghép tuyên truyền.
"""
    )
    assert [(t.origin, names(t.lead)) for t in plan.tasks] == [
        ("assignment", ["Phòng Nội vụ"]),
        ("assignment", ["Phòng Tư pháp"]),
    ]


def test_the_issuer_asking_everyone_is_not_an_assignment():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

Ủy ban nhân dân huyện yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện Kế hoạch.

Các cơ quan, đơn vị triển khai thực hiện.
"""
    )
    assert plan.tasks == []


BUNDLED = """KẾ HOẠCH
Khảo sát phần mềm quản lý văn bản năm 2012

I. MỤC ĐÍCH

Khảo sát hiện trạng.

II. TỔ CHỨC THỰC HIỆN

Trung tâm CNTT Tây Bắc chủ trì lập báo cáo khảo sát.

| SỞ TTTT TỈNH PHÚ THỌ TRUNG TÂM CNTT TÂY BẮC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: /QĐ-STTTT | Phú Thọ, ngày tháng năm 2012 |

QUYẾT ĐỊNH

Về việc phê duyệt Kế hoạch khảo sát

GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG

TỈNH PHÚ THỌ

Căn cứ Nghị định 102/2009/NĐ-CP ngày 06/11/2009 của Chính phủ;

QUYẾT ĐỊNH:
"""


def test_a_decision_bundled_after_the_plan_gives_no_duty_holders():
    """A plan followed by the draft Quyết định approving it (one file): the decision's header
    table ("SỞ … / TRUNG TÂM …", "Số: /QĐ-…", the Quốc hiệu) and its enacting authority over
    its Căn cứ ("GIÁM ĐỐC SỞ …" / "TỈNH PHÚ THỌ") are not units with duties under Tổ chức thực hiện."""
    plan = api.parse_text(BUNDLED)
    assert [(t.origin, [u.name for u in t.lead]) for t in plan.tasks] == [("assignment", ["Trung tâm CNTT Tây Bắc"])]


def test_labels_names_and_invitations_under_to_chuc_thuc_hien():
    """Under "CƠ QUAN CHỈ ĐẠO VÀ TỔ CHỨC THỰC HIỆN": "1. Cơ quan chỉ đạo: …" is a label, not a
    unit "Cơ quan"; "Liên hiệp các tổ chức hữu nghị …" is one name ("các tổ chức" is the noun, not
    the verb "tổ chức"); "Mời Đại sứ quán các nước" invites the embassies, as "Đề nghị" asks a unit."""
    text = (
        "KẾ HOẠCH\nTổ chức Festival năm 2026\n\nI. MỤC ĐÍCH\n\nQuảng bá văn hóa.\n\n"
        "II. CƠ QUAN CHỈ ĐẠO VÀ TỔ CHỨC THỰC HIỆN\n\n1. Cơ quan chỉ đạo: Ủy ban nhân dân thành phố Hà Nội.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Văn hóa và Thể thao\n\nLà cơ quan thường trực tổ chức Festival.\n\n"
        "2. Liên hiệp các tổ chức hữu nghị thành phố Hà Nội\n\nPhối hợp mời các Đại sứ quán tham dự.\n\n"
        "3. Mời Đại sứ quán các nước\n\nĐề nghị các Đại sứ quán cử đoàn nghệ thuật tham gia.\n"
    )
    plan = api.parse_text(text)
    assert [[u.name for u in t.lead] for t in plan.tasks] == [
        ["Sở Văn hóa và Thể thao"],
        ["Liên hiệp các tổ chức hữu nghị thành phố Hà Nội"],
        ["Đại sứ quán các nước"],
    ]


def test_a_schools_heads_hold_duties_and_a_closing_without_day_is_not_one():
    """A school's plan: "1. Hiệu trưởng: Ông … – Chỉ đạo …" is the principal's duty, as a deputy's
    is, and "3. 22 GVCN: …" the form teachers' (a count before the unit); "Trên là kế hoạch …" (the
    closing formula without "đây") ends the last duty. "Ban giám khảo: 05 thành viên (…)" gives
    the jury's make-up, not a duty."""
    plan = api.parse_text(
        FRONT
        + """II. PHÂN CÔNG TRÁCH NHIỆM

1. Hiệu trưởng: Ông Hoàng Hưng – Chỉ đạo tổng thể, duyệt kinh phí, tham dự chung kết.

2. Phó Hiệu trưởng: Ông Nguyễn Văn Thành – Giám sát lịch trình, chịu trách nhiệm chính về cuộc thi.

3. 22 GVCN: Chịu trách nhiệm đăng ký nhóm lớp.

4. Ban giám khảo: 05 thành viên (BGH, Tổ trưởng)

5. Đoàn trường: Quản lý standee, băng rôn, truyền thông trang đoàn.

Trên là kế hoạch tổ chức cuộc thi cấp trường năm học 2025-2026./.
"""
    )
    assert [names(t.lead) for t in plan.tasks] == [["Hiệu trưởng"], ["Phó Hiệu trưởng"], ["22 GVCN"], ["Đoàn trường"]]
    assert plan.tasks[0].content.startswith("Ông Hoàng Hưng – Chỉ đạo tổng thể")
    assert plan.tasks[-1].content == "Quản lý standee, băng rôn, truyền thông trang đoàn."


def test_a_contact_for_problems_after_the_last_duty_is_not_that_units_duty():
    """ "Trong quá trình triển khai, nếu có vướng mắc …, vui lòng liên hệ: Ông … Điện thoại …"
    between the last unit's duties and "Trên đây là …": a contact is addressed to all."""
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Phòng Nội vụ

- Chủ trì triển khai Kế hoạch.

2. Các cơ sở giáo dục trên địa bàn

- Tuyên truyền đến cán bộ, giáo viên và học sinh.

Trong quá trình triển khai, nếu có vướng mắc hoặc cần thêm thông tin, vui lòng liên hệ: Ông Phan Văn A - Chuyên viên Phòng Nội vụ. Điện thoại: 0902 847 639.

Trên đây là Kế hoạch tổ chức cuộc thi, đề nghị các đơn vị triển khai thực hiện./.
"""
    )
    assert [t.content for t in plan.tasks] == [
        "Chủ trì triển khai Kế hoạch.",
        "Tuyên truyền đến cán bộ, giáo viên và học sinh.",
    ]


def test_a_boards_member_list_under_the_duties_is_its_make_up():
    """ "1. Ban Chỉ đạo" over "- Ông Nguyễn Văn Hiếu, Giám đốc Sở GDĐT, Trưởng ban; …" lists who
    sits on the board, no duty; the units' duties after it are read."""
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Ban Chỉ đạo

- Ông Nguyễn Văn Hiếu, Giám đốc Sở GDĐT, Trưởng ban;

- Bà Trương Hải Thanh, Phó Giám đốc Sở GDĐT, Phó Trưởng ban;

2. Tạp chí Giáo dục TP.HCM

Là cơ quan thường trực, đầu mối triển khai thực hiện kế hoạch.
"""
    )
    assert [(names(t.lead), t.content) for t in plan.tasks] == [
        (["Tạp chí Giáo dục TP.HCM"], "Là cơ quan thường trực, đầu mối triển khai thực hiện kế hoạch.")
    ]
