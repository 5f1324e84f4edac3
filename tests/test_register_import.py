"""Status round-trip: the register's workbook, filled in with openpyxl, read back by
`register import`; a damaged, foreign or wrong workbook changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import SEEDS_DIR, needs
from kehoach.export.xlsx_out import TASK_SHEET
from kehoach.register.workbook import DONE_HEADER, NOTE_HEADER, REF_HEADER, STATUS_HEADER
from test_register import kehoach, register_json


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    if not SEEDS_DIR.exists():
        pytest.skip(
            f"shared material not found: {SEEDS_DIR} (expected ../shared beside the repository, or KEHOACH_SHARED)"
        )
    work = tmp_path_factory.mktemp("import")
    db = work / "reg.sqlite"
    kehoach("register", "add", SEEDS_DIR, "--db", db, "-q")
    return work, db


def statuses(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT document_id, task_id, status, done_on, note FROM statuses ORDER BY 1, 2").fetchall()


def exported(work: Path, db: Path, name: str) -> Path:
    out = work / name
    kehoach("register", "export", "-o", out, "--db", db)
    return out


def fill(path: Path, values: dict[int, dict[str, object]]) -> None:
    """Fill rows (2-based) of the task sheet: {row: {header: value}}."""
    wb = load_workbook(path)
    ws = wb[TASK_SHEET]
    col = {c.value: c.column for c in ws[1]}
    for row, cells in values.items():
        for header, value in cells.items():
            ws.cell(row=row, column=col[header], value=value)
    wb.save(path)


def refs(path: Path) -> list[str]:
    ws = load_workbook(path, read_only=True)[TASK_SHEET]
    rows = list(ws.iter_rows(values_only=True))
    i = list(rows[0]).index(REF_HEADER)
    return [r[i] for r in rows[1:]]


@needs(SEEDS_DIR)
def test_statuses_filled_in_the_workbook_come_back(seeded):
    work, db = seeded
    book = exported(work, db, "tracked.xlsx")
    ids = refs(book)
    assert len(ids) == sum(p["tasks"] for p in register_json(db, "plans")) and len(set(ids)) == len(ids)
    fill(
        book,
        {
            2: {STATUS_HEADER: "Hoàn thành", DONE_HEADER: date(2024, 3, 5), NOTE_HEADER: "đã xong"},
            3: {STATUS_HEADER: "đang thực hiện"},  # another case: the key matches
            4: {DONE_HEADER: "15/04/2024"},
        },
    )
    proc = kehoach("register", "import", book, "--db", db, "--lang", "en")
    assert proc.returncode == 0 and "imported 3" in proc.stderr
    got = {f"{r[0]}:{r[1]}": r[2:] for r in statuses(db)}
    assert got[ids[0]] == ("Hoàn thành", "2024-03-05", "đã xong")
    assert got[ids[1]] == ("Đang thực hiện", None, None)
    assert got[ids[2]] == (None, "2024-04-15", None)
    assert len(got) == 3
    shown = {i["ref"]: i["status"] for i in register_json(db, "search", "a")}
    assert shown[ids[0]] == {"status": "Hoàn thành", "done_on": "2024-03-05", "note": "đã xong"}
    # the next export carries them, and an import of a blank cell keeps what was recorded
    again = exported(work, db, "again.xlsx")
    ws = load_workbook(again)[TASK_SHEET]
    col = {c.value: c.column - 1 for c in ws[1]}
    row = [c.value for c in ws[2]]
    assert (row[col[STATUS_HEADER]], row[col[NOTE_HEADER]], row[col[REF_HEADER]]) == ("Hoàn thành", "đã xong", ids[0])
    fill(again, {2: {STATUS_HEADER: None, NOTE_HEADER: None}})
    before = statuses(db)
    kehoach("register", "import", again, "--db", db)
    assert statuses(db) == before
    # done tasks are not overdue
    overdue = register_json(db, "due", "--overdue", "--today", "2025-01-01")
    assert overdue and ids[0] not in {i["ref"] for i in overdue}


@needs(SEEDS_DIR)
@pytest.mark.parametrize("case", ["corrupt", "foreign", "other-register", "parse-workbook", "bad-status-late"])
def test_a_bad_workbook_changes_nothing(seeded, case, tmp_path):
    work, db = seeded
    book = exported(work, db, f"{case}.xlsx")
    fill(book, {2: {STATUS_HEADER: "Đang thực hiện", NOTE_HEADER: f"lần {case}"}})
    kehoach("register", "import", book, "--db", db)  # something recorded before
    before = statuses(db)
    assert before
    bad = tmp_path / "bad.xlsx"
    if case == "corrupt":
        data = book.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
        expect = "cannot read the workbook"
    elif case == "foreign":  # a workbook made elsewhere (no register id) whose ids this database does not hold
        other = tmp_path / "other.sqlite"
        plan = tmp_path / "kh.txt"
        plan.write_text((SEEDS_DIR / "000_4a6fe417c4c99215.txt").read_text(encoding="utf-8"), encoding="utf-8")
        kehoach("register", "add", plan, "--db", other, "-q")
        kehoach("register", "export", "-o", bad, "--db", other)
        wb = load_workbook(bad)
        ws = wb[TASK_SHEET]
        col = {c.value: c.column for c in ws[1]}
        for r in range(2, ws.max_row + 1):
            ws.cell(row=r, column=col[STATUS_HEADER], value="Hoàn thành")
            ws.cell(
                row=r, column=col[REF_HEADER], value="999:" + ws.cell(row=r, column=col[REF_HEADER]).value.split(":")[1]
            )
        wb.properties.identifier = None
        wb.save(bad)
        expect = "do not belong to this register"
    elif case == "other-register":  # the same plans in another register: the same ids, not the same tasks
        other = tmp_path / "other.sqlite"
        kehoach("register", "add", SEEDS_DIR, "--db", other, "-q")
        kehoach("register", "export", "-o", bad, "--db", other)
        assert refs(bad) == refs(book)
        fill(bad, {2: {STATUS_HEADER: "Hoàn thành"}})
        expect = "exported from another register"
    elif case == "parse-workbook":  # `parse -f xlsx`: no task ids to read statuses by
        kehoach("parse", SEEDS_DIR / "000_4a6fe417c4c99215.txt", "-f", "xlsx", "-o", bad)
        fill(bad, {2: {STATUS_HEADER: "Hoàn thành"}})
        expect = f"no '{REF_HEADER}' column"
    else:  # good rows first, a wrong status further down: none is written
        bad.write_bytes(book.read_bytes())
        fill(bad, {2: {STATUS_HEADER: "Hoàn thành"}, 3: {STATUS_HEADER: "Hoàn thành"}, 9: {STATUS_HEADER: "xong rồi"}})
        expect = "row 9: invalid status"
    proc = kehoach("register", "import", bad, "--db", db, "--lang", "en", check=False)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert (
        len(lines) == 1
        and expect in lines[0]
        and "database is unchanged" in lines[0]
        and "Traceback" not in proc.stderr
    )
    assert statuses(db) == before


PLAN = """ỦY BAN NHÂN DÂN HUYỆN B
Số: 7/KH-UBND
KẾ HOẠCH
Chuyển đổi số năm 2026

