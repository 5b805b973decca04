"""People: the hunters index and each credited hunter's profile, shown as they chose (a name,
an alias without links or bio, or not at all)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...content.records import Link as ProfileLink
from ...scoring.matching import programs_for_hunter
from ...scoring.points import reward_share
from .. import paths
from ..model import Page
from .core import (
    LATEST_ON_PROFILE,
    Build,
    FindingRow,
    ProgramLink,
    finding_row,
    index_page,
    match_links,
    md,
    render,
    sum_by_currency,
)


@dataclass(frozen=True)
class HunterRow:
    href: str
    label: str
    count: int
    skills: list[str]


def hunters_index(build: Build) -> Page:
    site = build.site
    link = build.linker(paths.HUNTERS)
    rows = []
    for entry in site.hunters:
        credit = site.credit(entry.key)
        if credit.page is None:
            continue
        count = len(site.findings_by_hunter.get(entry.key, []))
        rows.append(
            HunterRow(
                link.href(paths.hunter(credit.page)), credit.label, count, entry.record.skills
            )
        )
    return index_page(
        paths.HUNTERS,
        "Hunters",
        "hunters.html.j2",
        "People credited with disclosed findings.",
        hunters=rows,
    )


@dataclass(frozen=True)
class HunterView:
    bio: Markup | None
    links: list[ProfileLink]
    skills: list[str]
    count: int
    rewards: str
    findings: list[FindingRow]
    more: int  # disclosed findings beyond those listed
    matches: list[ProgramLink]


def hunter_page(build: Build, handle: str) -> Page:
    credit = build.site.credit(handle)
    assert credit.page is not None
    src = paths.hunter(credit.page)
    link = build.linker(src)
    record = build.content.hunters[handle].record
    findings = build.site.findings_by_hunter.get(handle, [])
    aliased = record.leaderboard.show == "alias"
    rewards = sum_by_currency(
        (
            build.program_of(f).rewards.currency,
            reward_share(f.finding.reward, len(f.finding.hunters)),
        )
        for f in findings
    )
    view = HunterView(
        bio=md(record.bio) if record.bio and not aliased else None,
        links=[] if aliased else record.links,
        skills=record.skills,
        count=len(findings),
        rewards=rewards or "0",
        findings=[finding_row(build, f, link) for f in findings[:LATEST_ON_PROFILE]],
        more=max(0, len(findings) - LATEST_ON_PROFILE),
        matches=match_links(programs_for_hunter(record.skills, build.site.programs), link),
    )
    body = render("hunter.html.j2", h=view)
    return Page(src, credit.label, body, description=f"Hunter profile: {credit.label}")
