"""Plans in parts (A., B., C. over the Roman sections) and groups whose items, lead, support and time
are written as sub-headings ("1. Nội dung, biện pháp", "2. Cơ quan chủ trì, phối hợp", "3. Thời gian
thực hiện: …") — a layout of ministry and steering-committee plans.
"""

from __future__ import annotations

from kehoach import api

FRONT = "KẾ HOẠCH\nTriển khai Đề án năm 2013\n\n"

PLAN = (
    FRONT
    + """A. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Cụ thể hóa nội dung Đề án.

B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP

I. CÔNG TÁC QUÁN TRIỆT

1. Nội dung, biện pháp

a) Tổ chức Hội nghị quán triệt Đề án;

b) Tổ chức triển khai đến cơ sở.

2. Cơ quan chủ trì, phối hợp

a) Cơ quan chủ trì

- Ban Chỉ đạo tỉnh.

- Sở Nội vụ; Sở Tư pháp.

(Văn phòng Ban Chỉ đạo là cơ quan thường trực.)

b) Cơ quan phối hợp

- Mặt trận Tổ quốc tỉnh.

3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.

II. BẢO ĐẢM KINH PHÍ

1. Nội dung, biện pháp

a) Rà soát phương tiện hiện có;

2. Cơ quan chủ trì, phối hợp

a) Cơ quan chủ trì: Sở Tài chính.

3. Thời gian thực hiện: Hằng năm.

C. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ

Chủ trì theo dõi, đôn đốc thực hiện Kế hoạch này.

2. Sở Tài chính

Bảo đảm kinh phí thực hiện.
"""
)


def names(units) -> list[str]:
    return [u.name for u in units]


def test_capital_parts_are_the_top_level_over_roman_sections():
    plan = api.parse_text(PLAN)
    assert [(s.number, s.level, s.kinds) for s in plan.sections] == [
        ("A", 1, ["muc_dich", "yeu_cau"]),
        ("B", 1, ["noi_dung", "nhiem_vu"]),
        ("C", 1, ["to_chuc_thuc_hien"]),
    ]
    b = plan.sections[1]
    assert [(s.number, s.level) for s in b.children] == [("I", 2), ("II", 2)]
    assert [c.number for c in b.children[0].children] == ["1", "2", "3"]


def test_items_under_a_content_sub_heading_take_the_groups_lead_support_and_time():
    plan = api.parse_text(PLAN)
    body = [t for t in plan.tasks if t.origin == "body"]
    assert [(t.number, t.group, t.content) for t in body] == [
        ("a", "CÔNG TÁC QUÁN TRIỆT", "Tổ chức Hội nghị quán triệt Đề án;"),
        ("b", "CÔNG TÁC QUÁN TRIỆT", "Tổ chức triển khai đến cơ sở."),
        ("a", "BẢO ĐẢM KINH PHÍ", "Rà soát phương tiện hiện có;"),
    ]
    first, second, third = body
    # the note in brackets under the lead list is not a unit
    assert names(first.lead) == ["Ban Chỉ đạo tỉnh", "Sở Nội vụ", "Sở Tư pháp"]
    assert names(first.support) == ["Mặt trận Tổ quốc tỉnh"]
    assert first.timeline.raw == "Tháng 12/2013 và thường xuyên."
    assert (names(second.lead), second.timeline.raw) == (names(first.lead), first.timeline.raw)
    assert (names(third.lead), names(third.support), third.timeline.raw) == (["Sở Tài chính"], [], "Hằng năm.")


def test_assignments_under_a_to_chuc_thuc_hien_part():
    plan = api.parse_text(PLAN)
    got = [(names(t.lead), t.content) for t in plan.tasks if t.origin == "assignment"]
    assert got == [
        (["Sở Nội vụ"], "Chủ trì theo dõi, đôn đốc thực hiện Kế hoạch này."),
        (["Sở Tài chính"], "Bảo đảm kinh phí thực hiện."),
    ]


def test_a_lone_capital_letter_line_is_not_a_part():
    plan = api.parse_text(
        FRONT
        + """I. MỤC ĐÍCH

Nâng cao nhận thức.

C. LƯU Ý CHUNG

II. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ

Theo dõi thực hiện.
"""
    )
    assert [s.number for s in plan.sections] == ["I", "II"]
    assert "C. LƯU Ý CHUNG" in plan.sections[0].text


def test_a_content_sub_heading_without_a_lead_makes_no_group_tasks():
    plan = api.parse_text(
        FRONT
        + """I. NỘI DUNG

1. Tuyên truyền

1.1. Nội dung, biện pháp

a) Tuyên truyền trên báo chí;

1.2. Thời gian thực hiện: Năm 2013.
"""
    )
    assert [t for t in plan.tasks if t.origin == "body"] == []


