"""Text drawn by annotations: the number and date a signing system stamps on a PDF.

A document signed in a government e-office system is numbered and dated when it is signed:
the number after "Số:" and the day after "ngày" are drawn by signature widgets (one per
stamp), not by the page's content stream. pdfplumber reads only the content stream, so the
header came out as "Số: /STP-VP" and "Lâm Đồng, ngày tháng 01 năm 2026". A viewer (and
pdftotext) draws each visible annotation's normal appearance stream into its rectangle; the
characters it draws are read here the same way, as pdfplumber-style char dicts in page
coordinates, to be merged with the page's own characters. Only short stamps are read: the
signer's box a signing system also draws ("Ký bởi: …", "Thời gian ký: …", an e-mail, a time
stamp) is not the document's text.
"""
from __future__ import annotations

import re

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdftypes import resolve1, stream_value
from pdfminer.psparser import PSLiteral
from pdfminer.utils import apply_matrix_pt, mult_matrix

_HIDDEN, _NO_VIEW = 2, 32           # annotation flags (PDF 32000, 12.5.3)
_KINDS = {"Widget", "FreeText", "Stamp"}
MAX_ANNOTS = 200                    # a form with thousands of fields is not a plan's header
MAX_STAMP_CHARS = 30                # a number or a day; a signer's box ("Ký bởi: … Email: …") is longer
# the signer's box a signing system draws ("Ký bởi:", "Thời gian ký:", an e-mail, a time stamp) is
# not the document's text: it is left out
_SIGNING_BOX = re.compile(r"@|ký bởi|thời gian ký|email|cơ quan\s*:|\+\d{2}:\d{2}|\d{1,2}:\d{2}:\d{2}|sao y", re.I)


def _name(value: object) -> str:
    value = resolve1(value)
    return value.name if isinstance(value, PSLiteral) else str(value or "")


def _floats(value: object, n: int) -> list[float] | None:
    value = resolve1(value)
    if not isinstance(value, (list, tuple)) or len(value) != n:
        return None
    try:
        return [float(resolve1(v)) for v in value]
    except (TypeError, ValueError):
        return None


def _appearance(annot: dict):
    ap = resolve1(annot.get("AP"))
    if not isinstance(ap, dict):
        return None
    normal = resolve1(ap.get("N"))
    if isinstance(normal, dict):           # appearance states: the one named by /AS
        normal = resolve1(normal.get(_name(annot.get("AS")))) if annot.get("AS") else None
    try:
        return stream_value(normal) if normal is not None else None
    except TypeError:
        return None


def _form_matrix(stream, rect: list[float]) -> tuple | None:
    """The matrix drawing a form XObject into an annotation's rectangle (PDF 32000, 12.5.5)."""
    bbox = _floats(stream.get("BBox"), 4)
    matrix = tuple(_floats(stream.get("Matrix"), 6) or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
    if bbox is None:
        return None
    pts = [apply_matrix_pt(matrix, (x, y)) for x in (bbox[0], bbox[2]) for y in (bbox[1], bbox[3])]
    x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
    y0, y1 = min(p[1] for p in pts), max(p[1] for p in pts)
    if x1 - x0 < 1e-6 or y1 - y0 < 1e-6:
        return None
    sx, sy = (rect[2] - rect[0]) / (x1 - x0), (rect[3] - rect[1]) / (y1 - y0)
    fit = (sx, 0.0, 0.0, sy, rect[0] - x0 * sx, rect[1] - y0 * sy)
    return mult_matrix(matrix, fit)


def _chars(item, out: list[LTChar]) -> None:
    if isinstance(item, LTChar):
        out.append(item)
    elif isinstance(item, LTContainer):
        for child in item:
            _chars(child, out)


def annotation_chars(page) -> list[dict]:
    """Characters drawn by the visible annotations of a pdfplumber page (upright pages only)."""
    page_obj = page.page_obj
    annots = resolve1(page_obj.annots) if page_obj.annots else None
    if not isinstance(annots, list) or not annots or len(annots) > MAX_ANNOTS or page_obj.rotate % 360:
        return []
    mx0, my0, _, my1 = page_obj.mediabox
    height = my1 - my0
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager)
    interp = PDFPageInterpreter(manager, device)
    found: list[LTChar] = []
    for ref in annots:
        annot = resolve1(ref)
        if not isinstance(annot, dict) or _name(annot.get("Subtype")) not in _KINDS:
            continue
        flags = resolve1(annot.get("F")) or 0
        rect = _floats(annot.get("Rect"), 4)
        stream = _appearance(annot)
        if (isinstance(flags, int) and flags & (_HIDDEN | _NO_VIEW)) or rect is None or stream is None:
            continue
        rect = [min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])]
        matrix = _form_matrix(stream, rect)
        if matrix is None:
            continue
        ctm = mult_matrix(matrix, (1.0, 0.0, 0.0, 1.0, -mx0, -my0))
        try:
            device.begin_page(page_obj, (1.0, 0.0, 0.0, 1.0, -mx0, -my0))
            interp.render_contents(resolve1(stream.get("Resources")) or {}, [stream], ctm=ctm)
            device.end_page(page_obj)
        except Exception:      # a broken appearance stream draws nothing, as in a viewer
            continue
        drawn: list[LTChar] = []
        _chars(device.get_result(), drawn)
        text = "".join(c.get_text() for c in drawn).strip()
        if text and len(text) <= MAX_STAMP_CHARS and not _SIGNING_BOX.search(text):
            found.extend(drawn)
    return [{"text": c.get_text(), "x0": c.x0, "x1": c.x1, "top": height - c.y1, "bottom": height - c.y0,
             "doctop": height - c.y1, "fontname": c.fontname, "size": c.size, "upright": c.upright,
             "width": c.x1 - c.x0, "height": c.y1 - c.y0, "adv": c.adv, "matrix": c.matrix,
             "page_number": page.page_number, "non_stroking_color": None, "stroking_color": None,
             "object_type": "char"} for c in found if c.get_text().strip() or c.get_text() == " "]
