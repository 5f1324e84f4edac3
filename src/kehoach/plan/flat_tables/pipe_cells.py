"""Shape 1 of a flattened table: pipe cells. A lone "|" line stands between cells and "|" "|"
between rows ("|", "STT", "|", "NHIỆM VỤ", "|", …); the first row is the header.
In: the blocks and the index of a body paragraph. Out: the rebuilt table, or None."""

from __future__ import annotations

from ... import fastre as re
from ...blocks import Block, Cell, Paragraph, Row
from ...vntext import clean
from ..columns import role_of
from .common import ROW_NUMBER, TOTAL, Rebuilt, header_of, joined_cell, line_no, report_unread, table_block

_PIPE = "|"
_LABEL_CELL = re.compile(r"^[\p{L}][\p{L} -]{1,29}:$")


def pipe_table(blocks: list[Block], i: int) -> Rebuilt | None:
    para = blocks[i]
    assert isinstance(para, Paragraph)
    lines = [ln.strip() for ln in para.lines]
    if _PIPE not in lines or lines.count(_PIPE) < 4:
        return None
    start = lines.index(_PIPE)
    # the paragraph may run on into the next ones (a blank line inside a cell)
    taken = 1
    all_lines = list(lines)
    while _continues_pipes(blocks, i + taken):
        all_lines.extend(_pipe_lines(blocks[i + taken]) or [])  # a body paragraph: _continues_pipes says so
        taken += 1
    segments: list[tuple[int, list[str]]] = []  # (index of the first line, lines) between pipes
    current: list[str] = []
    seg_at = start + 1
    for k in range(start + 1, len(all_lines)):
        if all_lines[k] == _PIPE:
            segments.append((seg_at, current))
            current, seg_at = [], k + 1
        elif all_lines[k].strip("*_ .…"):  # "** **": an empty bold cell; "…......": a dotted filler, no text
            current.append(all_lines[k])
    trailing = current  # text after the last pipe: not part of the table
    # the header row: segments up to the first empty one
    head_end = next((n for n, (_, s) in enumerate(segments) if not s), len(segments))
    header = header_of([" ".join(s) for _, s in segments[:head_end]])
    if header is None:
        report_unread([" ".join(s) for _, s in segments[:head_end]], para)
        return None
    width = len(header.texts)
    rows: list[list[list[str]]] = []
    rows_at: list[int | None] = []
    row: list[list[str]] = []
    for n in range(head_end + 1, len(segments)):
        at, seg = segments[n]
        if not seg:
            nxt = next((s for _, s in segments[n + 1 :] if s), None)
            boundary = len(row) >= width or (
                nxt is not None
                and (
                    len(nxt) == 1
                    and ROW_NUMBER.match(nxt[0].strip("*_ "))
                    or TOTAL.match(nxt[0].strip("*_ "))
                    or (len(row) >= 2 and len(" ".join(nxt)) <= 40 and role_of(" ".join(nxt)) is not None)
                )
            )
            if not row:
                continue
            if boundary:
                rows.append(row)
                row = []
                continue
            row.append([])
            continue
        if not row:
            rows_at.append(line_no(para, at) if at < len(lines) else para.prov.line)
        row.append(joined_cell(seg))
    if row:
        rows.append(row)
    if not rows:
        return None
    lead: list[Block] = []
    if start > 0:
        lead.append(
            Paragraph(
                text=clean(" ".join(lines[:start])),
                lines=[clean(x) for x in lines[:start]],
                prov=para.prov,
                bold=para.bold,
            )
        )
    rows = [_fit(r, width) for r in rows]
    if header.roles.get(0) == "number":
        # "**Địa chỉ:** | 17 Nguyễn Gia Thiều … | **Điện thoại:** | …": the web page's footer read on after the
        # table, label and value in turn where the row number should stand: not a row of the table
        keep = [n for n, r in enumerate(rows) if not (r and _LABEL_CELL.match(" ".join(r[0]).strip("*_ ")))]
        rows_at = [rows_at[n] for n in keep if n < len(rows_at)] if len(keep) < len(rows) else rows_at
        rows = [rows[n] for n in keep]
        if not rows:
            return None
    table = table_block(header, rows, para, rows_at)
    for table_row in table.rows[1:]:
        _right_align(table_row, width)
    tail: list[Block] = []
    if trailing:  # text after the last "|": not a cell, given back as a paragraph
        tail.append(Paragraph(text=clean(" ".join(trailing)), lines=[clean(x) for x in trailing], prov=para.prov))
    return lead, table, taken, tail


def _pipe_lines(block: Block | None) -> list[str] | None:
    if not isinstance(block, Paragraph) or block.role != "body":
        return None
    return [x.strip() for x in block.lines]


def _continues_pipes(blocks: list[Block], j: int) -> bool:
    """Does paragraph j carry on the pipe table above it? (A list item in a cell starts a paragraph.)"""
    lines = _pipe_lines(blocks[j]) if j < len(blocks) else None
    if not lines:
        return False
    if _PIPE in lines:
        if lines[0] != _PIPE:
            return True  # the rest of an open cell, then more cells
        return not _is_new_header(lines)
    nxt = _pipe_lines(blocks[j + 1]) if j + 1 < len(blocks) else None
    return nxt is not None and _PIPE in nxt and nxt[0] != _PIPE


def _is_new_header(lines: list[str]) -> bool:
    """The first row of these pipe lines names task-table columns: a new table starts."""
    cells: list[str] = []
    current: list[str] = []
    for ln in lines[1:]:
        if ln == _PIPE:
            if not current:
                break
            cells.append(" ".join(current))
            current = []
        else:
            current.append(ln)
    return header_of(cells) is not None


def _right_align(row: Row, width: int) -> None:
    """A short row that does not start with a row number lacks its leading cells (spanned from
    the row above in the source, left out by the copy): its cells are the last ones."""
    filled = [c for c in row.cells if not c.empty]
    first = row.cells[0].text.strip("*_ ") if row.cells else ""
    n = len(filled)
    if not filled or n >= width or ROW_NUMBER.match(first) or TOTAL.match(first) or n < 2:
        return
    if any(c.empty for c in row.cells[:n]):
        return
    row.cells = [Cell(merged_up=True) for _ in range(width - n)] + row.cells[:n]


def _fit(cells: list[list[str]], width: int) -> list[list[str]]:
    """A row with more cells than columns: the extra ones are glued to the last column."""
    if len(cells) <= width:
        return cells
    return cells[: width - 1] + [[ln for c in cells[width - 1 :] for ln in c]]
