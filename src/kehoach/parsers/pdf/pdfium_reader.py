"""The fast PDF reader (pypdfium2): a PDF page -> glyphs, ruling shapes and image area.

In: a PDF path. Out: one `RawPage` per page holding exactly what the pdfplumber reader
hands on — glyph dicts (text, x0, x1, top, bottom, size, fontname, upright) with
pdfminer's box conventions (the box runs from the font's descent to one em above it, the
width is the glyph's advance), the painted lines / rectangles / curves as pdfplumber's
dicts (so its table finder runs unchanged on them) and the area covered by images. The
rest of the PDF parser cannot tell which reader read the page.

Speed: pdfium parses the page in C; Python makes four calls per glyph through ctypes
(origin, advance box, text object, Unicode-map flag) and reads the text of the whole
page in one call; font facts are read once per text object.

`Unsupported` is raised for anything this reader does not reproduce exactly (rotated or
offset pages, glyphs not set upright, a file pdfium cannot open, a resource bound
reached): the caller then reads the file with pdfplumber, which also gives the error
messages and the notes for damaged and hostile files.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections.abc import Callable, Iterator
from ctypes import byref, c_double, c_float, c_int, c_uint, c_void_p
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import limits


class Unsupported(Exception):
    """This file (or page) is read by the pdfplumber reader instead; the message says why."""


@dataclass
class RawPage:
    number: int
    width: float
    height: float
    chars: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    rects: list[dict] = field(default_factory=list)
    curves: list[dict] = field(default_factory=list)
    image_area: float = 0.0


_lib = None
_F: dict[str, Callable[..., Any]] = {}  # ctypes functions, typed by _SIGNATURES
# the three functions called once per glyph, without argtypes (a third cheaper per call): the
# text page goes in as a c_void_p, the index as a C int, the outputs by reference
_PER_GLYPH = ("FPDFText_GetTextObject", "FPDFText_GetCharOrigin", "FPDFText_HasUnicodeMapError")
_RAW: dict[str, Callable[..., Any]] = {}

# (name, restype, argtypes): private bindings with plain c_void_p handles (no pointer objects
# built per call), leaving pypdfium2's own bindings as they are
_SIGNATURES = {
    "FPDFText_CountChars": (c_int, (c_void_p,)),
    "FPDFText_GetText": (c_int, (c_void_p, c_int, c_int, c_void_p)),
    "FPDFText_GetUnicode": (c_uint, (c_void_p, c_int)),
    "FPDFText_IsGenerated": (c_int, (c_void_p, c_int)),
    "FPDFText_HasUnicodeMapError": (c_int, (c_void_p, c_int)),
    "FPDFText_GetCharOrigin": (c_int, (c_void_p, c_int, c_void_p, c_void_p)),
    "FPDFText_GetLooseCharBox": (c_int, (c_void_p, c_int, c_void_p)),
    "FPDFText_GetTextObject": (c_void_p, (c_void_p, c_int)),
    "FPDFText_GetMatrix": (c_int, (c_void_p, c_int, c_void_p)),
    "FPDFTextObj_GetFont": (c_void_p, (c_void_p,)),
    "FPDFTextObj_GetFontSize": (c_int, (c_void_p, c_void_p)),
    "FPDFFont_GetBaseFontName": (ctypes.c_size_t, (c_void_p, c_void_p, ctypes.c_size_t)),
    "FPDFFont_GetDescent": (c_int, (c_void_p, c_float, c_void_p)),
    "FPDFFont_GetIsEmbedded": (c_int, (c_void_p,)),
    "FPDFFont_GetFontData": (c_int, (c_void_p, c_void_p, ctypes.c_size_t, c_void_p)),
    "FPDFPage_CountObjects": (c_int, (c_void_p,)),
    "FPDFPage_GetObject": (c_void_p, (c_void_p, c_int)),
    "FPDFFormObj_CountObjects": (c_int, (c_void_p,)),
    "FPDFFormObj_GetObject": (c_void_p, (c_void_p, ctypes.c_ulong)),
    "FPDFPageObj_GetType": (c_int, (c_void_p,)),
    "FPDFPageObj_GetMatrix": (c_int, (c_void_p, c_void_p)),
    "FPDFPageObj_GetBounds": (c_int, (c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)),
    "FPDFPageObj_GetFillColor": (c_int, (c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)),
    "FPDFPath_CountSegments": (c_int, (c_void_p,)),
    "FPDFPath_GetPathSegment": (c_void_p, (c_void_p, c_int)),
    "FPDFPath_GetDrawMode": (c_int, (c_void_p, c_void_p, c_void_p)),
    "FPDFPathSegment_GetPoint": (c_int, (c_void_p, c_void_p, c_void_p)),
    "FPDFPathSegment_GetType": (c_int, (c_void_p,)),
    "FPDFPathSegment_GetClose": (c_int, (c_void_p,)),
    "FPDFPage_GetRotation": (c_int, (c_void_p,)),
    "FPDFPage_GetMediaBox": (c_int, (c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)),
    "FPDFPage_GetCropBox": (c_int, (c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)),
}

_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2


class _Matrix(ctypes.Structure):
    _fields_ = [(n, c_float) for n in "abcdef"]


class _RectF(ctypes.Structure):
    _fields_ = [("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float)]


def _bind() -> dict[str, Callable[..., Any]]:
    global _lib
    if _F:
        return _F
    from pypdfium2_raw import bindings

    _lib = bindings._libs["pdfium"]
    for name, (restype, argtypes) in _SIGNATURES.items():
        fn = _lib[name]  # a new function object: pypdfium2's own stays as it is
        fn.restype = restype
        fn.argtypes = argtypes
        _F[name] = fn
    for name in _PER_GLYPH:
        fn = _lib[name]
        fn.restype = _SIGNATURES[name][0]
        _RAW[name] = fn
    return _F


def _handle(obj: Any) -> int:  # a ctypes pointer from pypdfium2 (untyped)
    return ctypes.cast(obj, c_void_p).value or 0


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
    origin, get_obj, map_error = (
        _RAW["FPDFText_GetCharOrigin"],
        _RAW["FPDFText_GetTextObject"],
        _RAW["FPDFText_HasUnicodeMapError"],
    )
    ox, oy = c_double(), c_double()
    pox, poy = byref(ox), byref(oy)
    combining = unicodedata.combining
    facts: dict[int, tuple] = {}  # text object -> its font facts and the box numbers they give
    out: list[dict] = []
    append = out.append
    normalize = unicodedata.normalize
    # one pass; a combining mark pdfium split off the glyph before it (same text object, same
    # origin) is added to that glyph's text and the glyph is written again (`_glyph`)
    p_t: str = ""
    p_obj = p_i = 0
    p_x = p_y = 0.0
    fact_obj = 0
    for i, t in enumerate(text):
        obj = get_obj(page, i)
        if not obj:
            continue  # a line break or word space pdfium inferred: no glyph
        origin(page, i, pox, poy)
        x, y = ox.value, oy.value
        if p_obj == obj and p_x == x and p_y == y and combining(t):
            p_t += t  # one glyph read as a letter and a combining mark: pdfium splits it in two
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
                    # pdfium composes or decomposes some letters ("U" + hook above <-> "Ủ"); the
                    # text pdfminer reads is the form the font's map gives
                    for form in ("NFC", "NFD"):
                        other = normalize(form, t)
                        if other in widths:
                            t = other
                            break
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
        # pdfium composes or decomposes some letters ("U" + hook above <-> "Ủ"); the text
        # pdfminer reads is the form the font's map gives
        for form in ("NFC", "NFD"):
            other = unicodedata.normalize(form, t)
            if other in widths:
                t = other
                break
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


# ---------------------------------------------------------------- lines, rectangles, images


def _mult(m: tuple, n: tuple) -> tuple:
    """m then n (row vectors, as PDF matrices compose)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _shapes(page: int, raw: RawPage, limit: int, seen: set[int]) -> None:
    """Lines, rectangles, curves and image area of the page; and the spaces pdfium's text page
    leaves out. Word writes many word spaces as text objects of their own; pdfium drops their
    glyphs (it infers spaces from gaps), pdfminer keeps them, and a space drawn over a gap too
    narrow to infer one ("3.5." + space + "Chuẩn", 1 pt apart) is a word break only the glyph
    shows. A text object with no glyph in the text page and no extent is such a space: it is
    added as one (at its origin, the font's height); one with an extent is left as before (the
    byte-identity test of the two readers covers every PDF we hold)."""
    F = _F
    height = raw.height
    box = [c_float() for _ in range(4)]
    size = c_float()
    count = [0]
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

    def walk(n: int, get, parent: tuple) -> None:
        for k in range(n):
            obj = get(k)
            kind = F["FPDFPageObj_GetType"](obj)
            if kind == _TEXT:
                if obj not in seen:
                    _space(obj, parent, height, raw, box, size)
                continue
            m = _Matrix()
            F["FPDFPageObj_GetMatrix"](obj, byref(m))
            mat = _mult((m.a, m.b, m.c, m.d, m.e, m.f), parent)
            if kind == _PATH:
                _path(obj, mat, raw, count)
                if count[0] > limit:
                    raise Unsupported(f"page {raw.number}: more than {limit:,} lines and shapes")
            elif kind == _IMAGE:
                xs, ys = zip(*(_apply(mat, p) for p in ((0, 0), (1, 0), (0, 1), (1, 1))), strict=True)
                raw.image_area += (max(xs) - min(xs)) * (max(ys) - min(ys))
            elif kind == _FORM:
                walk(F["FPDFFormObj_CountObjects"](obj), lambda j, o=obj: F["FPDFFormObj_GetObject"](o, j), mat)

    walk(F["FPDFPage_CountObjects"](page), lambda j: F["FPDFPage_GetObject"](page, j), identity)


