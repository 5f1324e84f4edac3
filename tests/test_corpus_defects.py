"""Defects found on the corpus plans (issue 10): each behaviour on a minimal inline fragment,
then on the real document of the corpus (``../shared/corpus``) that showed it."""

from __future__ import annotations

from conftest import CORPUS, needs
from kehoach import api
from kehoach.parsers.text.document import parse_string

BAC_CAM_RANH = CORPUS / "baccamranh-mttq_KH-kiem-tra-giam-sat-bau-cu_2025.docx"  # MTTQ ward, DOCX

FRONT = "KẾ HOẠCH\nKiểm tra, giám sát năm 2025\n\nI. MỤC ĐÍCH\n\n- Nâng cao nhận thức.\n\n"


def names(units) -> list[str]:
    return [u.name for u in units]


def body(plan):
    return [t for t in plan.tasks if t.origin == "body"]


# --- items closed by their own time, with no unit ------------------------------------------

TIME_CLOSED = (
    FRONT
    + """II. NỘI DUNG KIỂM TRA, GIÁM SÁT

1. Giám sát việc lập danh sách cử tri

- Cách tính tuổi;
- Việc niêm yết danh sách cử tri.

* Thời gian thực hiện: Từ ngày 03/02/2026 đến ngày 15/03/2026.

2. Kiểm tra việc hiệp thương

- Đảm bảo thời gian, quy trình hội nghị hiệp thương.

* Thời gian thực hiện:

- Đợt 1: Từ ngày 01/12/2025 đến ngày 14/12/2025.

- Đợt 2: Từ ngày 02/02/2026 đến ngày 08/02/2026.

3. Kiểm tra việc vận động bầu cử

3.1. Hội nghị tiếp xúc cử tri

- Cách bố trí địa điểm.

3.2. Phương tiện thông tin đại chúng

- Đăng tải chương trình hành động.

* Thời gian thực hiện: Từ ngày 26/02/2026 đến ngày 14/3/2026.

III. TỔ CHỨC THỰC HIỆN

1. Ban Thường trực xây dựng kế hoạch.
"""
)


def test_parallel_items_each_closed_by_a_time_are_tasks_of_the_issuer():
    tasks = body(api.parse_text(TIME_CLOSED))
    assert [t.number for t in tasks] == ["1", "2", "3"]
    assert tasks[0].content == "Giám sát việc lập danh sách cử tri"
    assert (tasks[0].lead, tasks[0].support) == ([], [])
    assert tasks[0].timeline.raw == "Từ ngày 03/02/2026 đến ngày 15/03/2026."
    # a label left alone on its line takes the whole list under it, marks dropped
    assert tasks[1].timeline.raw == (
        "Đợt 1: Từ ngày 01/12/2025 đến ngày 14/12/2025. Đợt 2: Từ ngày 02/02/2026 đến ngày 08/02/2026."
    )
    # the time written after the last sub-item closes the item over them, as its siblings are closed
    assert tasks[2].content == "Kiểm tra việc vận động bầu cử"
    assert tasks[2].timeline.raw == "Từ ngày 26/02/2026 đến ngày 14/3/2026."


def test_a_lone_time_field_under_one_heading_is_no_task():
    plan = api.parse_text(
        FRONT
        + """II. NỘI DUNG

1. Tổ chức hội nghị sơ kết

- Đánh giá kết quả.

* Thời gian thực hiện: Tháng 6/2025.

2. Kinh phí

Kinh phí do ngân sách bảo đảm.
"""
    )
    assert body(plan) == []


def test_a_label_with_its_own_dash_does_not_take_the_items_after_it():
    plan = api.parse_text(
        FRONT
        + """II. NỘI DUNG

1. Rà soát văn bản

- Đơn vị chủ trì:
- Sở Tư pháp
- Lập danh mục văn bản cần sửa đổi.
"""
    )
    (t,) = body(plan)
    assert names(t.lead) == ["Sở Tư pháp"]  # not "Sở Tư pháp Lập danh mục …"


@needs(BAC_CAM_RANH)
def test_bac_cam_ranh_nine_supervision_items_with_their_times():
    tasks = body(api.parse(BAC_CAM_RANH))
    assert [t.number for t in tasks] == [str(n) for n in range(1, 10)]
    assert all(t.lead == [] and t.support == [] for t in tasks)
    assert tasks[1].timeline.raw.startswith("Đợt 1: Trong khoảng thời gian từ ngày 01/12/2025")
    assert "Đợt 3" in tasks[1].timeline.raw
    assert tasks[6].content == "Kiểm tra, giám sát việc tuyên truyền, vận động bầu cử"
    assert tasks[6].timeline.raw.startswith("Công tác tuyên truyền bầu cử: Từ khi triển khai")
    assert "Công tác vận động bầu cử: Trong khoảng thời gian từ ngày 26/02/2026" in tasks[6].timeline.raw
    assert tasks[8].timeline.raw == "Từ ngày thành lập Uỷ ban bầu cử đến ngày kết thúc cuộc bầu cử."


