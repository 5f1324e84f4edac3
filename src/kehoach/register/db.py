"""The register database: SQLite, its schema versioned with ``PRAGMA user_version``.

WAL lets readers go on while a `register add` writes; ``busy_timeout`` makes a second
writer wait for the lock instead of failing, and every write is one ``BEGIN IMMEDIATE``
transaction (taken before any read it depends on), so two `register add` at once both land.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEFAULT_DB = "register.sqlite"
BUSY_TIMEOUT_MS = 60_000

# one script per schema version: MIGRATIONS[i] brings user_version i to i + 1
MIGRATIONS: list[str] = [
    """
    CREATE TABLE documents (            -- one plan across its versions (linked by số, else trích yếu)
        id INTEGER PRIMARY KEY,
        issuer_key TEXT NOT NULL DEFAULT '',
        number_key TEXT NOT NULL DEFAULT '',
        title_key TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX documents_number ON documents(number_key, issuer_key);
    CREATE INDEX documents_title ON documents(title_key, issuer_key);
    CREATE TABLE plans (                -- one row per version of a document
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        version INTEGER NOT NULL,
        current INTEGER NOT NULL DEFAULT 1,
        path TEXT NOT NULL,
        number TEXT,
        title TEXT,
        issuer TEXT,
        date TEXT,
        document_type TEXT,
        digest TEXT NOT NULL,
        added_at TEXT NOT NULL,
        plan_json TEXT NOT NULL,
        UNIQUE (document_id, version)
    );
    CREATE INDEX plans_current ON plans(current, document_id);
    CREATE INDEX plans_path ON plans(path);
    CREATE TABLE tasks (
        plan_id INTEGER NOT NULL REFERENCES plans(id),
        task_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        content TEXT NOT NULL,
        content_key TEXT NOT NULL,     -- fold(content): search and carrying statuses across versions
        kind TEXT,
        start TEXT,
        "end" TEXT,
        per TEXT,
        task_json TEXT NOT NULL,
        PRIMARY KEY (plan_id, task_id)
    );
    CREATE TABLE task_units (
        plan_id INTEGER NOT NULL,
        task_id TEXT NOT NULL,
        role TEXT NOT NULL,            -- lead | support | monitoring
        name TEXT NOT NULL,
        key TEXT NOT NULL
    );
    CREATE INDEX task_units_key ON task_units(key);
    CREATE INDEX task_units_task ON task_units(plan_id, task_id);
    CREATE TABLE statuses (             -- what units report, per document and task id (survives versions)
        document_id INTEGER NOT NULL REFERENCES documents(id),
        task_id TEXT NOT NULL,
        status TEXT,
        done_on TEXT,
        note TEXT,
        updated_at TEXT NOT NULL,
        source TEXT,
        PRIMARY KEY (document_id, task_id)
    );
    """,
    # 2: the register's own id, written into the workbooks it exports: an import checks it
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta (key, value) VALUES ('register_id', lower(hex(randomblob(16))));
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def register_id(conn: sqlite3.Connection) -> str:
    """This register's id (random, made when the database was created or migrated to schema 2)."""
    return conn.execute("SELECT value FROM meta WHERE key = 'register_id'").fetchone()[0]


class RegisterError(Exception):
    """A register problem, shown as one line (`key` in i18n.py)."""

    def __init__(self, key: str, **details: object) -> None:
        super().__init__(key)
        self.key = key
        self.details = details

    def message(self, lang: str = "vi") -> str:
        from ..i18n import t

        return t(self.key, lang, **self.details)


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and create or migrate) the register at `path`."""
    path = Path(path)
    if not create and not path.exists():
        raise RegisterError("reg_no_db", path=str(path))
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise RegisterError("reg_busy", path=str(path), error=str(exc)) from None
        raise RegisterError("reg_not_db", path=str(path)) from None
    conn.row_factory = sqlite3.Row
    return conn


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        raise RegisterError("reg_too_new", path=str(path), found=found, known=SCHEMA_VERSION)
    if found == SCHEMA_VERSION:
        return
    with transaction(conn):  # the lock first: another process may be migrating too
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise RegisterError("reg_not_db", path=str(path))  # someone else's SQLite database
        for version in range(found, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")


def _statements(script: str) -> list[str]:
    """A migration script split into statements (executescript would commit our transaction)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line.split("--", 1)[0] + ("\n" if "--" in line else "")
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    return out


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, the write lock taken at once (BEGIN IMMEDIATE); rolled back on error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
