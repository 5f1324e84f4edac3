"""A programme split into one table per day, in an office file: the day's title above each table
groups its rows, and the band rows ("Buổi sáng …") stay bands even when Word repeats them with
the header row on every page (w:tblHeader). The Markdown copy of the same plan is read alike
(corpus truth of the draft); here the DOCX."""

from __future__ import annotations

from conftest import CORPUS, needs
from kehoach import api
from kehoach.blocks import Cell, Document, Paragraph, Row, Table
from kehoach.plan.build import build_plan


def fragment(day: Paragraph) -> Document:
    return Document(
        blocks=[
            Paragraph(text="TRƯỜNG THPT AN BÌNH"),
            Paragraph(text="Số: 12/KH-THPTAB"),
            Paragraph(text="KẾ HOẠCH", bold=True, align="center"),
            Paragraph(text="Tổ chức tuần sinh hoạt công dân đầu năm học", bold=True, align="center"),
            Paragraph(text="I. MỤC ĐÍCH, YÊU CẦU", bold=True),
            Paragraph(text="Giáo dục lý tưởng, đạo đức cho học sinh."),
            Paragraph(text="II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN", bold=True),
            day,
            Table(
                rows=[
                    Row(
                        cells=[Cell(["Thời gian"]), Cell(["Nội dung"]), Cell(["Đơn vị phụ trách"])],
                        is_header=True,
                    ),
                    Row(cells=[Cell(["Buổi sáng – Tập trung toàn trường"], span=3, bold=True)], is_header=True),
                    Row(cells=[Cell(["7h00 - 7h15"]), Cell(["Ổn định tổ chức"]), Cell(["GVCN các lớp"])]),
                    Row(cells=[Cell(["7h15 - 8h00"]), Cell(["Chuyên đề 1: Văn hóa học đường"]), Cell(["Đoàn trường"])]),
                ]
            ),
            Paragraph(text="III. TỔ CHỨC THỰC HIỆN", bold=True),
            Paragraph(text="1. Giáo viên chủ nhiệm các lớp"),
            Paragraph(text="Quản lý học sinh trong suốt tuần lễ."),
        ]
    )


def test_a_bold_day_title_groups_the_table_below_and_a_repeated_band_stays_a_band():
    tasks = [
        t
        for t in build_plan(
            fragment(Paragraph(text="NGÀY 1: THỨ HAI, NGÀY 24/8/2026", bold=True, align="center"))
        ).tasks
        if t.origin == "body"
    ]
    assert [(t.content, t.group, t.notes, t.timeline.raw) for t in tasks] == [
        ("Ổn định tổ chức", "NGÀY 1: THỨ HAI, NGÀY 24/8/2026", "Buổi sáng – Tập trung toàn trường", "7h00 - 7h15"),
        (
            "Chuyên đề 1: Văn hóa học đường",
            "NGÀY 1: THỨ HAI, NGÀY 24/8/2026",
            "Buổi sáng – Tập trung toàn trường",
            "7h15 - 8h00",
        ),
    ]


def test_a_plain_sentence_above_a_table_is_no_group():
    tasks = [
        t for t in build_plan(fragment(Paragraph(text="Chương trình cụ thể như sau:"))).tasks if t.origin == "body"
    ]
    assert [t.group for t in tasks] == ["Buổi sáng – Tập trung toàn trường"] * 2


DOCX = CORPUS / "docbinhkieu-thpt_KH-sinh-hoat-cong-dan_2026.docx"


@needs(DOCX)
def test_real_docx_programme_by_day():
    # Trường THPT Đốc Binh Kiều, KH sinh hoạt công dân 2026-2027, II.2: three days, one table each
    tasks = [t for t in api.parse(DOCX).tasks if t.origin == "body"]
    assert len(tasks) == 15
    first = tasks[0]
    assert first.content == "Ổn định tổ chức, giới thiệu chương trình"
    assert first.group == "NGÀY 1: THỨ HAI, NGÀY 24/8/2026"
    assert first.notes == "Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường dưới sân cờ"
    assert first.timeline.raw == "7h00 - 7h15"
    assert [t.group for t in tasks].count("NGÀY 2: THỨ BA, NGÀY 25/8/2026") == 5
    last = tasks[-1]
    assert last.group == "NGÀY 3: THỨ TƯ, NGÀY 26/8/2026"
    assert last.notes == "Buổi sáng (từ 9h00 đến 11h00) – Sinh hoạt theo lớp"
