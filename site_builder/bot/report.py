"""The bot's one comment on a submission: what it understood, what to fix, what happens next,
possible duplicates, the ruling, and the command log; or, for a submission that does not belong
in this repository or holds hazardous text, one neutral answer. Never quotes a sensitive
submission, and every piece that could carry something private goes through the audience."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..content.channels import Channel, private_reports_url
from ..content.entries import ProgramEntry
from ..content.records import Policy
from ..content.taxonomy import TAXONOMY
from ..intake.submission import Intake
from .audience import Audience
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
    audience: Audience,
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
    lines = [MARKER, *_check(intake, policy, sensitive, audience)]
    if program and not sensitive:
        lines += ["", *_next_steps(program, today)]
    if edited_after_acceptance:
        lines += ["", *EDITED_AFTER_ACCEPTANCE]
    nameable = audience.nameable(similar)
    if nameable:
        lines += ["", *_possible_duplicates(nameable)]
    if ruling.status:
        lines += ["", _ruling_line(ruling, state)]
    if ruling.log:
        lines += ["", *_command_log(ruling.log)]
    lines += ["", state.encode()]
    return "\n".join(lines) + "\n"


def _check(intake: Intake, policy: Policy | None, sensitive: bool, audience: Audience) -> list[str]:
    """The result of checking the submission (never quoting a sensitive one)."""
    if sensitive:
        return _sensitive(policy) + _fields_to_fix(intake)
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
        f"**{sub.severity}**, affecting **{inert(sub.target)} {inert(sub.target_version)}**, "
        f"{audience.credit(sub.credit)}.",
    ]


def _possible_duplicates(similar: list[Similar]) -> list[str]:
    return [
        "**Possible duplicates** (for maintainers to confirm; shared words in brackets):",
        *(f"- {_similar_label(s.label)} ({s.score:.0%} similar{_shared(s)})" for s in similar),
    ]


def _shared(similar: Similar) -> str:
    return f": {inert(', '.join(similar.shared[:6]))}" if similar.shared else ""


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


def _fields_to_fix(intake: Intake) -> list[str]:
    """A sensitive submission's problems, by field only: the messages may quote answers."""
    if intake.submission is not None or not intake.problems:
        return []
    fields = ", ".join(dict.fromkeys(f"**{p.label}**" for p in intake.problems))
    return ["", f"Please also edit the issue to fix: {fields} (see the form for what each needs)."]


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


def destination(program: ProgramEntry | None, channel: Channel | None, where: str | None) -> str:
    """Where a program's reports go, as anyone may be told: an invite-only program's intake
    repository is not named (its public page does not name it either)."""
    private = f"the program's private channel{': ' + where if where else ''}"
    if program is None or channel is None or program.program.is_hidden:
        return private
    if channel.kind == "private-reports" and channel.repository:
        url = private_reports_url(channel.repository)
        return f"GitHub's private vulnerability reporting: {url}"
    if channel.kind == "external" and channel.url:
        return f"the program's own channel: {channel.url}"
    if channel.kind in ("public-issues", "private-issues") and channel.repository:
        return f"the Submit button on the program's page (issues in {channel.repository})"
    return private


def render_elsewhere(program: ProgramEntry, public: bool, to: str) -> str:
    """A submission to a program whose reports are not taken in this repository: the same
    answer for whoever files it (so it tells nobody who is invited); nothing is quoted."""
    return (
        f"{MARKER}\n### Not handled here\n\n{not_here(program, public)}: whoever files one here "
        "gets this same answer, and nothing in this issue is triaged here. Please edit this "
        f"issue to remove any details, and submit through {to}.\n"
    )


def not_here(program: ProgramEntry, public: bool) -> str:
    name = inert(program.program.name)
    if public and program.program.is_gated:
        who = "invite-only" if program.program.is_hidden else "open to approved applicants only"
        return f"**{name}** is {who}, and its reports are not handled in public issues"
    return f"Reports for **{name}** are not handled in this repository"


def render_hazard(
    *, to: str, elsewhere: str | None, moved: bool, move_failed: bool, state: BotState
) -> str:
    """The answer on a public issue that may hold hazardous text: neutral for the hunter
    (`elsewhere`: why the program's reports are not taken here at all), with what GitHub still
    keeps for maintainers; nothing from the issue is quoted."""
    if moved:
        done = (
            "This issue is being moved to the program's private intake repository: its address "
            "will lead there, and only people who can read that repository can open it."
        )
    else:
        done = (
            "Its text has been replaced with its public summary, and it is labelled "
            "`sensitive` and locked, so that only collaborators can comment."
        )
    lines = [
        MARKER,
        "### Hazardous details taken out of public view",
        "",
        "This submission may contain hazardous details, so this comment quotes nothing from it. "
        + done,
        "",
        *([f"{elsewhere}.", ""] if elsewhere else []),
        f"Please do not post the details here again: send them through {to}.",
        "",
        *_what_github_keeps(moved, move_failed),
        "",
        state.encode(),
    ]
    return "\n".join(lines) + "\n"


def _what_github_keeps(moved: bool, move_failed: bool) -> list[str]:
    """For maintainers, in neutral words: what taking the text out of view could not remove."""
    lines = [
        "<details><summary>For maintainers: what GitHub still keeps</summary>",
        "",
        "- **Edit history.** GitHub keeps every earlier text of the issue, and anyone who can "
        "read the repository can open it from the **edited** menu above the issue's text. "
        "Only someone with write access (or the author) can delete it, and only in the web "
        "interface (no API can): open the issue, click **edited** above its text, open the "
        "oldest revision and choose **Delete revision from history**; repeat for every "
        "revision but the current one.",
    ]
    if moved:
        lines.append(
            "- **Moved.** Whether GitHub moves the edit history with a transferred issue is not "
            "documented: look at the moved issue's history in the intake repository, and delete "
            "the earlier revisions there as above."
        )
    else:
        if move_failed:
            lines.append(
                "- **Not moved.** Moving the issue to the private intake repository failed (see "
                "the run's log): that needs a token with write access to both repositories, "
                "such as a GitHub App installed on both; the workflow's own token reaches only "
                "this repository."
            )
        lines.append(
            "- **Locked.** Unlock the issue once its history is cleaned, if the conversation "
            "should go on in public."
        )
    lines += [
        "- **Already sent.** Notification emails, and any copy made while the text was public, "
        "cannot be recalled.",
        "",
        "</details>",
    ]
    return lines
