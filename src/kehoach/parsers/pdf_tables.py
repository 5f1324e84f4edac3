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

from .pdf_lines import Line, group_lines

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
CELL_PADDING_MAX = 6.0        # points: a cell's inner margin is at most this (Word's default is 5.4)
COLUMN_TOLERANCE = 4.0        # points: two pieces share a column layout when edges agree this well

_MARKER_RE = re.compile(r"^(?:[-–+•*▪●○]|\(?\d{1,2}[.)]|[a-zđ]\)|\(\d+\)|[IVXLC]+\.)\s")
_NUMBER_HEAD_RE = re.compile(r"^(?:s[ốo]\s*)?(?:stt|tt)\.?$", re.I)
_NUMBERISH_RE = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]?$", re.I)


@dataclass
class FragCell:
    lines: list[str] = field(default_factory=list)
    span: int = 1
    merged_up: bool = False
    bold: float = 0.0
    room: bool = True         # the text ends well above the cell's bottom (so it cannot go on overleaf)
    tail: float = 0.0         # free width after the last line (a next word narrower than this would have fit)
    first_w: float = 0.0      # width of the first word
    size: float = 0.0
    nlines: int = 0           # visual lines

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
    col_edges: list[float]            # x of each column boundary, left to right
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
    if len(values) == 4:                       # CMYK: white is no ink
        return all(v <= 0.05 for v in values)
    return bool(values) and all(v >= 0.95 for v in values)


