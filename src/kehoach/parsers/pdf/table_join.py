"""A ruled table continued over pages: its pieces joined into one list of rows.

In: the `TableFrag`s of one table on consecutive pages. Out: its `FragRow`s: the header row
repeated at the top of each page dropped (and marked where it repeats mid-table), a row cut
by the page break glued back to the row above, a sub-row's empty number/content cells marked
as merged with the cells above.
"""

from __future__ import annotations

import regex as re

from ...vntext import dash_goes_on
from .tables import _MARKER_RE, COLUMN_TOLERANCE, FragCell, FragRow, TableFrag

_SPACES = re.compile(r"\s+")
_NUMBER_HEAD_RE = re.compile(r"^(?:s[ốo]\s*)?(?:stt|tt)\.?$", re.I)

_REPEATED_ROWS = 3  # leading rows a page may repeat (column names, column numbers, a band)
_NOT_DIGITS = re.compile(r"[()\s.]")  # what a column number "(1)" has besides its digits
_NUMBERISH_RE = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]?$", re.I)


def same_layout(a: TableFrag, b: TableFrag) -> bool:
    """Two pieces continue each other when their column edges agree (page widths equal)."""
    if a.ncols != b.ncols or abs(a.page_width - b.page_width) > 1:
        return False
    return all(abs(x - y) <= COLUMN_TOLERANCE for x, y in zip(a.col_edges, b.col_edges, strict=False))


def _row_key(row: FragRow) -> tuple[str, ...]:
    return tuple(_SPACES.sub(" ", c.text).casefold() for c in row.cells)


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
        numbers = [_NOT_DIGITS.sub("", t) for t in texts]
        column_numbers = (
            all(x.isdigit() for x in numbers)
            and [int(x) for x in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))
            if all(numbers)
            else False
        )
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


def _repeated(frag: TableFrag, first: TableFrag, limit: int) -> int:
    """How many of `frag`'s leading rows repeat `first`'s leading rows word for word (at most `limit`)."""
    k = 0
    while (
        k < min(len(frag.rows), limit, len(first.rows))
        and _row_key(frag.rows[k]) == _row_key(first.rows[k])
        and any(c.text for c in frag.rows[k].cells)
    ):
        k += 1
    return k


