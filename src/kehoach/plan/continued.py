"""Tables continued over a page break, joined back into one table, whatever the format.

A text export, a DOCX typed from one, or a PDF page break can leave a task table in
pieces: the second piece repeats the header row (or has none), and its first row may be
the rest of a row the break cut ("thao huyện; - UBND …" under an empty number cell).
Joining here, on blocks, means every format gets the same repair.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from ..blocks import Block, Row, Table
from ..vntext import key
from .columns import header_roles


def row_key(row: Row) -> str:
    """A row compared by its text: repeated header rows are found by this key."""
    return "|".join(key(t) for t in row.texts)


def _looks_like_header_row(row: Row) -> bool:
    return len(header_roles(row.texts)) >= 2


def continues_row(prev: Row, row: Row) -> bool:
    """Is `row` (the first row after a page break) the rest of `prev`, cut by the break?

    An empty number cell alone is not enough (Word numbers that column by itself): the
    row must read as a continuation — every filled cell starts in lower case, or the
    content cell carries on an unfinished sentence while the other cells stay empty.
    """
    texts = row.texts
    if not texts or texts[0].strip() or any(c.merged_up for c in row.cells):
        return False
    filled = [t for t in texts if t.strip()]
    if not filled:
        return False
    if all(t[0].islower() for t in filled):
        return True
    content = texts[1] if len(texts) > 1 else ""
    prev_content = prev.texts[1] if len(prev.texts) > 1 else ""
    others_empty = sum(1 for t in texts[2:] if t.strip()) <= 1
    return (
        bool(content)
        and bool(prev_content)
        and not prev_content.rstrip().endswith((".", ";", "!", "?", ":"))
        and others_empty
    )


def merged_row(prev: Row, row: Row) -> Row:
    """A copy of `prev` with the cells of `row` appended cell by cell."""
    out = copy.deepcopy(prev)
    for i, cell in enumerate(row.cells):
        if i >= len(out.cells) or cell.empty:
            continue
        target = out.cells[i]
        if target.lines:
            target.lines[-1] = f"{target.lines[-1]} {cell.lines[0]}".strip()
            target.lines.extend(cell.lines[1:])
        else:
            target.lines = list(cell.lines)
        target.raw = f"{target.raw} {cell.raw}".strip()
    return out


def join_continued_tables(blocks: list[Block]) -> list[Block]:
    """Adjacent table pieces with the same header (or no header and the same width) become one table."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if isinstance(block, Table) and isinstance(prev, Table) and block.rows and prev.rows:
            first = block.rows[0]
            same_header = row_key(first) == row_key(prev.rows[0]) and _looks_like_header_row(first)
            if same_header or (block.width == prev.width and not _looks_like_header_row(first)):
                rows = block.rows[1:] if same_header else list(block.rows)
                joined = Table(
                    rows=list(prev.rows), prov=prev.prov, continued=prev.continued, ragged=prev.ragged or block.ragged
                )
                if rows and continues_row(joined.rows[-1], rows[0]):
                    joined.rows[-1] = merged_row(joined.rows[-1], rows[0])
                    rows = rows[1:]
                joined.rows.extend(rows)
                out[-1] = joined
                continue
        out.append(block)
    return _renumbered(out)


def _renumbered(blocks: list[Block]) -> list[Block]:
    """Number the (joined) tables 1..n and their rows 1..m: provenance names the table a reader sees."""
    out: list[Block] = []
    n = 0
    for block in blocks:
        if isinstance(block, Table):
            n += 1
            rows = [
                Row(cells=r.cells, is_header=r.is_header, prov=replace(r.prov, table=n, row=i))
                for i, r in enumerate(block.rows, 1)
            ]
            block = Table(rows=rows, prov=replace(block.prov, table=n), continued=block.continued, ragged=block.ragged)
        out.append(block)
    return out
