"""`kehoach validate` and `kehoach rules`, registered on the main typer app by `register(app)`.

Thin: options -> Config; files -> api.parse -> engine.validate; findings -> one emitter;
the exit code comes from `exitcodes.exit_code` and nowhere else.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer

from ..errors import KehoachError
from ..i18n import t
from .config import Config, ConfigError, load_config
from .exitcodes import USAGE, exit_code
from .registry import all_rules, get_rule
from .report import FORMATS, SEVERITY_WORDS, FileResult, emitters

WALK_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".doc")
LANGS = ("vi", "en")


def _prefix(lang: str) -> str:
    return "lỗi" if lang == "vi" else "error"


def _usage(message: str, lang: str) -> typer.Exit:
    typer.echo(f"{_prefix(lang)}: {message}", err=True)
    return typer.Exit(USAGE)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def discover(inputs: list[str]) -> list[str]:
    """Files as given, folders walked recursively (sorted) for plan documents."""
    found: list[str] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            inside = []
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                inside += [Path(root) / f for f in files
                           if f.lower().endswith(WALK_SUFFIXES) and not f.startswith(("~$", "."))]
            found += [str(p) for p in sorted(inside)]
        else:
            found.append(name)
    return found


def _check(path: str, config: Config, ocr: bool) -> FileResult:
    from .. import api
    from .engine import validate

    try:
        plan = api.parse(path, ocr=ocr) if ocr else api.parse(path)
    except KehoachError as exc:
        return FileResult(path, error=exc.message(config.lang))
    except Exception as exc:  # one line per bad file, never a traceback
        if os.environ.get("KEHOACH_DEBUG"):
            raise
        detail = f"{exc.__class__.__name__}: {str(exc)[:160]}"
        return FileResult(path, error=f"{path}: {t('internal', config.lang, error=detail)}")
    findings = validate(plan, config)
    for f in findings:
        f.file = path
    return FileResult(path, findings)


def validate_cmd(
    files: list[str] = typer.Argument(..., help="plan files or folders (.txt .md .docx .pdf .doc)"),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json, sarif, github"),
    select: list[str] | None = typer.Option(None, "--select", help="rules to run: names, codes, code prefixes (KH1), families; comma-separated"),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="rules to skip (same forms as --select)"),
    fail_on: str | None = typer.Option(None, "--fail-on", help="lowest severity that makes the exit code 1: error (default), warning, info"),
    config_path: str | None = typer.Option(None, "--config", help="config file (kehoach.toml or pyproject.toml); default: searched upward"),
    lang: str | None = typer.Option(None, "--lang", help="language of messages: vi (default), en"),
    ocr: bool = typer.Option(False, "--ocr", help="recognise the text of scanned PDFs (Tesseract)"),
) -> None:
    """Lint drafted plans: Nghị định 30 header, structure, numbering, duplicates, references, tasks."""
    shown_lang = (lang or "vi").lower()
    if lang and shown_lang not in LANGS:
        raise _usage(f"--lang: {lang!r} (vi | en)", "vi")
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise _usage(t("bad_format_option", shown_lang, value=fmt, choices=", ".join(FORMATS)), shown_lang)
    try:
        base = load_config(config_path, start=files[0] if files else None)
        config = base.merged(select=_split(select) or None, ignore=_split(ignore),
                             fail_on=fail_on.lower() if fail_on else None, lang=shown_lang if lang else None)
    except ConfigError as exc:
        raise _usage(exc.message(shown_lang), shown_lang) from None
    paths = discover(files)
    if not paths:
        raise _usage(t("no_inputs", config.lang), config.lang)
    results = [_check(p, config, ocr) for p in paths]
    for r in results:
        if r.error:
            typer.echo(f"{_prefix(config.lang)}: {r.error}", err=True)
    emitters()[fmt](results, all_rules(), config.lang, sys.stdout)
    sys.stdout.flush()
    code = exit_code([f for r in results for f in r.findings], config.fail_on,
                     input_errors=sum(1 for r in results if r.error))
    raise typer.Exit(code)


def rules_cmd(
    name: str | None = typer.Argument(None, help="a rule name or code: show its documentation"),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json"),
    lang: str = typer.Option("vi", "--lang", help="language: vi, en"),
) -> None:
    """List the validator's rules (code, default severity, summary), or document one."""
    lang = lang.lower() if lang.lower() in LANGS else "vi"
    if name:
        found = get_rule(name)
        if found is None:
            raise _usage(ConfigError("rule", value=name).message(lang), lang)
        if fmt == "json":
            typer.echo(json.dumps(_rule_dict(found, lang), ensure_ascii=False, indent=2))
        else:
            typer.echo(found.doc)
        return
    rules = all_rules()
    if fmt == "json":
        typer.echo(json.dumps([_rule_dict(r, lang) for r in rules], ensure_ascii=False, indent=2))
        return
    words = SEVERITY_WORDS[lang]
    width = max(len(r.name) for r in rules)
    for r in rules:
        typer.echo(f"{r.code}  {r.name:<{width}}  {words[r.severity]:<9}  {r.summary_text(lang)}")


def _rule_dict(r, lang: str) -> dict:
    return {"code": r.code, "name": r.name, "severity": r.severity, "family": r.family,
            "summary": r.summary_text(lang), "doc": r.doc}


def register(app: typer.Typer) -> None:
    """Add `validate` and `rules` to the main CLI."""
    app.command("validate")(validate_cmd)
    app.command("rules")(rules_cmd)
