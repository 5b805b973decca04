"""The parts of a public program's page, each a typed view: what it is, who runs it, targets,
access, scope, rewards, contact, risk review, state banners, capability thresholds, the panel's
rule and its response record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ...content.entries import FindingEntry, ProgramEntry
from ...content.models_in_depth import Criterion, PanelMember
from ...content.program import Program, ScopeItem, TargetSystem
from ..views import PublicSite
from .core import ContactView, days, md, md_or_none, money

ACCESS_LEVELS = {
    "public-api": "public API",
    "private-api": "private API",
    "extended": "extended access",
}
STEP_LABELS = {
    "first_response": "First response",
    "triage": "Triage",
    "bounty": "Bounty payment",
    "fix": "Fix",
    "disclosure": "Disclosure",
}


@dataclass(frozen=True)
class AccessView:
    level: str
    extended: list[str]
    notes: Markup | None


@dataclass(frozen=True)
class RewardsView:
    """The pool and largest award; the table itself is in program_terms.py."""

    pool: str | None
    max_per_prize: str | None


@dataclass(frozen=True)
class RiskView:
    level: str
    last_review: str
    interval: int


@dataclass(frozen=True)
class ProgramView:
    model: str
    status: str
    participation: str
    summary: Markup
    deployment_stage: str
    organizer: str
    organizer_url: str | None
    duration: str
    targets: list[TargetSystem]
    access: AccessView
    in_scope: list[ScopeItem]
    out_of_scope: list[ScopeItem]
    rewards: RewardsView
    prize_criteria: Markup
    contact: ContactView
    risk: RiskView


def program_view(program: Program) -> ProgramView:
    duration = program.duration
    when = (
        f"From {duration.start} to {duration.end}."
        if duration.end
        else f"Since {duration.start}, ongoing."
    )
    contact = program.organizer.contact
    review = program.risk_review
    return ProgramView(
        model=program.model,
        status=program.status,
        participation=program.participation,
        summary=md(program.summary),
        deployment_stage=program.deployment_stage,
        organizer=program.organizer.name,
        organizer_url=program.organizer.url,
        duration=when,
        targets=program.targets,
        access=AccessView(
            ACCESS_LEVELS[program.access.level],
            list(program.access.extended),
            md_or_none(program.access.notes),
        ),
        in_scope=program.scope.in_scope,
        out_of_scope=program.scope.out_of_scope,
        rewards=_rewards(program),
        prize_criteria=md(program.prize_criteria),
        contact=ContactView(contact.email, contact.url, contact.monitored_by),
        risk=RiskView(review.level, review.last_review.isoformat(), review.interval_days),
    )


def _rewards(program: Program) -> RewardsView:
    rewards = program.rewards
    currency = rewards.currency
    return RewardsView(
        pool=money(rewards.pool, currency) if rewards.pool else None,
        max_per_prize=money(rewards.max_per_prize, currency) if rewards.max_per_prize else None,
    )


@dataclass(frozen=True)
class Banner:
    kind: str  # an admonition kind: success, warning, info, danger
    title: str
    text: Markup  # rendered Markdown: a pause reason is written by the organizer


def banners(site: PublicSite, entry: ProgramEntry) -> list[Banner]:
    """The program's state, and an overdue risk review."""
    program = entry.program
    shown = []
    if program.status == "open":
        shown.append(Banner("success", "Open", md("This program accepts submissions.")))
    elif program.status == "paused" and program.pause:
        title = f"Paused since {program.pause.since}"
        shown.append(Banner("warning", title, md(program.pause.reason)))
    elif program.status == "closed":
        text = md("This program no longer accepts submissions.")
        shown.append(Banner("info", "Closed", text))
    overdue = site.review_overdue(entry)
    if overdue:
        interval = days(program.risk_review.interval_days)
        text = md(f"The risk review, due every {interval}, was due on {overdue}.")
        shown.append(Banner("danger", "Risk review overdue", text))
    return shown


@dataclass(frozen=True)
class ThresholdRow:
    """A capability threshold, with how many published findings crossed it and when first."""

    id: str
    capability: str
    evaluation: str
    metric: str
    direction: str
    value: int | float
    count: int
    first: str | None


def thresholds(program: Program, findings: list[FindingEntry]) -> list[ThresholdRow]:
    rows = []
    for threshold in program.thresholds:
        crossing = sorted(
            f.finding.disclose_on
            for f in findings
            if f.finding.threshold
            and f.finding.threshold.id == threshold.id
            and f.finding.disclose_on
        )
        evaluation = threshold.evaluation
        rows.append(
            ThresholdRow(
                id=threshold.id,
                capability=threshold.capability,
                evaluation=f"{evaluation.name} {evaluation.version} ({evaluation.harness})",
                metric=threshold.metric,
                direction=threshold.direction,
                value=threshold.value,
                count=len(crossing),
                first=crossing[0].isoformat() if crossing else None,
            )
        )
    return rows


def _member(member: PanelMember) -> str:
    """A panel member as published: name (affiliation), and the handle they rule with."""
    text = member.shown_name
    if member.affiliation:
        text += f" ({member.affiliation})"
    if member.handle and member.name:
        text += f", @{member.handle}"
    elif member.handle:
        text = "@" + text
    return text


@dataclass(frozen=True)
class PanelView:
    members: list[str]
    rule: str
    criteria: list[Criterion]


def panel(program: Program) -> PanelView | None:
    if program.panel is None:
        return None
    rule = program.panel.decision
    words = (
        f"a majority of votes once {rule.quorum} members have voted"
        if rule.rule == "majority"
        else f"a mean score of at least {rule.bar} once {rule.quorum} members have scored"
    )
    members = [_member(m) for m in program.panel.members]
    return PanelView(members, words, list(program.panel.criteria))


@dataclass(frozen=True)
class TimingRow:
    label: str
    count: int
    median_days: int | None
    p90_days: int | None
    target_days: int | None
    met: bool | None


@dataclass(frozen=True)
class ResponseRecord:
    """The program's published response times against its targets (`bounties stats`)."""

    findings: int
    valid_findings: int
    share_fixed: float | None
    paid: dict[str, int]
    timings: list[TimingRow]


def response_record(numbers: dict[str, Any]) -> ResponseRecord:
    timings = [
        TimingRow(
            STEP_LABELS[t["step"]],
            t["count"],
            t["median_days"],
            t["p90_days"],
            t["target_days"],
            t["met"],
        )
        for t in numbers["timings"]
    ]
    return ResponseRecord(
        numbers["findings"],
        numbers["valid_findings"],
        numbers["share_fixed"],
        numbers["paid"],
        timings,
    )
