"""Bounds on what a PDF can make pdfminer decode and interpret (see `limits` for the values).

pdfminer inflates a FlateDecode stream in one `zlib.decompress` call (a 1 MB stream can
hold 1 GB) and interprets a content stream to the end however many operators it holds.
`install()` (idempotent, called by the PDF front-end before it opens a file) puts two
guards into this process's pdfminer:

- the `zlib` that `pdfminer.pdftypes` uses is replaced by one whose `decompress` and
  `decompressobj` inflate in chunks and stop with `StreamTooLarge` past
  `PDF_STREAM_BYTES` — streams (content, fonts, object streams) never grow past the bound;
- `PDFContentParser.nextobject` counts the tokens (operators and operands) read while a
  page is interpreted and stops with `PageTooComplex` past `PDF_PAGE_OBJECTS`; the layout
  device counts the glyphs and the paths it keeps (`PDF_PAGE_GLYPHS`,
  `PDF_PAGE_GRAPHICS`) — memory per page stays bounded before pdfplumber sees the page.

`page_budget()` starts the count for one page. Both exceptions derive from
`PDFResourceLimit`, which the front-end turns into a one-line error or a skipped page.
pdfminer's own warnings go to the logging module, never to stderr (`quiet_logging`).
"""

from __future__ import annotations

import logging
import zlib as _zlib
from types import SimpleNamespace
from typing import Any

from .. import limits

_CHUNK = 1 << 20


class PDFResourceLimit(Exception):
    """A PDF asks for more than a bound allows; `what` says which, for the message."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class StreamTooLarge(PDFResourceLimit):
    pass


class PageTooComplex(PDFResourceLimit):
    pass


class _BoundedInflater:
    """zlib.decompressobj with a running output budget (max_length: never more than one
    chunk past it)."""

    def __init__(self, *args: Any) -> None:  # zlib.decompressobj's (wbits, ..., zdict)
        self._d = _zlib.decompressobj(*args)
        self._limit = limits.get("PDF_STREAM_BYTES")
        self._out = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        parts: list[bytes] = []
        while True:
            piece = self._d.decompress(data, _CHUNK)
            self._spend(len(piece))
            parts.append(piece)
            data = self._d.unconsumed_tail
            if not data or self._d.eof:
                break
        return b"".join(parts)

    def flush(self, *args: int) -> bytes:
        piece = self._d.flush(*args)
        self._spend(len(piece))
        return piece

    def _spend(self, n: int) -> None:
        self._out += n
        if self._out > self._limit:
            raise StreamTooLarge(f"a compressed stream inflates past {limits.size_text(self._limit)}")

    def __getattr__(self, name: str) -> object:  # eof, unused_data, unconsumed_tail
        return getattr(self._d, name)


def _decompress(data: bytes, wbits: int = _zlib.MAX_WBITS, bufsize: int = 0) -> bytes:
    inflater = _BoundedInflater(wbits)
    out = inflater.decompress(data)
    if not inflater.eof:
        raise _zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


_BOUNDED_ZLIB = SimpleNamespace(
    decompress=_decompress,
    decompressobj=_BoundedInflater,
    error=_zlib.error,
    MAX_WBITS=_zlib.MAX_WBITS,
    crc32=_zlib.crc32,
    adler32=_zlib.adler32,
)


class _PageCount:
    tokens = 0
    limit = 0
    glyphs = 0
    glyph_limit = 0
    graphics = 0
    graphics_limit = 0
    active = False


_page = _PageCount()
_installed = False


def page_budget() -> None:
    """Start counting content-stream tokens for a new page."""
    _page.tokens = _page.glyphs = _page.graphics = 0
    _page.limit = limits.get("PDF_PAGE_OBJECTS")
    _page.glyph_limit = limits.get("PDF_PAGE_GLYPHS")
    _page.graphics_limit = limits.get("PDF_PAGE_GRAPHICS")
    _page.active = True


def end_page() -> None:
    _page.active = False


def count_glyph() -> None:
    """One more glyph on the page being read (a layout device that does not go through
    pdfminer's `render_char` counts its glyphs with this)."""
    if _page.active:
        _page.glyphs += 1
        if _page.glyphs > _page.glyph_limit:
            _page.active = False
            raise PageTooComplex(f"more than {_page.glyph_limit:,} glyphs on one page")


def count_token() -> None:
    """One more object read from a content stream, as the guarded `nextobject` counts it
    (a content reader that does not go through pdfminer's parser counts with this)."""
    if _installed and _page.active:
        _page.tokens += 1
        if _page.tokens > _page.limit:
            _page.active = False
            raise PageTooComplex(f"more than {_page.limit:,} drawing operators and operands on one page")


def token_budget() -> int:
    """How many more objects the page being read may have (a large number when none is counted)."""
    if _installed and _page.active:
        return max(0, _page.limit - _page.tokens) + 1
    return 1 << 62


def install() -> None:
    """Put the guards into pdfminer (once per process)."""
    global _installed
    if _installed:
        return
    from pdfminer import converter, pdfinterp, pdftypes

    pdftypes.zlib = _BOUNDED_ZLIB  # type: ignore[assignment]  # a namespace standing in for zlib
    original = pdfinterp.PDFContentParser.nextobject

    def nextobject(self):
        if _page.active:
            _page.tokens += 1
            if _page.tokens > _page.limit:
                _page.active = False
                raise PageTooComplex(f"more than {_page.limit:,} drawing operators and operands on one page")
        return original(self)

    pdfinterp.PDFContentParser.nextobject = nextobject  # type: ignore[method-assign]
    render_char = converter.PDFLayoutAnalyzer.render_char
    paint_path = converter.PDFLayoutAnalyzer.paint_path

    def counted_char(self, *args, **kwargs):
        count_glyph()  # (it looks at `_page.active` itself)
        return render_char(self, *args, **kwargs)

    def counted_path(self, *args, **kwargs):
        if _page.active:
            _page.graphics += 1
            if _page.graphics > _page.graphics_limit:
                _page.active = False
                raise PageTooComplex(f"more than {_page.graphics_limit:,} lines and shapes on one page")
        return paint_path(self, *args, **kwargs)

    converter.PDFLayoutAnalyzer.render_char = counted_char  # type: ignore[method-assign]
    converter.PDFLayoutAnalyzer.paint_path = counted_path  # type: ignore[method-assign]
    quiet_logging()
    if not logging.getLogger("pdfminer").isEnabledFor(logging.DEBUG):
        from pdfminer import psparser

        for module in (psparser, pdfinterp):
            setattr(module, "log", _NoDebug(getattr(module, "log")))  # noqa: B009, B010
    _installed = True


class _NoDebug:
    """A pdfminer module's logger without its debug records. The tokenizer and the
    interpreter log every token, object and operator at DEBUG (~10 calls a glyph, a few
    per cent of reading a page) into records nobody sees (`quiet_logging`); installed only
    when pdfminer's debug level is off. Every other level goes to the logger itself."""

    def __init__(self, log: logging.Logger) -> None:
        self._log = log

    def debug(self, *args: object, **kwargs: object) -> None:
        pass

    def __getattr__(self, name: str) -> object:
        return getattr(self._log, name)


def quiet_logging() -> None:
    """pdfminer and pdfplumber warn through `logging`; with no handler configured Python
    prints WARNING records to stderr. They are library chatter, not messages for the user:
    keep them off stderr (a NullHandler, no propagation to the root logger)."""
    for name in ("pdfminer", "pdfplumber"):
        log = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
            log.addHandler(logging.NullHandler())
        log.propagate = False
