"""The library API: what the CLI calls and what a Python user imports.

    from kehoach import api
    plan = api.parse("plan.docx")          # -> models.Plan (plan.document holds the blocks)
    api.parse_text("KẾ HOẠCH\\n...")        # inline text, for tests and notebooks

Reading `parse` top to bottom shows the whole pipeline: format parser -> blocks -> plan.
"""

from __future__ import annotations

from pathlib import Path

from . import parsers
from .blocks import SourceInfo
from .models import Plan
from .plan.build import build_plan


def parse(path: str | Path, **options: object) -> Plan:
    """Parse one file (TXT/MD, DOCX, PDF, DOC) into a Plan. Raises KehoachError on bad input."""
    document = parsers.load(path, **options)
    return build_plan(document)


def parse_text(text: str, name: str = "<text>") -> Plan:
    """Parse a plan given as text (Markdown or a plain export)."""
    from .parsers.text import parse_string  # not at the top: a DOCX or PDF never needs it

    return build_plan(parse_string(text, SourceInfo(path=name, format="text")))
