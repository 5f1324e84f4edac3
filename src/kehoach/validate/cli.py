"""`kehoach validate` and `kehoach rules`, registered on the main typer app by `register(app)`.

Thin: options -> Config; inputs -> batch (discovery, worker processes, time limits) ->
api.parse -> engine.validate; findings -> one emitter; the exit code comes from
`exitcodes.exit_code` and nowhere else.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import typer

from ..defaults import DEFAULT_TIMEOUT, STDIN
from ..i18n import t
from ..options import lang_option, usage_error
from .exitcodes import USAGE
from .report import FORMATS, SEVERITY_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from .. import batch
    from ..models import Finding
    from .catalog import RuleInfo
    from .config import Config
    from .report import FileResult


def _prefix(lang: str) -> str:
    return "lỗi" if lang == "vi" else "error"


def _usage(message: str, lang: str) -> typer.Exit:
    return usage_error(message, lang, USAGE)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


@dataclass(frozen=True)
class ValidateOptions:
    config: Config
    ocr: bool = False


def validate_job(source: batch.Source, options: ValidateOptions) -> list[Finding]:
    """The worker's job: parse one input and lint it (only the findings travel back)."""
    from .. import batch
    from .engine import validate

    plan = batch.parse_source(source, options.ocr)
    findings = validate(plan, options.config)
    for f in findings:
        f.file = source.name
    return findings


# what a command needs is imported when it runs, not when it is registered: `kehoach --help`
# and `kehoach rules` load neither the models, the batch machinery nor the rule modules
def validate_cmd(
    files: list[str] = typer.Argument(
        ..., help="plan files, folders (walked recursively), globs; - reads a text plan from stdin"
    ),
    fmt: str = typer.Option(
        "text", "--format", "-f", help="text, json, sarif, github, html (a page like `kehoach report`'s)"
    ),
    select: list[str] | None = typer.Option(
        None, "--select", help="rules to run: names, codes, code prefixes (KH1), families; comma-separated"
    ),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="rules to skip (same forms as --select)"),
    fail_on: str | None = typer.Option(
        None, "--fail-on", help="lowest severity that makes the exit code 1: error (default), warning, info"
    ),
    config_path: str | None = typer.Option(
        None, "--config", help="config file (kehoach.toml or pyproject.toml); default: searched upward"
    ),
    lang: str | None = lang_option(None, help="language of messages: vi (default), en"),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="worker processes (default: number of CPUs)"),
    timeout: float = typer.Option(
        DEFAULT_TIMEOUT, "--timeout", help="seconds per file; a file over it counts as unreadable (0: no limit)"
    ),
    ocr: bool = typer.Option(False, "--ocr", help="recognise the text of scanned PDFs (Tesseract)"),
    against: list[str] | None = typer.Option(
        None,
        "--against",
        help="other plans (files, folders, globs; the "
        "option repeats): report paragraphs and tasks copied from them "
        "(rule copied-from-other-plan)",
    ),
    no_cache: bool = typer.Option(
        False,
        "--no-cache",
        help="parse every --against plan again instead of reading the units saved from an earlier run "
        "(kept by file content in KEHOACH_CACHE_DIR, default ~/.cache/kehoach)",
    ),
) -> None:
    """Lint drafted plans: Nghị định 30 header, structure, numbering, duplicates, references, tasks.

    Exit code: 0 nothing reaches --fail-on · 1 something does · 2 usage error or an unreadable input.
    """
    from .. import batch
    from .config import ConfigError, load_config
    from .exitcodes import exit_code
    from .registry import all_rules
    from .report import FileResult, emitters

    shown_lang = lang or "vi"  # checked by lang_option: vi or en
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise _usage(t("bad_format_option", shown_lang, value=fmt, choices=", ".join(FORMATS)), shown_lang)
    if (jobs is not None and jobs < 1) or timeout < 0:
        bad = ("--jobs", jobs) if jobs is not None and jobs < 1 else ("--timeout", timeout)
        raise _usage(t("bad_number_option", shown_lang, option=bad[0], value=bad[1]), shown_lang)
    try:
        start = next((f for f in files if f != STDIN), None)
        base = load_config(config_path, start=start)
        config = base.merged(
            select=_split(select) or None,
            ignore=_split(ignore),
            fail_on=fail_on.lower() if fail_on else None,
            lang=shown_lang if lang else None,
        )
    except ConfigError as exc:
        raise _usage(exc.message(shown_lang), shown_lang) from None
    try:
        sources = batch.discover(files, documents_only=True)  # a folder walk takes documents, not READMEs or code
    except batch.UsageError as exc:
        raise _usage(exc.message(config.lang), config.lang) from None
    if against:
        results, outcome, other_errors = _against(
            sources, against, config, ocr or config.ocr, jobs, timeout, cache=not no_cache
        )
    else:
        outcome = batch.run(
            sources,
            validate_job,
            ValidateOptions(config, ocr or config.ocr),
            jobs=jobs,
            timeout=timeout or None,
            lang=config.lang,
        )
        results = [
            FileResult(src.name, done.value or [], done.error)
            for src, done in zip(sources, outcome.outcomes, strict=True)
            if done is not None
        ]
        other_errors = []
    if fmt != "github":  # the github format's own ::error line is what the log shows
        for r in results:  # the reason once, here; the reports only count the file
            if r.error:
                typer.echo(f"{_prefix(config.lang)}: {r.error}", err=True)
    for message in other_errors:  # an OTHER plan that could not be read: named, counted
        typer.echo(f"{_prefix(config.lang)}: {message}", err=True)
    emitters()[fmt](results, all_rules(), config.lang, sys.stdout)
    sys.stdout.flush()
    code = exit_code(
        [f for r in results for f in r.findings],
        config.fail_on,
        input_errors=sum(1 for r in results if r.error) + len(other_errors),
        interrupted=outcome.interrupted,
    )
    raise typer.Exit(code)


