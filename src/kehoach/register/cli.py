"""`kehoach register …`: the follow-up register (a typer sub-app; everything heavy is imported
inside the commands, so `kehoach --help` stays fast).

Exit codes: 0 done · 1 some inputs of `add` failed · 2 usage error, a database or workbook
that cannot be used (nothing written).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import typer

from ..options import lang_option
from ..options import usage_error as _fail

Query = Callable[[Any], list[dict[str, Any]]]  # a query of queries.py on an open database

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="the follow-up register: plans, due lists, statuses (SQLite)",
)


def _db_option() -> Any:
    return typer.Option("register.sqlite", "--db", help="the register database (created when missing)")


def _fmt_option() -> Any:
    return typer.Option("table", "--format", "-f", help="table (terminal), csv, json, xlsx (needs -o)")


def _out_option() -> Any:
    return typer.Option(None, "--output", "-o", help="write to this file instead of standard output")


def _open(db: str, lang: str, create: bool = False):
    from .db import RegisterError, connect

    try:
        return connect(db, create=create)
    except RegisterError as exc:
        raise _fail(exc.message(lang), lang) from None


def _emit(text: str | bytes, output: str | None, lang: str) -> None:
    from ..outputs import OutputError, emit

    try:
        emit(text, output)
    except OutputError as exc:
        raise _fail(exc.message(lang), lang) from None


def _check_fmt(fmt: str, output: str | None, lang: str) -> str:
    from ..i18n import t
    from .render import FORMATS

    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise _fail(t("bad_format_option", lang, value=fmt, choices=", ".join(FORMATS)), lang)
    if fmt == "xlsx" and output is None:
        raise _fail(t("reg_xlsx_needs_output", lang), lang)
    return fmt


def _day(value: str | None, option: str, lang: str) -> date | None:
    from ..i18n import t

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(t("reg_bad_date", lang, option=option, value=value), lang) from None


@app.command("add")
def add_cmd(
    files: list[str] = typer.Argument(..., help="plan files or folders (what `kehoach parse` reads)"),
    db: str = _db_option(),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="worker processes (default: number of CPUs)"),
    timeout: float = typer.Option(120.0, "--timeout", help="seconds per file (0: no limit)"),
    ocr: bool = typer.Option(False, "--ocr", help="recognise the text of scanned PDFs (Tesseract)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="only failures"),
    lang: str = lang_option("vi"),
) -> None:
    """Parse plans and store them with their tasks; a plan that changed becomes a new version."""
    from .. import batch
    from ..i18n import t
    from .db import RegisterError
    from .store import add_plan

    lang = lang or "vi"
    try:
        sources = batch.discover(files, documents_only=True)
    except batch.UsageError as exc:
        raise _fail(exc.message(lang), lang) from None
    conn = _open(db, lang, create=True)
    counts = {"added": 0, "unchanged": 0, "failed": 0}
    problems: list[str] = []

    pending: dict[int, Any] = {}
    following = [0]

    def in_order(index: int, outcome: Any) -> None:
        # stored in input order whatever order the workers finish in: the last version given is current
        pending[index] = outcome
        while following[0] in pending:
            store(pending.pop(following[0]))
            following[0] += 1

    def store(outcome: Any) -> None:  # in this process, as the files are parsed
        if not outcome.ok:
            return
        plan = outcome.value.plan
        if not plan.is_plan:
            if not quiet:
                typer.echo(t("reg_not_plan", lang, file=plan.source.path, doc_type=plan.document_type), err=True)
            return
        try:
            added = add_plan(conn, plan)
        except RegisterError as exc:
            outcome.value, outcome.error = None, exc.message(lang)
            return
        except Exception as exc:  # noqa: BLE001  (sqlite3.OperationalError after the busy timeout, …)
            outcome.value, outcome.error = None, f"{plan.source.path}: {t('reg_busy', lang, path=db, error=exc)}"
            return
        counts["unchanged" if added.status == "unchanged" else "added"] += 1
        if not quiet:
            key = "reg_unchanged" if added.status == "unchanged" else "reg_added"
            typer.echo(
                t(
                    key,
                    lang,
                    file=plan.source.path,
                    number=plan.header.number or "—",
                    tasks=added.tasks,
                    version=added.version,
                ),
                err=True,
            )

    result = batch.run(
        sources,
        batch.parse_job,
        batch.ParseOptions(formats=(), keep_plan=True, ocr=ocr),
        jobs=jobs,
        timeout=timeout or None,
        lang=lang,
        on_outcome=in_order,
        reporter=batch.ConsoleReporter(lang, quiet=quiet),
    )
    for outcome in result.failures:
        counts["failed"] += 1
        problems.append(outcome.error or "")
    if not quiet:
        typer.echo(t("reg_summary", lang, **counts), err=True)
    if result.interrupted:
        raise typer.Exit(130)
    if counts["failed"]:
        raise typer.Exit(1 if len(sources) > 1 else 2)


@app.command("due")
def due_cmd(
    since: str | None = typer.Option(None, "--from", help="first day (YYYY-MM-DD; default: the 1st of this month)"),
    until: str | None = typer.Option(None, "--to", help="last day (YYYY-MM-DD; default: the end of this month)"),
    unit: str | None = typer.Option(
        None,
        "--unit",
        "-u",
        help="only tasks of this unit (matched by its key: tone placement, case, spelling variants)",
    ),
    role: str = typer.Option("any", "--role", help="with --unit: lead, support or any"),
    overdue: bool = typer.Option(
        False, "--overdue", help="only what fell due before today and is not done (without --from: since the beginning)"
    ),
    today: str | None = typer.Option(None, "--today", hidden=True, help="the day taken as today (tests)"),
    db: str = _db_option(),
    fmt: str = _fmt_option(),
    output: str | None = _out_option(),
    lang: str = lang_option("vi"),
) -> None:
    """What falls due in a window: one line per occurrence (recurring tasks expanded)."""
    from ..i18n import t
    from .queries import due

    lang = lang or "vi"
    fmt = _check_fmt(fmt, output, lang)
    if role not in ("lead", "support", "any"):
        raise _fail(t("bad_format_option", lang, value=role, choices="lead, support, any"), lang)
    now = _day(today, "--today", lang) or date.today()
    start, end = _day(since, "--from", lang), _day(until, "--to", lang)
    if overdue:
        end = min(end or now - timedelta(days=1), now - timedelta(days=1))
    else:  # by default the month of --from, of --to, or of today
        start = start or (end or now).replace(day=1)
        end = end or (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if start and end and start > end and not overdue:
        raise _fail(t("reg_bad_window", lang, start=start, end=end), lang)
    conn = _open(db, lang)
    items = due(conn, start, end, unit=unit, role=role, overdue=overdue, today=now)
    _out(conn, items, fmt, output, lang, with_due=True)


def _query(
    query: Query, db: str, fmt: str, output: str | None, lang: str, columns: Any = None, sheet: str = ""
) -> None:
    """A query command: check -f, open the database, write what `query(conn)` returns (see `_out`)."""
    lang = lang or "vi"
    fmt = _check_fmt(fmt, output, lang)
    conn = _open(db, lang)
    _out(conn, query(conn), fmt, output, lang, columns, sheet)


def _out(
    conn: Any,
    items: list[dict[str, Any]],
    fmt: str,
    output: str | None,
    lang: str,
    columns: Any = None,
    sheet: str = "",
    with_due: bool = False,
) -> None:
    """Rows of tasks (no `sheet`: the task columns, or the due ones `with_due`) or other rows
    (`columns`, a workbook of one sheet `sheet`) as JSON, CSV, XLSX or a table."""
    from . import render

    if fmt == "json":
        _emit(render.as_json(items), output, lang)
    elif fmt == "csv":
        text = render.rows_csv(items) if sheet else render.task_csv(items, with_due)
        _emit(("\ufeff" if output else "") + text, output, lang)
    elif fmt == "xlsx":
        _emit(render.rows_xlsx(items, sheet) if sheet else _tasks_xlsx(conn, items, with_due), output, lang)
    else:
        _table(items, columns or (render.DUE_TABLE if with_due else render.TASK_TABLE), output, lang)


def _tasks_xlsx(conn: Any, items: list[dict[str, Any]], with_due: bool) -> bytes:
    from ..models import Plan
    from .db import register_id
    from .workbook import items_xlsx

    paths = dict.fromkeys(i["plan"]["path"] for i in items)
    plans = {}
    for path in paths:
        row = conn.execute("SELECT plan_json FROM plans WHERE path = ? AND current = 1", (path,)).fetchone()
        if row:
            plans[path] = Plan.model_validate_json(row[0])
    return items_xlsx(items, plans, with_due=with_due, origin=register_id(conn))


def _table(items: list[dict[str, Any]], columns: Any, output: str | None, lang: str) -> None:
    from ..i18n import t
    from . import render

    if not items:
        typer.echo(t("reg_no_rows", lang), err=True)
        return
    if output is None and sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        tab = Table()
        for vi, en, _ in columns:
            tab.add_column(vi if lang == "vi" else en, overflow="fold")
        for item in items:
            tab.add_row(*(str(get(item)) for _, _, get in columns))
        Console(highlight=False).print(tab)
        return
    _emit(render.table(items, columns, lang), output, lang)


@app.command("units")
def units_cmd(
    db: str = _db_option(), fmt: str = _fmt_option(), output: str | None = _out_option(), lang: str = lang_option("vi")
) -> None:
    """Workload per unit across the current plans: tasks led, tasks supported, plans."""
    from . import render
    from .queries import units

    _query(units, db, fmt, output, lang, render.UNIT_TABLE, "Đơn vị")


@app.command("plans")
def plans_cmd(
    all_versions: bool = typer.Option(False, "--all", help="every version, not only the current one"),
    db: str = _db_option(),
    fmt: str = _fmt_option(),
    output: str | None = _out_option(),
    lang: str = lang_option("vi"),
) -> None:
    """The plans in the register (the Id is the document's, shared by its versions)."""
    from . import render
    from .queries import plans

    _query(lambda conn: plans(conn, all_versions), db, fmt, output, lang, render.PLAN_TABLE, "Kế hoạch")


@app.command("search")
def search_cmd(
    text: str = typer.Argument(..., help="words to find in the tasks (diacritics, case ignored)"),
    db: str = _db_option(),
    fmt: str = _fmt_option(),
    output: str | None = _out_option(),
    lang: str = lang_option("vi"),
) -> None:
    """Tasks of the current plans whose content holds TEXT."""
    from .queries import search

    _query(lambda conn: search(conn, text), db, fmt, output, lang)


@app.command("export")
def export_cmd(
    output: str = typer.Option(..., "--output", "-o", help="the workbook to write (.xlsx)"),
    db: str = _db_option(),
    lang: str = lang_option("vi"),
) -> None:
    """The workbook of every task, with the statuses recorded so far, for units to fill in
    (Tình trạng, Ngày hoàn thành, Ghi chú theo dõi) and `register import` to read back."""
    from .queries import all_tasks

    _query(all_tasks, db, "xlsx", output, lang)  # -o is required: the format check passes


@app.command("import")
def import_cmd(
    workbook: str = typer.Argument(..., help="a workbook from `register export` (or `due -f xlsx`)"),
    db: str = _db_option(),
    lang: str = lang_option("vi"),
) -> None:
    """Record the statuses filled in a register workbook (all or nothing; a blank cell keeps
    what was recorded)."""
    from ..i18n import t
    from .db import RegisterError
    from .importer import import_statuses

    lang = lang or "vi"
    conn = _open(db, lang)
    try:
        done = import_statuses(conn, workbook)
    except RegisterError as exc:
        raise _fail(exc.message(lang), lang) from None
    typer.echo(t("reg_imported", lang, count=done.updated, kept=done.kept, path=workbook), err=True)


@app.command("show")
def show_cmd(
    document: int = typer.Argument(..., help="the plan's Id (see `register plans`)"),
    version: int | None = typer.Option(None, "--version", help="that version (default: the current one)"),
    db: str = _db_option(),
    output: str | None = _out_option(),
    lang: str = lang_option("vi"),
) -> None:
    """The stored JSON of a plan's version, as `parse` wrote it."""
    from ..i18n import t
    from .queries import plan_json

    lang = lang or "vi"
    text = plan_json(_open(db, lang), document, version)
    if text is None:
        raise _fail(t("reg_unknown_plan", lang, plan=f"{document}" + (f" v{version}" if version else "")), lang)
    _emit(text + "\n", output, lang)
