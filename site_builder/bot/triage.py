"""One bot run: read the event, check the submission, reconcile maintainers' commands, apply
the ruling's effects, and write the single bot comment. Idempotent: a second run on the same
event finds its own comment and state and changes nothing."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from submissions_schema import Submission

from ..content.channels import Channel, channel_of
from ..content.entries import Content, ProgramEntry
from ..content.load import CONTENT_DIR
from ..content.publish import program_is_listed
from ..content.records import Policy
from ..content.types import RATINGS
from ..intake.forms import template_for_body
from ..intake.parse import parse_issue_body
from ..intake.submission import Intake, build_submission
from .audience import Audience
from .commands import Command, command_in
from .duplicates import Similar
from .finding_file import (
    body_hash,
    finding_markdown,
    finding_path,
    minimal_hunter_profile,
    refreeze,
)
from .gateway import Gateway, IssueGone
from .hazard import hazard_reasons, hide, intake_repository, is_scrubbed, move, scrubbed_body
from .inert import inert
from .model import Actions, Comment, Issue
from .panel import judge
from .proposal import ProposalCheck, check_proposal
from .report import destination, not_here, render, render_elsewhere, render_hazard
from .rulings import Ruling, reconcile
from .similar import Submitted, compare, prose
from .state import MARKER, BotState, find_bot_comment, read_state

ISSUE_ACTIONS = frozenset({"opened", "edited", "reopened"})
WRITERS = frozenset({"admin", "maintain", "write"})
RULING_LABELS = {
    "accepted": "accepted",
    "rejected": "rejected",
    "duplicate": "duplicate",
    "needs-info": "needs-info",
}
MANAGED = frozenset({"needs-info", "invalid", "accepted", "rejected", "duplicate"})
_PROGRAM_HEADING = re.compile(r"(?m)^###\s+Program\s*$")
_TRACK_RECORD = re.compile(r"(?m)^###\s+Track record\s*$")


@dataclass
class Outcome:
    message: str
    actions: Actions


def handle(
    event_name: str,
    event: dict[str, Any],
    gateway: Gateway,
    content: Content,
    as_of: date,
    root: Path,
    proposals: Gateway | None = None,
) -> Outcome:
    """Handle one event; accepted findings are proposed through `proposals` (the content
    repository's gateway; default: the issue's own repository)."""
    actions = Actions()
    reason = _skip_reason(event_name, event)
    if reason:
        return Outcome(reason, actions)
    number = int(event["issue"]["number"])
    try:
        issue = gateway.issue(number)
    except IssueGone as gone:
        return Outcome(f"{gone}; nothing to do", actions)
    if _is_application(issue):
        try:
            return acknowledge_application(gateway, content, issue, event, actions)
        except IssueGone as gone:
            return Outcome(f"{gone} (during the run); stopped", actions)
    if not _is_submission(issue):
        return Outcome(f"#{number} is not a submission; nothing to do", actions)
    try:
        run = Run(gateway, content, as_of, root, issue, event, actions)
        run.proposals = proposals or gateway
        return run.go()
    except IssueGone as gone:
        return Outcome(f"{gone} (during the run); stopped", actions)


PAUSED = (
    "### Submission received\n\nThank you. Automatic checks are paused while the program "
    "files are being fixed; this submission will be checked as soon as they are."
)


def acknowledge_while_paused(event_name: str, event: dict[str, Any], gateway: Gateway) -> str:
    """The content has errors, so nothing can be judged: acknowledge a new submission once
    (never overwriting an earlier answer) instead of going silent."""
    reason = _skip_reason(event_name, event)
    if reason:
        return reason
    number = int(event["issue"]["number"])
    try:
        issue = gateway.issue(number)
        if not (_is_submission(issue) or _is_application(issue)):
            return f"#{number} is not a submission; nothing to do"
        if _existing_bot_comment(gateway, issue) is None:
            gateway.create_comment(number, f"{MARKER}\n{PAUSED}\n")
            return f"#{number}: acknowledged; checks paused until the content is valid"
    except IssueGone as gone:
        return f"{gone}; nothing to do"
    return f"#{number}: checks paused until the content is valid"


def _skip_reason(event_name: str, event: dict[str, Any]) -> str | None:
    action = event.get("action", "")
    if "issue" not in event:
        return f"event {event_name} has no issue; nothing to do"
    if "pull_request" in event["issue"]:
        return "a pull-request comment; nothing to do"
    if event_name == "issues" and action not in ISSUE_ACTIONS:
        return f"issues.{action} needs no triage"
    if event_name == "issue_comment" and action != "created":
        return f"issue_comment.{action} is ignored (edited commands do not count)"
    if event_name not in ("issues", "issue_comment"):
        return f"event {event_name} is not handled"
    return None


def _is_application(issue: Issue) -> bool:
    return "application" in issue.labels or bool(_TRACK_RECORD.search(issue.body))


def acknowledge_application(
    gateway: Gateway, content: Content, issue: Issue, event: dict[str, Any], actions: Actions
) -> Outcome:
    """Label an application to an invite-only program and thank the applicant, saying nothing
    about who is already invited."""
    values = parse_issue_body(issue.body, None).values
    chosen = values.get("program")
    name = chosen.strip() if isinstance(chosen, str) else ""
    program = next(
        (
            p
            for p in content.programs.values()
            if name in (p.program.name, p.slug)
            and p.program.is_gated
            and program_is_listed(p)  # a draft does not exist to the bot
        ),
        None,
    )
    wanted = {"application"} | ({f"program:{program.slug}"} if program else set())
    _add_missing_labels(gateway, issue, wanted, actions)
    text = (
        f"Thank you for applying to **{program.program.name}**. The organizers review "
        "applications privately and will contact you. Invitations are never discussed in "
        "public issues."
        if program
        else "Thank you for applying. We could not tell which invite-only program this is for: "
        "please use the Apply button on the program's page."
    )
    body = f"{MARKER}\n### Application received\n\n{text}\n"
    existing = _existing_bot_comment(gateway, issue)
    if existing is None:
        gateway.create_comment(issue.number, body)
        actions.add(f"application acknowledged on #{issue.number}")
    elif existing.body != body:
        gateway.edit_comment(existing.id, body)
    return Outcome(
        f"#{issue.number}: application{' to ' + program.slug if program else ' (program unknown)'}",
        actions,
    )


def _add_missing_labels(gateway: Gateway, issue: Issue, wanted: set[str], actions: Actions) -> None:
    """Add the wanted labels the issue lacks, in one request (none when it lacks nothing)."""
    missing = sorted(wanted - set(issue.labels))
    if missing:
        gateway.add_labels(issue.number, missing)
        actions.add(f"labels added: {', '.join(missing)}")


def _existing_bot_comment(gateway: Gateway, issue: Issue) -> Comment | None:
    """The bot's comment on the issue, if any (no request for an issue without comments)."""
    comments = gateway.comments(issue.number) if issue.comment_count else []
    return find_bot_comment(comments, gateway.bot_login)


