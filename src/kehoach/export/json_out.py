"""JSON of the whole plan (the public contract: see README)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ..models import Plan


def plan_json(plan: Plan) -> str:
    return json.dumps(plan_data(plan), ensure_ascii=False, indent=2) + "\n"


def plan_data(model: Any) -> Any:
    """`model.model_dump(mode="json")` for the output models, without building their Pydantic
    serializers (models.py defers them; `kehoach parse` never needs them). Every field of
    these models is a JSON value, a model, or a list or dict of those: fields in declaration
    order, private attributes left out, exactly as Pydantic dumps them
    (tests/test_output_schema.py compares the two on real documents)."""
    if isinstance(model, BaseModel):
        return {name: plan_data(getattr(model, name)) for name in type(model).model_fields}
    if isinstance(model, (list, tuple)):
        return [plan_data(item) for item in model]
    if isinstance(model, dict):
        return {key: plan_data(value) for key, value in model.items()}
    return model
