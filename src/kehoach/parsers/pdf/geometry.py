"""Page geometry the layout reads lines against: text margins and the line pitch.

In: the `lines.Line`s of every page. Out: one `PageGeom` per page (its size and the left and
right text margins, read from its long lines or borrowed from pages of the same size) and
the document's `Metrics` (body size, baseline pitch inside paragraphs). No blocks here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .lines import Line

MARGIN_MIN_LINES = 3  # long lines needed to read a page's margins from the page itself


@dataclass
class PageGeom:
    number: int
    width: float
    height: float
    left: float = 0.0  # body text margins found on the page
    right: float = 0.0
    measured: bool = False  # margins read from this page's text or a page of its size (not a guess)

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


@dataclass
class Metrics:
    body_size: float = 12.0
    pitch_em: float = 1.2  # baseline distance inside a paragraph, in ems


def size_by_chars(lines: list[Line]) -> Counter[int]:
    """How many characters of text each (rounded) font size carries, sizes in order of first
    appearance (so `most_common` breaks ties the same way as counting character by character)."""
    sizes: Counter[int] = Counter()
    for ln in lines:
        n = len(ln.text)
        if n:
            key = round(ln.size)
            sizes[key] += n
    return sizes


def page_margins(lines: list[Line], geom: PageGeom) -> bool:
    """Left/right text margins of a page from its long lines of the page's main size.

    Returns False (margins left at 10%/90% of the width) when the page has too few long
    lines to tell; `fill_margins` then borrows them from pages of the same size."""
    sizes = size_by_chars(lines)
    main = sizes.most_common(1)[0][0] if sizes else 0
    body = [ln for ln in lines if abs(ln.size - main) <= 1.5 and len(ln.segs) == 1]
    widest = max((ln.x1 - ln.x0 for ln in body), default=0.0)
    long = [ln for ln in body if ln.x1 - ln.x0 >= 0.6 * widest] if widest else []
    geom.left, geom.right = geom.width * 0.1, geom.width * 0.9
    if len(long) < MARGIN_MIN_LINES or widest < 0.4 * geom.width:
        return False
    xs0 = sorted(ln.x0 for ln in long)
    xs1 = sorted(ln.x1 for ln in long)
    left, right = xs0[len(xs0) // 10], xs1[-1 - len(xs1) // 10]
    if sum(1 for x in xs0 if abs(x - left) < 2) < 2 or sum(1 for x in xs1 if abs(x - right) < 2) < 2:
        return False  # no two lines share an edge: centred titles, not a text block
    geom.left, geom.right, geom.measured = left, right, True
    return True


def fill_margins(pages: list[list[Line]], geoms: list[PageGeom]) -> None:
    """Margins for every page: its own when it has enough text, else those of pages of its size."""
    known = [page_margins(lines, g) for lines, g in zip(pages, geoms, strict=False)]
    for g, ok in zip(geoms, known, strict=False):
        if ok:
            continue
        same = [
            h
            for h, k in zip(geoms, known, strict=False)
            if k and abs(h.width - g.width) < 1 and abs(h.height - g.height) < 1
        ]
        if same:
            lefts = sorted(h.left for h in same)
            rights = sorted(h.right for h in same)
            g.left, g.right, g.measured = lefts[len(lefts) // 2], rights[len(rights) // 2], True


def measure(pages: list[list[Line]], geoms: list[PageGeom], body_size: float) -> Metrics:
    """Typical baseline pitch inside paragraphs: between a full-width line and the next one."""
    ratios: Counter[float] = Counter()
    for lines, g in zip(pages, geoms, strict=False):
        for prev, ln in zip(lines, lines[1:], strict=False):
            if len(prev.segs) > 1 or len(ln.segs) > 1 or abs(prev.size - ln.size) > 0.5:
                continue
            if prev.x1 >= g.right - 0.5 * prev.size and ln.x0 <= g.left + 0.5 * ln.size:
                pitch = ln.bottom - prev.bottom
                if 0.8 * ln.size < pitch < 3 * ln.size:
                    ratios[round(pitch / ln.size, 2)] += 1
    pitch_em = ratios.most_common(1)[0][0] if ratios else 1.2
    return Metrics(body_size=body_size, pitch_em=pitch_em)
