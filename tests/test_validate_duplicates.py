"""duplicate-paragraph / near-duplicate-paragraph on what repeats by design and what is pasted:
the body restated in an appendix (info), labelled task fields and formulas (silent), copies
edited in most paragraphs (near, info) — each beside a control that must still warn."""

from __future__ import annotations

from kehoach import api
from kehoach.validate import Config, validate

HEAD = """\
ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG

Số: 15/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Lâm Đồng, ngày 20 tháng 02 năm 2026

KẾ HOẠCH
Kiểm tra công tác cải cách hành chính năm 2026

I. MỤC ĐÍCH, YÊU CẦU

- Đánh giá đúng thực trạng triển khai nhiệm vụ cải cách hành chính tại các cơ quan, đơn vị.

II. NỘI DUNG KIỂM TRA

{body}

III. TỔ CHỨC THỰC HIỆN

Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị theo dõi, đôn đốc thực hiện Kế hoạch này./.

Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT, NV.

CHỦ TỊCH

Nguyễn Văn A
{appendix}"""

POINTS = [
    "a) Việc ban hành và tổ chức thực hiện kế hoạch cải cách hành chính năm 2026 của cơ quan, đơn vị, địa phương.",
    "b) Việc theo dõi, đôn đốc, đánh giá tiến độ thực hiện các nhiệm vụ cải cách hành chính theo định kỳ hằng quý.",
    "c) Việc tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính và thủ tục hành chính.",
]


def plan(body: str, appendix: str = "") -> str:
    return HEAD.format(body=body, appendix=appendix)


def dups(text: str, lang: str = "vi"):
    found = validate(api.parse_text(text, name="plan.txt"), Config(lang=lang))
    return [f for f in found if "duplicate" in f.rule]


def checklist(points: list[str]) -> str:
    """A checklist appendix restating the body's points with its own numbering."""
    numbered = [f"{i}. {p[3:]}" for i, p in enumerate(points, 1)]
    return (
        "\nPHỤ LỤC\nĐỀ CƯƠNG BÁO CÁO PHỤC VỤ KIỂM TRA\n"
        "(Kèm theo Kế hoạch số 15/KH-UBND ngày 20/02/2026 của UBND tỉnh)\n\n"
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n\n" + "\n\n".join(numbered) + "\n"
    )


def test_body_restated_in_an_appendix_is_a_duplicate_at_info_level():
    found = dups(plan("\n\n".join(POINTS), checklist(POINTS)))
    assert [(f.rule, f.severity) for f in found] == [("duplicate-paragraph", "info")]
    assert found[0].related[0]["role"] == "original" and found[0].related[0]["paragraphs"] == 3


def test_the_same_run_repeated_inside_the_body_is_a_warning():
    body = "\n\n".join(POINTS) + "\n\n1. Nội dung khác\n\n" + "\n\n".join(POINTS)
    found = dups(plan(body))
    assert [(f.rule, f.severity) for f in found] == [("duplicate-paragraph", "warning")]


LEAD = (
    "- Đơn vị chủ trì: Đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh phụ trách lĩnh vực nội chính, "
    "Trưởng đoàn kiểm tra cải cách hành chính của tỉnh."
)


def tasks(lead: str) -> str:
    """Two tasks sharing `lead`, the line last in each (so what follows it never differs)."""
    return "\n\n".join(
        f"{n}. {title}\n\n- Thời gian thực hiện: {when}.\n\n{lead}"
        for n, (title, when) in enumerate(
            [("Kiểm tra tại Sở Tài chính", "Tháng 5/2026"), ("Kiểm tra tại Sở Xây dựng", "Tháng 6/2026")], 1
        )
    )


def test_a_long_labelled_field_shared_by_tasks_is_not_a_duplicate():
    assert len(LEAD) > 130  # too long for the old "short value" exemption
    assert dups(plan(tasks(LEAD))) == []


def test_the_same_long_text_without_its_label_is_still_reported():
    unlabelled = "- " + LEAD.split(": ", 1)[1]
    assert [(f.rule, f.severity) for f in dups(plan(tasks(unlabelled)))] == [("duplicate-paragraph", "warning")]


FORMULA = "Triển khai thực hiện các nhiệm vụ được giao chủ trì tại Phụ lục kèm theo Kế hoạch này."
UNITS = ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế"]


