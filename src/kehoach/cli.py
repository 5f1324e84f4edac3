"""Command line: thin wrappers over `api` and `export`.

Exit codes: 0 success · 1 some inputs of a batch failed · 2 usage error or unreadable input.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

import typer

from . import api
from .errors import KehoachError
from .export.csv_out import plan_csv
from .export.json_out import plan_json
from .i18n import t
from .models import Plan

app = typer.Typer(add_completion=False, no_args_is_help=True, help="kehoach: Kế hoạch -> task register; lint drafts.")

FORMATS = ("json", "csv")
SUFFIX = {"json": ".json", "csv": ".csv"}


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _fail_line(exc: BaseException, path: str, lang: str) -> str:
    prefix = "lỗi" if lang == "vi" else "error"
    if isinstance(exc, KehoachError):
        return f"{prefix}: {exc.message(lang)}"
    detail = f"{exc.__class__.__name__}: {str(exc)[:160]}"
    return f"{prefix}: {path}: {t('internal', lang, error=detail)}"


def write_atomic(path: Path, data: str) -> None:
    """Write via a temp file in the same folder and rename: never a partial output file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def render(plans: list[Plan], fmt: str) -> str:
    if fmt == "json":
        if len(plans) == 1:
            return plan_json(plans[0])
        return json.dumps([p.model_dump(mode="json") for p in plans], ensure_ascii=False, indent=2) + "\n"
    return plan_csv(plans, with_source=len(plans) > 1)


@app.command("parse")
def parse_cmd(
    files: list[str] = typer.Argument(..., help="plan files (.txt .md .docx .pdf .doc)"),
    fmt: str = typer.Option("json", "--format", "-f", help="json, csv (comma-separated for several)"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="output file, or folder for several"),
    ocr: bool = typer.Option(False, "--ocr", help="recognise the text of scanned PDFs (Tesseract)"),
    lang: str = typer.Option("vi", "--lang", help="language of messages: vi, en"),
) -> None:
    """Parse plans into a task register (JSON of the whole plan, or CSV of the tasks)."""
    formats = [f.strip().lower() for f in fmt.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        _err(f"{'lỗi' if lang == 'vi' else 'error'}: {t('bad_format_option', lang, value=','.join(bad) or fmt, choices=', '.join(FORMATS))}")
        raise typer.Exit(2)
    plans: list[Plan] = []
    failed = 0
    for name in files:
        try:
            plans.append(api.parse(name, ocr=ocr))
        except Exception as exc:  # one line per bad file, never a traceback
            if os.environ.get("KEHOACH_DEBUG"):
                raise
            _err(_fail_line(exc, name, lang))
            failed += 1
    if plans:
        _emit(plans, formats, output, lang)
    if failed:
        raise typer.Exit(2 if len(files) == 1 else 1)


def _emit(plans: list[Plan], formats: list[str], output: Optional[Path], lang: str) -> None:
    if output is None:
        for f in formats:
            sys.stdout.write(render(plans, f))
        return
    several = len(plans) > 1 or len(formats) > 1
    if several or output.is_dir() or str(output).endswith(("/", os.sep)):
        for plan in plans:
            stem = Path(plan.source.path).stem
            for f in formats:
                target = output / f"{stem}{SUFFIX[f]}"
                write_atomic(target, render([plan], f))
                _err(t("wrote", lang, path=target))
        return
    write_atomic(output, render(plans, formats[0]))
    _err(t("wrote", lang, path=output))


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of `kehoach parse --format json`."""
    typer.echo(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2))


from .validate.cli import register as _register_validate  # noqa: E402
_register_validate(app)  # `validate` and `rules` commands (src/kehoach/validate/cli.py)


if __name__ == "__main__":  # pragma: no cover
    app()