# --- the unit named after a dash at the end of an item ---------------------------------------

CAO_LANH_2 = CORPUS / "caolanh2-thpt_KH-58-sinh-hoat-chuyen-mon-Lich-su_2026.docx"  # school, DOCX
CAO_LANH_2_PDF = CAO_LANH_2.with_suffix(".pdf")


def test_a_unit_after_a_dash_with_its_verb_leads_the_item():
    plan = api.parse_text(
        FRONT
        + """II. NỘI DUNG

1. Phân tích đề thi năm 2025 – Trường THPT Cao Lãnh 2 thực hiện.

2. Báo cáo chuyên đề về ôn tập - Phòng Giáo dục và Đào tạo chủ trì

3. Tham luận về ứng dụng công nghệ - Trường THPT Trường Xuân hỗ trợ thực hiện.

4. Các nội dung khác - các đơn vị cho ý kiến, thảo luận.

5. Tổng kết hội thảo - các đơn vị thực hiện.
"""
    )
    tasks = body(plan)
    assert [(t.number, t.content, names(t.lead), names(t.support)) for t in tasks] == [
        ("1", "Phân tích đề thi năm 2025", ["Trường THPT Cao Lãnh 2"], []),
        ("2", "Báo cáo chuyên đề về ôn tập", ["Phòng Giáo dục và Đào tạo"], []),
        # "hỗ trợ thực hiện": the unit supports the item, which names no lead; a kind of school and its
        # name that starts with a head word stay one unit
        ("3", "Tham luận về ứng dụng công nghệ", [], ["Trường THPT Trường Xuân"]),
    ]


def test_a_unit_after_a_dash_that_works_with_the_item_supports_it():
    plan = api.parse_text(
        FRONT
        + """II. NỘI DUNG

1. Hội thảo chuyên đề về ôn tập – Phòng Giáo dục Trung học phối hợp thực hiện.
"""
    )
    assert [(names(t.lead), names(t.support)) for t in body(plan)] == [([], ["Phòng Giáo dục Trung học"])]


def test_a_dash_inside_a_title_without_a_unit_and_verb_is_no_task():
    plan = api.parse_text(
        FRONT
        + """II. NỘI DUNG

1. Hội thảo Văn hóa - Thể thao cấp tỉnh

2. Tổ chức Trung tâm Văn hóa - Thông tin thực hiện tuyên truyền
"""
    )
    assert body(plan) == []


@needs(CAO_LANH_2, CAO_LANH_2_PDF)
def test_cao_lanh_2_four_items_with_the_schools_named_after_the_dash():
    # item 1 "– Trường THPT Cao Lãnh 2 thực hiện" is led by the host; items 2-4 "– Trường THPT X hỗ trợ thực
    # hiện" are tham luận the other schools give in support
    for path in (CAO_LANH_2, CAO_LANH_2_PDF):
        tasks = body(api.parse(path))
        assert [(names(t.lead), names(t.support)) for t in tasks] == [
            (["Trường THPT Cao Lãnh 2"], []),
            ([], ["Trường THPT Thống Linh"]),
            ([], ["Trường THPT Trần Quốc Toản"]),
            ([], ["Trường THPT Trường Xuân"]),
        ], path
        assert tasks[0].content == "Phân tích đề thi tốt nghiệp năm 2025 (môn Lịch sử)"
        assert tasks[3].content == "Tham luận “Ứng dụng công nghệ thông tin trong công tác ôn thi TN môn Lịch sử”"


# --- band rows and day headings of a programme table -----------------------------------------

SINH_HOAT = CORPUS / "docbinhkieu-thpt_KH-sinh-hoat-cong-dan_2026_draft.md"  # school draft, Markdown

PROGRAMME = """| **Thời gian** | **Hình thức** | **Nội dung** | **Đơn vị phụ trách** |
|---|---|---|---|
| **Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường** ||||
| 7h00 - 7h15 | Tập trung | Ổn định tổ chức | GVCN các lớp |
| 7h15 - 7h45 | Tập trung | Khai mạc | Ban Giám hiệu |
| **Buổi sáng (từ 9h00 đến 11h00) – Sinh hoạt theo lớp** ||||
| 9h00 - 11h00 | Sinh hoạt lớp | Bầu Ban Cán sự lớp | GVCN các lớp |
"""


def test_a_band_row_groups_the_rows_below_it():
    plan = api.parse_text(FRONT + "## II. NỘI DUNG\n\n" + PROGRAMME)
    tasks = body(plan)
    assert [(t.content, t.group, t.timeline.raw) for t in tasks] == [
        ("Ổn định tổ chức", "Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường", "7h00 - 7h15"),
        ("Khai mạc", "Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường", "7h15 - 7h45"),
        ("Bầu Ban Cán sự lớp", "Buổi sáng (từ 9h00 đến 11h00) – Sinh hoạt theo lớp", "9h00 - 11h00"),
    ]


