"""The terms of a program page beyond scope (content format 2), as typed views: the reward
table (by rating, and by target tier or category), bonuses, prizes, who may take part, legal
terms, conditions, categories, campaigns, and a non-disclosure program's aggregate numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ...content.entries import FindingEntry
from ...content.program import Bonus, Program, Rewards
from ...content.taxonomy import TAXONOMY
from ...content.terms import Campaign, Condition, Prize
from ...scoring.aggregates import Aggregates, aggregates
from .core import md, money

SCALES = {
    "severity": "severity",
    "priority": "priority (P1 most severe)",
    "custom": "the program's own ratings, most severe first",
}
PARTICIPATION = {
    "public": "Open to everyone: anyone eligible may submit.",
    "application": "Open by application: the rules are public, but only approved applicants "
    "may submit.",
    "invite-only": "Invite-only.",
}


@dataclass(frozen=True)
class RewardTable:
    column_label: str | None  # "Target tier", "Category"; None for one column
    columns: list[str]  # column headings, in table order
    rows: list[tuple[str, list[str]]]  # rating, one cell text per column ("-" when none)


@dataclass(frozen=True)
class PrizeRow:
    name: str
    amount: str
    winners: str
    points: int
    description: str | None


@dataclass(frozen=True)
class BonusRow:
    name: str
    extra: str
    description: str | None


@dataclass(frozen=True)
class CampaignView:
    name: str
    summary: Markup
    start: str
    end: str
    state: str  # upcoming, running, ended
    targets: list[str]
    categories: list[str]
    prizes: list[PrizeRow]
    max_reward: str | None


@dataclass(frozen=True)
class TermsView:
    participation: str
    apply: Markup | None
    scale: str
    table: RewardTable | None
    bonuses: list[BonusRow]
    prizes: list[PrizeRow]
    eligibility: list[str]
    legal: list[tuple[str, str]]  # label, text
    legal_other: list[str]  # further terms, one per line
    legal_url: str | None
    conditions: list[str]
    categories: list[str]
    tiers: list[tuple[str, str, list[str]]]  # name, description, target names
    tier_names: dict[str, str]
    campaigns: list[CampaignView]


def terms_view(program: Program, as_of: date) -> TermsView:
    rewards = program.rewards
    legal = program.legal
    return TermsView(
        participation=PARTICIPATION[program.participation],
        apply=md(program.apply) if program.apply and program.is_gated else None,
        scale=SCALES[rewards.scale],
        table=_table(program) if rewards.table else None,
        bonuses=[_bonus(b, rewards.currency) for b in rewards.bonuses],
        prizes=[_prize(p, rewards.currency) for p in rewards.prizes],
        eligibility=_eligibility(program),
        legal=_legal(program),
        legal_other=list(legal.other) if legal else [],
        legal_url=legal.terms_url if legal else None,
        conditions=[_condition(c) for c in program.conditions],
        categories=[TAXONOMY[c].label for c in program.categories],
        tiers=[
            (t.name, t.description or "", [x.name for x in program.targets if x.tier == t.id])
            for t in program.target_tiers
        ],
        tier_names={t.id: t.name for t in program.target_tiers},
        campaigns=[_campaign(c, rewards.currency, as_of) for c in program.campaigns],
    )


def _table(program: Program) -> RewardTable:
    rewards = program.rewards
    columns = program.reward_columns()
    keys: list[str | None] = [None]
    label, headings = None, ["Reward"]
    if rewards.columns == "target-tier" and columns is not None:
        keys = list(columns)
        label, headings = "Target tier", [t.name for t in program.target_tiers]
    elif columns is not None:  # categories: only those the table rewards
        used = {c.column for c in rewards.table}
        keys = [c for c in columns if c in used]
        label, headings = "Category", [TAXONOMY[c].label for c in columns if c in used]
    rows = []
    for rating in reversed(rewards.rated_ratings()):
        cells = []
        for key in keys:
            cell = rewards.cell(rating, key)
            cells.append(_range(cell.min, cell.max, rewards.currency, cell.points) if cell else "-")
        rows.append((_rating_label(rewards, rating), cells))
    return RewardTable(label, headings, rows)


def _rating_label(rewards: Rewards, rating: str) -> str:
    """A rating as the table's row heading: a program's own rating with its name."""
    for level in rewards.ratings:
        if level.id == rating and level.name:
            return f"{rating} {level.name}"
    return rating


def _range(low: int, high: int, currency: str, points: int) -> str:
    if high == 0:
        amount = "credit only, no money"
    elif low == high:
        amount = money(high, currency)
    else:
        amount = f"{money(low, currency)} to {money(high, currency)}"
    return f"{amount} ({points} point{'' if points == 1 else 's'})"


def _bonus(bonus: Bonus, currency: str) -> BonusRow:
    parts = []
    if bonus.percent is not None:
        parts.append(f"+{bonus.percent}% of the reward")
    if bonus.amount is not None:
        parts.append(f"up to {money(bonus.amount, currency)} more")
    extra = ", ".join(parts)
    if bonus.cap is not None:
        extra += f", at most {money(bonus.cap, currency)}"
    return BonusRow(bonus.name, extra, bonus.description)


def _prize(prize: Prize, currency: str) -> PrizeRow:
    winners = f"first {prize.winners}" if prize.winners else "every valid finding"
    return PrizeRow(
        prize.name, money(prize.amount, currency), winners, prize.points, prize.description
    )


def _eligibility(program: Program) -> list[str]:
    rules = program.eligibility
    if rules is None:
        return []
    lines = []
    if rules.minimum_age:
        lines.append(f"You must be at least {rules.minimum_age} years old.")
    if rules.excluded_countries:
        lines.append(
            "Residents of these countries may not take part: "
            + ", ".join(rules.excluded_countries)
            + "."
        )
    lines += [f"Not eligible: {line}" for line in rules.excluded]
    lines += [f"Required: {line}" for line in rules.requirements]
    return lines


def _legal(program: Program) -> list[tuple[str, str]]:
    legal = program.legal
    if legal is None:
        return []
    rows = []
    if legal.nda is True:
        rows.append(("Agreement", "Participants sign a non-disclosure or research agreement."))
    elif legal.nda is False:
        rows.append(("Agreement", "No non-disclosure agreement is required."))
    if legal.jurisdiction:
        rows.append(("Governing law", legal.jurisdiction))
    if legal.export_controls:
        rows.append(("Export controls", legal.export_controls))
    return rows


def _condition(condition: Condition) -> str:
    text = condition.requirement
    if condition.min_reproduction_percent is not None:
        text += f" (must reproduce in at least {condition.min_reproduction_percent}% of attempts)"
    if condition.categories:
        text += f" (applies to: {', '.join(TAXONOMY[c].label for c in condition.categories)})"
    return text


def _campaign(campaign: Campaign, currency: str, as_of: date) -> CampaignView:
    if as_of < campaign.start:
        state = "upcoming"
    elif as_of > campaign.end:
        state = "ended"
    else:
        state = "running"
    return CampaignView(
        name=campaign.name,
        summary=md(campaign.summary),
        start=campaign.start.isoformat(),
        end=campaign.end.isoformat(),
        state=state,
        targets=list(campaign.targets),
        categories=[TAXONOMY[c].label for c in campaign.categories],
        prizes=[_prize(p, currency) for p in campaign.prizes],
        max_reward=money(campaign.max_reward, currency) if campaign.max_reward else None,
    )


def program_aggregates(
    program: Program, findings: list[FindingEntry], as_of: date
) -> Aggregates | None:
    """A non-disclosure program's published numbers, when it chose to publish them."""
    if program.aggregates is None or not program.aggregates.publish:
        return None
    return aggregates(findings, as_of, program.aggregates.minimum)
