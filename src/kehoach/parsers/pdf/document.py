"""PDF front-end: a text PDF -> `blocks.Document`.

In: a PDF path (and the options `ocr`, `pdf_engine`). Out: the document's blocks and its
source facts. Reading `parse` top to bottom:

1. `reading._read`: every page's glyphs and ruling lines (pypdfium2, or pdfplumber for what
   it declines) -> `PageData`: lines and ruled table pieces. Glyphs whose Unicode map was
   misprinted get their letter back (`glyph_text`). Sideways pages are read again from an
   upright copy.
2. A scan (no text layer on most pages) stops here with "scanned_pdf", or goes to
   `kehoach.parsers.ocr.ocr_pdf` when `ocr=True`.
3. `repair`: garbled text layers and legacy encodings repaired, unmapped glyphs dropped.
4. `assemble._blocks`: furniture, footnotes, zones, paragraphs, tables -> blocks. Scanned
   pages inside a text PDF are read by OCR when asked.

Modules: reading (page readers), pdfium_reader + preflight (the fast reader), glyph_text
(misprinted glyph maps), lines (glyphs
-> lines), tables + table_join (ruled tables), geometry, furniture, zones, paragraphs
(lines -> paragraphs), assemble, repair, pdfminer_limits (bounds on pdfminer).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ...blocks import Document, SourceInfo
from ...errors import KehoachError
from .assemble import _blocks, _dominant_font, _page_setups
from .reading import TEXT_PAGE_MIN_CHARS, _read, _upright_copy, engine_option
from .repair import _apply_text_repair, _drop_unmapped

SCANNED_SHARE = 0.5  # more than this share of pages without text: a scan

UNMAPPED_FATAL = 0.9  # this share of glyphs without Unicode: nothing usable to read

IMAGE_PAGE_COVER = 0.5  # a page without text whose images cover this much of it is a scanned page


def parse(path: str | Path, **options: object) -> Document:
    path = Path(path)
    engine = engine_option(options)
    pages, stats = _read(path, engine)
    turned = [p.number for p in pages if p.turn]
    if turned:  # sideways pages: read an upright copy instead
        with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as tmp:
            upright = _upright_copy(path, pages, Path(tmp) / "upright.pdf")
            pages, stats = _read(upright, engine, name=path)
    if not pages:
        raise KehoachError(str(path), "bad_pdf", error="no pages")
    skipped = [p for p in pages if p.skipped]
    if len(skipped) == len(pages):
        raise KehoachError(str(path), "pdf_too_complex", detail=f"page {skipped[0].number}: {skipped[0].skipped}")
    read = [p for p in pages if not p.skipped]
    text_pages = sum(1 for p in read if p.nchars >= TEXT_PAGE_MIN_CHARS)
    if (len(read) - text_pages) > SCANNED_SHARE * len(read):
        if options.get("ocr"):
            return _ocr(path, **options)
        raise KehoachError(str(path), "scanned_pdf")

    notes: list[str] = [f"pdf: page {p.number} not read: {p.skipped}" for p in skipped]
    notes += [
        f"pdf: page {p.number} has {p.no_tables:,} ruling-line crossings; its text was read without looking for tables"
        for p in read
        if p.no_tables
    ]
    notes += _apply_text_repair(pages)
    if turned:
        notes.append(f"pdf: pages {', '.join(map(str, turned))} ran sideways and were read turned upright")
    if "repaired:garbled:untrusted" in notes and options.get("ocr"):
        return _ocr(path, **options)  # the learnt glyph map is not trusted: read the pixels
    unmapped = _drop_unmapped(pages)
    if unmapped:
        share = unmapped / max(1, stats.total)
        notes.append(f"pdf: {unmapped} of {stats.total} glyphs have no Unicode mapping (cid) and were dropped")
        if share >= UNMAPPED_FATAL:
            if options.get("ocr"):
                return _ocr(path, **options)
            raise KehoachError(str(path), "pdf_unmapped", share=f"{share:.0%}")
    if stats.duplicates:
        notes.append(f"pdf: {stats.duplicates} glyphs drawn twice (fake bold) were deduplicated")
    if stats.marks:
        notes.append(f"pdf: {stats.marks} detached combining marks re-attached")
    if stats.misprinted:
        notes.append(
            f"pdf: {stats.misprinted} glyphs whose Unicode map was written with its bytes out of step "
            "(Ghostscript) were read as the letters they draw"
        )
    if stats.foreign:
        notes.append(
            f"pdf: {stats.foreign} glyphs read as letters of scripts Vietnamese does not use "
            f"(e.g. {stats.foreign_example!r}): the PDF's Unicode map is wrong for them, "
            "words around them may be misread"
        )

    body_font, body_size = _dominant_font(stats)
    # no glyphs, no size: the pages then hold no lines and the size is never read
    blocks, dropped, geoms = _blocks(pages, body_size if body_size is not None else 12.0)
    if dropped:
        notes.append(f"pdf: {dropped} running page numbers / page header or footer lines dropped")
    image_pages = [p.number for p in pages if p.nchars < TEXT_PAGE_MIN_CHARS and p.image_cover >= IMAGE_PAGE_COVER]
    if image_pages and options.get("ocr"):
        blocks = _with_ocr_pages(path, blocks, image_pages, notes, options)
    elif image_pages:
        which = (
            f"page {image_pages[0]} is an image"
            if len(image_pages) == 1
            else f"pages {', '.join(map(str, image_pages))} are images"
        )
        notes.append(f"pdf: {which} without a text layer and not read (use --ocr)")
    source = SourceInfo(
        path=str(path),
        format="pdf",
        pages=len(pages),
        page_setups=_page_setups(pages, geoms),
        body_font=body_font,
        body_font_size=body_size,
        notes=notes,
    )
    return Document(blocks=blocks, source=source)


def _ocr(path: Path, **options: object) -> Document:
    try:
        from .. import ocr  # written separately; imported only when asked for
    except ModuleNotFoundError as exc:
        raise KehoachError(str(path), "ocr_failed", page="-", error=f"OCR module unavailable: {exc.name}") from None
    # the parse options pass through unchecked: pages/ocr_lang are typed by ocr_pdf
    return ocr.ocr_pdf(path, **options)  # type: ignore[arg-type]


def _with_ocr_pages(path: Path, blocks: list, image_pages: list[int], notes: list[str], options: dict) -> list:
    """A text PDF with some scanned pages: OCR those pages only and put their blocks in page order."""
    opts = {k: v for k, v in options.items() if k != "pages"}
    try:
        from .. import ocr
    except ModuleNotFoundError as exc:
        raise KehoachError(
            str(path), "ocr_failed", page=image_pages[0], error=f"OCR module unavailable: {exc.name}"
        ) from None
    scanned = ocr.ocr_pdf(path, pages=image_pages, **opts)
    notes.extend(scanned.source.notes)
    notes.append(f"pdf: pages {', '.join(map(str, image_pages))} read by OCR")
    extra = sorted(scanned.blocks, key=lambda b: b.prov.page or 0)
    out: list = []
    for block in blocks:
        page = block.prov.page or 0
        while extra and (extra[0].prov.page or 0) < page:
            out.append(extra.pop(0))
        out.append(block)
    return out + extra
