"""Rules about programs, policies, hunters and settings that a single model cannot express."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from .channels import Channel, channel_of, covers_dangerous_capabilities, same_repository
from .entries import Content, Entry, ProgramEntry, Source
from .locate import problem_at
from .problems import Level, Problem
from .records import Hunter, Invitation, Policy
from .terms_checks import program_term_rules
from .types import SLUG_PATTERN

_SLUG = re.compile(SLUG_PATTERN)
_SLUG_HINT = "rename the folder: lowercase letters, digits and hyphens"


def check_programs(content: Content, as_of: date) -> Iterator[Problem]:
    for entry in content.programs.values():
        yield from _program_rules(entry, content, as_of)
    for policy in content.policies.values():
        yield from _policy_rules(policy)
    for key, hunter in content.hunters.items():
        yield from _hunter_rules(key, hunter)
    yield from _settings_rules(content)


def _policy_rules(policy: Entry[Policy]) -> Iterator[Problem]:
    if policy.record.model == "full" and policy.record.embargo_days:
        yield problem_at(
            policy.source,
            ("embargo_days",),
            "a full-disclosure policy has no embargo",
            hint="set embargo_days: 0",
        )
    channel = policy.record.private_channel
    if not (channel.email or channel.url):
        yield problem_at(
            policy.source,
            ("private_channel",),
            "the private reporting channel needs an email or a url",
        )


def _hunter_rules(key: str, hunter: Entry[Hunter]) -> Iterator[Problem]:
    if hunter.record.handle != key:
        yield problem_at(
            hunter.source,
            ("handle",),
            f"handle '{hunter.record.handle}' differs from the file name '{key}'",
            hint=f"rename the file to {hunter.record.handle}.yml or fix the handle",
        )
    board = hunter.record.leaderboard
    if board.show == "alias" and not board.alias:
        yield problem_at(
            hunter.source,
            ("leaderboard",),
            "leaderboard.show is alias but no alias is given",
            hint="add leaderboard.alias",
        )


def _settings_rules(content: Content) -> Iterator[Problem]:
    if content.settings and content.settings_source:
        contact = content.settings.contact
        if not (contact.email or contact.url):
            yield problem_at(
                content.settings_source, ("contact",), "the site contact needs an email or a url"
            )
        settings = content.settings
        if same_repository(settings.intake_repository, settings.repository):
            yield problem_at(
                content.settings_source,
                ("intake_repository",),
                "intake_repository must be a private repository other than the site's",
                hint="hazardous public submissions are moved there; leave it out to hide them "
                "in place instead",
            )


def _program_rules(entry: ProgramEntry, content: Content, as_of: date) -> Iterator[Problem]:
    """Every rule about one program, in the order its problems are reported."""
    yield from _folder_name_rules(entry)
    yield from _pause_rules(entry)
    yield from _apply_rules(entry)
    yield from _duration_rules(entry, as_of)
    yield from _access_rules(entry)
    yield from _contact_rules(entry)
    yield from _threshold_rules(entry)
    yield from _panel_rules(entry)
    yield from _reward_rules(entry)
    yield from _policy_reference_rules(entry, content)
    yield from _risk_review_rules(entry, as_of)
    yield from _invitation_rules(entry, content)
    yield from _submission_rules(entry, content)
    yield from program_term_rules(entry, content)


def _folder_name_rules(entry: ProgramEntry) -> Iterator[Problem]:
    if _SLUG.fullmatch(entry.slug) is None:
        yield Problem(
            entry.source.path,
            1,
            1,
            f"program folder name '{entry.slug}' is not a valid slug",
            hint=_SLUG_HINT,
        )


def _pause_rules(entry: ProgramEntry) -> Iterator[Problem]:
    program = entry.program
    if program.status == "paused" and program.pause is None:
        yield problem_at(
            entry.source,
            ("status",),
            "a paused program needs a pause reason and date",
            hint="add pause: {reason: ..., since: YYYY-MM-DD}",
        )
    if program.status != "paused" and program.pause is not None:
        yield problem_at(
            entry.source,
            ("pause",),
            f"pause is set but status is {program.status}",
            hint="remove pause, or set status: paused",
        )


def _apply_rules(entry: ProgramEntry) -> Iterator[Problem]:
    if entry.program.is_gated and not entry.program.apply:
        yield problem_at(
            entry.source,
            ("participation",),
            f"an {entry.program.participation} program must say how to apply",
            hint="add apply: with the criteria and how to ask for an invitation",
        )


def _duration_rules(entry: ProgramEntry, as_of: date) -> Iterator[Problem]:
    program, duration = entry.program, entry.program.duration
    if duration.end and duration.end < duration.start:
        yield problem_at(
            entry.source,
            ("duration", "end"),
            f"end {duration.end} is before start {duration.start}",
        )
    if program.status == "open" and duration.end and duration.end < as_of:
        yield problem_at(
            entry.source,
            ("duration", "end"),
            f"the program ended on {duration.end} but its status is open",
            hint="set status: closed",
            level=Level.WARNING,
        )


def _access_rules(entry: ProgramEntry) -> Iterator[Problem]:
    access = entry.program.access
    if access.level == "extended" and not access.extended:
        yield problem_at(
            entry.source,
            ("access", "extended"),
            "access level extended needs the kinds of access",
            hint="e.g. extended: [activations, fine-tuning]",
        )
    if access.level != "extended" and access.extended:
        yield problem_at(
            entry.source,
            ("access", "extended"),
            f"extended access listed but level is {access.level}",
            hint="set level: extended or remove the list",
        )


def _contact_rules(entry: ProgramEntry) -> Iterator[Problem]:
    contact = entry.program.organizer.contact
    if not (contact.email or contact.url):
        yield problem_at(
            entry.source,
            ("organizer", "contact"),
            "the monitored contact needs an email or a url",
        )


def _threshold_rules(entry: ProgramEntry) -> Iterator[Problem]:
    """Capability thresholds: required by evals-based programs, unused by the others."""
    program = entry.program
    if program.model == "evals-based" and not program.thresholds:
        yield problem_at(
            entry.source,
            ("model",),
            "an evals-based program must declare its capability thresholds",
            hint="add thresholds: [{id, capability, evaluation, metric, value, direction, "
            "evidence}]",
        )
    if program.model != "evals-based" and program.thresholds:
        yield problem_at(
            entry.source,
            ("thresholds",),
            f"thresholds are only used by evals-based programs, not {program.model}",
            level=Level.WARNING,
        )
    seen: set[str] = set()
    for index, threshold in enumerate(program.thresholds):
        if threshold.id in seen:
            yield problem_at(
                entry.source,
                ("thresholds", index, "id"),
                f"threshold id '{threshold.id}' is used twice",
            )
        seen.add(threshold.id)


def _panel_rules(entry: ProgramEntry) -> Iterator[Problem]:
    """The judging panel: required by panel-judged programs, unused by the others."""
    program, panel = entry.program, entry.program.panel
    if program.model == "panel-judged" and panel is None:
        yield problem_at(
            entry.source,
            ("model",),
            "a panel-judged program must name its panel",
            hint="add panel: {members: [...], criteria: [...], decision: {rule, quorum}}",
        )
    if panel is None:
        return
    if program.model != "panel-judged":
        yield problem_at(
            entry.source,
            ("panel",),
            f"a panel is only used by panel-judged programs, not {program.model}",
            level=Level.WARNING,
        )
    yield from _panel_decision_rules(entry)


def _panel_decision_rules(entry: ProgramEntry) -> Iterator[Problem]:
    panel = entry.program.panel
    assert panel is not None
    rule = panel.decision
    if rule.rule == "mean-score" and rule.bar is None:
        yield problem_at(
            entry.source,
            ("panel", "decision", "bar"),
            "rule mean-score needs a bar (1 to 5)",
            hint="add bar: 3.5",
        )
    if rule.bar is not None and not 1 <= rule.bar <= 5:
        yield problem_at(
            entry.source, ("panel", "decision", "bar"), f"bar {rule.bar} is outside 1 to 5"
        )


def _reward_rules(entry: ProgramEntry) -> Iterator[Problem]:
    """The pool and the largest prize; the table's rows are checked in terms_checks.py."""
    rewards = entry.program.rewards
    if (
        rewards.pool is not None
        and rewards.max_per_prize is not None
        and rewards.max_per_prize > rewards.pool
    ):
        yield problem_at(
            entry.source,
            ("rewards", "max_per_prize"),
            f"max_per_prize {rewards.max_per_prize} is above the pool {rewards.pool}",
        )


