"""Task tables -> tasks.

Columns are mapped by meaning (columns.py, table_map.py). Row kinds: header rows (also repeated after a
page break), the row of column numbers, group rows (a Roman numeral with a title — a theme,
or the responsible unit where the table has no lead column), task rows, sub-rows of one task
(number and content merged or empty, own product/timeline), and the "Tổng" row (skipped).
An empty number cell alone does not make a row a continuation: Word numbers that column
automatically.
"""

from __future__ import annotations

from .. import fastre as re
from ..blocks import Row, Table
from ..models import Location, Task
from ..vntext import clean, key
from .columns import header_roles, is_column_number_row, role_of
from .continued import row_key
from .diagnostics import report
from .patterns import ROMAN
from .table_map import TableMap, band_title, data_grid, row_grid
from .timeline import parse_timeline
from .units import is_role_only, looks_like_unit, make_unit, split_items, split_units

_GROUP_NUMBER = re.compile(rf"^(?P<num>{ROMAN}|[A-Z])(?<=[IVXA-Z])\s*[.)]?\s*(?P<title>.*)$")
_TOTAL = re.compile(r"^(tổng|tổng cộng|cộng|tổng số)\s*:?$")
_QUANTITY = re.compile(r"\(?\s*Số lượng\s*:\s*([^)]+?)\s*\)?\s*$", re.I)
_LIST_MARK = re.compile(r"^\s*(?:[-+•*–]\s*|\d{1,2}[.)]\s+)")


def _cell_lines(grid: list, col: int | None) -> list[str]:
    if col is None or col >= len(grid):
        return []
    return [ln for ln in grid[col].lines if ln.strip()]


# "7h00" over "- 7h15", "giai đoạn 2026" over "- 2030": a range wrapped in a narrow cell before
# its dash, not a list item; the dash stays
_RANGE_END = re.compile(r"^\s*[-–]\s*\d")


def _unmarked(lines: list[str], first: bool) -> list[str]:
    """The lines of a cell without their list marks (the first line's too when `first`),
    except the dash of a range wrapped onto the next line."""
    out = []
    for i, ln in enumerate(lines):
        wrapped_range = i and _RANGE_END.match(ln) and lines[i - 1].rstrip()[-1:].isdigit()
        out.append(ln if wrapped_range or (i == 0 and not first) else _LIST_MARK.sub("", ln))
    return out


def _text(lines: list[str]) -> str:
    return clean(" ".join(_unmarked(lines, first=False)))


def _content(lines: list[str]) -> str:
    return clean(" ".join(_unmarked(lines, first=True)))


def tasks_from_table(table: Table, tmap: TableMap, plan_year: int | None, group: str | None = None) -> list[Task]:
    """Tasks of one table; ids are given by the caller (sub-rows carry `part`)."""
    tasks: list[Task] = []
    c_num, c_content = tmap.col("number"), tmap.col("content")
    last: Task | None = None
    above: list = []
    part = 1
    heading_group = False  # the current group is a numbered heading row ("1" over "a)", "b)")
    heading_depth = 1  # how many numbers that heading row's number holds ("3.5." 2)
    numbers = _row_numbers(table, tmap)
    table_group = group
    band_note: str | None = None
    for r, row in enumerate(table.rows):
        if r < tmap.header_rows or row_key(row) in tmap.header_keys:
            continue
        raw_grid = data_grid(row, tmap.header_spans)
        grid = _inherit_merged(raw_grid, above)
        above = grid
        texts = [c.text for c in grid]
        if not any(t.strip() for t in texts) or is_column_number_row(texts) or _repeated_header(raw_grid):
            continue
        distinct = [t for i, t in enumerate(texts) if t.strip() and (i == 0 or grid[i] is not grid[i - 1])]
        if distinct and _TOTAL.match(key(distinct[0])) and len(distinct) <= 2:
            continue
        num_text = texts[c_num].strip() if c_num is not None and c_num < len(texts) else ""
        content_lines = _cell_lines(grid, c_content)

        band = band_title(raw_grid, c_content)
        if band is not None:
            # "| **Buổi sáng (7h00–9h00) – Tập trung toàn trường** ||||": a band over the rows below it; under a
            # heading that already groups the table it is kept in the notes of its rows
            if table_group is None:
                group = band
            else:
                band_note = band
            last, heading_group = None, False
            continue
        g = _group_title(num_text, texts, grid, c_num, c_content)
        if g is not None:
            group, last, heading_group = g, None, False
            continue
        if _is_heading_row(num_text, numbers.get(r), raw_grid, tmap) and content_lines:
            group, last, heading_group, heading_depth = _content(content_lines), None, True, _depth(num_text)
            continue
        if heading_group and _HEADING_NUMBER.fullmatch(num_text) and _depth(num_text) <= heading_depth:
            # "3" after "2 / a) b)", "3.6." after "3.5. / (1) (2)": back to task rows
            group, heading_group = None, False

        merged = c_content is not None and c_content < len(raw_grid) and raw_grid[c_content].merged_up
        own_number = bool(num_text) and c_num is not None and c_num < len(raw_grid) and not raw_grid[c_num].merged_up
        if (merged or not content_lines) and last is not None and not (own_number and not merged):
            if not _adds_fields(raw_grid, tmap):
                continue  # a sub-row that only differs in a column we do not read: same task
            if _completes_a_role(last, raw_grid, tmap):
                continue
            part += 1
            task = _task(last.content, last.number, grid, tmap, plan_year, group, table, row)
            task.part = part
            if last.part is None:
                last.part = 1
            tasks.append(task)
            continue
        if not content_lines:
            continue
        part = 1
        content = _content(content_lines)
        task = _task(content, num_text or None, grid, tmap, plan_year, group, table, row)
        if band_note:
            task.notes = f"{band_note}; {task.notes}" if task.notes else band_note
        tasks.append(task)
        last = task
    return tasks


