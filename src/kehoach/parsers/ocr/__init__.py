"""OCR front-end: a scanned PDF in, a `blocks.Document` out (Tesseract, Vietnamese model).

In: a PDF path whose pages are images (the PDF front-end calls `ocr_pdf` for those pages
only when asked, `--ocr`). Out: `Paragraph` blocks (header columns as role="layout") and
`Table` blocks for ruled tables, every provenance with source="ocr" and its page.

Modules: `recognize` (rendering, the page loop, paragraphs, document-type names), `words`
(Tesseract's words and lines), `slots` (handwritten number and day), `tables` (ruled grids
found on the page image), `cells` (words into a grid's cells), `clean` (coloured ink off the
page, deskew), `header` (seal and incoming stamp), `zones` (the số and date lines read
again), `paragraphs` (paragraph starts), `correct` (Vietnamese post-correction), `run` (the page pool).
"""

from __future__ import annotations

from .recognize import available, fix_doc_type, group_lines, ocr_pdf, parse, parse_tsv

__all__ = ["available", "fix_doc_type", "group_lines", "ocr_pdf", "parse", "parse_tsv"]
