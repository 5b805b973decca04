"""Program: `programs/<slug>/program.yml`, everything a bounty program announces."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import Field

from .base import Record
from .models_in_depth import Panel, Threshold
from .records import Contact
from .types import (
    Amount,
    Currency,
    Day,
    Days,
    Line,
    Repository,
    Severity,
    Slug,
    SubmitUrl,
    Tag,
    Text,
    Url,
)

FORMAT_VERSION = 1

ProgramModel = Literal["evals-based", "panel-judged", "trusted-hunters"]
ProgramStatus = Literal["draft", "open", "paused", "closed"]
Participation = Literal["public", "invite-only"]
DeploymentStage = Literal["pre-deployment", "post-deployment"]
AccessLevel = Literal["public-api", "private-api", "extended"]
ExtendedAccess = Literal[
    "activations", "fine-tuning", "weights", "logits", "private-endpoint", "tools", "system-prompt"
]
RiskLevel = Literal["low", "medium", "high", "critical"]


class Organizer(Record):
    name: Line = Field(description="Organization running the program.", examples=["Acme AI"])
    url: Url | None = Field(None, description="Organization's home page.")
    contact: Contact = Field(description="Monitored contact for hunters.")


class Duration(Record):
    start: Day = Field(description="First day submissions are accepted.")
    end: Day | None = Field(None, description="Last day; leave out for an ongoing program.")


class Pause(Record):
    reason: Text = Field(description="Why the program is paused, shown on the site.")
    since: Day = Field(description="Date the pause began.")


class Access(Record):
    level: AccessLevel = Field(
        description="public-api: anyone with an account; private-api: keys issued by the "
        "organizer; extended: deeper access such as activations or fine-tuning."
    )
    extended: list[ExtendedAccess] = Field(
        default_factory=list, description="Kinds of extended access granted (level extended)."
    )
    notes: Text | None = Field(None, description="How hunters obtain access (Markdown).")


class TargetSystem(Record):
    name: Line = Field(description="System under test.", examples=["Orion-2"])
    version: Line = Field(description="Version or snapshot.", examples=["2026-09-01"])
    access: Line = Field(description="How hunters reach it.", examples=["public chat API"])


class ScopeItem(Record):
    item: Line = Field(description="What is (or is not) worth reporting.")
    reason: Line = Field(description="Short reason for the decision.")


class Scope(Record):
    in_scope: list[ScopeItem] = Field(min_length=1, description="What is worth reporting.")
    out_of_scope: list[ScopeItem] = Field(
        default_factory=list, description="What is not worth reporting, and why."
    )


class RewardTier(Record):
    min: Amount = Field(description="Smallest reward for this severity.")
    max: Amount = Field(description="Largest reward for this severity.")
    points: Amount = Field(description="Leaderboard points for a valid finding.")


class Rewards(Record):
    currency: Currency = Field(description="ISO 4217 code.", examples=["USD"])
    pool: Amount | None = Field(None, description="Total money available; leave out if open.")
    max_per_prize: Amount | None = Field(None, description="Largest single award.")
    tiers: dict[Severity, RewardTier] = Field(
        min_length=1, description="Reward range and points per severity (low to critical)."
    )


class Scoring(Record):
    """How findings turn into leaderboard points (see docs/leaderboards.md)."""

    points_percent: int = Field(
        100, ge=0, le=1000, description="Multiplier for this program's tier points, in percent."
    )
    duplicate_window_days: Days = Field(
        7,
        description="A duplicate submitted within this many days of the original shares the "
        "original's points equally with it.",
    )
    late_duplicate_points: Amount = Field(
        0, description="Points for a duplicate submitted after the window."
    )


class ResponseTargets(Record):
    first_response_days: Days = Field(description="Days to the first human response.")
    triage_days: Days = Field(description="Days to a triage decision.")
    bounty_days: Days = Field(description="Days from acceptance to payment.")


class RiskReview(Record):
    level: RiskLevel = Field(description="Risk of running the program, from the last review.")
    last_review: Day = Field(description="Date of the last risk review.")
    interval_days: int = Field(
        365, ge=1, le=3650, description="Days between reviews; an overdue review is reported."
    )
    notes: Text | None = Field(None, description="Summary of the last review.")

    @property
    def due(self) -> date:
        """The day the next review is due; after it, an open or paused program is overdue."""
        return self.last_review + timedelta(days=self.interval_days)


SubmitChannel = Literal["public-issues", "private-issues", "private-reports", "external"]


class Submit(Record):
    """Where a program's findings are filed (see docs/setups.md)."""

    channel: SubmitChannel = Field(
        description="public-issues: issue forms in a public repository; private-issues: issue "
        "forms in a private intake repository (invited hunters are its read-only "
        "collaborators); private-reports: GitHub's private vulnerability reporting on a public "
        "repository; external: another platform or a mailbox (`url`)."
    )
    repository: Repository | None = Field(
        None,
        description="owner/name taking the issues or reports; public-issues and private-reports "
        "default to the site's repository, private-issues must name its private repository.",
    )
    template: Line | None = Field(
        None, description="Issue-form file name; default: the generated submit-<slug>.yml."
    )
    url: SubmitUrl | None = Field(
        None, description="external: where to submit (an https page or a mailto: address)."
    )
    instructions: Text | None = Field(
        None, description="How to submit (Markdown); required for external."
    )
    summary_only: bool = Field(
        False,
        description="public-issues: the form collects only a non-hazardous summary and sends "
        "the details to the policy's private channel (required when the scope covers "
        "dangerous capabilities).",
    )


