"""Run the enabled rules over one plan: `validate(plan, config) -> list[Finding]`."""

from __future__ import annotations

from ..models import Finding, Location, Plan
from .config import Config
from .registry import RANK, Rule

INTERNAL = {
    "vi": "quy tắc {rule} gặp lỗi nội bộ ({error}); các quy tắc khác vẫn chạy",
    "en": "rule {rule} failed internally ({error}); the other rules still ran",
}


def _sort_key(f: Finding) -> tuple:
    loc = f.location or Location()
    big = 10**9
    return (
        f.file or "",
        loc.page or 0,
        loc.block if loc.block is not None else big,
        loc.line or big,
        loc.table or 0,
        loc.row or 0,
        f.code,
    )


def _run(rule: Rule, plan: Plan, config: Config) -> list[Finding]:
    try:
        return list(rule.check(plan, config))
    except Exception as exc:  # noqa: BLE001 — a broken rule must not hide the others' findings
        text = INTERNAL.get(config.lang, INTERNAL["vi"])
        return [
            Finding(
                rule="internal-error",
                code="KH000",
                severity="error",
                message=text.format(rule=rule.name, error=f"{type(exc).__name__}: {exc}"),
            )
        ]


def validate(plan: Plan, config: Config | None = None) -> list[Finding]:
    """Findings of every enabled rule, severities as configured, sorted by location."""
    config = config or Config()
    found: list[Finding] = []
    for rule in config.enabled():
        if rule.plans_only and not plan.is_plan:
            continue
        level = config.severity_of(rule)
        for finding in _run(rule, plan, config):
            if level and finding.rule == rule.name:
                finding.severity = level
            if not finding.file:
                finding.file = plan.source.path or None
            found.append(finding)
    return sorted(found, key=_sort_key)


def worst(findings: list[Finding]) -> str | None:
    return max((f.severity for f in findings), key=RANK.__getitem__, default=None)
