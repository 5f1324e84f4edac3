"""Command line: thin wrappers over `batch` (many inputs, outputs) and `api`.

Exit codes: 0 success · 1 some inputs of a batch failed · 2 usage error or unreadable input.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import typer

from . import cli_coercion, defaults
from .i18n import MESSAGES, t
from .options import lang_option, package_version
from .options import usage_error as _usage

cli_coercion.install()  # plain option values skip typer's Pydantic adapters (start-up time)

# Nothing heavy is imported here: `kehoach --help` and `kehoach rules` load typer and these small
# modules only (tests/test_cli_startup.py); a command imports batch, models, parsers when it runs.


def __getattr__(name: str) -> Any:
    if name in ("render", "write_atomic"):  # kept importable from here (they live in batch)
        from . import batch

        return getattr(batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# rich_markup_mode=None: the plain help lists a flag without a type ("--ocr", not "--ocr <bool>",
# which this typer's rich help prints even after --help) and a usage error is plain text
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="kehoach: Kế hoạch -> task register; lint drafts.",
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"kehoach {package_version()}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="print the version and exit"
    ),
) -> None:
    """kehoach: Kế hoạch -> task register; lint drafts."""


FORMATS = defaults.FORMATS
SUMMARIES = ("text", "json", "none")
PDF_ENGINES = ("pdfium", "pdfplumber")  # kehoach.parsers.pdf.ENGINES (not imported: the CLI starts light)


def _err(message: str) -> None:
    typer.echo(message, err=True)


@app.command("parse")
def parse_cmd(
    files: list[str] = typer.Argument(
        ...,
        help="plan files (.txt .md .docx .pdf .doc; the format is sniffed), "
        "folders (walked recursively), globs; - reads a text plan from stdin",
    ),
    fmt: str = typer.Option("json", "--format", "-f", help="json, csv, xlsx, parquet (comma-separated for several)"),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="output file, or a folder (exists or ends "
        "with /): one output per input and format (xlsx too) mirroring the "
        "input tree. Never an input; a device or FIFO is written into, "
        "not replaced",
    ),
    combined: bool = typer.Option(
        False,
        "--combined",
        help="with -o FOLDER: also one CSV register of all tasks "
        f"({defaults.REGISTER_STEM}.csv) with the source file as a column, and one "
        f"workbook of all tasks ({defaults.REGISTER_STEM}.xlsx) with -f xlsx",
    ),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="worker processes (default: number of CPUs)"),
    timeout: float = typer.Option(
        defaults.DEFAULT_TIMEOUT,
        "--timeout",
        help="seconds per file; a file over it is marked failed and the batch goes on (0: no limit)",
    ),
    max_memory: int = typer.Option(
        defaults.DEFAULT_MEMORY_MB,
        "--max-memory",
        help="address space per worker process in MB; a file needing more fails alone (0: no limit)",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar, no summary: only failures"),
    summary: str | None = typer.Option(
        None,
        "--summary",
        help="final summary: text, json, none (default: text for several inputs); on stdout with -o, else on stderr",
    ),
    ocr: bool = typer.Option(False, "--ocr", help="recognise the text of scanned PDFs (Tesseract)"),
    pdf_engine: str = typer.Option(
        "pdfium",
        "--pdf-engine",
        help="PDF page reader: pdfium (fast) or pdfplumber (the reference reader, slower); both give the same blocks",
    ),
    lang: str = lang_option("vi"),
    bom: bool = typer.Option(
        False, "--bom", help="CSV on standard output starts with a UTF-8 BOM (files always have it, for Excel)"
    ),
    strict: bool = typer.Option(
        False, "--strict", help="exit 1 when a parsed plan has diagnostics (content the parser could not place)"
    ),
    all_text: bool = typer.Option(
        False,
        "--all-text",
        help="in folders, take every .txt/.md; by default those "
        "that do not look like administrative documents are skipped",
    ),
    engine: str = typer.Option(
        "local",
        "--engine",
        help="local (a pool of processes) or dask (pip install "
        "'kehoach[dask]'): a LocalCluster of --jobs workers (2 by default) or --scheduler",
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="with --engine dask: the address of a Dask "
        "scheduler (tcp://host:8786); workers must see the inputs' paths",
    ),
) -> None:
    """Parse plans into a task register (JSON of the whole plan, CSV or Excel of the tasks).

    Exit code: 0 all converted · 1 some inputs failed (or, with --strict, a plan has
    diagnostics) · 2 usage error, an output that cannot be written, or the only input failed
    · 130 interrupted (Ctrl-C).
    """
    from . import batch
    from .outputs import OutputError
    from .outputs import shown as shown_name

    lang = lang.lower() if lang.lower() in ("vi", "en") else "vi"
    formats = [f.strip().lower() for f in fmt.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise _usage(t("bad_format_option", lang, value=",".join(bad) or fmt, choices=", ".join(FORMATS)), lang)
    if jobs is not None and jobs < 1:
        raise _usage(t("bad_number_option", lang, option="--jobs", value=jobs), lang)
    if max_memory < 0:
        raise _usage(t("bad_number_option", lang, option="--max-memory", value=max_memory), lang)
    if timeout < 0:
        raise _usage(t("bad_number_option", lang, option="--timeout", value=timeout), lang)
    if summary is not None and summary.lower() not in SUMMARIES:
        raise _usage(t("bad_format_option", lang, value=summary, choices=", ".join(SUMMARIES)), lang)
    if pdf_engine.lower() not in PDF_ENGINES:
        raise _usage(t("bad_number_option", lang, option="--pdf-engine", value=pdf_engine), lang)
    os.environ["KEHOACH_PDF_ENGINE"] = pdf_engine.lower()  # read by the PDF parser, in the workers too
    skipped: list[str] = []
    try:
        sources = batch.discover(files, documents_only=not all_text, skipped=skipped)
    except batch.UsageError as exc:
        raise _usage(exc.message(lang), lang) from None
    ocr = ocr or _config_ocr(files)
    several = len(sources) > 1
    shown = (summary or ("text" if several and not quiet else "none")).lower()
    # failures one line each as they happen when no summary will list them (or above the bar)
    reporter = batch.ConsoleReporter(lang, quiet=quiet, print_failures=shown == "none")
    on_write = None if several or quiet else (lambda path: _err(t("wrote", lang, path=shown_name(path))))
    try:
        from .engines.select import engine_for

        runner = engine_for(engine, scheduler, jobs, lang)  # None: the local pool
        result = batch.convert(
            sources,
            formats,
            output=output,
            combined=combined,
            ocr=ocr,
            jobs=jobs,
            timeout=timeout or None,
            lang=lang,
            reporter=reporter,
            on_write=on_write,
            memory_mb=max_memory,
            bom=bom,
            skipped=skipped,
            engine=runner,
        )
    except batch.UsageError as exc:
        raise _usage(exc.message(lang), lang) from None
    except OutputError as exc:  # -o names an input, a folder, a socket, an unwritable place
        raise _usage(exc.message(lang), lang) from None
    _write_stdout(result.stdout, lang)
    if not quiet:
        for outcome in result.batch.done:
            if outcome.ok and not outcome.value.is_plan:
                doc_type = outcome.value.document_type
                _err(
                    t(
                        "not_a_plan",
                        lang,
                        file=shown_name(outcome.source.name),
                        doc_type=doc_type,
                        name=t(f"doctype_{doc_type}", lang) if f"doctype_{doc_type}" in MESSAGES else doc_type,
                    )
                )
    for message in result.output_errors:
        _err(f"{'lỗi' if lang == 'vi' else 'error'}: {message}")
    if shown != "none":
        report = (
            json.dumps(batch.summary_dict(result), ensure_ascii=False)
            if shown == "json"
            else batch.summary_text(result, lang)
        )
        typer.echo(report, err=output is None)
    if result.batch.interrupted:
        if shown == "none":
            _err(t("interrupted", lang, count=len(result.batch.outcomes) - len(result.batch.done)))
        raise typer.Exit(130)
    if result.output_errors:
        raise typer.Exit(2)
    if result.failed:
        raise typer.Exit(2 if not several else 1)
    if strict:
        flagged = sum(1 for o in result.batch.done if o.ok and o.value.diagnostics)
        if flagged:
            _err(t("strict_diagnostics", lang, count=flagged))
            raise typer.Exit(1)


def _write_stdout(texts: list[str], lang: str) -> None:
    """The texts for standard output; a reader that left (`| head`) is not an error, a full
    disk or another write error is one line and exit 2."""
    try:
        for text in texts:
            sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `kehoach parse … | head`: the reader left, not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    except OSError as exc:  # `> /dev/full`, a full disk
        from .outputs import os_reason

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        failed = t("output_write_failed", lang, error=os_reason(exc, lang))
        _err(f"{'lỗi' if lang == 'vi' else 'error'}: <stdout>: {failed}")
        raise typer.Exit(2) from None


def _config_ocr(files: list[str]) -> bool:
    """`ocr = true` in the nearest kehoach.toml / [tool.kehoach] above the first input (or the cwd)."""
    from .validate.config import ConfigError, load_config

    start = next((f for f in files if f != "-" and Path(f).exists()), None)
    try:
        return load_config(start=start).ocr
    except ConfigError:
        return False  # a broken config is reported by `validate`; parsing goes on without it


@app.command("schema")
def schema_cmd(what: str | None = typer.Argument(None, help="'diff': the schema of `kehoach diff -f json`")) -> None:
    """Print the JSON Schema of `kehoach parse --format json` (or of `diff`: kehoach schema diff)."""
    if what == "diff":
        from .diff.schema import PlanDiff

        typer.echo(json.dumps(PlanDiff.model_json_schema(), ensure_ascii=False, indent=2))
        return
    if what is not None:
        raise _usage(t("schema_unknown", "vi", value=what), "vi")
    from .models import Plan

    typer.echo(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2))


@app.command("version")
def version_cmd() -> None:
    """Print the version (from the installed package's metadata)."""
    typer.echo(f"kehoach {package_version()}")


from .validate.cli import register as _register_validate  # noqa: E402

_register_validate(app)  # `validate` and `rules` commands (src/kehoach/validate/cli.py)
from .report.cli import register as _register_report  # noqa: E402

_register_report(app)  # `report` command (src/kehoach/report/cli.py)
from .diff.cli import register as _register_diff  # noqa: E402

_register_diff(app)  # `diff` command (src/kehoach/diff/cli.py)
from .register.cli import app as _register_app  # noqa: E402  (imports nothing heavy: commands import inside)

app.add_typer(_register_app, name="register")  # `register …` (src/kehoach/register/cli.py)


if __name__ == "__main__":  # pragma: no cover
    app()