def test_an_unnumbered_heading_over_a_table_groups_its_rows_and_the_band_goes_to_the_notes():
    plan = api.parse_text(
        FRONT
        + "## II. NỘI DUNG\n\n#### NGÀY 1: THỨ HAI, NGÀY 24/8/2026\n\n"
        + PROGRAMME
        + "\n#### NGÀY 2: THỨ BA, NGÀY 25/8/2026\n\n"
        + PROGRAMME
    )
    tasks = body(plan)
    assert len(tasks) == 6
    assert {t.group for t in tasks[:3]} == {"NGÀY 1: THỨ HAI, NGÀY 24/8/2026"}
    assert {t.group for t in tasks[3:]} == {"NGÀY 2: THỨ BA, NGÀY 25/8/2026"}
    assert tasks[2].notes == "Buổi sáng (từ 9h00 đến 11h00) – Sinh hoạt theo lớp"
    assert [t.content for t in tasks[:3]] == ["Ổn định tổ chức", "Khai mạc", "Bầu Ban Cán sự lớp"]


def test_a_numbered_heading_over_a_table_is_a_section_not_a_group():
    plan = api.parse_text(FRONT + "## II. NỘI DUNG\n\n### 3. Các hoạt động bổ sung\n\n" + PROGRAMME)
    assert {t.group for t in body(plan)} == {
        "Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường",
        "Buổi sáng (từ 9h00 đến 11h00) – Sinh hoạt theo lớp",
    }


@needs(SINH_HOAT)
def test_sinh_hoat_cong_dan_programme_by_day_without_copies_of_rows():
    tasks = body(api.parse(SINH_HOAT))
    days = [t for t in tasks if t.group and t.group.startswith("NGÀY")]
    assert len(days) == 16
    assert [t.group for t in days].count("NGÀY 3: THỨ TƯ, NGÀY 26/8/2026") == 5
    # no row copied with the band as its time
    assert not any(t.timeline and t.timeline.raw.startswith("Buổi") for t in tasks)
    assert days[5].content.startswith("Giáo viên chủ nhiệm làm việc: Làm quen với học sinh")
    assert days[5].notes == "Buổi sáng (từ 9h00 đến 11h00) – Sinh hoạt theo lớp"
    assert [t.group for t in tasks[16:]] == [None, None, None]


# --- unit boundaries ------------------------------------------------------------------------


def test_a_standing_organ_and_its_unit_are_one_unit():
    from kehoach.plan.units import split_units

    assert names(split_units("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường")) == [
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường"
    ]
    assert names(split_units("Ban Chấp hành Hội Nông dân xã")) == ["Ban Chấp hành Hội Nông dân xã"]
    # two peer units glued with no separator are still split
    assert names(split_units("Sở Khoa học và Công nghệ Sở Công Thương")) == [
        "Sở Khoa học và Công nghệ",
        "Sở Công Thương",
    ]


def test_tham_gia_and_trong_qua_trinh_start_the_duty_not_the_unit_name():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Các tổ chức thành viên của MTTQ Việt Nam phường tham gia kiểm tra, giám sát theo phân công.

2. Đoàn kiểm tra trong quá trình kiểm tra nếu có vướng mắc thì báo cáo Ban Thường trực.
"""
    )
    assert [names(t.lead) for t in plan.tasks if t.origin == "assignment"] == [
        ["Các tổ chức thành viên của MTTQ Việt Nam phường"],
        ["Đoàn kiểm tra"],
    ]


@needs(BAC_CAM_RANH)
def test_bac_cam_ranh_assignment_units():
    leads = [names(t.lead) for t in api.parse(BAC_CAM_RANH).tasks if t.origin == "assignment"]
    assert ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường"] in leads
    assert ["Các tổ chức thành viên của MTTQ Việt Nam phường"] in leads
    assert ["Đoàn kiểm tra"] in leads


def test_teachers_are_a_unit_head():
    plan = api.parse_text(
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Giáo viên chủ nhiệm các lớp

- Chủ trì các buổi sinh hoạt lớp, điểm danh học sinh.
"""
    )
    assert [names(t.lead) for t in plan.tasks if t.origin == "assignment"] == [["Giáo viên chủ nhiệm các lớp"]]


@needs(SINH_HOAT)
def test_sinh_hoat_cong_dan_homeroom_teachers_have_their_assignment():
    leads = [names(t.lead) for t in api.parse(SINH_HOAT).tasks if t.origin == "assignment"]
    assert ["Giáo viên chủ nhiệm các lớp"] in leads and len(leads) == 6


LUONG_MINH_TCD = CORPUS / "luongminh-mttq_KH-tiep-cong-dan-bau-cu_2025.docx"  # MTTQ commune, DOCX


