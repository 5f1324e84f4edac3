"""Timelines (domain.md §5): the raw text is kept; kind, start, end and recurrence are derived.

Every form seen in real plans has its own test. When a form names no year, the plan's
year (passed as `plan_year`) fills it in.
"""

from __future__ import annotations

import pytest

from kehoach import api
from kehoach.models import Recurrence
from kehoach.plan.timeline import parse_timeline, plan_period, years_in

YEAR = 2024


def tl(raw: str, year: int | None = YEAR):
    t = parse_timeline(raw, year)
    assert t is not None
    assert t.raw == raw.strip()
    return t


def test_thuong_xuyen_is_ongoing_over_the_plan_year():
    t = tl("Thường xuyên")
    assert (t.kind, t.start, t.end, t.recurrence) == ("ongoing", "2024-01-01", "2024-12-31", None)


def test_thuong_xuyen_without_any_year_has_no_dates():
    t = tl("Thường xuyên", None)
    assert (t.kind, t.start, t.end) == ("ongoing", None, None)


def test_thuong_xuyen_trong_nam_takes_the_stated_year_not_the_plan_year():
    t = tl("Thường xuyên trong năm 2024", 2021)
    assert (t.kind, t.start, t.end, t.recurrence) == ("ongoing", "2024-01-01", "2024-12-31", None)


def test_quarter_with_slash_year():
    t = tl("Quý III/2024")
    assert (t.kind, t.start, t.end, t.recurrence) == ("quarter", "2024-07-01", "2024-09-30", None)


def test_quarter_written_with_nam_in_lower_case():
    t = tl("quý III năm 2024", 2021)
    assert (t.kind, t.start, t.end) == ("quarter", "2024-07-01", "2024-09-30")


@pytest.mark.parametrize(
    "raw, start, end",
    [
        ("Quý I/2024", "2024-01-01", "2024-03-31"),
        ("Quý II/2024", "2024-04-01", "2024-06-30"),
        ("Quý IV/2024", "2024-10-01", "2024-12-31"),
    ],
)
def test_every_roman_quarter_maps_to_its_months(raw, start, end):
    t = tl(raw)
    assert (t.kind, t.start, t.end) == ("quarter", start, end)


def test_month_with_year():
    t = tl("Tháng 10/2024", 2021)
    assert (t.kind, t.start, t.end, t.recurrence) == ("month", "2024-10-01", "2024-10-31", None)


def test_deadline_with_full_date():
    t = tl("Trước ngày 10/12/2024")
    assert (t.kind, t.start, t.end, t.recurrence) == ("deadline", None, "2024-12-10", None)


def test_deadline_without_year_takes_the_plan_year():
    t = tl("Hoàn thành trước 30/6", 2025)
    assert (t.kind, t.start, t.end) == ("deadline", None, "2025-06-30")


def test_deadline_without_year_and_without_plan_year_has_no_end():
    t = tl("Hoàn thành trước 30/6", None)
    assert (t.kind, t.end) == ("deadline", None)


def test_trong_nam_is_the_whole_year():
    t = tl("Trong năm 2024", 2021)
    assert (t.kind, t.start, t.end, t.recurrence) == ("year", "2024-01-01", "2024-12-31", None)


def test_first_half_of_the_plan_year():
    t = tl("6 tháng đầu năm", 2023)
    assert (t.kind, t.start, t.end) == ("half_year", "2023-01-01", "2023-06-30")


def test_second_half_of_a_stated_year():
    t = tl("6 tháng cuối năm 2024", 2021)
    assert (t.kind, t.start, t.end) == ("half_year", "2024-07-01", "2024-12-31")


def test_moi_thang_mot_tin_is_monthly_with_a_count():
    t = tl("Mỗi tháng 1 tin")
    assert t.kind == "recurring"
    assert t.recurrence == Recurrence(count=1, what="tin", per="month")
    assert (t.start, t.end) == ("2024-01-01", "2024-12-31")


