"""The numbers a non-disclosure program may publish instead of findings (`aggregates:`).

Two guards keep a single private finding from being inferred:
- a number is shown only when at least `minimum` findings stand behind it (k-anonymity);
- everything is counted over complete calendar quarters only, up to the last one that ended
  before `as_of`, so the numbers change once a quarter, never the day after a report arrives
  (a daily rebuild cannot be diffed to date or time one report)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..content.entries import FindingEntry
from ..content.finding import VALID_STATUSES
from .metrics import nearest_rank


@dataclass(frozen=True)
class Figure:
    """One published number, or None when fewer than `minimum` findings stand behind it."""

    label: str
    value: int | None
    unit: str


@dataclass(frozen=True)
class Aggregates:
    until: date  # last day counted (end of the last complete quarter)
    minimum: int
    figures: list[Figure]


def quarter_end_before(as_of: date) -> date:
    """The last day of the last calendar quarter that ended before `as_of`."""
    first_month = 3 * ((as_of.month - 1) // 3) + 1
    start = date(as_of.year, first_month, 1)
    return date.fromordinal(start.toordinal() - 1)


def aggregates(findings: list[FindingEntry], as_of: date, minimum: int) -> Aggregates:
    """Counts and medians of one program's findings (all of them, private ones included:
    only these thresholded numbers leave the function)."""
    until = quarter_end_before(as_of)
    counted = [f for f in findings if f.finding.submitted <= until]
    valid = [f for f in counted if f.finding.status in VALID_STATUSES]
    first = _days(counted, "first_response", until)
    triage = _days(counted, "triaged", until)
    figures = [
        _count("Reports received", len(counted), minimum),
        _count("Valid findings", len(valid), minimum),
        _median("Median days to first response", first, minimum),
        _median("Median days to triage", triage, minimum),
    ]
    return Aggregates(until, minimum, figures)


def _days(findings: list[FindingEntry], field: str, until: date) -> list[int]:
    days = []
    for entry in findings:
        end = getattr(entry.finding, field)
        if end is not None and end <= until:
            days.append((end - entry.finding.submitted).days)
    return days


def _count(label: str, count: int, minimum: int) -> Figure:
    return Figure(label, count if count >= minimum else None, "")


def _median(label: str, days: list[int], minimum: int) -> Figure:
    value = nearest_rank(days, 50) if len(days) >= minimum else None
    return Figure(label, value, "days")