def test_a_time_and_a_duty_label_make_a_task_with_no_unit():
    plan = api.parse_text(
        FRONT
        + """II. NỘI DUNG THỰC HIỆN

1. Tổ chức tiếp công dân về bầu cử

- Thời gian: Duy trì thường xuyên trong giờ hành chính.

- Nhiệm vụ:

+ Lắng nghe, ghi chép ý kiến của cử tri.

2. Kinh phí

- Thời gian: Năm 2026.
"""
    )
    (t,) = body(plan)  # a lone time under "2. Kinh phí" is no task
    assert (t.number, t.content, t.lead) == ("1", "Tổ chức tiếp công dân về bầu cử", [])
    assert t.timeline.raw == "Duy trì thường xuyên trong giờ hành chính."


@needs(LUONG_MINH_TCD)
def test_luong_minh_citizen_reception_is_a_task():
    tasks = body(api.parse(LUONG_MINH_TCD))
    assert [t.content for t in tasks] == ["Tổ chức tiếp công dân về bầu cử"]
    assert tasks[0].timeline.raw.startswith("Duy trì thường xuyên trong giờ hành chính suốt quá trình diễn ra bầu cử.")


# --- an item that gives only its time among labelled items ------------------------------------

HA_NOI_144 = CORPUS / "hanoi-ubnd_KH-144-ho-so-benh-an-dien-tu_2025.pdf"  # UBND TP, signed PDF

LABELLED_AND_TIME_ONLY = (
    FRONT
    + """II. NỘI DUNG

1. Triển khai hồ sơ bệnh án điện tử

1.1. Khảo sát đánh giá

- Khảo sát, đánh giá hiện trạng hạ tầng.

- Đơn vị thực hiện: Các bệnh viện trực thuộc.

1.2. Triển khai tạo lập hồ sơ bệnh án trên phần mềm

- Triển khai tạo lập, ghi chép hồ sơ bệnh án người bệnh.

- Thời gian thực hiện: Trước ngày 30/9/2025.

1.3. Chuẩn bị các điều kiện

- Chuẩn bị các điều kiện về hạ tầng công nghệ thông tin.
"""
)


def test_an_item_closed_by_its_time_among_labelled_items_is_a_task():
    tasks = body(api.parse_text(LABELLED_AND_TIME_ONLY))
    assert [(t.number, t.content, names(t.lead), t.timeline.raw if t.timeline else None) for t in tasks] == [
        ("1.1", "Khảo sát đánh giá", ["Các bệnh viện trực thuộc"], None),
        ("1.2", "Triển khai tạo lập hồ sơ bệnh án trên phần mềm", [], "Trước ngày 30/9/2025."),
    ]  # 1.3 gives neither a unit nor a time: not a task


def test_a_lone_time_closed_item_among_unlabelled_siblings_stays_no_task():
    text = LABELLED_AND_TIME_ONLY.replace("- Đơn vị thực hiện: Các bệnh viện trực thuộc.\n", "")
    assert body(api.parse_text(text)) == []


@needs(HA_NOI_144)
def test_ha_noi_144_six_labelled_items_one_of_them_time_only():
    tasks = body(api.parse(HA_NOI_144))
    assert [t.number for t in tasks] == ["1", "2", "3.1", "3.2", "3.3", "3.4"]
    assert tasks[5].content == "Triển khai tạo lập, ghi chép hồ sơ bệnh án người bệnh trên phần mềm bệnh án điện tử"
    assert tasks[5].lead == []
    assert tasks[5].timeline.raw.endswith("theo quy định trước ngày 30/9/2025.")
    assert names(tasks[1].lead)[0].startswith("Sở Y tế, Công an Thành phố")


# --- a plan body copied from a web page: bold heading lines, the plan's own preamble ----------

HUST = CORPUS / "hust_KH-giao-duc-dao-duc-khoi-nghiep-sinh-vien_2023.webcopy.md"  # university, web copy

WEB_BODY = """# Tăng cường công tác giáo dục đạo đức cho sinh viên

Thực hiện Quyết định số 585/QĐ-BGDĐT ngày 28 tháng 2 năm 2022 của Bộ Giáo dục và Đào tạo, Đại học X ban hành Kế hoạch “Tăng cường công tác giáo dục đạo đức cho sinh viên” cụ thể như sau:
**I. MỤC ĐÍCH, YÊU CẦU**
Tiếp tục tăng cường công tác giáo dục đạo đức cho sinh viên
Khơi dậy trong sinh viên tinh thần thi đua học tập
**II. TỔ CHỨC THỰC HIỆN**
**1. Phòng Công tác Sinh viên**
a) Chủ trì, thường trực giúp Ban Giám hiệu chỉ đạo việc tổ chức thực hiện Kế hoạch.
**2. Các đơn vị chuyên môn: Khoa Lý luận Chính trị và Viện Sư phạm Kỹ thuật**
a) Chủ trì triển khai các nội dung của Kế hoạch liên quan đến các học phần.
"""


def test_a_wholly_bold_numbered_line_is_a_heading_of_its_own():
    plan = api.parse_text(WEB_BODY, name="x.md")
    assert [(s.number, s.kinds) for s in plan.sections] == [
        ("I", ["muc_dich", "yeu_cau"]),
        ("II", ["to_chuc_thuc_hien"]),
    ]


