"""The JSON `kehoach parse` writes validates against its own schema (models.Plan).

The parsers build plain blocks and the plan builder builds the models once, validated; this
checks the end product: every real DOCX's JSON reads back into a Plan that dumps to the same
JSON, so no field escapes the schema (`kehoach schema` prints it).
"""

from __future__ import annotations

import json

import pytest

from conftest import REALDOCS, SEEDS_DIR, needs
from kehoach import api
from kehoach.export.json_out import plan_data, plan_json
from kehoach.models import Plan

DOCX = sorted(REALDOCS.glob("*.docx"))[:4] if REALDOCS.exists() else []


@needs(REALDOCS, SEEDS_DIR)
@pytest.mark.parametrize("path", DOCX + sorted(SEEDS_DIR.glob("*.txt"))[:1], ids=lambda p: p.name)
def test_parse_output_validates_against_the_schema(path):
    text = plan_json(api.parse(path))
    again = Plan.model_validate_json(text)  # raises on any field outside the schema
    assert json.loads(again.model_dump_json()) == json.loads(text)
    assert again.tasks or not again.is_plan or again.sections


@needs(REALDOCS, SEEDS_DIR)
def test_plan_data_is_pydantics_json_dump():
    """`kehoach parse` writes JSON with json_out.plan_data (the models' serializers are never
    built); it is Pydantic's own model_dump(mode="json"), and the plan builder's models (made
    with model_construct) pass the schema, on every real DOCX and every seed."""
    for path in sorted(REALDOCS.glob("*.docx")) + sorted(SEEDS_DIR.glob("*.txt")):
        plan = api.parse(path)
        data = plan_data(plan)
        assert data == plan.model_dump(mode="json"), path.name
        assert Plan.model_validate(data).model_dump(mode="json") == data, path.name
