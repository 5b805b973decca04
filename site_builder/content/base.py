"""The base of every content model: unknown keys rejected, strict types, immutable."""

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
