"""`kehoach validate FILE… --against OTHER…`: the other plans are parsed by the batch workers,
which send back only their units (`copies.PlanUnits`, small); the index is built once in the
parent, and each checked plan's units are looked up there after its worker validated it. The
index never travels to a worker process."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import batch
from ..models import Finding
from .config import Config
from .copies import Index, PlanUnits, plan_units

RULE = "copied-from-other-plan"


def _resolved(source: batch.Source) -> str:
    return "" if source.is_stdin else str(Path(source.name).resolve())


@dataclass(frozen=True)
class UnitsOptions:
    ocr: bool = False
    cache: bool = True  # saved units of files seen before (units_cache.py)


def units_job(source: batch.Source, options: UnitsOptions) -> PlanUnits:
    """The worker's job for an OTHER plan: its saved units if its bytes were seen before, else
    parse it, keep its units and save them."""
    cached = None
    if options.cache and not source.is_stdin and source.problem is None:
        from . import units_cache

        try:
            cached = units_cache.entry(source.path, options.ocr)
        except OSError:  # unreadable: the parse below says so in the batch's words
            cached = None
        saved = units_cache.load(cached, source.name, _resolved(source)) if cached else None
        if saved is not None:
            return saved
    plan = batch.parse_source(source, options.ocr)
    units = plan_units(plan, source.name, _resolved(source))
    if cached is not None:
        units_cache.save(cached, units)
    return units


@dataclass(frozen=True)
class CheckOptions:
    config: Config
    ocr: bool = False


def check_job(source: batch.Source, options: CheckOptions) -> tuple[list[Finding], PlanUnits]:
    """The worker's job for a checked plan: its findings (as `validate_job`) and its units."""
    from .engine import validate

    plan = batch.parse_source(source, options.ocr)
    findings = validate(plan, options.config)
    for f in findings:
        f.file = source.name
    return findings, plan_units(plan, source.name, _resolved(source))


def build_index(
    others: list[batch.Source],
    *,
    ocr: bool,
    jobs: int | None,
    timeout: float | None,
    lang: str,
    cache: bool = True,
) -> tuple[Index, list[tuple[str, str]], bool]:
    """(index, [(name, error)] of the OTHER files that could not be read, interrupted)."""
    outcome = batch.run(others, units_job, UnitsOptions(ocr, cache), jobs=jobs, timeout=timeout, lang=lang)
    units = [o.value for o in outcome.done if o.ok]
    errors = [(o.source.name, o.error or "") for o in outcome.done if not o.ok]
    return Index(units), errors, outcome.interrupted


def copy_findings(units: PlanUnits, index: Index, config: Config) -> list[Finding]:
    """The rule's findings for one checked plan, severity as configured; none when the rule is
    not selected."""
    from .registry import get_rule
    from .rules.copies import findings

    rule = get_rule(RULE)
    if rule is None or rule not in config.enabled():
        return []
    level = config.severity_of(rule)
    out = findings(rule, units, index, config)
    for f in out:
        f.file = units.name
        if level:
            f.severity = level
    return out
