"""Text stamped into a signed PDF through form-field appearances.

Vietnamese agencies number and date a document while signing it: the signing software
(VGCA, VNPT…) draws "362" after "Số:" and "14" after "ngày" as the appearance of a
signature widget placed on the page, not as page text. pdfplumber reads page content
only, so the number and the day were lost ("Số: /KH-SGDĐT", "ngày tháng 4 năm 2026").

`stamp_chars` renders each widget's normal appearance (/AP /N) with pdfminer, maps it onto
the widget's rectangle as the PDF spec says (form BBox through its Matrix, then onto /Rect)
and returns its characters in pdfplumber's shape. Only short stamps are kept: a signature
box that writes "Ký bởi: …, Thời gian ký: …" is not part of the document's text.
"""

from __future__ import annotations

STAMP_MAX_CHARS = 12  # "362", "14", "02/2026": longer appearance text is a signature box


def stamp_chars(page) -> list[dict]:
    """The characters drawn by a pdfplumber page's widget appearances, as pdfplumber char dicts."""
    # the raw annotation list: pdfplumber's `page.annots` resolves every reference
    # deeply, /P (the page) included, and recurses
    return annotation_chars(page.page_obj.annots, float(page.height))


def annotation_chars(annots, height: float) -> list[dict]:
    """The characters drawn by the widget appearances of a raw /Annots list (pdfminer objects)
    on a page `height` points high: the same dicts for either PDF reader."""
    from pdfminer.pdftypes import resolve1

    out: list[dict] = []
    try:
        raw = resolve1(annots) or []
    except Exception:
        return out
    for ref in raw if isinstance(raw, list) else []:
        try:
            data = resolve1(ref)
            if not isinstance(data, dict) or _name(resolve1(data.get("Subtype"))) != "Widget":
                continue
            chars = _render(data, height)
        except Exception:  # a broken appearance stream loses a stamp, never the page
            continue
        if 0 < sum(1 for c in chars if c["text"].strip()) <= STAMP_MAX_CHARS:
            out += [c for c in chars if c["text"].strip()]
    return out


def with_stamps(chars: list[dict], stamps: list[dict]) -> list[dict]:
    """The page's characters plus the stamps, less the blanks typed where a stamp now stands
    ("Số:         /KH-SGDĐT"): a blank between two stamped digits would split "362" into "3 6 2"."""
    if not stamps:
        return chars

    def covered(c: dict) -> bool:
        mid_x, mid_y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        return any(s["x0"] < mid_x < s["x1"] and s["top"] <= mid_y <= s["bottom"] for s in stamps)

    return [c for c in chars if c.get("text", "").strip() or not covered(c)] + stamps


def _name(value) -> str:
    from pdfminer.psparser import PSLiteral

    name = value.name if isinstance(value, PSLiteral) else value
    return name if isinstance(name, str) else str(name or "")


def _render(data: dict, page_height: float) -> list[dict]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTContainer
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.utils import apply_matrix_pt, mult_matrix

    ap = resolve1(resolve1(data.get("AP") or {}).get("N")) if data.get("AP") else None
    rect = [float(resolve1(v)) for v in resolve1(data.get("Rect") or [])]
    if not isinstance(ap, PDFStream) or len(rect) != 4:
        return []
    bbox = [float(resolve1(v)) for v in resolve1(ap.get("BBox") or [0, 0, 0, 0])]
    a, b, c, d, e, f = (float(resolve1(v)) for v in resolve1(ap.get("Matrix") or (1, 0, 0, 1, 0, 0)))
    matrix = (a, b, c, d, e, f)
    corners = [apply_matrix_pt(matrix, (x, y)) for x in (bbox[0], bbox[2]) for y in (bbox[1], bbox[3])]
    bx0, by0 = min(p[0] for p in corners), min(p[1] for p in corners)
    bx1, by1 = max(p[0] for p in corners), max(p[1] for p in corners)
    if bx1 - bx0 <= 0 or by1 - by0 <= 0:
        return []
    rx0, ry0, rx1, ry1 = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
    sx, sy = (rx1 - rx0) / (bx1 - bx0), (ry1 - ry0) / (by1 - by0)
    onto_rect = (sx, 0, 0, sy, rx0 - bx0 * sx, ry0 - by0 * sy)
    ctm = mult_matrix(matrix, onto_rect)

    manager = PDFResourceManager()
    device = PDFPageAggregator(manager)
    device.begin_page(_Box(rect), (1, 0, 0, 1, 0, 0))  # type: ignore[arg-type]  # reads only .mediabox
    PDFPageInterpreter(manager, device).render_contents(resolve1(ap.get("Resources") or {}), [ap], ctm=ctm)
    device.end_page(None)  # type: ignore[arg-type]  # the page argument is unused

    chars: list[dict] = []

    def walk(item) -> None:
        if isinstance(item, LTChar):
            chars.append(
                {
                    "text": item.get_text(),
                    "fontname": item.fontname,
                    "size": float(item.size),
                    "x0": float(item.x0),
                    "x1": float(item.x1),
                    "top": page_height - float(item.y1),
                    "bottom": page_height - float(item.y0),
                    "upright": bool(item.upright),
                }
            )
        elif isinstance(item, LTContainer):
            for child in item:
                walk(child)

    walk(device.get_result())
    return chars


class _Box:
    """What pdfminer's layout device reads of a page: an id and a media box."""

    def __init__(self, rect: list[float]) -> None:
        self.pageid = 0
        self.mediabox = rect
