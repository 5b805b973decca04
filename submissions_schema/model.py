"""Submission: what a hunter files for a program, once the issue body has been parsed."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from site_builder.content.base import Record
from site_builder.content.taxonomy import Category
from site_builder.content.types import Handle, Line, Severity, Slug, Text

HAZARD_CHOICES: dict[str, str] = {
    "none": "No: nothing in this finding is hazardous",
    "withheld": "Yes: hazardous details exist and I have NOT put them in this issue",
}
CONSENTS: dict[str, str] = {
    "rules": "I accept the program's rules and its disclosure policy",
    "no_hazards_posted": "I have not included hazardous details in this public issue",
    "safe_harbor": "I tested only within scope and understand the safe-harbor terms",
}


class Submission(Record):
    """A finding as submitted (claims, not yet rulings: triage decides severity and reward)."""

    program: Slug = Field(description="Program the finding is filed under.")
    title: Line = Field(description="Issue title: a short, public-safe description.")
    category: Category = Field(description="Finding type, from the taxonomy.")
    severity: Severity = Field(description="Severity the hunter claims.")
    target: Line = Field(description="Affected system, as named by the program.")
    target_version: Line = Field(description="Affected version or snapshot.")
    summary: Text = Field(description="Public-safe summary.")
    reproduction: Text = Field(description="Steps to reproduce, at a public-safe level of detail.")
    impact: Text = Field(description="Why it matters.")
    hazardous_details: Literal["none", "withheld"] = Field(
        description="Whether hazardous details exist (and were withheld from the issue)."
    )
    credit: Handle | None = Field(
        None, description="GitHub handle to credit; None when the hunter asks to stay anonymous."
    )
    threshold: Slug | None = Field(
        None, description="Evals-based programs: id of the capability threshold crossed."
    )
    measured: float | None = Field(None, description="Evals-based programs: measured value.")
    evidence: Line | None = Field(
        None, description="Evals-based programs: where the evidence is (sent privately)."
    )
    consents: list[Literal["rules", "no_hazards_posted", "safe_harbor"]] = Field(
        description="The consent boxes ticked; all three are required."
    )