def test_mot_lan_moi_quy():
    t = tl("01 lần/quý")
    assert t.kind == "recurring"
    assert t.recurrence == Recurrence(count=1, what="lần", per="quarter")
    assert (t.start, t.end) == ("2024-01-01", "2024-12-31")


def test_bon_so_moi_thang():
    t = tl("04 số/tháng")
    assert t.kind == "recurring"
    assert t.recurrence == Recurrence(count=4, what="số", per="month")


def test_moi_tuan_mot_lan_with_the_count_in_words():
    t = tl("mỗi tuần một lần")
    assert t.kind == "recurring"
    assert t.recurrence == Recurrence(count=1, what="lần", per="week")


def test_moi_quy_is_recurring_not_the_first_quarter():
    t = tl("Mỗi quý 1 tiểu phẩm")
    assert t.kind == "recurring"
    assert t.recurrence == Recurrence(count=1, what="tiểu phẩm", per="quarter")
    assert (t.start, t.end) == ("2024-01-01", "2024-12-31")


def test_dinh_ky_hang_quy_is_recurring_once_a_quarter():
    t = tl("Định kỳ hàng quý")
    assert t.kind == "recurring"
    assert (t.recurrence.count, t.recurrence.per) == (1, "quarter")


def test_a_yearly_quantity_is_recurring():
    t = tl("12 tin/năm")
    assert t.recurrence == Recurrence(count=12, what="tin", per="year")


def test_recurrence_inside_a_longer_sentence():
    t = tl("Số lượng và tần suất phát sóng: 48 số (04 số/tháng)")
    assert t.kind == "recurring"
    assert t.recurrence == Recurrence(count=4, what="số", per="month")


def test_theo_ke_hoach_is_an_event():
    t = tl("Theo kế hoạch")
    assert (t.kind, t.start, t.end, t.recurrence) == ("event", None, None, None)


def test_khi_co_ke_hoach_cua_thi_xa_is_an_event():
    t = tl("Khi có KH của thị xã")
    assert (t.kind, t.start, t.end, t.recurrence) == ("event", None, None, None)


def test_a_single_date():
    t = tl("Ngày 15/5/2024")
    assert (t.kind, t.start, t.end) == ("date", "2024-05-15", "2024-05-15")


def test_a_period_between_two_dates():
    t = tl("Từ 01/3/2024 đến 30/4/2024")
    assert (t.kind, t.start, t.end) == ("period", "2024-03-01", "2024-04-30")


def test_a_span_of_years():
    t = tl("Giai đoạn 2021 - 2025")
    assert (t.kind, t.start, t.end) == ("period", "2021-01-01", "2025-12-31")


def test_unrecognised_text_keeps_raw_and_is_unknown():
    t = tl("Tùy tình hình thực tế")
    assert (t.kind, t.start, t.end, t.recurrence) == ("unknown", None, None, None)


def test_blank_timeline_is_none():
    assert parse_timeline("   ", YEAR) is None
    assert parse_timeline(None, YEAR) is None


def test_raw_is_whitespace_collapsed_but_otherwise_verbatim():
    t = parse_timeline("  Quý  III/2024 ", YEAR)
    assert t.raw == "Quý III/2024"


def test_years_in_ignores_longer_numbers():
    assert years_in("Kế hoạch năm 2024, giai đoạn 2021-2025, mã 120245") == [2024, 2021, 2025]


def test_a_table_cell_without_a_year_takes_the_plan_year_from_the_header():
    plan = api.parse_text(
        "KẾ HOẠCH\nTuyên truyền năm 2023\n\nPHỤ LỤC\n(Kèm theo Kế hoạch số 5/KH-UBND ngày 10/01/2023)\n\n"
        "STT\tNội dung công việc\tĐơn vị chủ trì\tThời gian thực hiện\n"
        "1\tTổ chức hội thi\tPhòng Nội vụ\tHoàn thành trước 30/6\n"
    )
    (task,) = plan.tasks
    assert task.timeline.raw == "Hoàn thành trước 30/6"
    assert (task.timeline.kind, task.timeline.end) == ("deadline", "2023-06-30")