def test_a_body_with_the_plans_own_preamble_is_read_as_a_plan():
    plan = api.parse_text(WEB_BODY, name="x.md")
    assert [names(t.lead) for t in plan.tasks if t.origin == "assignment"] == [
        ["Phòng Công tác Sinh viên"],
        # a group named by its members: the members are the units
        ["Khoa Lý luận Chính trị và Viện Sư phạm Kỹ thuật"],
    ]


def test_a_text_citing_a_plan_already_issued_gives_no_tasks():
    text = WEB_BODY.replace(
        "Đại học X ban hành Kế hoạch “Tăng cường công tác giáo dục đạo đức cho sinh viên” cụ thể như sau:",
        "Đại học X đã ban hành Kế hoạch số 315/KH-ĐHBK; kết quả như sau:",
    )
    assert api.parse_text(text, name="x.md").tasks == []


@needs(HUST)
def test_hust_body_copy_sections_and_five_assignments():
    plan = api.parse(HUST)
    assert [s.number for s in plan.sections] == ["I", "II", "III", "VI", "V"]
    assert [names(t.lead) for t in plan.tasks] == [
        ["Phòng Công tác Sinh viên"],
        ["Đoàn Thanh niên – Hội sinh viên"],
        ["Khoa Lý luận Chính trị, Viện Kinh tế Quản lý, Viện Sư phạm Kỹ thuật và Khoa Giáo dục Quốc phòng An ninh"],
        ["Các Phòng ban chức năng"],
        ["Trường/Viện đào tạo"],
    ]


# --- fifth collection (branch h10c): a state-enterprise table, a Sở's prose plan, provincial drafts --------

DIEU_DO = CORPUS / "dieudo-htd-miennam_KH-cong-tac-quoc-phong-quan-su_2024.docx"  # state enterprise unit, DOCX
HAI_DUONG_339 = CORPUS / "haiduong-stttt_KH-339-KH-STTTT-ha-tang-so_2022.doc"  # Sở TTTT Hải Dương, Word 97
ONE_TOUCH = CORPUS / "haiduong-ubnd_KH-boi-duong-CDS-one-touch_2023_draft.docx"  # UBND tỉnh draft, DOCX

PRESIDING_TABLE = (
    FRONT
    + """II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN

| STT | Nội dung | Thời gian | Chủ trì | Thực hiện |
| --- | --- | --- | --- | --- |
| 1 | Tổ chức quán triệt các nghị quyết về quốc phòng. | Thường xuyên | | Chi ủy A2 |
| 2 | Xây dựng kế hoạch công tác quốc phòng. | Quý I/2024 | Lãnh đạo Trung tâm | BCH Quân sự, phòng Tổng hợp |

III. TỔ CHỨC THỰC HIỆN:

- BCH Quân sự Trung tâm chủ động tham mưu Lãnh đạo Trung tâm tổ chức triển khai kế hoạch.

Các phòng trong Trung tâm bố trí sắp xếp để CBCNV tham gia công tác huấn luyện theo quy định ./.
"""
)


def test_a_performers_column_beside_chu_tri_supports_and_leads_a_row_with_no_chu_tri():
    plan = api.parse_text(PRESIDING_TABLE, name="x.md")
    rows = [(names(t.lead), names(t.support)) for t in plan.tasks if t.origin != "assignment"]
    assert rows == [
        (["Chi ủy A2"], []),  # "Chủ trì" blank: the performers lead
        (["Lãnh đạo Trung tâm"], ["BCH Quân sự, phòng Tổng hợp"]),
    ]


def test_unit_paragraphs_under_to_chuc_thuc_hien_even_the_last_one_closed_by_its_mark():
    plan = api.parse_text(PRESIDING_TABLE, name="x.md")
    assert [names(t.lead) for t in plan.tasks if t.origin == "assignment"] == [
        ["BCH Quân sự Trung tâm"],  # "BCH" (Ban chỉ huy) heads a unit name
        ["Các phòng trong Trung tâm"],  # ends "./." but names its unit: a duty, not the closing
    ]
    closing = PRESIDING_TABLE + "\nTrên đây là Kế hoạch của Trung tâm ./.\n"
    assert len([t for t in api.parse_text(closing, name="x.md").tasks if t.origin == "assignment"]) == 2


def test_a_heading_naming_its_fields_takes_the_content_label_as_the_task():
    text = (
        FRONT
        + """II. NỘI DUNG THỰC HIỆN

1. Tổ chức tuyên truyền, hướng dẫn

1.1. Về nội dung và thời gian tuyên truyền, hướng dẫn

- Nội dung: Tuyên truyền, phổ biến các văn bản quy phạm pháp luật về hạ tầng viễn thông.

- Thời gian: Thường xuyên, liên tục.

1.2. Hình thức tuyên truyền, hướng dẫn

- Tuyên truyền trên các phương tiện thông tin đại chúng.
"""
    )
    [task] = body(api.parse_text(text, name="x.md"))
    assert task.content == "Tuyên truyền, phổ biến các văn bản quy phạm pháp luật về hạ tầng viễn thông."
    assert task.group == "Tổ chức tuyên truyền, hướng dẫn"
    assert task.timeline is not None and task.timeline.raw.startswith("Thường xuyên")


