"""`kehoach report`: one self-contained HTML page per plan (or several) — header, outline,
task register, timeline and workload charts (inline SVG), validation findings.

The names below are imported when first used, so that registering the command (cli.py) does
not load the page template and jinja2."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["PlanInput", "render"]
_EXPORTS = {"PlanInput": ".page", "render": ".page"}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