def _policy_reference_rules(entry: ProgramEntry, content: Content) -> Iterator[Problem]:
    policy = entry.program.disclosure_policy
    if not content.exists("policy", policy):
        yield problem_at(
            entry.source,
            ("disclosure_policy",),
            f"no disclosure policy '{policy}'",
            hint=_choices("policies", content.policies),
        )


def _risk_review_rules(entry: ProgramEntry, as_of: date) -> Iterator[Problem]:
    review = entry.program.risk_review
    if review.due < as_of and entry.program.status in ("open", "paused"):
        yield problem_at(
            entry.source,
            ("risk_review", "last_review"),
            f"risk review overdue since {review.due} "
            f"(last review {review.last_review}, every {review.interval_days} days)",
            hint="review the program's risks and update last_review, or pause it",
            level=Level.WARNING,
        )


def _invitation_rules(entry: ProgramEntry, content: Content) -> Iterator[Problem]:
    source = entry.invitations_source
    if entry.invitations is not None and not entry.program.is_gated:
        assert source is not None
        yield Problem(
            source.path,
            1,
            1,
            "invitations.yml has no effect on a public program",
            level=Level.WARNING,
        )
    if entry.invitations and source:
        for index, invitation in enumerate(entry.invitations.invited):
            yield from _one_invitation_rules(invitation, index, source, content)
    if source and content.settings and content.settings.content_repository.public:
        yield Problem(
            source.path,
            1,
            1,
            "this content repository is public (programs/site.yml: content_repository.public), "
            "so invitations.yml would tell anyone who is invited",
            hint="keep invite-only programs' invitations in a private content repository "
            "(docs/setups.md)",
        )


