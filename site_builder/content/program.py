"""Program: `programs/<slug>/program.yml`, everything a bounty program announces."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import Field

from .base import Record
from .models_in_depth import Panel, Threshold
from .records import Contact
from .taxonomy import TAXONOMY, Category
from .terms import (
    Campaign,
    Conditions,
    Eligibility,
    Legal,
    Prize,
    TargetTier,
    Transparency,
)
from .types import (
    SCALE_RATINGS,
    Amount,
    Currency,
    Day,
    Days,
    Line,
    Rating,
    RatingScale,
    Repository,
    Severity,
    Slug,
    SubmitUrl,
    Tag,
    Text,
    Url,
    severity_of,
)

FORMAT_VERSION = 2

ProgramModel = Literal["evals-based", "panel-judged", "trusted-hunters"]
ProgramStatus = Literal["draft", "open", "paused", "closed"]
Participation = Literal["public", "application", "invite-only"]
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
    version: Line | None = Field(
        None,
        description="Version or snapshot; leave out for whatever is in production.",
        examples=["2026-09-01"],
    )
    access: Line = Field(description="How hunters reach it.", examples=["public chat API"])
    tier: Slug | None = Field(
        None, description="Id of one of the program's `target_tiers` (flagship, standard...)."
    )


class ScopeItem(Record):
    item: Line = Field(description="What is (or is not) worth reporting.")
    reason: Line = Field(description="Short reason for the decision.")


class Scope(Record):
    in_scope: list[ScopeItem] = Field(min_length=1, description="What is worth reporting.")
    out_of_scope: list[ScopeItem] = Field(
        default_factory=list, description="What is not worth reporting, and why."
    )


RewardColumns = Literal["none", "target-tier", "category"]


class RatingLevel(Record):
    """One rating of a program's own scale (`scale: custom`)."""

    id: Rating = Field(description="The rating as findings and the table cite it.", examples=["S1"])
    name: Line | None = Field(
        None, description="What it means, e.g. 'Prompt attacks: rogue actions'."
    )
    severity: Severity = Field(
        description="Where it sits among low, medium, high and critical, for filters and charts "
        "across programs."
    )


class RewardCell(Record):
    """One row of the reward table: the range and points for a rating (and a column)."""

    rating: Rating = Field(description="A rating of the program's scale (severity or priority).")
    column: Slug | None = Field(
        None,
        description="columns target-tier: a `target_tiers` id; columns category: a category; "
        "leave out when the table has no columns.",
    )
    min: Amount = Field(description="Smallest reward.")
    max: Amount = Field(description="Largest reward.")
    points: Amount = Field(description="Leaderboard points for a valid finding.")


class Bonus(Record):
    """An extra on top of a finding's reward, e.g. for an exceptional report."""

    id: Slug = Field(description="Bonus id, cited by findings (`bonuses:`).")
    name: Line = Field(description="What earns it.")
    percent: int | None = Field(
        None, ge=1, le=1000, description="Extra reward, in percent of the reward's maximum."
    )
    amount: Amount | None = Field(
        None, description="Or a flat extra amount, at most this much (e.g. for novelty)."
    )
    cap: Amount | None = Field(None, description="Largest extra amount for one finding.")
    description: Line | None = Field(None, description="Conditions, in one line.")


