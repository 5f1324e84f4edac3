"""JSON: {"findings": [...], "files": [...], "summary": {...}}; every finding carries rule,
code, severity, message, excerpt, location, related and file (see eval/README.md)."""

from __future__ import annotations

import json
from typing import IO

from ... import __version__
from ...models import SCHEMA_VERSION, Finding
from ..registry import Rule
from . import FileResult, counts


def finding_dict(f: Finding) -> dict:
    data = f.model_dump(mode="json")
    data["location"] = f.location.model_dump(mode="json", exclude_none=True) if f.location else None
    return data


def document(results: list[FileResult]) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "kehoach", "version": __version__},
        "findings": [finding_dict(f) for r in results for f in r.findings],
        "files": [{"path": r.path, "findings": len(r.findings), "error": r.error} for r in results],
        "summary": {**counts(results), "files": len(results), "unreadable": sum(1 for r in results if r.error)},
    }


def emit(results: list[FileResult], rules: list[Rule], lang: str, stream: IO[str]) -> None:
    stream.write(json.dumps(document(results), ensure_ascii=False, indent=2) + "\n")
