"""The register's workbook: the Excel task register of `parse -f xlsx` (export/xlsx_out.py),
one row per task (or per occurrence, for `due`), with the recorded statuses filled in and
three columns more: "Hạn" (due lists only), "Ngày hoàn thành" and "Mã nhiệm vụ" — the id
`register import` reads the statuses back by."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from ..export.xlsx_out import STATUS_COLUMN, TASK_COLUMNS, TASK_SHEET, plan_values, rows_xlsx, task_values
from ..models import Plan, Task

REF_HEADER = "Mã nhiệm vụ"
DONE_HEADER = "Ngày hoàn thành"
DUE_HEADER = "Hạn"
STATUS_HEADER = TASK_COLUMNS[STATUS_COLUMN - 1][0]
NOTE_HEADER = "Ghi chú theo dõi"


ORIGIN_PREFIX = "kehoach-register:"  # + the register's id, in the workbook's "identifier" property


def items_xlsx(
    items: list[dict[str, Any]], plans: dict[str, Plan], with_due: bool = False, origin: str | None = None
) -> bytes:
    """A workbook of these register items (from queries.due / all_tasks / search); `plans`
    maps a plan path to its Plan, for the sheet of plan facts."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    rows = []
    for item in items:
        task = Task.model_validate({k: v for k, v in item.items() if k in Task.model_fields})
        rows.append(task_values(0, task, item["plan"]["path"]))
    info = [plan_values(p) for p in plans.values()]
    data = (
        rows_xlsx([(rows, info[0] if info else [])] + [([], row) for row in info[1:]])
        if info
        else rows_xlsx([(rows, [])])
    )
    wb = load_workbook(io.BytesIO(data))
    ws = wb[TASK_SHEET]
    extra = ([DUE_HEADER] if with_due else []) + [DONE_HEADER, REF_HEADER]
    first = len(TASK_COLUMNS) + 1
    header = ws.cell(row=1, column=1)
    for offset, title in enumerate(extra):
        cell = ws.cell(row=1, column=first + offset, value=title)
        cell.font, cell.fill, cell.alignment = header.font.copy(), header.fill.copy(), header.alignment.copy()
        ws.column_dimensions[get_column_letter(first + offset)].width = 16
    note_col = [h for h, _, _ in TASK_COLUMNS].index(NOTE_HEADER) + 1
    for r, item in enumerate(items, start=2):
        status = item.get("status") or {}
        if status.get("status"):
            ws.cell(row=r, column=STATUS_COLUMN, value=status["status"])
        if status.get("note"):
            ws.cell(row=r, column=note_col, value=status["note"])
        values = ([_day(item["due"])] if with_due else []) + [_day(status.get("done_on")), item["ref"]]
        for offset, value in enumerate(values):
            cell = ws.cell(row=r, column=first + offset, value=value)
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
    last = first + len(extra) - 1
    ws.auto_filter.ref = f"A1:{get_column_letter(last)}{max(len(items) + 1, 2)}"
    if origin:
        wb.properties.identifier = ORIGIN_PREFIX + origin
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
