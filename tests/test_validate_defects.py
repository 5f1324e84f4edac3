"""Small defective plans, one defect each: the exact rule fires at the exact place, and the
clean plan they are made from is silent."""

from __future__ import annotations

import unicodedata

import pytest

from kehoach import api
from kehoach.validate import Config, validate

CLEAN = """\
ỦY BAN NHÂN DÂN
HUYỆN SƠN HÀ

Số: 23/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Sơn Hà, ngày 16 tháng 02 năm 2024

KẾ HOẠCH
Truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2024

Thực hiện Kế hoạch số 36/KH-UBND ngày 07/02/2024 của Chủ tịch UBND tỉnh về truyền thông kiểm soát thủ tục hành chính năm 2024, UBND huyện ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Tuyên truyền kịp thời, sâu rộng các văn bản chỉ đạo của Chính phủ, của Tỉnh về công tác kiểm soát thủ tục hành chính trên địa bàn huyện.

2. Yêu cầu

- Bảo đảm công khai, minh bạch các thông tin về thủ tục hành chính nhằm tạo điều kiện cho cá nhân, tổ chức tiếp cận và giám sát.

II. NỘI DUNG

Hoạt động truyền thông thực hiện theo nội dung tại Danh mục ban hành kèm theo Kế hoạch này.

III. TỔ CHỨC THỰC HIỆN

1. Văn phòng HĐND và UBND huyện

Có trách nhiệm chủ trì, phối hợp với các cơ quan, đơn vị theo dõi, kiểm tra, hướng dẫn việc thực hiện Kế hoạch này.

2. Các phòng, ban huyện

Căn cứ chức năng, nhiệm vụ, chủ động triển khai thực hiện các nội dung được phân công trong Kế hoạch này./.

Nơi nhận:
- Văn phòng UBND tỉnh;
- UBND các xã, thị trấn;
- Lưu: VT, TH.

CHỦ TỊCH

Đinh Thị Trà

DANH MỤC
Truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2024
(Ban hành kèm theo Kế hoạch số 23/KH-UBND ngày 16/02/2024 của UBND huyện Sơn Hà)

STT\tNội dung công việc\tĐơn vị chủ trì thực hiện\tCơ quan, đơn vị phối hợp thực hiện\tThời gian thực hiện
I. Truyền thông hỗ trợ công tác kiểm soát thủ tục hành chính\t\t\t\t
01\tCung cấp thông tin kịp thời cho người dân và doanh nghiệp về kết quả kiểm soát thủ tục hành chính\tVăn phòng HĐND và UBND huyện\tUBND các xã, thị trấn\tThường xuyên
02\tTuyên truyền về giải quyết thủ tục hành chính qua Đài truyền thanh huyện\tTrung tâm Truyền thông - Văn hóa - Thể thao huyện\tVăn phòng HĐND và UBND huyện\tQuý II/2024
03\tTuyên truyền các mô hình, giải pháp hay về cải cách thủ tục hành chính\tCác phòng, ban huyện\tVăn phòng HĐND và UBND huyện\tTháng 10/2024
"""


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing `needle`."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[nth - 1]


def check(text: str, **config):
    return validate(api.parse_text(text, name="plan.txt"), Config(**config))


def test_clean_plan_is_silent():
    assert check(CLEAN) == []


def test_clean_plan_is_silent_in_english_too():
    assert check(CLEAN, lang="en") == []


BULLET = "- Bảo đảm công khai, minh bạch các thông tin về thủ tục hành chính nhằm tạo điều kiện cho cá nhân, tổ chức tiếp cận và giám sát."
DUTY = "Có trách nhiệm chủ trì, phối hợp với các cơ quan, đơn vị theo dõi, kiểm tra, hướng dẫn việc thực hiện Kế hoạch này."
ROW3 = "03\tTuyên truyền các mô hình, giải pháp hay về cải cách thủ tục hành chính\tCác phòng, ban huyện\tVăn phòng HĐND và UBND huyện\tTháng 10/2024"

