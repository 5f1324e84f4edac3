"""`register import`: read back the statuses units filled in the register's workbook.

The whole workbook is read and checked before anything is written, and written in one
transaction: a damaged file, a workbook of another register (ids this database does not
hold), an unknown status or date leaves the database as it was. A blank cell never erases
what was recorded before.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..export.xlsx_out import STATUS_CHOICES, TASK_SHEET
from ..vntext import key
from .db import RegisterError, register_id, transaction
from .workbook import DONE_HEADER, NOTE_HEADER, ORIGIN_PREFIX, REF_HEADER, STATUS_HEADER

_STATUS_BY_KEY = {key(s): s for s in STATUS_CHOICES}


@dataclass
class Imported:
    updated: int
    kept: int  # blank cells that left a recorded value as it was


def read_workbook(path: str | Path) -> tuple[str | None, list[tuple[int, str, str | None, str | None, str | None]]]:
    """(the register id it was exported from, [(row, ref, status, done_on, note) of every row
    with an id]); RegisterError on a bad file."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(str(path), read_only=True, data_only=True)
        identifier = wb.properties.identifier or ""
        origin = identifier[len(ORIGIN_PREFIX) :] if identifier.startswith(ORIGIN_PREFIX) else None
        ws = wb[TASK_SHEET] if TASK_SHEET in wb.sheetnames else wb.active
        if ws is None:  # no sheet at all: reported as before, one line
            raise AttributeError("the workbook has no active sheet")
        rows = ws.iter_rows(values_only=True)
        header = [str(v).strip() if v is not None else "" for v in next(rows, ())]
        body = list(rows)
        wb.close()
    except Exception as exc:  # noqa: BLE001  (a zip that is not one, XML that does not parse, …: one line)
        raise RegisterError("reg_import_unreadable", path=str(path), error=type(exc).__name__) from None
    if REF_HEADER not in header:
        raise RegisterError("reg_import_no_ids", path=str(path), column=REF_HEADER)
    col = {name: header.index(name) for name in (REF_HEADER, STATUS_HEADER, DONE_HEADER, NOTE_HEADER) if name in header}
    out = []
    for number, values in enumerate(body, start=2):

        def cell(name: str, values: tuple[Any, ...] = values) -> Any:
            i = col.get(name)
            return values[i] if i is not None and i < len(values) else None

        ref = cell(REF_HEADER)
        if ref is None or not str(ref).strip():
            continue
        out.append(
            (
                number,
                str(ref).strip(),
                _status(cell(STATUS_HEADER), path, number),
                _done(cell(DONE_HEADER), path, number),
                _text(cell(NOTE_HEADER)),
            )
        )
    return origin, out


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _status(value: Any, path: str | Path, row: int) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if key(text) not in _STATUS_BY_KEY:
        raise RegisterError(
            "reg_import_bad_status", path=str(path), row=row, value=text, choices=" / ".join(STATUS_CHOICES)
        )
    return _STATUS_BY_KEY[key(text)]


def _done(value: Any, path: str | Path, row: int) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            pass
    raise RegisterError("reg_import_bad_date", path=str(path), row=row, value=text)


def import_statuses(conn: sqlite3.Connection, path: str | Path) -> Imported:
    """Check the whole workbook against the register, then record its statuses at once."""
    origin, rows = read_workbook(path)
    if origin is not None and origin != register_id(conn):  # exported from another register
        raise RegisterError("reg_import_other", path=str(path))
    known = {
        f"{d}:{t}"
        for d, t in conn.execute(
            "SELECT DISTINCT p.document_id, t.task_id FROM tasks t JOIN plans p ON p.id = t.plan_id"
        )
    }
    foreign = [ref for _, ref, *_ in rows if ref not in known]
    if foreign:
        raise RegisterError("reg_import_foreign", path=str(path), count=len(foreign), example=foreign[0])
    now = datetime.now(UTC).isoformat(timespec="seconds")
    updated = kept = 0
    with transaction(conn):
        for _, ref, status, done_on, note in rows:
            document, task_id = ref.split(":", 1)
            old = conn.execute(
                "SELECT status, done_on, note FROM statuses WHERE document_id = ? AND task_id = ?",
                (int(document), task_id),
            ).fetchone()
            new: tuple[str | None, ...] = (status, done_on, note)
            if old:
                kept += sum(1 for n, o in zip(new, old, strict=True) if n is None and o is not None)
                new = tuple(n if n is not None else o for n, o in zip(new, old, strict=True))
                if tuple(old) == new:
                    continue
            elif new == (None, None, None):
                continue
            conn.execute(
                "INSERT INTO statuses (document_id, task_id, status, done_on, note, updated_at, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, task_id) DO UPDATE SET "
                "status = excluded.status, done_on = excluded.done_on, note = excluded.note, "
                "updated_at = excluded.updated_at, source = excluded.source",
                (int(document), task_id, *new, now, str(path)),
            )
            updated += 1
    return Imported(updated, kept)