def _invisible(obj: dict) -> bool:
    """A rectangle that draws nothing a reader sees: white background boxes behind text."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return False
    return not obj.get("fill") or _white(obj.get("non_stroking_color"))


def ruling_grid(page) -> int:
    """How many crossings the page's ruling lines can make: distinct horizontal positions
    times distinct vertical ones (snapped like the finder does). pdfplumber's cell search
    grows much faster than that count (a 100 x 100 grid takes minutes), so the caller
    reads a page whose grid is past `limits.PDF_TABLE_GRID` without looking for tables."""
    rows: set[int] = set()
    cols: set[int] = set()
    step = TABLE_SETTINGS["snap_tolerance"]
    for obj in (*page.lines, *(r for r in page.rects if not _invisible(r))):
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
    tables = []
    for tb in page.find_tables(TABLE_SETTINGS):
        xs = {round(c[0], 1) for c in tb.cells}
        if len(xs) < MIN_COLUMNS or not tb.rows:
            continue
        tables.append(tb)
    return tables


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


def _chars_by_cell(tb, chars: list[dict]) -> dict[tuple, list[dict]]:
    """Assign each glyph to the (smallest) cell that contains its centre."""
    cells = sorted(tb.cells, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    out: dict[tuple, list[dict]] = {}
    x0, top, x1, bottom = tb.bbox
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        for b in cells:
            if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
                out.setdefault(_key(b), []).append(ch)
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
        if paras and not _cell_break(paras[-1][-1], ln, right, width):
            paras[-1].append(ln)
        else:
            paras.append([ln])
    total = sum(len(ln.text) for ln in lines) or 1
    from .pdf_layout import join_lines   # local import: layout imports nothing from here

    last = lines[-1]
    return FragCell(
        lines=[join_lines([ln.text for ln in p]) for p in paras],
        span=span,
        bold=sum(ln.bold * len(ln.text) for ln in lines) / total,
        room=bbox[3] - last.bottom > 1.2 * last.size,
        tail=width - (last.x1 - last.x0),
        first_w=lines[0].first_word_w,
        size=last.size,
        nlines=len(lines),
    )


def _cell_break(prev: Line, line: Line, right: float, width: float) -> bool:
    """True when `line` starts a new paragraph in its cell rather than continuing `prev`."""
    if _MARKER_RE.match(line.text):
        return True
    if line.top - prev.bottom > 0.8 * max(prev.size, line.size):
        return True
    space = 0.25 * prev.size
    centered = abs((prev.x0 + prev.x1) / 2 - (right - width / 2)) < 2 and prev.x1 < right - 2
    if centered:
        return (prev.x1 - prev.x0) + space + line.first_word_w < width - 2
    return prev.x1 + space + line.first_word_w < right - 2


# ---------------------------------------------------------------- joining pieces


def same_layout(a: TableFrag, b: TableFrag) -> bool:
    """Two pieces continue each other when their column edges agree (page widths equal)."""
    if a.ncols != b.ncols or abs(a.page_width - b.page_width) > 1:
        return False
    return all(abs(x - y) <= COLUMN_TOLERANCE for x, y in zip(a.col_edges, b.col_edges))


def _row_key(row: FragRow) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", " ", c.text).casefold() for c in row.cells)


def number_column(frags: list[TableFrag]) -> int | None:
    """Index of the STT/TT column: by its header, or a first column of short numbers."""
    first = frags[0].rows
    for row in first[:2]:
        for i, cell in enumerate(row.cells[:2]):
            if _NUMBER_HEAD_RE.match(cell.text.strip()):
                return i
    values = [r.cells[0].text for f in frags for r in f.rows[1:] if r.cells and r.cells[0].span == 1]
    values = [v for v in values if v]
    if values and sum(1 for v in values if _NUMBERISH_RE.match(v)) >= 0.8 * len(values):
        return 0
    return None


def header_rows(frag: TableFrag) -> int:
    """How many leading rows may be a header: the first row, then bold rows or a row of column
    numbers "(1) (2) (3)" — never a group row spanning the table or a task row."""
    n = 0
    for row in frag.rows[:3]:
        texts = [c.text for c in row.cells]
        if len(row.cells) < 2:
            break
        numbers = [re.sub(r"[()\s.]", "", t) for t in texts]
        column_numbers = all(x.isdigit() for x in numbers) and [int(x) for x in numbers] == list(
            range(int(numbers[0]), int(numbers[0]) + len(numbers))) if all(numbers) else False
        bold = all(c.bold >= 0.9 for c in row.cells if c.text)
        if n == 0 or column_numbers or bold:
            n += 1
        else:
            break
    return n


def mark_repeated_headers(rows: list[FragRow], n_header: int) -> None:
    """A row that repeats the header inside the table body (kept as the source has it) is a header row."""
    keys = {_row_key(r) for r in rows[:n_header] if any(c.text for c in r.cells)}
    repeated = False
    for row in rows[n_header:]:
        if _row_key(row) in keys:
            row.header = repeated = True
    if repeated:
        for row in rows[:n_header]:
            if _row_key(row) in keys:
                row.header = True


def table_rows(frags: list[TableFrag]) -> list[FragRow]:
    """The rows of a table from its pieces on consecutive pages (one piece or more)."""
    rows = join_fragments(frags) if len(frags) > 1 else list(frags[0].rows)
    mark_repeated_headers(rows, header_rows(frags[0]))
    return rows


def join_fragments(frags: list[TableFrag]) -> list[FragRow]:
    """Rows of one table continued over pages: repeated header rows dropped, cut rows glued back."""
    rows: list[FragRow] = list(frags[0].rows)
    num_col = number_column(frags)
    max_header = header_rows(frags[0])
    for frag in frags[1:]:
        incoming = list(frag.rows)
        # a header row repeated at the top of the new page: the same text as the first rows
        k = 0
        while k < min(len(incoming), max_header) and _row_key(incoming[k]) == _row_key(frags[0].rows[k]) \
                and any(c.text for c in incoming[k].cells):
            k += 1
        if k:
            for r in frags[0].rows[:k]:
                r.header = True
            incoming = incoming[k:]
        if incoming and rows:
            first = attach_first_row(rows, incoming[0], num_col)
            incoming = ([first] if first is not None else []) + incoming[1:]
        rows.extend(incoming)
    return rows


def _grid(row: FragRow) -> list[FragCell]:
    """The cell covering each grid column of a row."""
    out: list[FragCell] = []
    for c in row.cells:
        out.extend([c] * c.span)
    return out


def _owner(rows: list[FragRow], col: int) -> FragCell:
    """The cell that holds the text shown at grid column `col` of the last row (a merge's first cell)."""
    cell = _grid(rows[-1])[col]
    for row in reversed(rows[:-1]):
        if not cell.merged_up or row.header:
            break
        grid = _grid(row)
        if col >= len(grid):
            break
        cell = grid[col]
    return cell


def attach_first_row(rows: list[FragRow], row: FragRow, num_col: int | None) -> FragRow | None:
    """Fit the first row of a continuation page onto the rows before it.

    Returns the row to append (maybe with cells turned into merge continuations), or None
    when it was glued back into the rows above. A row cut by the page break leaves its
    number cell empty and carries on, overleaf, the text of the cells that were filled down
    to the break; a cell whose text ended higher up has nothing to carry on, so text under
    it is a genuine sub-row's own product/unit/time (its number and content merged with the
    row above). Text that goes on in a merged cell is given back to that cell even when the
    row is a sub-row.
    """
    prev = rows[-1]
    grid_prev, grid_row = _grid(prev), _grid(row)
    if num_col is None or len(grid_prev) != len(grid_row) or num_col >= len(grid_row):
        return row
    if [c.span for c in prev.cells] != [c.span for c in row.cells] or grid_row[num_col].text:
        return row
    cols = [i for i, c in enumerate(row.cells) if c.text]
    if not cols:
        return None                              # an empty strip of the row above
    starts = [sum(c.span for c in row.cells[:i]) for i in range(len(row.cells))]
    content = next((i for i, st in enumerate(starts) if st == num_col + 1), None)
    strong_cont, strong_fresh, unsure = [], [], []
    for i in cols:
        cell, owner = row.cells[i], _owner(rows, starts[i])
        if not owner.text or owner.room:
            strong_fresh.append(i)    # nothing above could go on overleaf
        elif cell.text[:1].islower():
            strong_cont.append(i)     # a sentence carried over
        else:
            unsure.append(i)
    if not strong_fresh:
        _glue(rows, row, cols, starts)           # a cut row
        return None
    # a row of its own (a sub-row): text under a merged cell, or going on in lower case, or
    # under the (merged) content cell that was full down to the break, goes back up
    back = [i for i in strong_cont + unsure
            if i in strong_cont or i == content or prev.cells[i].merged_up]
    back = [i for i in back if i in strong_cont or _wraps(_owner(rows, starts[i]), row.cells[i])
            or prev.cells[i].merged_up]
    if back:
        _glue(rows, row, back, starts)
        for i in back:
            row.cells[i] = FragCell(span=row.cells[i].span, merged_up=True)
    if content is None or not row.cells[content].text:
        _mark_merged(row, num_col, content)
    return row


def _wraps(owner: FragCell, cell: FragCell) -> bool:
    """The first word of `cell` would not have fit after the last line of `owner`: a wrap."""
    return owner.tail < cell.first_w + 0.25 * (owner.size or 10.0)


def _glue(rows: list[FragRow], row: FragRow, cols: list[int], starts: list[int]) -> None:
    """Append the text of `row`'s cells `cols` to the cells above that hold that column's text."""
    from .pdf_layout import join_lines

    for i in cols:
        b = row.cells[i]
        a = _owner(rows, starts[i])
        if not a.lines:
            a.lines = list(b.lines)
        elif _MARKER_RE.match(b.lines[0]):
            a.lines = a.lines + b.lines
        else:
            a.lines = a.lines[:-1] + [join_lines([a.lines[-1], b.lines[0]])] + b.lines[1:]
        a.bold = max(a.bold, b.bold)
    rows[-1].bottom = row.bottom


def _mark_merged(row: FragRow, num_col: int, content: int | None) -> None:
    """A sub-row at the top of a page: its empty number/content cells continue the merged cells above."""
    starts = [sum(c.span for c in row.cells[:i]) for i in range(len(row.cells))]
    for i, st in enumerate(starts):
        if (st == num_col or i == content) and not row.cells[i].text:
            row.cells[i].merged_up = True


# ---------------------------------------------------------------- debugging


def debug_image(path: str, page_number: int, out: str, resolution: int = 100) -> str:
    """Draw what the table finder sees on one page (edges, intersections, cells) into a PNG.

        python -m kehoach.parsers.pdf_tables plan.pdf 4 page4.png
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
        sys.exit("usage: python -m kehoach.parsers.pdf_tables FILE.pdf PAGE OUT.png")
    print(debug_image(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
