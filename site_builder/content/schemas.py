"""JSON Schemas of the content types, generated from the models (for editors and tools)."""

from __future__ import annotations

import json

from pydantic import BaseModel

from .finding import Finding
from .program import Program
from .records import Challenge, Hunter, Invitations, Policy, RulesPage, Settings

CONTENT_TYPES: dict[str, type[BaseModel]] = {
    "program": Program,
    "finding": Finding,
    "policy": Policy,
    "hunter": Hunter,
    "challenge": Challenge,
    "invitations": Invitations,
    "rules": RulesPage,
    "settings": Settings,
}
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_documents() -> dict[str, str]:
    """File name -> JSON text, one schema per content type, stable across runs."""
    return {f"{name}.schema.json": schema_document(model) for name, model in CONTENT_TYPES.items()}


def schema_document(model: type[BaseModel]) -> str:
    """One model's JSON Schema as stable JSON text (sorted keys, trailing newline)."""
    schema = {"$schema": SCHEMA_DIALECT, **model.model_json_schema()}
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