def test_bullet_items_under_a_content_sub_heading_stay_details_of_the_group_task():
    plan = api.parse_text(
        FRONT
        + """I. NHIỆM VỤ

1. Về các nền tảng số

a) Nhiệm vụ:

- Sử dụng thống nhất các nền tảng số quốc gia.

- Rà soát các hệ thống thông tin.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Các Sở, ban, ngành.

- Đơn vị phối hợp: Sở Khoa học và Công nghệ.

c) Thời gian thực hiện: Năm 2025.
"""
    )
    (t,) = [t for t in plan.tasks if t.origin == "body"]
    assert (t.number, t.content) == ("1", "Về các nền tảng số")
    assert names(t.lead) == ["Các Sở, ban, ngành"]
    assert names(t.support) == ["Sở Khoa học và Công nghệ"]
    assert t.timeline.raw == "Năm 2025."


def test_labelled_lines_under_a_label_heading_are_read_as_their_own_fields():
    plan = api.parse_text(
        FRONT
        + """I. NHIỆM VỤ

1. Tuyên truyền

1.1. Nội dung, biện pháp

a) Tuyên truyền trên báo chí;

b) Tổ chức hội nghị.

1.2. Cơ quan thực hiện:

- Đơn vị chủ trì: Sở Văn hóa.

- Đơn vị phối hợp: Đài Phát thanh tỉnh.

1.3. Thời gian thực hiện: Năm 2013.
"""
    )
    got = [(t.content, names(t.lead), names(t.support), t.timeline.raw) for t in plan.tasks if t.origin == "body"]
    assert got == [
        ("Tuyên truyền trên báo chí;", ["Sở Văn hóa"], ["Đài Phát thanh tỉnh"], "Năm 2013."),
        ("Tổ chức hội nghị.", ["Sở Văn hóa"], ["Đài Phát thanh tỉnh"], "Năm 2013."),
    ]


# --- items numbered under an item ------------------------------------------------------------

ITEMS = (
    FRONT
    + """I. MỤC ĐÍCH

Nâng cao nhận thức.

II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN

1. Kiểm tra, giám sát công tác bầu cử

1.1. Tham gia các đoàn kiểm tra của cấp trên.

1.2. Tổng hợp, báo cáo các khó khăn, vướng mắc.

1.3. Theo dõi, đôn đốc công tác bầu cử.

- Thời gian thực hiện: Quý I/2026.

- Đơn vị chủ trì: Phó Chủ tịch Thường trực.

2. Tuyên truyền

2.1. Ban hành kế hoạch tuyên truyền.

- Thời gian hoàn thành: Quý IV/2025.

- Đơn vị chủ trì: Chuyên viên phụ trách tuyên truyền.

2.2. Tổ chức thực hiện tuyên truyền.

- Thời gian hoàn thành: Quý I/2026.

- Đơn vị chủ trì: Chuyên viên phụ trách tuyên truyền.
"""
)


def test_fields_after_a_run_of_bare_items_close_the_whole_run():
    plan = api.parse_text(ITEMS)
    first = [t for t in plan.tasks if t.group == "Kiểm tra, giám sát công tác bầu cử"]
    assert [(t.number, t.content) for t in first] == [
        ("1.1", "Tham gia các đoàn kiểm tra của cấp trên."),
        ("1.2", "Tổng hợp, báo cáo các khó khăn, vướng mắc."),
        ("1.3", "Theo dõi, đôn đốc công tác bầu cử."),
    ]
    assert all(names(t.lead) == ["Phó Chủ tịch Thường trực"] and t.timeline.raw == "Quý I/2026." for t in first)


def test_a_task_numbered_under_an_item_takes_the_item_as_its_group():
    plan = api.parse_text(ITEMS)
    second = [(t.number, t.group, t.timeline.raw) for t in plan.tasks if t.number in ("2.1", "2.2")]
    assert second == [("2.1", "Tuyên truyền", "Quý IV/2025."), ("2.2", "Tuyên truyền", "Quý I/2026.")]
    assert len(plan.tasks) == 5


def test_items_with_their_own_text_are_not_closed_by_the_next_items_fields():
    plan = api.parse_text(
        FRONT
        + """I. NỘI DUNG

1. Kiểm tra

1.1. Tham gia các đoàn kiểm tra.

Nội dung kiểm tra theo hướng dẫn của cấp trên.

1.2. Theo dõi, đôn đốc.

- Đơn vị chủ trì: Văn phòng.
"""
    )
    assert [t.number for t in plan.tasks] == ["1.2"]


# --- duties under a unit heading, each closed by its own time ---------------------------------

