"""References to other documents (domain.md §6): type word, number as written, date, issuer."""

from __future__ import annotations

from kehoach import api
from kehoach.plan.references import find_references, normalise_number, type_code_of


def one(text: str):
    refs = find_references(text)
    assert len(refs) == 1, refs
    return refs[0]


def test_quyet_dinh_with_date_and_issuer():
    r = one(
        "đáp ứng yêu cầu tại Quyết định số 1879/QĐ-UBND ngày 25/12/2023 của Chủ tịch UBND tỉnh ban hành "
        "Kế hoạch cải cách hành chính năm 2024;"
    )
    assert (r.doc_type, r.type_code, r.number) == ("Quyết định", "QĐ", "1879/QĐ-UBND")
    assert (r.date, r.date_raw) == ("2023-12-25", "ngày 25/12/2023")
    assert r.issuer == "Chủ tịch UBND tỉnh"
    assert r.raw == "Quyết định số 1879/QĐ-UBND ngày 25/12/2023 của Chủ tịch UBND tỉnh"


def test_party_resolution_number_with_a_comma_before_the_date():
    r = one(
        "kết quả thực hiện Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương khoá XII về "
        "một số vấn đề về tiếp tục đổi mới"
    )
    assert (r.doc_type, r.type_code, r.number, r.date) == ("Nghị quyết", "NQ", "18-NQ/TW", "2017-10-25")
    assert r.issuer == "Ban Chấp hành Trung ương"


def test_number_with_a_year_part():
    r = one("giảm 50% phí, lệ phí theo quy định tại Nghị quyết số 11/2022/NQ-HĐND ngày 07/02/2022.")
    assert (r.doc_type, r.type_code, r.number, r.date, r.issuer) == (
        "Nghị quyết",
        "NQ",
        "11/2022/NQ-HĐND",
        "2022-02-07",
        None,
    )


def test_type_word_without_so():
    r = one("Quyết định 4003/QĐ-UBND ngày 31/12/2020 của UBND tỉnh Quảng Nam về ban hành Kế hoạch")
    assert (r.doc_type, r.number, r.date, r.issuer) == (
        "Quyết định",
        "4003/QĐ-UBND",
        "2020-12-31",
        "UBND tỉnh Quảng Nam",
    )


def test_reference_without_a_date():
    r = one("theo Chỉ thị số 19/CT-UBND của Chủ tịch UBND tỉnh.")
    assert (r.doc_type, r.number, r.date, r.date_raw, r.issuer) == (
        "Chỉ thị",
        "19/CT-UBND",
        None,
        None,
        "Chủ tịch UBND tỉnh",
    )


def test_mismatched_type_word_and_code_are_both_kept():
    # the validator reports "Quyết định số 07/KH-UBND"; the reader keeps what is written
    r = one("Quyết định số 07/KH-UBND ngày 20/01/2024 của Chủ tịch UBND tỉnh")
    assert (r.doc_type, r.type_code, r.number) == ("Quyết định", "KH", "07/KH-UBND")


def test_dates_and_fractions_are_not_taken_as_numbers():
    text = (
        "Thường xuyên trong năm 2024, ngày 07/02/2024, Quý III/2024, tháng 10/2024, 01 lần/quý, 04 số/tháng, "
        "12tin/năm, Cổng/Trang thông tin điện tử huyện/xã, giai đoạn 2021 - 2030, 50%"
    )
    assert find_references(text) == []


def test_several_references_in_one_sentence():
    refs = find_references(
        "Căn cứ Kế hoạch số 14/KH-UBND ngày 05/02/2024 của UBND huyện Sơn Hà về cải cách hành chính; "
        "Kế hoạch số 13/KH-UBND ngày 05/02/2024 của UBND huyện Sơn Hà về rà soát thủ tục hành chính."
    )
    assert [(r.number, r.date, r.issuer) for r in refs] == [
        ("14/KH-UBND", "2024-02-05", "UBND huyện Sơn Hà"),
        ("13/KH-UBND", "2024-02-05", "UBND huyện Sơn Hà"),
    ]


def test_type_code_of_number_forms():
    assert type_code_of("36/KH-UBND") == "KH"
    assert type_code_of("18-NQ/TW") == "NQ"
    assert type_code_of("11/2022/NQ-HĐND") == "NQ"
    assert type_code_of("468/QĐ-TTg") == "QĐ"


def test_normalise_number_removes_inner_spaces_and_trailing_punctuation():
    assert normalise_number("23 /KH-UBND.") == "23/KH-UBND"


def test_plan_references_are_deduplicated_and_exclude_its_own_number_line():
    plan = api.parse_text("""ỦY BAN NHÂN DÂN
HUYỆN SƠN HÀ

Số: 23/KH-UBND

KẾ HOẠCH

Truyền thông về kiểm soát thủ tục hành chính năm 2024

Thực hiện Kế hoạch số 36/KH-UBND ngày 07/02/2024 của Chủ tịch UBND tỉnh về truyền thông năm 2024, UBND huyện ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

- Bám sát Kế hoạch số 36/KH-UBND ngày 07/02/2024 và Quyết định số 1879/QĐ-UBND ngày 25/12/2023 của Chủ tịch UBND tỉnh.
""")
    assert [(r.doc_type, r.number, r.date) for r in plan.references] == [
        ("Kế hoạch", "36/KH-UBND", "2024-02-07"),
        ("Quyết định", "1879/QĐ-UBND", "2023-12-25"),
    ]
    assert plan.references[0].location.line == 10


def test_references_inside_table_cells_are_found():
    plan = api.parse_text(
        "PHỤ LỤC\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2024)\n\n"
        "STT\tNội dung công việc\tĐơn vị chủ trì\n"
        "1\tTuyên truyền Nghị quyết số 11/2022/NQ-HĐND ngày 07/02/2022\tPhòng Tư pháp\n"
    )
    assert [r.number for r in plan.references] == ["11/2022/NQ-HĐND"]
    assert (plan.references[0].location.table, plan.references[0].location.row) == (1, 2)


def test_issuer_stops_before_the_lower_case_verb_that_follows_it():
    r = one("Căn cứ Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh tuyên truyền cải cách hành chính năm 2024")
    assert r.issuer == "UBND tỉnh"


def test_a_capitalised_body_name_containing_such_a_word_is_kept_whole():
    r = one("Hướng dẫn số 26-HD/BTCTW ngày 24/9/2019 của Ban Tổ chức Trung ương về công tác cán bộ")
    assert (r.number, r.issuer) == ("26-HD/BTCTW", "Ban Tổ chức Trung ương")


def test_a_number_kept_from_wrapping_by_a_non_breaking_hyphen_is_read():
    # Word's non-breaking hyphen typed as a character (U+2011), often after a narrow no-break space
    text = "theo Quy định số\u202f296\u2011QĐ/TW, ngày 30/5/2025 của Ban Chấp hành Trung ương về công tác kiểm tra"
    plan = api.parse_text(f"KẾ HOẠCH\nThực hiện công tác kiểm tra năm 2026\n\nI. MỤC ĐÍCH\n\nTriển khai {text}.\n")
    (ref,) = plan.references
    assert (ref.number, ref.type_code, ref.date) == ("296-QĐ/TW", "QĐ", "2025-05-30")
