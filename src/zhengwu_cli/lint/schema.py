"""JSON Schemas of the checklist and the unit registry, generated from the models.

The repository keeps them in `schema/`; a test fails when they drift from the models.
Regenerate with `zhengwu schema > schema/checklist.schema.json` and
`zhengwu schema --registry > schema/registry.schema.json`.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema(kind: str = "checklist") -> dict[str, Any]:
    from ..model import Checklist
    from ..units import Registry

    model: type[BaseModel] = Checklist if kind == "checklist" else Registry
    generated = model.model_json_schema(by_alias=True)
    return {"$schema": DIALECT, "$id": f"{kind}.schema.json", **generated}


def schema_text(kind: str = "checklist") -> str:
    return json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"
