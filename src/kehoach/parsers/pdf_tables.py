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
    covered: bool = False     # covered by a cell to its left (part of a horizontal span)

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


def find_tables(page) -> list:
    """pdfplumber tables with at least `MIN_COLUMNS` columns and one row of real cells."""
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
                lines, bold = _cell_lines(cell_chars.get(_key(bbox), []), bbox, page, stats)
                cells.append(FragCell(lines=lines, span=span, bold=bold))
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


def _cell_lines(chars: list[dict], bbox, page: int, stats) -> tuple[list[str], float]:
    """A cell's text as paragraphs: wrapped lines joined, hard breaks and list items kept apart."""
    lines = group_lines(chars, page, stats)
    if not lines:
        return [], 0.0
    pad = max(0.0, min(ln.x0 for ln in lines) - bbox[0])
    right = bbox[2] - max(pad, 1.0)
    width = right - (bbox[0] + pad)
    paras: list[list[Line]] = []
    for ln in lines:
        if paras and not _cell_break(paras[-1][-1], ln, right, width):
            paras[-1].append(ln)
        else:
            paras.append([ln])
    total = sum(len(ln.text) for ln in lines) or 1
    bold = sum(ln.bold * len(ln.text) for ln in lines) / total
    from .pdf_layout import join_lines   # local import: layout imports nothing from here

    return [join_lines([ln.text for ln in p]) for p in paras], bold


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


def join_fragments(frags: list[TableFrag]) -> list[FragRow]:
    """Rows of one table continued over pages: repeated header rows dropped, cut rows glued back."""
    rows: list[FragRow] = list(frags[0].rows)
    num_col = number_column(frags)
    for frag in frags[1:]:
        incoming = list(frag.rows)
        # a header row repeated at the top of the new page: the same text as the first rows
        k = 0
        while k < len(incoming) and k < len(frags[0].rows) and _row_key(incoming[k]) == _row_key(frags[0].rows[k]) \
                and any(c.text for c in incoming[k].cells):
            k += 1
        if k:
            for r in frags[0].rows[:k]:
                r.header = True
            incoming = incoming[k:]
        if incoming and rows and continues_row(rows[-1], incoming[0], num_col):
            rows[-1] = _glue(rows[-1], incoming[0])
            incoming = incoming[1:]
        elif incoming and rows and num_col is not None:
            _mark_page_merge(rows[-1], incoming[0], num_col)
        rows.extend(incoming)
    return rows


def continues_row(prev: FragRow, row: FragRow, num_col: int | None) -> bool:
    """Is `row` (first on a new page) the rest of `prev`, cut by the page break?

    A cut row leaves its number cell empty and carries on the text of the cells that did not
    fit. A genuine sub-row (number and content merged with the row above) brings its own
    product/unit/time under an empty content cell. So: the number cell must be empty; a cell
    going on in lower case, or any content text, means a cut row; otherwise the row is a
    sub-row when it has self-standing text in at least two columns.
    """
    if num_col is None or num_col >= len(row.cells) or len(prev.cells) != len(row.cells):
        return False
    if any(c.span != d.span for c, d in zip(prev.cells, row.cells)):
        return False
    if row.cells[num_col].text:
        return False
    filled = [i for i, c in enumerate(row.cells) if c.text]
    if not filled:
        return True     # an empty strip of the row: nothing to keep apart
    content_col = num_col + 1 if num_col + 1 < len(row.cells) else None
    fresh = 0
    for i in filled:
        text = row.cells[i].text
        first = text.lstrip("-–+•*( ")[:1]
        if prev.cells[i].text and first.islower():
            return True                       # a sentence carried over
        if i != content_col and (first.isupper() or first.isdigit() or _MARKER_RE.match(text)):
            fresh += 1
    if content_col is not None and row.cells[content_col].text:
        above = prev.cells[content_col].text
        return not (above and re.search(r"[.;:!?]$", above) and fresh >= 2)
    return fresh < 2


def _glue(prev: FragRow, row: FragRow) -> FragRow:
    from .pdf_layout import join_lines

    cells = []
    for a, b in zip(prev.cells, row.cells):
        if not b.lines:
            cells.append(a)
            continue
        if not a.lines:
            cells.append(FragCell(lines=list(b.lines), span=a.span, merged_up=a.merged_up, bold=b.bold))
            continue
        first = b.lines[0]
        if _MARKER_RE.match(first):
            lines = a.lines + b.lines
        else:
            lines = a.lines[:-1] + [join_lines([a.lines[-1], first])] + b.lines[1:]
        cells.append(FragCell(lines=lines, span=a.span, merged_up=a.merged_up, bold=max(a.bold, b.bold)))
    return FragRow(cells=cells, page=prev.page, top=prev.top, bottom=row.bottom, header=prev.header)


def _mark_page_merge(prev: FragRow, row: FragRow, num_col: int) -> None:
    """A sub-row starting a page: its empty number/content cells are the merged cells of the task above."""
    if len(prev.cells) != len(row.cells) or row.cells[num_col].text:
        return
    content_col = num_col + 1
    row.cells[num_col].merged_up = True
    if content_col < len(row.cells) and not row.cells[content_col].text:
        row.cells[content_col].merged_up = True
