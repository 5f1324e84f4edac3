"""Validator rules, one module or package per family; `registry.all_rules()` imports every module."""
