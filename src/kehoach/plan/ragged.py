"""Rows of a ragged table (rebuilt from broken text) put back under their columns.

A row rebuilt from text whose cells were cut apart (see ``parsers/text/pipe_rows``) may lack
cells: an empty row number the copy left out, a cell emptied by a vertical merge. Its cells
are still in order, so only where the gaps are is unknown. Two pieces of evidence place
them, read against the header's column roles:

- a first cell that is no row number under a number column is the content: the number
  cell is the one missing ("| Nghị quyết … | Ban … |" under "| TT | Tên văn bản | …");
- a short cell that reads as a time ("trước ngày 10/01/2025", "Quý II/2025") belongs to
  the time column: the cells between it and the content fill the columns left of it, in
  order, and the columns they do not reach stay empty.
"""

from __future__ import annotations

from .. import fastre as re
from ..blocks import Cell, Table
from .timeline import parse_timeline
from .units import looks_like_unit

_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVXLC]{1,6}\.?)$")
MAX_TIME_CELL = 200  # a time cell is short; a long cell mentioning a year is a dossier or a note


def _time_like(text: str) -> bool:
    if not text or len(text) > MAX_TIME_CELL or looks_like_unit(text):
        return False
    tl = parse_timeline(text)
    return tl is not None and tl.kind != "unknown"


def fit_ragged_rows(table: Table, roles: dict[int, str], header_rows: int) -> None:
    """Move the cells of each short data row of a ragged table under their columns (in place)."""
    if not table.ragged:
        return
    width = (
        max(len(table.rows[r].cells) for r in range(min(header_rows, len(table.rows)))) if header_rows else table.width
    )
    c_num = next((c for c, r in roles.items() if r == "number"), None)
    c_content = next((c for c, r in roles.items() if r == "content"), None)
    c_time = next((c for c, r in roles.items() if r == "time"), None)
    for row in table.rows[header_rows:]:
        cells = list(row.cells)
        while cells and cells[-1].empty:
            cells.pop()
        filled = [c for c in cells if not c.empty]
        if len(filled) < 2 or len(cells) >= width:
            continue  # a group row, or a row with all its cells
        if c_num == 0 and c_content == 1 and not _ROW_NUMBER.match(cells[0].text.strip("*_ .")) and not cells[0].empty:
            cells.insert(0, Cell())  # the empty number cell the copy left out
        if c_time is not None and c_content is not None and len(cells) < width:
            at = next((i for i in range(c_content + 1, len(cells)) if _time_like(cells[i].text)), None)
            if at is not None and at < c_time:
                cells[at:at] = [Cell() for _ in range(c_time - at)]
        row.cells = (cells + [Cell() for _ in range(width)])[: max(width, len(cells))]
