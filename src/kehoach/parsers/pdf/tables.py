"""Ruled tables in a PDF: find them, read their cells, join a table continued over pages.

Finding is pdfplumber's `TableFinder` with the settings in `TABLE_SETTINGS` (the only place
they live). A found table becomes a `TableFrag` (one page's piece): a grid of `FragCell`s
whose text was grouped into lines by `pdf_lines` and into cell paragraphs here. Pieces on
consecutive pages with the same column layout are joined by `join_fragments`, which drops
the header row repeated on each page and glues back a row cut by the page break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from ...vntext import is_full_name, opens_a_name
from .lines import Line, group_lines

# pdfplumber table finder settings: ruled tables only (borderless layout tables are read
# as text columns by the layout code).
TABLE_SETTINGS: dict = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "edge_min_length": 3,
    "intersection_tolerance": 3,
}
MIN_COLUMNS = 2
CELL_PADDING_MAX = 6.0  # points: a cell's inner margin is at most this (Word's default is 5.4)
COLUMN_TOLERANCE = 4.0  # points: two pieces share a column layout when edges agree this well

_MARKER_RE = re.compile(r"^(?:[-–+•*▪●○]|\(?\d{1,2}[.)]|[a-zđ]\)|\(\d+\)|[IVXLC]+\.)\s")
_DASH_START = re.compile(r"^[-–]\s").match


@dataclass
class FragCell:
    lines: list[str] = field(default_factory=list)
    span: int = 1
    merged_up: bool = False
    bold: float = 0.0
    room: bool = True  # the text ends well above the cell's bottom (so it cannot go on overleaf)
    tail: float = 0.0  # free width after the last line (a next word narrower than this would have fit)
    first_w: float = 0.0  # width of the first word
    size: float = 0.0
    drawn: list[str] = field(default_factory=list)  # the visual lines' text (blocks.Cell.drawn)

    @property
    def text(self) -> str:
        return " ".join(x for x in self.lines if x).strip()


@dataclass
class FragRow:
    cells: list[FragCell]
    page: int
    top: float
    bottom: float
    header: bool = False


@dataclass
class TableFrag:
    """One page's piece of a ruled table."""

    rows: list[FragRow]
    page: int
    bbox: tuple[float, float, float, float]
    col_edges: list[float]  # x of each column boundary, left to right
    page_width: float

    @property
    def ncols(self) -> int:
        return len(self.col_edges) - 1


def _white(color) -> bool:
    if color is None:
        return False
    if isinstance(color, (int, float)):
        color = (color,)
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return False
    if len(values) == 4:  # CMYK: white is no ink
        return all(v <= 0.05 for v in values)
    return bool(values) and all(v >= 0.95 for v in values)


def _invisible(obj: dict) -> bool:
    """A rectangle that draws nothing a reader sees: white background boxes behind text."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return False
    return not obj.get("fill") or _white(obj.get("non_stroking_color"))


def ruling_grid(lines: list[dict], rects: list[dict]) -> int:
    """How many crossings the page's ruling lines can make: distinct horizontal positions
    times distinct vertical ones (snapped like the finder does). pdfplumber's cell search
    grows much faster than that count (a 100 x 100 grid takes minutes), so the caller
    reads a page whose grid is past `limits.PDF_TABLE_GRID` without looking for tables."""
    rows: set[int] = set()
    cols: set[int] = set()
    step = TABLE_SETTINGS["snap_tolerance"]
    for obj in (*lines, *(r for r in rects if not _invisible(r))):
        x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
        if obj.get("object_type") == "rect":
            rows.update((round(top / step), round(bottom / step)))
            cols.update((round(x0 / step), round(x1 / step)))
        elif abs(bottom - top) < step:
            rows.add(round(top / step))
        elif abs(x1 - x0) < step:
            cols.add(round(x0 / step))
    return len(rows) * len(cols)


def find_tables(page) -> list:
    """pdfplumber tables with at least `MIN_COLUMNS` columns and one row of real cells.

    Invisible rectangles (white boxes Word draws behind shaded or highlighted text) are no
    ruling lines, so they are filtered out before the finder sees the page's edges."""
    if any(_invisible(r) for r in page.rects):
        page = page.filter(lambda obj: not _invisible(obj))
    return _real_tables(page.find_tables(TABLE_SETTINGS))


