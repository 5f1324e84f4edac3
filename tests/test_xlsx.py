"""The Excel register: opened with openpyxl and checked cell by cell."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from typer.testing import CliRunner

from conftest import SEEDS_DIR, missing
from kehoach import api
from kehoach.cli import app
from kehoach.export import xlsx_out
from kehoach.export.xlsx_out import PLAN_SHEET, STATUS_CHOICES, TASK_COLUMNS, TASK_SHEET, plans_xlsx
from kehoach.models import Location, Plan, SourceFacts, Task, Timeline, Unit

SEEDS = SEEDS_DIR
SEED_FILES = sorted(SEEDS.glob("*.txt"))
pytestmark = pytest.mark.skipif(len(SEED_FILES) < 5, reason=missing(SEEDS))
HEADERS = [h for h, _, _ in TASK_COLUMNS]


def _book(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def _col(name: str) -> int:
    return HEADERS.index(name) + 1


def _seed_with_tasks() -> Plan:
    plans = [api.parse(p) for p in SEED_FILES]
    return max(plans, key=lambda p: len(p.tasks))


def test_task_sheet_cells_match_the_plan():
    plan = _seed_with_tasks()
    assert len(plan.tasks) > 5
    ws = _book(plans_xlsx([plan]))[TASK_SHEET]
    assert [c.value for c in ws[1]] == HEADERS
    assert HEADERS[:12] == [
        "STT",
        "Nhóm nhiệm vụ",
        "Nội dung",
        "Sản phẩm",
        "Chủ trì",
        "Phối hợp",
        "Thời gian",
        "Bắt đầu",
        "Kết thúc",
        "Ghi chú",
        "Tệp nguồn",
        "Vị trí",
    ]
    assert ws.max_row == len(plan.tasks) + 1
    for row, task in enumerate(plan.tasks, start=2):
        cell = lambda name, row=row: ws.cell(row=row, column=_col(name)).value  # noqa: E731
        assert cell("STT") == row - 1
        assert cell("Nội dung") == task.content
        assert (cell("Nhóm nhiệm vụ") or None) == (task.group or None)
        assert (cell("Chủ trì") or "") == "\n".join(u.name for u in task.lead)
        assert (cell("Phối hợp") or "") == "\n".join(u.name for u in task.support)
        assert (cell("Sản phẩm") or "") == "\n".join(task.products)
        assert (cell("Thời gian") or "") == (task.timeline.raw if task.timeline else "")
        assert cell("Tệp nguồn") == plan.source.path
        assert cell("Tình trạng") is None and cell("Ghi chú theo dõi") is None
        loc = task.location
        if loc and loc.line:
            assert f"dòng {loc.line}" in cell("Vị trí")
        if loc and loc.table:
            assert f"bảng {loc.table}, hàng {loc.row}" in cell("Vị trí")


def test_layout_frozen_header_filter_wrap_widths_dropdown():
    plan = _seed_with_tasks()
    ws = _book(plans_xlsx([plan]))[TASK_SHEET]
    last = len(plan.tasks) + 1
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{get_column_letter(len(HEADERS))}{last}"
    assert ws.cell(row=2, column=_col("Nội dung")).alignment.wrap_text
    assert ws.cell(row=1, column=1).font.b
    assert ws.column_dimensions["C"].width == 60 and ws.column_dimensions["A"].width == 6
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1
    dv = validations[0]
    status = get_column_letter(_col("Tình trạng"))
    assert dv.type == "list" and str(dv.sqref) == f"{status}2:{status}{last}"
    assert dv.formula1 == '"' + ",".join(STATUS_CHOICES) + '"'
    assert list(STATUS_CHOICES) == ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"]


def test_plan_sheet_has_header_facts():
    plan = _seed_with_tasks()
    ws = _book(plans_xlsx([plan]))[PLAN_SHEET]
    header = [c.value for c in ws[1]]
    row = {h: ws.cell(row=2, column=i + 1).value for i, h in enumerate(header)}
    assert row["Tệp nguồn"] == plan.source.path
    assert row["Trích yếu"] == plan.header.title
    assert row["Cơ quan ban hành"] == plan.header.issuer
    assert row["Số nhiệm vụ"] == len(plan.tasks)
    assert (row["Người ký"] or None) == plan.header.signer.name
    assert ws.freeze_panes == "A2"


def test_hostile_text_stays_text_and_dates_are_dates():
    task = Task(
        id="T1",
        origin="body",
        content='=HYPERLINK("http://x")\x07 việc',
        lead=[Unit(name="Sở A", raw="Sở A", key="sở a")],
        timeline=Timeline(raw="ngày 15/01/2026", kind="date", start="2026-01-15", end="2026-01-15"),
        products=["+cmd"],
        notes="x" * 40000,
    )
    plan = Plan(source=SourceFacts(path="ke-hoach.txt", format="text"), tasks=[task])
    ws = _book(plans_xlsx([plan]))[TASK_SHEET]
    content = ws.cell(row=2, column=_col("Nội dung"))
    assert content.data_type == "s" and content.value == '=HYPERLINK("http://x") việc'
    assert ws.cell(row=2, column=_col("Bắt đầu")).value.date() == date(2026, 1, 15)
    assert ws.cell(row=2, column=_col("Bắt đầu")).number_format == "DD/MM/YYYY"
    assert len(ws.cell(row=2, column=_col("Ghi chú")).value) == 32767


def test_empty_plan_still_has_a_valid_sheet():
    plan = Plan(source=SourceFacts(path="rong.txt", format="text"))
    wb = _book(plans_xlsx([plan]))
    assert wb[TASK_SHEET].max_row == 1 or all(c.value is None for c in wb[TASK_SHEET][2])
    assert wb[TASK_SHEET].data_validations.dataValidation


def test_same_plans_same_bytes():
    plans = [api.parse(p) for p in SEED_FILES[:2]]
    assert plans_xlsx(plans) == plans_xlsx(plans)


def test_batch_writes_one_workbook_per_plan_and_combined_one_for_all(tmp_path: Path):
    plain = tmp_path / "plain"
    result = CliRunner().invoke(app, ["parse", *map(str, SEED_FILES), "-f", "xlsx", "-o", str(plain), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in plain.iterdir()) == sorted(p.stem + ".xlsx" for p in SEED_FILES)
    one = openpyxl.load_workbook(plain / (SEED_FILES[0].stem + ".xlsx"))[TASK_SHEET]
    assert one.max_row - 1 == len(api.parse(SEED_FILES[0]).tasks)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["parse", *map(str, SEED_FILES), "-f", "xlsx", "-o", str(out), "-q", "--combined"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [p.stem + ".xlsx" for p in SEED_FILES] + ["kehoach-register.xlsx", "kehoach-register.csv"]
    )
    wb = openpyxl.load_workbook(out / "kehoach-register.xlsx")
    plans = [api.parse(p) for p in SEED_FILES]
    ws = wb[TASK_SHEET]
    sources = [ws.cell(row=r, column=_col("Tệp nguồn")).value for r in range(2, ws.max_row + 1)]
    assert sources == [p.source.path for p in plans for _ in p.tasks]
    assert [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)] == list(range(1, len(sources) + 1))
    info = wb[PLAN_SHEET]
    assert [info.cell(row=r, column=1).value for r in range(2, info.max_row + 1)] == [str(p) for p in SEED_FILES]


def test_single_plan_to_named_workbook(tmp_path: Path):
    target = tmp_path / "so-theo-doi.xlsx"
    result = CliRunner().invoke(app, ["parse", str(SEED_FILES[1]), "-f", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert _book(target.read_bytes())[TASK_SHEET].max_row == len(api.parse(SEED_FILES[1]).tasks) + 1
    assert xlsx_out.location_text(None) == ""
    docx_loc = Location(page=3, page_approx=True, line=120, source="docx")
    assert xlsx_out.location_text(docx_loc) == "trang ~3, đoạn 120"