def _one_invitation_rules(
    invitation: Invitation, index: int, source: Source, content: Content
) -> Iterator[Problem]:
    if not content.exists("hunter", invitation.hunter):
        yield problem_at(
            source,
            ("invited", index, "hunter"),
            f"no hunter '{invitation.hunter}'",
            hint=f"add programs/_hunters/{invitation.hunter}.yml",
        )
    if invitation.until and invitation.until < invitation.since:
        yield problem_at(
            source,
            ("invited", index, "until"),
            f"until {invitation.until} is before since {invitation.since}",
        )
    for grant_index, grant in enumerate(invitation.access):
        if grant.until and grant.until < invitation.since:
            yield problem_at(
                source,
                ("invited", index, "access", grant_index, "until"),
                f"access '{grant.kind}' ends on {grant.until}, before the invitation "
                f"starts ({invitation.since})",
            )


def _submission_rules(entry: ProgramEntry, content: Content) -> Iterator[Problem]:
    channel = channel_of(entry, content)
    yield from _channel_field_rules(entry, channel)
    yield from _public_channel_rules(entry, content, channel)
    program = entry.program
    unplaced = channel.repository is None and channel.kind != "external"
    if unplaced and program.status == "open" and not program.is_gated:
        yield problem_at(
            entry.source,
            ("submit",) if program.submit else ("status",),
            "an open program needs somewhere to submit",
            hint="add submit.repository, or repository in programs/site.yml",
            level=Level.WARNING if channel.is_public else Level.ERROR,
        )
    site_repository = content.settings.repository if content.settings else None
    if channel.kind == "private-issues" and same_repository(channel.repository, site_repository):
        yield problem_at(
            entry.source,
            ("submit", "repository"),
            "private-issues needs its own private intake repository, not the site's repository",
            hint="name the organization's private intake repository (owner/name)",
        )


# Fields that mean something for one channel only: set elsewhere, they are a mistake.
_CHANNEL_ONLY = {
    "url": ("external",),
    "instructions": ("external", "private-reports"),
    "template": ("public-issues", "private-issues"),
    "summary_only": ("public-issues",),
}


def _channel_field_rules(entry: ProgramEntry, channel: Channel) -> Iterator[Problem]:
    submit = entry.program.submit
    if submit is None:
        return
    for name, channels in _CHANNEL_ONLY.items():
        if name in submit.model_fields_set and channel.kind not in channels:
            yield problem_at(
                entry.source,
                ("submit", name),
                f"submit.{name} has no meaning for channel {channel.kind}",
                hint=f"it is for {' or '.join(channels)}; remove it or change the channel",
            )
    if channel.kind == "external":
        for name in ("url", "instructions"):
            if getattr(submit, name) is None:
                yield problem_at(
                    entry.source,
                    ("submit", "channel"),
                    f"channel external needs submit.{name}",
                    hint="url: the platform's page (https) or mailto:address; instructions: how "
                    "to submit there (Markdown)",
                )
    if channel.kind == "private-issues" and submit.repository is None:
        yield problem_at(
            entry.source,
            ("submit", "channel"),
            "channel private-issues needs submit.repository",
            hint="the organization's private intake repository, owner/name",
        )


def _public_channel_rules(
    entry: ProgramEntry, content: Content, channel: Channel
) -> Iterator[Problem]:
    """Refuse what would put private things in public issues."""
    if not channel.is_public:
        return
    program = entry.program
    at = ("submit", "channel") if program.submit else ("disclosure_policy",)
    hint = (
        "set submit.channel to private-issues (a private intake repository), private-reports "
        "(GitHub's private vulnerability reporting) or external"
    )
    policy = content.policies.get(program.disclosure_policy)
    if policy and policy.record.model == "non-disclosure":
        yield problem_at(
            entry.source,
            at,
            "a non-disclosure program cannot take submissions as public issues",
            hint=hint,
        )
    if program.is_gated:
        at = ("submit", "channel") if program.submit else ("participation",)
        yield problem_at(
            entry.source,
            at,
            f"an {program.participation} program cannot take submissions as public issues",
            hint=hint,
        )
    if covers_dangerous_capabilities(program) and not channel.summary_only:
        at = ("submit", "channel") if program.submit else ("thresholds",)
        yield problem_at(
            entry.source,
            at,
            "the scope covers dangerous capabilities, so public issues may only collect a "
            "non-hazardous summary",
            hint="add submit.summary_only: true (the form then sends the details to the "
            "policy's private channel), or choose a private channel",
        )


def _choices(kind: str, known: dict[str, object]) -> str:
    if not known:
        return f"there are no {kind} yet"
    return f"known {kind}: {', '.join(sorted(known))}"
