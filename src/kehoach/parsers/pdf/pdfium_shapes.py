"""The fast PDF reader's shapes: a pdfium page -> pdfminer's lines, rectangles and curves.

In: a pdfium page handle and the `RawPage` its glyphs were read into (with the text objects
they came from). Out: the same `RawPage` with the painted lines, rectangles and curves as
pdfplumber's dicts (so its table finder runs unchanged on them), the area covered by images,
and a space glyph for each word space pdfium's text page leaves out (`shapes`).
"""

from __future__ import annotations

from ctypes import byref, c_float, c_int, c_uint

from .pdfium_bindings import F as _F
from .pdfium_bindings import Matrix as _Matrix
from .pdfium_bindings import RawPage, Unsupported

_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2


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


def shapes(page: int, raw: RawPage, limit: int, seen: set[int]) -> None:
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
