"""Constrained value types shared by the content models."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal, cast

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema

from .problems import CONTROL_CHARACTERS

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str) -> date:
    """A day written exactly `YYYY-MM-DD`. Python's `date.fromisoformat` also takes week dates
    (`2027W011`, `2027-W01-1`) and `20270101`; those are errors here, like any other near miss."""
    if _ISO_DAY.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD")


def _to_date(value: Any) -> Any:
    """Accept a YAML date or an exact `YYYY-MM-DD` string; nothing else (no timestamps, no
    numbers taken as seconds since 1970)."""
    if isinstance(value, datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_day(value)
    raise ValueError(f"expected a date (YYYY-MM-DD), not {type(value).__name__} {value!r}")


Day = Annotated[
    date,
    BeforeValidator(_to_date),
    WithJsonSchema({"type": "string", "format": "date", "examples": ["2026-03-01"]}),
]
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Handle = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")]
FindingId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
URL_PATTERN = r"^https?://[^\s<>\"'`\x00-\x1f\x7f]+$"
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=2000)]
# An external submission channel: a web page (https only) or a mailbox.
SUBMIT_URL_PATTERN = (
    r"^(https://[^\s<>\"'`\x00-\x1f\x7f]+|mailto:[^@\s<>\"'`?]+@[^@\s<>\"'`?]+\.[^@\s<>\"'`?]+)$"
)
SubmitUrl = Annotated[str, StringConstraints(pattern=SUBMIT_URL_PATTERN, max_length=2000)]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")]

_MARKUP = re.compile(r"[<>\"'`]")


def _one_line(value: str) -> str:
    if CONTROL_CHARACTERS.search(value):
        raise ValueError("must be one line of text, without line breaks or control characters")
    return value


def _no_markup(value: str) -> str:
    if _MARKUP.search(value):
        raise ValueError(
            "must not contain < > \" ' or ` (themes print this text into HTML unescaped)"
        )
    return value


Line = Annotated[str, StringConstraints(min_length=1, max_length=300), AfterValidator(_one_line)]
# Text that a theme prints raw (Material's site_name in <title> and aria-label attributes).
PlainLine = Annotated[Line, AfterValidator(_no_markup)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=100_000)]
Tag = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,40}$")]
Amount = Annotated[int, Field(ge=0)]
Days = Annotated[int, Field(ge=0, le=3650)]
Repository = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]

Severity = Literal["low", "medium", "high", "critical"]
SEVERITIES: tuple[Severity, ...] = ("low", "medium", "high", "critical")

# A finding's rating is a value of its program's rating scale: the four severities,
# Bugcrowd-style priorities P1 (most severe) to P5 (informational), or the program's own
# (`rewards.ratings`, e.g. Google's S1, S2, A1...). Which values a program takes is checked
# against its scale (finding_checks.py), with the choices and a "did you mean".
Rating = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]{0,15}$")]
RatingScale = Literal["severity", "priority", "custom"]
SCALE_RATINGS: dict[str, tuple[str, ...]] = {  # least severe first, like SEVERITIES
    "severity": SEVERITIES,
    "priority": ("P5", "P4", "P3", "P2", "P1"),
}
RATINGS: tuple[str, ...] = (*SEVERITIES, "P5", "P4", "P3", "P2", "P1")
# Where a priority sits among the severities, for facets and charts across programs.
_PRIORITY_SEVERITY: dict[str, Severity] = {
    "P1": "critical",
    "P2": "high",
    "P3": "medium",
    "P4": "low",
    "P5": "low",
}


def severity_of(rating: str) -> Severity:
    """The severity a rating stands for (a severity stands for itself)."""
    return _PRIORITY_SEVERITY.get(rating, cast(Severity, rating))
