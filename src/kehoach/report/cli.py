"""`kehoach report`, registered on the main typer app by `register(app)`.

Inputs -> batch (discovery, worker processes, time limits) -> api.parse + engine.validate ->
`page.render` -> one HTML file, written only when every input was read (no partial report).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..defaults import DEFAULT_TIMEOUT
from ..i18n import t
from ..options import lang_option

if TYPE_CHECKING:  # pragma: no cover
    from .. import batch
    from ..models import Finding, Plan

DEFAULT_OUTPUT = "report.html"


@dataclass(frozen=True)
class ReportOptions:
    lang: str = "vi"
    ocr: bool = False


def report_job(source: batch.Source, options: ReportOptions) -> tuple[Plan, list[Finding]]:
    """The worker's job: parse one input and lint it; the plan travels back without its blocks."""
    from .. import batch
    from ..models import Plan
    from ..validate.config import Config
    from ..validate.engine import validate

    plan = batch.parse_source(source, options.ocr)
    findings = validate(plan, Config(lang=options.lang))
    for f in findings:
        f.file = source.name
    return Plan.model_validate(plan.model_dump()), findings


def _fail(message: str, lang: str) -> typer.Exit:
    typer.echo(f"{'lỗi' if lang == 'vi' else 'error'}: {message}", err=True)
    return typer.Exit(2)


def report_cmd(
    files: list[str] = typer.Argument(
        ..., help="plan files, folders (walked recursively), globs; - reads a text plan from stdin"
    ),
    output: str = typer.Option(
        DEFAULT_OUTPUT,
        "--output",
        "-o",
        help="the HTML file to write (.html/.htm), or - for standard output; never an input",
    ),
    lang: str = lang_option("vi"),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="worker processes (default: number of CPUs)"),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", help="seconds per file (0: no limit)"),
    ocr: bool = typer.Option(False, "--ocr", help="recognise the text of scanned PDFs (Tesseract)"),
) -> None:
    """One self-contained HTML page: header, outline, task register (sortable, filterable),
    timeline and workload charts, validation findings; one section per plan for several files.

    Exit code: 0 written · 2 usage error, an input that cannot be read (nothing is written),
    or an output that cannot be written.
    """
    from .. import batch
    from ..outputs import InputGuard, OutputError
    from ..outputs import shown as shown_name
    from .page import PlanInput, render

    lang = lang if lang in ("vi", "en") else "vi"
    if output != "-" and Path(output).suffix.lower() not in (".html", ".htm"):
        raise _fail(t("report_bad_output", lang, path=output), lang)
    if (jobs is not None and jobs < 1) or timeout < 0:
        bad = ("--jobs", jobs) if jobs is not None and jobs < 1 else ("--timeout", timeout)
        raise _fail(t("bad_number_option", lang, option=bad[0], value=bad[1]), lang)
    try:
        sources = batch.discover(files, documents_only=True)
    except batch.UsageError as exc:
        raise _fail(exc.message(lang), lang) from None
    outcome = batch.run(sources, report_job, ReportOptions(lang, ocr), jobs=jobs, timeout=timeout or None, lang=lang)
    if outcome.interrupted:
        raise typer.Exit(130)
    failed = [o for o in outcome.done if not o.ok]
    for o in failed:
        typer.echo(f"{'lỗi' if lang == 'vi' else 'error'}: {o.error}", err=True)
    if failed:
        raise typer.Exit(2)
    items = [PlanInput(o.source.name, *o.value) for o in outcome.done]
    html = render(items, lang)
    if output == "-":
        sys.stdout.write(html)
        sys.stdout.flush()
        return
    try:
        batch.write_atomic(Path(output), html, InputGuard(s.name for s in sources if not s.is_stdin))
    except OutputError as exc:
        raise _fail(exc.message(lang), lang) from None
    typer.echo(
        t("report_wrote", lang, path=shown_name(output), plans=len(items), tasks=sum(len(i.plan.tasks) for i in items)),
        err=True,
    )


def register(app: typer.Typer) -> None:
    """Add `report` to the main CLI."""
    app.command("report")(report_cmd)
