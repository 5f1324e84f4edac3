"""Defects found on the corpus plans (issue 10): each behaviour on a minimal inline fragment,
then on the real document in ``corpus/`` that showed it."""
from __future__ import annotations

from pathlib import Path

from conftest import needs

from kehoach import api

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BAC_CAM_RANH = CORPUS / "baccamranh-mttq_KH-kiem-tra-giam-sat-bau-cu_2025.docx"   # MTTQ ward, DOCX

FRONT = "KẾ HOẠCH\nKiểm tra, giám sát năm 2025\n\nI. MỤC ĐÍCH\n\n- Nâng cao nhận thức.\n\n"


def names(units) -> list[str]:
    return [u.name for u in units]


def body(plan):
    return [t for t in plan.tasks if t.origin == "body"]


# --- items closed by their own time, with no unit ------------------------------------------

TIME_CLOSED = FRONT + """II. NỘI DUNG KIỂM TRA, GIÁM SÁT

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


def test_parallel_items_each_closed_by_a_time_are_tasks_of_the_issuer():
    tasks = body(api.parse_text(TIME_CLOSED))
    assert [t.number for t in tasks] == ["1", "2", "3"]
    assert tasks[0].content == "Giám sát việc lập danh sách cử tri"
    assert (tasks[0].lead, tasks[0].support) == ([], [])
    assert tasks[0].timeline.raw == "Từ ngày 03/02/2026 đến ngày 15/03/2026."
    # a label left alone on its line takes the whole list under it, marks dropped
    assert tasks[1].timeline.raw == ("Đợt 1: Từ ngày 01/12/2025 đến ngày 14/12/2025. "
                                     "Đợt 2: Từ ngày 02/02/2026 đến ngày 08/02/2026.")
    # the time written after the last sub-item closes the item over them, as its siblings are closed
    assert tasks[2].content == "Kiểm tra việc vận động bầu cử"
    assert tasks[2].timeline.raw == "Từ ngày 26/02/2026 đến ngày 14/3/2026."


def test_a_lone_time_field_under_one_heading_is_no_task():
    plan = api.parse_text(FRONT + """II. NỘI DUNG

1. Tổ chức hội nghị sơ kết

- Đánh giá kết quả.

* Thời gian thực hiện: Tháng 6/2025.

2. Kinh phí

Kinh phí do ngân sách bảo đảm.
""")
    assert body(plan) == []


def test_a_label_with_its_own_dash_does_not_take_the_items_after_it():
    plan = api.parse_text(FRONT + """II. NỘI DUNG

1. Rà soát văn bản

- Đơn vị chủ trì:
- Sở Tư pháp
- Lập danh mục văn bản cần sửa đổi.
""")
    (t,) = body(plan)
    assert names(t.lead) == ["Sở Tư pháp"]       # not "Sở Tư pháp Lập danh mục …"


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

CAO_LANH_2 = CORPUS / "caolanh2-thpt_KH-58-sinh-hoat-chuyen-mon-Lich-su_2026.docx"   # school, DOCX
CAO_LANH_2_PDF = CAO_LANH_2.with_suffix(".pdf")


def test_a_unit_after_a_dash_with_its_verb_leads_the_item():
    plan = api.parse_text(FRONT + """II. NỘI DUNG

1. Phân tích đề thi năm 2025 – Trường THPT Cao Lãnh 2 thực hiện.

2. Báo cáo chuyên đề về ôn tập - Phòng Giáo dục và Đào tạo chủ trì

3. Tham luận về ứng dụng công nghệ - Trường THPT Trường Xuân hỗ trợ thực hiện.

4. Các nội dung khác - các đơn vị cho ý kiến, thảo luận.

5. Tổng kết hội thảo - các đơn vị thực hiện.
""")
    tasks = body(plan)
    assert [(t.number, t.content, names(t.lead)) for t in tasks] == [
        ("1", "Phân tích đề thi năm 2025", ["Trường THPT Cao Lãnh 2"]),
        ("2", "Báo cáo chuyên đề về ôn tập", ["Phòng Giáo dục và Đào tạo"]),
        # a kind of school and its name that starts with a head word: one unit
        ("3", "Tham luận về ứng dụng công nghệ", ["Trường THPT Trường Xuân"]),
    ]


def test_a_dash_inside_a_title_without_a_unit_and_verb_is_no_task():
    plan = api.parse_text(FRONT + """II. NỘI DUNG

1. Hội thảo Văn hóa - Thể thao cấp tỉnh

2. Tổ chức Trung tâm Văn hóa - Thông tin thực hiện tuyên truyền
""")
    assert body(plan) == []


@needs(CAO_LANH_2, CAO_LANH_2_PDF)
def test_cao_lanh_2_four_items_led_by_the_schools_named_after_the_dash():
    for path in (CAO_LANH_2, CAO_LANH_2_PDF):
        tasks = body(api.parse(path))
        assert [names(t.lead) for t in tasks] == [["Trường THPT Cao Lãnh 2"], ["Trường THPT Thống Linh"],
                                                   ["Trường THPT Trần Quốc Toản"], ["Trường THPT Trường Xuân"]], path
        assert tasks[0].content == "Phân tích đề thi tốt nghiệp năm 2025 (môn Lịch sử)"
        assert tasks[3].content == "Tham luận “Ứng dụng công nghệ thông tin trong công tác ôn thi TN môn Lịch sử”"