I. MỤC ĐÍCH

- Đẩy mạnh chuyển đổi số.

II. NHIỆM VỤ
{extra}
1. Số hóa hồ sơ một cửa

- Cơ quan chủ trì: Văn phòng HĐND và UBND huyện.

- Thời gian thực hiện: Quý II/2026.

2. Tập huấn kỹ năng số

- Cơ quan chủ trì: Phòng Văn hoá và Thông tin.

- Thời gian thực hiện: Tháng 5/2026.
"""
INSERTED = """
1. Khảo sát hiện trạng hạ tầng

- Cơ quan chủ trì: Phòng Nội vụ.

- Thời gian thực hiện: Tháng 4/2026.
"""


def test_a_status_follows_its_task_into_the_next_version(tmp_path):
    db, plan = tmp_path / "r.sqlite", tmp_path / "kh.txt"
    plan.write_text(PLAN.format(extra=""), encoding="utf-8")
    kehoach("register", "add", plan, "--db", db, "-q")
    book = exported(tmp_path, db, "v1.xlsx")
    tasks = {i["content"]: i["ref"] for i in register_json(db, "due", "--from", "2026-01-01", "--to", "2026-12-31")}
    row = refs(book).index(tasks["Tập huấn kỹ năng số"]) + 2
    fill(book, {row: {STATUS_HEADER: "Hoàn thành", NOTE_HEADER: "xong"}})
    kehoach("register", "import", book, "--db", db)
    # the next version inserts a task above: "Tập huấn kỹ năng số" gets another id, its status goes with it
    plan.write_text(
        PLAN.format(extra=INSERTED).replace("\n1. Số hóa", "\n2. Số hóa").replace("\n2. Tập huấn", "\n3. Tập huấn"),
        encoding="utf-8",
    )
    kehoach("register", "add", plan, "--db", db, "-q")
    items = register_json(db, "due", "--from", "2026-01-01", "--to", "2026-12-31", "--unit", "phòng văn hóa")
    assert [(i["content"], (i["status"] or {}).get("status")) for i in items] == [("Tập huấn kỹ năng số", "Hoàn thành")]
    assert items[0]["ref"] != tasks["Tập huấn kỹ năng số"]
    assert [p["version"] for p in register_json(db, "plans", "--all")] == [1, 2]
