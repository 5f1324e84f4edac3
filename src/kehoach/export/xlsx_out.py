"""Excel task register (openpyxl): one workbook for one plan or for a whole batch.

Sheet "Nhiệm vụ": one row per task with the source file and location, a frozen header,
an auto-filter, wrapped text, fixed column widths and two empty tracking columns for the
people who follow the plan up ("Tình trạng" with a drop-down, "Ghi chú theo dõi").
Sheet "Thông tin kế hoạch": one row per plan with its header facts.

The bytes are reproducible: the same plans give the same file (fixed document dates and
ZIP member times), so a batch run with 1 or N jobs writes identical workbooks.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from ..models import Location, Plan, Task, Unit

TASK_SHEET = "Nhiệm vụ"
PLAN_SHEET = "Thông tin kế hoạch"
STATUS_CHOICES = ("Chưa thực hiện", "Đang thực hiện", "Hoàn thành")

# (header, width in characters, wrapped)
TASK_COLUMNS: list[tuple[str, float, bool]] = [
    ("STT", 6, False),
    ("Nhóm nhiệm vụ", 28, True),
    ("Nội dung", 60, True),
    ("Sản phẩm", 30, True),
    ("Chủ trì", 26, True),
    ("Phối hợp", 30, True),
    ("Thời gian", 22, True),
    ("Bắt đầu", 12, False),
    ("Kết thúc", 12, False),
    ("Ghi chú", 24, True),
    ("Tệp nguồn", 28, True),
    ("Vị trí", 18, True),
    ("Tình trạng", 18, False),
    ("Ghi chú theo dõi", 30, True),
]
PLAN_COLUMNS: list[tuple[str, float, bool]] = [
    ("Tệp nguồn", 30, True),
    ("Định dạng", 10, False),
    ("Số trang", 9, False),
    ("Loại văn bản", 14, False),
    ("Cơ quan ban hành", 30, True),
    ("Cơ quan chủ quản", 26, True),
    ("Số, ký hiệu", 18, False),
    ("Địa danh", 14, False),
    ("Ngày ban hành", 14, False),
    ("Trích yếu", 50, True),
    ("Thẩm quyền ký", 24, True),
    ("Chức vụ người ký", 20, True),
    ("Người ký", 20, True),
    ("Dự thảo", 9, False),
    ("Số nhiệm vụ", 11, False),
    ("Căn cứ", 50, True),
    ("Nơi nhận", 40, True),
    ("Ghi chú xử lý", 40, True),
]
STATUS_COLUMN = [h for h, _, _ in TASK_COLUMNS].index("Tình trạng") + 1
_FIXED_TIME = datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MAX_CELL = 32767
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def plans_xlsx(plans: Iterable[Plan]) -> bytes:
    """The workbook of these plans, as bytes (tasks in plan order, then document order)."""
    return rows_xlsx([plan_rows(p) for p in plans])


def plan_rows(plan: Plan) -> tuple[list[list[Any]], list[Any]]:
    """A plan's cells, without the running STT: (task rows, header-facts row). Plain values,
    so a worker process can send them instead of the whole Plan."""
    return [task_values(0, t, plan.source.path) for t in plan.tasks], plan_values(plan)


def rows_xlsx(items: Iterable[tuple[list[list[Any]], list[Any]]]) -> bytes:
    """The workbook from `plan_rows` of each plan; STT numbers the tasks across all plans."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    items = list(items)
    wb = Workbook()
    tasks = wb.active
    assert isinstance(tasks, Worksheet), "a new workbook opens on one worksheet"
    tasks.title = TASK_SHEET
    info = wb.create_sheet(PLAN_SHEET)

    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")

    def setup(ws, columns) -> None:
        for col, (title, width, _) in enumerate(columns, start=1):
            cell = ws.cell(row=1, column=col, value=title)
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.freeze_panes = "A2"

    def put(ws, row: int, values: list[Any], columns) -> None:
        for col, (value, (_, _, wrapped)) in enumerate(zip(values, columns, strict=True), start=1):
            cell = ws.cell(row=row, column=col)
            if isinstance(value, str):
                cell.value = _text(value)
                cell.data_type = "s"  # text that starts with "=" stays text, never a formula
            else:
                cell.value = value
                if isinstance(value, date):
                    cell.number_format = "DD/MM/YYYY"
            cell.alignment = wrap if wrapped else top

    setup(tasks, TASK_COLUMNS)
    row = 2
    for task_rows, _ in items:
        for values in task_rows:
            put(tasks, row, [row - 1, *values[1:]], TASK_COLUMNS)
            row += 1
    last = max(row - 1, 2)
    tasks.auto_filter.ref = f"A1:{get_column_letter(len(TASK_COLUMNS))}{last}"
    status = get_column_letter(STATUS_COLUMN)
    choices = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_CHOICES) + '"',
        allow_blank=True,
        showDropDown=False,
        showErrorMessage=True,
        errorTitle="Tình trạng",
        error="Chọn: " + " / ".join(STATUS_CHOICES),
        promptTitle="Tình trạng",
        prompt=" / ".join(STATUS_CHOICES),
    )
    choices.showInputMessage = True
    choices.add(f"{status}2:{status}{last}")
    tasks.add_data_validation(choices)

    setup(info, PLAN_COLUMNS)
    plan_rows = [info_row for _, info_row in items if info_row]  # an empty query has tasks but no plan
    for i, info_row in enumerate(plan_rows, start=2):
        put(info, i, info_row, PLAN_COLUMNS)
    info.auto_filter.ref = f"A1:{get_column_letter(len(PLAN_COLUMNS))}{max(len(plan_rows) + 1, 2)}"

    wb.properties.creator = "kehoach"
    wb.properties.created = _FIXED_TIME
    wb.properties.modified = _FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return _reproducible(buf.getvalue())


