"""The register's answers as a rich table (terminal), CSV, JSON or an Excel workbook."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from ..export.csv_out import COLUMNS as TASK_CSV_COLUMNS
from ..export.csv_out import task_row
from ..models import Task

FORMATS = ("table", "csv", "json", "xlsx")

Column = tuple[str, str, Callable[[dict[str, Any]], Any]]  # (vi header, en header, value)


def _units(item: dict[str, Any], role: str) -> str:
    return "; ".join(u["name"] for u in item.get(role) or [])


def _status(item: dict[str, Any]) -> str:
    return (item.get("status") or {}).get("status") or ""


def _plan(item: dict[str, Any]) -> str:
    return item["plan"]["number"] or item["plan"]["path"]


TASK_TABLE: list[Column] = [
    ("Mã", "Ref", lambda i: i["ref"]),
    ("Kế hoạch", "Plan", _plan),
    ("Nội dung", "Task", lambda i: i["content"]),
    ("Chủ trì", "Lead", lambda i: _units(i, "lead")),
    ("Thời gian", "Timeline", lambda i: (i.get("timeline") or {}).get("raw", "")),
    ("Tình trạng", "Status", _status),
]
DUE_TABLE: list[Column] = [("Hạn", "Due", lambda i: i["due"]), *TASK_TABLE]
UNIT_TABLE: list[Column] = [
    ("Đơn vị", "Unit", lambda u: u["unit"]),
    ("Chủ trì", "Lead", lambda u: u["lead"]),
    ("Phối hợp", "Support", lambda u: u["support"]),
    ("Số kế hoạch", "Plans", lambda u: u["plans"]),
]
PLAN_TABLE: list[Column] = [
    ("Mã", "Id", lambda p: p["document"]),
    ("Phiên bản", "Version", lambda p: p["version"] if p["current"] else f"{p['version']} (cũ)"),
    ("Số", "Number", lambda p: p["number"] or ""),
    ("Trích yếu", "Title", lambda p: p["title"] or ""),
    ("Nhiệm vụ", "Tasks", lambda p: p["tasks"]),
    ("Tệp", "File", lambda p: p["path"]),
]


def table(items: list[dict[str, Any]], columns: list[Column], lang: str, title: str | None = None) -> str:
    from rich.console import Console
    from rich.table import Table

    tab = Table(title=title, show_lines=False, expand=False)
    for vi, en, _ in columns:
        tab.add_column(vi if lang == "vi" else en, overflow="fold")
    for item in items:
        tab.add_row(*(str(get(item)) for _, _, get in columns))
    buf = io.StringIO()
    Console(file=buf, force_terminal=False, width=160, highlight=False).print(tab)
    return buf.getvalue()


def task_csv(items: list[dict[str, Any]], with_due: bool) -> str:
    """Tasks (or occurrences) with the CSV columns of `parse -f csv`, after the register's own."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    lead = (["due"] if with_due else []) + ["ref", "plan_path", "plan_number", "plan_title"]
    writer.writerow(lead + TASK_CSV_COLUMNS + ["status", "done_on", "status_note"])
    for item in items:
        task = Task.model_validate({k: v for k, v in item.items() if k in Task.model_fields})
        status = item.get("status") or {}
        writer.writerow(
            ([item["due"]] if with_due else [])
            + [item["ref"], item["plan"]["path"], item["plan"]["number"] or "", item["plan"]["title"] or ""]
            + task_row(task)
            + [status.get("status") or "", status.get("done_on") or "", status.get("note") or ""]
        )
    return buf.getvalue()


def rows_csv(items: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    if items:
        writer = csv.DictWriter(buf, fieldnames=list(items[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(items)
    return buf.getvalue()


def as_json(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def rows_xlsx(items: list[dict[str, Any]], sheet: str) -> bytes:
    """A plain sheet of flat rows (units, plans)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.worksheets[0]  # a new workbook's one (active) sheet
    ws.title = sheet
    if items:
        ws.append(list(items[0]))
        for item in items:
            ws.append([v if isinstance(v, (int, float, str)) or v is None else str(v) for v in item.values()])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
