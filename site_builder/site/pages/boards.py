"""Boards: the leaderboards and charts, overall (in the navigation) and per public program.
Both are computed from published findings only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ...content.entries import FindingEntry, ProgramEntry
from .. import paths
from ..charts import charts_for
from ..model import Page
from .core import Build, Link, amount_text, render

WINDOW_TITLES = (("all", "All time"), ("year", None), ("90d", "Last 90 days"))
MEASURE_LABELS = (
    ("points", "points"),
    ("reward", "total reward"),
    ("count", "number of valid findings"),
)


@dataclass(frozen=True)
class BoardRow:
    rank: int
    hunter: str
    points: str
    reward: str
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
    boards: list[Board]


def leaderboard_pages(build: Build) -> list[Page]:
    """The overall board, then one per public program (not in the nav)."""
    public = build.public_programs()
    pages = [_leaderboard(build, None, "Leaderboard", public)]
    pages += [_leaderboard(build, p.slug, f"Leaderboard: {p.program.name}", []) for p in public]
    return pages


def _leaderboard(build: Build, slug: str | None, title: str, programs: list[ProgramEntry]) -> Page:
    src = paths.leaderboard(slug)
    link = build.linker(src)
    boards = build.site.boards()[slug or "overall"]
    windows = [
        BoardWindow(key, window_title or str(build.site.as_of.year), _boards(boards[key]))
        for key, window_title in WINDOW_TITLES
    ]
    body = render(
        "leaderboard.html.j2",
        windows=windows,
        scopes=[Link(link.href(paths.leaderboard(p.slug)), p.program.name) for p in programs],
        as_of=build.site.as_of.isoformat(),
        links={"json": link.asset("api/leaderboards.json")},
    )
    description = "Leaderboards computed from published findings."
    return Page(src, title, body, in_nav=slug is None, searchable=False, description=description)


def _boards(window: dict[str, list[dict[str, Any]]]) -> list[Board]:
    return [
        Board(
            by,
            label,
            [
                BoardRow(
                    row["rank"],
                    row["hunter"],
                    f"{row['points']:g}",
                    amount_text(row["reward"]),
                    row["count"],
                )
                for row in window[by]
            ],
        )
        for by, label in MEASURE_LABELS
    ]


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
