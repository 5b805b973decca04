"""Rules about programs, policies, hunters and settings that a single model cannot express."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from .entries import Content, ProgramEntry
from .locate import problem_at
from .problems import Level, Problem
from .types import SLUG_PATTERN

_SLUG = re.compile(SLUG_PATTERN)
_SLUG_HINT = "rename the folder: lowercase letters, digits and hyphens"


def check_programs(content: Content, as_of: date) -> Iterator[Problem]:
    for entry in content.programs.values():
        yield from _program_rules(entry, content, as_of)
    for policy in content.policies.values():
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
    for key, hunter in content.hunters.items():
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
    if content.settings and content.settings_source:
        contact = content.settings.contact
        if not (contact.email or contact.url):
            yield problem_at(
                content.settings_source, ("contact",), "the site contact needs an email or a url"
            )


def _program_rules(entry: ProgramEntry, content: Content, as_of: date) -> Iterator[Problem]:
    program, source = entry.program, entry.source

    def at(
        loc: tuple[str | int, ...], message: str, hint: str = "", level: Level = Level.ERROR
    ) -> Problem:
        return problem_at(source, loc, message, hint, level)

    if not _is_slug(entry.slug):
        yield Problem(
            source.path,
            1,
            1,
            f"program folder name '{entry.slug}' is not a valid slug",
            hint=_SLUG_HINT,
        )
    if program.status == "paused" and program.pause is None:
        yield at(
            ("status",),
            "a paused program needs a pause reason and date",
            hint="add pause: {reason: ..., since: YYYY-MM-DD}",
        )
    if program.status != "paused" and program.pause is not None:
        yield at(
            ("pause",),
            f"pause is set but status is {program.status}",
            hint="remove pause, or set status: paused",
        )
    if program.participation == "invite-only" and not program.apply:
        yield at(
            ("participation",),
            "an invite-only program must say how to apply",
            hint="add apply: with the criteria and how to ask for an invitation",
        )
    if program.duration.end and program.duration.end < program.duration.start:
        yield at(
            ("duration", "end"),
            f"end {program.duration.end} is before start {program.duration.start}",
        )
    if program.status == "open" and program.duration.end and program.duration.end < as_of:
        yield at(
            ("duration", "end"),
            f"the program ended on {program.duration.end} but its status is open",
            hint="set status: closed",
            level=Level.WARNING,
        )
    if program.access.level == "extended" and not program.access.extended:
        yield at(
            ("access", "extended"),
            "access level extended needs the kinds of access",
            hint="e.g. extended: [activations, fine-tuning]",
        )
    if program.access.level != "extended" and program.access.extended:
        yield at(
            ("access", "extended"),
            f"extended access listed but level is {program.access.level}",
            hint="set level: extended or remove the list",
        )
    contact = program.organizer.contact
    if not (contact.email or contact.url):
        yield at(("organizer", "contact"), "the monitored contact needs an email or a url")
    yield from _model_rules(program, at)
    yield from _reward_rules(entry)
    if not content.exists("policy", program.disclosure_policy):
        yield at(
            ("disclosure_policy",),
            f"no disclosure policy '{program.disclosure_policy}'",
            hint=_choices("policies", content.policies),
        )
    review = program.risk_review
    due = review.last_review + timedelta(days=review.interval_days)
    if due < as_of and program.status in ("open", "paused"):
        yield at(
            ("risk_review", "last_review"),
            f"risk review overdue since {due} "
            f"(last review {review.last_review}, every {review.interval_days} days)",
            hint="review the program's risks and update last_review, or pause it",
            level=Level.WARNING,
        )
    if entry.invitations is not None and program.participation != "invite-only":
        assert entry.invitations_source is not None
        yield Problem(
            entry.invitations_source.path,
            1,
            1,
            "invitations.yml has no effect on a public program",
            level=Level.WARNING,
        )
    if entry.invitations and entry.invitations_source:
        for index, invitation in enumerate(entry.invitations.invited):
            if not content.exists("hunter", invitation.hunter):
                yield problem_at(
                    entry.invitations_source,
                    ("invited", index, "hunter"),
                    f"no hunter '{invitation.hunter}'",
                    hint=f"add programs/_hunters/{invitation.hunter}.yml",
                )
            if invitation.until and invitation.until < invitation.since:
                yield problem_at(
                    entry.invitations_source,
                    ("invited", index, "until"),
                    f"until {invitation.until} is before since {invitation.since}",
                )
            for grant_index, grant in enumerate(invitation.access):
                if grant.until and grant.until < invitation.since:
                    yield problem_at(
                        entry.invitations_source,
                        ("invited", index, "access", grant_index, "until"),
                        f"access '{grant.kind}' ends on {grant.until}, before the invitation "
                        f"starts ({invitation.since})",
                    )
    if (
        program.status == "open"
        and program.participation == "public"
        and not (program.submit or (content.settings and content.settings.repository))
    ):
        yield at(
            ("status",),
            "an open program needs somewhere to submit",
            hint="add submit.repository, or repository in programs/site.yml",
            level=Level.WARNING,
        )


def _reward_rules(entry: ProgramEntry) -> Iterator[Problem]:
    rewards = entry.program.rewards
    for severity, tier in rewards.tiers.items():
        if tier.min > tier.max:
            yield problem_at(
                entry.source,
                ("rewards", "tiers", severity, "min"),
                f"min {tier.min} is above max {tier.max}",
            )
        if rewards.max_per_prize is not None and tier.max > rewards.max_per_prize:
            yield problem_at(
                entry.source,
                ("rewards", "tiers", severity, "max"),
                f"max {tier.max} is above max_per_prize {rewards.max_per_prize}",
            )
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


def _is_slug(name: str) -> bool:
    return _SLUG.fullmatch(name) is not None


def _choices(kind: str, known: dict[str, object]) -> str:
    if not known:
        return f"there are no {kind} yet"
    return f"known {kind}: {', '.join(sorted(known))}"


def _model_rules(program: Any, at: Any) -> Iterator[Problem]:
    """What each program model needs: thresholds for evals-based, a panel for panel-judged."""
    if program.model == "evals-based" and not program.thresholds:
        yield at(
            ("model",),
            "an evals-based program must declare its capability thresholds",
            hint="add thresholds: [{id, capability, evaluation, metric, value, direction, "
            "evidence}]",
        )
    if program.model != "evals-based" and program.thresholds:
        yield at(
            ("thresholds",),
            f"thresholds are only used by evals-based programs, not {program.model}",
            level=Level.WARNING,
        )
    seen: set[str] = set()
    for index, threshold in enumerate(program.thresholds):
        if threshold.id in seen:
            yield at(("thresholds", index, "id"), f"threshold id '{threshold.id}' is used twice")
        seen.add(threshold.id)
    if program.model == "panel-judged" and program.panel is None:
        yield at(
            ("model",),
            "a panel-judged program must name its panel",
            hint="add panel: {members: [...], criteria: [...], decision: {rule, quorum}}",
        )
    panel = program.panel
    if panel is None:
        return
    if program.model != "panel-judged":
        yield at(
            ("panel",),
            f"a panel is only used by panel-judged programs, not {program.model}",
            level=Level.WARNING,
        )
    rule = panel.decision
    if rule.quorum > len(panel.members):
        yield at(
            ("panel", "decision", "quorum"),
            f"quorum {rule.quorum} is larger than the panel ({len(panel.members)} members)",
        )
    if rule.rule == "mean-score" and rule.bar is None:
        yield at(
            ("panel", "decision", "bar"),
            "rule mean-score needs a bar (1 to 5)",
            hint="add bar: 3.5",
        )
    if rule.bar is not None and not 1 <= rule.bar <= 5:
        yield at(("panel", "decision", "bar"), f"bar {rule.bar} is outside 1 to 5")
