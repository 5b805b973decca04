"""The terms of a program beyond scope and rewards (content format 2): who may take part and
under which legal terms, the conditions a finding must meet, target tiers, flat prizes,
campaigns, and the aggregate numbers a non-disclosure program may publish."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .base import Record
from .taxonomy import Category
from .types import Amount, Day, Line, Slug, Text, Url

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class Eligibility(Record):
    """Who may take part."""

    minimum_age: int | None = Field(None, ge=13, le=100, description="Youngest age allowed.")
    excluded_countries: list[CountryCode] = Field(
        default_factory=list,
        description="ISO 3166-1 alpha-2 codes of countries whose residents may not take part "
        "(sanctions, export rules).",
        examples=[["CU", "IR", "KP", "SY"]],
    )
    excluded: list[Line] = Field(
        default_factory=list,
        description="Who may not take part, one group per line (e.g. employees and families).",
    )
    requirements: list[Line] = Field(
        default_factory=list,
        description="What a participant must do or be, one per line (e.g. identity check).",
    )


class Legal(Record):
    """The binding terms a participant accepts."""

    nda: bool | None = Field(
        None,
        description="true: participants sign a non-disclosure or research agreement; false: "
        "none is required; leave out when the program does not say.",
    )
    terms_url: Url | None = Field(None, description="The full terms.")
    jurisdiction: Line | None = Field(None, description="Governing law and courts.")
    export_controls: Line | None = Field(
        None, description="Export-control or sanctions terms, in one line."
    )
    other: list[Line] = Field(default_factory=list, description="Further terms, one per line.")


class Condition(Record):
    """A condition a finding must meet to be accepted."""

    requirement: Line = Field(
        description="The condition, e.g. 'an agent hijack must reproduce in at least half of "
        "the attempts'."
    )
    categories: list[Category] = Field(
        default_factory=list, description="Categories it applies to; empty: every finding."
    )
    min_reproduction_percent: int | None = Field(
        None, ge=1, le=100, description="Share of attempts that must succeed, in percent."
    )


Conditions = list[Condition]


class TargetTier(Record):
    """A named group of targets (flagship, standard, other) that rewards can depend on."""

    id: Slug = Field(description="Tier id, used by targets and the reward table.")
    name: Line = Field(description="Tier name.")
    description: Line | None = Field(None, description="What belongs in it.")


class Prize(Record):
    """A flat prize, for example for the first N findings that do something."""

    id: Slug = Field(description="Prize id, cited by findings (`prize:`).")
    name: Line = Field(description="What wins it.")
    amount: Amount = Field(description="Prize money, in the program's currency.")
    winners: int | None = Field(
        None, ge=1, le=10_000, description="Only the first N valid findings win it; absent: any."
    )
    points: Amount = Field(0, description="Leaderboard points for a winning finding.")
    description: Line | None = Field(None, description="Conditions, in one line.")


class Transparency(Record):
    """Aggregate numbers a non-disclosure program publishes instead of findings."""

    publish: bool = Field(
        description="Publish counts and medians (never findings) on the program page."
    )
    minimum: int = Field(
        5,
        ge=3,
        le=1000,
        description="A number is shown only when at least this many findings stand behind it.",
    )


class Campaign(Record):
    """A targeted, time-boxed campaign inside a program, with its own dates and prizes."""

    id: Slug = Field(description="Campaign id, cited by findings (`campaign:`).")
    name: Line = Field(description="Campaign name.")
    summary: Text = Field(description="What it is about (Markdown).")
    start: Day = Field(description="First day of the campaign.")
    end: Day = Field(description="Last day of the campaign.")
    targets: list[Line] = Field(
        default_factory=list, description="Names of the program's targets in focus; empty: all."
    )
    categories: list[Category] = Field(
        default_factory=list, description="Categories in focus; empty: the program's."
    )
    prizes: list[Prize] = Field(default_factory=list, description="Prizes of this campaign.")
    max_reward: Amount | None = Field(
        None, description="Largest reward for one finding of this campaign, prizes included."
    )


class MovedFrom(Record):
    """On a finding: it was filed under another program and moved here. Published with the
    finding (a program of this site is named only if it is public)."""

    program: Line = Field(
        description="The other program: its slug on this site, or its name elsewhere."
    )
    date: Day = Field(description="Date of the move.")
    reason: Line = Field(description="Why it was moved, in one line.")
