"""OCR of scanned PDFs (kehoach.parsers.ocr) with Tesseract's Vietnamese model.

The real scan 589/KH-BCA-C04 (Bộ Công an) has its number and day written by hand; the
header must still read 589/KH-BCA-C04 and 02/10/2025. A generated scan (text drawn into
an image, saved as an image-only PDF) checks the generic path without the real file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REALDOCS as _REALDOCS
from conftest import missing
from helpers import tesseract_tsv
from kehoach.errors import KehoachError
from kehoach.parsers import load, ocr
from kehoach.parsers.ocr.recognize import _blocks_from_lines

HERE = Path(__file__).resolve().parent
REALDOCS = _REALDOCS
SCAN_589 = REALDOCS / "bca_KH-589-KH-BCA-C04_2025_scan.pdf"

needs_tesseract = pytest.mark.skipif(
    not ocr.available(), reason="tesseract with the Vietnamese model (tesseract-ocr-vie) is not installed"
)
needs_scan = pytest.mark.skipif(not SCAN_589.exists(), reason=missing(REALDOCS))
FONT = next(
    (
        p
        for p in (
            Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
            Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
            Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
        )
        if p.exists()
    ),
    None,
)


# ---------------------------------------------------------------- no Tesseract needed


def test_header_columns_are_read_column_by_column():
    words = ocr.parse_tsv(
        tesseract_tsv(
            [
                (1, 1, 1, 100, 100, 80, 40, "BỘ"),
                (1, 1, 1, 190, 100, 120, 40, "CÔNG"),
                (1, 1, 1, 320, 100, 60, 40, "AN"),
                (1, 1, 1, 700, 100, 120, 40, "CỘNG"),
                (1, 1, 1, 830, 100, 80, 40, "HÒA"),
                (1, 1, 2, 760, 150, 80, 40, "Độc"),
                (1, 1, 2, 850, 150, 80, 40, "lập"),
                (1, 1, 3, 100, 200, 60, 40, "Số:"),
                (1, 1, 3, 170, 200, 200, 40, "12/KH-UBND"),
                (1, 1, 3, 720, 200, 90, 40, "ngày"),
                (1, 1, 3, 820, 200, 40, 40, "05"),
                (2, 1, 1, 460, 300, 90, 40, "KẾ"),
                (2, 1, 1, 560, 300, 160, 40, "HOẠCH"),
            ]
        )
    )
    lines = ocr.group_lines(words)
    paras = _blocks_from_lines(lines, page=1, page_width=1180)
    assert [(p.text, p.role) for p in paras] == [
        ("BỘ CÔNG AN", "layout"),
        ("Số: 12/KH-UBND", "layout"),
        ("CỘNG HÒA", "layout"),
        ("Độc lập", "layout"),
        ("ngày 05", "layout"),
        ("KẾ HOẠCH", "body"),
    ]
    assert all(p.prov.source == "ocr" and p.prov.page == 1 for p in paras)


def test_body_lines_of_one_paragraph_are_one_block():
    words = ocr.parse_tsv(
        tesseract_tsv(
            [
                (1, 1, 1, 100, 100, 300, 40, "Thực hiện Nghị quyết số 12 của"),
                (1, 1, 2, 100, 150, 300, 40, "Chính phủ về việc"),
                (1, 2, 1, 100, 220, 300, 40, "I. MỤC ĐÍCH, YÊU CẦU"),
            ]
        )
    )
    paras = _blocks_from_lines(ocr.group_lines(words), page=3)
    assert [p.text for p in paras] == ["Thực hiện Nghị quyết số 12 của Chính phủ về việc", "I. MỤC ĐÍCH, YÊU CẦU"]
    assert paras[0].lines == ["Thực hiện Nghị quyết số 12 của", "Chính phủ về việc"]


def test_document_type_names_survive_dropped_marks():
    assert ocr.fix_doc_type("KÉẺ HOẠCH") == "KẾ HOẠCH"
    assert ocr.fix_doc_type("KÉ HOẠCH") == "KẾ HOẠCH"
    assert ocr.fix_doc_type("QUYET ĐỊNH") == "QUYẾT ĐỊNH"
    assert ocr.fix_doc_type("KẾT QUẢ") == "KẾT QUẢ"  # not a type name: left alone
    assert ocr.fix_doc_type("Kế hoạch này") == "Kế hoạch này"


def test_missing_tesseract_is_one_clear_error(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("KEHOACH_TESSERACT", str(tmp_path / "no-such-tesseract"))
    with pytest.raises(KehoachError) as info:
        ocr.ocr_pdf(tmp_path / "x.pdf")
    assert info.value.reason == "no_tesseract"
    assert "tesseract-ocr-vie" in info.value.message("en")


@needs_scan
def test_scan_without_ocr_says_so():
    with pytest.raises(KehoachError) as info:
        load(SCAN_589)
    assert info.value.reason == "scanned_pdf"
    assert "--ocr" in info.value.message("en")


# ---------------------------------------------------------------- with Tesseract


@pytest.fixture(scope="module")
def scan_plan():
    from kehoach import api

    return api.parse(SCAN_589, ocr=True, pages=[1, 2])  # page 2 is a blank back


@needs_tesseract
@needs_scan
def test_scan_589_header_read_by_ocr(scan_plan):
    doc = scan_plan.document
    assert doc.source.ocr
    texts = [p.text for p in doc.paragraphs]
    assert "BỘ CÔNG AN" in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    # number and day are handwritten on the scan
    assert "Số: 589/KH-BCA-C04" in texts
    assert "Hà Nội, ngày 02 tháng 10 năm 2025" in texts
    assert "KẾ HOẠCH" in texts
    title = "Tổ chức Hội nghị triển khai Chương trình mục tiêu quốc gia phòng, chống ma tuý đến năm 2030"
    assert title in texts
    assert all(p.prov.source == "ocr" and p.prov.page == 1 for p in doc.paragraphs)
    notes = " | ".join(doc.source.notes)
    assert "page 2: blank, skipped" in notes
    assert "ocr:page 1:" in notes and "s" in notes
    timings = [n for n in doc.source.notes if n.startswith("ocr:page 1: ") and n.endswith("s")]
    assert timings, doc.source.notes


@needs_tesseract
@needs_scan
def test_scan_589_plan_header_through_the_api(scan_plan):
    plan = scan_plan
    assert plan.header.number == "589/KH-BCA-C04"
    assert plan.header.date == "2025-10-02"
    assert plan.header.doc_type == "KẾ HOẠCH"
    assert plan.header.title.startswith("Tổ chức Hội nghị triển khai Chương trình mục tiêu quốc gia")


@needs_tesseract
@pytest.mark.skipif(FONT is None, reason="no DejaVu/Liberation serif font to draw a test scan")
def test_generated_scan(tmp_path: Path):
    from PIL import Image, ImageDraw, ImageFont

    lines = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        "KẾ HOẠCH",
        "Tuyên truyền cải cách hành chính năm 2026",
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Nâng cao nhận thức của cán bộ, công chức.",
    ]
    page = Image.new("RGB", (2480, 3508), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 48)
    y = 300
    for line in lines:
        if line:
            width = draw.textlength(line, font=font)
            x = (2480 - width) / 2 if line.isupper() or line.startswith("Độc") else 250
            draw.text((x, y), line, fill="black", font=font)
        y += 90
    blank = Image.new("RGB", (2480, 3508), "white")
    path = tmp_path / "scan.pdf"
    page.save(path, save_all=True, append_images=[blank], resolution=300)
    with pytest.raises(KehoachError):
        load(path)  # a scan: needs --ocr
    doc = load(path, ocr=True)
    texts = [p.text for p in doc.paragraphs]
    for line in lines:
        if line:
            assert line in texts
    assert any("page 2: blank, skipped" in n for n in doc.source.notes)


@needs_tesseract
@pytest.mark.skipif(FONT is None, reason="no DejaVu/Liberation serif font to draw a test scan")
def test_generated_scan_with_a_ruled_table(tmp_path: Path):
    """Ruling lines -> a Table: a group row across all columns, a vertical merge, two-line cells."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 40)
    page = Image.new("RGB", (2480, 3508), "white")
    draw = ImageDraw.Draw(page)
    draw.text((250, 300), "PHỤ LỤC", fill="black", font=font)
    xs, ys = [250, 400, 1450, 2230], [550, 650, 780, 960, 1090, 1220]
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill="black", width=3)
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill="black", width=3)
    # row 2 is a group row: no inner vertical rules; the last two rows share their lead unit
    draw.line([(xs[1], ys[1] + 3), (xs[1], ys[2] - 3)], fill="white", width=6)
    draw.line([(xs[2], ys[1] + 3), (xs[2], ys[2] - 3)], fill="white", width=6)
    draw.line([(xs[2] + 4, ys[4]), (xs[3] - 4, ys[4])], fill="white", width=6)
    cells = {
        (0, 0): ["TT"],
        (0, 1): ["Nội dung công việc"],
        (0, 2): ["Đơn vị chủ trì"],
        (1, 0): ["I. CÔNG TÁC TUYÊN TRUYỀN"],
        (2, 0): ["1"],
        (2, 1): ["Tuyên truyền pháp luật", "cho cán bộ, công chức"],
        (2, 2): ["Sở Tư pháp"],
        (3, 0): ["2"],
        (3, 1): ["Kiểm tra công tác cải cách"],
        (3, 2): ["Sở Nội vụ"],
        (4, 0): ["3"],
        (4, 1): ["Tổng hợp báo cáo kết quả"],
    }
    for (r, c), lines in cells.items():
        for k, line in enumerate(lines):
            draw.text((xs[c] + 20, ys[r] + 30 + 55 * k), line, fill="black", font=font)
    draw.text((250, 1320), "Kế hoạch này được triển khai từ ngày ký.", fill="black", font=font)
    path = tmp_path / "table.pdf"
    page.save(path, resolution=300)
    doc = load(path, ocr=True)
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]
    table = doc.tables[0]
    assert table.prov.source == "ocr" and table.prov.page == 1 and table.prov.table == 1
    assert [r.texts for r in table.rows] == [
        ["TT", "Nội dung công việc", "Đơn vị chủ trì"],
        ["I. CÔNG TÁC TUYÊN TRUYỀN"],
        ["1", "Tuyên truyền pháp luật cho cán bộ, công chức", "Sở Tư pháp"],
        ["2", "Kiểm tra công tác cải cách", "Sở Nội vụ"],
        ["3", "Tổng hợp báo cáo kết quả", ""],
    ]
    assert table.rows[1].cells[0].span == 3
    assert table.rows[2].cells[1].lines == ["Tuyên truyền pháp luật", "cho cán bộ, công chức"]
    assert table.rows[4].cells[2].merged_up
    assert doc.paragraphs[-1].text == "Kế hoạch này được triển khai từ ngày ký."


