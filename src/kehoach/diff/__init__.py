"""`kehoach diff`: what changed between two versions of a plan, task by task.

Reads Plans (`models`, from `api.parse`), never a parser: align.py pairs the tasks,
textdiff.py diffs words, compare.py builds the PlanDiff (schema.py), render.py prints it.
"""
from __future__ import annotations

from .compare import diff_plans
from .schema import PlanDiff

__all__ = ["diff_plans", "PlanDiff"]