def _space(obj: int, parent: tuple, height: float, raw: RawPage, box: list, size: c_float) -> None:
    """A text object the text page has no glyph of (see `_shapes`) -> a space glyph."""
    F = _F
    F["FPDFPageObj_GetBounds"](obj, *map(byref, box))
    left, bottom, right, top = (v.value for v in box)
    if right - left > 0.01 or top - bottom > 0.01:
        return  # drawn but not text to pdfium (a signature widget's text, a clipped run): as before
    if not F["FPDFTextObj_GetFontSize"](obj, byref(size)):
        return
    m = _Matrix()
    F["FPDFPageObj_GetMatrix"](obj, byref(m))
    a, b, c, d, e, f = _mult((m.a, m.b, m.c, m.d, m.e, m.f), parent)
    if b or c or d <= 0:
        return  # not upright text: no word break to mend
    fs = size.value * d
    x, y = _apply(parent, (left, bottom))
    raw.chars.append(
        {
            "text": " ",
            "x0": x,
            "x1": x + 0.25 * fs,
            "top": height - y - 0.8 * fs,
            "bottom": height - y + 0.2 * fs,
            "size": fs,
            "fontname": "",
            "upright": True,
        }
    )


def _apply(m: tuple, p: tuple[float, float]) -> tuple[float, float]:
    a, b, c, d, e, f = m
    x, y = p
    return a * x + c * y + e, b * x + d * y + f


