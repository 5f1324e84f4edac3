"""JSON of the whole plan (the public contract: see README)."""

from __future__ import annotations

import json

from ..models import Plan


def plan_json(plan: Plan) -> str:
    return json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
