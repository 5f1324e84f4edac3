"""Scanned PDF pages -> blocks, with Tesseract's Vietnamese model.

Pages are rendered with pypdfium2 at 300 dpi (option `dpi`); a page with no ink is
skipped. Tesseract's TSV output gives word boxes and lines (`words`); a line with a wide
gap (the two columns of a header) is cut into segments that are emitted column by column
as layout paragraphs, the way the other front-ends flatten the header table.
Ruled tables (`tables`) are found from their lines before Tesseract runs; the lines
are erased from the image it reads (they make it skip whole rows) and the words are put
back into the grid's cells (`cells`). The hand-filled number and day are read again
(`slots`). Every block's provenance says source="ocr" and the page;
`SourceInfo.notes` gets the time spent on each page. Options: `pages` (1-based list),
`dpi`, `ocr_lang` ("vie"), `ocr_tables` (True), `ocr_workers` (the CPUs), `ocr_correct`
(True: `ocr_correct` post-correction).

A short upper-case line that is one letter away from a document-type name once
diacritics are set aside ("KÉẺ HOẠCH") is the name: Tesseract often drops the second mark
of bold capitals.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...blocks import Block, Document, PageSetup, Paragraph, Provenance, SourceInfo
from ...doctypes import OCR_DOC_TYPE_WORDS
from ...errors import KehoachError
from ...vntext import clean, fold, is_upper_title, within_one_edit
from ..pdfium_lock import PDFIUM
from .cells import build_table, fix_number_column, read_empty_cells, split_table_words
from .clean import deskew, separate_ink
from .correct import correct_blocks, load_tables
from .header import ink_notes, is_copy_stamp
from .markers import repair_markers
from .paragraphs import MARKER_RE, MISREAD_MARK_RE, margins, starts_paragraph
from .reread import reread_noisy_segments, reread_weak_headings
from .run import PagePool, Result, default_workers
from .slots import fix_slots
from .tables import Grid, erase_rules, find_grids
from .words import Line, Word, drop_noise, group_lines, parse_tsv, seg_text
from .zones import fix_header_zones

__all__ = ["available", "fix_doc_type", "group_lines", "ocr_pdf", "parse", "parse_tsv"]

if TYPE_CHECKING:
    from PIL.Image import Image

DEFAULT_DPI = 300
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
    return binary is not None and has_language(binary, lang)


# --------------------------------------------------------------------------- document-type names

_DOC_TYPE_FOLDS = {fold(name): name for name in OCR_DOC_TYPE_WORDS}


def fix_doc_type(text: str) -> str:
    """ "KÉẺ HOẠCH" -> "KẾ HOẠCH": a short capitals line close to a document-type name."""
    if len(text) > 20 or not text.isupper():
        return text
    folded = fold(text)
    if folded in _DOC_TYPE_FOLDS:
        return _DOC_TYPE_FOLDS[folded]
    for name_fold, name in _DOC_TYPE_FOLDS.items():
        if len(name_fold) >= 7 and within_one_edit(folded, name_fold):
            return name
    return text


# --------------------------------------------------------------------------- pages -> blocks


def _blocks_from_lines(lines: list[Line], page: int, page_width: int = 0) -> list[Paragraph]:
    """Lines -> paragraphs: header regions column by column, body lines by Tesseract paragraph."""
    out: list[Paragraph] = []
    number = {id(ln): k for k, ln in enumerate(lines, 1)}  # line on the page, as for PDF text
    edges = margins([ln for ln in lines if len(ln.segments) == 1])
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(line.segments) >= 2:
            # a layout region (the header's two columns): this line and the following ones
            # whose gap overlaps this one's, or that sit wholly on one side of it
            gap_l, gap_r = line.segments[0][-1].right, line.segments[1][0].left
            region = [line]
            j = i + 1
            while j < len(lines):
                nxt = lines[j]
                if len(nxt.segments) >= 2:
                    a, b = nxt.segments[0][-1].right, nxt.segments[1][0].left
                    if a >= gap_r or b <= gap_l:
                        break
                    gap_l, gap_r = max(gap_l, a), min(gap_r, b)
                else:
                    seg = nxt.segments[0]
                    if not (seg[-1].right <= gap_l or seg[0].left >= gap_r):
                        break
                    centre = (seg[0].left + seg[-1].right) / 2
                    if page_width and abs(centre - page_width / 2) < 0.04 * page_width:
                        break  # a centred line (the type line "KẾ HOẠCH") ends the header
                region.append(nxt)
                j += 1
            left: list[tuple[Line, list[Word]]] = []
            right: list[tuple[Line, list[Word]]] = []
            for ln in region:
                if len(ln.segments) >= 2:
                    left.append((ln, ln.segments[0]))
                    right.extend((ln, seg) for seg in ln.segments[1:])
                else:
                    seg = ln.segments[0]
                    (left if seg[-1].right <= gap_l else right).append((ln, seg))
            for ln, seg in left + right:
                text = fix_doc_type(seg_text(seg))
                if text:
                    out.append(
                        Paragraph(
                            text=text, role="layout", prov=Provenance(line=number[id(ln)], page=page, source="ocr")
                        )
                    )
            i = j
            continue
        # body: consecutive lines of one Tesseract paragraph make one Paragraph
        group = [line]
        j = i + 1
        while (
            j < len(lines)
            and lines[j].key[:2] == line.key[:2]
            and len(lines[j].segments) == 1
            and not starts_paragraph(group[-1], lines[j], edges, group[0])
            and is_upper_title(seg_text(lines[j].words)) == is_upper_title(seg_text(group[-1].words))
        ):
            group.append(lines[j])  # a capitals line (a type line, a heading) stands alone
            j += 1
        texts = [fix_doc_type(seg_text(ln.words)) for ln in group]
        texts = [t for t in texts if t]
        if texts:
            out.append(
                Paragraph(
                    text=clean(" ".join(texts)),
                    lines=texts,
                    prov=Provenance(line=number[id(line)], page=page, source="ocr"),
                )
            )
        i = j
    return _join_continuations(out)


def _join_continuations(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Glue a body paragraph to the previous one when the sentence clearly goes on.

    Tesseract starts a new paragraph at every indented or short line; a line that ends
    without closing punctuation followed by one that starts in lower case is one sentence.
    """
    out: list[Paragraph] = []
    for para in paragraphs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.role == "body"
            and para.role == "body"
            and prev.prov.page == para.prov.page
            and prev.text
            and para.text
            and prev.text[-1] not in ".:;!?"
            and para.text[0].islower()
            and not is_upper_title(prev.text)  # nothing runs on after a capitals heading
            and not MARKER_RE.match(para.text)
            and not MISREAD_MARK_RE.match(para.text)
        ):  # nor into an item "a) …", its letter misread or not
            prev.lines = prev.lines + para.lines
            prev.text = clean(prev.text + " " + para.text)
            prev.raw = prev.text
            continue
        out.append(para)
    return out


