"""The two PDF page readers give the same blocks (issue 12).

The pypdfium2 reader (`parsers/pdf/pdfium_reader.py`, the default) must hand the rest of the
PDF parser what the pdfplumber reader hands it. Compared here on every PDF we have: the
fixtures, ../shared/realdocs, ../shared/corpus and the LibreOffice renderings of every real DOCX
(`rendered`, shared with test_cross_format). Equal means the whole `Document` — every block,
its text, style, provenance, table cells, and the source facts and notes — or the same error.

A file the fast reader declines (`Unsupported`: a font without a ToUnicode map, whose text
the two libraries guess differently; an encrypted or damaged file) is read by pdfplumber,
so its blocks are equal by construction: `test_fast_reader_reads_the_text_pdfs` checks that
the fast reader really reads the others, and says which it declined and why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, REALDOCS
from kehoach.errors import KehoachError
from kehoach.parsers import load
from kehoach.parsers.pdf import pdfium_reader, reading
from kehoach.parsers.pdf.lines import CharStats

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"


def pdfs() -> list[Path]:
    found = sorted(FIXTURES.glob("*.pdf")) + sorted(CORPUS.glob("*.pdf"))
    if REALDOCS.is_dir():
        found += sorted(REALDOCS.glob("*.pdf"))
    return found


def blocks(path: Path, engine: str) -> object:
    try:
        return load(path, pdf_engine=engine)
    except KehoachError as exc:
        return ("error", exc.reason, exc.details)


def declined(path: Path) -> str:
    """Why the fast reader declines `path` ("" when it reads it)."""
    try:
        reading._read_pages_fast(path, CharStats())
    except pdfium_reader.Unsupported as exc:
        return str(exc)
    return ""


def same(path: Path) -> None:
    fast, plumber = blocks(path, "pdfium"), blocks(path, "pdfplumber")
    if fast != plumber:
        fb = getattr(fast, "blocks", fast)
        pb = getattr(plumber, "blocks", plumber)
        # strict=False: the readers may give different numbers of blocks (then the shorter one's end)
        where = (
            next((i for i, (a, b) in enumerate(zip(fb, pb, strict=False)) if a != b), min(len(fb), len(pb)))
            if isinstance(fb, list) and isinstance(pb, list)
            else None
        )
        pytest.fail(
            f"{path.name}: the readers differ"
            + (
                f" from block {where}: {fb[where : where + 1]!r} vs {pb[where : where + 1]!r}"
                if where is not None
                else f": {fast!r} vs {plumber!r}"
            )
        )


@pytest.mark.parametrize("path", pdfs(), ids=lambda p: p.name)
def test_readers_give_the_same_blocks(path: Path):
    same(path)


def test_readers_give_the_same_blocks_on_docx_renderings(rendered):
    for pdf in sorted(rendered.values()):
        same(pdf)


def test_fast_reader_reads_the_text_pdfs(rendered):
    """Every fixture and every rendering is read by the fast reader; among the real PDFs only
    files with a font lacking a ToUnicode map (or encrypted ones) go to pdfplumber."""
    reasons = {p: declined(p) for p in [*pdfs(), *sorted(rendered.values())]}
    print("\nfast reader declined:", {p.name: r for p, r in reasons.items() if r} or "none")
    for p, why in reasons.items():
        if p.parent == FIXTURES and "encrypted" in p.name:
            assert why, f"{p.name}: an encrypted file must go to the pdfplumber reader (it names the error)"
        elif p.parent == FIXTURES or p in rendered.values():
            assert not why, f"{p.name}: declined by the fast reader: {why}"
        else:
            assert not why or "without a ToUnicode map" in why, f"{p.name}: declined by the fast reader: {why}"


def test_a_font_without_unicode_map_goes_to_pdfplumber(monkeypatch):
    """A font the two libraries read differently sends the whole file to the pdfplumber reader."""
    from kehoach.parsers.pdf import preflight

    path = FIXTURES / "long_appendix.pdf"
    real = preflight.check

    def no_maps(p, stamps=None):
        fonts = real(p, stamps)
        for m in fonts.values():
            m.same_text = False
        return fonts

    monkeypatch.setattr(preflight, "check", no_maps)
    assert "without a ToUnicode map" in declined(path)
    calls = []
    original = reading._read_pages
    monkeypatch.setattr(reading, "_read_pages", lambda *a, **k: calls.append(a) or original(*a, **k))
    doc = load(path)
    assert calls and doc.blocks


def test_page_glyph_bound_sends_the_file_to_pdfplumber(monkeypatch):
    """Past a per-page bound the fast reader stops; the pdfplumber reader then skips the page
    with its usual note (the hostile-input tests check the notes and errors end to end)."""
    path = FIXTURES / "long_appendix.pdf"
    monkeypatch.setenv("KEHOACH_LIMIT_PDF_PAGE_GLYPHS", "50")
    assert "glyphs" in declined(path)
    monkeypatch.setenv("KEHOACH_LIMIT_PDF_PAGE_GLYPHS", "60000")
    monkeypatch.setenv("KEHOACH_LIMIT_PDF_PAGE_OBJECTS", "100")
    assert "drawing operators" in declined(path)


def test_cli_pdf_engine_option(tmp_path):
    """`kehoach parse --pdf-engine pdfplumber` writes what the default reader writes; an unknown
    reader is a one-line usage error."""
    import subprocess
    import sys

    pdf = FIXTURES / "000_4a6fe417c4c99215.pdf"
    outs = []
    for engine in ("pdfium", "pdfplumber"):
        out = tmp_path / f"{engine}.json"
        done = subprocess.run(
            [sys.executable, "-m", "kehoach", "parse", str(pdf), "-o", str(out), "-q", "--pdf-engine", engine],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    bad = subprocess.run(
        [sys.executable, "-m", "kehoach", "parse", str(pdf), "--pdf-engine", "pdfminer", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "pdfminer" in bad.stderr


def test_width_arrays_read_from_the_file_equal_pdfminers():
    """preflight reads a font's /W or /Widths object straight from the file's bytes; on a real
    PDF whose CID fonts keep their /W as objects of their own, the arrays equal pdfminer's."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import dict_value, list_value, resolve1

    from kehoach.parsers.pdf.fontmetrics import _number_array

    found = sorted(REALDOCS.glob("laocai-sct_CV-1629*.pdf")) if REALDOCS.is_dir() else []
    if not found:
        pytest.skip(f"CV-1629 not in {REALDOCS}")
    compared = 0
    with open(found[0], "rb") as fh:
        doc = PDFDocument(PDFParser(fh))
        for page in PDFPage.create_pages(doc):
            for ref in dict_value(dict_value(page.resources).get("Font", {})).values():
                spec = dict_value(ref)
                for font in [spec] + [dict_value(d) for d in list_value(spec.get("DescendantFonts", []))]:
                    for key in ("W", "Widths"):
                        raw = font.get(key)
                        fast = _number_array(raw)
                        if fast is not None:
                            assert fast == list_value(resolve1(raw))
                            compared += 1
    assert compared >= 4  # the whole-font /W arrays of the letter's Times New Roman faces


