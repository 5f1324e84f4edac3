"""Exit codes of `kehoach validate`, decided here and nowhere else.

0  nothing reaches --fail-on (default: error)
1  at least one finding at or above --fail-on
2  usage error (bad option, config or rule name) or an input that cannot be read
130 interrupted (Ctrl-C, SIGTERM): the inputs that finished are still reported
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .catalog import RANK

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Finding

OK, FINDINGS, USAGE, INTERRUPTED = 0, 1, 2, 130


def exit_code(
    findings: Iterable[Finding],
    fail_on: str = "error",
    *,
    input_errors: int = 0,
    usage_error: bool = False,
    interrupted: bool = False,
) -> int:
    if interrupted:
        return INTERRUPTED
    if usage_error or input_errors:
        return USAGE
    threshold = RANK[fail_on]
    return FINDINGS if any(RANK[f.severity] >= threshold for f in findings) else OK
