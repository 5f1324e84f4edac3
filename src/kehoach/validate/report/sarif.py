"""SARIF 2.1.0 (for GitHub code scanning and other SARIF viewers)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from ... import __version__
from ..registry import Rule
from . import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def uri(path: str) -> str:
    """A relative URI for a path under the working directory, a file:// URI otherwise."""
    p = Path(path)
    try:
        rel = p.resolve().relative_to(Path.cwd().resolve()) if p.is_absolute() else None
    except ValueError:
        return p.resolve().as_uri()
    shown = rel.as_posix() if rel is not None else p.as_posix()
    return quote(shown.removeprefix("./"), safe="/")


def _first_paragraph(doc: str) -> str:
    body = doc.split("\n\n", 1)[1] if "\n\n" in doc else doc
    return " ".join(body.split("\n\n", 1)[0].split())


def document(results: list[FileResult], rules: list[Rule], lang: str) -> dict:
    index = {r.name: i for i, r in enumerate(rules)}
    driver_rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary_text(lang)},
            "fullDescription": {"text": _first_paragraph(r.doc_text(lang)) or r.summary_text(lang)},
            "help": {"text": r.doc_text(lang) or r.summary_text(lang)},
            "defaultConfiguration": {"level": LEVEL[r.severity]},
            "properties": {"family": r.family, "tags": [r.family]},
        }
        for r in rules
    ]
    out_results = []
    for res in results:
        for f in res.findings:
            line = f.location.line if f.location and f.location.line else 1
            result: dict[str, Any] = {
                "ruleId": f.code,
                "level": LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri(f.file or res.path)},
                            "region": {"startLine": max(1, line)},
                        }
                    }
                ],
                "properties": {
                    "rule": f.rule,
                    "excerpt": f.excerpt,
                    "location": f.location.model_dump(mode="json", exclude_none=True) if f.location else {},
                    "related": f.related,
                },
            }
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            out_results.append(result)
    notes = [
        {
            "level": "error",
            "message": {"text": r.error},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(r.path)}}}],
        }
        for r in results
        if r.error
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kehoach",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://github.com/kehoach/kehoach",
                        "rules": driver_rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notes,
                        "toolExecutionNotifications": notes,
                        "workingDirectory": {"uri": Path(os.getcwd()).as_uri() + "/"},
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": out_results,
            }
        ],
    }


def emit(results: list[FileResult], rules: list[Rule], lang: str, stream: IO[str]) -> None:
    stream.write(json.dumps(document(results, rules, lang), ensure_ascii=False, indent=2) + "\n")
