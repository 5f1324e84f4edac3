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


def test_model_construct_is_pydantics():
    """models._Model.model_construct (defaults worked out once per class) makes the instance
    Pydantic's own model_construct makes, for every output model, with defaults and with values."""
    from pydantic import BaseModel

    from kehoach import models

    classes = [c for c in vars(models).values() if isinstance(c, type) and issubclass(c, models._Model)]
    classes.remove(models._Model)
    assert len(classes) >= 15
    required = {
        "id": "t1",
        "origin": "body",
        "content": "Tổ chức hội nghị",
        "number": "1",
        "level": 2,
        "style": "decimal",
        "title": "MỤC ĐÍCH",
        "raw": "Quý I/2026",
        "name": "Sở Nội vụ",
        "key": "so noi vu",
        "rule": "KH101",
        "code": "x",
        "severity": "error",
        "message": "m",
        "document_type": "quyet_dinh",
        "header": models.Header.model_construct(),
        "path": "a.docx",
        "format": "docx",
        "source": models.SourceFacts.model_construct(path="a.docx", format="docx"),
    }
    for cls in classes:
        kw = {k: v for k, v in required.items() if k in cls.model_fields and cls.model_fields[k].is_required()}
        for values in (
            kw,
            {**kw, "location": models.Location.model_construct(page=3)} if "location" in cls.model_fields else kw,
        ):
            ours, theirs = cls.model_construct(**values), BaseModel.model_construct.__func__(cls, **values)  # type: ignore[attr-defined]
            assert ours.__dict__ == theirs.__dict__, cls.__name__
            assert ours.model_fields_set == theirs.model_fields_set, cls.__name__
            assert ours.__pydantic_private__ == theirs.__pydantic_private__, cls.__name__
            assert ours.__pydantic_extra__ == theirs.__pydantic_extra__ is None, cls.__name__
            assert ours.model_dump(mode="json") == plan_data(ours), cls.__name__
