"""Pages of a .doc plan: Word's page count, and each block's page from a rendered layout.

LibreOffice's DOCX of a .doc carries neither a page count (docProps/app.xml has no
<Pages>) nor rendered page breaks (no w:lastRenderedPageBreak), so the DOCX front-end
alone would put every block on page 1. Two sources say more:

- the .doc's summary information holds the page count Word computed when it last saved
  the file (`ole.summary_page_count`): that is the count;
- a PDF of the same file, laid out by LibreOffice, says where each block falls. Its
  fonts may be substitutes with other widths (Times New Roman drawn in DejaVu Serif
  fills more pages), so a block's place is taken as a fraction of the rendered document
  and scaled to Word's count. The pages of blocks stay marked approximate.

A block is found in the rendered text by its first letters and digits, searched forward
from the previous block; one not found keeps the page of the one before it.
"""

from __future__ import annotations

import bisect
import unicodedata
from pathlib import Path

import regex as re

from ...blocks import Document, Paragraph, Provenance, Table
from ..pdfium_lock import PDFIUM

_KEEP = re.compile(r"[\p{L}\p{N}]+")
PROBE = 32  # letters and digits that find a block in the rendered text
WINDOW = 40000  # how far ahead of the previous block to look
SHORT, NEAR = 16, 3000  # a short text ("Sở Y tế") recurs: it is looked for near the previous block only


def _norm(text: str) -> str:
    return "".join(_KEEP.findall(unicodedata.normalize("NFC", text).lower()))


def rendered_pages(pdf_path: Path) -> list[str]:
    """Each page's text (letters and digits only, lower case) of a PDF ([] if unreadable)."""
    with PDFIUM:  # pdfium is not thread-safe (pdfium_lock)
        return _rendered_pages(pdf_path)


def _rendered_pages(pdf_path: Path) -> list[str]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(pdf_path))
    except (OSError, pdfium.PdfiumError):
        return []
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            try:
                pages.append(_norm(textpage.get_text_range()))
            finally:
                textpage.close()
                page.close()
        return pages
    finally:
        pdf.close()


def units(document: Document) -> list[tuple[str, list[Provenance]]]:
    """(text, provenances to set) for each block, and for each row of a table."""
    out: list[tuple[str, list[Provenance]]] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            out.append((block.text, [block.prov]))
        elif isinstance(block, Table):
            for i, row in enumerate(block.rows):
                text = " ".join(line for cell in row.cells for line in cell.lines)
                out.append((text, [row.prov, block.prov] if i == 0 else [row.prov]))
    return out


def assign_pages(document: Document, pages_text: list[str], word_pages: int | None) -> int:
    """Set the page of every block (and table row) from the rendered pages; return how
    many blocks were found in them. Pages are scaled to `word_pages` when it is known.

    A machine whose Times New Roman substitute lacks the Vietnamese letters draws them from
    a fallback font, later in the page's text ("LU" … "N" … "Ậ"): when fewer than half the
    blocks are found, they are looked for again by their ASCII letters and digits only,
    which keep their order."""
    rendered = len(pages_text)
    if not rendered:
        return 0
    total = word_pages or rendered
    blocks = units(document)
    found, pages = _placed(blocks, pages_text, total, _norm)
    if found * 2 < len(blocks):
        ascii_pages = [_ascii(t) for t in pages_text]
        found_ascii, pages_ascii = _placed(blocks, ascii_pages, total, lambda t: _ascii(_norm(t)))
        if found_ascii > found:
            found, pages = found_ascii, pages_ascii
    for (_, provs), page in zip(blocks, pages, strict=True):
        for prov in provs:
            prov.page, prov.page_approx = page, True
    return found


_NOT_ASCII = re.compile(r"[^a-z0-9]+")


def _ascii(text: str) -> str:
    return _NOT_ASCII.sub("", text)


def _placed(
    blocks: list[tuple[str, list[Provenance]]], pages_text: list[str], total: int, norm
) -> tuple[int, list[int]]:
    """(blocks found, the page of each block) in the rendered pages, keys made by `norm`."""
    rendered = len(pages_text)
    starts = []
    pos = 0
    for text in pages_text:
        starts.append(pos)
        pos += len(text)
    joined = "".join(pages_text)

    def page_at(offset: int) -> int:
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        length = len(pages_text[i]) or 1
        place = i + min(1.0, (offset - starts[i]) / length)  # 0 .. rendered
        return min(total, int(place * total / rendered) + 1)

    cursor, page, found = 0, 1, 0
    out: list[int] = []
    for text, _ in blocks:
        key = norm(text)
        hit = -1
        if len(key) >= 4:
            window = WINDOW if len(key) >= SHORT else NEAR
            for probe in (key[:PROBE], key[len(key) // 2 : len(key) // 2 + PROBE]):
                hit = joined.find(probe, cursor, cursor + window + len(probe))
                if hit >= 0:
                    break
        if hit >= 0:
            page = page_at(hit)
            cursor = hit + 1
            found += 1
        out.append(page)
    return found, out
