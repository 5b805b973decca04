"""Finding ids that are safe as file names, and the ids imported findings get from their
source (stable, so a second import of the same report finds the same file)."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..content.types import FindingId

HACKERONE_PREFIX = "H1-"
# Ids made by importers; `bounties new finding` does not continue these series.
IMPORTED_PREFIXES = (HACKERONE_PREFIX,)

_FINDING_ID: TypeAdapter[str] = TypeAdapter(FindingId)


def valid_id(value: Any) -> bool:
    """Whether `value` is a finding id (letters, digits, '.', '_', '-'; no path separators)."""
    if not isinstance(value, str):
        return False
    try:
        _FINDING_ID.validate_python(value)
    except ValidationError:
        return False
    return True


def hackerone_id(report_id: str) -> str:
    return f"{HACKERONE_PREFIX}{report_id}"