DUTIES = (
    FRONT
    + """I. MỤC ĐÍCH

Nâng cao nhận thức.

II. NHIỆM VỤ CỤ THỂ

1. Nhiệm vụ của các cơ quan

1.1. Trưởng Ban Chỉ đạo

- Phụ trách chung, trực tiếp điều hành công tác kiểm kê.

1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo

- Tuyên truyền, phổ biến các quy định về quản lý tài sản công.

Thời gian thực hiện: Từ tháng 11/2025.

- Phối hợp hướng dẫn các cơ quan thực hiện kiểm kê. Trong đó:

+ Sở Xây dựng: hướng dẫn kiểm kê tài sản hạ tầng giao thông.

Thời gian thực hiện: Tháng 12/2025.

- Tổng hợp kết quả kiểm kê, báo cáo Bộ Tài chính. Thời gian hoàn thành: Trước ngày 31/5/2026.

2. Trách nhiệm của đối tượng thực hiện kiểm kê

- Thành lập Tổ kiểm kê.

Thời gian hoàn thành: Trước ngày 30/11/2025.

- Báo cáo kết quả kiểm kê.

Thời gian hoàn thành: Trước ngày 31/3/2026.
"""
)


def test_duties_under_a_unit_heading_each_closed_by_its_time_are_tasks_of_that_unit():
    plan = api.parse_text(DUTIES)
    got = [(t.group, names(t.lead), t.content, t.timeline.raw) for t in plan.tasks if t.origin == "body"]
    fin = "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo"
    subject = "đối tượng thực hiện kiểm kê"
    assert got == [
        (fin, ["Sở Tài chính"], "Tuyên truyền, phổ biến các quy định về quản lý tài sản công.", "Từ tháng 11/2025."),
        (fin, ["Sở Tài chính"], "Phối hợp hướng dẫn các cơ quan thực hiện kiểm kê. Trong đó:", "Tháng 12/2025."),
        (fin, ["Sở Tài chính"], "Tổng hợp kết quả kiểm kê, báo cáo Bộ Tài chính.", "Trước ngày 31/5/2026."),
        ("Trách nhiệm của đối tượng thực hiện kiểm kê", [subject], "Thành lập Tổ kiểm kê.", "Trước ngày 30/11/2025."),
        ("Trách nhiệm của đối tượng thực hiện kiểm kê", [subject], "Báo cáo kết quả kiểm kê.", "Trước ngày 31/3/2026."),
    ]
    # the "+" line under a duty is that duty's detail, not a task of its own
    assert plan.tasks[1].details == "Sở Xây dựng: hướng dẫn kiểm kê tài sản hạ tầng giao thông."


def test_a_topic_heading_with_timed_items_is_not_a_unit():
    plan = api.parse_text(
        FRONT
        + """I. NỘI DUNG

1. Công tác tuyên truyền

- Tuyên truyền trên báo chí.

Thời gian thực hiện: Quý I/2026.

- Tổ chức hội nghị.

Thời gian thực hiện: Quý II/2026.
"""
    )
    assert [t for t in plan.tasks if t.origin == "body"] == []


# --- label variants -------------------------------------------------------------------------


def test_thoi_han_ban_hanh_is_a_time_and_a_time_label_alone_takes_its_plus_items():
    plan = api.parse_text(
        FRONT
        + """I. NHIỆM VỤ

1. Xây dựng Nghị định

+ Cơ quan chủ trì: Bộ Công an.

+ Cơ quan phối hợp: Bộ Tư pháp.

+ Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.

2. Rà soát văn bản

- Cơ quan thực hiện: Bộ Công an.

- Thời gian thực hiện:

+ Các bộ gửi kết quả rà soát trước ngày 15 tháng 12 năm 2025.

+ Bộ Công an báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.
"""
    )
    first, second = plan.tasks
    assert (names(first.support), first.timeline.raw) == (["Bộ Tư pháp"], "trước ngày 01 tháng 01 năm 2026.")
    assert second.timeline.raw == (
        "Các bộ gửi kết quả rà soát trước ngày 15 tháng 12 năm 2025. "
        "Bộ Công an báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025."
    )


def test_chu_tri_tham_muu_thuc_hien_is_a_lead_label():
    plan = api.parse_text(
        FRONT
        + """I. NHIỆM VỤ

1. Nâng cao năng lực

- Tổ chức tập huấn kỹ năng xây dựng pháp luật.

- Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp.

- Đơn vị phối hợp thực hiện: Các cơ quan liên quan.

- Thời gian thực hiện: Hằng năm.
"""
    )
    (t,) = plan.tasks
    assert (names(t.lead), names(t.support), t.timeline.raw) == (["Sở Tư pháp"], ["Các cơ quan liên quan"], "Hằng năm.")


def test_an_emphasis_mark_before_the_bullet_of_a_label():
    plan = api.parse_text(
        FRONT
        + """I. NHIỆM VỤ

1. Tổ chức học tập kinh nghiệm

Tham mưu tổ chức Đoàn đi học tập kinh nghiệm.

*- Đơn vị chủ trì:* Sở Tư pháp.

*- Thời gian thực hiện:* Hằng năm.
"""
    )
    (t,) = plan.tasks
    assert (names(t.lead), t.timeline.raw) == (["Sở Tư pháp"], "Hằng năm.")
