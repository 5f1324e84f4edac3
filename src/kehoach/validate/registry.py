"""The rule registry: every validator rule is a `Rule` record made by the `@rule` decorator.

A rule lives in one family module under `validate/rules/` (yamllint style): the decorated
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

import regex as re

from ..models import Finding, Location, Severity

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Plan
    from .config import Config

SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
RANK: dict[str, int] = {name: i for i, name in enumerate(SEVERITIES)}   # keyed by str: --fail-on, config

Check = Callable[["Plan", "Config"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    name: str                       # stable kebab-case name: "duplicate-paragraph"
    code: str                       # stable short code: "KH101"
    severity: Severity              # default severity
    summary: dict[str, str]         # one line, {"vi": …, "en": …}
    check: Check = field(compare=False, repr=False)
    family: str = ""                # the module it lives in: "duplicates"
    plans_only: bool = True         # skip on documents that are not plans (news, công văn)
    doc: str = ""                   # English explanation, then the PASS/FAIL fragments
    doc_vi: str = ""                # the explanation in Vietnamese (no fragments)

    def summary_text(self, lang: str = "vi") -> str:
        return self.summary.get(lang) or self.summary["vi"]

    def _split_doc(self) -> tuple[str, str]:
        """(explanation, fragments) of the English doc: the fragments start at the first PASS/FAIL line."""
        lines = self.doc.split("\n")
        at = next((i for i, line in enumerate(lines) if _EXAMPLE.match(line)), len(lines))
        return "\n".join(lines[:at]).strip(), "\n".join(lines[at:]).strip()

    def explanation(self, lang: str = "vi") -> str:
        """The rule's explanation without its fragments, in `lang` (English if no Vietnamese)."""
        return self.doc_vi if lang == "vi" and self.doc_vi else self._split_doc()[0]

    def doc_text(self, lang: str = "vi") -> str:
        """What `kehoach rules NAME` prints: the explanation in `lang`, then the shared fragments."""
        fragments = self._split_doc()[1]
        return self.explanation(lang) + ("\n\n" + fragments if fragments else "")

    def examples(self) -> list[tuple[str, str, str]]:
        """The doc's fragments as (verdict "PASS"/"FAIL", kind "text"/"facts"/"against", text); an
        "against" fragment is the other plan, a line `----`, then the plan checked."""
        out: list[tuple[str, str, str]] = []
        lines = self.doc.split("\n")
        i = 0
        while i < len(lines):
            m = _EXAMPLE.match(lines[i])
            i += 1
            if not m:
                continue
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
                block.append(lines[i])
                i += 1
            out.append((m.group(1), m.group(2) or "text", textwrap.dedent("\n".join(block)).strip("\n") + "\n"))
        return out

    def finding(self, config: Config, texts: dict[str, str], *, location: Location | None = None,
                excerpt: str = "", related: list[dict[str, Any]] | None = None,
                severity: Severity | None = None, **fmt: Any) -> Finding:
        """A finding of this rule, its message in the configured language."""
        template = texts.get(config.lang) or texts["vi"]
        return Finding(rule=self.name, code=self.code, severity=severity or self.severity,
                       message=template.format(**fmt) if fmt else template,
                       excerpt=excerpt, location=location, related=related or [])


_RULES: dict[str, Rule] = {}
_EXAMPLE = re.compile(r"^(PASS|FAIL)(?:\s*\((facts|against)\))?::\s*$")


def cleandoc(doc: str) -> str:
    """inspect.cleandoc without expanding tabs (fragments hold tab-separated tables)."""
    first, _, rest = doc.strip("\n").partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip()


def rule(name: str, code: str, severity: Severity, *, summary: dict[str, str], doc_vi: str = "",
         plans_only: bool = True) -> Callable[[Check], Rule]:
    """Register the decorated check function as a rule; the function's docstring is its doc
    (English), `doc_vi` the same explanation in Vietnamese."""

    def register(check: Check) -> Rule:
        module = check.__module__.rsplit(".", 1)[-1]
        made = Rule(name=name, code=code, severity=severity, summary=summary, check=check,
                    family=module, plans_only=plans_only, doc=cleandoc(check.__doc__ or ""),
                    doc_vi=cleandoc(doc_vi))
        for other in _RULES.values():
            if other.name != name and other.code == code:
                raise ValueError(f"rule code {code} used twice ({other.name}, {name})")
        _RULES[name] = made
        return made

    return register


_loaded = False


def _load() -> None:
    global _loaded
    if _loaded:
        return
    from . import rules as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
    _loaded = True


def all_rules() -> list[Rule]:
    """Every registered rule, in code order."""
    _load()
    return sorted(_RULES.values(), key=lambda r: r.code)


def families() -> list[str]:
    return sorted({r.family for r in all_rules()})


def get_rule(name_or_code: str) -> Rule | None:
    """Look a rule up by name or code (case-insensitive)."""
    wanted = name_or_code.strip().casefold()
    for r in all_rules():
        if wanted in (r.name.casefold(), r.code.casefold()):
            return r
    return None


def expand(selector: str) -> list[Rule]:
    """Rules a selector stands for: a name, a code, a code prefix ("KH1"), a family or "ALL"."""
    s = selector.strip()
    if not s:
        return []
    if s.upper() == "ALL":
        return all_rules()
    found = get_rule(s)
    if found:
        return [found]
    low = s.casefold()
    by_family = [r for r in all_rules() if r.family.casefold() == low]
    if by_family:
        return by_family
    return [r for r in all_rules() if r.code.casefold().startswith(low) and len(low) >= 3]
