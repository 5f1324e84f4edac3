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


class _Font:
    """What pdfminer's layout asks of a font."""

    def __init__(self, vertical: bool) -> None:
        self.fontname = "ABCDEF+TimesNewRoman,Bold"
        self.vertical = vertical

    def to_unichr(self, cid: int) -> str:
        return chr(0x1EA0 + cid % 90)

    def char_width(self, cid: int) -> float:
        return 0.25 + (cid % 7) / 10

    def char_disp(self, cid: int):
        return (None, 880.0) if self.vertical else 0

    def is_vertical(self) -> bool:
        return self.vertical

    def get_descent(self) -> float:
        return -0.216


def test_glyph_device_equals_ltchar_on_any_matrix():
    """The device's written-out `LTChar` arithmetic gives pdfminer's floats, on upright,
    rotated, mirrored and skewed text and with a page box not at the origin."""
    import random

    from pdfminer.layout import LTChar
    from pdfminer.pdfinterp import PDFResourceManager

    rng = random.Random(3)
    device = plumber_reader._device_class()(PDFResourceManager(), pageno=1, laparams=None)
    matrices = [(1, 0, 0, 1, 72, 700), (0, 1, -1, 0, 300, 50), (0, -1, 1, 0, 20, 800), (-1, 0, 0, -1, 500, 400)]
    matrices += [
        tuple(rng.uniform(-2, 2) for _ in range(4)) + (rng.uniform(0, 600), rng.uniform(0, 800)) for _ in range(40)
    ]
    for mb_x0, mb_top in ((0, 0), (12.5, -30.25)):
        for vertical in (False, True):
            font = _Font(vertical)
            for m in matrices:
                cid, size, scaling, rise = (
                    rng.randint(0, 400),
                    rng.choice([12, 13.5, 9.96]),
                    rng.choice([1, 0.9]),
                    rng.choice([0, 2.5]),
                )
                device.glyphs, device.height, device.mb_x0, device.mb_top = [], 842.0, mb_x0, mb_top
                adv = device.render_char(m, font, size, scaling, rise, cid, None, None)
                ch = LTChar(
                    m,
                    font,
                    size,
                    scaling,
                    rise,
                    font.to_unichr(cid),
                    font.char_width(cid),
                    font.char_disp(cid),
                    None,
                    None,
                )  # type: ignore[arg-type]
                want = {
                    "text": ch.get_text(),
                    "x0": ch.x0 + mb_x0 if mb_x0 else ch.x0,
                    "x1": ch.x1 + mb_x0 if mb_x0 else ch.x1,
                    "top": (842.0 - ch.y1) + mb_top,
                    "bottom": (842.0 - ch.y0) + mb_top,
                    "size": ch.size,
                    "fontname": ch.fontname,
                    "upright": ch.upright,
                }
                assert (adv, device.glyphs) == (ch.adv, [want]), (m, vertical)


def test_pdfminer_debug_records_are_skipped_warnings_kept():
    """`pdfminer_limits.install` drops pdfminer's per-token debug records (nobody sees them)
    but its warnings still reach a handler put on pdfminer's logger."""
    import logging

    from pdfminer import pdfinterp, psparser

    from kehoach.parsers.pdf import pdfminer_limits

    pdfminer_limits.install()
    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    handler = Keep()
    logger = logging.getLogger("pdfminer")
    logger.addHandler(handler)
    try:
        psparser.log.debug("nexttoken: %r", 1)
        pdfinterp.log.debug("exec: %s", "Tj")
        pdfinterp.log.warning("a warning: %s", "kept")
    finally:
        logger.removeHandler(handler)
    assert [r.getMessage() for r in seen] == ["a warning: kept"]


class _SimpleFont(_Font):
    def decode(self, data: bytes) -> list[int]:
        return list(data)


def test_glyph_device_strings_equal_pdfminers_loop():
    """The device's `render_string_horizontal` (pdfminer's loop with `render_char` written
    in) gives the glyphs and the end point pdfminer's own loop gives through `render_char`,
    with kerning numbers, character and word spacing, rise, scaling and any matrix."""
    import random

    from pdfminer.pdfdevice import PDFTextDevice
    from pdfminer.pdfinterp import PDFResourceManager

    rng = random.Random(5)
    device = plumber_reader._device_class()(PDFResourceManager(), pageno=1, laparams=None)
    font = _SimpleFont(False)
    for trial in range(200):
        m = (1, 0, 0, 1, 72, 700) if trial % 4 == 0 else tuple(rng.uniform(-2, 2) for _ in range(4)) + (50.0, 600.0)
        seq = [
            rng.choice(
                [bytes(rng.randint(30, 120) for _ in range(rng.randint(0, 6))), b"a b", rng.uniform(-300, 300), -250]
            )
            for _ in range(rng.randint(1, 6))
        ]
        args = (
            seq,
            m,
            (rng.uniform(-5, 5), rng.uniform(-5, 5)),
            font,
            rng.choice([12, 13.5]),
            rng.choice([1, 0.9]),
            rng.choice([0, 0.6]),
            rng.choice([0, 2.25]),
            rng.choice([0, 1.5]),
            0.012,
            None,
            None,
        )
        results = []
        for fn in (type(device).render_string_horizontal, PDFTextDevice.render_string_horizontal):
            device.glyphs, device.known, device.height, device.mb_x0, device.mb_top = [], {}, 842.0, 12.5, -3.0
            end = fn(device, *args)
            results.append((end, device.glyphs))
        assert results[0] == results[1], args