class Rewards(Record):
    """What findings earn: a table of ranges by rating (optionally x target tier or category),
    bonuses, and flat or first-N prizes. Leaderboard points come from the same table."""

    currency: Currency = Field(description="ISO 4217 code.", examples=["USD"])
    pool: Amount | None = Field(None, description="Total money available; leave out if open.")
    max_per_prize: Amount | None = Field(None, description="Largest single award.")
    scale: RatingScale = Field(
        "severity",
        description="Ratings used: severity (low, medium, high, critical), priority (P1 most "
        "severe to P5), or custom (the program's own, listed in `ratings`).",
    )
    ratings: list[RatingLevel] = Field(
        default_factory=list,
        description="scale custom: the program's ratings, most severe first, each placed among "
        "the severities.",
    )
    columns: RewardColumns = Field(
        "none",
        description="Second axis of the table: none, target-tier (the tier of the affected "
        "target) or category (the finding's category).",
    )
    table: list[RewardCell] = Field(
        default_factory=list,
        description="Reward range and points per rating (and per column).",
    )
    bonuses: list[Bonus] = Field(default_factory=list, description="Extras on top of a reward.")
    prizes: list[Prize] = Field(
        default_factory=list, description="Flat prizes, e.g. for the first N to do something."
    )

    def scale_ratings(self) -> tuple[str, ...]:
        """Every rating of the scale, least severe first."""
        if self.scale == "custom":
            return tuple(level.id for level in reversed(self.ratings))
        return SCALE_RATINGS[self.scale]

    def rated_ratings(self) -> list[str]:
        """The scale's ratings that the table rewards, least severe first."""
        present = {cell.rating for cell in self.table}
        return [r for r in self.scale_ratings() if r in present]

    def severity_of(self, rating: str) -> Severity:
        """Where a rating of this scale sits among the severities."""
        for level in self.ratings:
            if level.id == rating:
                return level.severity
        return severity_of(rating)

    def cell(self, rating: str, column: str | None) -> RewardCell | None:
        """The table row for a rating and column (column ignored when the table has none)."""
        wanted = None if self.columns == "none" else column
        for cell in self.table:
            if cell.rating == rating and cell.column == wanted:
                return cell
        return None

    def cells(self, rating: str) -> list[RewardCell]:
        """Every row for a rating, across columns."""
        return [cell for cell in self.table if cell.rating == rating]


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

    format: Literal[2] = Field(
        FORMAT_VERSION,
        description="Content format version: 2 (a format-1 file is read after upgrading it in "
        "memory; `bounties upgrade` rewrites it).",
    )
    name: Line = Field(description="Program name.")
    summary: Text = Field(description="One or two sentences for cards and feeds.")
    model: ProgramModel = Field(description="evals-based, panel-judged or trusted-hunters.")
    organizer: Organizer = Field(description="Who runs the program and how to reach them.")
    status: ProgramStatus = Field(description="draft (never published), open, paused, closed.")
    pause: Pause | None = Field(None, description="Required when status is paused.")
    participation: Participation = Field(
        description="public: anyone may submit; application: everything is public but only "
        "approved applicants (invitations.yml) may submit; invite-only: only a stub is public."
    )
    apply: Text | None = Field(
        None, description="How to apply (Markdown); required unless participation is public."
    )
    eligibility: Eligibility | None = Field(None, description="Who may take part.")
    legal: Legal | None = Field(None, description="Binding terms a participant accepts.")
    duration: Duration = Field(description="When submissions are accepted.")
    deployment_stage: DeploymentStage = Field(description="Systems tested before or after release.")
    access: Access = Field(description="What access hunters get to the systems.")
    target_tiers: list[TargetTier] = Field(
        default_factory=list, description="Named groups of targets that rewards depend on."
    )
    targets: list[TargetSystem] = Field(min_length=1, description="Systems in scope.")
    scope: Scope = Field(description="What is and is not worth reporting.")
    categories: list[Category] = Field(
        default_factory=list,
        description="Finding categories this program takes; empty: every category.",
    )
    conditions: Conditions = Field(
        default_factory=list, description="Conditions a finding must meet to be accepted."
    )
    prize_criteria: Text = Field(description="What earns a prize (Markdown).")
    rewards: Rewards = Field(description="Reward table, bonuses, prizes, currency and pool.")
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
    campaigns: list[Campaign] = Field(
        default_factory=list, description="Targeted, time-boxed campaigns inside the program."
    )
    aggregates: Transparency | None = Field(
        None,
        description="Non-disclosure programs: publish counts and medians instead of findings.",
    )

    @property
    def is_hidden(self) -> bool:
        """Only a stub is public: nothing about its systems, scope or findings. Fail closed: a
        participation other than the two published in full hides the program."""
        return self.participation not in ("public", "application")

    @property
    def is_gated(self) -> bool:
        """Only invited or approved hunters may submit."""
        return self.participation != "public"

    def reward_columns(self) -> list[str] | None:
        """The columns the reward table may use, in order; None when it has no columns."""
        if self.rewards.columns == "target-tier":
            return [t.id for t in self.target_tiers]
        if self.rewards.columns == "category":
            return list(self.categories or TAXONOMY)
        return None

    def tier_of(self, target_name: str) -> str | None:
        """The tier of the named target, if it has one."""
        for target in self.targets:
            if target.name == target_name:
                return target.tier
        return None

    def prize(self, prize_id: str, campaign_id: str | None) -> Prize | None:
        """A prize of the program, or of the given campaign."""
        pools = [self.rewards.prizes]
        pools += [c.prizes for c in self.campaigns if c.id == campaign_id]
        for prizes in pools:
            for prize in prizes:
                if prize.id == prize_id:
                    return prize
        return None