# --- forms seen in the real documents of realdocs/ ------------------------------------------


@pytest.mark.parametrize(
    "raw, per", [("Định kỳ hằng tháng", "month"), ("Hằng năm", "year"), ("hằng quý", "quarter"), ("Hàng năm", "year")]
)
def test_hang_and_hang_spellings_are_both_recurring(raw, per):
    t = tl(raw)
    assert t.kind == "recurring"
    assert (t.recurrence.count, t.recurrence.per) == (1, per)


def test_a_day_and_month_before_the_word_nam_is_a_date_not_a_count_per_year():
    t = tl("Trước ngày 31/01 năm liền kề", 2026)
    # "năm liền kề" is the year after the plan's
    assert (t.kind, t.end, t.recurrence) == ("deadline", "2027-01-31", None)


def test_a_date_written_in_words_without_a_year():
    t = tl("Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 28 tháng 8", 2026)
    assert (t.kind, t.start, t.end) == ("date", "2026-08-28", "2026-08-28")


def test_a_date_written_in_words_with_its_year():
    t = tl("Trước ngày 15 tháng 12 năm 2024", 2021)
    assert (t.kind, t.end) == ("deadline", "2024-12-15")


def test_a_period_whose_start_date_omits_the_year():
    t = tl("Từ ngày 01/3 đến 30/4/2024", 2021)
    assert (t.kind, t.start, t.end) == ("period", "2024-03-01", "2024-04-30")


@pytest.mark.parametrize("raw", ["Từ tháng 3 đến tháng 5/2024", "Tháng 3 - 5/2024", "tháng 3-tháng 5 năm 2024"])
def test_a_range_of_months_is_a_period(raw):
    t = tl(raw, 2021)
    assert (t.kind, t.start, t.end) == ("period", "2024-03-01", "2024-05-31")


@pytest.mark.parametrize("raw", ["Quý I, II/2024", "Quý I và quý II năm 2024", "Quý I - II/2024"])
def test_a_range_of_quarters_is_a_period(raw):
    t = tl(raw, 2021)
    assert (t.kind, t.start, t.end) == ("period", "2024-01-01", "2024-06-30")


# --- cited documents, adjacent years, multi-year plans (issue 10) ---------------------------


def test_a_cited_documents_date_is_not_a_deadline():
    t = tl("Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28/5/2015", 2026)
    assert (t.raw, t.start, t.end) == ("Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28/5/2015", None, None)
    assert t.kind == "event"


def test_a_deadline_next_to_a_citation_keeps_its_own_date():
    t = tl("Trước ngày 30/6/2026 (theo Công văn số 12/UBND-VX ngày 01/3/2026)", 2026)
    assert (t.kind, t.end) == ("deadline", "2026-06-30")


def test_a_citation_without_so_or_date_gives_no_year():
    t = tl("Theo tiến độ tại Kế hoạch 36/KH-UBND", 2024)
    assert (t.kind, t.start, t.end) == ("event", None, None)


def test_nam_lien_ke_is_the_next_year():
    t = tl("Quý I năm liền kề", 2026)
    assert (t.kind, t.start, t.end) == ("quarter", "2027-01-01", "2027-03-31")


def test_nam_truoc_lien_ke_is_the_year_before():
    t = tl("Chậm nhất ngày 31/12 năm trước liền kề", 2026)
    assert (t.kind, t.end) == ("deadline", "2025-12-31")


def test_hang_nam_in_a_multi_year_plan_spans_its_period():
    t = parse_timeline("Hằng năm", 2026, (2026, 2030))
    assert (t.kind, t.start, t.end, t.recurrence.per) == ("recurring", "2026-01-01", "2030-12-31", "year")
    # a stated year wins over the period
    assert parse_timeline("Thường xuyên trong năm 2027", 2026, (2026, 2030)).end == "2027-12-31"