def test_a_draft_mark_over_the_type_line_is_not_part_of_the_issuer():
    text = """ỦY BAN NHÂN DÂN
TỈNH HẢI DƯƠNG

Số: /KH-UBND

Hải Dương, ngày tháng 6 năm 2023

(DỰ THẢO)

KẾ HOẠCH
Thí điểm bồi dưỡng kỹ năng chuyển đổi số

I. MỤC TIÊU

- Nâng cao kỹ năng số.
"""
    header = api.parse_text(text, name="x.md").header
    assert (header.issuer, header.draft) == ("ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", True)


def test_a_second_name_of_the_same_kind_or_a_school_under_a_so_is_the_issuer_under_its_parent():
    from kehoach.plan.header import read_issuer, read_place_date

    lines = ["TRUNG TÂM ĐIỀU ĐỘ", "HỆ THỐNG ĐIỆN QUỐC GIA", "TRUNG TÂM ĐIỀU ĐỘ", "HỆ THỐNG ĐIỆN MIỀN NAM"]
    assert read_issuer(lines) == (
        "TRUNG TÂM ĐIỀU ĐỘ HỆ THỐNG ĐIỆN MIỀN NAM",
        "TRUNG TÂM ĐIỀU ĐỘ HỆ THỐNG ĐIỆN QUỐC GIA",
    )
    school = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "ĐỒNG THÁP", "TRƯỜNG THPT ĐỐC BINH KIỀU"]
    assert read_issuer(school) == ("TRƯỜNG THPT ĐỐC BINH KIỀU", "SỞ GIÁO DỤC VÀ ĐÀO TẠO ĐỒNG THÁP")
    # a committee's standing board is part of the committee's name, not a unit under it
    mttq = ["ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"]
    assert read_issuer(mttq) == ("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN THƯỜNG TRỰC", None)
    # a draft's blank day written as dots
    assert read_place_date("Đốc Binh Kiều, ngày ... tháng 8 năm 2026") == ("Đốc Binh Kiều", None, "2026-08")


@needs(DIEU_DO)
def test_dieu_do_table_leads_performers_assignments_and_issuer():
    plan = api.parse(DIEU_DO)
    rows = [t for t in plan.tasks if t.origin != "assignment"]
    assert len(rows) == 11
    assert (names(rows[0].lead), names(rows[0].support)) == (["Chi ủy A2"], [])
    assert (names(rows[4].lead), names(rows[4].support)) == (["BCH Quân sự Quận 3"], ["Trung đội DQTV"])
    assert [names(t.lead) for t in plan.tasks if t.origin == "assignment"] == [
        ["BCH Quân sự Trung tâm"],
        ["BCH Quân sự Trung tâm"],
        ["Các phòng trong Trung tâm"],
    ]
    assert plan.header.issuer == "TRUNG TÂM ĐIỀU ĐỘ HỆ THỐNG ĐIỆN MIỀN NAM"
    assert plan.header.issuer_parent == "TRUNG TÂM ĐIỀU ĐỘ HỆ THỐNG ĐIỆN QUỐC GIA"


@needs(HAI_DUONG_339)
def test_hai_duong_339_the_content_label_task_and_four_labelled_items():
    plan = api.parse(HAI_DUONG_339)
    tasks = body(plan)
    assert tasks[0].content.startswith("Tuyên truyền, phổ biến các văn bản quy phạm pháp luật")
    assert sum(1 for t in tasks if names(t.lead) == ["Phòng Bưu chính - Viễn thông - Công nghệ thông tin"]) >= 4
    assert plan.header.number == "339/KH-STTTT"


@needs(ONE_TOUCH)
def test_one_touch_draft_issuer_without_the_draft_mark():
    header = api.parse(ONE_TOUCH).header
    assert (header.issuer, header.draft) == ("ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", True)


@needs(SINH_HOAT)
def test_doc_binh_kieu_draft_school_under_its_so_and_a_dotted_day():
    header = api.parse(SINH_HOAT).header
    assert (header.issuer, header.place) == ("TRƯỜNG THPT ĐỐC BINH KIỀU", "Đốc Binh Kiều")


# --- a web copy's flattened appendix: a dotted filler cell between rows, the page footer after the table ----------

NGHE_AN_980 = CORPUS / "nghean-ubnd_KH-980-KH-UBND_2025.webcopy.md"  # province, web copy with pipe cells

PIPE_APPENDIX = (
    FRONT
    + """II. NHIỆM VỤ

Phụ lục nhiệm vụ
|
STT
|
Nội dung
|
Cơ quan chủ trì
|
Thời gian
|
|
1
|
Ban hành Quy chế phối hợp tìm kiếm, cứu nạn
|
Sở Xây dựng
|
Năm 2025
|
….................................
|
2
|
Thành lập bộ máy quản lý Quỹ phòng thủ dân sự
|
Sở Tài chính
|
Năm 2025
|
|
**Địa chỉ:**
|
17 Nguyễn Gia Thiều, TP.HCM
|
**Điện thoại:**
|
(028) 3930 3279
|
"""
)


