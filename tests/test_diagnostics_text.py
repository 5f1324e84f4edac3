"""Diagnostics for headings and noise, and documents that are not plans: inline fragments."""

from kehoach import api

PLAN = "KẾ HOẠCH\n\nTuyên truyền năm 2024\n\n"


def codes(plan):
    return [d.code for d in plan.diagnostics]


def test_a_skipped_section_number_is_reported():
    plan = api.parse_text(PLAN + "I. MỤC ĐÍCH\n\n- A.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n- B.\n")
    (d,) = plan.diagnostics
    assert d.code == "item-skipped" and "III" in d.message and "after I" in d.message
    assert d.excerpt == "III. TỔ CHỨC THỰC HIỆN" and d.location.line == 9


def test_a_plan_starting_at_section_two_is_reported():
    plan = api.parse_text(PLAN + "II. MỤC ĐÍCH\n\n- A.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n- B.\n")
    assert codes(plan) == ["item-skipped"]
    assert "start of its sequence" in plan.diagnostics[0].message


def test_skipped_letter_is_reported_and_d_to_e_without_dd_is_not():
    ok = api.parse_text(PLAN + "I. NỘI DUNG\n\n1. Tuyên truyền\n\na) A.\n\nb) B.\n\nc) C.\n\nd) D.\n\ne) E.\n")
    assert codes(ok) == []
    bad = api.parse_text(PLAN + "I. NỘI DUNG\n\n1. Tuyên truyền\n\na) A.\n\nb) B.\n\ne) E.\n")
    assert codes(bad) == ["item-skipped"] and "after b" in bad.diagnostics[0].message


def test_numbering_that_goes_on_from_the_previous_section_is_not_a_skip():
    plan = api.parse_text(PLAN + "I. MỤC ĐÍCH\n\n1. Một\n\n2. Hai\n\nII. NỘI DUNG\n\n3. Ba\n\n4. Bốn\n")
    assert codes(plan) == []


def test_a_repeated_number_is_not_a_skip():
    plan = api.parse_text(PLAN + "I. MỤC ĐÍCH\n\n- A.\n\nII. NỘI DUNG\n\n- B.\n\nII. TỔ CHỨC THỰC HIỆN\n\n- C.\n")
    assert "item-skipped" not in codes(plan)


def test_a_roman_heading_without_punctuation_is_a_guess():
    plan = api.parse_text(PLAN + "I MỤC ĐÍCH, YÊU CẦU\n\n- A.\n\nII. TỔ CHỨC THỰC HIỆN\n\n- B.\n")
    assert [s.number for s in plan.sections] == ["I", "II"]
    assert codes(plan) == ["heading-level-guessed"] and "section I " in plan.diagnostics[0].message


def test_an_item_with_no_parent_item_is_a_level_guess():
    plan = api.parse_text(PLAN + "I. NỘI DUNG\n\n1. Tuyên truyền\n\n- A.\n\n2.1. Tập huấn\n\n- B.\n")
    assert codes(plan) == ["heading-level-guessed"] and "2.1" in plan.diagnostics[0].message


def test_page_header_fragment_dropped_at_the_end_is_reported():
    text = PLAN + "I. NỘI DUNG\n\n- A.\n\nTT\tNội dung\tĐơn vị chủ trì\n1\tRà soát\tSở Tư pháp\n\nKẾ HOẠCH SỐ 12\n\n3\n"
    plan = api.parse_text(text)
    dropped = [d for d in plan.diagnostics if d.code == "text-dropped"]
    assert [d.excerpt for d in dropped] == ["KẾ HOẠCH SỐ 12"]  # the bare page number "3" is not reported


def test_a_clean_plan_has_no_diagnostics():
    plan = api.parse_text(
        PLAN + "I. MỤC ĐÍCH\n\n1. Mục đích\n\n- A.\n\n2. Yêu cầu\n\n- B.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Phòng Nội vụ\n\nChủ trì triển khai.\n"
    )
    assert plan.diagnostics == []


REPORT = """ỦY BAN NHÂN DÂN
HUYỆN SƠN HÀ

Số: 15/BC-UBND

Sơn Hà, ngày 10 tháng 3 năm 2024

BÁO CÁO

Kết quả cải cách hành chính quý I năm 2024

I. KẾT QUẢ THỰC HIỆN

1. Phòng Nội vụ

Chủ trì rà soát thủ tục hành chính; Thời gian: tháng 3/2024.

II. NHIỆM VỤ QUÝ II

- Phòng Tư pháp chủ trì tuyên truyền.
"""


def test_a_report_is_not_a_plan_and_gives_no_tasks():
    plan = api.parse_text(REPORT)
    assert (plan.document_type, plan.is_plan, plan.tasks) == ("bao_cao", False, [])
    assert codes(plan) == ["not-a-plan"] and "bao_cao" in plan.diagnostics[0].message


def test_a_notice_and_a_submission_are_not_plans():
    for word, doc_type in (("THÔNG BÁO", "thong_bao"), ("TỜ TRÌNH", "to_trinh")):
        plan = api.parse_text(REPORT.replace("BÁO CÁO", word))
        assert (plan.document_type, plan.is_plan, plan.tasks) == (doc_type, False, [])


def test_an_official_letter_is_not_a_plan():
    text = REPORT.replace("BÁO CÁO\n\nKết quả cải cách hành chính quý I năm 2024\n\n", "V/v triển khai kiểm tra\n\n")
    plan = api.parse_text(text)
    assert (plan.document_type, plan.is_plan, plan.tasks) == ("cong_van", False, [])


def test_a_file_that_is_no_administrative_document_is_unknown_with_no_tasks():
    readme = (
        "# kehoach\n\nA tool.\n\n## Install\n\n1. Clone the repository.\n\n2. Run pip install.\n\n"
        "- Đơn vị chủ trì: nobody\n"
    )
    plan = api.parse_text(readme)
    assert (plan.document_type, plan.is_plan, plan.tasks) == ("unknown", False, [])
    code = "import os\n\n\ndef main():\n    print(os.getcwd())\n"
    plan = api.parse_text(code)
    assert (plan.document_type, plan.is_plan, plan.tasks) == ("unknown", False, [])


def test_a_plan_fragment_without_its_header_keeps_its_tasks():
    plan = api.parse_text(
        "I. NỘI DUNG\n\n1. Rà soát thủ tục\n\n- Đơn vị chủ trì: Sở Tư pháp\n\n- Thời gian: Quý II/2024\n"
    )
    assert plan.document_type == "unknown" and len(plan.tasks) == 1
    assert "not-a-plan" not in codes(plan)
