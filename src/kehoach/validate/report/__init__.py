"""Output formats of `kehoach validate`: small emitters over the same findings (ruff style).

Each emitter is `emit(results, rules, lang, stream)`; `results` is one `FileResult` per input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

from ..catalog import SEVERITY_WORDS  # noqa: F401  (the emitters read it from here)

if TYPE_CHECKING:  # pragma: no cover
    from ...models import Finding
    from ..registry import Rule


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # one line when the input could not be read


Emitter = Callable[[list[FileResult], list["Rule"], str, IO[str]], None]


def emitters() -> dict[str, Emitter]:
    from . import github, html, json_out, sarif, text

    return {"text": text.emit, "json": json_out.emit, "sarif": sarif.emit, "github": github.emit, "html": html.emit}


FORMATS = ("text", "json", "sarif", "github", "html")


def counts(results: list[FileResult]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            out[f.severity] += 1
    return out
