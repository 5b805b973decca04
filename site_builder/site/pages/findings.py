"""Disclosed findings: the index (in pages of FINDINGS_PER_PAGE rows, filtered over every
finding through `api/findings-index.json`) and one page per published finding."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...content.entries import FindingEntry
from ...content.finding import AffectedTarget, Finding
from ...content.program import Program
from ...content.taxonomy import TAXONOMY
from ...content.types import RATINGS
from .. import paths
from ..model import Page
from .core import Build, CreditLink, Link, credit_link, finding_row, md, money, render

FINDINGS_PER_PAGE = 100


@dataclass(frozen=True)
class Facets:
    """The values the index can be filtered by: only those some finding has."""

    program: list[tuple[str, str]]  # (slug, name)
    severity: list[str]
    category: list[tuple[str, str]]  # (key, label)
    year: list[int]


@dataclass(frozen=True)
class PagerLink:
    number: int
    href: str
    current: bool


def findings_index(build: Build) -> list[Page]:
    findings = build.site.findings
    facets = _facets(build)
    chunks = [
        findings[i : i + FINDINGS_PER_PAGE] for i in range(0, len(findings), FINDINGS_PER_PAGE)
    ] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        src = paths.findings_page(number)
        link = build.linker(src)
        pager = [
            PagerLink(n, link.href(paths.findings_page(n)), n == number)
            for n in range(1, len(chunks) + 1)
        ]
        body = render(
            "findings.html.j2",
            rows=[finding_row(build, f, link) for f in chunk],
            facets=facets,
            count=len(findings),
            pager=pager if len(chunks) > 1 else [],
            complete=len(chunks) == 1,
            first=(number - 1) * FINDINGS_PER_PAGE + 1,
            links={
                "json": link.asset("api/findings.json"),
                "index": link.asset("api/findings-index.json"),
                "root": link.asset("") if link.asset("") != "./" else "",
                "feed": link.asset("feeds/findings.xml"),
            },
        )
        title = "Disclosed findings" if number == 1 else f"Disclosed findings, page {number}"
        description = "Findings that have passed their embargo."
        pages.append(
            Page(src, title, body, in_nav=number == 1, searchable=False, description=description)
        )
    return pages


def _facets(build: Build) -> Facets:
    names = {p.slug: p.program.name for p in build.site.programs}
    findings = build.site.findings
    return Facets(
        program=sorted(
            {(f.program_slug, names[f.program_slug]) for f in findings},
            key=lambda pair: pair[1].lower(),
        ),
        severity=_present(RATINGS, {f.finding.severity for f in findings}),
        category=sorted(
            {(f.finding.category, TAXONOMY[f.finding.category].label) for f in findings},
            key=lambda pair: pair[1],
        ),
        year=sorted(
            {f.finding.disclose_on.year for f in findings if f.finding.disclose_on},
            reverse=True,
        ),
    )


@dataclass(frozen=True)
class TimelineStep:
    label: str
    date: str


@dataclass(frozen=True)
class ThresholdClaimView:
    capability: str
    measured: int | float
    metric: str
    direction: str
    value: int | float
    evaluation: str


@dataclass(frozen=True)
class PanelDecisionView:
    outcome: str
    decided: str
    votes: list[str]
    tally: str
    mean: str | None
    rationale: Markup


@dataclass(frozen=True)
class FindingView:
    id: str
    severity: str
    status: str
    category_label: str
    program_href: str
    program_name: str
    credits: list[CreditLink]
    reward: str
    affected: list[AffectedTarget]
    duplicate_of: Link | None
    timeline: list[TimelineStep]
    writeup: Markup
    threshold: ThresholdClaimView | None
    panel: PanelDecisionView | None
    terms: list[tuple[str, str]]  # campaign, prize, bonuses, move: label and text


def finding_page(build: Build, entry: FindingEntry) -> Page:
    src = paths.finding(entry.id)
    link = build.linker(src)
    finding = entry.finding
    program = build.program_of(entry)
    category = TAXONOMY[finding.category].label
    moved = _moved_from(build, finding)
    view = FindingView(
        id=finding.id,
        severity=finding.severity,
        status=finding.status,
        category_label=category,
        program_href=link.href(paths.program(entry.program_slug)),
        program_name=program.name,
        credits=[credit_link(build, h, link) for h in finding.hunters],
        reward=money(finding.reward, program.rewards.currency) if finding.reward else "none",
        affected=finding.affected,
        duplicate_of=_original(build, entry, link),
        timeline=_timeline(finding, moved),
        writeup=md(entry.source.body),
        threshold=_threshold_claim(program, finding),
        panel=_panel_decision(finding),
        terms=_terms(program, finding, moved),
    )
    body = render("finding.html.j2", f=view)
    description = f"{finding.severity} {category} finding in {program.name}"
    return Page(src, finding.title, body, description=description)


def _original(build: Build, entry: FindingEntry, link: paths.Linker) -> Link | None:
    """The published finding this one duplicates (unpublished originals are not linked)."""
    wanted = entry.finding.duplicate_of
    if not wanted:
        return None
    for other in build.site.findings_by_program.get(entry.program_slug, []):
        if other.id == wanted:
            return Link(link.href(paths.finding(other.id)), other.finding.title)
    return None


def _moved_from(build: Build, finding: Finding) -> str | None:
    """Where a moved report came from, as the public may be told: a program of this site only
    if it is public (a draft's or an invite-only program's name is not published), else the
    name written, which is another organization's program."""
    moved = finding.moved_from
    if moved is None:
        return None
    other = build.content.programs.get(moved.program)
    if other is None:
        return moved.program
    return other.program.name if build.site.is_public_program(other.slug) else "another program"


