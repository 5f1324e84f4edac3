"""A task table's header: which column holds what (by meaning, columns.py) and how many rows the header
takes (names wrapped over two rows, sub-columns "Chủ trì | Phối hợp", the row of column numbers), and
the band rows ("Buổi sáng (từ 7h00 đến 9h00) – …" across the row) that end the header and head the rows below."""

from __future__ import annotations

from dataclasses import dataclass

from .. import fastre as re
from ..blocks import Row, Table
from ..vntext import clean
from .columns import header_roles, is_column_number_row, is_performers_header, is_subject_header, role_of
from .continued import row_key
from .patterns import ROMAN


@dataclass
class TableMap:
    roles: dict[int, str]  # column -> role
    header_keys: list[str]  # keys of header rows, to drop repeats
    header_rows: int
    subject: bool = False  # the content column names the unit visited (schedule / inspection)
    performers: bool = False  # the support column is "Thực hiện" beside "Chủ trì": it leads a row with no chủ trì
    header_spans: tuple[int, ...] = ()  # grid columns of each header cell, for rows drawn with other borders

    def col(self, role: str) -> int | None:
        return next((c for c, r in self.roles.items() if r == role), None)


def row_grid(row: Row) -> list:
    """Cells by grid column (a cell spanning 2 columns fills both positions with itself)."""
    grid = []
    for cell in row.cells:
        grid.extend([cell] * max(1, cell.span))
    return grid


def data_grid(row: Row, header_spans: tuple[int, ...]) -> list:
    """A data row's cells by the header's grid columns.

    A table whose rows were drawn with other borders than its header (a Word table whose
    column edges were dragged in some rows, a PDF grid that is the union of every row's
    edges) gives rows with as many cells as the header but spanning other grid columns:
    "Chủ trì" spans two columns in one row, "Phối hợp" in the next. Such a row is read cell
    by cell, the i-th cell in the columns of the i-th header cell.
    """
    spans = [max(1, c.span) for c in row.cells]
    if len(header_spans) >= 3 and len(spans) == len(header_spans) and tuple(spans) != header_spans:
        grid = []
        for cell, n in zip(row.cells, header_spans, strict=True):
            grid.extend([cell] * n)
        return grid
    return row_grid(row)


def map_table(table: Table) -> TableMap | None:
    """Find the header row(s) of a task table; None when the table holds no tasks."""
    for i, row in enumerate(table.rows[:4]):
        texts = [c.text for c in row_grid(row)]
        roles = header_roles(texts)
        n = i + 1
        keys = [row_key(row)]
        wrapped = _wrapped_header(texts, table.rows[n]) if n < len(table.rows) else None
        if wrapped is not None:
            # a header whose names run on into the next row ("Đơn vị" over "chủ trì")
            joined_roles = header_roles(wrapped)
            if joined_roles and "content" in joined_roles.values() and len(joined_roles) >= len(roles):
                texts, roles = wrapped, joined_roles
                keys.append(row_key(table.rows[n]))
                n += 1
        if roles and "content" in roles.values():
            # a second header row (sub-columns) or the row of column numbers
            while n < len(table.rows):
                sub = [c.text for c in row_grid(table.rows[n])]
                sub_roles = _sub_header_roles(sub)
                if not (sub_roles or is_column_number_row(sub) or table.rows[n].is_header):
                    break
                c_content = next(c for c, r in roles.items() if r == "content")
                if not sub_roles and band_title(row_grid(table.rows[n]), c_content) is not None:
                    break  # a band Word repeats with the column names still heads the rows below it
                # "Cơ quan thực hiện" spanning "Chủ trì | Phối hợp": the sub-columns decide
                for col, role in sub_roles.items():
                    for other in [c for c, r in roles.items() if r == role and c != col]:
                        del roles[other]
                    roles[col] = role
                keys.append(row_key(table.rows[n]))
                n += 1
            if "number" not in roles.values() and 0 not in roles:
                first = [c.text for c in row_grid(table.rows[n])] if n < len(table.rows) else []
                if first and re.fullmatch(r"\d{1,3}\.?|", first[0].strip()):
                    roles[0] = "number"
            c_content = next(c for c, r in roles.items() if r == "content")
            subject = c_content < len(texts) and is_subject_header(texts[c_content])
            c_support = next((c for c, r in roles.items() if r == "support"), None)
            performers = c_support is not None and c_support < len(texts) and is_performers_header(texts[c_support])
            return TableMap(
                roles=roles,
                header_keys=keys,
                header_rows=n,
                subject=subject,
                performers=performers,
                header_spans=tuple(max(1, c.span) for c in row.cells),
            )
    return None


def _wrapped_header(texts: list[str], nxt: Row) -> list[str] | None:
    """The header texts joined with the next row when that row only continues them.

    Every filled cell of the next row is short and starts in lower case ("chủ trì",
    "thực hiện"), under a filled header cell: the header names were wrapped over two rows.
    """
    below = [c.text for c in row_grid(nxt)]
    if len(below) != len(texts):
        return None
    filled = [(i, t.strip()) for i, t in enumerate(below) if t.strip()]
    if not filled or any(len(t) > 40 or not t[0].islower() or not texts[i].strip() for i, t in filled):
        return None
    return [f"{a} {b}".strip() if b.strip() else a for a, b in zip(texts, below, strict=True)]


def _sub_header_roles(texts: list[str]) -> dict[int, str]:
    """Roles of a sub-header row: every filled cell is a short column title ("Chủ trì", "Phối hợp")."""
    filled = {i: t for i, t in enumerate(texts) if t.strip()}
    if not filled or any(len(t) > 40 for t in filled.values()):
        return {}
    roles = {i: role_of(t) for i, t in filled.items()}
    return {i: r for i, r in roles.items() if r} if all(roles.values()) else {}


# a numbered group across the row ("I. Các dự án …"), not a band
_NUMBERED_GROUP = re.compile(rf"^(?:{ROMAN}|[A-Z])(?<=[IVXA-Z])[.)]\s")


def band_title(raw_grid: list, c_content: int | None) -> str | None:
    """The text of a band row: one filled cell, outside the content column, spanning the row or bold,
    every other cell empty (Markdown writes the span as "| **…** ||||")."""
    if len(raw_grid) < 3:
        return None
    cells: list = []
    for cell in raw_grid:
        if cell.merged_up:
            return None
        if cell.text.strip() and all(cell is not c for c in cells):
            cells.append(cell)
    if len(cells) != 1:
        return None
    (cell,) = cells
    if c_content is not None and c_content < len(raw_grid) and raw_grid[c_content] is cell:
        if cell.span < max(2, len(raw_grid) - 1):
            return None  # the content cell alone: a task without a unit
        if _NUMBERED_GROUP.match(cell.text.strip()):
            return None  # "I. Các dự án …" across the row: a numbered group row (`_group_title`)
        # any other one cell across the row is a band ("Buổi sáng (từ 9h00 đến 11h00) – …")
    raw = cell.raw.strip()
    bold = bool(cell.bold) or bool(re.fullmatch(r"(\*\*|__).+\1", raw, re.S))
    return clean(cell.text) if bold or cell.span >= len(raw_grid) - 1 else None
