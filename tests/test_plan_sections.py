"""Heading forms and the section tree (domain.md §2): I./II., 1./2., a)/đ), misnumbering kept,
Markdown-wrapped headings, canonical kinds.
"""

from __future__ import annotations

import pytest

from kehoach import api
from kehoach.blocks import Paragraph
from kehoach.plan.patterns import kinds_of
from kehoach.plan.sections import heading_of

FRONT = "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n\n"


def outline(sections, depth: int = 0) -> list[tuple]:
    out = []
    for s in sections:
        out.append((depth, s.number, s.style, s.level, s.title))
        out.extend(outline(s.children, depth + 1))
    return out


def test_roman_decimal_and_letter_levels_with_titles_and_text():
    plan = api.parse_text(
        FRONT
        + """I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao nhận thức về cải cách hành chính.

2. Yêu cầu

- Bám sát kế hoạch của tỉnh.

II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN

1. Nội dung tuyên truyền

a) Tuyên truyền về thủ tục hành chính.

b) Tuyên truyền vai trò của người đứng đầu.
"""
    )
    assert outline(plan.sections) == [
        (0, "I", "roman", 1, "MỤC ĐÍCH, YÊU CẦU"),
        (1, "1", "decimal", 2, "Mục đích"),
        (1, "2", "decimal", 2, "Yêu cầu"),
        (0, "II", "roman", 1, "NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN"),
        (1, "1", "decimal", 2, "Nội dung tuyên truyền"),
        (2, "a", "letter", 3, "Tuyên truyền về thủ tục hành chính."),
        (2, "b", "letter", 3, "Tuyên truyền vai trò của người đứng đầu."),
    ]
    first = plan.sections[0]
    assert first.text == []
    assert first.children[0].text == ["- Nâng cao nhận thức về cải cách hành chính."]
    assert first.location.line == 4


def test_multi_kind_heading():
    plan = api.parse_text(FRONT + "I. MỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao nhận thức.\n")
    assert plan.sections[0].kinds == ["muc_dich", "yeu_cau"]


@pytest.mark.parametrize(
    "title, kinds",
    [
        ("MỤC ĐÍCH, YÊU CẦU", ["muc_dich", "yeu_cau"]),
        ("MỤC ĐÍCH, YÊU CẦU, CHỈ TIÊU CỤ THỂ", ["muc_dich", "yeu_cau", "chi_tieu"]),
        ("MỤC ĐÍCH, YÊU CẦU VÀ ĐỐI TƯỢNG", ["muc_dich", "yeu_cau", "doi_tuong"]),
        ("Mục tiêu", ["muc_dich"]),
        ("ĐỐI TƯỢNG TUYÊN TRUYỀN", ["doi_tuong"]),
        ("NỘI DUNG TUYÊN TRUYỀN", ["noi_dung"]),
        ("NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN", ["noi_dung", "hinh_thuc"]),
        ("HÌNH THỨC, THỜI GIAN THỰC HIỆN", ["hinh_thuc"]),
        ("MỘT SỐ HÌNH THỨC, BIỆN PHÁP TUYÊN TRUYỀN", ["hinh_thuc"]),
        ("NHIỆM VỤ TRỌNG TÂM", ["nhiem_vu"]),
        ("NHIỆM VỤ, GIẢI PHÁP", ["nhiem_vu"]),
        ("KINH PHÍ THỰC HIỆN", ["kinh_phi"]),
        ("KINH PHÍ", ["kinh_phi"]),
        ("TỔ CHỨC THỰC HIỆN", ["to_chuc_thuc_hien"]),
        ("PHÂN CÔNG NHIỆM VỤ", ["to_chuc_thuc_hien"]),
        ("Phòng Nội vụ", ["other"]),
    ],
)
def test_canonical_kinds_of_titles(title, kinds):
    assert kinds_of(title) == kinds


def test_point_letters_include_dd_after_d():
    plan = api.parse_text(
        FRONT
        + """I. NỘI DUNG

1. Nội dung tuyên truyền

c) Tuyên truyền chương trình tổng thể.

d) Tuyên truyền phong trào thi đua.

đ) Tuyên truyền những kết quả đạt được.

e) Tuyên truyền quyền và nghĩa vụ của cá nhân.
"""
    )
    points = plan.sections[0].children[0].children
    assert [(p.number, p.style, p.level) for p in points] == [
        ("c", "letter", 3),
        ("d", "letter", 3),
        ("đ", "letter", 3),
        ("e", "letter", 3),
    ]


