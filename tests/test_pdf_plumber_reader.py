"""The pdfplumber page reader builds its glyph dicts straight from pdfminer's layout (issue 12).

`plumber_reader.read_page` skips pdfplumber's per-glyph dicts; it must give exactly the
values pdfplumber gives for the keys the parser reads, the same shapes, the same image
area and so the same tables. Checked page by page on real PDFs read by this reader: the
two realdocs files whose fonts have no ToUnicode map (images on some pages), a signed
corpus file and the fixtures (ruled tables).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, REALDOCS, needs
from kehoach.parsers.pdf import plumber_reader
from kehoach.parsers.pdf.tables import find_tables, find_tables_in

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
KEYS = ("text", "x0", "x1", "top", "bottom", "size", "fontname", "upright")

GARBLED = [
    REALDOCS / "laocai-sct_KH-1105-DKT_2026.pdf",
    REALDOCS / "laocai-sct_CV-3036_2026_v-v-KH-kiem-tra-nghiem-thu.pdf",
]
SIGNED = CORPUS / "dongthap-sgddt_KH-362-don-doan-kiem-tra-STEM_2026_signed.pdf"


def _compare(path: Path) -> tuple[int, int]:
    """(pages, tables) of `path`, after checking every page."""
    import pdfplumber

    pages = tables = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            got = plumber_reader.read_page(page)
            assert got.chars == [{k: c[k] for k in KEYS} for c in page.chars], f"{path.name} p{page.page_number}"
            assert (got.lines, got.rects, got.curves) == (page.lines, page.rects, page.curves)
            assert got.image_area == sum(float(im["width"] * im["height"]) for im in page.images)
            assert got.bbox == tuple(page.bbox)
            ours = find_tables_in(got.lines, got.rects, got.curves, got.bbox)
            assert [t.cells for t in ours] == [t.cells for t in find_tables(page)]
            pages += 1
            tables += len(ours)
    return pages, tables


@needs(*GARBLED)
@pytest.mark.parametrize("path", GARBLED, ids=lambda p: p.name[:24])
def test_glyphs_equal_pdfplumbers_on_fonts_without_unicode_map(path: Path):
    assert _compare(path)[0] >= 2


@needs(SIGNED)
def test_glyphs_images_equal_pdfplumbers_on_a_signed_pdf():
    assert _compare(SIGNED)[0] >= 1


def test_glyphs_and_tables_equal_pdfplumbers_on_fixtures():
    files = [p for p in sorted(FIXTURES.glob("*.pdf")) if "encrypted" not in p.name and "x3" not in p.name]
    assert files
    tables = sum(_compare(path)[1] for path in files)
    assert tables > 0  # the fixtures do hold ruled tables: the table comparison compared something