def _completes_a_role(last: Task, raw_grid: list, tmap: TableMap) -> bool:
    """ "Lãnh đạo" in a row's lead cell and "Công an tỉnh" alone in that column of the row below
    (a cell cut by a page break): a role alone leads nothing, so the unit below completes it."""
    col = tmap.col("lead")
    if col is None or col >= len(raw_grid) or len(last.lead) != 1 or not is_role_only(last.lead[0].raw):
        return False
    if any(c.text.strip() and not c.merged_up for i, c in enumerate(raw_grid) if c is not raw_grid[col]):
        return False
    last.lead = split_units([last.lead[0].raw, *_cell_lines(raw_grid, col)])
    return True


_HEADING_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?")  # "1", "1.", "3.4."
# the numbers of the rows a heading row groups: "a)", "1.1", "(1)", "1)", a dash or a plus
_SUB_NUMBER = re.compile(r"[a-zđ]\)|\d{1,2}\.\d{1,2}\.?|\(\d{1,2}\)|\d{1,2}\)|-|\+")


def _row_numbers(table: Table, tmap: TableMap) -> dict[int, str]:
    """Row index -> the number of the next data row below it (for telling heading rows)."""
    c_num = tmap.col("number")
    out: dict[int, str] = {}
    following = ""
    for r in range(len(table.rows) - 1, tmap.header_rows - 1, -1):
        out[r] = following
        grid = data_grid(table.rows[r], tmap.header_spans)
        if c_num is not None and c_num < len(grid) and grid[c_num].text.strip() and not grid[c_num].merged_up:
            following = grid[c_num].text.strip()
    return out


def _is_heading_row(num_text: str, next_number: str | None, raw_grid: list, tmap: TableMap) -> bool:
    """ "1 | Tổ chức tuyên truyền …" with every other column empty, over rows "a)", "b)" (or "1.1"),
    or "3.4. | Phát triển thương mại …" over rows "(1)", "(2)": a heading that groups the tasks
    below it, not a task. Its title may be one cell spanning the columns after the content."""
    if not next_number or not _SUB_NUMBER.fullmatch(next_number) or not _HEADING_NUMBER.fullmatch(num_text):
        return False
    if _HEADING_NUMBER.fullmatch(next_number) and _depth(next_number) <= _depth(num_text):
        return False  # "1.2" after "1.1": the same level
    return not _adds_fields(raw_grid, tmap, tmap.col("content"))


def _depth(number: str) -> int:
    """How many numbers a decimal row number holds: "3" 1, "3.4." 2."""
    return len([p for p in number.split(".") if p])


def _repeated_header(raw_grid: list) -> bool:
    """A header row repeated lower down, maybe worded otherwise ("Nội dung" for "Nhiệm vụ"):
    every filled cell is a column name and they name a content column and two others."""
    texts = [c.text for c in raw_grid if not c.merged_up and c.text.strip()]
    if len(texts) < 3 or any(len(t) > 60 for t in texts) or not all(role_of(t) for t in texts):
        return False
    roles = header_roles(texts)
    return "content" in roles.values() and len(roles) >= 3


