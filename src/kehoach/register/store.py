"""Adding plans to the register: a plan that changed becomes a new version of its document.

A document is the same plan across its versions. It is found by its number (số, with the
issuer), else by its title (trích yếu, with the issuer), else by the path it was added from;
a number or title that differs from a known non-empty one makes another document. Adding
the same plan again (same content, wherever it lies) changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from ..models import Plan
from ..plan.units import unit_key
from ..vntext import fold, key
from .db import transaction


@dataclass
class Added:
    status: str  # "added" (a new document), "updated" (a new version), "unchanged"
    plan_id: int
    document_id: int
    version: int
    tasks: int


def digest(plan: Plan) -> str:
    """The content's fingerprint: the plan without where it was read from."""
    data = plan.model_dump(mode="json")
    data["source"] = {k: v for k, v in data["source"].items() if k != "path"}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def identity(plan: Plan) -> tuple[str, str, str]:
    """(issuer key, number key, title key) of a plan; empty strings where it has none."""
    h = plan.header
    return (unit_key(h.issuer) if h.issuer else "", key(h.number) if h.number else "", key(h.title) if h.title else "")


def _find_document(conn: sqlite3.Connection, plan: Plan, path: str) -> int | None:
    issuer, number, title = identity(plan)
    if number:
        row = conn.execute(
            "SELECT id FROM documents WHERE number_key = ? AND issuer_key = ? ORDER BY id LIMIT 1", (number, issuer)
        ).fetchone()
        if row:
            return row[0]
    # a title or a path links versions only where the numbers do not contradict it
    if title:
        row = conn.execute(
            "SELECT id FROM documents WHERE title_key = ? AND issuer_key = ? "
            "AND (number_key = '' OR ? = '') ORDER BY id LIMIT 1",
            (title, issuer, number),
        ).fetchone()
        if row:
            return row[0]
    row = conn.execute(
        "SELECT d.id FROM plans p JOIN documents d ON d.id = p.document_id WHERE p.path = ? "
        "AND p.current = 1 AND (d.number_key = '' OR ? = '' OR d.number_key = ?) "
        "AND (d.title_key = '' OR ? = '' OR d.title_key = ?) ORDER BY d.id LIMIT 1",
        (path, number, number, title, title),
    ).fetchone()
    return row[0] if row else None


def add_plan(conn: sqlite3.Connection, plan: Plan, path: str | None = None) -> Added:
    """Store `plan` (one transaction): a new document, a new version of one, or nothing new."""
    path = path or plan.source.path
    fingerprint = digest(plan)
    with transaction(conn):
        document_id = _find_document(conn, plan, path)
        if document_id is not None:
            current = conn.execute(
                "SELECT id, version, digest FROM plans WHERE document_id = ? AND current = 1", (document_id,)
            ).fetchone()
            if current and current[2] == fingerprint:
                return Added("unchanged", current[0], document_id, current[1], len(plan.tasks))
        issuer, number, title = identity(plan)
        if document_id is None:
            document_id = conn.execute(
                "INSERT INTO documents (issuer_key, number_key, title_key) VALUES (?, ?, ?)", (issuer, number, title)
            ).lastrowid
            assert document_id is not None  # an INSERT sets lastrowid
            status = "added"
        else:  # the newest non-empty facts: a draft that got its number keeps its versions
            conn.execute(
                "UPDATE documents SET number_key = CASE WHEN ? = '' THEN number_key ELSE ? END, "
                "title_key = CASE WHEN ? = '' THEN title_key ELSE ? END WHERE id = ?",
                (number, number, title, title, document_id),
            )
            status = "updated"
        previous = conn.execute(
            "SELECT id, version FROM plans WHERE document_id = ? AND current = 1", (document_id,)
        ).fetchone()
        version = (previous[1] + 1) if previous else 1
        conn.execute("UPDATE plans SET current = 0 WHERE document_id = ?", (document_id,))
        plan_id = _insert_plan(conn, plan, path, document_id, version, fingerprint)
        if previous:
            _carry_statuses(conn, document_id, previous[0], plan_id)
    return Added(status, plan_id, document_id, version, len(plan.tasks))


def _insert_plan(
    conn: sqlite3.Connection, plan: Plan, path: str, document_id: int, version: int, fingerprint: str
) -> int:
    h = plan.header
    now = datetime.now(UTC).isoformat(timespec="seconds")
    plan_id = conn.execute(
        "INSERT INTO plans (document_id, version, current, path, number, title, issuer, date, document_type, "
        "digest, added_at, plan_json) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document_id,
            version,
            path,
            h.number or h.number_raw,
            h.title,
            h.issuer,
            h.date or h.date_partial,
            plan.document_type,
            fingerprint,
            now,
            plan.model_dump_json(),
        ),
    ).lastrowid
    assert plan_id is not None  # an INSERT sets lastrowid
    tasks, units = [], []
    for seq, task in enumerate(plan.tasks):
        tl = task.timeline
        tasks.append(
            (
                plan_id,
                task.id,
                seq,
                task.content,
                fold(task.content),
                tl.kind if tl else None,
                tl.start if tl else None,
                tl.end if tl else None,
                tl.recurrence.per if tl and tl.recurrence else None,
                json.dumps(task.model_dump(mode="json"), ensure_ascii=False),
            )
        )
        for role in ("lead", "support", "monitoring"):
            for unit in getattr(task, role):
                units.append((plan_id, task.id, role, unit.name, unit.key))
    conn.executemany(
        'INSERT OR IGNORE INTO tasks (plan_id, task_id, seq, content, content_key, kind, start, "end", '
        "per, task_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        tasks,
    )
    conn.executemany("INSERT INTO task_units (plan_id, task_id, role, name, key) VALUES (?, ?, ?, ?, ?)", units)
    return plan_id


def _carry_statuses(conn: sqlite3.Connection, document_id: int, old_plan: int, new_plan: int) -> None:
    """A status stays with its task: when the new version numbers a task differently (a task
    inserted above it), the status follows the task's content to its new id."""
    old = dict(conn.execute("SELECT task_id, content_key FROM tasks WHERE plan_id = ?", (old_plan,)).fetchall())
    new = dict(conn.execute("SELECT task_id, content_key FROM tasks WHERE plan_id = ?", (new_plan,)).fetchall())
    by_content: dict[str, str] = {}
    for task_id, content in new.items():
        by_content.setdefault(content, task_id)
    rows = conn.execute(
        "SELECT task_id, status, done_on, note, updated_at, source FROM statuses WHERE document_id = ?", (document_id,)
    ).fetchall()
    moved = []
    for row in rows:
        task_id, content = row[0], old.get(row[0])
        if content is None or new.get(task_id) == content or content not in by_content:
            moved.append(tuple(row))  # same task, or nowhere better to go: it stays
        else:
            moved.append((by_content[content], *tuple(row)[1:]))
    targets = [r[0] for r in moved]
    if targets == [r[0] for r in rows] or len(set(targets)) < len(targets):
        return  # nothing moves, or two would land on one task: none moves
    conn.execute("DELETE FROM statuses WHERE document_id = ?", (document_id,))
    for row in moved:
        conn.execute(
            "INSERT INTO statuses (document_id, task_id, status, done_on, note, updated_at, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (document_id, *row),
        )