def _real_tables(found: list) -> list:
    tables = []
    for tb in found:
        xs = {round(c[0], 1) for c in tb.cells}
        if len(xs) < MIN_COLUMNS or not tb.rows:
            continue
        tables.append(tb)
    return tables


class _Edges:
    """What pdfplumber's `TableFinder` reads of a page (its edges, its box), built from the
    pdfium reader's dicts in the order `Page.edges` has them: lines, rectangles, curves."""

    def __init__(self, lines: list[dict], rects: list[dict], curves: list[dict], bbox: tuple) -> None:
        from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

        self.edges = (
            [line_to_edge(o) for o in lines]
            + [e for o in rects for e in rect_to_edges(o)]
            + [e for o in curves for e in curve_to_edges(o)]
        )
        self.bbox = bbox


def find_tables_in(lines: list[dict], rects: list[dict], curves: list[dict], bbox: tuple) -> list:
    """`find_tables` on shapes read by the pdfium reader (invisible rectangles left out the same way)."""
    from pdfplumber.table import TableFinder

    rects = [r for r in rects if not _invisible(r)]
    edges = _Edges(lines, rects, curves, bbox)  # stands in for a pdfplumber Page (duck-typed)
    return _real_tables(TableFinder(edges, TABLE_SETTINGS).tables)  # type: ignore[arg-type]


def read_table(tb, chars: list[dict], page: int, page_width: float, stats=None) -> TableFrag:
    """Read one pdfplumber table's cells into a `TableFrag` (spans and vertical merges from geometry)."""
    edges = _column_edges(tb)
    rows_out: list[FragRow] = []
    # per column, the cell (bbox) from a row above that still reaches further down
    open_cell: dict[int, tuple] = {}
    cell_chars = _chars_by_cell(tb, chars)
    for row in tb.rows:
        bboxes = [c for c in row.cells if c is not None]
        if not bboxes:
            continue
        row_top = min(b[1] for b in bboxes)
        row_bottom = min(b[3] for b in bboxes)
        by_col = {_col_index(edges, b[0]): b for b in bboxes}
        cells: list[FragCell] = []
        col = 0
        while col < len(edges) - 1:
            bbox = by_col.get(col)
            if bbox is not None:
                span = max(1, _col_index(edges, bbox[2]) - col)
                cells.append(_read_cell(cell_chars.get(_key(bbox), []), bbox, page, span, stats))
                for k in range(col, col + span):
                    if bbox[3] > row_bottom + 1:
                        open_cell[k] = bbox
                    else:
                        open_cell.pop(k, None)
                col += span
                continue
            above = open_cell.get(col)
            if above is not None and above[3] > row_top + 1:
                # the cell of a row above reaches down here: a vertical merge, once per merged cell
                span = max(1, _col_index(edges, above[2]) - col)
                cells.append(FragCell(span=span, merged_up=True))
                col += span
                continue
            cells.append(FragCell())
            col += 1
        rows_out.append(FragRow(cells=cells, page=page, top=row_top, bottom=row_bottom))
    return TableFrag(rows=rows_out, page=page, bbox=tuple(tb.bbox), col_edges=edges, page_width=page_width)


def _key(bbox) -> tuple:
    return tuple(round(v, 2) for v in bbox)


def _column_edges(tb) -> list[float]:
    xs = sorted({round(c[0], 1) for c in tb.cells} | {round(max(c[2] for c in tb.cells), 1)})
    edges: list[float] = []
    for x in xs:
        if not edges or x - edges[-1] > 1.5:
            edges.append(x)
    return edges


def _col_index(edges: list[float], x: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - x))


_BAND = 24.0  # points: cells are indexed by the horizontal bands of this height they reach


