"""Exit codes of `kehoach validate`, decided here and nowhere else.

0  nothing reaches --fail-on (default: error)
1  at least one finding at or above --fail-on
2  usage error (bad option, config or rule name) or an input that cannot be read
"""
from __future__ import annotations

from collections.abc import Iterable

from ..models import Finding
from .registry import RANK

OK, FINDINGS, USAGE = 0, 1, 2


def exit_code(findings: Iterable[Finding], fail_on: str = "error", *, input_errors: int = 0,
              usage_error: bool = False) -> int:
    if usage_error or input_errors:
        return USAGE
    threshold = RANK[fail_on]
    return FINDINGS if any(RANK[f.severity] >= threshold for f in findings) else OK