def _inherit_merged(grid: list, above: list) -> list:
    """A vertically merged cell holds the text of the cell it continues (the lead or date of the row above)."""
    if not above:
        return grid
    return [above[i] if cell.merged_up and i < len(above) else cell for i, cell in enumerate(grid)]


def _adds_fields(raw_grid: list, tmap: TableMap, spanned: int | None = None) -> bool:
    """Does a sub-row carry a cell of its own in a column read into the task (products, lead, time …)?
    With `spanned` (the content column), the content cell spanning a column does not count as its cell."""
    own = raw_grid[spanned] if spanned is not None and spanned < len(raw_grid) else None
    for col, role in tmap.roles.items():
        if role in ("number", "content") or col >= len(raw_grid):
            continue
        cell = raw_grid[col]
        if not cell.merged_up and cell.text.strip() and cell is not own:
            return True
    return False


def _group_title(num_text: str, texts: list[str], grid: list, c_num: int | None, c_content: int | None) -> str | None:
    """The title of a group row, or None for other rows."""
    m = _GROUP_NUMBER.match(num_text) if num_text else None
    distinct_cells, seen = [], set()  # by identity (a spanned cell fills several slots); linear
    for cell in grid:
        if id(cell) not in seen and cell.text.strip():
            seen.add(id(cell))
            distinct_cells.append(cell)
    if m and m.group("title") and len(distinct_cells) == 1:
        # "I. Truyền thông hỗ trợ …" in the number cell, the rest of the row empty or spanned
        return clean(m.group("title"))
    if m and not m.group("title"):
        content = texts[c_content].strip() if c_content is not None and c_content < len(texts) else ""
        others = [
            c
            for c in distinct_cells
            if (c_num is None or c is not grid[c_num]) and (c_content is None or c is not grid[c_content])
        ]
        if content and not others:
            return clean(content)
    return None


def _task(
    content: str,
    number: str | None,
    grid: list,
    tmap: TableMap,
    plan_year: int | None,
    group: str | None,
    table: Table,
    row: Row,
) -> Task:
    time_lines = _cell_lines(grid, tmap.col("time"))
    lead = split_units(_cell_lines(grid, tmap.col("lead")))
    if not lead and tmap.col("lead") is None and not tmap.subject and group and looks_like_unit(group):
        unit = make_unit(group)
        lead = [unit] if unit else []
    support = split_units(_cell_lines(grid, tmap.col("support")))
    if not lead and tmap.performers:  # "Chủ trì" left blank: the row's performers lead it
        lead, support = support, []
    notes_lines = _cell_lines(grid, tmap.col("notes"))
    products = split_items(_cell_lines(grid, tmap.col("products")))
    quantity = None
    qm = _QUANTITY.search(content) or next((q for q in (_QUANTITY.search(p) for p in products) if q), None)
    if qm:
        quantity = clean(qm.group(1))
    pv = row.prov
    return Task.model_construct(
        id="",
        origin="appendix",
        number=number,
        group=group,
        content=content,
        products=products,
        lead=lead,
        support=support,
        monitoring=split_units(_cell_lines(grid, tmap.col("monitoring"))),
        timeline=parse_timeline(_text(time_lines), plan_year) if time_lines else None,
        notes=_text(notes_lines) or None,
        quantity=quantity,
        location=Location.model_construct(
            line=pv.line,
            page=pv.page,
            page_approx=pv.page_approx or None,
            table=pv.table or table.prov.table,
            row=pv.row,
            source=pv.source,
        ),
    )


_TELLING = {"lead", "support", "monitoring", "time"}


def report_if_unread(table: Table, tasks: list[Task], block: int | None = None) -> None:
    """Say so when a table with unit-like or time-like columns gave no task (``table-no-tasks``)."""
    if tasks or not table.rows:
        return
    for row in table.rows[:4]:
        texts = [c.text for c in row_grid(row)]
        if any(len(t) > 80 for t in texts):
            continue
        roles = {role_of(t) for t in texts if t.strip()}
        seen = sorted(r for r in roles & _TELLING if r)
        if seen:
            pv = table.prov
            report(
                "table-no-tasks",
                f"a table with {', '.join(seen)} columns gave no task (no content column recognised, or no data rows)",
                location=Location.model_construct(
                    line=pv.line, page=pv.page, table=pv.table, block=block, source=pv.source
                ),
                excerpt=" | ".join(t for t in texts if t.strip()),
            )
            return
