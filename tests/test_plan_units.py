"""Units (cơ quan, đơn vị): splitting a cell or a field into units, and the comparison key.

Split on list markers, line breaks and semicolons, never on commas; keys equal across the
spellings one unit is written with (domain.md §4).
"""

from __future__ import annotations

import pytest

from kehoach.plan.units import looks_like_unit, make_unit, split_items, split_units, unit_key


def names(units) -> list[str]:
    return [u.name for u in units]


def test_markers_and_semicolons_split_two_units():
    units = split_units("- Các phòng, ban huyện; - UBND các xã, thị trấn.")
    assert names(units) == ["Các phòng, ban huyện", "UBND các xã, thị trấn"]
    assert [u.raw for u in units] == ["Các phòng, ban huyện", "UBND các xã, thị trấn."]


def test_commas_never_split_a_unit():
    assert names(split_units("Các phòng, ban, ngành")) == ["Các phòng, ban, ngành"]
    assert names(split_units("Phòng Nội vụ, Phòng Văn hóa và Thông tin, các cơ quan, đơn vị có liên quan")) == [
        "Phòng Nội vụ, Phòng Văn hóa và Thông tin, các cơ quan, đơn vị có liên quan"
    ]


def test_hyphens_inside_a_name_do_not_split_it():
    assert names(split_units("Trung tâm Truyền thông - Văn hóa - Thể thao huyện")) == [
        "Trung tâm Truyền thông - Văn hóa - Thể thao huyện"
    ]
    assert names(split_units("- Trung tâm Truyền thông - Văn hóa - Thể thao huyện; - UBND các xã, thị trấn.")) == [
        "Trung tâm Truyền thông - Văn hóa - Thể thao huyện",
        "UBND các xã, thị trấn",
    ]


def test_each_line_of_a_cell_is_a_unit():
    assert names(split_units(["- Phòng Nội vụ", "- Phòng Tư pháp."])) == ["Phòng Nội vụ", "Phòng Tư pháp"]


def test_a_marker_after_a_full_stop_starts_a_new_unit():
    assert names(split_units("Phòng Nội vụ. - Phòng Tư pháp.")) == ["Phòng Nội vụ", "Phòng Tư pháp"]


def test_empty_and_punctuation_only_pieces_are_not_units():
    assert split_units("") == []
    assert split_units(None) == []
    assert split_units(["-", " ; ", ""]) == []
    assert make_unit("1. ") is None


def test_a_leading_item_number_is_removed_from_the_name():
    unit = make_unit("2. Phòng Tư pháp;")
    assert (unit.name, unit.raw) == ("Phòng Tư pháp", "2. Phòng Tư pháp;")


def test_office_key_is_equal_across_spellings():
    spellings = [
        "Văn phòng HĐND và UBND huyện",
        "Văn phòng HĐND&UBND huyện",
        "Văn phòng HĐND-UBND huyện",
        "VP HĐND-UBND huyện",
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
        "VĂN PHÒNG HĐND & UBND HUYỆN",
    ]
    assert {unit_key(s) for s in spellings} == {"vp hđnd và ubnd huyện"}


def test_key_ignores_old_and_new_tone_placement():
    assert unit_key("Trung tâm Văn hoá - Truyền thông") == unit_key("Trung tâm Văn hóa - Truyền thông")
    assert unit_key("Phòng Văn hoá và Thông tin") == unit_key("PHÒNG VĂN HÓA VÀ THÔNG TIN")


def test_key_ignores_old_tone_placement_in_a_capitalised_word():
    # "Uỷ ban" (old style, capital U) is the same unit as "Ủy ban"
    assert unit_key("Uỷ ban nhân dân các xã, thị trấn") == unit_key("Ủy ban nhân dân các xã, thị trấn")
    assert unit_key("Uỷ ban nhân dân các xã, thị trấn") == unit_key("UBND các xã, thị trấn") == "ubnd các xã, thị trấn"


def test_key_expands_the_front_committee_forms():
    assert unit_key("Ủy ban Mặt trận Tổ quốc Việt Nam huyện") == unit_key("Ủy ban MTTQ Việt Nam huyện")


def test_key_keeps_different_units_apart():
    assert unit_key("Phòng Nội vụ") != unit_key("Phòng Tư pháp")
    assert unit_key("UBND huyện") != unit_key("HĐND huyện")


def test_looks_like_unit():
    for text in (
        "Phòng Nội vụ",
        "UBND các xã, thị trấn",
        "Bưu điện huyện",
        "Trung tâm VH TT",
        "Các phòng, ban, ngành",
        "PHÒNG NỘI VỤ",
        "Ủy ban Mặt trận Tổ quốc huyện",
        "Ban Tuyên giáo Huyện ủy",
    ):
        assert looks_like_unit(text), text
    for text in ("Truyền thông về dịch vụ công", "Kế hoạch tuyên truyền năm 2024", "Đối tượng"):
        assert not looks_like_unit(text), text


