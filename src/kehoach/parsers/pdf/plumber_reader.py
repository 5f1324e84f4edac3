"""The reference page reader: a pdfplumber page's pdfminer layout -> glyph dicts and shapes.

In: a pdfplumber `Page` (opened by `reading`, without layout analysis). Out: `PlumberPage`:
the page's glyphs as the same small dicts the pdfium reader gives (text, x0, x1, top,
bottom, size, fontname, upright: the only keys the rest of the parser reads), its ruling
lines, rectangles and curves as pdfplumber's dicts, and the area its images cover.

pdfplumber's `page.chars` makes a pdfminer `LTChar` of every glyph and then a dict of ~20
resolved attributes (colours, matrix, marked-content tags …); on a text page that is a
third of the reading time. Here the page is interpreted by pdfplumber's own layout device
(`Page.layout`) except that a glyph becomes the parser's dict at once, computed with
pdfminer's and pdfplumber's arithmetic (`LTChar.__init__`, `Page.process_object`: the same
floats). The few other layout objects still go through pdfplumber's `process_object`, so
the shapes are pdfplumber's dicts exactly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from . import content_stream, pdfminer_limits


@dataclass
class PlumberPage:
    chars: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    rects: list[dict] = field(default_factory=list)
    curves: list[dict] = field(default_factory=list)
    image_area: float = 0.0
    bbox: tuple = (0.0, 0.0, 0.0, 0.0)


def read_page(page) -> PlumberPage:
    """The glyphs (in drawing order, which is pdfplumber's order: its depth-first walk of a
    layout tree built in drawing order) and the other objects of `page.layout`, in
    pdfplumber's order (`Page.iter_layout_objects`: containers opened, not kept)."""
    from pdfminer.layout import LTContainer
    from pdfplumber.utils.exceptions import PdfminerException

    out = PlumberPage(bbox=tuple(page.bbox))
    rsrcmgr = page.pdf.rsrcmgr
    device = _device_class()(rsrcmgr, pageno=page.page_number, laparams=None)
    device.glyphs = out.chars
    device.known = {}  # font -> ({code: text}, {code: width}), for this page
    device.height = page.height
    device.mb_x0, device.mb_top = page.mediabox[:2]
    try:  # as `Page.layout` does
        content_stream.interpreter_class()(rsrcmgr, device).process_page(page.page_obj)
    except Exception as e:
        raise PdfminerException(e) from e
    others: dict[str, list[dict]] = {"line": out.lines, "rect": out.rects, "curve": out.curves}
    image_area = 0.0
    todo = [iter(device.get_result()._objs)]
    while todo:
        for obj in todo[-1]:
            if isinstance(obj, LTContainer):
                todo.append(iter(obj._objs))
                break
            attr = page.process_object(obj)
            kind = attr["object_type"]
            if kind == "image":
                image_area += float(attr["width"] * attr["height"])
            elif kind in others:
                others[kind].append(attr)
        else:
            todo.pop()
    out.image_area = image_area
    return out


_DEVICE: list[type] = []


