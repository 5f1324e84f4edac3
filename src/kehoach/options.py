"""Options every command shares: `--lang` (vi | en, anything else is a one-line usage error,
exit 2) and the version shown by `--version` / `kehoach version`."""

from __future__ import annotations

from typing import Any

import typer

from .i18n import LANGS, t

USAGE_EXIT = 2


def package_version() -> str:
    """The installed distribution's version (pyproject.toml via its metadata, see __init__)."""
    from . import __version__

    return __version__


def check_lang(value: str | None) -> str | None:
    """Typer callback: `--lang` normalised to vi / en; None (not given) passes through."""
    if value is None:
        return None
    lang = value.strip().lower()
    if lang not in LANGS:
        # the language asked for is unknown, so say it in both
        typer.echo(f"lỗi: {t('bad_lang', 'vi', value=value)} (error: {t('bad_lang', 'en', value=value)})", err=True)
        raise typer.Exit(USAGE_EXIT)
    return lang


def usage_error(message: str, lang: str, code: int = USAGE_EXIT) -> typer.Exit:
    """Say `message` as one line "lỗi: …" ("error: …" in English) on standard error; returns the
    Exit to raise (a usage error, or input that cannot be used: exit 2)."""
    typer.echo(f"{'lỗi' if lang == 'vi' else 'error'}: {message}", err=True)
    return typer.Exit(code)


def lang_option(default: str | None = "vi", help: str = "language of messages: vi, en") -> Any:
    """`--lang vi|en`, checked when parsed."""
    return typer.Option(default, "--lang", metavar="vi|en", callback=check_lang, help=help)
