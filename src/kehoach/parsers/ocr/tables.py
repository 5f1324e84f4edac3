"""Ruled tables on a scanned page: find the ruling lines, build the grid, fill it with OCR words.

Only Pillow is used. The page is binarised; squeezing it 8× along one axis turns a ruling
line into a long run of dark pixels in one row (or column) while text stays short runs,
so lines are found with a byte regex per row. Horizontal and vertical segments that
cross are grouped; a group with at least two of each is a table. Its grid comes from the
distinct line positions; a missing stretch of a border between two grid cells is a merge
(horizontal: `span`; vertical: `merged_up`), as the neutral block model wants it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

import regex as re

SQUEEZE = 8  # pixels averaged into one along the line direction
INK = 150  # a grey level below this is ink
MIN_LINE_PX = 240  # a horizontal rule is at least this long (≈ 2 cm at 300 dpi)
MIN_VLINE_PX = 64  # a vertical rule: taller than any letter, as short as one row
MERGE_PX = 10  # line positions closer than this are one line
MIN_CELL_PX = 25  # rows and columns are at least this wide
TOUCH_PX = 14  # how far a segment may stop short of the line it meets


@dataclass
class Segment:
    pos: int  # y of a horizontal line, x of a vertical one
    start: int  # x0 (horizontal) or y0 (vertical)
    end: int


@dataclass
class Grid:
    xs: list[int]
    ys: list[int]
    horizontal: list[Segment] = field(default_factory=list)
    vertical: list[Segment] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def has_h(self, y: int, x: float) -> bool:
        """A horizontal line at grid position `y` passes over x."""
        return any(abs(s.pos - y) <= MERGE_PX and s.start - TOUCH_PX <= x <= s.end + TOUCH_PX for s in self.horizontal)

    def has_v(self, x: int, y: float) -> bool:
        return any(abs(s.pos - x) <= MERGE_PX and s.start - TOUCH_PX <= y <= s.end + TOUCH_PX for s in self.vertical)


_TO_BITS = bytes(49 if v >= 170 else 48 for v in range(256))  # b"1" where mostly ink


def _runs(image, min_len: int) -> list[Segment]:
    """Long dark runs along the rows of a squeezed, inverted (ink = bright) image."""
    width, height = image.size
    data = image.tobytes()
    pattern = re.compile(rb"1{%d,}" % max(1, min_len))
    found: list[Segment] = []
    for row in range(height):
        bits = data[row * width : (row + 1) * width].translate(_TO_BITS)
        for m in pattern.finditer(bits):
            found.append(Segment(row, m.start(), m.end()))
    return found


def _merge(segments: list[Segment], scale: int) -> list[Segment]:
    """Rows of one thick line -> one segment (in page pixels)."""
    segments = sorted(segments, key=lambda s: (s.pos, s.start))
    merged: list[Segment] = []
    for seg in segments:
        seg = Segment(seg.pos, seg.start * scale, seg.end * scale)
        for other in merged:
            if abs(other.pos - seg.pos) <= MERGE_PX and seg.start <= other.end and other.start <= seg.end:
                other.start, other.end = min(other.start, seg.start), max(other.end, seg.end)
                break
        else:
            merged.append(seg)
    return merged


def ruling_lines(gray) -> tuple[list[Segment], list[Segment]]:
    """(horizontal, vertical) ruling lines of a greyscale page image, in page pixels."""
    from PIL import Image, ImageOps

    ink = ImageOps.invert(gray.point(lambda v: 0 if v < INK else 255))  # ink bright
    width, height = ink.size
    flat = ink.resize((max(1, width // SQUEEZE), height), Image.Resampling.BOX)
    tall = ink.resize((width, max(1, height // SQUEEZE)), Image.Resampling.BOX).transpose(Image.Transpose.ROTATE_90)
    horizontal = _merge(_runs(flat, MIN_LINE_PX // SQUEEZE), SQUEEZE)
    # ROTATE_90 turns columns into rows; row index r is x = width - 1 - r
    vertical_raw = _runs(tall, MIN_VLINE_PX // SQUEEZE)
    vertical = _merge([Segment(width - 1 - s.pos, s.start, s.end) for s in vertical_raw], 1)
    vertical = [Segment(s.pos, s.start * SQUEEZE, s.end * SQUEEZE) for s in vertical]
    return horizontal, vertical


def _cluster(values: list[int]) -> list[int]:
    out: list[int] = []
    for v in sorted(values):
        if out and v - out[-1] <= MERGE_PX:
            continue
        out.append(v)
    return out


def find_grids(gray) -> list[Grid]:
    """Tables on the page: groups of crossing ruling lines with at least 2 of each kind."""
    horizontal, vertical = ruling_lines(gray)
    width, height = gray.size
    edge = 12  # the scanner's dark page edges are not rules
    horizontal = [h for h in horizontal if edge < h.pos < height - edge]
    vertical = [v for v in vertical if edge < v.pos < width - edge]
    items = [("h", s) for s in horizontal] + [("v", s) for s in vertical]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (ki, si) in enumerate(items):
        if ki != "h":
            continue
        for j, (kj, sj) in enumerate(items):
            if kj != "v":
                continue
            if (
                si.start - TOUCH_PX <= sj.pos <= si.end + TOUCH_PX
                and sj.start - TOUCH_PX <= si.pos <= sj.end + TOUCH_PX
            ):
                parent[find(i)] = find(j)
    groups: dict[int, list[tuple[str, Segment]]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    grids = []
    for members in groups.values():
        hs = [s for k, s in members if k == "h"]
        vs = [s for k, s in members if k == "v"]
        if len(hs) < 2 or len(vs) < 2:
            continue
        ys = _cluster([s.pos for s in hs])
        xs = _cluster([s.pos for s in vs])
        if len(ys) < 2 or len(xs) < 2:
            continue
        # a filled dark area (a scanner shadow) reads as many lines a few pixels apart
        if min(b - a for a, b in pairwise(ys)) < MIN_CELL_PX or min(b - a for a, b in pairwise(xs)) < MIN_CELL_PX:
            continue
        grids.append(Grid(xs=xs, ys=ys, horizontal=hs, vertical=vs))
    grids.sort(key=lambda g: g.ys[0])
    return grids


def cell_layout(grid: Grid) -> list[list[tuple[int, int, int, bool]]]:
    """Per grid row: (row, first column, span, merged_up) for each cell that starts there."""
    rows = []
    for r in range(len(grid.ys) - 1):
        y_mid = (grid.ys[r] + grid.ys[r + 1]) / 2
        cells = []
        c = 0
        while c < len(grid.xs) - 1:
            span = 1
            while c + span < len(grid.xs) - 1 and not grid.has_v(grid.xs[c + span], y_mid):
                span += 1
            x_mid = (grid.xs[c] + grid.xs[c + span]) / 2
            merged_up = r > 0 and not grid.has_h(grid.ys[r], x_mid)
            cells.append((r, c, span, merged_up))
            c += span
        rows.append(cells)
    return rows


def locate(grid: Grid, x: float, y: float) -> tuple[int, int] | None:
    """Grid (row, column) of a point inside the table, else None."""
    x0, y0, x1, y1 = grid.bbox
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return None
    r = max(i for i, v in enumerate(grid.ys[:-1]) if v <= y)
    c = max(i for i, v in enumerate(grid.xs[:-1]) if v <= x)
    return r, c


def erase_rules(gray, grids: list[Grid], pad: int = 6):
    """A copy of the page with the grids' ruling lines painted white."""
    from PIL import ImageDraw

    clean = gray.copy()
    draw = ImageDraw.Draw(clean)
    for grid in grids:
        for seg in grid.horizontal:
            draw.rectangle([seg.start - 2, seg.pos - pad, seg.end + 2, seg.pos + pad], fill=255)
        for seg in grid.vertical:
            draw.rectangle([seg.pos - pad, seg.start - 2, seg.pos + pad, seg.end + 2], fill=255)
    return clean
