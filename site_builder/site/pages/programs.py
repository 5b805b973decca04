"""Programs: the index of cards, each public program's page with its rules, and the stub an
invite-only program shows instead (its name, organizer, state and how to apply)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...content.channels import channel_of
from ...content.entries import ProgramEntry
from ...intake.links import ChannelLink, application_url, channel_link
from ...scoring.aggregates import Aggregates
from ...scoring.matching import similar_programs
from ...scoring.metrics import summary
from .. import paths
from ..model import Page
from ..threshold_charts import threshold_charts
from .core import (
    LATEST_ON_PROFILE,
    Build,
    finding_row,
    index_page,
    match_links,
    md,
    md_or_none,
    program_card,
    render,
)
from .policies import policy_view
from .program_parts import banners, panel, program_view, response_record, thresholds
from .program_terms import program_aggregates, terms_view


def programs_index(build: Build) -> Page:
    link = build.linker(paths.PROGRAMS)
    cards = [program_card(build, p, link) for p in build.site.programs]
    facets = {
        "model": sorted({c.model for c in cards}),
        "status": sorted({c.status for c in cards}),
        "participation": sorted({c.participation for c in cards}),
        "tags": sorted({t for c in cards for t in c.tags}),
    }
    return index_page(
        paths.PROGRAMS,
        "Programs",
        "programs.html.j2",
        "Every AI-safety bounty program on this site.",
        programs=cards,
        facets=facets,
    )


@dataclass(frozen=True)
class MoreFindings:
    count: int
    shown: int
    href: str


def program_page(build: Build, entry: ProgramEntry) -> Page:
    src = paths.program(entry.slug)
    link = build.linker(src)
    program = entry.program
    findings = build.site.findings_by_program.get(entry.slug, [])
    more = MoreFindings(
        count=len(findings),
        shown=min(len(findings), LATEST_ON_PROFILE),
        href=link.href(paths.FINDINGS) + "?program=" + entry.slug,
    )
    body = render(
        "program.html.j2",
        p=program_view(program),
        banners=banners(build.site, entry),
        policy=policy_view(build.content.policies[program.disclosure_policy].record),
        submit=_submit(build, entry),
        findings=[finding_row(build, f, link) for f in findings[:LATEST_ON_PROFILE]],
        more=more,
        record=response_record(summary(build.site.findings, build.content, entry.slug)),
        thresholds=thresholds(program, findings),
        threshold_charts=threshold_charts(build.site, entry, link),
        panel=panel(program),
        terms=terms_view(program, build.site.as_of),
        aggregates=_aggregates(build, entry),
        similar=match_links(similar_programs(entry, build.site.programs), link),
        links={
            "rules": link.href(paths.rules(entry.slug)),
            "policy": link.href(paths.policy(program.disclosure_policy)),
        },
    )
    return Page(src, program.name, body, description=program.summary)


def _aggregates(build: Build, entry: ProgramEntry) -> Aggregates | None:
    if entry.program.aggregates is None:
        return None
    findings = build.content.findings_of(entry.slug)
    return program_aggregates(entry.program, findings, build.site.as_of)


@dataclass(frozen=True)
class SubmitView:
    link: ChannelLink
    instructions: Markup | None


def _submit(build: Build, entry: ProgramEntry) -> SubmitView | None:
    """The Submit button while the program is open, as its channel says."""
    if entry.program.status != "open":
        return None
    channel = channel_of(entry, build.content)
    link = channel_link(channel, entry.slug)
    return SubmitView(link, md_or_none(channel.instructions)) if link else None


@dataclass(frozen=True)
class StubView:
    organizer: str
    status: str
    apply: Markup


def program_stub(build: Build, entry: ProgramEntry) -> Page:
    """An invite-only program: nothing about its systems, scope or findings."""
    src = paths.program(entry.slug)
    program = entry.program
    view = StubView(program.organizer.name, program.status, md(program.apply or ""))
    apply_url = (
        application_url(build.repository, entry.slug)
        if build.repository and program.status == "open"
        else None
    )
    body = render("program_stub.html.j2", p=view, apply_url=apply_url)
    description = f"An invite-only program run by {program.organizer.name}."
    return Page(src, program.name, body, description=description)


def rules_page(build: Build, entry: ProgramEntry) -> Page:
    src = paths.rules(entry.slug)
    link = build.linker(src)
    rules = entry.rules
    text = rules.source.body if rules else "The organizer has not published rules yet."
    title = rules.page.title if rules else "Rules"
    body = render(
        "rules.html.j2",
        rules=md(text),
        program_name=entry.program.name,
        updated=rules.page.updated if rules else None,
        links={"program": link.href(paths.program(entry.slug))},
    )
    return Page(src, f"{title}: {entry.program.name}", body)