def test_an_object_is_read_up_to_its_end_in_growing_pieces():
    """A whole font's /W can be longer than the first piece read (64 kB): the reader goes on
    until "endobj", and stops there in a file of megabytes."""
    import io

    from kehoach.parsers.pdf.fontmetrics import _object_bytes

    array = b"[" + b" ".join(b"%d [%d]" % (k, 500 + k % 7) for k in range(20000)) + b"]"
    assert len(array) > 1 << 17
    body = b"12 0 obj\n" + array + b"\nendobj\n"
    fh = io.BytesIO(b"%PDF-1.7\n" + body + b"13 0 obj\n" + b"x" * (3 << 20) + b"\nendobj\n")
    fh.seek(5)
    data = _object_bytes(fh, 9)
    assert data.startswith(b"12 0 obj") and array in data
    assert len(data) < len(body) + (1 << 20)  # not the megabytes after it
    assert fh.tell() == 5  # the parser's place in the file is kept


def test_a_tounicode_map_is_read_once_per_distinct_stream():
    """Word embeds a whole font's map again for each face: the second is not parsed again."""
    from kehoach.parsers.pdf import fontmetrics

    cmap = b"begincmap 2 beginbfchar <0041> <0041> <0042> <1EA0> endbfchar 1 beginbfrange <0050> <0052> <0061> endbfrange endcmap"
    fontmetrics.forget_maps()
    first = fontmetrics._tounicode_once(cmap)
    assert first == {0x41: "A", 0x42: "Ạ", 0x50: "a", 0x51: "b", 0x52: "c"} == fontmetrics._tounicode(cmap)
    assert fontmetrics._tounicode_once(bytes(cmap)) is first
    fontmetrics.forget_maps()
    assert fontmetrics._tounicode_once(cmap) is not first