@pytest.mark.parametrize(
    "title,year,period",
    [
        ("Cải cách hành chính giai đoạn 2026 - 2030", 2026, (2026, 2030)),
        ("Phát triển công nghiệp giai đoạn 2026-2030", 2025, (2026, 2030)),
        ("Chương trình phòng, chống ma túy đến năm 2030", 2025, (2025, 2030)),
        ("Tuyên truyền cải cách hành chính năm 2024", 2024, None),
    ],
)
def test_plan_period_from_the_title(title, year, period):
    assert plan_period(title, year) == period


def test_a_multi_year_plan_spans_its_yearly_tasks_end_to_end():
    plan = api.parse_text("""KẾ HOẠCH
Cải cách hành chính giai đoạn 2026 - 2030

I. NHIỆM VỤ

1. Rà soát thủ tục hành chính

- Cơ quan chủ trì: Sở Tư pháp.

- Thời gian thực hiện: Hằng năm.
""")
    (t,) = plan.tasks
    assert (t.timeline.start, t.timeline.end) == ("2026-01-01", "2030-12-31")


@pytest.mark.parametrize(
    ("raw", "start", "end"),
    [("Quí IV-2025", "2025-10-01", "2025-12-31"), ("Quí I/2024", "2024-01-01", "2024-03-31")],
)
def test_the_older_spelling_qui_is_a_quarter(raw, start, end):
    """ "Quí" (the spelling before the 1980s reform, still typed: a power company's and an army
    unit's plans) is "Quý"."""
    t = tl(raw)
    assert (t.kind, t.start, t.end) == ("quarter", start, end)


@pytest.mark.parametrize("raw", ["Trước ngày 05 của tháng liền kề", "trước ngày 20 hằng tháng"])
def test_a_deadline_that_comes_back_each_month_is_recurring(raw):
    t = tl(raw)
    assert (t.kind, t.recurrence) == ("recurring", Recurrence(count=1, per="month"))
    assert (t.start, t.end) == ("2024-01-01", "2024-12-31")


def test_until_the_end_of_the_year_is_a_deadline_at_its_last_day():
    t = tl("Từ nay đến cuối năm.")
    assert (t.kind, t.end) == ("deadline", "2024-12-31")


def test_a_day_and_month_alone_is_a_date_in_the_plans_year():
    t = tl("Ngày 24/8")
    assert (t.kind, t.start, t.end) == ("date", "2024-08-24", "2024-08-24")
    assert tl("Tuần 1/2").kind == "unknown"  # no day named: not read as a date


def test_an_occasion_is_an_event():
    assert tl("Dịp Lễ tết và các sự kiện").kind == "event"


def test_a_plan_for_next_year_signed_in_december_dates_its_quarters_in_the_year_it_is_for():
    """A plan "năm 2026" signed on 20/12/2025: "Quý I" is the first quarter of 2026 (the Lâm Đồng
    CCHC plans, a Thanh Hóa monitoring plan); a horizon ("đến năm 2030") or a date in the title
    ("ngày 01 tháng 01 năm 2026") does not make the plan's year."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nSố: 5/KH-UBND\n\nLâm Đồng, ngày 20 tháng 12 năm 2025\n\n"
        "KẾ HOẠCH\n{title}\n\nPHỤ LỤC\n(Kèm theo Kế hoạch số 5/KH-UBND ngày 20/12/2025)\n\n"
        "STT\tNội dung công việc\tĐơn vị chủ trì\tThời gian thực hiện\n"
        "1\tTổ chức hội thi\tPhòng Nội vụ\tQuý I\n"
    )
    (task,) = api.parse_text(text.format(title="Cải cách hành chính năm 2026")).tasks
    assert (task.timeline.kind, task.timeline.start, task.timeline.end) == ("quarter", "2026-01-01", "2026-03-31")
    for title in ("Chuyển đổi số đến năm 2030", "Tổng kiểm kê tài sản công thời điểm ngày 01 tháng 01 năm 2026"):
        (task,) = api.parse_text(text.format(title=title)).tasks
        assert task.timeline.start == "2025-01-01", title