def _terms(program: Program, finding: Finding, moved: str | None) -> list[tuple[str, str]]:
    rows = []
    campaign = next((c for c in program.campaigns if c.id == finding.campaign), None)
    if campaign:
        rows.append(("Campaign", campaign.name))
    prize = program.prize(finding.prize, finding.campaign) if finding.prize else None
    if prize:
        rows.append(("Prize", prize.name))
    bonuses = [b.name for b in program.rewards.bonuses if b.id in finding.bonuses]
    if bonuses:
        rows.append(("Bonuses", ", ".join(bonuses)))
    if moved and finding.moved_from:
        rows.append(
            ("Moved", f"from {moved} on {finding.moved_from.date}: {finding.moved_from.reason}")
        )
    return rows


def _timeline(finding: Finding, moved: str | None = None) -> list[TimelineStep]:
    """The steps in date order; steps on the same day keep their lifecycle order (a bounty may
    be paid before the fix ships, and then comes first)."""
    steps = [
        ("Submitted", finding.submitted),
        ("First response", finding.first_response),
        ("Triaged", finding.triaged),
        ("Accepted", finding.accepted),
        ("Fixed", finding.fixed),
        ("Rewarded", finding.rewarded),
        ("Disclosed", finding.disclose_on),
    ]
    if moved and finding.moved_from:
        steps.insert(1, (f"Moved here from {moved}", finding.moved_from.date))
    dated = sorted(((label, when) for label, when in steps if when), key=lambda step: step[1])
    return [TimelineStep(label, when.isoformat()) for label, when in dated]


def _threshold_claim(program: Program, finding: Finding) -> ThresholdClaimView | None:
    claim = finding.threshold
    threshold = next((t for t in program.thresholds if claim and t.id == claim.id), None)
    if claim is None or threshold is None:
        return None
    evaluation = threshold.evaluation
    return ThresholdClaimView(
        capability=threshold.capability,
        measured=claim.measured,
        metric=threshold.metric,
        direction=threshold.direction,
        value=threshold.value,
        evaluation=f"{evaluation.name} {evaluation.version}",
    )


def _panel_decision(finding: Finding) -> PanelDecisionView | None:
    decision = finding.panel_decision
    if decision is None:
        return None
    votes = list(decision.votes.values())
    scores = [v for member in decision.scores.values() for v in member.values()]
    return PanelDecisionView(
        outcome=decision.outcome,
        decided=decision.decided,
        votes=votes,
        tally=f"{votes.count('accept')} to accept, {votes.count('reject')} to reject",
        mean=f"{sum(scores) / len(scores):.1f}" if scores else None,
        rationale=md(decision.rationale),
    )


def _present(order: tuple[str, ...], values: set[str]) -> list[str]:
    """The values that occur, in the given order; others (programs' own ratings) after them."""
    return [value for value in order if value in values] + sorted(values - set(order))