def test_a_word_space_drawn_as_its_own_text_object_is_read_by_both(tmp_path):
    """Word writes word spaces as text objects of their own; pdfium's text page drops their
    glyphs and infers spaces from gaps. Over a gap too narrow to infer one (1 pt), only the
    space glyph shows the word break: the fast reader adds it back, so both readers read
    "3.5. Chuan bi", not "3.5.Chuan bi"."""
    from hostile_gen import pdf_pages
    from kehoach.blocks import Paragraph

    # Helvetica 13 pt: "3.5." is 1.668 em = 21.68 pt wide, so it ends at 121.68
    page = (
        b"BT /F1 13 Tf 100 700 Td (3.5.) Tj ET\n"
        b"BT /F1 13 Tf 121.68 700 Td ( ) Tj ET\n"
        b"BT /F1 13 Tf 122.7 700 Td (Chuan bi cac dieu kien) Tj ET\n"
        + b"".join(
            b"BT /F1 13 Tf 100 %d Td (Trien khai cong tac cai cach hanh chinh nam 2026.) Tj ET\n" % y
            for y in range(670, 400, -30)
        )
    )
    path = tmp_path / "space.pdf"
    path.write_bytes(pdf_pages([page]))
    assert declined(path) == "", declined(path)
    for engine in ("pdfium", "pdfplumber"):
        doc = load(path, pdf_engine=engine)
        texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
        assert texts[0] == "3.5. Chuan bi cac dieu kien", (engine, texts)


def test_unicode_map_error_is_asked_only_of_glyphs_that_can_have_one(monkeypatch):
    """pdfium gives a glyph it cannot map to text the text chr(code); a glyph whose text is
    chr(c) of a code c its font maps (`FontMetrics.mapped`) cannot be one, so the reader does
    not ask pdfium about it (one ctypes call a glyph less). Asking about every glyph reads the
    same document."""
    from kehoach.parsers.pdf import preflight

    path = FIXTURES / "001_095502a10b21373e.pdf"
    fonts = preflight.check(path)
    assert any(m.mapped for m in fonts.values())
    for m in fonts.values():
        assert {ord(t) for t in m.mapped} <= set(m.by_cid)
    fast = load(path)
    real = preflight.check

    def ask_all(p, stamps=None):
        found = real(p, stamps)
        for m in found.values():
            m.mapped = set()
        return found

    monkeypatch.setattr(preflight, "check", ask_all)
    assert load(path) == fast


def _waits_for_the_pdfium_lock(work) -> bool:
    """Whether `work` (a call that uses pdfium) waits while another thread holds the lock."""
    import threading

    from kehoach.parsers.pdfium_lock import PDFIUM

    held, release, done = threading.Event(), threading.Event(), threading.Event()

    def holder() -> None:
        with PDFIUM:
            held.set()
            release.wait(10)

    t = threading.Thread(target=holder)
    t.start()
    held.wait(10)
    worker = threading.Thread(target=lambda: (work(), done.set()))
    worker.start()
    waited = not done.wait(0.5)  # still waiting while the lock is held
    release.set()
    t.join()
    worker.join(30)
    return waited and done.is_set()


