"""CSV task register: one row per task, lists joined with "; ", UTF-8 with BOM (opens in Excel).

The BOM is for files; `kehoach parse -f csv` on standard output drops it (a pipe, `cut`,
another program) unless `--bom` is given.
"""

from __future__ import annotations

import csv
import io

from ..models import Plan, Task

COLUMNS = [
    "id",
    "origin",
    "number",
    "group",
    "content",
    "details",
    "products",
    "lead",
    "support",
    "monitoring",
    "timeline",
    "timeline_kind",
    "start",
    "end",
    "notes",
    "quantity",
    "page",
    "line",
    "table",
    "row",
]


def _units(units) -> str:
    return "; ".join(u.name for u in units)


def task_row(task: Task) -> list[str]:
    tl = task.timeline
    loc = task.location
    return [
        task.id,
        task.origin,
        task.number or "",
        task.group or "",
        task.content,
        task.details or "",
        "; ".join(task.products),
        _units(task.lead),
        _units(task.support),
        _units(task.monitoring),
        tl.raw if tl else "",
        tl.kind if tl else "",
        (tl.start or "") if tl else "",
        (tl.end or "") if tl else "",
        task.notes or "",
        task.quantity or "",
        *(str(v) if v is not None else "" for v in ((loc.page, loc.line, loc.table, loc.row) if loc else (None,) * 4)),
    ]


def plan_csv(plans: list[Plan], with_source: bool = False, bom: bool = True) -> str:
    """The register of one plan, or of several with the source file as the first column."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow((["source"] if with_source else []) + COLUMNS)
    for plan in plans:
        for task in plan.tasks:
            writer.writerow(([plan.source.path] if with_source else []) + task_row(task))
    return ("\ufeff" if bom else "") + buf.getvalue()
