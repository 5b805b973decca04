"""Leaderboards: per hunter totals over a window, ranked with documented tie-breaking.

Windows (relative to the build's as-of date, by the date a finding earned its points: its
`accepted` date, else `submitted`): `all`; `year` (the as-of date's calendar year); `90d`
(the 90 days ending on the as-of date). Ranking by points, total reward or number of valid
findings; ties are broken by the other two measures (points, reward, count, in that order),
then by who reached the total first (earliest earning date), then by the shown name. Hunters
equal on all three measures share a rank.
Hunters whose profile says `show: hidden` are left off; `show: alias` shows the alias."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Literal

from ..content.entries import Content
from .points import Credit

Window = Literal["all", "year", "90d"]
Measure = Literal["points", "reward", "count"]
WINDOWS: tuple[Window, ...] = ("all", "year", "90d")
MEASURES: tuple[Measure, ...] = ("points", "reward", "count")


@dataclass(frozen=True)
class Standing:
    rank: int
    handle: str
    label: str
    points: Fraction
    reward: Fraction
    count: int
    first: date

    def as_dict(self) -> dict[str, object]:
        return {
            "rank": self.rank,
            "hunter": self.label,
            "points": round(float(self.points), 2),
            "reward": round(float(self.reward), 2),
            "count": self.count,
        }


def in_window(day: date, window: Window, as_of: date) -> bool:
    if day > as_of:
        return False
    if window == "year":
        return day.year == as_of.year
    if window == "90d":
        return day > as_of - timedelta(days=90)
    return True


def leaderboard(
    credits: Iterable[Credit],
    content: Content,
    as_of: date,
    *,
    program: str | None = None,
    window: Window = "all",
    by: Measure = "points",
) -> list[Standing]:
    return rank(totals(credits, content, as_of, program=program, window=window), by)


Totals = list[tuple[str, str, Fraction, Fraction, int, date]]


def totals(
    credits: Iterable[Credit],
    content: Content,
    as_of: date,
    *,
    program: str | None = None,
    window: Window = "all",
) -> Totals:
    """Per shown hunter: (handle, label, points, reward, valid count, first earning date)."""
    sums: dict[str, list] = {}
    for credit in credits:
        if program and credit.finding.program_slug != program:
            continue
        if not in_window(credit.earned_on, window, as_of):
            continue
        row = sums.setdefault(credit.handle, [Fraction(0), Fraction(0), 0, credit.earned_on])
        row[0] += credit.points
        row[1] += credit.reward
        row[2] += 1 if credit.counts else 0
        row[3] = min(row[3], credit.earned_on)
    rows = []
    for handle, (points, reward, count, first) in sums.items():
        label = _label(handle, content)
        if label is None or (points == 0 and reward == 0 and count == 0):
            continue
        rows.append((handle, label, points, reward, count, first))
    return rows


def rank(rows: Totals, by: Measure) -> list[Standing]:
    order = {"points": (2, 3, 4), "reward": (3, 2, 4), "count": (4, 2, 3)}[by]
    ordered = sorted(
        rows, key=lambda r: (-r[order[0]], -r[order[1]], -r[order[2]], r[5], r[1].lower())
    )
    standings: list[Standing] = []
    for index, (handle, label, points, reward, count, first) in enumerate(ordered):
        previous = standings[-1] if standings else None
        same = previous is not None and (previous.points, previous.reward, previous.count) == (
            points,
            reward,
            count,
        )
        place = previous.rank if same and previous else index + 1
        standings.append(Standing(place, handle, label, points, reward, count, first))
    return standings


def _label(handle: str, content: Content) -> str | None:
    entry = content.hunters.get(handle)
    if entry is None:  # no profile, no consent to be shown: left off, like a hidden hunter
        return None
    board = entry.record.leaderboard
    if board.show == "hidden":
        return None
    if board.show == "alias" and board.alias:
        return board.alias
    return entry.record.name