def _against(
    sources: list[batch.Source],
    against: list[str],
    config: Config,
    ocr: bool,
    jobs: int | None,
    timeout: float,
    *,
    cache: bool = True,
) -> tuple[list[FileResult], batch.BatchResult, list[str]]:
    """`--against`: index the other plans, validate the inputs, add the copies found."""
    from .. import batch
    from .against import CheckOptions, build_index, check_job, copy_findings
    from .engine import _sort_key
    from .report import FileResult

    try:
        others = batch.discover(against, documents_only=True)
    except batch.UsageError as exc:
        raise _usage(exc.message(config.lang), config.lang) from None
    index, errors, interrupted = build_index(
        others, ocr=ocr, jobs=jobs, timeout=timeout or None, lang=config.lang, cache=cache
    )
    if interrupted:
        raise typer.Exit(130)
    outcome = batch.run(
        sources, check_job, CheckOptions(config, ocr), jobs=jobs, timeout=timeout or None, lang=config.lang
    )
    results: list[FileResult] = []
    for src, done in zip(sources, outcome.outcomes, strict=True):
        if done is None:
            continue
        findings = []
        if done.value is not None:
            findings, units = done.value
            findings = sorted([*findings, *copy_findings(units, index, config)], key=_sort_key)
        results.append(FileResult(src.name, findings, done.error))
    return results, outcome, [error for _, error in errors]


def rules_cmd(
    name: str | None = typer.Argument(None, help="a rule name or code: show its documentation"),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json"),
    lang: str = lang_option("vi", help="language: vi, en"),
) -> None:
    """List the validator's rules (code, default severity, summary), or document one."""
    from .catalog import all_rules, get_rule  # the metadata alone: no rule module is imported

    if name:
        found = get_rule(name)
        if found is None:
            from .config import ConfigError

            raise _usage(ConfigError("rule", value=name).message(lang), lang)
        if fmt == "json":
            typer.echo(json.dumps(_rule_dict(found, lang), ensure_ascii=False, indent=2))
        else:
            typer.echo(found.doc_text(lang))
        return
    rules = all_rules()
    if fmt == "json":
        typer.echo(json.dumps([_rule_dict(r, lang) for r in rules], ensure_ascii=False, indent=2))
        return
    words = SEVERITY_WORDS[lang]
    width = max(len(r.name) for r in rules)
    for r in rules:
        typer.echo(f"{r.code}  {r.name:<{width}}  {words[r.severity]:<9}  {r.summary_text(lang)}")


def _rule_dict(r: RuleInfo, lang: str) -> dict[str, str]:
    return {
        "code": r.code,
        "name": r.name,
        "severity": r.severity,
        "family": r.family,
        "summary": r.summary_text(lang),
        "doc": r.doc_text(lang),
    }


def register(app: typer.Typer) -> None:
    """Add `validate` and `rules` to the main CLI."""
    app.command("validate")(validate_cmd)
    app.command("rules")(rules_cmd)