def join_fragments(frags: list[TableFrag]) -> list[FragRow]:
    """Rows of one table continued over pages: repeated header rows dropped, cut rows glued back."""
    rows: list[FragRow] = list(frags[0].rows)
    num_col = number_column(frags)
    max_header = header_rows(frags[0])
    # Word's "repeat as header row" may take a band under the column names along ("Buổi sáng
    # (7h00 - 9h00)" across a timetable): rows past the header that every later page repeats
    # word for word are repeated heading rows too. A group row at the top of one page that
    # happens to equal the first one ("I. …" of a list given twice) is not repeated on all.
    limit = min(_REPEATED_ROWS, len(frags[0].rows) - 1)  # a band stands over rows of its own
    repeats = [_repeated(frag, frags[0], max(max_header, limit)) for frag in frags[1:]]
    band_rows = min(min(r, limit) for r in repeats) if max_header else 0
    for frag, repeat in zip(frags[1:], repeats, strict=True):
        incoming = list(frag.rows)
        # the header rows repeated at the top of the new page: the same text as the first rows
        k = min(repeat, max(max_header, band_rows))
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
    if len(grid_prev) != len(grid_row) or (num_col is not None and num_col >= len(grid_row)):
        return row
    if [c.span for c in prev.cells] != [c.span for c in row.cells]:
        return row
    if num_col is not None and grid_row[num_col].text:
        return row
    cols = [i for i, c in enumerate(row.cells) if c.text]
    if not cols:
        return None  # an empty strip of the row above
    starts = [sum(c.span for c in row.cells[:i]) for i in range(len(row.cells))]
    # a numbered row the break cut: even its tallest cell has room below it, since the line that
    # did not fit went overleaf (a finished row's tallest cell reaches its bottom), so that room
    # says nothing of where a cell's text ended
    cut = num_col is not None and all(c.room for c in prev.cells if c.text)
    # ... or, with more leading, its tallest cell full down to the break and going on overleaf
    # in lower case ("… của UBND" / "phường Lâm Viên - Đà Lạt"): then a cell that ended higher
    # up goes on too when its first word overleaf would not have fitted after its last line
    # ("Lãnh đạo UBND phường Lâm" / "Viên - Đà Lạt", "… ngày" / "28 tháng 8"). A sub-row that
    # repeats a full cell's text ("Ban hành kế hoạch …" under itself) is no such sign.
    full_cut = num_col is not None and any(
        (owner := _owner(rows, starts[i])).text and not owner.room and _goes_on(owner.text, row.cells[i].text)
        for i in cols
    )
    strong_cont, strong_fresh, unsure = [], [], []
    for i in cols:
        cell, owner = row.cells[i], _owner(rows, starts[i])
        if owner.text and (_CANNOT_START(cell.text) or _OPEN_END(owner.text)):
            # "/2012" under "Tháng" (no cell's text starts so), "7h15" under "7h00 -" (a range left
            # open): the text goes on, whatever room the cell above had
            strong_cont.append(i)
        elif not owner.text or (owner.room and not cut and not (full_cut and _wraps(owner, cell))):
            strong_fresh.append(i)  # nothing above could go on overleaf
        elif _goes_on(owner.text, cell.text):
            strong_cont.append(i)  # a sentence carried over, or a range ("8h00" / "- 8h30")
        else:
            unsure.append(i)
    if num_col is None:
        # no number column (a timetable: "Thời gian | Nội dung | Phụ trách"): no empty number cell
        # tells a cut row, so the text must: a cell going on in lower case ("an toàn" after "… công
        # cụ học tập số") and none under a cell that ended higher up or was empty; or, with the
        # first column empty overleaf, only text under cells that were full down to the break (a
        # new sentence of the content: "… lần cuối." / "Nhắc nhở về đồng phục …")
        if strong_fresh or not (strong_cont or not grid_row[0].text):
            return row
        _glue(rows, row, cols, starts)
        return None
    if not strong_fresh:
        _glue(rows, row, cols, starts)  # a cut row
        return None
    content = next((i for i, st in enumerate(starts) if st == num_col + 1), None)
    # a row of its own (a sub-row): text under a merged cell, or going on in lower case, or
    # under the (merged) content cell that was full down to the break, goes back up
    back = [i for i in strong_cont + unsure if i in strong_cont or i == content or prev.cells[i].merged_up]
    back = [
        i for i in back if i in strong_cont or _wraps(_owner(rows, starts[i]), row.cells[i]) or prev.cells[i].merged_up
    ]
    if back:
        _glue(rows, row, back, starts)
        for i in back:
            row.cells[i] = FragCell(span=row.cells[i].span, merged_up=True)
    if content is None or not row.cells[content].text:
        _mark_merged(row, num_col, content)
    return row


_CANNOT_START = re.compile(r"[/),.;:%]").match  # a slash or closing mark: no cell's text starts so
_OPEN_END = re.compile(r"\S\s*[-–]$").search  # "7h00 -", "2026 –": a range whose end is overleaf


def _goes_on(above: str, text: str) -> bool:
    """Text overleaf that can only go on from the cell above: in lower case, the dash of a range
    or compound, or a slash or closing mark no text starts with ("Tháng" / "/2012")."""
    return text[:1].islower() or dash_goes_on(above, text) or bool(_CANNOT_START(text))


def _wraps(owner: FragCell, cell: FragCell) -> bool:
    """The first word of `cell` would not have fit after the last line of `owner`: a wrap."""
    return owner.tail < cell.first_w + 0.25 * (owner.size or 10.0)


def _glue(rows: list[FragRow], row: FragRow, cols: list[int], starts: list[int]) -> None:
    """Append the text of `row`'s cells `cols` to the cells above that hold that column's text."""
    from .paragraphs import join_lines

    for i in cols:
        b = row.cells[i]
        a = _owner(rows, starts[i])
        if not a.lines:
            a.lines = list(b.lines)
        elif _MARKER_RE.match(b.lines[0]) or not (b.lines[0][:1].islower() or _wraps(a, b)):
            a.lines = a.lines + b.lines  # a new item, or a line that began overleaf (its first word fitted above)
        else:
            a.lines = a.lines[:-1] + [join_lines([a.lines[-1], b.lines[0]])] + b.lines[1:]
        a.drawn = a.drawn + b.drawn
        a.bold = max(a.bold, b.bold)
    rows[-1].bottom = row.bottom


def _mark_merged(row: FragRow, num_col: int, content: int | None) -> None:
    """A sub-row at the top of a page: its empty number/content cells continue the merged cells above."""
    starts = [sum(c.span for c in row.cells[:i]) for i in range(len(row.cells))]
    for i, st in enumerate(starts):
        if (st == num_col or i == content) and not row.cells[i].text:
            row.cells[i].merged_up = True
