"""Boards: the leaderboards and charts, overall (in the navigation) and per public program.
Both are computed from published findings only."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from markupsafe import Markup

from ...content.entries import FindingEntry, ProgramEntry
from ...scoring.leaderboard import Standing, Window, rank, totals
from ...scoring.points import Credit, credits
from .. import paths
from ..charts import charts_for
from ..model import Page
from .core import (
    Build,
    CreditLink,
    Link,
    amount_text,
    credit_link,
    money,
    render,
    sum_by_currency,
)

# (key, heading, the sentence shown when no one is ranked); heading None: the as-of year.
_NONE = "No listed hunter has a published finding"
WINDOWS: tuple[tuple[Window, str | None, str], ...] = (
    ("all", "All time", f"{_NONE} yet."),
    ("year", None, f"{_NONE} accepted in {{year}}."),
    ("90d", "Last 90 days", f"{_NONE} accepted in the last 90 days."),
)
MEASURE_LABELS = (
    ("points", "points"),
    ("reward", "total reward"),
    ("count", "number of valid findings"),
)


@dataclass(frozen=True)
class BoardRow:
    rank: int
    hunter: CreditLink  # linked to the profile the hunter chose (an alias's own address)
    points: str
    reward: str  # with its currency; per currency when the board's programs pay in several
    count: int


@dataclass(frozen=True)
class Board:
    by: str
    by_label: str
    rows: list[BoardRow]


@dataclass(frozen=True)
class BoardWindow:
    key: str
    title: str
    empty: str  # the sentence shown instead of the boards when no hunter is ranked
    boards: list[Board]  # none when no hunter is ranked in this window


@dataclass(frozen=True)
class Scope:
    """The credits one leaderboard sums: every public program's, or one program's."""

    slug: str | None
    shares: list[Credit]
    by_currency: dict[str, list[Credit]]

    @property
    def currencies(self) -> list[str]:
        return sorted(self.by_currency)


def leaderboard_pages(build: Build) -> list[Page]:
    """The overall board, then one per public program (not in the nav)."""
    public = build.public_programs()
    shares = credits(build.site.findings, build.content)
    pages = [_leaderboard(build, _scope(build, None, shares), "Leaderboard", public)]
    by_program: dict[str, list[Credit]] = defaultdict(list)
    for share in shares:
        by_program[share.finding.program_slug].append(share)
    pages += [
        _leaderboard(
            build, _scope(build, p.slug, by_program[p.slug]), f"Leaderboard: {p.program.name}", []
        )
        for p in public
    ]
    return pages


def _scope(build: Build, slug: str | None, shares: list[Credit]) -> Scope:
    by_currency: dict[str, list[Credit]] = defaultdict(list)
    for share in shares:
        by_currency[build.program_of(share.finding).rewards.currency].append(share)
    if slug is not None and not by_currency:
        by_currency[build.content.programs[slug].program.rewards.currency] = []
    return Scope(slug, shares, dict(by_currency))


def _leaderboard(build: Build, scope: Scope, title: str, programs: list[ProgramEntry]) -> Page:
    src = paths.leaderboard(scope.slug)
    link = build.linker(src)
    year = build.site.as_of.year
    windows = [
        _window(build, scope, link, key, heading or str(year), empty.format(year=year))
        for key, heading, empty in WINDOWS
    ]
    body = render(
        "leaderboard.html.j2",
        windows=windows,
        currencies=scope.currencies,
        scopes=[Link(link.href(paths.leaderboard(p.slug)), p.program.name) for p in programs],
        as_of=build.site.as_of.isoformat(),
        links={"json": link.asset("api/leaderboards.json")},
    )
    description = "Leaderboards computed from published findings."
    return Page(
        src, title, body, in_nav=scope.slug is None, searchable=False, description=description
    )


def _window(
    build: Build, scope: Scope, link: paths.Linker, key: Window, title: str, empty: str
) -> BoardWindow:
    """One window's boards, ranked by the scoring rules (the same as `api/leaderboards.json`),
    with each hunter's reward summed per currency."""
    as_of = build.site.as_of
    rows = totals(scope.shares, build.content, as_of, program=scope.slug, window=key)
    rewards: dict[str, list[tuple[str, Fraction]]] = defaultdict(list)
    for currency, shares in scope.by_currency.items():
        for handle, _, _, reward, _, _ in totals(
            shares, build.content, as_of, program=scope.slug, window=key
        ):
            rewards[handle].append((currency, reward))
    boards = [
        Board(by, label, [_row(build, s, rewards[s.handle], scope, link) for s in rank(rows, by)])
        for by, label in MEASURE_LABELS
    ]
    return BoardWindow(key, title, empty, boards if rows else [])


def _row(
    build: Build,
    standing: Standing,
    rewards: list[tuple[str, Fraction]],
    scope: Scope,
    link: paths.Linker,
) -> BoardRow:
    only = scope.currencies[0] if len(scope.currencies) == 1 else None
    reward = sum_by_currency(rewards) or (money(0, only) if only else "0")
    return BoardRow(
        standing.rank,
        credit_link(build, standing.handle, link),
        amount_text(standing.points),
        _BEFORE_CURRENCY.sub("\u00a0", reward),  # "69,000 USD" never breaks in a narrow column
        standing.count,
    )


_BEFORE_CURRENCY = re.compile(r" (?=[A-Z]{3}\b)")


@dataclass(frozen=True)
class ChartView:
    title: str
    description: str
    unit: str
    svg: Markup
    label_header: str
    rows: list[tuple[str, str]]


def chart_pages(build: Build) -> list[Page]:
    """The site's charts, then one page per public program (not in the nav)."""
    public = build.public_programs()
    pages = [_charts(build, None, "Charts", build.site.findings, public)]
    pages += [
        _charts(
            build,
            p.slug,
            f"Charts: {p.program.name}",
            build.site.findings_by_program.get(p.slug, []),
            [],
        )
        for p in public
    ]
    return pages


def _charts(
    build: Build,
    slug: str | None,
    title: str,
    findings: list[FindingEntry],
    programs: list[ProgramEntry],
) -> Page:
    src = paths.charts(slug)
    link = build.linker(src)
    charts = [
        ChartView(
            title=chart.title,
            description=chart.description,
            unit=chart.unit,
            svg=Markup(chart.svg()),
            label_header="Month" if "month" in chart.key else chart.key.rsplit("-", 1)[1].title(),
            rows=[
                (label, f"{value:,.0f}")
                for label, value in zip(chart.labels, chart.values, strict=True)
            ],
        )
        for chart in charts_for(findings, build.content, slug or "site")
    ]
    body = render(
        "charts.html.j2",
        charts=charts,
        scopes=[Link(link.href(paths.charts(p.slug)), p.program.name) for p in programs],
        program_name=build.content.programs[slug].program.name if slug else None,
        as_of=build.site.as_of.isoformat(),
    )
    description = "Charts of disclosed findings and rewards."
    return Page(src, title, body, in_nav=slug is None, searchable=False, description=description)