def test_misnumbered_sections_are_kept_in_document_order():
    plan = api.parse_text(
        FRONT
        + """I. MỤC ĐÍCH, YÊU CẦU

- Nâng cao nhận thức.

II. NỘI DUNG TUYÊN TRUYỀN

- Tuyên truyền thủ tục hành chính.

III. HÌNH THỨC, THỜI GIAN THỰC HIỆN

- Thường xuyên.

III. TỔ CHỨC THỰC HIỆN

1. Phòng Nội vụ

Chủ trì triển khai Kế hoạch này.
"""
    )
    assert [(s.number, s.kinds) for s in plan.sections] == [
        ("I", ["muc_dich", "yeu_cau"]),
        ("II", ["noi_dung"]),
        ("III", ["hinh_thuc"]),
        ("III", ["to_chuc_thuc_hien"]),
    ]
    assert [c.title for c in plan.sections[3].children] == ["Phòng Nội vụ"]
    assert plan.sections[2].location.line < plan.sections[3].location.line


def test_markdown_wrapped_headings():
    plan = api.parse_text("""**KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2021**

**I. MỤC ĐÍCH, YÊU CẦU**

**1. Mục đích**

- Nâng cao nhận thức.

## **II. ĐỐI TƯỢNG TUYÊN TRUYỀN**

1. Đội ngũ cán bộ, công chức.

#### **IV. MỘT SỐ HÌNH THỨC, BIỆN PHÁP TUYÊN TRUYỀN**

- Tuyên truyền trực quan.

### **V. TỔ CHỨC THỰC HIỆN**

#### **1. Phòng Nội vụ huyện**

- Chủ trì, phối hợp triển khai.
""")
    assert [(s.number, s.title, s.kinds) for s in plan.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", ["muc_dich", "yeu_cau"]),
        ("II", "ĐỐI TƯỢNG TUYÊN TRUYỀN", ["doi_tuong"]),
        ("IV", "MỘT SỐ HÌNH THỨC, BIỆN PHÁP TUYÊN TRUYỀN", ["hinh_thuc"]),
        ("V", "TỔ CHỨC THỰC HIỆN", ["to_chuc_thuc_hien"]),
    ]
    assert [c.title for c in plan.sections[0].children] == ["Mục đích"]
    assert [c.title for c in plan.sections[3].children] == ["Phòng Nội vụ huyện"]
    assert plan.header.title == "Tuyên truyền cải cách hành chính năm 2021"


def test_roman_heading_without_a_dot():
    plan = api.parse_text(
        FRONT + "I MỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao nhận thức.\n\nII TỔ CHỨC THỰC HIỆN\n\n- Các phòng triển khai.\n"
    )
    assert [(s.number, s.title) for s in plan.sections] == [("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "TỔ CHỨC THỰC HIỆN")]


def test_a_sentence_starting_with_a_roman_looking_word_is_not_a_heading():
    # "I" followed by lower-case prose, not bold: not a section
    assert heading_of(Paragraph(text="V. nội dung chi tiết tại phụ lục kèm theo")) is None
    assert heading_of(Paragraph(text="V. nội dung chi tiết", bold=True)) == ("V", "roman", "nội dung chi tiết")


def test_dotted_decimal_sub_sections_nest_under_decimal():
    plan = api.parse_text(
        FRONT
        + """I. NHIỆM VỤ

1. Công tác tuyên truyền

1.1. Tuyên truyền trên Cổng TTĐT

1.2. Tuyên truyền trên sóng truyền thanh

2. Công tác kiểm tra
"""
    )
    (root,) = plan.sections
    assert [(c.number, [g.number for g in c.children]) for c in root.children] == [("1", ["1.1", "1.2"]), ("2", [])]
    assert root.children[0].children[0].level == 3


def test_without_roman_sections_decimal_headings_are_the_top_level():
    plan = api.parse_text(
        FRONT + "1. Mục đích\n\n- Nâng cao nhận thức.\n\n2. Tổ chức thực hiện\n\na) Phòng Nội vụ chủ trì.\n"
    )
    assert outline(plan.sections) == [
        (0, "1", "decimal", 1, "Mục đích"),
        (0, "2", "decimal", 1, "Tổ chức thực hiện"),
        (1, "a", "letter", 2, "Phòng Nội vụ chủ trì."),
    ]


def test_a_budget_heading_is_the_funding_part():
    """ "VI. NGÂN SÁCH DỰ KIẾN (tổng 8.000.000đ)", "DỰ TOÁN NGÂN SÁCH": a plan's budget is its
    funding part, as "KINH PHÍ" is; a title that only mentions the budget as a topic is not."""
    from kehoach.plan.patterns import kinds_of

    assert kinds_of("NGÂN SÁCH DỰ KIẾN (tổng 8.000.000đ)") == ["kinh_phi"]
    assert kinds_of("DỰ TOÁN NGÂN SÁCH") == ["kinh_phi"]
    assert "kinh_phi" not in kinds_of("NHIỆM VỤ, GIẢI PHÁP TĂNG THU NGÂN SÁCH")


def test_a_budget_named_inside_a_title_is_a_topic():
    """ "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI VÀ DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2025" (a
    budget plan's review part) is not the plan's funding part."""
    title = "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI VÀ DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2025"
    assert "kinh_phi" not in kinds_of(title)
