"""The front door: the home page, search, and the featured challenges run by others."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ...content.records import Challenge
from .. import paths
from ..model import Page
from .about import UNTITLED
from .core import (
    Build,
    finding_row,
    md,
    md_or_none,
    program_card,
    render,
    sum_by_currency,
)

LATEST_ON_HOME = 10


@dataclass(frozen=True)
class HomeStats:
    open_programs: int
    disclosed: int
    hunters: int
    paid: str


@dataclass(frozen=True)
class ChallengeView:
    title: str
    host: str
    url: str
    deadline: str | None
    closed: bool
    prize: str | None
    tags: list[str]
    summary: Markup | None


def home_page(build: Build) -> Page:
    site = build.site
    link = build.linker(paths.HOME)
    settings = build.content.settings
    title = settings.title if settings else UNTITLED
    open_cards = [program_card(build, p, link) for p in site.programs if p.program.status == "open"]
    open_challenges = [
        c.record
        for c in build.content.challenges.values()
        if c.record.deadline is None or c.record.deadline >= site.as_of
    ]
    body = render(
        "home.html.j2",
        description=md(settings.description if settings else ""),
        stats=_stats(build, len(open_cards)),
        open_programs=open_cards,
        latest=[finding_row(build, f, link) for f in site.findings[:LATEST_ON_HOME]],
        challenges=[_challenge(build, c) for c in open_challenges],
        title=title,
        links={
            "programs": link.href(paths.PROGRAMS),
            "findings": link.href(paths.FINDINGS),
            "feed": link.asset("feeds/findings.xml"),
            "how_to_submit": link.href(paths.HOW_TO_SUBMIT),
            "about": link.href(paths.ABOUT),
        },
    )
    description = settings.description if settings else ""
    # The front door: a listing (its programs and findings have pages of their own, which are
    # the search hits), with room for the content instead of a navigation holding only itself.
    return Page(
        paths.HOME,
        title,
        body,
        description=description,
        in_nav=True,
        searchable=False,
        hide=("navigation",),
    )


def _stats(build: Build, open_programs: int) -> HomeStats:
    findings = build.site.findings
    paid = sum_by_currency(
        (build.program_of(f).rewards.currency, f.finding.reward) for f in findings
    )
    return HomeStats(
        open_programs=open_programs,
        disclosed=len(findings),
        hunters=len({h for f in findings for h in f.finding.hunters}),
        paid=paid or "0",
    )


def challenges_page(build: Build) -> Page:
    ordered = sorted(
        build.content.challenges.values(),
        key=lambda c: (c.record.deadline or date.max, c.record.title),
    )
    items = [_challenge(build, c.record) for c in ordered]
    groups = [
        ("Open", [c for c in items if not c.closed]),
        ("Closed", [c for c in items if c.closed]),
    ]
    # Searchable, unlike other section front pages: challenges have no page of their own.
    body = render("challenges.html.j2", groups=groups)
    description = "Challenges posted elsewhere."
    return Page(paths.CHALLENGES, "Featured challenges", body, description=description, in_nav=True)


def search_page(build: Build) -> Page:
    link = build.linker(paths.SEARCH)
    body = render(
        "search.html.j2",
        links={
            "css": link.asset("pagefind/pagefind-ui.css"),
            "js": link.asset("pagefind/pagefind-ui.js"),
            "bundle": link.asset("pagefind/"),
            "findings": link.href(paths.FINDINGS),
        },
    )
    return Page(
        paths.SEARCH,
        "Search",
        body,
        in_nav=True,
        searchable=False,
        description="Search programs and disclosed findings.",
    )


def _challenge(build: Build, record: Challenge) -> ChallengeView:
    deadline = record.deadline
    return ChallengeView(
        title=record.title,
        host=record.host,
        url=record.url,
        deadline=deadline.isoformat() if deadline else None,
        closed=bool(deadline and deadline < build.site.as_of),
        prize=record.prize,
        tags=record.tags,
        summary=md_or_none(record.summary),
    )
