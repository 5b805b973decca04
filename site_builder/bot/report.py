"""The bot's one comment on a submission: what it understood, what to fix, what happens next,
possible duplicates, the ruling, and the command log. Never quotes a sensitive submission."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..content.entries import ProgramEntry
from ..content.records import Policy
from ..content.taxonomy import TAXONOMY
from ..intake.submission import Intake
from .duplicates import Similar
from .inert import inert
from .rulings import Ruling
from .state import MARKER, BotState

EDITED_AFTER_ACCEPTANCE = (
    "> [!WARNING]",
    "> This issue was edited after it was accepted. The "
    "recorded finding is **not** updated from the edit; maintainers, please review "
    "the change.",
)


def render(
    *,
    intake: Intake,
    program: ProgramEntry | None,
    policy: Policy | None,
    ruling: Ruling,
    state: BotState,
    today: date,
    similar: list[Similar],
    sensitive: bool,
    edited_after_acceptance: bool,
) -> str:
    lines = [MARKER, *_check(intake, policy, sensitive)]
    if program and not sensitive:
        lines += ["", *_next_steps(program, today)]
    if edited_after_acceptance:
        lines += ["", *EDITED_AFTER_ACCEPTANCE]
    if similar:
        lines += ["", *_possible_duplicates(similar)]
    if ruling.status:
        lines += ["", _ruling_line(ruling, state)]
    if ruling.log:
        lines += ["", *_command_log(ruling.log)]
    lines += ["", state.encode()]
    return "\n".join(lines) + "\n"


def _check(intake: Intake, policy: Policy | None, sensitive: bool) -> list[str]:
    """The result of checking the submission (never quoting a sensitive one)."""
    if sensitive:
        return _sensitive(policy)
    if intake.submission is None:
        return [
            "### Submission check: needs changes",
            "",
            "Thanks for the report. Please edit the issue to fix:",
            "",
            *(f"- **{p.label}**: {inert(p.message, 400)}" for p in intake.problems),
            "",
            "The check runs again when you save the edit.",
        ]
    sub = intake.submission
    return [
        "### Submission check: complete",
        "",
        f"Understood: **{TAXONOMY[sub.category].label}**, severity claimed "
        f"**{sub.severity}**, affecting **{inert(sub.target)} {inert(sub.target_version)}**"
        f"{', credited to @' + sub.credit if sub.credit else ', anonymous'}.",
    ]


def _possible_duplicates(similar: list[Similar]) -> list[str]:
    return [
        "**Possible duplicates** (for maintainers to confirm; shared words in brackets):",
        *(
            f"- {_similar_label(s.label)} ({s.score:.0%} similar: {inert(', '.join(s.shared[:6]))})"
            for s in similar
        ),
    ]


def _command_log(log: list[str]) -> list[str]:
    return [
        "<details><summary>Commands</summary>",
        "",
        *(f"- {entry}" for entry in log),
        "",
        "</details>",
    ]


def _similar_label(label: str) -> str:
    """`#12 “title”` keeps its issue link; the title, someone else's text, is made inert."""
    match = re.fullmatch(r"(#[0-9]+ )(.*)", label, re.S)
    return match.group(1) + inert(match.group(2)) if match else inert(label)


def _sensitive(policy: Policy | None) -> list[str]:
    where = policy.private_channel.address if policy else None
    return [
        "### This submission may contain hazardous details",
        "",
        "To keep them from spreading, this comment does not quote the issue, and the issue "
        "is labelled `sensitive` for the maintainers to review and hide if needed.",
        "",
        f"Please send the details through the program's private channel"
        f"{': ' + where if where else ''}, and edit the issue to leave only a public-safe "
        "summary.",
    ]


def _next_steps(program: ProgramEntry, today: date) -> list[str]:
    targets = program.program.response_targets
    first = today + timedelta(days=targets.first_response_days)
    triage = today + timedelta(days=targets.triage_days)
    return [
        f"**What happens next:** a maintainer of {program.program.name} responds within "
        f"{targets.first_response_days} days (by {first}) and triages within "
        f"{targets.triage_days} days (by {triage}); accepted findings are paid within "
        f"{targets.bounty_days} days of acceptance."
    ]


def _ruling_line(ruling: Ruling, state: BotState) -> str:
    if ruling.status == "accepted":
        reward = f", reward {ruling.reward}" if ruling.reward is not None else ""
        text = f"**Ruling:** accepted as **{ruling.severity}**{reward} by @{ruling.decided_by}"
        if ruling.disclose_on:
            text += f"; disclosure on {ruling.disclose_on}"
        if state.pull_request:
            text += f". The finding is proposed in {state.pull_request}"
        return text + "."
    if ruling.status == "rejected":
        return f"**Ruling:** not accepted by @{ruling.decided_by}: {inert(ruling.reason, 1000)}"
    if ruling.status == "duplicate":
        return f"**Ruling:** duplicate of #{ruling.duplicate_of} (@{ruling.decided_by})."
    return f"**More information needed:** {inert(ruling.reason, 1000)}"