def _path(obj: int, mat: tuple, raw: RawPage, count: list[int]) -> None:
    """One painted path -> pdfminer's objects: each subpath a line, a rectangle or a curve."""
    F = _F
    fillmode, stroke = c_int(), c_int()
    F["FPDFPath_GetDrawMode"](obj, byref(fillmode), byref(stroke))
    fill = bool(fillmode.value)
    if not fill and not stroke.value:
        return
    color = None
    if fill:
        rgba = [c_uint() for _ in range(4)]
        if F["FPDFPageObj_GetFillColor"](obj, *map(byref, rgba)):
            color = tuple(v.value / 255 for v in rgba[:3])
    x, y = c_float(), c_float()
    subpaths: list[tuple[list[str], list[tuple[float, float]]]] = []
    bezier = 0
    for s in range(F["FPDFPath_CountSegments"](obj)):
        seg = F["FPDFPath_GetPathSegment"](obj, s)
        kind = F["FPDFPathSegment_GetType"](seg)
        F["FPDFPathSegment_GetPoint"](seg, byref(x), byref(y))
        pt = _apply(mat, (x.value, y.value))
        if kind == _MOVETO or not subpaths:
            subpaths.append((["m"], [pt]))
            bezier = 0
        elif kind == _LINETO:
            subpaths[-1][0].append("l")
            subpaths[-1][1].append(pt)
        elif kind == _BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue
            subpaths[-1][0].append("c")
            subpaths[-1][1].append(pt)
        if F["FPDFPathSegment_GetClose"](seg):
            subpaths[-1][0].append("h")
            subpaths[-1][1].append(subpaths[-1][1][0])
    count[0] += 1
    for ops, pts in subpaths:
        count[0] += 1
        if len(ops) < 2:
            continue
        _paint("".join(ops), pts, bool(stroke.value), fill, color, raw)


def _paint(shape: str, pts: list[tuple[float, float]], stroke: bool, fill: bool, color, raw: RawPage) -> None:
    """pdfminer's `PDFLayoutAnalyzer.paint_path` for one subpath, into pdfplumber's dicts."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-1]
    h = raw.height
    if shape in ("mlh", "ml"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        raw.lines.append(_obj("line", min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), h, stroke, fill, color))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if pts[0] == pts[4] and (
            (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        ):
            raw.rects.append(_obj("rect", min(x0, x2), min(y0, y2), max(x0, x2), max(y0, y2), h, stroke, fill, color))
            return
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    curve = _obj("curve", min(xs), min(ys), max(xs), max(ys), h, stroke, fill, color)
    curve["pts"] = [(px, h - py) for px, py in pts]
    raw.curves.append(curve)


def _obj(kind: str, x0: float, y0: float, x1: float, y1: float, h: float, stroke: bool, fill: bool, color) -> dict:
    top = h - y1
    return {
        "object_type": kind,
        "x0": x0,
        "y0": y0,
        "x1": x1,
        "y1": y1,
        "width": x1 - x0,
        "height": y1 - y0,
        "top": top,
        "bottom": h - y0,
        "doctop": top,
        "stroke": stroke,
        "fill": fill,
        "non_stroking_color": color,
    }
