"""Prose tasks end to end on real plans of several issuers (issue 10): real values, not counts only."""

from __future__ import annotations

from conftest import REALDOCS, WEBCOPIES, needs
from kehoach import api

DE_AN_08 = REALDOCS / "laocai-sct_KH-de-an-08_2026.docx"  # Sở Công Thương Lào Cai, DOCX
CCHC_2030 = REALDOCS / "lamdong-ubnd_KH-CCHC-2026-2030_v2.docx"  # UBND Lâm Đồng, DOCX
KH_3957 = REALDOCS / "laocai-sct_KH-3957_3.7.2026_Kiem-tra-cap-GCN-19-don-vi.docx"
KH_1105 = REALDOCS / "laocai-sct_KH-1105-DKT_2026.repo-extract.txt"
HANOI_308 = WEBCOPIES / "KH-308_8e9a425dd83e56b3.md"  # UBND Hà Nội, web copy


def names(units) -> list[str]:
    return [u.name for u in units]


@needs(DE_AN_08)
def test_groups_closed_by_lead_and_support_labels_give_their_units():
    body = [t for t in api.parse(DE_AN_08).tasks if t.origin == "body"]
    assert [(t.number, names(t.lead), names(t.support)) for t in body] == [
        ("1", ["Phòng Quản lý Công nghiệp"], ["Phòng Quản lý Năng lượng, Phòng Quản lý Thương mại"]),
        ("2", ["Phòng Quản lý Công nghiệp"], ["Phòng Quản lý Năng lượng, Văn phòng Sở"]),
        ("3", ["Phòng Quản lý Năng lượng"], ["Phòng Quản lý Công nghiệp"]),
        ("4", ["Phòng Quản lý Công nghiệp"], ["Phòng Quản lý Năng lượng, Văn phòng Sở"]),
        ("5", ["Văn phòng Sở"], ["Phòng Quản lý Công nghiệp, Phòng Quản lý Năng lượng"]),
    ]
    assert body[2].notes == "Lãnh đạo phụ trách: Phó giám đốc Nguyễn Trường Giang."
    assert body[0].content == (
        "Tái cơ cấu ngành công nghiệp theo chiều sâu, nâng cao giá trị gia tăng và phát triển kinh tế tuần hoàn"
    )


@needs(CCHC_2030)
def test_unit_sentences_under_a_topic_heading_are_assignments_and_yearly_tasks_span_the_period():
    plan = api.parse(CCHC_2030)
    leads = [names(t.lead) for t in plan.tasks if t.origin == "assignment"]
    assert ["Sở Nội vụ"] in leads
    assert ["Các sở, ban, ngành và Ủy ban nhân dân các xã, phường, đặc khu"] in leads
    assert not any(lead[0].startswith(("Công tác", "Kinh phí")) for lead in leads)
    yearly = [t.timeline for t in plan.tasks if t.timeline and t.timeline.raw == "Hằng năm"]
    assert yearly and all((tl.start, tl.end) == ("2026-01-01", "2030-12-31") for tl in yearly)
    cited = [t.timeline for t in plan.tasks if t.timeline and t.timeline.raw.startswith("Theo Điều 17 Nghị định")]
    assert cited and all(tl.start is None and tl.end is None for tl in cited)


@needs(KH_3957)
def test_a_paragraph_giving_a_unit_the_numbered_items_below_it():
    (t,) = [t for t in api.parse(KH_3957).tasks if t.origin == "assignment"]
    assert names(t.lead) == ["phòng Quản lý Công nghiệp"]
    assert t.content.splitlines()[1].startswith("Tổ chức kiểm tra kỹ thuật an toàn")


@needs(KH_1105)
def test_members_of_an_inspection_team_are_assignments():
    leads = [names(t.lead)[0] for t in api.parse(KH_1105).tasks if t.origin == "assignment"]
    assert leads == [
        "Hoàng Văn Thuân - Trưởng đoàn",
        "Đỗ Mạnh Cường - Phó Trưởng đoàn",
        "Vũ Việt Linh - Thư ký đoàn",
        "Bùi Việt Cường - Thành viên",
    ]


@needs(HANOI_308)
def test_lettered_label_headings_of_another_issuer():
    body = [t for t in api.parse(HANOI_308).tasks if t.origin == "body"]
    assert [t.number for t in body] == ["1.1", "1.2", "2", "3", "4.1", "4.2", "4.3"]
    first = body[0]
    assert (names(first.lead), names(first.support)) == (["Sở Khoa học và Công nghệ"], ["Các Sở, ban, ngành"])
    assert (first.timeline.raw, first.timeline.end) == ("Hoàn thành trong năm 2025.", "2025-12-31")
    assert all(t.content not in ("Cơ quan thực hiện", "Nhiệm vụ") for t in body)
