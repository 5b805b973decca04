"""Transparency metrics, recomputable by anyone from the files: how fast a program responds,
triages, pays, fixes and discloses, against its own published response targets.

Each duration is counted in days from `submitted`, over the findings that have both dates;
findings missing a date are left out of that measure (and the count says how many were used).
Medians and 90th percentiles use the nearest-rank method, so every figure is a real finding's
value."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..content.entries import Content, FindingEntry
from ..content.finding import VALID_STATUSES
from ..content.program import Program

STEPS = (
    ("first_response", "first_response", "first_response_days"),
    ("triage", "triaged", "triage_days"),
    ("bounty", "rewarded", "bounty_days"),
    ("fix", "fixed", None),
    ("disclosure", "disclose_on", None),
)
VALID = VALID_STATUSES  # a wont-fix is a real finding: it counts, without points


@dataclass(frozen=True)
class Timing:
    step: str
    count: int
    median: int | None
    p90: int | None
    target: int | None

    @property
    def met(self) -> bool | None:
        """Median within the program's own target; None when there is no target or no data."""
        if self.target is None or self.median is None:
            return None
        return self.median <= self.target


def nearest_rank(values: list[int], percent: int) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(percent / 100 * len(ordered))) - 1]


def timings(findings: Iterable[FindingEntry], program: Program | None) -> list[Timing]:
    findings = list(findings)
    result = []
    for step, field, target_field in STEPS:
        days = []
        for entry in findings:
            end = getattr(entry.finding, field)
            if end is not None:
                start = (
                    entry.finding.accepted
                    if step == "bounty" and entry.finding.accepted
                    else entry.finding.submitted
                )
                days.append((end - start).days)
        target = (
            getattr(program.response_targets, target_field) if program and target_field else None
        )
        result.append(
            Timing(step, len(days), nearest_rank(days, 50), nearest_rank(days, 90), target)
        )
    return result


def summary(
    findings: Iterable[FindingEntry], content: Content, program_slug: str | None = None
) -> dict[str, Any]:
    """The numbers shown for a program (or overall when program_slug is None)."""
    chosen = [f for f in findings if program_slug in (None, f.program_slug)]
    program = content.programs[program_slug].program if program_slug else None
    valid = [f for f in chosen if f.finding.status in VALID]
    paid: dict[str, int] = {}
    for entry in chosen:
        currency = content.programs[entry.program_slug].program.rewards.currency
        paid[currency] = paid.get(currency, 0) + entry.finding.reward
    fixed = sum(1 for f in valid if f.finding.status == "fixed")
    return {
        "program": program_slug,
        "findings": len(chosen),
        "valid_findings": len(valid),
        "share_fixed": round(fixed / len(valid), 3) if valid else None,
        "paid": {k: v for k, v in sorted(paid.items()) if v},
        "timings": [
            {
                "step": t.step,
                "count": t.count,
                "median_days": t.median,
                "p90_days": t.p90,
                "target_days": t.target,
                "met": t.met,
            }
            for t in timings(chosen, program)
        ],
    }
