"""Finding: `programs/<slug>/findings/<id>.md`, YAML front matter and a Markdown write-up."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Record
from .models_in_depth import PanelDecision, ThresholdClaim
from .taxonomy import Category
from .terms import MovedFrom
from .types import Amount, Day, FindingId, Handle, Line, Rating, Slug, Tag

FindingStatus = Literal["new", "triaged", "accepted", "fixed", "wont-fix", "duplicate", "rejected"]

# The lifecycle: new -> triaged -> accepted -> fixed, or closed early as duplicate, rejected or
# wont-fix. Only these may ever be published (and then only from `disclose_on`, see publish.py).
PUBLISHABLE_STATUSES: frozenset[str] = frozenset({"accepted", "fixed", "wont-fix", "duplicate"})
VALID_STATUSES: frozenset[str] = frozenset({"accepted", "fixed", "wont-fix"})


class AffectedTarget(Record):
    name: Line = Field(description="Affected system, as named in the program's targets.")
    version: Line = Field(description="Affected version.")


class Finding(Record):
    """Front matter of a finding. The Markdown after it is the write-up; wrap hazardous parts in
    `::: redacted` … `:::` lines and they are removed before anything is rendered."""

    id: FindingId = Field(description="Unique id; must equal the file name without `.md`.")
    title: Line = Field(description="Short public title.")
    severity: Rating = Field(
        description="A rating of the program's scale: low, medium, high or critical, or P1 "
        "(most severe) to P5 for programs rated by priority."
    )
    category: Category = Field(description="Finding type from the taxonomy (see the reference).")
    status: FindingStatus = Field(
        description="new, triaged, accepted, fixed, wont-fix, duplicate or rejected."
    )
    hunters: list[Handle] = Field(
        default_factory=list,
        description="Handles of the hunters credited (files in programs/_hunters/); "
        "empty for an anonymous finding.",
    )
    submitted: Day = Field(description="Date the submission arrived.")
    first_response: Day | None = Field(None, description="Date of the first human response.")
    triaged: Day | None = Field(None, description="Date it was triaged.")
    accepted: Day | None = Field(None, description="Date it was accepted.")
    fixed: Day | None = Field(None, description="Date the fix shipped.")
    rewarded: Day | None = Field(None, description="Date the reward was paid.")
    disclose_on: Day | None = Field(
        None,
        description="Date from which it may be public. Absent: not scheduled, never published.",
    )
    reward: Amount = Field(0, description="Amount paid, in the program's currency.")
    points: Amount | None = Field(
        None, description="Leaderboard points, overriding the program's tier (set by /accept)."
    )
    duplicate_of: FindingId | None = Field(
        None, description="Id of the original finding (status duplicate)."
    )
    affected: list[AffectedTarget] = Field(
        default_factory=list, description="Affected targets and versions."
    )
    tags: list[Tag] = Field(default_factory=list, description="Free tags, for filters.")
    program_sha: Line | None = Field(
        None, description="Commit of program.yml the submission was filed under (set by the bot)."
    )
    threshold: ThresholdClaim | None = Field(
        None, description="Evals-based programs: the threshold crossed and the measurement."
    )
    panel_decision: PanelDecision | None = Field(
        None, description="Panel-judged programs: how the panel decided (set by the bot)."
    )
    campaign: Slug | None = Field(None, description="Id of the program's campaign it was for.")
    prize: Slug | None = Field(
        None, description="Id of the program's (or its campaign's) prize it won."
    )
    bonuses: list[Slug] = Field(
        default_factory=list, description="Ids of the program's bonuses it earned."
    )
    moved_from: MovedFrom | None = Field(
        None, description="Set when the report was filed under another program and moved here."
    )