def _is_blank(gray) -> bool:
    """A page with (almost) no dark pixels once the scanner's edge shadows are cut off."""
    w, h = gray.size
    inner = gray.crop((int(w * 0.06), int(h * 0.06), int(w * 0.94), int(h * 0.94)))
    dark = sum(inner.histogram()[:100])
    return dark < 0.0005 * inner.width * inner.height


@dataclass
class _Page:
    """A page rendered and cleaned, waiting for (or holding) Tesseract's words."""

    number: int
    image: Image  # the RGB page (coloured ink still there: the slots read it)
    clean: Image  # the grey page Tesseract reads
    grids: list[Grid]
    started: float
    result: Future[Result]


def ocr_pdf(path: str | Path, *, pages: list[int] | None = None, ocr_lang: str = "vie", **options: object) -> Document:
    """OCR a (scanned) PDF into blocks. `pages` (1-based) limits the work to some pages.

    Pages are rendered and cleaned here one after another and read by Tesseract in a pool
    of `ocr_workers` threads (default: the CPUs), at most one page ahead per worker.
    """
    import pypdfium2 as pdfium

    path = Path(path)
    binary = tesseract_binary()
    if binary is None or not has_language(binary, ocr_lang):
        raise KehoachError(str(path), "no_tesseract")
    try:
        with PDFIUM:  # pdfium is not thread-safe (pdfium_lock)
            pdf = pdfium.PdfDocument(str(path))
            npages = len(pdf)
    except pdfium.PdfiumError as exc:
        raise KehoachError(str(path), "bad_pdf", error=str(exc)) from None
    source = SourceInfo(path=str(path), format="pdf", pages=npages, ocr=True)
    blocks: list[Block] = []
    tables = [0]
    wanted = pages or list(range(1, npages + 1))
    workers = default_workers(options.get("ocr_workers"))
    dpi = _number(options.get("dpi"), DEFAULT_DPI)
    began = time.monotonic()
    correcting = options.get("ocr_correct", True)
    # the lexicon tables of the post-correction are built while Tesseract reads the first pages
    loader = threading.Thread(target=load_tables, daemon=True) if correcting else None
    if loader is not None:
        loader.start()
    try:
        with tempfile.TemporaryDirectory(prefix="kehoach-ocr-") as tmp, PagePool(binary, workers) as pool:
            workdir = Path(tmp)
            pending: deque[_Page] = deque()
            for number in wanted:
                if not 1 <= number <= npages:
                    continue
                started = time.monotonic()
                width_pt, height_pt, image = _render(pdf, number, dpi)
                source.page_setups.append(
                    PageSetup(
                        width_mm=round(width_pt * _MM_PER_PT, 1),
                        height_mm=round(height_pt * _MM_PER_PT, 1),
                        orientation="landscape" if width_pt > height_pt else "portrait",
                        first_page=number,
                    )
                )
                gray, ink = separate_ink(image)  # seals, stamps, signatures: not text
                if _is_blank(gray):
                    source.notes.append(f"ocr:page {number}: blank, skipped")
                    continue
                gray = deskew(gray, ink)
                if ink.skew:
                    image = image.rotate(ink.skew, fillcolor=(255, 255, 255))
                    source.notes.append(f"ocr:page {number}: turned {ink.skew:+.2f}° straight")
                source.notes.extend(
                    f"ocr:page {number}: {fact}" for fact in ink_notes(ink, image, dpi, binary, workdir)
                )
                grids = find_grids(gray) if options.get("ocr_tables", True) else []
                target = workdir / f"page{number}.pgm"  # uncompressed: PNG's deflate cost 0.13 CPU-s a page
                # ruling lines make Tesseract skip whole table rows: read the page without them
                clean_page = erase_rules(gray, grids) if grids else gray
                clean_page.save(target)
                pending.append(
                    _Page(
                        number,
                        image,
                        clean_page,
                        grids,
                        started,
                        pool.submit(target, ["-l", ocr_lang, "--psm", "3", "tsv"]),
                    )
                )
                while len(pending) > workers:
                    blocks.extend(_finish(pending.popleft(), path, source, binary, workdir, ocr_lang, tables))
            while pending:
                blocks.extend(_finish(pending.popleft(), path, source, binary, workdir, ocr_lang, tables))
    finally:
        with PDFIUM:
            pdf.close()
    repair_markers(blocks, source.notes)  # "q) Sở …" -> "a) Sở …", "Š.1." -> "5.1."
    if loader is not None:
        loader.join()  # not built twice: lru_cache does not wait for a call under way
    if correcting:
        correct_blocks(blocks, source.notes)  # marks put back from word-pair evidence
    source.notes.append(f"ocr: {time.monotonic() - began:.1f}s in all, {workers} worker(s)")
    if not blocks:
        raise KehoachError(str(path), "no_text")
    return Document(blocks=blocks, source=source)


