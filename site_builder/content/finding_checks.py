"""Rules about findings that span files: ids, references, dates, rewards, invitations and the
publication decision (fail closed)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from datetime import date, timedelta

from .entries import Content, FindingEntry, ProgramEntry
from .finding import VALID_STATUSES, Finding
from .locate import body_problem, problem_at
from .problems import Level, Problem
from .publish import Publication, may_ever_publish
from .redaction import has_redactions, redaction_issues
from .rewards import cell_of, column_of, reward_ceiling
from .suggest import closest
from .terms_checks import finding_term_rules, prize_winner_rules

# (earlier, later): each later date must not come before the earlier one.
_DATE_ORDER = (
    ("submitted", "first_response"),
    ("submitted", "triaged"),
    ("first_response", "triaged"),
    ("submitted", "accepted"),
    ("triaged", "accepted"),
    ("accepted", "fixed"),
    ("accepted", "rewarded"),
    ("submitted", "disclose_on"),
)
_REQUIRED_DATE = {"accepted": "accepted", "fixed": "fixed", "triaged": "triaged"}


def check_findings(content: Content, as_of: date) -> Iterator[Problem]:
    by_id: dict[str, FindingEntry] = {}
    for entry in content.findings:
        first = by_id.setdefault(entry.id, entry)
        if first is not entry:
            yield problem_at(
                entry.source,
                ("id",),
                f"duplicate finding id '{entry.id}' (also in {first.source.path})",
                hint="ids must be unique site-wide",
            )
    for entry in content.findings:
        yield from _finding_rules(entry, content, by_id)
    yield from prize_winner_rules(content)
    yield from _publication_rules(content, as_of)


def _finding_rules(
    entry: FindingEntry, content: Content, by_id: dict[str, FindingEntry]
) -> Iterator[Problem]:
    finding, source = entry.finding, entry.source
    stem = posixpath.splitext(posixpath.basename(source.path))[0]
    if finding.id != stem:
        yield problem_at(
            source,
            ("id",),
            f"id '{finding.id}' differs from the file name '{stem}'",
            hint=f"rename the file to {finding.id}.md or change the id",
        )
    for index, handle in enumerate(finding.hunters):
        if not content.exists("hunter", handle):
            yield problem_at(
                source,
                ("hunters", index),
                f"no hunter '{handle}'",
                hint=f"add programs/_hunters/{handle}.yml",
            )
        if handle in finding.hunters[:index]:
            yield problem_at(source, ("hunters", index), f"hunter '{handle}' is listed twice")
    yield from _date_rules(entry)
    yield from _duplicate_rules(entry, by_id, content.invalid)
    program = content.programs.get(entry.program_slug)
    if program is None:
        return  # the program file has its own error; nothing here can be checked against it
    yield from _reward_rules(entry, program)
    yield from _timing_rules(entry, program, content)
    yield from _threshold_rules(entry, program)
    targets = {t.name for t in program.program.targets}
    for index, affected in enumerate(finding.affected):
        if affected.name not in targets:
            yield problem_at(
                source,
                ("affected", index, "name"),
                f"'{affected.name}' is not a target of program {entry.program_slug}",
                hint=f"targets: {', '.join(sorted(targets))}",
            )
    if program.program.is_gated:
        yield from _invitation_rules(entry, program)
    yield from finding_term_rules(entry, program)
    for issue in redaction_issues(source.body):
        yield body_problem(
            source,
            issue.line,
            issue.message,
            hint="wrap hazardous text in '::: redacted' and ':::' lines",
        )


def _date_rules(entry: FindingEntry) -> Iterator[Problem]:
    finding = entry.finding
    for earlier, later in _DATE_ORDER:
        first, second = getattr(finding, earlier), getattr(finding, later)
        if first and second and second < first:
            yield problem_at(
                entry.source, (later,), f"{later} {second} is before {earlier} {first}"
            )
    needed = _REQUIRED_DATE.get(finding.status)
    if needed and getattr(finding, needed) is None:
        yield problem_at(
            entry.source,
            ("status",),
            f"status {finding.status} needs the date '{needed}'",
            hint=f"add {needed}: YYYY-MM-DD",
        )


def _threshold_rules(entry: FindingEntry, program: ProgramEntry) -> Iterator[Problem]:
    """Evals-based programs: a valid finding names a threshold it really crosses."""
    claim, model = entry.finding.threshold, program.program.model
    if claim is None:
        if (
            model == "evals-based"
            and entry.finding.category == "dangerous-capability"
            and entry.finding.status in VALID_STATUSES
        ):
            yield problem_at(
                entry.source,
                ("status",),
                "a valid dangerous-capability finding "
                "of an evals-based program must name the threshold it crosses",
                hint="add threshold: {id: ..., measured: ..., evidence: ...}",
            )
        return
    if model != "evals-based":
        yield problem_at(
            entry.source,
            ("threshold",),
            f"thresholds belong to evals-based programs; {entry.program_slug} is {model}",
        )
        return
    thresholds = {t.id: t for t in program.program.thresholds}
    threshold = thresholds.get(claim.id)
    if threshold is None:
        yield problem_at(
            entry.source,
            ("threshold", "id"),
            f"no threshold '{claim.id}' in program {entry.program_slug}",
            hint=f"thresholds: {', '.join(thresholds) or 'none'}",
        )
    elif not threshold.crossed_by(claim.measured):
        word = "above" if threshold.direction == "above" else "below"
        yield problem_at(
            entry.source,
            ("threshold", "measured"),
            f"measured {claim.measured} "
            f"does not cross threshold '{claim.id}' (must be {word} "
            f"{threshold.value} {threshold.metric})",
        )


def _timing_rules(
    entry: FindingEntry, program: ProgramEntry, content: Content
) -> Iterator[Problem]:
    """Warnings for dates that are legal but unusual enough to be mistakes."""
    finding = entry.finding
    if finding.submitted < program.program.duration.start:
        yield problem_at(
            entry.source,
            ("submitted",),
            f"submitted {finding.submitted} is before "
            f"the program started ({program.program.duration.start})",
            level=Level.WARNING,
        )
    policy = content.policies.get(program.program.disclosure_policy)
    if policy and finding.accepted and finding.disclose_on and finding.status != "duplicate":
        embargo_end = finding.accepted + timedelta(days=policy.record.embargo_days)
        if finding.disclose_on < embargo_end:
            yield problem_at(
                entry.source,
                ("disclose_on",),
                f"disclose_on {finding.disclose_on} "
                f"is before the end of the policy's {policy.record.embargo_days}-day "
                f"embargo ({embargo_end})",
                hint="fine for an agreed early release; say why in the write-up",
                level=Level.WARNING,
            )


def _duplicate_rules(
    entry: FindingEntry, by_id: dict[str, FindingEntry], content_invalid: set[tuple[str, str]]
) -> Iterator[Problem]:
    finding = entry.finding
    if finding.status == "duplicate" and not finding.duplicate_of:
        yield problem_at(
            entry.source,
            ("status",),
            "a duplicate must name its original",
            hint="add duplicate_of: <id of the original finding>",
        )
    if not finding.duplicate_of:
        return
    if finding.status != "duplicate":
        yield problem_at(
            entry.source,
            ("duplicate_of",),
            f"duplicate_of is set but status is {finding.status}",
            hint="set status: duplicate or remove duplicate_of",
        )
    if finding.duplicate_of == finding.id:
        yield problem_at(entry.source, ("duplicate_of",), "a finding cannot duplicate itself")
        return
    original = by_id.get(finding.duplicate_of)
    if original is None:
        if ("finding", finding.duplicate_of) not in content_invalid:
            yield problem_at(
                entry.source, ("duplicate_of",), f"no finding '{finding.duplicate_of}'"
            )
    elif original.program_slug != entry.program_slug:
        yield problem_at(
            entry.source,
            ("duplicate_of",),
            f"'{finding.duplicate_of}' belongs to "
            f"program {original.program_slug}, not {entry.program_slug}",
        )


def _reward_rules(entry: FindingEntry, program: ProgramEntry) -> Iterator[Problem]:
    finding, rewards = entry.finding, program.program.rewards
    scale = rewards.scale_ratings()
    if finding.severity not in scale:
        yield problem_at(
            entry.source,
            ("severity",),
            f"'{finding.severity}' is not a rating of this program's {rewards.scale} scale",
            hint=_rating_hint(finding.severity, scale),
        )
        return
    cell = cell_of(program.program, finding)
    ceiling = reward_ceiling(program.program, finding, cell)
    if ceiling is None:
        # A rating the table never rewards is always wrong; a missing column (no affected
        # target yet) matters once the finding is valid or rewarded.
        unrewarded = bool(rewards.table) and not rewards.cells(finding.severity)
        if unrewarded or finding.reward or finding.status in VALID_STATUSES:
            yield _no_row(entry, program)
        return
    if not finding.reward:
        return
    if finding.status not in ("accepted", "fixed", "wont-fix", "duplicate"):
        yield problem_at(
            entry.source,
            ("reward",),
            f"a {finding.status} finding earns no reward",
            hint="set reward: 0 or change the status",
        )
    low = cell.min if cell and finding.status != "duplicate" else 0  # duplicates get a share
    if not low <= finding.reward <= ceiling:
        yield problem_at(
            entry.source,
            ("reward",),
            f"reward {finding.reward} is outside what the terms allow for "
            f"{_row_name(program, finding)} ({low} to {ceiling} {rewards.currency}, "
            "bonuses and prize included)",
        )
    elif (
        rewards.max_per_prize is not None
        and finding.reward > rewards.max_per_prize
        and finding.prize is None
    ):
        yield problem_at(
            entry.source,
            ("reward",),
            f"reward {finding.reward} is above max_per_prize {rewards.max_per_prize}",
        )


def _invitation_rules(entry: FindingEntry, program: ProgramEntry) -> Iterator[Problem]:
    """Gated programs: the credited hunters were invited (approved) when they submitted. An
    application program's approvals may be kept elsewhere (no invitations.yml): not checked."""
    if program.program.participation == "application" and program.invitations is None:
        return
    invitations = program.invitations.invited if program.invitations else []
    kind = program.program.participation
    when = entry.finding.submitted
    for index, handle in enumerate(entry.finding.hunters):
        ok = any(i.hunter == handle and i.active(when) for i in invitations)
        if not ok:
            yield problem_at(
                entry.source,
                ("hunters", index),
                f"hunter '{handle}' was not "
                f"invited to {kind} program {entry.program_slug} on {when}",
                hint="add them to invitations.yml with dates covering the submission",
            )
    if not entry.finding.hunters:
        yield problem_at(
            entry.source,
            ("hunters",),
            f"findings of an {kind} program must name their invited hunters",
        )


