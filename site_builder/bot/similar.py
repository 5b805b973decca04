"""What a submission is compared with to suggest likely duplicates, as its audience allows: the
program's findings published today (on their redacted text) and the repository's other open
submissions to the program, on their prose (summary, steps, impact: not the form's own words,
nor whom it credits). A public repository leaves out issues labelled `sensitive`; a private one
compares them too (its readers can open them) but shows no shared words for them, so that the
bot's comment repeats nothing from a sensitive report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content.entries import Content, ProgramEntry
from ..content.redaction import redact
from ..intake.forms import template_for_body
from ..intake.parse import parse_issue_body
from .audience import Audience
from .duplicates import Similar, likely_duplicates
from .model import Issue

SENSITIVE = "sensitive"
PROSE = ("summary", "reproduction", "impact")


@dataclass(frozen=True)
class Submitted:
    """The submission being compared: its issue, public-safe summary, prose and sensitivity."""

    issue: Issue
    summary: str
    prose: str
    sensitive: bool


def prose(values: dict[str, Any], fallback: str) -> str:
    """The free text of a parsed form (the whole body when it has none)."""
    parts = [values[k] for k in PROSE if isinstance(values.get(k), str)]
    return "\n".join(parts) if parts else fallback


def prose_of(issue: Issue, content: Content) -> str:
    template = template_for_body(issue.body, content)
    return prose(parse_issue_body(issue.body, template).values, issue.body)


def compare(
    audience: Audience, program: ProgramEntry, submitted: Submitted, others: list[Issue]
) -> list[Similar]:
    """The best few likely duplicates among findings and `others` (open issues of the program)."""
    findings = [
        (label, entry.finding.title + " " + redact(entry.source.body))
        for entry in audience.content.findings
        if entry.program_slug == program.slug
        and (label := audience.finding_label(entry)) is not None
    ]
    issue = submitted.issue
    candidates = [
        other
        for other in others
        if other.number != issue.number and (not audience.public or SENSITIVE not in other.labels)
    ]
    found = likely_duplicates(issue.title + " " + submitted.summary, findings)
    texts = [(_label(o), o.title + " " + prose_of(o, audience.content)) for o in candidates]
    found += likely_duplicates(issue.title + " " + submitted.prose, texts)
    quiet = {_label(o) for o in candidates if SENSITIVE in o.labels}
    found = [
        Similar(s.label, s.score, ()) if submitted.sensitive or s.label in quiet else s
        for s in found
    ]
    found.sort(key=lambda s: (-s.score, s.label))
    return found[:3]


def _label(issue: Issue) -> str:
    return f"#{issue.number} “{issue.title}”"
