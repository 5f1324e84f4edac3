"""A PlanDiff as an Excel workbook a reviewer can annotate (openpyxl).

Sheet "Thay đổi nhiệm vụ": one row per task of either version (changed, moved, added and
removed first, then unchanged), old and new values side by side, the names of the fields that
changed, and an empty "Ý kiến người rà soát" column. Sheet "Phần đầu, đề mục": header fields
and headings that changed.
"""

from __future__ import annotations

import io

from ..export.xlsx_out import _reproducible, _text
from ..i18n import t
from ..models import Task
from .schema import PlanDiff

TASK_SHEET = "Thay đổi nhiệm vụ"
OTHER_SHEET = "Phần đầu, đề mục"
ORDER = {"changed": 0, "moved": 1, "added": 2, "removed": 3, "unchanged": 4}
FILL = {"changed": "FFF2CC", "moved": "DDEBF7", "added": "E2EFDA", "removed": "FCE4D6"}
COLUMNS: list[tuple[str, float]] = [
    ("Trạng thái", 13),
    ("Trường thay đổi", 18),
    ("Nhóm (cũ)", 22),
    ("Nhóm (mới)", 22),
    ("STT cũ", 7),
    ("STT mới", 7),
    ("Nội dung (cũ)", 50),
    ("Nội dung (mới)", 50),
    ("Chủ trì (cũ)", 22),
    ("Chủ trì (mới)", 22),
    ("Phối hợp (cũ)", 24),
    ("Phối hợp (mới)", 24),
    ("Sản phẩm (cũ)", 22),
    ("Sản phẩm (mới)", 22),
    ("Thời gian (cũ)", 18),
    ("Thời gian (mới)", 18),
    ("Ghi chú (cũ)", 18),
    ("Ghi chú (mới)", 18),
    ("Ý kiến người rà soát", 36),
]


FACTS = 8  # group, number, content, lead, support, products, timeline, notes: an (old, new) column pair each


def _facts(task: Task | None) -> list[str]:
    if task is None:
        return [""] * FACTS
    return [
        task.group or "",
        task.number or "",
        "\n".join(p for p in (task.content, task.details) if p),
        "; ".join(u.name for u in task.lead),
        "; ".join(u.name for u in task.support),
        "; ".join(task.products),
        task.timeline.raw if task.timeline else "",
        task.notes or "",
    ]


def diff_xlsx(diff: PlanDiff, lang: str = "vi") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet), "a new workbook opens on one worksheet"
    ws.title = TASK_SHEET
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for col, (title, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=col, value=title)
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "C2"
    changes = sorted(diff.tasks, key=lambda c: ORDER[c.status])  # stable: plan order within a status
    for row, change in enumerate(changes, start=2):
        old, new = _facts(change.old), _facts(change.new)
        values = [
            t(f"diff_status_{change.status}", lang),
            ", ".join(t(f"diff_field_{f}", lang) for f in change.changed),
        ]
        for a, b in zip(old, new, strict=True):
            values += [a, b]
        values.append("")
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=_text(value))
            cell.data_type = "s"  # text starting with "=" stays text
            cell.alignment = wrap
            if change.status in FILL and col <= 2:
                cell.fill = PatternFill("solid", fgColor=FILL[change.status])
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(len(changes) + 1, 2)}"

    other = wb.create_sheet(OTHER_SHEET)
    for col, (title, width) in enumerate([("Mục", 22), ("Cũ", 60), ("Mới", 60)], start=1):
        other.cell(row=1, column=col, value=title).font = bold
        other.column_dimensions[get_column_letter(col)].width = width
    rows = [[h.field, _show(h.old), _show(h.new)] for h in diff.header]
    rows += [["-", f"{s.number}. {s.title}", ""] for s in diff.sections.removed]
    rows += [["+", "", f"{s.number}. {s.title}"] for s in diff.sections.added]
    rows += [["~", f"{e.old.number}. {e.old.title}", f"{e.new.number}. {e.new.title}"] for e in diff.sections.changed]
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            cell = other.cell(row=r, column=col, value=_text(value))
            cell.data_type = "s"
            cell.alignment = wrap
    buffer = io.BytesIO()
    wb.save(buffer)
    return _reproducible(buffer.getvalue())


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)
