"""`kehoach diff`: what changed between two versions of a plan, task by task.

Reads Plans (`models`, from `api.parse`), never a parser: align.py pairs the tasks,
textdiff.py diffs words, compare.py builds the PlanDiff (schema.py), render.py prints it.
The names below are imported when first used (registering the command loads none of them).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["diff_plans", "PlanDiff"]
_EXPORTS = {"diff_plans": ".compare", "PlanDiff": ".schema"}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