def test_ocr_page_rendering_and_upright_copies_take_the_pdfium_lock(tmp_path):
    """pdfium is not thread-safe: the OCR's page rendering and the upright copy of a sideways
    PDF wait for the lock another thread holds (a CI run once crashed in two parallel reads)."""
    import pypdfium2 as pdfium

    from kehoach.parsers.ocr.recognize import _render
    from kehoach.parsers.pdf.reading import PageData, _upright_copy

    pdf_path = FIXTURES / "004_539e38bba5e301f8.pdf"
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        assert _waits_for_the_pdfium_lock(lambda: _render(pdf, 1, 20))
        width, height, image = _render(pdf, 1, 20)
        assert round(width) == 595 and abs(image.size[0] - width * 20 / 72) <= 1
    finally:
        pdf.close()
    page = PageData(number=1, width=595.0, height=842.0, rotation=0, turn=90)
    target = tmp_path / "upright.pdf"
    assert _waits_for_the_pdfium_lock(lambda: _upright_copy(pdf_path, [page], target))
    assert target.stat().st_size > 0


def _fallback_letters_pdf() -> bytes:
    """Two lines whose middle letter a second font draws into a gap the first font's TJ offset
    left, as LibreOffice sets a letter its font lacks ("LU" [gap] "N", then "Ậ" from a fallback
    font): one gap followed by a letter, one followed by a space glyph ("S" [gap] " THONG")."""
    from hostile_gen import pdf_objects, stream_obj

    content = (
        b"BT /F1 14 Tf 100 700 Td [(LU) -722 (N)] TJ ET "
        b"BT /F2 14 Tf 117.892 700 Td (A) Tj ET "
        b"BT /F1 14 Tf 100 650 Td [(S) -722 ( THONG)] TJ ET "
        b"BT /F2 14 Tf 109.338 650 Td (O) Tj ET "
        # and a paragraph of plain text, for a page that reads as text, not as a scan
        + b"BT /F1 12 Tf 100 600 Td "
        + b" ".join(
            b"(Dong %d: ke hoach thuc hien nhiem vu cai cach hanh chinh nam 2026.) Tj 0 -16 Td" % k for k in range(8)
        )
        + b" ET"
    )
    return pdf_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents 6 0 R >>",
            stream_obj(content),
        ]
    )


def test_a_space_pdfium_infers_in_a_gap_is_a_glyph_only_where_one_was_set(tmp_path):
    """pdfium infers a space where a TJ offset leaves a gap. The gap a fallback font's letter
    fills later is no space ("LUAN", not "LUA N"); a gap followed by a space glyph keeps that
    space ("SO THONG", not "SOTHONG"). Both readers read the page alike, the fast one reading it."""
    path = tmp_path / "fallback.pdf"
    path.write_bytes(_fallback_letters_pdf())
    assert declined(path) == ""
    fast = load(path, pdf_engine="pdfium")
    texts = [b.text for b in fast.blocks]
    assert texts[:2] == ["LUAN", "SO THONG"]
    same(path)


def test_a_number_stamped_over_the_blank_reads_whole_in_either_reader(tmp_path):
    """A signed PDF sets the number over the spaces a draft left for it ("Số:        /KH-UBND"
    with "90" drawn on top): the spaces under the digits are no word gap ("90", not "9 0"), and
    both readers read the line alike (pdfium keeps one space of such a run, pdfminer all)."""
    from hostile_gen import pdf_objects, stream_obj

    content = (
        b"BT /F1 12 Tf 100 700 Td (So:        /KH-UBND) Tj ET "
        b"BT /F1 14 Tf 124.2 700 Td (90) Tj ET "
        + b"BT /F1 12 Tf 100 600 Td "
        + b" ".join(
            b"(Dong %d: ke hoach thuc hien nhiem vu cai cach hanh chinh nam 2026.) Tj 0 -16 Td" % k for k in range(8)
        )
        + b" ET"
    )
    path = tmp_path / "stamped_number.pdf"
    path.write_bytes(
        pdf_objects(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                b"/Contents 5 0 R >>",
                stream_obj(content),
            ]
        )
    )
    assert declined(path) == ""
    assert load(path, pdf_engine="pdfplumber").blocks[0].text == "So: 90 /KH-UBND"
    same(path)