def test_a_dotted_filler_cell_between_pipe_rows_is_no_text_and_a_footer_of_labels_is_no_row():
    plan = api.parse_text(PIPE_APPENDIX, name="x.md")
    assert [(t.content, names(t.lead)) for t in plan.tasks] == [
        ("Ban hành Quy chế phối hợp tìm kiếm, cứu nạn", ["Sở Xây dựng"]),  # not run on into row 2
        ("Thành lập bộ máy quản lý Quỹ phòng thủ dân sự", ["Sở Tài chính"]),
    ]  # and no task "17 Nguyễn Gia Thiều" led by "Điện thoại"


@needs(NGHE_AN_980)
def test_nghe_an_980_fund_row_apart_and_no_footer_task():
    plan = api.parse(NGHE_AN_980)
    contents = [t.content for t in plan.tasks]
    assert any(c.startswith("Thành lập bộ máy quản lý Quỹ") for c in contents)
    assert not any("Nguyễn Gia Thiều" in c or "Thành lập bộ máy" in c[20:] for c in contents)


# --- school plans copied as plain text: one paragraph a line, headings with no blank line under them -----------

BAO_LUC = CORPUS / "docbinhkieu-thpt_KH-phong-chong-bao-luc-hoc-duong_2026_draft.txt"  # school draft, text
TOI_PHAM = CORPUS / "docbinhkieu-thpt_KH-phong-chong-toi-pham_2026_body-copy.txt"  # school body copy, text

LONG_LINE = "Cụ thể hóa các nhiệm vụ được giao, qua đó quán triệt và chỉ đạo, hướng dẫn các bộ phận thực hiện nghiêm túc, đồng bộ, hiệu quả các giải pháp phòng, chống bạo lực học đường trong nhà trường."
UNIT_BY_UNIT = f"""KẾ HOẠCH
Phòng, chống bạo lực học đường

Trường THPT X xây dựng Kế hoạch triển khai thực hiện với các nội dung cụ thể như sau:

I. MỤC ĐÍCH, YÊU CẦU
{LONG_LINE}

II. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN

1. Đối với Ban Giám hiệu nhà trường (đồng chí Nguyễn Văn A – Phó Hiệu trưởng được phân công phụ trách)
Chịu trách nhiệm trực tiếp, toàn diện về công tác bảo đảm an toàn trong trường học. {LONG_LINE}

2. Đối với đội ngũ giáo viên
Tăng cường giáo dục đạo đức, lối sống, kỹ năng sống cho học sinh. {LONG_LINE}

III. TỔ CHỨC THỰC HIỆN

Tổ văn phòng

Theo dõi, tổng hợp, báo cáo kết quả thực hiện Kế hoạch theo quy định. {LONG_LINE}

Tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh

Tổ chức các hoạt động phong trào, các câu lạc bộ, sân chơi lành mạnh thu hút học sinh tham gia. {LONG_LINE}
"""


def test_an_unwrapped_text_numbered_line_over_a_capitalised_line_is_a_heading():
    plan = api.parse_text(UNIT_BY_UNIT, name="x.txt")
    assert [(s.number, s.kinds) for s in plan.sections] == [
        ("I", ["muc_dich", "yeu_cau"]),
        ("II", ["nhiem_vu"]),
        ("III", ["to_chuc_thuc_hien"]),
    ]
    # a numbered line ending in a word that needs more ("… của") was wrapped, even in such a text
    cut = UNIT_BY_UNIT.replace(
        "2. Đối với đội ngũ giáo viên\n", "2. Xây dựng Nghị định của\nChính phủ về trường học.\n"
    )
    assert any(p.text.startswith("2. Xây dựng Nghị định của Chính phủ") for p in parse_string(cut).blocks)
    # hard-wrapped text (no long line) keeps a numbered line and the line under it together
    wrapped = "KẾ HOẠCH\nPhòng, chống bạo lực\n\n1. Phối hợp với\nCông an xã tuần tra.\n"
    assert any("Phối hợp với Công an xã" in p.text for p in parse_string(wrapped).blocks)


def test_a_tasks_section_written_for_each_unit_and_bare_unit_lines_give_assignments():
    plan = api.parse_text(UNIT_BY_UNIT, name="x.txt")
    assert [(names(t.lead), " ".join(t.content.split()[:2])) for t in plan.tasks if t.origin == "assignment"] == [
        (["Ban Giám hiệu nhà trường"], "Chịu trách"),  # "Đối với …" names whom the duties are for
        (["đội ngũ giáo viên"], "Tăng cường"),
        (["Tổ văn phòng"], "Theo dõi,"),  # a bare unit line over its duties (numbering lost)
        (["Tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh"], "Tổ chức"),
    ]


