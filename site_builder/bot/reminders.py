"""Reminders of response targets on open submission issues: one comment per issue, addressed
to maintainers, upserted (found by its hidden marker and the bot's login, edited rather than
repeated) when a target is due within a day or missed.

Targets are counted from the day the issue was opened: the first response
(`response_targets.first_response_days`) is met once anyone with write access, or a triager,
other than the issue's author and any bot has commented; the triage decision
(`response_targets.triage_days`) once the issue carries a ruling label. The reminder names only
due dates, which follow from the program's published response targets: nothing in it is not
already public."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, timedelta

from ..content.channels import channel_of
from ..content.entries import Content, ProgramEntry
from ..content.publish import program_is_listed, program_is_public
from .gateway import GatewayError, IssueGone
from .model import Comment, Issue
from .repository import RepositoryGateway
from .triage import RULING_LABELS, WRITERS

MARKER = "<!-- bounties-bot:reminder -->"
SUBMISSION_LABEL = "submission"
DECIDED = frozenset(RULING_LABELS[s] for s in ("accepted", "rejected", "duplicate"))
WARNING = timedelta(days=1)
NOTHING_PENDING = "No response target is pending any more."


@dataclass(frozen=True)
class Target:
    name: str
    due: date
    met: bool

    def pending(self, as_of: date) -> bool:
        return not self.met and as_of >= self.due - WARNING


@dataclass
class ReminderCounts:
    posted: int = 0
    updated: int = 0


def issue_repositories(content: Content) -> list[str]:
    """Every repository taking a listed program's submissions as issues."""
    found = {
        channel.repository
        for entry in content.programs.values()
        if program_is_listed(entry)
        for channel in [channel_of(entry, content)]
        if channel.takes_issues and channel.repository
    }
    return sorted(found)


def remind(gateway: RepositoryGateway, content: Content, as_of: date) -> ReminderCounts:
    """Upsert the reminder on every open submission issue of the repository that needs one."""
    counts = ReminderCounts()
    private = gateway.is_private()
    triagers = {t.casefold() for t in (content.settings.triagers if content.settings else [])}
    maintainers = Maintainers(gateway, triagers)
    for issue in gateway.list_issues("open", SUBMISSION_LABEL):
        program = _program_of(issue, content)
        # In a public repository only fully public programs: the others' issues are not
        # handled there (the triage bot has said so), and their targets are not published.
        if program is None or not (private or program_is_public(program)):
            continue
        with contextlib.suppress(IssueGone):  # deleted or transferred meanwhile: no reminder
            _remind_one(gateway, issue, program, as_of, maintainers, counts)
    return counts


def _remind_one(
    gateway: RepositoryGateway,
    issue: Issue,
    program: ProgramEntry,
    as_of: date,
    maintainers: Maintainers,
    counts: ReminderCounts,
) -> None:
    if not issue.created_at:
        return
    opened = date.fromisoformat(issue.created_at[:10])
    targets = program.program.response_targets
    first_due = opened + timedelta(days=targets.first_response_days)
    triage_due = opened + timedelta(days=targets.triage_days)
    if as_of < min(first_due, triage_due) - WARNING:
        return  # no reminder can be due yet, nor posted before: no request needed
    comments = gateway.comments(issue.number) if issue.comment_count else []
    existing = next(
        (c for c in comments if c.author == gateway.bot_login and MARKER in c.body), None
    )
    responded = any(maintainers.responded(issue, c) for c in comments)
    pending = [
        t
        for t in (
            Target("First response", first_due, responded),
            Target("Triage decision", triage_due, bool(DECIDED & set(issue.labels))),
        )
        if t.pending(as_of)
    ]
    if not pending and existing is None:
        return
    body = reminder_body(pending, as_of)
    if existing is None:
        gateway.create_comment(issue.number, body)
        counts.posted += 1
    elif existing.body != body:
        gateway.edit_comment(existing.id, body)
        counts.updated += 1


def reminder_body(pending: list[Target], as_of: date) -> str:
    lines = [f"- {t.name}: due on {t.due.isoformat()} ({_when(t.due, as_of)})." for t in pending]
    text = "\n".join(lines) if lines else NOTHING_PENDING
    return (
        f"{MARKER}\n### Reminder for maintainers\n\n{text}\n\n"
        "Counted from the day this issue was opened, by the program's response targets. "
        "This comment is updated, never repeated.\n"
    )


def _when(due: date, as_of: date) -> str:
    if as_of > due:
        return "overdue"
    return "due today" if as_of == due else "due tomorrow"


def _program_of(issue: Issue, content: Content) -> ProgramEntry | None:
    """The program named by the issue's `program:<slug>` label (set by the triage bot)."""
    for label in issue.labels:
        slug = label.removeprefix("program:")
        if slug != label and slug in content.programs:
            entry = content.programs[slug]
            return entry if program_is_listed(entry) else None
    return None


class Maintainers:
    """Who counts as a maintainer's response, with each permission asked at most once."""

    def __init__(self, gateway: RepositoryGateway, triagers: set[str]) -> None:
        self.gateway, self.triagers = gateway, triagers
        self.known: dict[str, bool] = {}

    def responded(self, issue: Issue, comment: Comment) -> bool:
        author = comment.author
        if not author or author.endswith("[bot]") or author == issue.author:
            return False
        key = author.casefold()
        if key not in self.known:
            self.known[key] = key in self.triagers or self._can_write(author)
        return self.known[key]

    def _can_write(self, user: str) -> bool:
        try:
            return self.gateway.permission(user) in WRITERS
        except GatewayError:
            # Said without the login: in an intake repository it may be an invited hunter's,
            # and the log may be public.
            where = self.gateway.full_name
            raise GatewayError(f"could not read a commenter's permission on {where}") from None