def _chars_by_cell(tb, chars: list[dict]) -> dict[tuple, list[dict]]:
    """Assign each glyph to the (smallest) cell that contains its centre.

    The cells, smallest first, are listed per band of the page they reach, so a glyph tries
    only the cells of its band (in the same order: the first that holds it is the same)."""
    cells = sorted(tb.cells, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    bands: dict[int, list] = {}
    for b in cells:
        for k in range(int(b[1] // _BAND), int(b[3] // _BAND) + 1):
            bands.setdefault(k, []).append(b)
    out: dict[tuple, list[dict]] = {}
    keys: dict[int, tuple] = {}  # id of a cell (alive in `cells`) -> its key
    x0, top, x1, bottom = tb.bbox
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        for b in bands.get(int(cy // _BAND), ()):
            if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
                key = keys.get(id(b))
                if key is None:
                    key = keys[id(b)] = _key(b)
                out.setdefault(key, []).append(ch)
                break
    return out


def _read_cell(chars: list[dict], bbox, page: int, span: int, stats) -> FragCell:
    """A cell's text as paragraphs (wrapped lines joined, hard breaks and list items kept apart),
    with the geometry the page-break logic needs (room below, free width after the last line)."""
    lines = group_lines(chars, page, stats)
    if not lines:
        return FragCell(span=span)
    pad = min(max(1.0, min(ln.x0 for ln in lines) - bbox[0]), CELL_PADDING_MAX)
    right = bbox[2] - pad
    width = right - (bbox[0] + pad)
    paras: list[list[Line]] = []
    for ln in lines:
        if paras and not _cell_break(paras[-1][-1], ln, right, width, paras[0][0]):
            paras[-1].append(ln)
        else:
            paras.append([ln])
    total = sum(len(ln.text) for ln in lines) or 1
    from .paragraphs import join_lines  # local import: layout imports nothing from here

    last = lines[-1]
    return FragCell(
        lines=[join_lines([ln.text for ln in p]) for p in paras],
        span=span,
        bold=sum(ln.bold * len(ln.text) for ln in lines) / total,
        room=bbox[3] - last.bottom > 1.2 * last.size,
        tail=width - (last.x1 - last.x0),
        first_w=lines[0].first_word_w,
        size=last.size,
        drawn=[ln.text for ln in lines],
    )


def _cell_break(prev: Line, line: Line, right: float, width: float, first: Line | None = None) -> bool:
    """True when `line` starts a new paragraph in its cell rather than continuing `prev`.

    A dash opens an item, except in a cell whose first line (`first`) has no list mark, after a
    full line that ends no sentence: there the wrap fell before a dash in the text ("Lãnh đạo
    UBND phường Xuân Hương" / "- Đà Lạt")."""
    if line.top - prev.bottom > 0.8 * max(prev.size, line.size):
        return True
    space = 0.25 * prev.size
    # the cell's inner margins and indents are not drawn: a word that would have fit by less
    # than half an em may not have fit the real measure ("Thầy Lê" / "Thanh Cường" in a cell
    # with 12 pt left and 7 pt right margins, read as if they were 6 and 6)
    slack = max(2.0, 0.5 * prev.size)
    centered = abs((prev.x0 + prev.x1) / 2 - (right - width / 2)) < 2 and prev.x1 < right - 2
    if centered:
        fits = (prev.x1 - prev.x0) + space + line.first_word_w < width - slack
    else:
        fits = prev.x1 + space + line.first_word_w < right - slack
    if _MARKER_RE.match(line.text):
        return not (
            _DASH_START(line.text)
            and first is not None
            and not _MARKER_RE.match(first.text)
            and not fits
            and prev.text.rstrip()[-1:].isalnum()
        )
    # people listed one a line ("Đỗ Mạnh Cường" / "Vũ Việt Linh") in a column too narrow to tell
    # their breaks from wraps: a full name, then a line that opens another, are two names
    return fits or (is_full_name(prev.text) and opens_a_name(line.text))


# ---------------------------------------------------------------- debugging


def debug_image(path: str, page_number: int, out: str, resolution: int = 100) -> str:
    """Draw what the table finder sees on one page (edges, intersections, cells) into a PNG.

    python -m kehoach.parsers.pdf.tables plan.pdf 4 page4.png
    """
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        page = pdf.pages[page_number - 1]
        if any(_invisible(r) for r in page.rects):
            page = page.filter(lambda obj: not _invisible(obj))
        page.to_image(resolution=resolution).debug_tablefinder(TABLE_SETTINGS).save(out)
    return out


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 4:
        sys.exit("usage: python -m kehoach.parsers.pdf.tables FILE.pdf PAGE OUT.png")
    print(debug_image(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
