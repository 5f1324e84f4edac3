"""`kehoach validate`: a linter for drafted plans (rules, config, engine, report emitters).

    from kehoach.validate import validate, load_config
    findings = validate(plan, load_config())
"""
from .config import Config, ConfigError, load_config
from .engine import validate
from .registry import Rule, all_rules, get_rule

__all__ = ["Config", "ConfigError", "Rule", "all_rules", "get_rule", "load_config", "validate"]
