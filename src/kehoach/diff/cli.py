"""`kehoach diff OLD NEW`, registered on the main typer app by `register(app)`.

Exit codes, like diff(1): 0 the task registers are the same · 1 they differ · 2 usage error,
an unreadable input or an output that cannot be written.
"""

from __future__ import annotations

import sys

import typer

from ..errors import KehoachError
from ..i18n import t
from ..options import lang_option, usage_error

FORMATS = ("text", "json", "xlsx", "html")
SAME, DIFFER, TROUBLE = 0, 1, 2


def _fail(message: str, lang: str) -> typer.Exit:
    return usage_error(message, lang, TROUBLE)


def _parse(path: str, ocr: bool, lang: str):
    from .. import api

    try:
        return api.parse(path, ocr=True) if ocr else api.parse(path)
    except KehoachError as exc:
        raise _fail(exc.message(lang), lang) from None
    except Exception as exc:  # noqa: BLE001  (one line naming the file, never a traceback)
        raise _fail(f"{path}: {t('internal', lang, error=type(exc).__name__)}", lang) from None


def diff_cmd(
    old: str = typer.Argument(..., help="the older version (.txt .md .docx .pdf .doc)"),
    new: str = typer.Argument(..., help="the newer version (any format parse reads)"),
    fmt: str = typer.Option(
        "text", "--format", "-f", help="text, json, xlsx (needs -o), html (a page like `kehoach report`'s)"
    ),
    output: str | None = typer.Option(
        None, "--output", "-o", help="write the report to this file (never over an input)"
    ),
    ocr: bool = typer.Option(False, "--ocr", help="recognise the text of scanned PDFs (Tesseract)"),
    lang: str = lang_option("vi"),
) -> None:
    """What changed between two versions of a plan, task by task (added, removed, changed, moved),
    with the header, headings and body paragraphs that changed.

    Exit code: 0 the task registers are the same (header or body changes are reported, they do
    not change the code) · 1 the task registers differ · 2 usage error or unreadable input.
    """
    from ..outputs import InputGuard, OutputError, check_target, emit
    from .compare import diff_plans
    from .render import to_html, to_json, to_text

    lang = lang or "vi"
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise _fail(t("bad_format_option", lang, value=fmt, choices=", ".join(FORMATS)), lang)
    if fmt == "xlsx" and output is None:
        raise _fail(t("diff_xlsx_needs_output", lang), lang)
    guard = InputGuard([old, new])
    if output is not None:
        try:
            check_target(output, guard)
        except OutputError as exc:
            raise _fail(exc.message(lang), lang) from None
    old_plan = _parse(old, ocr, lang)
    new_plan = _parse(new, ocr, lang)
    result = diff_plans(old_plan, new_plan)
    if fmt == "xlsx":
        from .xlsx import diff_xlsx

        text: str | bytes = diff_xlsx(result, lang)
    elif fmt == "json":
        text = to_json(result)
    elif fmt == "html":
        text = to_html(result, lang)
    else:
        color = output is None and sys.stdout.isatty()
        text = to_text(result, lang, color=color)
    try:
        emit(text, output, guard)
    except OutputError as exc:
        raise _fail(exc.message(lang), lang) from None
    raise typer.Exit(SAME if result.same else DIFFER)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff_cmd)