def _is_submission(issue: Issue) -> bool:
    return "submission" in issue.labels or bool(_PROGRAM_HEADING.search(issue.body))


class Run:
    def __init__(
        self,
        gateway: Gateway,
        content: Content,
        as_of: date,
        root: Path,
        issue: Issue,
        event: dict[str, Any],
        actions: Actions,
    ) -> None:
        self.gateway, self.content, self.as_of, self.root = gateway, content, as_of, root
        self.issue, self.event, self.actions = issue, event, actions
        self.permissions: dict[str, bool] = {}
        self.proposals: Gateway = gateway  # where findings are proposed (the content's)
        self.audience = Audience.of(event, _here(gateway, event), content, as_of)
        template = template_for_body(issue.body, content)
        self.values = parse_issue_body(issue.body, template).values

    def go(self) -> Outcome:
        issue = self.issue
        needs_comments = issue.comment_count > 0 or "comment" in self.event
        comments = self.gateway.comments(issue.number) if needs_comments else []
        bot_comment = find_bot_comment(comments, self.gateway.bot_login)
        state = read_state(bot_comment)
        intake = self._intake()
        program = intake.program
        policy = self._policy(program)
        channel = channel_of(program, self.content) if program else None
        hazards = hazard_reasons(self.values, policy, issue.body)
        # In public, once hazardous always hazardous: the issue's text is gone already.
        if self.audience.public and (hazards or state.sensitive):
            return self._out_of_view(program, channel, state, bot_comment)
        if program and channel and not self.audience.serves(program, channel):
            return self._elsewhere(program, channel, bot_comment)
        return self._triage(comments, bot_comment, state, intake, policy, bool(hazards))

    def _triage(
        self,
        comments: list[Comment],
        bot_comment: Comment | None,
        state: BotState,
        intake: Intake,
        policy: Policy | None,
        sensitive: bool,
    ) -> Outcome:
        """Check the submission, reconcile the commands, apply the ruling and answer."""
        program = intake.program
        commands = self._commands(comments)
        ratings = program.program.rewards.scale_ratings() if program else RATINGS
        ruling = reconcile(commands, self._allowed, ratings)
        self._panel(commands, state, ruling, intake, program)
        # The record is frozen at the accepted revision: any later change of the body is
        # flagged for as long as it lasts, and never enters the proposed finding.
        edited_after = self._edited_after_acceptance(state)
        self._apply(ruling, state, intake, program, policy)
        self._label(intake, ruling, sensitive, edited_after)
        similar = self._similar(intake, program, state, sensitive) if program else []
        state.sensitive = sensitive
        state.processed = sorted({c.comment.id for c in commands})
        body = render(
            audience=self.audience,
            intake=intake,
            program=program,
            policy=policy,
            ruling=ruling,
            state=state,
            today=self.as_of,
            similar=similar,
            sensitive=sensitive,
            edited_after_acceptance=edited_after,
        )
        self._write_comment(bot_comment, body)
        verdict = "valid" if intake.submission else f"{len(intake.problems)} problem(s)"
        return Outcome(
            f"#{self.issue.number}: {verdict}; ruling {ruling.status or 'none'}", self.actions
        )

    def _policy(self, program: ProgramEntry | None) -> Policy | None:
        entry = self.content.policies.get(program.program.disclosure_policy) if program else None
        return entry.record if entry else None

    def _where(self, program: ProgramEntry | None) -> str | None:
        """Where hazardous details go: the program's private contact (its policy's), else,
        for an issue naming no known program, the site's own contact."""
        if program is not None:
            return self.content.private_contact(program.program)
        contact = self.content.settings.contact if self.content.settings else None
        return (contact.email or contact.url) if contact else None

    def _elsewhere(
        self, program: ProgramEntry, channel: Channel, existing: Comment | None
    ) -> Outcome:
        """A submission to a program whose reports are not taken here (another channel, or an
        invite-only program in public): one answer for everyone, invited or not, so that
        nobody learns from it who is invited; nothing is quoted, nothing is triaged (rulings
        would tell who is invited, too)."""
        wanted = {"submission", f"program:{program.slug}"} | _gate_label(program)
        _add_missing_labels(self.gateway, self.issue, wanted, self.actions)
        to = destination(program, channel, self._where(program))
        self._write_comment(existing, render_elsewhere(program, self.audience.public, to))
        return Outcome(
            f"#{self.issue.number}: {program.slug} takes no reports here; not triaged",
            self.actions,
        )

    def _out_of_view(
        self,
        program: ProgramEntry | None,
        channel: Channel | None,
        state: BotState,
        existing: Comment | None,
    ) -> Outcome:
        """Hazardous text in a public repository: move the issue to a private intake
        repository if one is configured, else replace its text with the public summary, lock
        it and label it; one neutral answer either way, and nothing triaged in public."""
        number = self.issue.number
        # Hazardous details never go to a public channel, the program's own form included.
        private = channel if channel is not None and not channel.is_public else None
        to = destination(program, private, self._where(program))
        state.sensitive, state.similar = True, None  # the shared words came from the text
        served = program is None or (channel is not None and self.audience.serves(program, channel))
        why = None if served or program is None else not_here(program, public=True)
        target = intake_repository(channel, self.content, self.audience.repository)
        if target is not None and not is_scrubbed(self.issue.body):
            # Answer first: the comment moves with the issue, and its notification tells the
            # hunter what happened even if they cannot read the intake repository.
            answer = render_hazard(to=to, elsewhere=why, moved=True, move_failed=False, state=state)
            existing = self._write_comment(existing, answer)
            if move(self.gateway, self.issue, target, self.actions):
                return Outcome(f"#{number}: hazardous text; moved out of public view", self.actions)
        self._hide(program)
        failed = target is not None
        answer = render_hazard(to=to, elsewhere=why, moved=False, move_failed=failed, state=state)
        self._write_comment(existing, answer)
        return Outcome(f"#{number}: hazardous text; hidden from public view", self.actions)

    def _hide(self, program: ProgramEntry | None) -> None:
        """Replace the text by its public summary (once), lock the issue and label it."""
        body = self.issue.body
        if not is_scrubbed(body):
            name = program.program.name if program else None
            body = scrubbed_body(name, self.values.get("summary"))
        hide(self.gateway, self.issue, body, self.actions)
        wanted = {"submission", "sensitive"}
        if program:
            wanted.add(f"program:{program.slug}")
            wanted |= _gate_label(program)
        _add_missing_labels(self.gateway, self.issue, wanted, self.actions)

    def _panel(
        self,
        commands: list[Command],
        state: BotState,
        ruling: Ruling,
        intake: Intake,
        program: ProgramEntry | None,
    ) -> None:
        """Panel-judged programs: panel votes and scores decide when no maintainer has."""
        if program is None or program.program.panel is None:
            return
        credit = intake.submission.credit if intake.submission else None
        conflicted = {self.issue.author.lower(), (credit or "").lower()} - {""}
        judging = judge(commands, program.program.panel, conflicted, state.panel)
        state.panel = judging.decision
        ruling.log.extend(judging.log)
        decision = judging.decision
        if decision is None or ruling.status not in (None, "needs-info"):
            return
        accepted = decision["outcome"] == "accept"
        ruling.status = "accepted" if accepted else "rejected"
        ruling.severity = intake.submission.severity if accepted and intake.submission else None
        ruling.decided_by, ruling.decided_on = "panel", decision["decided"]
        ruling.reason = "" if accepted else decision["rationale"]

    def _intake(self) -> Intake:
        return build_submission(
            self.values,
            title=self.issue.title,
            content=self.content,
            author=self.issue.author,
            as_of=self.as_of,
        )

    def _commands(self, comments: list[Comment]) -> list[Command]:
        found = [command_in(c) for c in comments if c.author != self.gateway.bot_login]
        return sorted(
            (c for c in found if c is not None), key=lambda c: (c.comment.created_at, c.comment.id)
        )

    def _allowed(self, user: str) -> bool:
        if user not in self.permissions:
            triagers = {
                t.lower() for t in (self.content.settings.triagers if self.content.settings else [])
            }
            self.permissions[user] = (
                user.lower() in triagers or self.gateway.permission(user) in WRITERS
            )
        return self.permissions[user]

    def _apply(
        self,
        ruling: Ruling,
        state: BotState,
        intake: Intake,
        program: ProgramEntry | None,
        policy: Any,
    ) -> None:
        """Carry out a ruling not applied yet: propose the finding, or close the issue."""
        effect = ruling.effect()
        if not ruling.status:
            state.awaiting_disclosure = False
        if effect == state.applied or not ruling.status:
            return
        number = self.issue.number
        if ruling.status == "accepted":
            if not self._propose_finding(ruling, state, intake, program, policy):
                return  # retried on the next run: the effect stays unapplied
        elif ruling.status in ("rejected", "duplicate") and self.issue.state == "open":
            self.gateway.close(number)
            self.actions.add(f"closed #{number} ({ruling.status})")
        state.applied = effect

    def _propose_finding(
        self,
        ruling: Ruling,
        state: BotState,
        intake: Intake,
        program: ProgramEntry | None,
        policy: Any,
    ) -> bool:
        """Open (or update) the pull request recording an accepted finding; False, with the
        reason in the ruling's log, when it cannot be recorded."""
        number, submission = self.issue.number, intake.submission
        if submission is None or program is None:
            ruling.log.append(
                "The ruling cannot be recorded yet: the submission does not validate (see above)."
            )
            return False
        path = finding_path(program.slug, number)
        text = self._finding_text(ruling, state, submission, program, policy, path)
        if text is None:
            return False
        files = {path: text, **self._new_hunter_profile(submission.credit)}
        check = check_proposal(self.root, files, self.as_of)
        state.awaiting_disclosure = check.awaiting_disclosure
        if check.problems:
            ruling.log.append(self._refusal(check, files))
            return False
        title, body = self._pull_request_text(ruling, submission.title)
        state.pull_request = self.proposals.propose(_proposal_branch(number), files, title, body)
        self.actions.add(f"proposed {state.pull_request}")
        state.accepted_hash = state.accepted_hash or body_hash(self.issue.body)
        return True

    def _refusal(self, check: ProposalCheck, files: dict[str, str]) -> str:
        """Why the finding is not proposed now. A finding awaiting its disclosure date is
        not named, and neither is the date (fail closed: it is not published yet)."""
        if check.awaiting_disclosure:
            return (
                "The finding will be proposed on its disclosure date: the content repository "
                "is public, and nothing is stored there before it may be published."
            )
        return (
            "The ruling cannot be recorded: the proposed finding would not validate "
            f"({inert(self.audience.proposal_refusal(check.problems, files), 300)}). Correct "
            "the ruling with a new command."
        )

    def _pull_request_text(self, ruling: Ruling, title: str) -> tuple[str, str]:
        """The pull request's title and body, linking back to the issue. In another repository
        the issue is named in full (owner/name#n), except from a public content repository:
        its readers learn nothing of a private intake repository."""
        number = self.issue.number
        here = _here(self.gateway, self.event)
        there = getattr(self.proposals, "full_name", None)
        reference = f"#{number}"
        if here and there and here.casefold() != there.casefold():
            public = self.content.settings and self.content.settings.content_repository.public
            reference = "a submission issue" if public else f"{here}#{number}"
        return (
            f"Record finding from {reference}: {title}",
            f"Accepted in {reference} by @{ruling.decided_by}. Merging publishes nothing by "
            "itself: the finding appears on the site only from its `disclose_on` date.",
        )

    def _finding_text(
        self,
        ruling: Ruling,
        state: BotState,
        submission: Submission,
        program: ProgramEntry,
        policy: Any,
        path: str,
    ) -> str | None:
        """The finding file to propose; None, with the reason logged, when the issue was edited
        after acceptance and the accepted record cannot be found."""
        text = finding_markdown(
            submission,
            ruling,
            issue_number=self.issue.number,
            submitted=self.issue.created_at[:10] or self.as_of.isoformat(),
            program=program,
            policy=policy,
            program_sha=_program_sha(self.root, program.slug),
            panel_decision=state.panel,
        )
        if not self._edited_after_acceptance(state):
            return text
        # Edited since the acceptance: only the ruling's fields change, on the text that was
        # accepted (the file already proposed, or merged).
        recorded = self.proposals.read_file(path, _proposal_branch(self.issue.number))
        recorded = recorded or self.proposals.read_file(path)
        if recorded is None:
            ruling.log.append(
                "The ruling cannot be recorded: the issue was edited after it was "
                f"accepted and the accepted record ({path}) was not found."
            )
            return None
        return refreeze(recorded, text)

    def _new_hunter_profile(self, credit: str | None) -> dict[str, str]:
        """A hidden profile for a credited hunter who has none yet (path -> text)."""
        if not credit or self.content.exists("hunter", credit):
            return {}
        return {f"{CONTENT_DIR}/_hunters/{credit}.yml": minimal_hunter_profile(credit)}

    def _edited_after_acceptance(self, state: BotState) -> bool:
        return bool(state.accepted_hash) and body_hash(self.issue.body) != state.accepted_hash

    def _label(self, intake: Intake, ruling: Ruling, sensitive: bool, edited_after: bool) -> None:
        wanted = {"submission"}
        if intake.program:
            wanted.add(f"program:{intake.program.slug}")
        if intake.submission:
            wanted.add(f"severity:{intake.submission.severity}")
        elif any(p.field == "program" for p in intake.problems):
            wanted.add("invalid")
        else:
            wanted.add("needs-info")
        if ruling.status:
            wanted.discard("needs-info")
            wanted.add(RULING_LABELS[ruling.status])
        if sensitive:
            wanted.add("sensitive")
        if edited_after:
            wanted.add("edited-after-acceptance")
        _add_missing_labels(self.gateway, self.issue, wanted, self.actions)
        for stale in sorted((set(self.issue.labels) & MANAGED) - wanted):
            self.gateway.remove_label(self.issue.number, stale)
            self.actions.add(f"label removed: {stale}")

    def _similar(
        self, intake: Intake, program: ProgramEntry, state: BotState, sensitive: bool
    ) -> list[Similar]:
        """Likely duplicates, computed once per issue and kept in the bot state (so later runs
        stay cheap and the comment stays stable). The comment and its state are read by the
        audience: it decides what is compared and named (see similar.py, audience.py)."""
        if state.similar is None:
            summary = intake.submission.summary if intake.submission else self.issue.body
            submitted = Submitted(
                self.issue, summary, prose(self.values, self.issue.body), sensitive
            )
            others = self.gateway.open_issues(f"program:{program.slug}")
            found = compare(self.audience, program, submitted, others)
            state.similar = [[s.label, s.score, list(s.shared)] for s in found]
        rows = [Similar(label, score, tuple(shared)) for label, score, shared in state.similar]
        kept = [
            Similar(s.label, s.score, () if sensitive else s.shared)
            for s in self.audience.nameable(rows)
        ]
        state.similar = [[s.label, s.score, list(s.shared)] for s in kept]
        return kept

    def _write_comment(self, existing: Comment | None, body: str) -> Comment:
        """Create or update the bot's one comment; the comment as it now stands."""
        number = self.issue.number
        if existing is not None:
            if existing.body != body:
                self.gateway.edit_comment(existing.id, body)
                self.actions.add(f"bot comment {existing.id} updated")
            return replace(existing, body=body)
        try:
            made = self.gateway.create_comment(number, body)
        except Exception:
            # The POST may have been applied before the failure: look for our own marker
            # before trying again, so a retry never leaves two bot comments.
            again = find_bot_comment(self.gateway.comments(number), self.gateway.bot_login)
            if again is None:
                made = self.gateway.create_comment(number, body)
            else:
                if again.body != body:
                    self.gateway.edit_comment(again.id, body)
                made = replace(again, body=body)
        self.actions.add(f"bot comment posted on #{number}")
        return made


def _proposal_branch(issue_number: int) -> str:
    return f"bounties/submission-{issue_number}"


def _program_sha(root: Path, slug: str) -> str | None:
    """The commit of the program file the submission was judged against."""
    path = f"{CONTENT_DIR}/{slug}/program.yml"
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%H", "--", path],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        result = None
    sha = result.stdout.strip() if result and result.returncode == 0 else ""
    return sha or os.environ.get("GITHUB_SHA") or None


def _here(gateway: Gateway, event: dict[str, Any]) -> str | None:
    """The repository the bot writes to (owner/name): the gateway's, else the event's."""
    name = getattr(gateway, "full_name", None)
    if isinstance(name, str) and name:
        return name
    repository = event.get("repository")
    found = repository.get("full_name") if isinstance(repository, dict) else None
    return found if isinstance(found, str) and found else None


def _gate_label(program: ProgramEntry) -> set[str]:
    """The label telling maintainers that only invited or approved hunters may submit."""
    if program.program.is_hidden:
        return {"invite-only"}
    return {"approved-only"} if program.program.is_gated else set()
