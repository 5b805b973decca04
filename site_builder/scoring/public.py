"""The public numbers, exactly as the site shows them: leaderboards and metrics over the
findings published on the as-of date. The CLI prints these same structures."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..content.entries import Content, FindingEntry
from ..content.publish import Publication, program_is_public
from .leaderboard import MEASURES, WINDOWS, Measure, Window, leaderboard, rank, totals
from .metrics import summary
from .points import credits


def published(content: Content, as_of: date) -> list[FindingEntry]:
    return Publication(content, as_of).public_findings()


def public_programs(content: Content) -> list[str]:
    return sorted(slug for slug, entry in content.programs.items() if program_is_public(entry))


def board_rows(
    content: Content,
    as_of: date,
    *,
    program: str | None = None,
    window: Window = "all",
    by: Measure = "points",
    findings: list[FindingEntry] | None = None,
) -> list[dict[str, object]]:
    found = findings if findings is not None else published(content, as_of)
    standings = leaderboard(
        credits(found, content), content, as_of, program=program, window=window, by=by
    )
    return [s.as_dict() for s in standings]


def all_boards(
    content: Content, as_of: date, findings: list[FindingEntry] | None = None
) -> dict[str, Any]:
    """Every board the site shows: overall and per public program, each window and measure.
    Credits are computed once and each (scope, window) is summed once: linear in findings."""
    found = findings if findings is not None else published(content, as_of)
    shares = credits(found, content)
    boards: dict[str, Any] = {}
    for scope in [None, *public_programs(content)]:
        windows = {}
        for window in WINDOWS:
            rows = totals(shares, content, as_of, program=scope, window=window)
            windows[window] = {by: [s.as_dict() for s in rank(rows, by)] for by in MEASURES}
        boards[scope or "overall"] = windows
    return boards


def stats(
    content: Content, as_of: date, findings: list[FindingEntry] | None = None
) -> dict[str, Any]:
    found = findings if findings is not None else published(content, as_of)
    return {
        "as_of": as_of.isoformat(),
        "scope": "published findings only",
        "overall": summary(found, content),
        "programs": {slug: summary(found, content, slug) for slug in public_programs(content)},
    }