def test_product_items_split_on_markers_and_semicolons_but_not_commas():
    assert split_items(["- Văn bản chỉ đạo, hướng dẫn. - Báo cáo kết quả thực hiện."]) == [
        "Văn bản chỉ đạo, hướng dẫn",
        "Báo cáo kết quả thực hiện",
    ]
    assert split_items("Tin, bài; phóng sự") == ["Tin, bài", "phóng sự"]
    assert split_items("Các ấn phẩm thông tin: tờ rơi, tờ gấp, pano...") == [
        "Các ấn phẩm thông tin: tờ rơi, tờ gấp, pano"
    ]


def test_inline_product_markers_split_only_between_phrases():
    assert split_items("- Các bài viết trên báo chí - Các ấn phẩm thông tin tuyên truyền") == [
        "Các bài viết trên báo chí",
        "Các ấn phẩm thông tin tuyên truyền",
    ]
    assert split_items("- Trung tâm Truyền thông - Văn hóa - Thể thao") == [
        "Trung tâm Truyền thông - Văn hóa - Thể thao"
    ]


def test_a_unit_name_broken_over_two_lines_of_a_cell_is_one_unit():
    assert names(split_units(["Phòng Văn hóa và", "Thông tin huyện"])) == ["Phòng Văn hóa và Thông tin huyện"]
    assert names(split_units(["Trung tâm Văn hóa -", "Thông tin huyện"])) == ["Trung tâm Văn hóa - Thông tin huyện"]
    assert names(split_units(["Ủy ban nhân dân các", "xã, thị trấn"])) == ["Ủy ban nhân dân các xã, thị trấn"]
    assert names(split_units(["- Văn phòng HĐND", "và UBND huyện;", "- Phòng Tư pháp"])) == [
        "Văn phòng HĐND và UBND huyện",
        "Phòng Tư pháp",
    ]


def test_units_on_separate_lines_stay_separate():
    assert names(split_units(["Phòng Nội vụ", "Phòng Tư pháp"])) == ["Phòng Nội vụ", "Phòng Tư pháp"]
    assert names(split_units(["- Phòng Nội vụ", "- phòng Tư pháp"])) == ["Phòng Nội vụ", "phòng Tư pháp"]
    assert names(split_units(["UBND các xã, thị trấn.", "Trung tâm VH TT"])) == [
        "UBND các xã, thị trấn",
        "Trung tâm VH TT",
    ]


# --- units in every shape (issue 10) --------------------------------------------------------


def test_a_title_line_belongs_to_the_unit_on_the_next_line():
    assert names(split_units(["Lãnh đạo", "Sở Giáo dục và Đào tạo"])) == ["Lãnh đạo Sở Giáo dục và Đào tạo"]
    assert names(split_units(["Đại diện lãnh đạo", "Công an tỉnh", "Sở Tư pháp"])) == [
        "Đại diện lãnh đạo Công an tỉnh",
        "Sở Tư pháp",
    ]


def test_two_units_with_no_separator_are_split_at_the_second_head():
    assert names(split_units("Sở Khoa học và Công nghệ Sở Công Thương")) == [
        "Sở Khoa học và Công nghệ",
        "Sở Công Thương",
    ]
    assert names(split_units("Công an tỉnh Bộ Chỉ huy Quân sự tỉnh")) == ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]
    assert names(split_units("Phòng Văn hóa và Thông tin Trung tâm Văn hóa huyện")) == [
        "Phòng Văn hóa và Thông tin",
        "Trung tâm Văn hóa huyện",
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Sở Giáo dục và Đào tạo và Sở Y tế", ["Sở Giáo dục và Đào tạo", "Sở Y tế"]),
        ("Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
        ("UBND tỉnh và UBND các huyện", ["UBND tỉnh", "UBND các huyện"]),
        ("Báo Lào Cai và Đài Phát thanh và Truyền hình tỉnh", ["Báo Lào Cai", "Đài Phát thanh và Truyền hình tỉnh"]),
        (
            "Sở Văn hóa, Thể thao và Du lịch và Sở Giáo dục và Đào tạo",
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo"],
        ),
        # one unit each: "và" inside a name, an office named after the bodies it serves
        ("Văn phòng HĐND và UBND tỉnh", ["Văn phòng HĐND và UBND tỉnh"]),
        ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", ["Văn phòng Đoàn ĐBQH và HĐND tỉnh"]),
        ("Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"]),
        ("Sở Lao động - Thương binh và Xã hội", ["Sở Lao động - Thương binh và Xã hội"]),
        ("Hội Văn học và Nghệ thuật tỉnh", ["Hội Văn học và Nghệ thuật tỉnh"]),
        ("Các sở, ban, ngành và UBND các huyện", ["Các sở, ban, ngành và UBND các huyện"]),
    ],
)
def test_two_whole_units_joined_by_and_are_two_units(text, units):
    """ "A và B" is two units when both open with the head of a unit that stands alone."""
    assert names(split_units(text)) == units


