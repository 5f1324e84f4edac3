"""The office's questions to the register: what falls due, who carries what, which plans, where."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import date
from typing import Any

from ..plan.units import unit_key
from ..vntext import fold
from .due import occurrences

DONE = "Hoàn thành"


def task_ref(document_id: int, task_id: str) -> str:
    """The id of a task across the register and its workbook: '<document>:<task id>'."""
    return f"{document_id}:{task_id}"


def unit_matches(query: str, keys: list[str]) -> bool:
    """Does the unit asked for name one of these unit keys? Keys compare tone placement and
    spelling variants away (plan/units.py); the query may be a whole-word part of a name
    ("Sở Nội vụ" finds "Sở Nội vụ tỉnh")."""
    q = f" {unit_key(query)} "
    return q.strip() != "" and any(q in f" {k} " for k in keys)


def _task_rows(conn: sqlite3.Connection, where: str = "", params: tuple = ()) -> list[sqlite3.Row]:
    return conn.execute(
        'SELECT t.plan_id, t.task_id, t.seq, t.task_json, t.kind, t.start, t."end", p.document_id, p.path, '
        "p.number, p.title, s.status, s.done_on, s.note FROM tasks t JOIN plans p ON p.id = t.plan_id "
        "LEFT JOIN statuses s ON s.document_id = p.document_id AND s.task_id = t.task_id "
        f"WHERE p.current = 1 {where} ORDER BY p.path, p.id, t.seq",
        params,
    ).fetchall()


def _units_of(conn: sqlite3.Connection, plan_ids: set[int], role: str) -> dict[tuple[int, str], list[str]]:
    out: dict[tuple[int, str], list[str]] = {}
    roles = ("lead", "support") if role == "any" else (role,)
    for plan_id, task_id, r, k in conn.execute("SELECT plan_id, task_id, role, key FROM task_units"):
        if plan_id in plan_ids and r in roles:
            out.setdefault((plan_id, task_id), []).append(k)
    return out


def _item(row: sqlite3.Row) -> dict[str, Any]:
    item = json.loads(row["task_json"])
    item["plan"] = {"path": row["path"], "number": row["number"], "title": row["title"]}
    item["ref"] = task_ref(row["document_id"], row["task_id"])
    item["status"] = (
        {"status": row["status"], "done_on": row["done_on"], "note": row["note"]}
        if row["status"] or row["done_on"] or row["note"]
        else None
    )
    return item


def due(
    conn: sqlite3.Connection,
    since: date | None,
    until: date | None,
    *,
    unit: str | None = None,
    role: str = "any",
    overdue: bool = False,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """One item per occurrence falling due in [since, until]: the task as `parse` writes it,
    `due`, `plan` {path, number, title}, `ref` and `status`. `overdue`: only occurrences before
    `today` whose task is not marked done."""
    where = ""
    params: tuple[str, ...] = ()
    if since:
        where += ' AND COALESCE(t."end", t.start) >= ?'
        params += (since.isoformat(),)
    if until:
        where += ' AND COALESCE(t.start, t."end") <= ?'
        params += (until.isoformat(),)
    rows = _task_rows(conn, where, params)
    units = _units_of(conn, {r["plan_id"] for r in rows}, role) if unit else {}
    today = today or date.today()
    out = []
    for row in rows:
        if unit and not unit_matches(unit, units.get((row["plan_id"], row["task_id"]), [])):
            continue
        if overdue and row["status"] == DONE:
            continue
        item = None
        for day in occurrences(json.loads(row["task_json"]).get("timeline"), since, until):
            if overdue and day >= today:
                continue
            item = item or _item(row)
            out.append({**item, "due": day.isoformat()})
    out.sort(key=lambda i: i["due"])  # stable: plan, then document order within a day
    return out


def units(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Workload per unit (by key) across the current plans: tasks led, tasks supported, plans."""
    stats: dict[str, dict[str, Any]] = {}
    for name, k, role, plan_id, task_id in conn.execute(
        "SELECT u.name, u.key, u.role, u.plan_id, u.task_id FROM task_units u JOIN plans p ON p.id = u.plan_id "
        "WHERE p.current = 1 AND u.role IN ('lead', 'support')"
    ):
        s = stats.setdefault(k, {"names": Counter(), "lead": set(), "support": set(), "plans": set()})
        s["names"][name] += 1
        s[role].add((plan_id, task_id))
        s["plans"].add(plan_id)
    out = [
        {
            "unit": s["names"].most_common(1)[0][0],
            "key": k,
            "lead": len(s["lead"]),
            "support": len(s["support"]),
            "plans": len(s["plans"]),
        }
        for k, s in stats.items()
    ]
    out.sort(key=lambda u: (-(u["lead"] + u["support"]), u["key"]))
    return out


def plans(conn: sqlite3.Connection, all_versions: bool = False) -> list[dict[str, Any]]:
    """The plans in the register (the current version of each, or every version)."""
    rows = conn.execute(
        "SELECT p.document_id, p.version, p.current, p.number, p.title, p.issuer, p.date, p.path, p.added_at, "
        "(SELECT count(*) FROM tasks t WHERE t.plan_id = p.id) AS tasks FROM plans p "
        f"{'' if all_versions else 'WHERE p.current = 1'} ORDER BY p.document_id, p.version"
    ).fetchall()
    return [
        {
            "document": r["document_id"],
            "version": r["version"],
            "current": bool(r["current"]),
            "number": r["number"],
            "title": r["title"],
            "issuer": r["issuer"],
            "date": r["date"],
            "tasks": r["tasks"],
            "path": r["path"],
            "added_at": r["added_at"],
        }
        for r in rows
    ]


def search(conn: sqlite3.Connection, text: str) -> list[dict[str, Any]]:
    """Tasks of the current plans whose content holds `text` (diacritics and case ignored)."""
    needle = fold(text)
    if not needle:
        return []
    return [_item(r) for r in _task_rows(conn, "AND instr(t.content_key, ?) > 0", (needle,))]


def all_tasks(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every task of the current plans (the workbook `register export` writes)."""
    return [_item(r) for r in _task_rows(conn)]


def plan_json(conn: sqlite3.Connection, document_id: int, version: int | None = None) -> str | None:
    """The stored JSON of a document's version (its current one by default), as `parse` wrote it."""
    row = conn.execute(
        "SELECT plan_json FROM plans WHERE document_id = ? AND " + ("version = ?" if version else "current = 1"),
        (document_id, version) if version else (document_id,),
    ).fetchone()
    return row[0] if row else None
