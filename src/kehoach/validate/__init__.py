"""`kehoach validate`: a linter for drafted plans (rules, config, engine, report emitters).

    from kehoach.validate import validate, load_config
    findings = validate(plan, load_config())

The names below are imported when first used, so that `kehoach --help` and `kehoach rules`
load neither the models nor the rule modules (`catalog` has the rules' metadata).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["Config", "ConfigError", "Rule", "all_rules", "get_rule", "load_config", "validate"]
_EXPORTS = {
    "Config": ".config",
    "ConfigError": ".config",
    "load_config": ".config",
    "validate": ".engine",
    "Rule": ".registry",
    "all_rules": ".registry",
    "get_rule": ".registry",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
