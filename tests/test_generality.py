"""Issue 10, the remaining gaps: broken pipe rows, the "kèm theo" line, signature-widget stamps.

Each behaviour on a minimal inline fragment, then on a real document that shows it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from hostile_gen import pdf_objects, stream_obj, text_page
from kehoach.api import parse
from kehoach.parsers.pipe_rows import join_broken_rows
from kehoach.parsers.text import parse_string
from kehoach.plan.attached import read_attached
from kehoach.plan.build import build_plan

from conftest import REALDOCS, needs

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
UBTVQH = CORPUS / "ubtvqh_NQ-1339-ban-hanh-KH_2024.webcopy.md"
SIGNED_CV = CORPUS / "lamdong-stp_CV-125-gop-y-du-thao-KH_2026.pdf"
SIGNED_TB = REALDOCS / "quangngai-ubnd_TB-11-TB-UBND_2025_signed.pdf"

BROKEN = """KẾ HOẠCH

Soạn thảo văn bản

| TT | Tên văn bản | Cơ quan trình | Cơ quan soạn thảo | Cơ quan thẩm tra | Tiến độ | Hồ sơ |
|
| I. Văn bản của Quốc hội |
| ||||
| | Luật sửa đổi Luật A | Ủy ban X | Ban soạn thảo
| - Ủy ban Pháp luật chủ trì thẩm tra
| Trình tại phiên họp (tháng 02/2025) | Tờ trình, dự thảo |
| Nghị quyết sửa đổi Nghị quyết B | Ủy ban X | Văn phòng Quốc hội |
| Trình xem xét trước ngày 10/01/2025 | Tờ trình |
| ||

Sau bảng.
"""


def test_broken_pipe_rows_are_joined_into_rows():
    items = [(n, t) for n, t in enumerate(BROKEN.split("\n"), 1)]
    out, rebuilt = join_broken_rows(items)
    rows = [t for n, t in out if n in rebuilt]
    assert len(rows) == 3                       # the group row and two task rows
    assert rows[1].count("|") - 1 == 7          # "" | Luật … | Ủy ban X | Ban soạn thảo | thẩm tra | tiến độ | hồ sơ
    assert "Sau bảng." in [t for _, t in out]   # text after the table stays text


def test_ragged_rows_placed_by_number_and_time_evidence():
    plan = build_plan(parse_string(BROKEN))
    tasks = {t.content: t for t in plan.tasks}
    assert set(tasks) == {"Luật sửa đổi Luật A", "Nghị quyết sửa đổi Nghị quyết B"}
    law = tasks["Luật sửa đổi Luật A"]
    assert [u.name for u in law.lead] == ["Ban soạn thảo"]
    assert law.support and law.support[0].name.startswith("Ủy ban Pháp luật")
    assert law.group == "Văn bản của Quốc hội"
    # no number cell and no thẩm tra cell: the time cell goes under Tiến độ, support stays empty
    res = tasks["Nghị quyết sửa đổi Nghị quyết B"]
    assert [u.name for u in res.lead] == ["Văn phòng Quốc hội"]
    assert res.support == []
    assert res.timeline is not None and res.timeline.end == "2025-01-10"


def test_a_list_of_documents_is_not_a_task_table():
    text = "KẾ HOẠCH\n\nI. NỘI DUNG\n\n| TT | Tên văn bản | Số ký hiệu | Ngày ban hành |\n|---|---|---|---|\n" \
           "| 1 | Luật Tổ chức Quốc hội | 57/2014/QH13 | 20/11/2014 |\n"
    assert build_plan(parse_string(text)).tasks == []


def test_attached_line_gives_number_date_issuer():
    a = read_attached("(Ban hành kèm theo Nghị quyết số 1339/NQ-UBTVQH15 ngày 28 tháng 12 năm 2024 "
                      "của Uỷ ban thường vụ Quốc hội)")
    assert (a.number, a.date, a.issuer) == ("1339/NQ-UBTVQH15", "2024-12-28", "Uỷ ban thường vụ Quốc hội")
    b = read_attached("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2025 của Chủ tịch UBND tỉnh Lào Cai)")
    assert (b.number, b.date, b.issuer) == ("12/QĐ-UBND", "2025-03-05", "UBND tỉnh Lào Cai")
    assert read_attached("Căn cứ Quyết định số 12/QĐ-UBND") is None


def test_header_from_attached_line_only_when_missing():
    text = ("KẾ HOẠCH\n\nTriển khai nhiệm vụ năm 2025\n\n"
            "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh Lào Cai)\n\n"
            "I. MỤC ĐÍCH\n\nBảo đảm thực hiện.\n")
    h = build_plan(parse_string(text)).header
    assert (h.number, h.date, h.number_from) == ("12/QĐ-UBND", "2025-03-05", "wrapper")
    assert h.issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    own = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nSố: 7/KH-UBND\n\nLào Cai, ngày 01 tháng 4 năm 2025\n\n" + text
    h2 = build_plan(parse_string(own)).header
    assert (h2.number, h2.date) == ("7/KH-UBND", "2025-04-01")


@needs(UBTVQH)
def test_real_broken_table_and_attached_header():
    plan = parse(UBTVQH)
    assert len(plan.tasks) == 11
    first = plan.tasks[0]
    assert first.content.startswith("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội")
    assert first.lead[0].name.startswith("Ban soạn thảo do UBTVQH thành lập")
    dissolve = next(t for t in plan.tasks if t.content.startswith("Nghị quyết về việc giải thể"))
    assert dissolve.support == [] and dissolve.timeline.raw.startswith("Trình UBTVQH xem xét")
    assert (plan.header.number, plan.header.date) == ("1339/NQ-UBTVQH15", "2024-12-28")
    assert "thường vụ quốc hội" in plan.header.issuer.lower()


# --- text stamped by signature widgets -------------------------------------------------------

def _widget_pdf() -> bytes:
    """A page reading "Số: /STP-VP", and a signature widget whose appearance draws "125" after "Số:"."""
    page = b"BT /F1 12 Tf 60 780 Td (So:) Tj 66 0 Td (/STP-VP) Tj ET " + text_page().replace(b"50 800", b"50 700")
    ap = b"BT /F1 12 Tf 2 4 Td (125) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 5 0 R /Annots [6 0 R] >>",
        stream_obj(page),
        b"<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /Rect [84 776 118 794] /AP << /N 7 0 R >> >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 34 18] /Resources << /Font << /F1 3 0 R >> >> /Length %d >>"
        b"\nstream\n%s\nendstream" % (len(ap), ap),
    ]
    return pdf_objects(objects)


def test_widget_appearance_text_is_read(tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(_widget_pdf())
    doc_text = " ".join(p.text for p in parse(path)._document.paragraphs)
    assert "So: 125 /STP-VP" in doc_text


@needs(SIGNED_CV)
def test_signed_pdf_header_number_and_date():
    h = parse(SIGNED_CV).header
    assert (h.number, h.date, h.place) == ("125/STP-VP", "2026-01-15", "Lâm Đồng")


@needs(SIGNED_TB)
def test_signed_pdf_header_realdoc():
    h = parse(SIGNED_TB).header
    assert (h.number, h.date) == ("11/TB-UBND", "2025-01-08")