@pytest.mark.parametrize(
    "name",
    [
        "Ủy ban nhân dân các xã, phường",
        "Phòng Nội vụ",
        "Văn phòng Sở Tư pháp",  # a bare head before the parent unit
        "Phòng Quản lý Công nghiệp Sở Công Thương",  # a sub-unit and the unit it belongs to
        "Ban Chỉ đạo chuyển đổi số Sở Y tế",
        "Thanh tra Sở Xây dựng",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghiệp",
        "Sở Nội vụ (Cơ quan thường trực Ban Thi đua - Khen thưởng)",
        "Bệnh viện Đa khoa Trung tâm An Giang",
        "Sở Tư pháp, Văn phòng UBND tỉnh, Công an tỉnh",
    ],
)
def test_names_that_hold_a_second_head_are_not_split(name):
    assert names(split_units(name)) == [name]


@pytest.mark.parametrize(
    "text,unit",
    [
        ("Công tác triển khai", False),
        ("Kinh phí thực hiện", False),
        ("Tổ chức thực hiện", False),
        ("Ban hành văn bản", False),
        ("Hội nghị sơ kết", False),
        ("Báo cáo kết quả", False),
        ("Phòng, chống tham nhũng", False),
        ("Sở hữu trí tuệ", False),
        ("Vụ việc phức tạp", False),
        ("Xã hội hóa", False),
        ("Thuế tỉnh", True),
        ("Các chủ đầu tư dự án", True),
        ("Đồng chí Phó Chủ tịch UBND", True),
        ("Các tổ chức chính trị - xã hội", True),
        ("Hiệp hội Doanh nghiệp", True),
        ("Chi cục Quản lý thị trường", True),
    ],
)
def test_unit_heads_lexicon(text, unit):
    assert looks_like_unit(text) is unit


def test_a_bracketed_line_qualifies_the_unit_above_it():
    assert names(split_units(["Văn phòng UBND tỉnh", "(Trung tâm Thông tin)", "Sở Tư pháp"])) == [
        "Văn phòng UBND tỉnh (Trung tâm Thông tin)",
        "Sở Tư pháp",
    ]


def test_a_party_secretary_stands_for_a_unit_as_a_chairman_does():
    """ "12. Bí thư Chi bộ, Tổ trưởng tổ dân phố, Ban Công tác Mặt trận …" under Tổ chức thực hiện
    is a duty holder, as "1. Chủ tịch UBND phường" is."""
    from kehoach import api

    assert looks_like_unit("Bí thư Chi bộ, Tổ trưởng tổ dân phố, Ban Công tác Mặt trận")
    assert looks_like_unit("Phó Bí thư Đảng ủy phường")
    plan = api.parse_text(
        "KẾ HOẠCH\nKê khai đất đai năm 2026\n\nI. MỤC ĐÍCH\n\nHoàn thành kê khai.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Phòng Nông nghiệp và Môi trường\n\nChủ trì tham mưu tổ chức thực hiện Kế hoạch.\n\n"
        "2. Bí thư Chi bộ, Tổ trưởng tổ dân phố\n\nTuyên truyền, phổ biến nội dung Kế hoạch đến từng hộ gia đình.\n"
    )
    assert [t.lead[0].name for t in plan.tasks] == [
        "Phòng Nông nghiệp và Môi trường",
        "Bí thư Chi bộ, Tổ trưởng tổ dân phố",
    ]


def test_a_persons_name_wrapped_in_a_narrow_cell_is_one_name():
    """ "Thầy Lê" / "Thanh Cường": a PDF's cell wrapped the name the DOCX holds on one line; two
    people on two lines stay two, and a unit under a person stays a unit."""
    assert [u.name for u in split_units(["Thầy Lê", "Thanh Cường"])] == ["Thầy Lê Thanh Cường"]
    assert [u.name for u in split_units(["Cô Hoa", "Thầy Minh"])] == ["Cô Hoa", "Thầy Minh"]
    assert [u.name for u in split_units(["Ông Nguyễn Văn", "Phòng Nội vụ"])] == ["Ông Nguyễn Văn", "Phòng Nội vụ"]


@pytest.mark.parametrize(
    "name",
    [
        "Tạp chí Giáo dục TP.HCM",
        "Nhà xuất bản Giáo dục Việt Nam",
        "Thư viện tỉnh",
        "Bảo tàng tỉnh",
        "Nhà Văn hóa Thanh niên",
        "Trạm Y tế xã",
        "Hạt Kiểm lâm huyện",
        "Đồn Biên phòng Sa Huỳnh",
        "Lữ đoàn 147",
    ],
)
def test_the_press_cultural_houses_stations_and_armed_units_are_units(name):
    """A joint plan of a Sở and a journal assigns the journal's duties under "3.2. Tạp chí Giáo dục
    TP.HCM"; libraries, museums, clinics, forest rangers, border posts, brigades are named by kind."""
    assert looks_like_unit(name)


@pytest.mark.parametrize("text", ["Đội ngũ cán bộ, giáo viên", "Trạm biến áp 110 kV", "Hạt giống lúa"])
def test_words_sharing_a_head_are_not_units(text):
    assert not looks_like_unit(text)
