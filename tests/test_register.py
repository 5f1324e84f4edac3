"""The register (kehoach register …): plans of every realdocs file and seed, due lists checked
against an expectation computed here from `parse`'s JSON, versions, concurrency."""

from __future__ import annotations

import calendar
import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import REALDOCS, SEEDS_DIR, needs
from kehoach.plan.units import unit_key
from kehoach.register.db import MIGRATIONS, SCHEMA_VERSION, RegisterError, _statements, connect, register_id
from kehoach.register.due import occurrences


def kehoach(*args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    proc = subprocess.run(
        [sys.executable, "-m", "kehoach", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if check:
        assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return proc


# ---------------------------------------------------------------- the expectation, computed here


def _last_of_month(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def expected_days(timeline: dict | None, lo: date, hi: date) -> list[date]:
    """When a task falls due in [lo, hi], by scanning the days one by one (not how due.py does it):
    a recurring task on the last day of each of its periods within its start..end and on the end;
    any other dated timeline once, on its end (or start)."""
    if not timeline or timeline["kind"] == "event" or not (timeline.get("start") or timeline.get("end")):
        return []
    start = date.fromisoformat(timeline["start"]) if timeline.get("start") else None
    end = date.fromisoformat(timeline["end"]) if timeline.get("end") else None
    per = (timeline.get("recurrence") or {}).get("per")
    if timeline["kind"] == "recurring" and per and start and end:
        out, day = [], lo
        while day <= hi:
            if start <= day <= end and (
                day == end
                or per == "day"
                or (per == "week" and (day - start).days % 7 == 6)
                or (per == "month" and _last_of_month(day))
                or (per == "quarter" and _last_of_month(day) and day.month % 3 == 0)
                or (per == "year" and day.month == 12 and day.day == 31)
            ):
                out.append(day)
            day += timedelta(days=1)
        return out
    day = end or start
    return [day] if lo <= day <= hi else []


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A register of every realdocs file and seed, and `parse`'s JSON of the same inputs."""
    if not REALDOCS.exists() or not SEEDS_DIR.exists():
        pytest.skip(
            f"shared material not found: {REALDOCS if not REALDOCS.exists() else SEEDS_DIR} "
            "(expected ../shared beside the repository, or KEHOACH_SHARED)"
        )
    work = tmp_path_factory.mktemp("register")
    db = work / "reg.sqlite"
    kehoach("register", "add", REALDOCS, SEEDS_DIR, "--db", db, "-j", "2", "-q")
    kehoach("parse", REALDOCS, SEEDS_DIR, "-o", f"{work / 'json'}/", "-j", "2", "-q")
    plans = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((work / "json").rglob("*.json"))]
    return db, [p for p in plans if p["is_plan"]]


def register_json(db: Path, *args: str) -> list[dict]:
    return json.loads(kehoach("register", *args, "--db", db, "-f", "json").stdout)


@needs(REALDOCS, SEEDS_DIR)
def test_every_plan_is_in_the_register(built):
    db, plans = built
    stored = register_json(db, "plans", "--all")
    assert sorted(p["path"] for p in stored) == sorted(p["source"]["path"] for p in plans)
    by_path = {p["source"]["path"]: p for p in plans}
    for row in stored:
        assert row["tasks"] == len(by_path[row["path"]]["tasks"])
    # versions of one plan (drafts, then the issued text) share a document; the last one given is current
    current = [p for p in stored if p["current"]]
    assert len(current) == len({p["document"] for p in stored}) < len(stored)


@needs(REALDOCS, SEEDS_DIR)
@pytest.mark.parametrize(
    "lo,hi", [("2026-01-01", "2026-03-31"), ("2026-04-01", "2026-06-30"), ("2024-10-01", "2024-12-31")]
)
def test_due_in_a_quarter_is_exactly_the_tasks_whose_timeline_falls_in_it(built, lo, hi):
    db, plans = built
    current = {p["path"] for p in register_json(db, "plans")}
    want = Counter()
    for plan in plans:
        if plan["source"]["path"] in current:
            for task in plan["tasks"]:
                for day in expected_days(task["timeline"], date.fromisoformat(lo), date.fromisoformat(hi)):
                    want[(plan["source"]["path"], task["id"], day.isoformat())] += 1
    got_items = register_json(db, "due", "--from", lo, "--to", hi)
    got = Counter((i["plan"]["path"], i["id"], i["due"]) for i in got_items)
    assert got == want and len(want) > 5
    # the contract: the task's fields as parse writes them, the day it falls due, the plan
    tasks = {(p["source"]["path"], t["id"]): t for p in plans for t in p["tasks"]}
    numbers = {p["source"]["path"]: p["header"]["number"] for p in plans}
    for item in got_items:
        task = tasks[(item["plan"]["path"], item["id"])]
        assert {k: item[k] for k in task} == task
        assert set(item["plan"]) == {"path", "number", "title"}
        assert item["plan"]["number"] in (numbers[item["plan"]["path"]], None) or item["plan"]["number"].startswith("/")
    assert [i["due"] for i in got_items] == sorted(i["due"] for i in got_items)


@needs(REALDOCS, SEEDS_DIR)
def test_recurring_tasks_are_expanded_and_units_match_by_key(built):
    db, _ = built
    items = register_json(db, "due", "--from", "2024-01-01", "--to", "2024-12-31")
    monthly = Counter(
        i["id"]
        for i in items
        if (i["timeline"].get("recurrence") or {}).get("per") == "month"
        and i["timeline"]["start"] == "2024-01-01"
        and i["timeline"]["end"] == "2024-12-31"
    )
    assert monthly and set(monthly.values()) == {12}
    # a unit asked for with old-style tones and another case finds the same tasks
    lead = Counter(u["name"] for i in items for u in i["lead"]).most_common(1)[0][0]
    variants = {lead, lead.upper(), lead.replace("hóa", "hoá").replace("Hóa", "Hoá")}
    results = [register_json(db, "due", "--from", "2024-01-01", "--to", "2024-12-31", "--unit", v) for v in variants]
    assert results[0] and all(r == results[0] for r in results)
    wanted = f" {unit_key(lead)} "
    assert all(any(wanted in f" {u['key']} " for u in i["lead"] + i["support"]) for i in results[0])


@needs(REALDOCS, SEEDS_DIR)
def test_units_plans_search_and_formats(built):
    db, plans = built
    units = register_json(db, "units")
    assert units[0]["lead"] + units[0]["support"] >= units[-1]["lead"] + units[-1]["support"]
    hits = register_json(db, "search", "cai cach hanh chinh")  # without diacritics
    assert hits and all("cải cách hành chính" in h["content"].lower() for h in hits)
    csv_text = kehoach("register", "due", "--from", "2026-01-01", "--to", "2026-03-31", "--db", db, "-f", "csv").stdout
    assert csv_text.splitlines()[0].startswith("due,ref,plan_path")
    table = kehoach("register", "plans", "--db", db, "--lang", "en").stdout
    assert "Title" in table and "Trích yếu" not in table


def test_due_rules_on_inline_timelines():
    q = {"kind": "recurring", "start": "2026-01-01", "end": "2026-12-31", "recurrence": {"count": 1, "per": "quarter"}}
    assert occurrences(q) == [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31)]
    assert occurrences(q, date(2026, 4, 1), date(2026, 9, 30)) == [date(2026, 6, 30), date(2026, 9, 30)]
    week = {"kind": "recurring", "start": "2026-03-02", "end": "2026-03-20", "recurrence": {"per": "week"}}
    assert occurrences(week) == [date(2026, 3, 8), date(2026, 3, 15), date(2026, 3, 20)]
    assert occurrences({"kind": "deadline", "start": None, "end": "2026-05-15"}) == [date(2026, 5, 15)]
    assert occurrences({"kind": "quarter", "start": "2026-04-01", "end": "2026-06-30"}, date(2026, 7, 1)) == []
    assert occurrences({"kind": "event", "start": None, "end": None}) == []
    assert occurrences({"kind": "recurring", "start": None, "end": None, "recurrence": {"per": "month"}}) == []


PLAN_V1 = """ỦY BAN NHÂN DÂN HUYỆN A
Số: 12/KH-UBND
KẾ HOẠCH
Kiểm tra công tác văn thư năm 2026

I. MỤC ĐÍCH

- Nâng cao chất lượng công tác văn thư.

II. NHIỆM VỤ

1. Xây dựng quy chế văn thư

- Cơ quan chủ trì: Phòng Nội vụ.

- Thời gian thực hiện: Trước ngày 30/6/2026.

2. Kiểm tra hồ sơ lưu trữ

- Cơ quan chủ trì: Văn phòng HĐND và UBND huyện.

- Thời gian thực hiện: Quý III/2026.
"""
PLAN_TASK_3 = """
3. Tổng kết công tác văn thư

- Cơ quan chủ trì: Phòng Nội vụ.

- Thời gian thực hiện: Tháng 12/2026.
"""


def test_a_changed_plan_keeps_its_history(tmp_path):
    db = tmp_path / "r.sqlite"
    plan = tmp_path / "kh.txt"
    plan.write_text(PLAN_V1, encoding="utf-8")
    kehoach("register", "add", plan, "--db", db)
    again = kehoach("register", "add", plan, "--db", db, "--lang", "en")
    assert "unchanged" in again.stderr
    plan.write_text(PLAN_V1 + PLAN_TASK_3, encoding="utf-8")
    kehoach("register", "add", plan, "--db", db)
    versions = register_json(db, "plans", "--all")
    assert [(v["document"], v["version"], v["current"], v["tasks"]) for v in versions] == [
        (1, 1, False, 2),
        (1, 2, True, 3),
    ]
    old = json.loads(kehoach("register", "show", "1", "--version", "1", "--db", db).stdout)
    new = json.loads(kehoach("register", "show", "1", "--db", db).stdout)
    assert len(old["tasks"]) == 2 and len(new["tasks"]) == 3 and old["header"]["number"] == "12/KH-UBND"
    assert [i["content"] for i in register_json(db, "due", "--from", "2026-01-01", "--to", "2026-12-31")][
        -1
    ].startswith("Tổng kết")
    # a due list with nothing in it is still a workbook: the header rows, no plan row
    empty = tmp_path / "empty.xlsx"
    proc = kehoach(
        "register", "due", "--from", "2001-01-01", "--to", "2001-02-01", "--db", db, "-f", "xlsx", "-o", empty
    )
    assert proc.returncode == 0, proc.stderr
    from openpyxl import load_workbook

    assert [ws.max_row for ws in load_workbook(empty)] == [1, 1]


def test_two_concurrent_adds_both_land(tmp_path):
    db = tmp_path / "r.sqlite"
    files = []
    for n in range(2):
        f = tmp_path / f"kh{n}.txt"
        f.write_text(PLAN_V1.replace("12/KH-UBND", f"{n + 40}/KH-UBND"), encoding="utf-8")
        files.append(f)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "kehoach", "register", "add", str(f), "--db", str(db)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for f in files
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    numbers = sorted(p["number"] for p in register_json(db, "plans"))
    assert numbers == ["40/KH-UBND", "41/KH-UBND"]


def test_schema_is_versioned_and_a_foreign_file_is_refused(tmp_path):
    conn = connect(tmp_path / "r.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # a database of schema 1 (no register id) is migrated in place, its plans kept
    old = tmp_path / "v1.sqlite"
    raw = sqlite3.connect(old)
    for statement in _statements(MIGRATIONS[0]):
        raw.execute(statement)
    raw.execute("INSERT INTO documents (id) VALUES (1)")
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    upgraded = connect(old)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert upgraded.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert len(register_id(upgraded)) == 32 and register_id(upgraded) != register_id(conn)
    too_new = tmp_path / "new.sqlite"
    sqlite3.connect(too_new).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RegisterError) as err:
        connect(too_new)
    assert "newer kehoach" in err.value.message("en")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (y)")
    with pytest.raises(RegisterError) as err:
        connect(other)
    assert "not a register" in err.value.message("en")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    proc = kehoach("register", "plans", "--db", junk, check=False)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