# The one refusal a finding outgrows on its date (the bot waits for it: bot/proposal.py).
NOT_YET_DISCLOSABLE_IN_PUBLIC = (
    "this content repository is public (programs/site.yml: content_repository.public) but "
    "this finding is not yet disclosable: anyone can read it in the repository, its forks "
    "and clones"
)


def _publication_rules(content: Content, as_of: date) -> Iterator[Problem]:
    """Fail closed: a `disclose_on` that can never take effect is a contradiction to resolve, and
    in a public repository nothing may be stored before it is disclosable."""
    publication = Publication(content, as_of)
    public_repo = bool(content.settings and content.settings.content_repository.public)
    for entry in content.findings:
        finding = entry.finding
        if not _decidable(entry, content):
            continue  # the program or policy has its own error; deciding now would only echo it
        if finding.disclose_on is not None and not may_ever_publish(entry, content):
            yield problem_at(
                entry.source,
                ("disclose_on",),
                _never_reason(entry, content),
                hint="remove disclose_on, or fix what blocks publication",
            )
        if public_repo and not publication.is_public(entry):
            yield problem_at(
                entry.source,
                ("disclose_on",),
                NOT_YET_DISCLOSABLE_IN_PUBLIC,
                hint="keep it in a private repository until it may be published",
            )
        elif public_repo and has_redactions(entry.source.body):
            yield Problem(
                entry.source.path,
                entry.source.body_line,
                1,
                "redacted text is stored "
                "in a public repository; it is left off the site but readable in git",
                hint="keep only a summary inside '::: redacted'",
                level=Level.WARNING,
            )


