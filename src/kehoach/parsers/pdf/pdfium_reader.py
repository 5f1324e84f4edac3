"""The fast PDF reader (pypdfium2): a PDF page -> glyphs, ruling shapes and image area.

In: a PDF path. Out: one `RawPage` per page holding exactly what the pdfplumber reader
hands on — glyph dicts (text, x0, x1, top, bottom, size, fontname, upright) with
pdfminer's box conventions (the box runs from the font's descent to one em above it, the
width is the glyph's advance), the painted lines / rectangles / curves as pdfplumber's
dicts (so its table finder runs unchanged on them) and the area covered by images. The
rest of the PDF parser cannot tell which reader read the page.

Speed: pdfium parses the page in C; Python makes two calls per glyph through ctypes
(text object, origin), a third (Unicode-map flag) only for a glyph whose text is not that
of a code its font maps (for a space: whether pdfium inferred it), and reads the text of
the whole page in one call; font facts are read once per text object. The bindings are in
`pdfium_bindings`, the shapes in `pdfium_shapes`.

`Unsupported` is raised for anything this reader does not reproduce exactly (rotated or
offset pages, glyphs not set upright, a file pdfium cannot open, a resource bound
reached): the caller then reads the file with pdfplumber, which also gives the error
messages and the notes for damaged and hostile files.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections.abc import Iterator
from ctypes import byref, c_double, c_float, c_void_p
from pathlib import Path
from typing import Any

from .. import limits
from .pdfium_bindings import RAW as _RAW
from .pdfium_bindings import F as _F
from .pdfium_bindings import Matrix as _Matrix
from .pdfium_bindings import RawPage, Unsupported
from .pdfium_bindings import RectF as _RectF
from .pdfium_bindings import bind as _bind
from .pdfium_bindings import handle as _handle
from .pdfium_shapes import shapes as _shapes

__all__ = ["RawPage", "Unsupported", "read_pages"]


# ---------------------------------------------------------------- the document


def read_pages(path: Path, fonts: dict) -> Iterator[RawPage]:
    """Every page of `path`, each closed right after it was read."""
    import pypdfium2 as pdfium

    _bind()
    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception as exc:  # encrypted, damaged: the pdfplumber reader says which
        raise Unsupported(f"pdfium cannot open the file: {exc}") from None
    glyph_limit, graphics_limit = limits.get("PDF_PAGE_GLYPHS"), limits.get("PDF_PAGE_GRAPHICS")
    try:
        for i in range(len(pdf)):
            try:
                page = pdf[i]
                text = page.get_textpage()
            except Exception as exc:  # a damaged page tree: the pdfplumber reader says so
                raise Unsupported(f"pdfium cannot load page {i + 1}: {exc}") from None
            try:
                yield _read(i + 1, _handle(page.raw), _handle(text.raw), glyph_limit, graphics_limit, fonts)
            finally:
                text.close()
                page.close()
    finally:
        pdf.close()


def _read(number: int, page: int, tp: int, glyph_limit: int, graphics_limit: int, fonts: dict) -> RawPage:
    F = _F
    if F["FPDFPage_GetRotation"](page):
        raise Unsupported(f"page {number} is rotated")
    box = [c_float() for _ in range(4)]
    F["FPDFPage_GetMediaBox"](page, *map(byref, box))
    media = tuple(v.value for v in box)
    has_crop = F["FPDFPage_GetCropBox"](page, *map(byref, box))
    crop = tuple(v.value for v in box) if has_crop else media
    if media[0] or media[1] or crop != media:
        raise Unsupported(f"page {number} has an offset or cropped media box")
    width, height = media[2], media[3]
    raw = RawPage(number=number, width=width, height=height)
    seen: set[int] = set()
    raw.chars = _chars(tp, height, number, glyph_limit, fonts, seen)
    _shapes(page, raw, graphics_limit, seen)
    return raw


# ---------------------------------------------------------------- glyphs


def _font_facts(tp: int, i: int, obj: int, fonts: dict) -> tuple:
    """(font name, metrics, font size, a, b, c, d) of the text object holding glyph `i`."""
    F = _F
    m = _Matrix()
    F["FPDFText_GetMatrix"](tp, i, byref(m))
    if not (m.a * m.d > 0 and m.b * m.c <= 0):
        raise Unsupported("a glyph not set upright")  # sideways pages: the pdfplumber reader turns them
    font = F["FPDFTextObj_GetFont"](obj)
    buf = ctypes.create_string_buffer(512)
    n = F["FPDFFont_GetBaseFontName"](font, buf, 512)
    name = buf.raw[: max(0, n - 1)].decode("latin-1") if n else ""
    if len(name) > 7 and name[6] == "+":
        name = name[7:]
    program = ctypes.c_size_t(0)
    if F["FPDFFont_GetIsEmbedded"](font):
        F["FPDFFont_GetFontData"](font, None, 0, byref(program))
    metrics = fonts.get(f"{name}#{program.value}")
    if metrics is None:
        raise Unsupported(f"font {name!r} not found in the page resources")
    if not metrics.same_text:
        raise Unsupported(f"font {name!r} maps its glyphs to text without a ToUnicode map")
    size = c_float()
    F["FPDFTextObj_GetFontSize"](obj, byref(size))
    return name, metrics, size.value, m.a, m.b, m.c, m.d


def _chars(tp: int, height: float, number: int, glyph_limit: int, fonts: dict, seen: set[int]) -> list[dict]:
    """The page's glyphs as pdfplumber's char dicts; `seen` gets every text object they come from."""
    F = _F
    n = F["FPDFText_CountChars"](tp)
    if n <= 0:
        return []
    if n > glyph_limit:
        raise Unsupported(f"page {number}: more than {glyph_limit:,} glyphs")
    buf = (ctypes.c_ushort * (n + 1))()
    got = F["FPDFText_GetText"](tp, 0, n, buf)
    text = bytes(buf)[: max(0, got - 1) * 2].decode("utf-16-le", "surrogatepass")
    if len(text) != n:
        text = "".join(chr(F["FPDFText_GetUnicode"](tp, i)) for i in range(n))
    page = c_void_p(tp)  # for the functions without argtypes
    origin, get_obj, map_error, generated = (
        _RAW["FPDFText_GetCharOrigin"],
        _RAW["FPDFText_GetTextObject"],
        _RAW["FPDFText_HasUnicodeMapError"],
        _RAW["FPDFText_IsGenerated"],
    )
    ox, oy = c_double(), c_double()
    pox, poy = byref(ox), byref(oy)
    combining = unicodedata.combining
    facts: dict[int, tuple] = {}  # text object -> its font facts and the box numbers they give
    out: list[dict] = []
    append = out.append
    # one pass; a combining mark pdfium split off the glyph before it (same text object, same
    # origin) is added to that glyph's text and the glyph is written again (`_glyph`)
    p_t: str = ""
    p_obj = p_i = 0
    p_x = p_y = 0.0
    fact_obj = 0
    metrics: Any = None  # the font facts of text object `fact_obj`
    for i, t in enumerate(text):
        obj = get_obj(page, i)
        if not obj:
            continue  # a line break or word space pdfium inferred: no glyph
        origin(page, i, pox, poy)
        x, y = ox.value, oy.value
        if t == " " and generated(page, i) and _inferred_space(page, i, n, x, y, origin):
            continue
        if p_obj == obj and p_x == x and p_y == y and (combining(t) or _joins(metrics, p_t, t)):
            # one glyph read as a letter and a combining mark, or mapped to several characters:
            # pdfium splits it, pdfminer reads its text whole (a zero unit as U+0000)
            p_t += _unit(t)
            out[-1] = _glyph(p_t, p_obj, p_x, p_y, p_i, tp, page, height, facts, fonts, map_error)
            continue
        p_t, p_obj, p_x, p_y, p_i = t, obj, x, y, i
        if obj != fact_obj:
            name, metrics, fs, a, b, c, d, y0, y1, straight = _fact(tp, i, obj, facts, fonts)
            widths, default, mapped = metrics.widths, metrics.default, metrics.mapped
            fact_obj = obj
        cid = False
        if t == "\ufffe":
            t = "-"  # pdfium's mark for a hyphen ending a line
        elif len(t) == 1 and t not in mapped and map_error(page, i):
            t = f"(cid:{ord(t)})"
            cid = True
        if cid:
            adv = metrics.advance(t)
        else:
            adv = widths.get(t)
            if adv is None:
                if not t.isascii():
                    # pdfium composes or decomposes some letters; the text pdfminer reads is the
                    # form the font's map gives
                    t = metrics.text_form(t) or t
                adv = widths.get(t, default)  # FontMetrics.advance
        if adv != adv:  # two glyphs with this text and two widths: take pdfium's
            adv = _loose_advance(tp, i, x, a)
        else:
            adv *= fs
        if straight:
            b0, b1 = y + d * y0, y + d * y1
            append(
                {
                    "text": t,
                    "x0": x,
                    "x1": x + a * adv,
                    "top": height - b1,
                    "bottom": height - b0,
                    "size": b1 - b0,
                    "fontname": name,
                    "upright": True,
                }
            )
        else:
            append(_glyph(p_t, obj, x, y, i, tp, page, height, facts, fonts, map_error))
    seen.update(facts)  # every text object a glyph came from
    return out


def _inferred_space(page: c_void_p, i: int, n: int, x: float, y: float, origin) -> bool:
    """Whether the space pdfium flags as generated at `i`, inside a text object, is no glyph.

    pdfium infers a space where a TJ offset leaves a wide gap. When a space glyph follows the
    gap, pdfium keeps its own space at that glyph's origin instead ("S" [gap] " THÔNG": a
    glyph pdfminer reads too). When a letter follows (the gap a fallback font's letter fills
    later in the stream: "LU" [gap] "N" … "Ậ"), the inferred space sits at that letter's
    origin: no glyph is there."""
    if i + 1 >= n:
        return True
    nx, ny = c_double(), c_double()
    origin(page, i + 1, byref(nx), byref(ny))
    return abs(nx.value - x) < 0.01 and abs(ny.value - y) < 0.01


def _unit(t: str) -> str:
    """pdfium's character as pdfminer reads it inside a glyph's text: U+FFFE is a zero unit."""
    return "\x00" if t == "\ufffe" else t


def _joins(metrics, before: str, t: str) -> bool:
    """Whether glyph text `t` at the origin of the glyph read as `before` continues its text."""
    return len(before) + len(t) > 1 and metrics.joins(before + _unit(t))


def _loose_advance(tp: int, i: int, x: float, a: float) -> float:
    rect = _RectF()
    _F["FPDFText_GetLooseCharBox"](tp, i, byref(rect))
    return (rect.right - x) / a


def _fact(tp, i, obj, facts, fonts) -> tuple:
    """A text object's font facts, read once per object: (name, metrics, size, matrix a b c d,
    bottom and top offsets, upright)."""
    fact = facts.get(obj)
    if fact is None:
        name, metrics, fs, a, b, c, d = _font_facts(tp, i, obj, fonts)
        y0 = metrics.descent * fs
        fact = facts[obj] = (name, metrics, fs, a, b, c, d, y0, y0 + fs, b == 0 and c == 0)
    return fact


def _glyph(t, obj, x, y, i, tp, page, height, facts, fonts, map_error) -> dict:
    """One glyph of the text page -> pdfplumber's char dict (the loop of `_chars`, spelled out)."""
    name, metrics, fs, a, b, c, d, y0, y1, straight = _fact(tp, i, obj, facts, fonts)
    widths = metrics.widths
    cid = False
    if t == "\ufffe":
        t = "-"  # pdfium's mark for a hyphen ending a line
    elif len(t) == 1 and map_error(page, i):
        t = f"(cid:{ord(t)})"
        cid = True
    if t not in widths and not t.isascii():
        t = metrics.text_form(t) or t  # pdfium composes or decomposes some letters
    adv = metrics.advance(t) if cid else widths.get(t, metrics.default)  # FontMetrics.advance
    if adv != adv:  # two glyphs with this text and two widths: take pdfium's
        adv = _loose_advance(tp, i, x, a)
    else:
        adv *= fs
    if straight:
        x0, x1, b0, b1 = x, x + a * adv, y + d * y0, y + d * y1
    else:
        xs = (x + c * y0, x + a * adv + c * y0, x + c * y1, x + a * adv + c * y1)
        ys = (y + d * y0, y + b * adv + d * y0, y + d * y1, y + b * adv + d * y1)
        x0, x1, b0, b1 = min(xs), max(xs), min(ys), max(ys)
    return {
        "text": t,
        "x0": x0,
        "x1": x1,
        "top": height - b1,
        "bottom": height - b0,
        "size": b1 - b0,
        "fontname": name,
        "upright": True,
    }