KH_1105 = REALDOCS / "laocai-sct_KH-1105-DKT_2026.pdf"


@needs_tesseract
@pytest.mark.skipif(not KH_1105.exists(), reason=missing(REALDOCS))
def test_scan_made_from_a_real_appendix_page(tmp_path: Path):
    """KH-1105's appendix (page 4) printed to an image-only PDF: the ruled table comes back
    with its rows, its vertically merged cells and its dates."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(KH_1105))
    try:
        image = pdf[3].render(scale=300 / 72).to_pil().convert("L")
    finally:
        pdf.close()
    path = tmp_path / "appendix_scan.pdf"
    image.save(path, resolution=300)
    doc = load(path, ocr=True)
    assert len(doc.tables) == 1
    rows = doc.tables[0].rows
    assert len(rows) == 6 and all(len(r.cells) == 5 for r in rows)
    assert [r.cells[0].text for r in rows] == ["TT", "1", "", "2", "", "3"]
    assert [r.cells[0].merged_up for r in rows] == [False, False, True, False, True, False]
    assert [r.cells[3].text for r in rows[1:]] == ["23/3/2026", "", "25/3/2025", "", "21/3/2025"]
    assert {r.cells[4].text for r in rows[1:] if not r.cells[4].merged_up} == {"02 ngày"}
    assert rows[1].cells[2].text.startswith("Gói th")  # "Gói thầu số 13: …"
    assert not any(c.merged_up for c in rows[2].cells[2:3])  # each sub-row has its own package
