"""Scanned PDF pages -> blocks, with Tesseract's Vietnamese model.

Pages are rendered with pypdfium2 at 300 dpi (option `dpi`); a page with no ink is
skipped. Tesseract's TSV output gives word boxes; lines are rebuilt from its
block/paragraph/line numbers, and a line with a wide gap (the two columns of a header:
"BỘ CÔNG AN ... CỘNG HÒA XÃ HỘI ...") is cut into segments that are emitted column by
column as layout paragraphs, the way the other front-ends flatten the header table.
Ruled tables (`tables`) are found from their lines before Tesseract runs; the lines
are erased from the image it reads (they make it skip whole rows) and the words are put
back into the grid's cells. Every block's provenance says source="ocr" and the page;
`SourceInfo.notes` gets the time spent on each page. Options: `pages` (1-based list),
`dpi`, `ocr_lang` ("vie"), `ocr_tables` (True).

The number and the day of a signed document are often written by hand in the blank
left for them ("Số: 589/KH-…", "ngày 02 tháng …"). Tesseract reads printed text well
and handwriting badly, so those two slots are read again on their own: the coloured ink
is separated from the black print, the slot is OCR'd as one line of digits, and common
letter-for-digit confusions (Q/O/Ø -> 0, l/I -> 1 …) are undone. Likewise a short
upper-case line that is one letter away from a document-type name once diacritics are
set aside ("KÉẺ HOẠCH") is the name: Tesseract often drops the second mark of bold
capitals.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


from ...blocks import Block, Document, PageSetup, SourceInfo
from ...errors import KehoachError
from ...vntext import fold
from .tables import erase_rules, find_grids
from .cells import _fix_number_column, _read_empty_cells, _split_table_words, _table
from .slots import _fix_slots
from .words import _blocks_from_lines, _drop_noise, group_lines, parse_tsv

DEFAULT_DPI = 300
PAGE_TIMEOUT_S = 180
_MM_PER_PT = 25.4 / 72


def tesseract_binary() -> str | None:
    """Path of the tesseract binary (KEHOACH_TESSERACT overrides), or None."""
    override = os.environ.get("KEHOACH_TESSERACT")
    if override:
        return override if Path(override).exists() else shutil.which(override)
    return shutil.which("tesseract")


def has_language(binary: str, lang: str = "vie") -> bool:
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return lang in (out.stdout + out.stderr).split()


def available(lang: str = "vie") -> bool:
    """True when Tesseract and its model for `lang` are installed."""
    binary = tesseract_binary()
    return bool(binary) and has_language(binary, lang)


# --------------------------------------------------------------------------- words, lines


def _is_blank(gray) -> bool:
    """A page with (almost) no dark pixels once the scanner's edge shadows are cut off."""
    w, h = gray.size
    inner = gray.crop((int(w * 0.06), int(h * 0.06), int(w * 0.94), int(h * 0.94)))
    dark = sum(inner.histogram()[:100])
    return dark < 0.0005 * inner.width * inner.height


def ocr_pdf(path: str | Path, *, pages: list[int] | None = None, ocr_lang: str = "vie",
            **options: object) -> Document:
    """OCR a (scanned) PDF into blocks. `pages` (1-based) limits the work to some pages."""
    import pypdfium2 as pdfium
    from PIL import ImageOps

    path = Path(path)
    binary = tesseract_binary()
    if binary is None or not has_language(binary, ocr_lang):
        raise KehoachError(str(path), "no_tesseract")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise KehoachError(str(path), "bad_pdf", error=str(exc)) from None
    source = SourceInfo(path=str(path), format="pdf", pages=len(pdf), ocr=True)
    blocks: list[Block] = []
    table_count = 0
    wanted = pages or list(range(1, len(pdf) + 1))
    try:
        with tempfile.TemporaryDirectory(prefix="kehoach-ocr-") as tmp:
            workdir = Path(tmp)
            for number in wanted:
                if not 1 <= number <= len(pdf):
                    continue
                started = time.monotonic()
                page = pdf[number - 1]
                width_pt, height_pt = page.get_size()
                source.page_setups.append(PageSetup(
                    width_mm=round(width_pt * _MM_PER_PT, 1), height_mm=round(height_pt * _MM_PER_PT, 1),
                    orientation="landscape" if width_pt > height_pt else "portrait", first_page=number))
                scale = float(options.get("dpi") or DEFAULT_DPI) / 72
                image = page.render(scale=scale).to_pil().convert("RGB")
                gray = ImageOps.grayscale(image)
                if _is_blank(gray):
                    source.notes.append(f"ocr:page {number}: blank, skipped")
                    continue
                grids = find_grids(gray) if options.get("ocr_tables", True) else []
                target = workdir / f"page{number}.png"
                # ruling lines make Tesseract skip whole table rows: read the page without them
                clean_page = erase_rules(gray, grids) if grids else gray
                clean_page.save(target)
                try:
                    proc = subprocess.run([binary, str(target), "stdout", "-l", ocr_lang, "--psm", "3", "tsv"],
                                          capture_output=True, text=True, timeout=PAGE_TIMEOUT_S,
                                          env={**os.environ, "OMP_THREAD_LIMIT": "1"})
                except subprocess.TimeoutExpired:
                    raise KehoachError(str(path), "ocr_failed", page=number, error="timeout") from None
                if proc.returncode != 0:
                    error = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
                    raise KehoachError(str(path), "ocr_failed", page=number, error=error[:200])
                words = [w for w in parse_tsv(proc.stdout) if w.conf >= 0]
                if not any(w.conf > 30 and any(c.isalnum() for c in w.text) for w in words):
                    source.notes.append(f"ocr:page {number}: blank, skipped")
                    continue
                words, in_tables = _split_table_words(words, grids)
                lines = _drop_noise(group_lines(words))
                for line in lines:
                    if any(fold(w.text).startswith(("so:", "ngay")) for w in line.words):
                        _fix_slots(line, image, binary, workdir, source.notes, number)
                paragraphs = _blocks_from_lines(lines, number, image.width)
                placed: list[tuple[float, Block]] = [(lines[p.prov.line - 1].top, p) for p in paragraphs]
                for grid, cell_words in zip(grids, in_tables):
                    if cell_words:
                        table_count += 1
                        table = _table(grid, cell_words, number, table_count)
                        _read_empty_cells(table, grid, clean_page, binary, workdir, ocr_lang)
                        _fix_number_column(table)
                        placed.append((grid.ys[0], table))
                placed.sort(key=lambda item: item[0])
                blocks.extend(block for _, block in placed)
                source.notes.append(f"ocr:page {number}: {time.monotonic() - started:.1f}s")
    finally:
        pdf.close()
    if not blocks:
        raise KehoachError(str(path), "no_text")
    return Document(blocks=blocks, source=source)


def parse(path: str | Path, **options: object) -> Document:
    """Entry point with the parsers' signature (`load` never routes here by itself)."""
    return ocr_pdf(path, **options)
