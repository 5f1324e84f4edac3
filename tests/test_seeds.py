"""End to end on the five real seed plans in samples/: real facts read off the documents.

Each fact below was checked by reading the seed itself (the text is quoted in the
comments where it helps); none of them is produced by the code under test.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from kehoach import api

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SON_HA = "000_4a6fe417c4c99215.txt"  # Sơn Hà: no header, DANH MỤC table with theme group rows
LOC_HA = "001_095502a10b21373e.txt"  # Lộc Hà: draft, PHỤ LỤC with sub-rows and HTML-list cells
QUE_SON = "002_86b98b1463db50d7.txt"  # Quế Sơn: Markdown export, body tasks with bold labels
KIEN_TUONG = "003_de44e36b6cf76cb3.txt"  # Kiến Tường: two sections III, group rows name the lead unit
PHU_THO = "004_539e38bba5e301f8.txt"  # a news article about a plan, not a plan


@cache
def plan(name: str):
    return api.parse(SAMPLES / name)


def names(units) -> list[str]:
    return [u.name for u in units]


def task(p, origin: str, content_start: str):
    found = [t for t in p.tasks if t.origin == origin and t.content.startswith(content_start)]
    assert found, f"no {origin} task starting {content_start!r}"
    return found[0]


def test_every_seed_is_in_samples():
    assert sorted(p.name for p in SAMPLES.glob("*.txt")) == sorted([SON_HA, LOC_HA, QUE_SON, KIEN_TUONG, PHU_THO])


@pytest.mark.parametrize("name", [SON_HA, LOC_HA, QUE_SON, KIEN_TUONG, PHU_THO])
def test_task_ids_are_unique_and_provenance_points_into_the_file(name):
    p = plan(name)
    ids = [t.id for t in p.tasks]
    assert len(ids) == len(set(ids))
    n_lines = len((SAMPLES / name).read_text(encoding="utf-8").splitlines())
    assert all(t.location is not None and 1 <= t.location.line <= n_lines for t in p.tasks)
    assert p.source.format == "text"


# --- 000 Sơn Hà ----------------------------------------------------------------------------


def test_son_ha_number_and_date_come_from_the_danh_muc_line():
    # "(Ban hành kèm theo Kế hoạch số 23 /KH-UBND ngày 16 /02/2024 của Chủ tịch UBND huyện Sơn Hà)"
    h = plan(SON_HA).header
    assert (h.number, h.number_from, h.date, h.draft) == ("23/KH-UBND", "appendix", "2024-02-16", False)
    assert h.title == "Truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2024 trên địa bàn huyện Sơn Hà"
    assert (h.signer.position, h.signer.name) == ("CHỦ TỊCH", "Đinh Thị Trà")


def test_son_ha_sections_and_kinds():
    assert [(s.number, s.kinds) for s in plan(SON_HA).sections[:4]] == [
        ("I", ["muc_dich", "yeu_cau"]),
        ("II", ["noi_dung"]),
        ("III", ["kinh_phi"]),
        ("IV", ["to_chuc_thuc_hien"]),
    ]
    assert [c.title for c in plan(SON_HA).sections[0].children] == ["Mục đích", "Yêu cầu", "Đối tượng"]


def test_son_ha_appendix_tasks_under_five_themes():
    p = plan(SON_HA)
    appendix = [t for t in p.tasks if t.origin == "appendix"]
    assert len(appendix) == 13
    assert list(dict.fromkeys(t.group for t in appendix)) == [
        "Truyền thông hỗ trợ công tác kiểm soát thủ tục hành chính",
        "Truyền thông hỗ trợ công tác tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính",
        "Truyền thông hỗ trợ việc rà soát đơn giản hoá thủ tục hành chính và công khai thủ tục hành chính",
        "Truyền thông về thực hiện dịch vụ công trực tuyến, thanh toán trực tuyến",
        "Truyền thông về tổ chức thực hiện cơ chế một cửa, một cửa liên thông",
    ]
    assert {a.lead[0].name for a in p.tasks if a.origin == "assignment"} == {
        "Trưởng các phòng, ban, cơ quan, đơn vị liên quan",
        "Văn phòng HĐND và UBND huyện",
    }


def test_son_ha_first_task_units_split_on_semicolons_not_commas():
    t = task(plan(SON_HA), "appendix", "Cung cấp, phản ánh thông tin kịp thời")
    assert (t.number, names(t.lead)) == ("01", ["Văn phòng HĐND và UBND huyện"])
    assert names(t.support) == ["Các phòng, ban huyện", "UBND các xã, thị trấn"]
    assert (t.timeline.raw, t.timeline.kind, t.timeline.start) == ("Thường xuyên", "ongoing", "2024-01-01")


def test_son_ha_row_cut_by_a_page_break_keeps_all_its_lead_units():
    # "- Trung tâm Truyền thông - Văn hóa - Thể" | page break, header repeated | "thao huyện; - UBND các xã, thị trấn."
    t = task(plan(SON_HA), "appendix", "Tuyên truyền lợi ích của việc thực hiện dịch vụ công trực tuyến")
    assert names(t.lead) == [
        "Văn phòng HĐND và UBND huyện",
        "Trung tâm Truyền thông - Văn hóa - Thể thao huyện",
        "UBND các xã, thị trấn",
    ]
    assert t.group == "Truyền thông về thực hiện dịch vụ công trực tuyến, thanh toán trực tuyến"


def test_son_ha_theo_ke_hoach_is_an_event():
    t = task(plan(SON_HA), "appendix", "Lồng ghép công tác truyền thông")
    assert (t.timeline.raw, t.timeline.kind) == ("Theo kế hoạch", "event")


def test_son_ha_references_include_the_sentence_split_by_the_page_break():
    refs = {r.number: r for r in plan(SON_HA).references}
    assert set(refs) == {
        "36/KH-UBND",
        "1879/QĐ-UBND",
        "07/KH-UBND",
        "165/QĐ-UBND",
        "19/CT-UBND",
        "14/KH-UBND",
        "13/KH-UBND",
        "11/2022/NQ-HĐND",
    }
    # "Chỉ thị số 19/CT-UBND ngày" | page break | "07/12/2018 của Chủ tịch UBND tỉnh"
    assert (refs["19/CT-UBND"].date, refs["19/CT-UBND"].issuer) == ("2018-12-07", "Chủ tịch UBND tỉnh")
    assert (refs["1879/QĐ-UBND"].doc_type, refs["1879/QĐ-UBND"].date) == ("Quyết định", "2023-12-25")
    assert refs["11/2022/NQ-HĐND"].location.table == 1


# --- 001 Lộc Hà ----------------------------------------------------------------------------


def test_loc_ha_draft_header():
    h = plan(LOC_HA).header
    assert (h.number, h.number_raw, h.type_code) == (None, "/KH-UBND", "KH")
    assert (h.place, h.date, h.date_partial, h.draft) == ("Lộc Hà", None, "2024-02", True)
    # the export put the issuer block after the signature
    assert h.issuer == "ỦY BAN NHÂN DÂN HUYỆN LỘC HÀ"
    assert h.title.startswith("Tuyên truyền cải cách hành chính, Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)")
    assert h.legal_basis[0].startswith("Căn cứ Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh")


def test_loc_ha_signer_tm_kt():
    s = plan(LOC_HA).header.signer
    assert (s.authority, s.position, s.name) == (
        "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Việt Cường",
    )
    assert plan(LOC_HA).header.recipients[0] == "Sở Thông tin và Truyền thông"


def test_loc_ha_sections_and_letter_points():
    p = plan(LOC_HA)
    assert [(s.number, s.kinds) for s in p.sections] == [
        ("I", ["muc_dich", "yeu_cau", "chi_tieu"]),
        ("II", ["noi_dung", "hinh_thuc"]),
        ("III", ["kinh_phi"]),
        ("IV", ["to_chuc_thuc_hien"]),
    ]
    content = p.sections[1].children[0]
    assert content.title == "Nội dung tuyên truyền"
    assert [c.number for c in content.children] == ["a", "b", "c", "d", "đ", "e"]


def test_loc_ha_task_counts_by_origin():
    p = plan(LOC_HA)
    assert Counter(t.origin for t in p.tasks) == {"assignment": 10, "appendix": 16}
    appendix = [t for t in p.tasks if t.origin == "appendix"]
    assert len({t.number for t in appendix}) == 14  # 14 numbered rows, two of them with a sub-row
    assert not any(t.content.startswith("Tổng") for t in p.tasks)


def test_loc_ha_assignments():
    leads = [names(t.lead) for t in plan(LOC_HA).tasks if t.origin == "assignment"]
    assert leads[0] == ["Phòng Văn hoá và Thông tin"]
    assert leads[5] == ["Ban Tuyên giáo Huyện ủy"]  # "6. Đề nghị Ban Tuyên giáo Huyện ủy đưa …"
    assert leads[8] == ["Bưu điện huyện"]  # "9. Bưu điện huyện: tập trung triển khai …"
    assert leads[9] == ["Ủy ban nhân dân các xã, thị trấn"]


def test_loc_ha_first_appendix_task_html_list_cells():
    t = task(plan(LOC_HA), "appendix", "Phát huy hiệu quả các chuyên trang")
    assert t.products == [
        "Các tin, bài tuyên truyền về CCHC",
        "Bộ TTHC, văn bản QPPL được cập nhật đầy đủ, kịp thời",
        "Văn bản chỉ đạo, hướng dẫn thực hiện",
        "Báo cáo kết quả triển khai thực hiện",
    ]
    assert names(t.lead) == ["Cổng/Trang Thông tin điện tử huyện/xã", "Trung tâm VH TT"]
    assert names(t.support) == ["Văn phòng HĐND-UBND", "Phòng Tư pháp"]
    assert t.lead[0].key != t.lead[1].key


def test_loc_ha_sub_rows_of_task_2():
    parts = [t for t in plan(LOC_HA).tasks if t.origin == "appendix" and t.number == "2."]
    assert [(t.id.count("."), t.part) for t in parts] == [(0, 1), (1, 2)]
    assert [t.products for t in parts] == [
        ["Duy trì và phát huy hiệu quả chuyên mục “Cải cách hành chính” trên Cổng Thông tin điện tử"],
        ["Duy trì chuyên mục “Phản ánh, kiến nghị” trên Cổng thông tin điện tử"],
    ]
    assert {t.content for t in parts} == {"Tuyên truyền trên Cổng Thông tin điện tử huyện"}


def test_loc_ha_task_3_continued_over_the_page_break():
    t = task(plan(LOC_HA), "appendix", "Tuyên truyền cuộc thi viết sáng kiến")
    assert t.content == (
        "Tuyên truyền cuộc thi viết sáng kiến về cải cách hành chính cải cách hành chính theo hướng dẫn của Sở Nội vụ"
    )
    assert names(t.support) == ["Các phòng, ban, ngành, UBND các xã, thị trấn"]
    assert (t.timeline.kind, t.timeline.start, t.timeline.end) == ("quarter", "2024-07-01", "2024-09-30")


def test_loc_ha_recurring_timelines():
    p = plan(LOC_HA)
    radio = task(p, "appendix", "Tuyên truyền trên sóng truyền thanh cấp huyện")
    assert radio.timeline.raw == "Số lượng và tần suất phát sóng: 48 số (04 số/tháng)"
    assert (radio.timeline.recurrence.count, radio.timeline.recurrence.what, radio.timeline.recurrence.per) == (
        4,
        "số",
        "month",
    )
    local = task(p, "appendix", "Tuyên truyền trên hệ thống truyền thanh cơ sở")
    assert (local.timeline.raw, local.timeline.kind, local.timeline.recurrence.per) == (
        "01 lần/quý",
        "recurring",
        "quarter",
    )
    month = task(p, "appendix", "Tuyên truyền cao điểm")
    assert (month.timeline.kind, month.timeline.start, month.timeline.end) == ("month", "2024-10-01", "2024-10-31")


# --- 002 Quế Sơn ---------------------------------------------------------------------------


def test_que_son_header_from_markdown():
    h = plan(QUE_SON).header
    assert (h.issuer, h.number, h.number_raw) == ("UỶ BAN NHÂN DÂN HUYỆN QUẾ SƠN", "20/KH-UBND", "20 /KH-UBND")
    assert (h.place, h.date, h.title) == ("Quế Sơn", "2021-02-18", "Tuyên truyền cải cách hành chính năm 2021")
    assert (h.signer.authority, h.signer.position, h.signer.name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Đinh Nguyên Vũ",
    )
    assert h.motto is True


def test_que_son_markdown_wrapped_sections():
    assert [(s.number, s.title, s.kinds) for s in plan(QUE_SON).sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", ["muc_dich", "yeu_cau"]),
        ("II", "ĐỐI TƯỢNG TUYÊN TRUYỀN", ["doi_tuong"]),
        ("III", "NỘI DUNG TUYÊN TRUYỀN", ["noi_dung"]),
        ("IV", "MỘT SỐ HÌNH THỨC, BIỆN PHÁP TUYÊN TRUYỀN", ["hinh_thuc"]),
        ("V", "TỔ CHỨC THỰC HIỆN", ["to_chuc_thuc_hien"]),
    ]


def test_que_son_body_tasks_and_assignments():
    p = plan(QUE_SON)
    assert Counter(t.origin for t in p.tasks) == {"body": 6, "assignment": 7}
    first = task(p, "body", "Tăng cường tuyên truyền cải cách hành chính trong nội bộ")
    assert names(first.lead) == ["Các cơ quan, đơn vị thuộc huyện", "Ủy ban Nhân dân các xã, thị trấn"]
    assert (first.timeline.raw, first.timeline.kind, first.timeline.start) == (
        "Thường xuyên trong năm.",
        "ongoing",
        "2021-01-01",
    )
    radio = task(p, "body", "Duy trì, nâng cao chất lượng chuyên mục")
    assert names(radio.lead) == ["Trung tâm Văn hóa - Thể thao và Truyền thanh - Truyền hình huyện"]
    assert (radio.timeline.kind, radio.timeline.recurrence.per) == ("recurring", "week")
    last = [t for t in p.tasks if t.origin == "assignment"][-1]
    assert names(last.lead) == ["Các cơ quan, đơn vị, UBND các xã, thị trấn"]
    assert "Trên đây là Kế hoạch" not in last.content


def test_que_son_references():
    refs = {r.number: r for r in plan(QUE_SON).references}
    assert set(refs) == {"47/QĐ-UBND", "4003/QĐ-UBND", "18-NQ/TW"}
    assert (refs["18-NQ/TW"].date, refs["18-NQ/TW"].issuer) == ("2017-10-25", "Ban Chấp hành Trung ương")


# --- 003 Kiến Tường ------------------------------------------------------------------------


def test_kien_tuong_two_sections_numbered_iii_kept_in_order():
    assert [(s.number, s.kinds) for s in plan(KIEN_TUONG).sections] == [
        ("I", ["muc_dich", "yeu_cau", "doi_tuong"]),
        ("II", ["noi_dung"]),
        ("III", ["hinh_thuc"]),
        ("III", ["to_chuc_thuc_hien"]),
    ]


def test_kien_tuong_header_without_number_or_date():
    h = plan(KIEN_TUONG).header
    assert (h.number, h.date, h.title) == (None, None, "Tuyên truyền công tác cải cách hành chính năm 2024")
    assert (h.signer.authority, h.signer.position, h.signer.name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Vũ",
    )


def test_kien_tuong_task_counts_by_origin():
    assert Counter(t.origin for t in plan(KIEN_TUONG).tasks) == {"appendix": 22, "body": 4, "assignment": 5}


def test_kien_tuong_group_rows_are_the_lead_units():
    appendix = [t for t in plan(KIEN_TUONG).tasks if t.origin == "appendix"]
    assert all(names(t.lead) == [t.group] for t in appendix)
    assert list(dict.fromkeys(t.group for t in appendix)) == [
        "PHÒNG NỘI VỤ",
        "VĂN PHÒNG HĐND&UBND thị xã",
        "PHÒNG VĂN HÓA VÀ THÔNG TIN",
        "TRUNG TÂM VH-TT VÀ TT",
        "CÁC CƠ QUAN CHUYÊN MÔN, TRUNG TÂM HCC",
        "UBND CÁC XÃ, PHƯỜNG",
    ]
    assert Counter(t.group for t in appendix)["PHÒNG NỘI VỤ"] == 5


def test_kien_tuong_appendix_timelines_and_quantities():
    p = plan(KIEN_TUONG)
    news = task(p, "appendix", "Viết tin bài về CCHC năm 2024 (Số lượng: 12tin/năm)")
    assert news.quantity == "12tin/năm"
    assert (news.timeline.raw, news.timeline.kind) == ("Mỗi tháng 1 tin", "recurring")
    assert (news.timeline.recurrence.count, news.timeline.recurrence.per) == (1, "month")
    skit = task(p, "appendix", "Tiểu phẩm về tuyên truyền CCHC")
    assert (skit.timeline.raw, skit.timeline.kind, skit.timeline.recurrence.per) == (
        "Mỗi quý 1 tiểu phẩm",
        "recurring",
        "quarter",
    )
    contest = task(p, "appendix", "Phối hợp tổ chức hội thi sáng kiến CCHC")
    assert (contest.timeline.raw, contest.timeline.kind) == ("Khi có KH của thị xã", "event")
    plan_q1 = task(p, "appendix", "Kế hoạch tuyên truyền năm 2024")
    assert (plan_q1.timeline.start, plan_q1.timeline.end) == ("2024-01-01", "2024-03-31")


def test_kien_tuong_body_tasks_and_assignments():
    p = plan(KIEN_TUONG)
    posters = task(p, "body", "Xây dựng các nội dung tuyên truyền lồng ghép")
    assert (names(posters.lead), names(posters.support)) == (
        ["Phòng Nội vụ"],
        ["Các cơ quan, đơn vị liên quan, UBND các xã, phường"],
    )
    leads = [names(t.lead) for t in p.tasks if t.origin == "assignment"]
    assert leads[1] == ["Phòng Nội vụ"]  # "2. Đối với Phòng Nội vụ"
    assert leads[4][0] == "Ủy ban Mặt trận Tổ quốc Việt Nam thị xã"
    assert [r.number for r in p.references] == ["3838/KH-UBND"]


# --- 004 Phú Thọ: not a plan ---------------------------------------------------------------


def test_phu_tho_news_article_is_not_a_plan():
    p = plan(PHU_THO)
    assert (p.is_plan, p.document_type, p.tasks, p.sections) == (False, "unknown", [], [])
    assert p.header.number is None
    assert [(r.number, r.date) for r in p.references] == [("865/KH-UBND", None), ("468/QĐ-TTg", "2021-03-27")]


def test_loc_ha_references_with_issuers():
    refs = {r.number: r for r in plan(LOC_HA).references}
    assert list(refs) == [
        "08/KH-UBND",
        "76/NQ-CP",
        "12-NQ/TU",
        "3504/QĐ-UBND",
        "194/QĐ-UBND",
        "18-NQ/TW",
        "19-NQ/TW",
        "17/NQ-CP",
        "749/QĐ-TTg",
    ]
    # "Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh tuyên truyền cải cách hành chính, …"
    assert (refs["08/KH-UBND"].date, refs["08/KH-UBND"].issuer) == ("2024-01-08", "UBND tỉnh")
    assert (refs["749/QĐ-TTg"].doc_type, refs["749/QĐ-TTg"].issuer) == ("Quyết định", "Thủ tướng Chính phủ")
    # "Nghị quyết số 19-NQ/TW ngày 25/10/2017 Hội nghị lần thứ sáu …": no "của", no issuer
    assert (refs["19-NQ/TW"].date, refs["19-NQ/TW"].issuer) == ("2017-10-25", None)