@needs(BAO_LUC)
def test_doc_binh_kieu_violence_plan_sections_and_four_units():
    plan = api.parse(BAO_LUC)
    assert [s.number for s in plan.sections] == ["I", "II", "III"]
    assert [names(t.lead) for t in plan.tasks if t.origin == "assignment"] == [
        ["Ban Giám hiệu nhà trường"],
        ["đội ngũ giáo viên"],
        ["giáo viên phụ trách công tác Đoàn và Tổ Tư vấn tâm lý học đường"],
        ["các Tổ chuyên môn và bộ phận văn phòng"],
    ]


@needs(TOI_PHAM)
def test_doc_binh_kieu_crime_plan_four_unit_blocks():
    plan = api.parse(TOI_PHAM)
    leads = [names(t.lead)[0] for t in plan.tasks if t.origin == "assignment"]
    assert leads[:4] == [
        "Ban Giám hiệu nhà trường",
        "Tổ chuyên môn và giáo viên",
        "Tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        "Tổ văn phòng và nhân viên",
    ]


# --- duty headings that open with a request or a premise ------------------------------------------------------

DONG_THAP_617 = CORPUS / "dongthap-ubnd_KH-617-KH-UBND_2025.webcopy.md"  # province, web copy
QUANG_NGAI_1627 = CORPUS / "quangngai-ubnd_QD-1627-ban-hanh-KH_2025.webcopy.md"  # province, QĐ with its plan


def test_de_nghi_with_a_colon_and_tren_co_so_open_a_units_duty():
    text = (
        FRONT
        + """II. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ

Chủ trì theo dõi việc thực hiện Kế hoạch.

2. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh

a) Tuyên truyền, vận động hội viên tham gia chuyển đổi số.

3. Trên cơ sở nội dung Kế hoạch, các sở, ban, ngành tỉnh căn cứ Kế hoạch ban hành kế hoạch triển khai.
"""
    )
    plan = api.parse_text(text, name="x.md")
    assert [names(t.lead) for t in plan.tasks if t.origin == "assignment"] == [
        ["Sở Khoa học và Công nghệ"],
        ["Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh"],
        ["các sở, ban, ngành tỉnh"],
    ]


@needs(DONG_THAP_617)
def test_dong_thap_617_the_associations_are_asked_their_duties():
    plan = api.parse(DONG_THAP_617)
    leads = [names(t.lead) for t in plan.tasks if t.origin == "assignment"]
    assert ["Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh"] in leads


@needs(QUANG_NGAI_1627)
def test_quang_ngai_1627_the_premise_before_the_units_is_not_their_name():
    plan = api.parse(QUANG_NGAI_1627)
    leads = [names(t.lead) for t in plan.tasks if t.origin == "assignment"]
    assert ["các sở, ban, ngành tỉnh, Ủy ban nhân dân các phường, xã, đặc khu"] in leads


# --- a time label with a long qualifier closing an item's sentence ----------------------------------------------

DVCTT = CORPUS / "haiduong-ubnd_KH-nang-cao-DVCTT_2023_draft.docx"  # UBND tỉnh draft, DOCX


def test_a_trailing_start_time_label_with_a_long_qualifier_is_the_items_time():
    text = (
        FRONT
        + """II. NỘI DUNG THỰC HIỆN

1. Triển khai thử nghiệm Kho dữ liệu điện tử

Triển khai thử nghiệm Kho dữ liệu điện tử phục vụ dịch vụ công. Thời gian bắt đầu triển khai thử nghiệm: Tháng 9/2023.

- Cơ quan chủ trì: Sở Thông tin và Truyền thông.
"""
    )
    [task] = body(api.parse_text(text, name="x.md"))
    assert task.timeline is not None and task.timeline.raw.startswith("Tháng 9/2023")


@needs(DVCTT)
def test_dvctt_draft_fourteen_labelled_tasks_and_the_trial_start():
    tasks = body(api.parse(DVCTT))
    assert len(tasks) == 14
    trial = next(t for t in tasks if t.content.startswith("Triển khai thử nghiệm Kho dữ liệu"))
    assert trial.timeline is not None and trial.timeline.raw.startswith("Tháng 9/2023")


def test_a_unit_led_paragraph_ends_the_duties_of_a_bare_unit_line():
    # the held unit takes the paragraphs below it only until a paragraph led by another unit
    text = UNIT_BY_UNIT.replace(
        "Tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh\n",
        "Sở Giáo dục và Đào tạo chủ trì kiểm tra việc thực hiện Kế hoạch này.\n\n"
        "Tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh\n",
    )
    plan = api.parse_text(text, name="x.txt")
    got = [(names(t.lead), " ".join(t.content.split()[:2])) for t in plan.tasks if t.origin == "assignment"]
    assert (["Sở Giáo dục và Đào tạo"], "Sở Giáo") in got
    office = next(t for t in plan.tasks if names(t.lead) == ["Tổ văn phòng"])
    assert "Sở Giáo dục" not in office.content