def _decidable(entry: FindingEntry, content: Content) -> bool:
    program = content.programs.get(entry.program_slug)
    if program is None:
        return False
    return program.program.disclosure_policy in content.policies


def _never_reason(entry: FindingEntry, content: Content) -> str:
    program = content.programs[entry.program_slug]
    if program.program.status == "draft":
        return "disclose_on is set but the program is a draft, so nothing of it is published"
    if program.program.is_hidden:
        return "disclose_on is set but findings of invite-only programs are never published"
    policy = content.policies.get(program.program.disclosure_policy)
    if policy is None:
        return "disclose_on is set but the program's disclosure policy is unknown"
    if policy.record.model == "non-disclosure":
        return "disclose_on is set but the program's policy is non-disclosure"
    return (
        f"disclose_on is set but status {entry.finding.status} is never published "
        "(publishable: accepted, fixed, wont-fix, duplicate)"
    )


def _rating_hint(value: str, scale: tuple[str, ...]) -> str:
    hint = f"use one of: {', '.join(reversed(scale))}"
    guess = closest(value, scale)
    return f"{hint}; did you mean '{guess}'?" if guess else hint


def _row_name(program: ProgramEntry, finding: Finding) -> str:
    column = column_of(program.program, finding)
    if program.program.rewards.columns == "none":
        return finding.severity
    return f"{finding.severity} x {column or f'(no {program.program.rewards.columns})'}"


def _row_names(program: ProgramEntry) -> list[str]:
    return [
        cell.rating + (f" x {cell.column}" if cell.column else "")
        for cell in program.program.rewards.table
    ] or ["none (prizes only)"]


def _no_row(entry: FindingEntry, program: ProgramEntry) -> Problem:
    """A rewarded or valid finding the reward table has no row for."""
    finding, rewards = entry.finding, program.program.rewards
    hint = f"rows: {', '.join(_row_names(program))}"
    if rewards.columns == "target-tier" and not finding.affected:
        hint = "name the affected target (affected:): its tier picks the row; " + hint
    return problem_at(
        entry.source,
        ("severity",),
        f"the reward table has no row for {_row_name(program, finding)}",
        hint=hint,
    )
