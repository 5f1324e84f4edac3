"""Validator rules, one module per family; every module is imported by `registry.all_rules()`."""