def duties(units: list[str]) -> str:
    return "\n\n".join(
        f"{n}. {unit}\n\nTham mưu nội dung kiểm tra thuộc lĩnh vực {unit.lower()} quản lý.\n\n{FORMULA}"
        for n, unit in enumerate(units, 1)
    )


def test_a_formula_in_three_places_is_not_a_duplicate():
    assert dups(plan(duties(UNITS))) == []


def test_the_same_sentence_in_two_places_is_still_reported():
    assert [(f.rule, f.severity) for f in dups(plan(duties(UNITS[:2])))] == [("duplicate-paragraph", "warning")]


CRITERIA = [
    "- Tổ chức tốt công tác tuyên truyền Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
    "- Đẩy mạnh cải cách hành chính, nâng cao hiệu quả quản trị, thi đua xây dựng chính quyền điện tử, chính quyền số.",
    "- Xây dựng Đảng, chính quyền và hệ thống chính trị trong sạch, vững mạnh, tăng cường kỷ luật, kỷ cương hành chính.",
]
ADAPTED = [
    CRITERIA[0],
    "- Cải cách hành chính, nâng cao hiệu quả quản trị, thi đua xây dựng chính quyền điện tử, chính quyền số.",
    "- Xây dựng tổ chức Đảng, cơ quan, đơn vị trong sạch, vững mạnh, tăng cường kỷ luật, kỷ cương hành chính.",
]


def test_a_copy_edited_in_most_paragraphs_is_only_a_near_duplicate():
    body = (
        "1. Đối với cấp tỉnh\n\n"
        + "\n\n".join(CRITERIA)
        + "\n\n2. Đối với các cơ quan, đơn vị\n\n"
        + "\n\n".join(ADAPTED)
    )
    found = dups(plan(body))
    assert found and all(f.severity == "info" and f.rule == "near-duplicate-paragraph" for f in found)


def test_a_task_heading_repeated_under_two_parts_is_not_a_pasted_paragraph():
    """The same decree to comment on (3.1) and then to implement (3.2): a heading with its own
    fields under it, named again — headings and labelled fields never make a finding alone."""
    title = "a) Nghị định quy định chi tiết thi hành một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật."
    item = title + "\n\n- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n\n- Thời gian thực hiện: {when}."
    body = (
        "1. Góp ý dự thảo văn bản hướng dẫn thi hành Luật\n\n"
        + item.format(when="Theo tiến độ soạn thảo")
        + "\n\n2. Triển khai văn bản hướng dẫn thi hành Luật\n\n"
        + item.format(when="Sau khi Nghị định được ban hành")
    )
    assert dups(plan(body)) == []
    # a duty sentence under the title, pasted with it, is still a pasted paragraph
    duty = "Rà soát, đề xuất sửa đổi các quy định về tiêu chuẩn, quy chuẩn kỹ thuật thuộc lĩnh vực quản lý."
    pasted = body.replace(title, title + "\n\n" + duty)
    assert [(f.rule, f.severity) for f in dups(plan(pasted))] == [("duplicate-paragraph", "warning")]


def test_a_heading_restating_an_objective_or_a_unit_is_not_a_pasted_paragraph():
    unit = "a) Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng và đề nghị Bộ tư lệnh Vùng Cảnh sát biển 3"
    body = (
        "1. Tuyên truyền\n\n"
        + unit
        + "\n\nPhối hợp với chính quyền địa phương khu vực biên giới đẩy mạnh tuyên truyền, "
        "vận động Nhân dân chấp hành nghiêm pháp luật.\n\n2. Đấu tranh phòng, chống tội phạm\n\n"
        + unit
        + "\n\nChủ trì, phối hợp với lực lượng chuyên trách triển khai các giải pháp phòng ngừa, đấu tranh và ngăn chặn."
    )
    assert dups(plan(body)) == []
    # the same two units' lines as points with nothing under them: a pasted sentence
    flat = "1. Tuyên truyền\n\n" + unit + "\n\n2. Đấu tranh phòng, chống tội phạm\n\n" + unit
    assert [(f.rule, f.severity) for f in dups(plan(flat))] == [("duplicate-paragraph", "warning")]
