"""The rule registry: every validator rule is a `Rule` record made by the `@rule` decorator.

A rule lives in one family under `validate/rules/` (yamllint style): a family is a module
(`rules/tasks.py`) or, when it outgrows one, a package of modules each with one job
(`rules/header/` holding `components.py`, `number_date.py` …). The family's name, used by
`--select`, config files and `kehoach rules`, is that module's or package's name, the first
name under `validate/rules/`: it does not change when a family module is split. The decorated
function's docstring is its documentation in English (`kehoach rules NAME --lang en` prints
it) and holds a PASS and a FAIL fragment of a real-looking plan, which
`tests/test_validate_rules.py` runs, so a new rule is tested the moment it is written. The
decorator's `doc_vi` is the same explanation in Vietnamese (`kehoach rules NAME`); the
fragments are shared, written once in the docstring. The function is a generator
`check(plan, config)` yielding `models.Finding` made with `Rule.finding`.
"""

from __future__ import annotations

import importlib
import pkgutil
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..models import Finding, Location, Severity
from .catalog import RANK, SEVERITIES, RuleInfo, find, select  # noqa: F401  (RANK, SEVERITIES: read from here too)

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Plan
    from .config import Config


Check = Callable[["Plan", "Config"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule(RuleInfo):
    """A rule: its metadata (`catalog.RuleInfo`: name, code, severity, docs) and its check."""

    check: Check = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def finding(
        self,
        config: Config,
        texts: dict[str, str],
        *,
        location: Location | None = None,
        excerpt: str = "",
        related: list[dict[str, Any]] | None = None,
        severity: Severity | None = None,
        **fmt: Any,
    ) -> Finding:
        """A finding of this rule, its message in the configured language."""
        template = texts.get(config.lang) or texts["vi"]
        return Finding(
            rule=self.name,
            code=self.code,
            severity=severity or self.severity,
            message=template.format(**fmt) if fmt else template,
            excerpt=excerpt,
            location=location,
            related=related or [],
        )


_RULES: dict[str, Rule] = {}


def cleandoc(doc: str) -> str:
    """inspect.cleandoc without expanding tabs (fragments hold tab-separated tables)."""
    first, _, rest = doc.strip("\n").partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip()


def rule(
    name: str, code: str, severity: Severity, *, summary: dict[str, str], doc_vi: str = "", plans_only: bool = True
) -> Callable[[Check], Rule]:
    """Register the decorated check function as a rule; the function's docstring is its doc
    (English), `doc_vi` the same explanation in Vietnamese."""

    def register(check: Check) -> Rule:
        made = Rule(
            name=name,
            code=code,
            severity=severity,
            summary=summary,
            check=check,
            family=_family(check.__module__),
            plans_only=plans_only,
            doc=cleandoc(check.__doc__ or ""),
            doc_vi=cleandoc(doc_vi),
        )
        for other in _RULES.values():
            if other.name != name and other.code == code:
                raise ValueError(f"rule code {code} used twice ({other.name}, {name})")
        _RULES[name] = made
        return made

    return register


def _family(module: str) -> str:
    """The family of a rule defined in `module`: the module or package right under `rules/`
    ("header" for kehoach.validate.rules.header.components, "tasks" for …rules.tasks)."""
    return module.removeprefix(f"{__package__}.rules.").split(".")[0]


_loaded = False


def _load() -> None:
    global _loaded
    if _loaded:
        return
    from . import rules as package

    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        importlib.import_module(info.name)
    _loaded = True


def all_rules() -> list[Rule]:
    """Every registered rule, in code order."""
    _load()
    return sorted(_RULES.values(), key=lambda r: r.code)


def families() -> list[str]:
    return sorted({r.family for r in all_rules()})


def get_rule(name_or_code: str) -> Rule | None:
    """Look a rule up by name or code (case-insensitive)."""
    return find(all_rules(), name_or_code)


def expand(selector: str) -> list[Rule]:
    """Rules a selector stands for: a name, a code, a code prefix ("KH1"), a family or "ALL"."""
    return select(all_rules(), selector)
