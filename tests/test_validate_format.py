"""Page and font rules on real DOCX files written with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt

from kehoach import api
from kehoach.validate import Config, validate

BODY = [
    "ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN",
    "Số: 20/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Quế Sơn, ngày 18 tháng 02 năm 2021",
    "KẾ HOẠCH",
    "Tuyên truyền cải cách hành chính năm 2021",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao nhận thức của cán bộ, công chức, viên chức về công tác cải cách hành chính năm 2021.",
    "II. NỘI DUNG",
    "Tuyên truyền kết quả thực hiện Kế hoạch cải cách hành chính năm 2021 của huyện.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Phòng Nội vụ chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này./.",
]


def write(
    path: Path, *, font="Times New Roman", size=14, page=(210, 297), margins=(20, 20, 30, 15), landscape_appendix=False
) -> Path:
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = font, Pt(size)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(page[0]), Mm(page[1])
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (Mm(m) for m in margins)
    for text in BODY:
        doc.add_paragraph(text)
    if landscape_appendix:
        wide = doc.add_section()
        wide.orientation = WD_ORIENT.LANDSCAPE
        wide.page_width, wide.page_height = Mm(297), Mm(210)
        wide.top_margin = wide.bottom_margin = wide.left_margin = wide.right_margin = Mm(15)
        doc.add_paragraph("PHỤ LỤC")
    doc.save(path)
    return path


def format_findings(path: Path):
    return [f for f in validate(api.parse(path), Config(select=["format"]))]


def test_a4_times_14_and_decree_margins_are_silent(tmp_path):
    assert format_findings(write(tmp_path / "ok.docx")) == []


def test_landscape_appendix_section_is_accepted(tmp_path):
    assert format_findings(write(tmp_path / "wide.docx", landscape_appendix=True)) == []


def test_letter_paper(tmp_path):
    found = format_findings(write(tmp_path / "letter.docx", page=(215.9, 279.4)))
    assert [f.rule for f in found] == ["page-size"]
    assert "215 × 279" in found[0].message or "216 × 279" in found[0].message


def test_word_default_margins(tmp_path):
    # Word's 1-inch default: top and bottom (25.4 mm) are within 20–25 mm give or take rounding;
    # left is too narrow for binding, right too wide
    found = format_findings(write(tmp_path / "inch.docx", margins=(25.4, 25.4, 25.4, 25.4)))
    assert sorted(f.message.split()[1] for f in found) == ["phải", "trái"]
    found = format_findings(write(tmp_path / "margins.docx", margins=(28, 15, 25, 10)))
    assert sorted(f.message.split()[1] for f in found) == ["dưới", "phải", "trái", "trên"]
    assert {f.rule for f in found} == {"page-margins"}


def test_arial_12(tmp_path):
    found = format_findings(write(tmp_path / "arial.docx", font="Arial", size=12))
    assert [f.rule for f in found] == ["body-font", "body-font"]
    assert any("Arial" in f.message for f in found) and any("12 pt" in f.message for f in found)


def test_text_files_have_no_page_facts(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("\n\n".join(BODY), encoding="utf-8")
    assert format_findings(path) == []