def _render(pdf, number: int, dpi: float) -> tuple[float, float, Any]:
    """Page `number`'s size in points and its image at `dpi`, read under the pdfium lock
    (another thread may be reading a PDF: pdfium is not thread-safe)."""
    with PDFIUM:
        page = pdf[number - 1]
        try:
            width_pt, height_pt = page.get_size()
            image = page.render(scale=dpi / 72).to_pil().convert("RGB")
        finally:
            page.close()
    return width_pt, height_pt, image


def _finish(
    pg: _Page, path: Path, source: SourceInfo, binary: str, workdir: Path, ocr_lang: str, tables: list[int]
) -> list[Block]:
    """Tesseract's words of one page -> its blocks (header slots and tables read again)."""
    number, image, clean_page, grids = pg.number, pg.image, pg.clean, pg.grids
    proc = pg.result.result()
    if proc.timed_out:
        raise KehoachError(str(path), "ocr_failed", page=number, error="timeout")
    if proc.returncode != 0:
        error = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
        raise KehoachError(str(path), "ocr_failed", page=number, error=error[:200])
    words = [w for w in parse_tsv(proc.stdout) if w.conf >= 0]
    if not any(w.conf > 30 and any(c.isalnum() for c in w.text) for w in words):
        source.notes.append(f"ocr:page {number}: blank, skipped")
        return []
    words, in_tables = split_table_words(words, grids)
    lines = group_lines(words)
    fix_header_zones(lines, image, clean_page, binary, workdir, source.notes, number)
    reread = reread_noisy_segments(lines, clean_page, binary, workdir, ocr_lang)
    if reread:
        source.notes.append(f"ocr:page {number}: {reread} garbled column line(s) read again")
    reread = reread_weak_headings(lines, clean_page, binary, workdir, ocr_lang)
    if reread:
        source.notes.append(f"ocr:page {number}: {reread} word(s) of numbered lines read again")
    lines = drop_noise(lines)
    for line in lines:
        if any(fold(w.text).startswith(("so:", "ngay")) for w in line.words):
            fix_slots(line, image, binary, workdir, source.notes, number)
    paragraphs = _blocks_from_lines(lines, number, image.width)
    source.dropped.extend(p for p in paragraphs if is_copy_stamp(p.text))
    paragraphs = [p for p in paragraphs if not is_copy_stamp(p.text)]
    placed: list[tuple[float, Block]] = []
    for p in paragraphs:  # paragraphs keep their order (a header's columns one after the other)
        assert p.prov.line is not None  # _blocks_from_lines gives every paragraph its line
        placed.append((max(lines[p.prov.line - 1].top, placed[-1][0] if placed else 0), p))
    for grid, cell_words in zip(grids, in_tables, strict=True):  # one list of words per grid
        if cell_words:
            tables[0] += 1
            table = build_table(grid, cell_words, number, tables[0])
            read_empty_cells(table, grid, clean_page, binary, workdir, ocr_lang)
            fix_number_column(table)
            placed.append((grid.ys[0], table))
    placed.sort(key=lambda item: item[0])
    source.notes.append(f"ocr:page {number}: {time.monotonic() - pg.started:.1f}s")
    return [block for _, block in placed]


def _number(value: object, default: float) -> float:
    """A numeric option (a number, or a string from a command line); unset or 0: the default."""
    return float(value) if isinstance(value, int | float | str) and value else default


def parse(path: str | Path, **options: object) -> Document:
    """Entry point with the parsers' signature (`load` never routes here by itself)."""
    pages, ocr_lang = options.pop("pages", None), options.pop("ocr_lang", "vie")
    if pages is not None and not (isinstance(pages, list | tuple) and all(isinstance(n, int) for n in pages)):
        raise TypeError(f"pages: a list of 1-based page numbers, not {pages!r}")
    if not isinstance(ocr_lang, str):
        raise TypeError(f"ocr_lang: a Tesseract language name, not {ocr_lang!r}")
    return ocr_pdf(path, pages=None if pages is None else list(pages), ocr_lang=ocr_lang, **options)