class Program(Record):
    """A bounty program. File: programs/<slug>/program.yml; the folder name is its slug."""

    format: Literal[1] = Field(
        FORMAT_VERSION, description="Content format version (1 is the only one so far)."
    )
    name: Line = Field(description="Program name.")
    summary: Text = Field(description="One or two sentences for cards and feeds.")
    model: ProgramModel = Field(description="evals-based, panel-judged or trusted-hunters.")
    organizer: Organizer = Field(description="Who runs the program and how to reach them.")
    status: ProgramStatus = Field(description="draft (never published), open, paused, closed.")
    pause: Pause | None = Field(None, description="Required when status is paused.")
    participation: Participation = Field(description="public, or invite-only.")
    apply: Text | None = Field(
        None, description="How to apply (Markdown); required for invite-only programs."
    )
    duration: Duration = Field(description="When submissions are accepted.")
    deployment_stage: DeploymentStage = Field(description="Systems tested before or after release.")
    access: Access = Field(description="What access hunters get to the systems.")
    targets: list[TargetSystem] = Field(min_length=1, description="Systems in scope.")
    scope: Scope = Field(description="What is and is not worth reporting.")
    prize_criteria: Text = Field(description="What earns a prize (Markdown).")
    rewards: Rewards = Field(description="Reward tiers, currency and pool.")
    disclosure_policy: Slug = Field(description="Id of a policy in programs/_policies/.")
    response_targets: ResponseTargets = Field(description="Promised response times.")
    risk_review: RiskReview = Field(description="Periodic risk review; it can pause the program.")
    tags: list[Tag] = Field(default_factory=list, description="Topics, for filters.")
    skills_wanted: list[Tag] = Field(default_factory=list, description="Skills sought.")
    submit: Submit | None = Field(
        None,
        description="Where findings are filed; leave out for public issues in the site's "
        "repository (public programs without hazardous scope only).",
    )
    scoring: Scoring = Field(
        default_factory=Scoring, description="Leaderboard points: multiplier and duplicates."
    )
    thresholds: list[Threshold] = Field(
        default_factory=list, description="Capability thresholds (evals-based programs)."
    )
    panel: Panel | None = Field(None, description="Judging panel (panel-judged programs).")
