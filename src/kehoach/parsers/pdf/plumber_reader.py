"""The reference page reader: a pdfplumber page's pdfminer layout -> glyph dicts and shapes.

In: a pdfplumber `Page` (opened by `reading`). Out: `PlumberPage`: the page's glyphs as the
same small dicts the pdfium reader gives (text, x0, x1, top, bottom, size, fontname,
upright: the only keys the rest of the parser reads), its ruling lines, rectangles and
curves as pdfplumber's dicts, and the area its images cover.

pdfplumber's `page.chars` turns every pdfminer `LTChar` into a dict of ~20 resolved
attributes (colours, matrix, marked-content tags …); on a text page that is a quarter of
the reading time. Here the glyphs' dicts are built straight from the `LTChar`s with
pdfplumber's own arithmetic (same floats); the few other layout objects still go through
pdfplumber's `process_object`, so the shapes are pdfplumber's dicts exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PlumberPage:
    chars: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    rects: list[dict] = field(default_factory=list)
    curves: list[dict] = field(default_factory=list)
    image_area: float = 0.0
    bbox: tuple = (0.0, 0.0, 0.0, 0.0)


def read_page(page) -> PlumberPage:
    """The objects of `page.layout` in pdfplumber's order (`Page.iter_layout_objects`: depth
    first, containers opened, not kept: the file is opened without layout analysis)."""
    from pdfminer.layout import LTChar, LTContainer
    from pdfplumber.page import fix_fontname_bytes

    out = PlumberPage(bbox=tuple(page.bbox))
    append = out.chars.append
    others: dict[str, list[dict]] = {"line": out.lines, "rect": out.rects, "curve": out.curves}
    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    image_area = 0.0
    todo = [iter(page.layout._objs)]
    while todo:
        for obj in todo[-1]:
            if isinstance(obj, LTChar):
                # pdfplumber's `process_object` for the keys read downstream (unicode_norm: None)
                fontname = obj.fontname
                if isinstance(fontname, bytes):  # pragma: no cover  # rare byte-encoded names
                    fontname = fix_fontname_bytes(fontname)
                x0, x1 = obj.x0, obj.x1
                if mb_x0 != 0:
                    x0, x1 = x0 + mb_x0, x1 + mb_x0
                append(
                    {
                        "text": obj.get_text(),
                        "x0": x0,
                        "x1": x1,
                        "top": (height - obj.y1) + mb_top,
                        "bottom": (height - obj.y0) + mb_top,
                        "size": obj.size,
                        "fontname": fontname,
                        "upright": obj.upright,
                    }
                )
            elif isinstance(obj, LTContainer):
                todo.append(iter(obj._objs))
                break
            else:
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