# (id, old, new, rule, the text of the line the finding must point at, its nth occurrence[, replacements])
CASES = [
    ("duplicate", DUTY, DUTY + "\n\n" + BULLET, "duplicate-paragraph", BULLET, 2),
    ("section-skipped", "III. TỔ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN", "heading-numbering", "IV. TỔ CHỨC", 1),
    ("section-repeated", "III. TỔ CHỨC THỰC HIỆN", "II. TỔ CHỨC THỰC HIỆN", "heading-numbering", "II. TỔ CHỨC", 1),
    ("task-number-repeated", "03\tTuyên", "02\tTuyên", "task-numbering", "02\tTuyên", 2),
    ("missing-organisation", "III. TỔ CHỨC THỰC HIỆN", "III. KINH PHÍ", "missing-section", "I. MỤC ĐÍCH", 1),
    (
        "appendix-number",
        "(Ban hành kèm theo Kế hoạch số 23/KH-UBND",
        "(Ban hành kèm theo Kế hoạch số 32/KH-UBND",
        "appendix-number-mismatch",
        "DANH MỤC",
        1,
    ),
    (
        "appendix-date",
        "số 23/KH-UBND ngày 16/02/2024",
        "số 23/KH-UBND ngày 18/02/2024",
        "appendix-number-mismatch",
        "DANH MỤC",
        1,
    ),
    (
        "no-motto",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n",
        "",
        "header-missing",
        "ỦY BAN",
        1,
    ),
    ("no-signer", "CHỦ TỊCH\n\nĐinh Thị Trà\n", "", "signer-missing", "DANH MỤC", 1),
    (
        "no-archive",
        "- UBND các xã, thị trấn;\n- Lưu: VT, TH.",
        "- UBND các xã, thị trấn.",
        "recipients-missing",
        "Nơi nhận",
        1,
    ),
    ("type-code", "23/KH-UBND", "23/QĐ-UBND", "number-format", "Số: 23/QĐ", 1, -1),
    ("month-zero", "ngày 16 tháng 02 năm 2024", "ngày 16 tháng 2 năm 2024", "date-format", "tháng 2 năm", 1),
    (
        "reference-type",
        "Thực hiện Kế hoạch số 36/KH-UBND",
        "Thực hiện Quyết định số 36/KH-UBND",
        "reference-type-mismatch",
        "Thực hiện Quyết định",
        1,
    ),
    (
        "reference-date",
        "36/KH-UBND ngày 07/02/2024",
        "36/KH-UBND ngày 30/02/2024",
        "reference-date-invalid",
        "Thực hiện Kế hoạch",
        1,
    ),
    (
        "reference-later",
        "36/KH-UBND ngày 07/02/2024",
        "36/KH-UBND ngày 07/03/2024",
        "reference-date-after-plan",
        "Thực hiện Kế hoạch",
        1,
    ),
    ("no-lead", "hành chính\tCác phòng, ban huyện\tVăn", "hành chính\t\tVăn", "task-no-lead", "03\t", 1),
    ("no-timeline", "\tTháng 10/2024", "\t", "task-no-timeline", "03\t", 1),
    ("last-year", "Quý II/2024", "Quý II/2023", "timeline-outside-plan-year", "02\t", 1),
    (
        "unit-typo",
        ROW3,
        ROW3.replace("Văn phòng HĐND và UBND huyện", "Văn phòng HDND và huyện"),
        "unit-near-miss",
        "03\t",
        1,
    ),
    (
        "legacy",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc",
        None,
        "Céng hoµ",
        1,
    ),
    ("mixed-tone", "Văn hóa - Thể thao", "Văn hoá - Thể thao", "mixed-tone-placement", "02\t", 1),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_one_defect(case):
    _, old, new, rule, needle, nth, *count = case
    assert old in CLEAN
    text = CLEAN.replace(old, new, *count or [1])
    found = check(text)
    rules = {f.rule for f in found}
    wanted = rule or "legacy-encoding"
    assert wanted in rules, [f"{f.rule}: {f.message}" for f in found]
    if rule is not None:  # the garbled motto also reads as "no motto": both are true
        assert rules == {wanted}, [f"{f.rule}: {f.message}" for f in found]
    hit = next(f for f in found if f.rule == wanted)
    assert hit.location is not None and hit.location.line == line_of(text, needle, nth)


def test_duplicated_run_is_one_finding_with_both_ranges():
    block = "2. Yêu cầu\n\n" + BULLET
    text = CLEAN.replace(
        DUTY,
        DUTY
        + "\n\n- Tuyên truyền kịp thời, sâu rộng các văn bản chỉ đạo của Chính phủ, của Tỉnh về công tác kiểm soát thủ tục hành chính trên địa bàn huyện.\n\n"
        + block,
        1,
    )
    found = [f for f in check(text) if f.rule == "duplicate-paragraph"]
    assert len(found) == 1
    f = found[0]
    roles = [r["role"] for r in f.related]
    assert roles[:2] == ["original", "repeat"] and roles.count("paragraph") == 3
    original, repeat = f.related[0], f.related[1]
    assert original["start"]["line"] == line_of(text, "- Tuyên truyền kịp thời") and original["paragraphs"] == 3
    assert repeat["start"]["line"] == line_of(text, "- Tuyên truyền kịp thời", 2)
    assert repeat["end"]["line"] == line_of(text, BULLET[:40], 2)
    assert f.location.line == repeat["start"]["line"]
    assert [r["match"] for r in f.related[2:]] == ["exact", "exact", "exact"]
    assert f.related[4]["excerpt"].startswith("- Bảo đảm công khai")


def test_contained_page_broken_sentence_is_reported():
    long_ = (
        BULLET[:-1]
        + "; đồng thời tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính."
    )
    tail = "Đồng thời tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính, công khai kết quả."
    text = CLEAN.replace(BULLET, long_, 1).replace(DUTY, DUTY + "\n\n" + tail[: -len(", công khai kết quả.")] + ".", 1)
    found = [f for f in check(text) if "duplicate" in f.rule]
    assert len(found) == 1 and found[0].related[2]["match"] == "contained"


def test_formulaic_lines_headings_and_cells_do_not_fire():
    extra = "\n\n".join(
        [
            "- Thời gian thực hiện: Thường xuyên trong năm 2024.",
            "- Cơ quan phối hợp: Phòng Nội vụ và cơ quan, đơn vị liên quan, UBND các xã, thị trấn.",
        ]
        * 3
    )
    text = CLEAN.replace(DUTY, DUTY + "\n\n" + extra, 1)
    # the appendix table repeats "Văn phòng HĐND và UBND huyện" and "Thường xuyên" in cells too
    assert [f for f in check(text) if "duplicate" in f.rule] == []


def test_decomposed_text_is_reported_once():
    para = "Hoạt động truyền thông thực hiện theo nội dung tại Danh mục ban hành kèm theo Kế hoạch này."
    text = CLEAN.replace(para, unicodedata.normalize("NFD", para), 1)
    found = [f for f in check(text) if f.rule == "decomposed-unicode"]
    assert len(found) == 1 and found[0].location.line == line_of(text, "Danh m")


def test_blank_number_and_date_are_info_only():
    text = CLEAN.replace("Số: 23/KH-UBND", "Số:    /KH-UBND").replace(
        "ngày 16 tháng 02 năm 2024", "ngày    tháng 02 năm 2024"
    )
    found = check(text)
    drafts = [f for f in found if f.rule == "draft-blank"]
    assert [f.severity for f in drafts] == ["info", "info"]
    assert [f.location.line for f in drafts] == [line_of(text, "Số:"), line_of(text, "Sơn Hà, ngày")]
    assert all(f.severity == "info" for f in found), [f.rule for f in found]


def test_english_messages():
    text = CLEAN.replace("Thực hiện Kế hoạch số 36/KH-UBND", "Thực hiện Quyết định số 36/KH-UBND")
    vi = next(f for f in check(text) if f.rule == "reference-type-mismatch")
    en = next(f for f in check(text, lang="en") if f.rule == "reference-type-mismatch")
    assert "ký hiệu" in vi.message and "belongs to another document type" in en.message
    assert (
        (vi.rule, vi.code, vi.severity)
        == (en.rule, en.code, en.severity)
        == ("reference-type-mismatch", "KH501", "error")
    )


def test_select_ignore_and_severity_override():
    text = CLEAN.replace("Thực hiện Kế hoạch số 36/KH-UBND", "Thực hiện Quyết định số 36/KH-UBND")
    assert check(text, ignore=["reference-type-mismatch"]) == []
    assert check(text, select=["KH1"]) == []
    assert [f.severity for f in check(text, severity={"KH501": "info"})] == ["info"]
    assert check(text, severity={"references": "off"}) == []


def test_numbering_running_on_across_groups_is_fine():
    table = "\n".join(
        [
            "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện",
            "I\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t",
            "1\tRà soát thủ tục hành chính thuộc thẩm quyền của huyện\tPhòng Tư pháp\tQuý I/2024",
            "2\tCông khai thủ tục hành chính tại Bộ phận một cửa\tVăn phòng HĐND và UBND huyện\tThường xuyên",
            "II\tXÂY DỰNG CHÍNH QUYỀN SỐ\t\t",
            "3\tCung cấp dịch vụ công trực tuyến toàn trình\tVăn phòng HĐND và UBND huyện\tThường xuyên",
            "III\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t",
            "4\tĐánh giá chất lượng giải quyết thủ tục hành chính\tPhòng Nội vụ\tQuý IV/2024",
        ]
    )
    start = CLEAN.index("STT\t")
    text = CLEAN[:start] + table + "\n"
    assert [f for f in check(text) if f.rule == "task-numbering"] == []


def test_table_without_a_timeline_column_is_one_info():
    table = "\n".join(
        [
            "TT\tNội dung công việc\tNgười thực hiện",
            "1.\tRà soát việc đáp ứng các điều kiện của học viên\tPhòng Quản lý công nghiệp",
            "2.\tXây dựng tài liệu huấn luyện, bài kiểm tra, đáp án\tPhòng Quản lý công nghiệp",
            "3.\tTổ chức huấn luyện, kiểm tra\tPhòng Quản lý công nghiệp",
        ]
    )
    start = CLEAN.index("STT\t")
    text = CLEAN[:start] + table + "\n"
    found = [f for f in check(text) if f.rule == "task-no-timeline"]
    assert [(f.severity, f.location.line) for f in found] == [("info", line_of(text, "1.\tRà soát"))]
    assert "3" in found[0].message


def test_a_count_after_a_headings_number_carries_the_sequence_on():
    """ "3. 22 GVCN: …" after "2." is the third sub-section (22 form teachers), not a "6.2" typed
    apart: no gap is reported at the heading after it."""
    text = CLEAN.replace(
        "2. Các phòng, ban huyện\n",
        "2. Các phòng, ban huyện\n\nPhối hợp triển khai Kế hoạch.\n\n3. 22 GVCN: Chịu trách nhiệm đăng ký nhóm lớp.\n\n"
        "4. Đoàn trường\n",
    )
    assert [f.rule for f in check(text) if f.rule == "heading-numbering"] == []
    # a sub-number typed apart ("2. 1 …" read as a second "2") is still left out, not a repeat
    apart = CLEAN.replace("2. Các phòng, ban huyện\n", "2. Các phòng, ban huyện\n\n2. 1 Đối với các xã\n")
    assert [f.rule for f in check(apart) if f.rule == "heading-numbering"] == []


def test_a_joint_plans_code_is_khlt_with_the_codes_of_its_bodies():
    """ "Số: 23/KHLT-UBND-MTTQ": a joint plan (kế hoạch liên tịch) of two bodies; "KHLT" with one
    body's code, or another type's code, is still wrong."""

    def number_findings(number: str) -> list[str]:
        return [f.rule for f in check(CLEAN.replace("Số: 23/KH-UBND", f"Số: {number}")) if f.rule == "number-format"]

    assert number_findings("23/KHLT-UBND-MTTQ") == []
    assert number_findings("23/KHLT-UBND") == ["number-format"]
    assert number_findings("23/QĐ-UBND") == ["number-format"]


CARRIED = """\
ỦY BAN NHÂN DÂN
HUYỆN SƠN HÀ

Số: 23/QĐ-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Sơn Hà, ngày 16 tháng 02 năm 2024

QUYẾT ĐỊNH
Ban hành Kế hoạch truyền thông về kiểm soát thủ tục hành chính năm 2024

ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch truyền thông về kiểm soát thủ tục hành chính năm 2024.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

CHỦ TỊCH

Đinh Thị Trà

ỦY BAN NHÂN DÂN
HUYỆN SƠN HÀ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

KẾ HOẠCH
Truyền thông về kiểm soát thủ tục hành chính năm 2024
(Ban hành kèm theo Quyết định số 23/QĐ-UBND ngày 16/02/2024 của UBND huyện)

I. MỤC ĐÍCH, YÊU CẦU

- Tuyên truyền kịp thời các văn bản chỉ đạo về kiểm soát thủ tục hành chính.

II. TỔ CHỨC THỰC HIỆN

1. Văn phòng HĐND và UBND huyện

Chủ trì, theo dõi, kiểm tra việc thực hiện Kế hoạch này./.
"""


def test_a_plan_issued_with_a_decision_carries_its_number():
    """A plan issued with a Quyết định has no number of its own: it carries the decision's
    ("23/QĐ-UBND"), which is no wrong type code."""
    plan = api.parse_text(CARRIED, name="plan.txt")
    assert (plan.header.number, plan.header.number_from, plan.wrapper is not None) == ("23/QĐ-UBND", "wrapper", True)
    assert [f.rule for f in validate(plan, Config()) if f.rule == "number-format"] == []


def test_a_plan_numbered_by_its_issuing_line_carries_the_decisions_number():
    """Only the plan, with its "(Ban hành kèm theo Quyết định số 23/QĐ-UBND …)" line: the number
    read from that line is the decision's, and its code "QĐ" is no wrong type code. (A guard: the
    rule never saw this number line; the real case where it did is the next test.)"""
    alone = CARRIED[CARRIED.index("ỦY BAN NHÂN DÂN\nHUYỆN SƠN HÀ\n\nCỘNG HÒA") :]
    plan = api.parse_text(alone, name="plan.txt")
    assert (plan.header.number, plan.header.number_from, plan.wrapper) == ("23/QĐ-UBND", "wrapper", None)
    assert [f.rule for f in validate(plan, Config()) if f.rule == "number-format"] == []


def test_a_real_plan_issued_with_a_decision_has_no_number_error():
    """realdocs' BNNMT plan, issued with Quyết định 2200/QĐ-BNNMT: its number is read from its
    "(Ban hành kèm theo Quyết định số …)" line, and the decision's code is not reported."""
    from conftest import REALDOCS, missing

    path = REALDOCS / "bnnmt_QD-2200-QD-BNNMT-ban-hanh-KH_2026.index-text.md"
    if not path.exists():
        pytest.skip(missing(path))
    plan = api.parse(path)
    assert (plan.header.number, plan.header.number_from) == ("2200/QĐ-BNNMT", "appendix")
    assert [f.rule for f in validate(plan, Config()) if f.rule == "number-format"] == []


def test_an_archive_line_without_the_clerical_office_is_info():
    """ "- Lưu: MTTQ." files the copy with the drafting unit only: said as `info`, naming the line,
    not as a missing archive line; with no "Lưu" line at all it is the warning."""
    found = [f for f in check(CLEAN.replace("- Lưu: VT, TH.", "- Lưu: MTTQ.")) if f.rule == "recipients-missing"]
    assert [(f.severity, f.excerpt) for f in found] == [("info", "- Lưu: MTTQ.")]
    found = [f for f in check(CLEAN.replace("- Lưu: VT, TH.\n", "")) if f.rule == "recipients-missing"]
    assert [f.severity for f in found] == ["warning"]
