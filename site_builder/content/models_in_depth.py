"""What each program model adds: capability thresholds (evals-based), a judging panel
(panel-judged). Invitations for trusted-hunters programs are in records.py."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Record
from .types import Handle, Line, Slug, Text

Number = int | float


class Evaluation(Record):
    name: Line = Field(description="Evaluation name.")
    version: Line = Field(description="Evaluation version.")
    harness: Line = Field(description="Harness or tooling that runs it.")


class Threshold(Record):
    """A capability threshold of an evals-based program: a finding must cross it."""

    id: Slug = Field(description="Threshold id, cited by findings.")
    capability: Line = Field(description="The capability measured.")
    evaluation: Evaluation
    metric: Line = Field(description="What is measured, e.g. 'expert-graded accuracy (%)'.")
    value: Number = Field(description="The threshold value.")
    direction: Literal["above", "below"] = Field(
        description="above: a finding must measure more than the value; below: less."
    )
    evidence: Text = Field(description="What evidence counts, e.g. a transcript or eval log.")

    def crossed_by(self, measured: float) -> bool:
        return measured > self.value if self.direction == "above" else measured < self.value


class Criterion(Record):
    id: Slug = Field(description="Criterion id, used in `/score <id>=<1-5>`.")
    description: Line


class DecisionRule(Record):
    rule: Literal["majority", "mean-score"] = Field(
        description="majority: more accept than reject votes once `quorum` members voted; "
        "mean-score: the mean of all scores reaches `bar` once `quorum` members scored."
    )
    quorum: int = Field(ge=1, le=50, description="Members who must have judged.")
    bar: Number | None = Field(None, description="Mean score needed (rule mean-score), 1 to 5.")


class PanelMember(Record):
    """A panel member: a name, and a GitHub handle if they rule with bot commands."""

    name: Line | None = Field(None, description="Name as published; default: the handle.")
    handle: Handle | None = Field(None, description="GitHub handle, needed for bot commands.")
    affiliation: Line | None = Field(None, description="Organization, shown after the name.")

    @property
    def shown_name(self) -> str:
        return self.name or self.handle or ""


class Panel(Record):
    """The expert panel of a panel-judged program."""

    members: list[PanelMember] = Field(
        min_length=1, description="Panel members (each a name and/or a GitHub handle)."
    )
    criteria: list[Criterion] = Field(min_length=1, description="Judging criteria.")
    decision: DecisionRule

    @property
    def handles(self) -> list[str]:
        """Handles of the members who can rule with bot commands."""
        return [m.handle for m in self.members if m.handle]


class ThresholdClaim(Record):
    """On a finding of an evals-based program: the threshold crossed and the measurement."""

    id: Slug = Field(description="Id of the program's threshold.")
    measured: Number = Field(description="The measured value.")
    evidence: Line = Field(description="Where the evidence is (eval log, transcript reference).")


class PanelDecision(Record):
    """On a finding of a panel-judged program: how the panel decided (recorded by the bot)."""

    outcome: Literal["accept", "reject"]
    decided: Line = Field(description="Date the rule was met (YYYY-MM-DD).")
    votes: dict[str, Literal["accept", "reject"]] = Field(default_factory=dict)
    scores: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Member -> criterion -> score (1 to 5)."
    )
    rationale: Text = Field(description="Short published rationale.")