def task_values(number: int, task: Task, source: str) -> list[Any]:
    tl = task.timeline
    return [
        number,
        task.group or "",
        task.content,
        "\n".join(task.products),
        _units(task.lead),
        _units(task.support),
        tl.raw if tl else "",
        _day(tl.start) if tl else "",
        _day(tl.end) if tl else "",
        task.notes or "",
        source,
        location_text(task.location),
        "",  # Tình trạng: filled in by whoever follows the plan up
        "",  # Ghi chú theo dõi
    ]


def plan_values(plan: Plan) -> list[Any]:
    h = plan.header
    src = plan.source
    return [
        src.path,
        src.format,
        src.pages if src.pages is not None else "",
        plan.document_type,
        h.issuer or "",
        h.issuer_parent or "",
        h.number or h.number_raw or "",
        h.place or "",
        _day(h.date) if h.date else (h.date_partial or h.date_raw or ""),
        h.title or "",
        h.signer.authority or "",
        h.signer.position or "",
        h.signer.name or "",
        "có" if h.draft else "",
        len(plan.tasks),
        "\n".join(h.legal_basis),
        "\n".join(h.recipients),
        "\n".join(src.notes),
    ]


def location_text(loc: Location | None) -> str:
    """'trang ~3, bảng 1, hàng 5, đoạn 120' — where to find the task in the source document
    (a DOCX "line" is a paragraph index; '~' marks an estimated page)."""
    if loc is None:
        return ""
    parts = []
    if loc.page is not None:
        parts.append(f"trang {'~' if loc.page_approx else ''}{loc.page}")
    if loc.table is not None:
        parts.append(f"bảng {loc.table}")
        if loc.row is not None:
            parts.append(f"hàng {loc.row}")
    if loc.line is not None:
        parts.append(f"{'đoạn' if loc.source == 'docx' else 'dòng'} {loc.line}")
    return ", ".join(parts)


def _units(units: list[Unit]) -> str:
    return "\n".join(u.name for u in units)


def _day(value: str | None) -> date | str:
    """An ISO day becomes an Excel date (sortable, filterable); a partial date stays text."""
    if not value:
        return ""
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _text(value: str) -> str:
    value = _ILLEGAL.sub("", value)
    return value if len(value) <= _MAX_CELL else value[: _MAX_CELL - 1] + "…"


def _reproducible(data: bytes) -> bytes:
    """Rewrite the ZIP with fixed member times and a fixed "modified" date (openpyxl stamps
    the current time on both when it saves)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _MODIFIED.sub(rb"\g<1>" + _FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", body)
            dst.writestr(member, body)
    return out.getvalue()
