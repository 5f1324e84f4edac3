"""Before the fast reader opens a PDF: bound what pdfium will inflate, and read the font metrics.

In: a PDF path. Out: `Fonts` — per font name, pdfminer's descent and advance widths (by
the text a glyph maps to), the two numbers the pdfplumber reader's glyph boxes are made
of and that pdfium computes its own way — or `Unsupported` when the file is one the
pdfplumber reader must read (bounds reached, damaged, encrypted, Type 3 fonts).

pdfium inflates streams in C without a budget. So every stream it will read for text and
drawings (page contents, form XObjects, font programs, ToUnicode maps; object streams as
they are opened) is first inflated here through pdfminer with the bounded zlib of
`pdf_limits` (`PDF_STREAM_BYTES`), and the tokens of each page's contents are counted
(whitespace-separated runs, an upper bound of pdfminer's count) against
`PDF_PAGE_OBJECTS`. Past a bound the file goes to the pdfplumber reader, which skips the
page or stops with the same one-line reason as before. Images are never inflated (neither
reader decodes them). Only the document structure is parsed here, not the drawing
operators: that is the slow part of pdfminer. The fonts themselves are read in `fontmetrics`.
"""

from __future__ import annotations

from pathlib import Path

from .. import limits
from . import pdfminer_limits as pdf_limits
from .fontmetrics import FontMetrics, Fonts, add_font
from .pdfium_bindings import Unsupported
from .stamps import annotation_chars

_CHUNK = 1 << 20
_MAX_FORM_DEPTH = 8

__all__ = ["FontMetrics", "Fonts", "check"]


def check(path: Path, stamps: dict[int, list[dict]] | None = None) -> Fonts:
    """The font metrics of `path`, after its streams were found within the bounds; `stamps`
    gets, per page number, the characters its widget appearances draw (`stamps.py`)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    pdf_limits.install()
    fonts: Fonts = {}
    ambiguous: set[str] = set()
    token_limit = limits.get("PDF_PAGE_OBJECTS")
    try:
        with open(path, "rb") as fh:
            doc = PDFDocument(PDFParser(fh))
            manager = PDFResourceManager(caching=True)
            seen: set[int] = set()
            for number, page in enumerate(PDFPage.create_pages(doc), 1):
                if stamps is not None and page.annots:  # a signed PDF's stamped number and day
                    box = [float(v) for v in page.mediabox]
                    stamps[number] = annotation_chars(page.annots, box[3] - box[1])
                tokens = sum(_tokens(s, token_limit) for s in _streams(page.contents))
                tokens += _resources(page.resources, manager, fonts, ambiguous, seen, token_limit, 0)
                if tokens > token_limit:
                    raise Unsupported(f"page {number}: more than {token_limit:,} drawing operators")
    except Unsupported:
        raise
    except MemoryError:
        raise
    except Exception as exc:  # a bound, a damaged or encrypted file: the pdfplumber reader says which
        raise Unsupported(f"preflight: {exc.__class__.__name__}: {exc}") from None
    for name in ambiguous:
        fonts.pop(name, None)
    return fonts


def _streams(contents) -> list:
    from pdfminer.pdftypes import PDFStream, resolve1

    out = []
    for s in contents or []:
        s = resolve1(s)
        if isinstance(s, PDFStream):
            out.append(s)
        elif isinstance(s, list):
            out.extend(x for x in map(resolve1, s) if isinstance(x, PDFStream))
    return out


def _tokens(stream, limit: int) -> int:
    """Whitespace-separated runs in a decoded stream (stops counting past `limit`)."""
    data = stream.get_data()
    n = 0
    for i in range(0, len(data), _CHUNK):
        n += len(data[i : i + _CHUNK].split())
        if n > limit:
            break
    return n


def _resources(res, manager, fonts: Fonts, ambiguous: set[str], seen: set[int], limit: int, depth: int) -> int:
    """Read the fonts of a resource dict and inflate its form XObjects (tokens counted)."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream, dict_value, resolve1
    from pdfminer.psparser import literal_name

    res = dict_value(res) if res else {}
    tokens = 0
    for ref in dict_value(res.get("Font", {})).values():
        key = ref.objid if isinstance(ref, PDFObjRef) else None
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        spec = dict_value(ref)
        add_font(spec, key, manager, fonts, ambiguous)
    if depth >= _MAX_FORM_DEPTH:
        return tokens
    for ref in dict_value(res.get("XObject", {})).values():
        key = ref.objid if isinstance(ref, PDFObjRef) else None
        xobj = resolve1(ref)
        if not isinstance(xobj, PDFStream) or literal_name(xobj.get("Subtype")) != "Form":
            continue
        tokens += _tokens(xobj, limit)
        if key is not None and ("x", key) in seen:  # type: ignore[comparison-overlap]
            continue
        if key is not None:
            seen.add(("x", key))  # type: ignore[arg-type]
        tokens += _resources(xobj.get("Resources"), manager, fonts, ambiguous, seen, limit, depth + 1)
    return tokens
