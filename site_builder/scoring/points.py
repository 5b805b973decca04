"""Points and rewards per hunter for each finding, by the documented rules:

- accepted or fixed: the points of the program's reward-table row for the finding's rating
  (and column), plus its prize's points (or the finding's own `points`, set by
  `/accept points=N`) x `points_percent` / 100;
- wont-fix: 0 points, but it counts as a valid finding; rejected: 0 and not counted;
- a duplicate submitted within `duplicate_window_days` of its original shares the original's
  points equally with it (and with the other duplicates in the window); a later duplicate earns
  `late_duplicate_points`;
- several hunters on one finding share its points and reward equally; anonymous findings
  credit no one.

Only the findings given are considered: pass published findings for public numbers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from ..content.entries import Content, FindingEntry
from ..content.rewards import base_points

VALID = frozenset({"accepted", "fixed"})


@dataclass(frozen=True)
class Credit:
    """One hunter's share of one finding."""

    handle: str
    finding: FindingEntry
    points: Fraction
    reward: Fraction
    counts: bool  # whether it counts as a valid finding for this hunter
    earned_on: date


def credits(findings: list[FindingEntry], content: Content) -> list[Credit]:
    """Every hunter's share of every finding, linear in the number of findings."""
    by_key = {(f.program_slug, f.id): f for f in findings}
    window_members: dict[tuple[str, str], list[FindingEntry]] = defaultdict(list)
    late: set[tuple[str, str]] = set()
    for entry in findings:
        finding = entry.finding
        if finding.status != "duplicate" or not finding.duplicate_of:
            continue
        original = by_key.get((entry.program_slug, finding.duplicate_of))
        if original is None:
            late.add((entry.program_slug, entry.id))
            continue
        window = content.programs[entry.program_slug].program.scoring.duplicate_window_days
        if (finding.submitted - original.finding.submitted).days <= window:
            window_members[(original.program_slug, original.id)].append(entry)
        else:
            late.add((entry.program_slug, entry.id))
    result: list[Credit] = []
    for entry in findings:
        points, counts = _points(entry, content, window_members, late, by_key)
        hunters = entry.finding.hunters
        if not hunters:
            continue
        earned = entry.finding.accepted or entry.finding.submitted
        for handle in hunters:
            result.append(
                Credit(
                    handle,
                    entry,
                    points / len(hunters),
                    reward_share(entry.finding.reward, len(hunters)),
                    counts,
                    earned,
                )
            )
    return result


def reward_share(reward: int, hunters: int) -> Fraction:
    """Each hunter's equal, exact share of a finding's reward (the whole of it for one)."""
    return Fraction(reward, hunters or 1)


def _points(
    entry: FindingEntry,
    content: Content,
    window_members: dict[tuple[str, str], list[FindingEntry]],
    late: set[tuple[str, str]],
    by_key: dict[tuple[str, str], FindingEntry],
) -> tuple[Fraction, bool]:
    program = content.programs[entry.program_slug].program
    finding = entry.finding
    key = (entry.program_slug, entry.id)
    if finding.status == "duplicate":
        if key in late or not finding.duplicate_of:
            return Fraction(program.scoring.late_duplicate_points), False
        original = by_key[(entry.program_slug, finding.duplicate_of)]
        share = len(window_members[(original.program_slug, original.id)]) + 1
        return _tier_points(original, content) / share, True
    if finding.status == "wont-fix":
        return Fraction(0), True  # a real finding, but the rules give it no points
    if finding.status not in VALID:
        return Fraction(0), False
    share = len(window_members.get(key, [])) + 1
    return _tier_points(entry, content) / share, True


def _tier_points(entry: FindingEntry, content: Content) -> Fraction:
    program = content.programs[entry.program_slug].program
    if entry.finding.status not in VALID:
        return Fraction(0)
    return Fraction(base_points(program, entry.finding) * program.scoring.points_percent, 100)
