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


class Panel(Record):
    """The expert panel of a panel-judged program."""

    members: list[Handle] = Field(min_length=1, description="Panel members' GitHub handles.")
    criteria: list[Criterion] = Field(min_length=1, description="Judging criteria.")
    decision: DecisionRule


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