def _device_class() -> type:
    """pdfplumber's layout device, whose `render_char` appends the parser's glyph dict to
    `self.glyphs` instead of an `LTChar` to the layout (made once: pdfminer is imported late)."""
    if _DEVICE:
        return _DEVICE[0]
    from pdfminer.layout import LTChar
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent, fix_fontname_bytes

    count_glyph = pdfminer_limits.count_glyph
    device_log = logging.getLogger("pdfminer.pdfdevice")

    class GlyphDevice(PDFPageAggregatorWithMarkedContent):
        glyphs: list[dict]
        known: dict
        height: float
        mb_x0: float
        mb_top: float

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
            count_glyph()  # the page's glyph bound, as for pdfminer's own `render_char`
            # pdfminer's `PDFLayoutAnalyzer.render_char`
            try:
                text = font.to_unichr(cid)
                assert isinstance(text, str), str(type(text))
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            textwidth = font.char_width(cid)
            if font.is_vertical():  # rare: pdfminer's own object
                item = LTChar(
                    matrix, font, fontsize, scaling, rise, text, textwidth, font.char_disp(cid), ncs, graphicstate
                )
                self._glyph(text, item.fontname, item.x0, item.y0, item.x1, item.y1, item.size, item.upright)
                return item.adv
            # `LTChar.__init__` for a horizontal font, `apply_matrix_rect` written out
            adv = textwidth * fontsize * scaling
            descent = font.get_descent() * fontsize
            by0, by1 = descent + rise, descent + rise + fontsize
            (a, b, c, d, e, f) = matrix
            upright = a * d * scaling > 0 and b * c <= 0
            left1, bottom1 = a * 0 + c * by0 + e, b * 0 + d * by0 + f
            right1, bottom2 = a * adv + c * by0 + e, b * adv + d * by0 + f
            right2, top1 = a * adv + c * by1 + e, b * adv + d * by1 + f
            left2, top2 = a * 0 + c * by1 + e, b * 0 + d * by1 + f
            x0, y0 = min(left1, left2, right1, right2), min(bottom1, bottom2, top1, top2)
            x1, y1 = max(left1, left2, right1, right2), max(bottom1, bottom2, top1, top2)
            self._glyph(text, font.fontname, x0, y0, x1, y1, y1 - y0, upright)
            return adv

        def render_string_horizontal(
            self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise, dxscale, ncs, graphicstate
        ):
            """pdfminer's `PDFTextDevice.render_string_horizontal` with `render_char` above
            written into its loop: the same floats in the same order, the box corners' parts
            that do not move along the string computed once, a font's text and width of a
            code looked up once per device."""
            (x, y) = pos
            needcharspace = False
            (a, b, c, d, e, f) = matrix
            known = self.known.get(font)
            if known is None:
                known = self.known[font] = ({}, {})
            texts, widths = known
            descent = font.get_descent() * fontsize
            by0, by1 = descent + rise, descent + rise + fontsize
            upright = a * d * scaling > 0 and b * c <= 0
            # LTChar's corners: left1 = a * 0 + c * by0 + e' … with e', f' the glyph's origin
            l1, b1, l2, t2 = a * 0 + c * by0, b * 0 + d * by0, a * 0 + c * by1, b * 0 + d * by1
            cb0, db0, cb1, db1 = c * by0, d * by0, c * by1, d * by1
            yc, yd = y * c, y * d  # `translate_matrix(matrix, (x, y))`
            fontname = font.fontname
            if isinstance(fontname, bytes):  # pragma: no cover  # rare byte-encoded names
                fontname = fix_fontname_bytes(fontname)
            height, mb_x0, mb_top, append = self.height, self.mb_x0, self.mb_top, self.glyphs.append
            for obj in seq:
                if isinstance(obj, (int, float)):
                    x -= obj * dxscale
                    needcharspace = True
                elif isinstance(obj, bytes):
                    for cid in font.decode(obj):
                        if needcharspace:
                            x += charspace
                        e2, f2 = x * a + yc + e, x * b + yd + f
                        count_glyph()
                        text = texts.get(cid)
                        if text is None:
                            text = texts[cid] = self._text(font, cid)
                        textwidth = widths.get(cid)
                        if textwidth is None:
                            textwidth = widths[cid] = font.char_width(cid)
                        adv = textwidth * fontsize * scaling
                        left1, bottom1 = l1 + e2, b1 + f2
                        right1, bottom2 = a * adv + cb0 + e2, b * adv + db0 + f2
                        right2, top1 = a * adv + cb1 + e2, b * adv + db1 + f2
                        left2, top2 = l2 + e2, t2 + f2
                        x0, y0 = min(left1, left2, right1, right2), min(bottom1, bottom2, top1, top2)
                        x1, y1 = max(left1, left2, right1, right2), max(bottom1, bottom2, top1, top2)
                        if mb_x0 != 0:
                            x0, x1 = x0 + mb_x0, x1 + mb_x0
                        append(
                            {
                                "text": text,
                                "x0": x0,
                                "x1": x1,
                                "top": (height - y1) + mb_top,
                                "bottom": (height - y0) + mb_top,
                                "size": y1 - y0,
                                "fontname": fontname,
                                "upright": upright,
                            }
                        )
                        x += adv
                        if cid == 32 and wordspace:
                            x += wordspace
                        needcharspace = True
                else:
                    device_log.warning(
                        "Cannot render horizontal string because %r is not a valid int, float or bytes.", obj
                    )
            return (x, y)

        def _text(self, font, cid) -> str:
            try:
                text = font.to_unichr(cid)
                assert isinstance(text, str), str(type(text))
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            return text

        def _glyph(self, text, fontname, x0, y0, x1, y1, size, upright) -> None:
            # pdfplumber's `Page.process_object` for the keys read downstream (unicode_norm: None)
            if isinstance(fontname, bytes):  # pragma: no cover  # rare byte-encoded names
                fontname = fix_fontname_bytes(fontname)
            if self.mb_x0 != 0:
                x0, x1 = x0 + self.mb_x0, x1 + self.mb_x0
            height, mb_top = self.height, self.mb_top
            self.glyphs.append(
                {
                    "text": text,
                    "x0": x0,
                    "x1": x1,
                    "top": (height - y1) + mb_top,
                    "bottom": (height - y0) + mb_top,
                    "size": size,
                    "fontname": fontname,
                    "upright": upright,
                }
            )

    _DEVICE.append(GlyphDevice)
    return GlyphDevice
