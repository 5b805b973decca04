"""The finding file an accepted submission becomes (proposed by pull request)."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import yaml

from submissions_schema import Submission

from ..content.entries import ProgramEntry
from ..content.load import CONTENT_DIR
from ..content.records import Policy
from .rulings import Ruling


def finding_id(program_slug: str, issue_number: int) -> str:
    return f"{program_slug[:50]}-{issue_number}"


def finding_path(program_slug: str, issue_number: int) -> str:
    return f"{CONTENT_DIR}/{program_slug}/findings/{finding_id(program_slug, issue_number)}.md"


# Front matter fields that a ruling decides; every other field, and the write-up, is the hunter's
# text as it was accepted.
RULING_FIELDS = (
    "severity",
    "status",
    "triaged",
    "accepted",
    "disclose_on",
    "reward",
    "points",
    "panel_decision",
)


def body_hash(body: str) -> str:
    return hashlib.sha256(body.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def refreeze(recorded: str, rebuilt: str) -> str:
    """The recorded finding file with the ruling's fields taken from `rebuilt` (a file built
    from the current, edited issue): title, affected versions and write-up stay as accepted."""
    old_front, old_body = _split(recorded)
    new_front, _ = _split(rebuilt)
    for key in RULING_FIELDS:
        if key in new_front:
            old_front[key] = new_front[key]
        else:
            old_front.pop(key, None)
    header = yaml.safe_dump(old_front, sort_keys=False, allow_unicode=True)
    return f"---\n{header}---\n{old_body}"


def _split(text: str) -> tuple[dict[str, Any], str]:
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    return (data if isinstance(data, dict) else {}), body


def minimal_hunter_profile(handle: str) -> str:
    """A profile for a hunter credited for the first time. Hidden until they say otherwise:
    nobody has asked them how they want to be shown."""
    return f"handle: {handle}\nname: {handle}\nleaderboard:\n  show: hidden\n"


def default_disclosure(ruling: Ruling, program: ProgramEntry, policy: Policy | None) -> str | None:
    """From the program's embargo policy; never for non-disclosure or invite-only programs."""
    if ruling.disclose_on:
        return ruling.disclose_on
    if policy is None or policy.model == "non-disclosure":
        return None
    if program.program.is_hidden or not ruling.decided_on:
        return None
    accepted = date.fromisoformat(ruling.decided_on)
    return (accepted + timedelta(days=policy.embargo_days)).isoformat()


def finding_markdown(
    submission: Submission,
    ruling: Ruling,
    *,
    issue_number: int,
    submitted: str,
    program: ProgramEntry,
    policy: Policy | None,
    program_sha: str | None,
    panel_decision: dict[str, Any] | None = None,
) -> str:
    front = _front_matter(submission, ruling, issue_number, submitted, program, policy)
    if program_sha:
        front["program_sha"] = program_sha
    if panel_decision:
        front["panel_decision"] = panel_decision
    header = yaml.safe_dump(front, sort_keys=False, allow_unicode=True)
    return f"---\n{header}---\n\n{_write_up(submission, ruling, issue_number)}"


def _front_matter(
    submission: Submission,
    ruling: Ruling,
    issue_number: int,
    submitted: str,
    program: ProgramEntry,
    policy: Policy | None,
) -> dict[str, Any]:
    """The finding's fields, in the order they are written."""
    front: dict[str, Any] = {
        "id": finding_id(program.slug, issue_number),
        "title": submission.title,
        "severity": ruling.severity,
        "category": submission.category,
        "status": "accepted",
        "hunters": [submission.credit] if submission.credit else [],
        "submitted": submitted,
        "triaged": ruling.decided_on,
        "accepted": ruling.decided_on,
    }
    disclose = default_disclosure(ruling, program, policy)
    if disclose:
        front["disclose_on"] = disclose
    front["reward"] = _reward(ruling, program)
    if ruling.points is not None:
        front["points"] = ruling.points
    front["affected"] = [{"name": submission.target, "version": submission.target_version}]
    if submission.threshold and submission.measured is not None:
        front["threshold"] = {
            "id": submission.threshold,
            "measured": submission.measured,
            "evidence": submission.evidence or "sent privately",
        }
    return front


def _reward(ruling: Ruling, program: ProgramEntry) -> int:
    """The ruling's reward, else the smallest minimum of the program's reward-table rows for
    the rating, else 0."""
    if ruling.reward is not None:
        return ruling.reward
    cells = program.program.rewards.cells(ruling.severity or "")
    return min((cell.min for cell in cells), default=0)


def _write_up(submission: Submission, ruling: Ruling, issue_number: int) -> str:
    """The finding's text below the front matter, from the hunter's submission."""
    note = ""
    if submission.hazardous_details == "withheld":
        note = (
            "\n::: redacted Details held in the program's private channel\n"
            "(Kept out of this repository.)\n:::\n"
        )
    return (
        f"<!-- From issue #{issue_number}; accepted by @{ruling.decided_by}. -->\n\n"
        f"## Summary\n\n{submission.summary}\n\n"
        f"## Impact\n\n{submission.impact}\n\n"
        f"## Reproduction\n\n{submission.reproduction}\n{note}"
    )
