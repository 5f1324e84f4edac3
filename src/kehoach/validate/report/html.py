"""HTML: the findings as a page of `kehoach report`'s shell and parts (one section per file,
duplicated and copied runs side by side), self-contained, no network."""

from __future__ import annotations

from typing import IO

from ..registry import Rule
from . import FileResult, counts
from .text import summary_line


def emit(results: list[FileResult], rules: list[Rule], lang: str, stream: IO[str]) -> None:
    from ...i18n import t
    from ...report.page import render_page

    title = t("validate_title", lang) + (f": {results[0].path}" if len(results) == 1 else f" ({len(results)})")
    stream.write(
        render_page("validate", lang, title, files=results, counts=counts(results), summary=summary_line(results, lang))
    )
