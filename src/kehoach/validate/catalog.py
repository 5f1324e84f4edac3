"""The rules' metadata (name, code, severity, summaries, docs) without the rules' code.

`kehoach rules` lists and documents the rules; importing the rule modules for that would
load the models (pydantic) and compile every rule's patterns. So the metadata the `@rule`
decorators declare is also kept, as plain data, in `rule_catalog.py`, written by

    python -m kehoach.validate.catalog --write

from the live registry; `tests/test_validate_rules.py` fails when the two differ.
`RuleInfo` carries the documentation methods; `registry.Rule` extends it with the check.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal, TypeVar

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
RANK: dict[str, int] = {name: i for i, name in enumerate(SEVERITIES)}
SEVERITY_WORDS = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
R = TypeVar("R", bound="RuleInfo")
_EXAMPLE = re.compile(r"^(PASS|FAIL)(?:\s*\((facts|against)\))?::\s*$")


@dataclass(frozen=True)
class RuleInfo:
    name: str  # stable kebab-case name: "duplicate-paragraph"
    code: str  # stable short code: "KH101"
    severity: Severity  # default severity
    summary: dict[str, str]  # one line, {"vi": …, "en": …}
    family: str = ""  # the module or package under validate/rules/ it lives in: "duplicates", "header"
    plans_only: bool = True  # skip on documents that are not plans (news, công văn)
    doc: str = ""  # English explanation, then the PASS/FAIL fragments
    doc_vi: str = ""  # the explanation in Vietnamese (no fragments)

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

    def info(self) -> RuleInfo:
        """The metadata alone (a `registry.Rule` without its check)."""
        return RuleInfo(**{f.name: getattr(self, f.name) for f in fields(RuleInfo)})


def all_rules() -> list[RuleInfo]:
    """Every rule's metadata, in code order, from `rule_catalog.py` (no rule module is imported)."""
    from .rule_catalog import RULES

    rows: Sequence[Mapping[str, Any]] = RULES  # generated plain data, kept equal to the rules by a test
    return sorted((RuleInfo(**r) for r in rows), key=lambda r: r.code)


def get_rule(name_or_code: str) -> RuleInfo | None:
    """Look a rule up by name or code (case-insensitive)."""
    return find(all_rules(), name_or_code)


def expand(selector: str) -> list[RuleInfo]:
    """Rules a selector stands for (see `select`), from the metadata alone."""
    return select(all_rules(), selector)


def find(rules: list[R], name_or_code: str) -> R | None:
    """The rule of `rules` named or coded `name_or_code` (case-insensitive)."""
    wanted = name_or_code.strip().casefold()
    for r in rules:
        if wanted in (r.name.casefold(), r.code.casefold()):
            return r
    return None


def select(rules: list[R], selector: str) -> list[R]:
    """The rules of `rules` a selector stands for: a name, a code, a code prefix ("KH1"), a
    family or "ALL" (the registry applies the same to the live rules)."""
    s = selector.strip()
    if not s:
        return []
    if s.upper() == "ALL":
        return list(rules)
    found = find(rules, s)
    if found:
        return [found]
    low = s.casefold()
    by_family = [r for r in rules if r.family.casefold() == low]
    if by_family:
        return by_family
    return [r for r in rules if r.code.casefold().startswith(low) and len(low) >= 3]


def render() -> str:
    """The source of `rule_catalog.py`, from the live registry (imports every rule module)."""
    from .registry import all_rules as live_rules

    lines = [
        "# ruff: noqa: E501",
        '"""Generated by `python -m kehoach.validate.catalog --write` from the @rule decorators',
        'of validate/rules/ (see catalog.py). Do not edit: change the rule and regenerate."""',
        "",
        "RULES = (",
    ]
    for r in live_rules():
        lines.append("    {")
        for key, value in asdict(r.info()).items():
            lines.append(f"        {key!r}: {value!r},")
        lines.append("    },")
    lines.append(")")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    import sys
    from pathlib import Path

    args = sys.argv[1:] if argv is None else argv
    target = Path(__file__).with_name("rule_catalog.py")
    text = render()
    if "--write" in args:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
        return 0
    if target.read_text(encoding="utf-8") != text:
        print(f"{target} is out of date: python -m kehoach.validate.catalog --write", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
