"""Private vulnerability reports (repository security advisories in state `triage`) for
programs whose channel is `private-reports`: each report is checked against its program and the
bot's triage is recorded privately.

Where the triage goes. Advisories have no comment API, and their own fields (description,
severity, CWEs, credits, collaborators) belong to the report and become public with it, so the
bot never changes an advisory. It writes the triage as one issue per report in a *triage
repository* that the maintainers name (`--triage-repository`): it must be private, and must not
be the site's repository nor any program's intake repository (invited hunters read those). The
issue is found again by a hidden marker and the bot's login, and updated, never repeated.
Without a triage repository nothing is written. Either way the log (public for a public
repository's workflow) gives only counts and GHSA ids: never a report's text, reporter or
program."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..content.channels import channel_of
from ..content.entries import Content, ProgramEntry
from ..content.publish import program_is_listed
from ..intake.submission import build_submission
from .repository import Advisory, RepositoryGateway

TRIAGE_LABEL = "private-report"
_MARKER = "<!-- bounties-bot:advisory {} -->"
_MARKED = re.compile(r"\A<!-- bounties-bot:advisory (GHSA(?:-[0-9a-z]{4}){3}) -->")
_GHSA = re.compile(r"GHSA(?:-[0-9a-z]{4}){3}")
_SLUG = re.compile(r"\s*\[([a-z0-9-]+)\]")


class UnsafeTriageRepository(Exception):
    """The named triage repository could be read by people who must not see reports."""


@dataclass
class ReportsResult:
    repository: str
    ghsa_ids: list[str] = field(default_factory=list)
    recorded: int = 0
    updated: int = 0


def report_repositories(content: Content) -> dict[str, list[ProgramEntry]]:
    """Repository -> the listed programs taking private reports there."""
    found: dict[str, list[ProgramEntry]] = {}
    for entry in content.programs.values():
        channel = channel_of(entry, content)
        if channel.kind == "private-reports" and channel.repository and program_is_listed(entry):
            found.setdefault(channel.repository, []).append(entry)
    return found


def check_triage_repository(notes: RepositoryGateway, content: Content) -> None:
    """Fail closed: refuse a triage repository that is public or that hunters can read."""
    readable = {content.settings.repository} if content.settings else set()
    readable |= {channel_of(e, content).repository for e in content.programs.values()}
    if notes.full_name.casefold() in {r.casefold() for r in readable if r}:
        raise UnsafeTriageRepository(
            f"refusing to record private-report triage in {notes.full_name}: it is the site's "
            "or a program's repository, which hunters can read; name a private repository "
            "only maintainers can read"
        )
    if not notes.is_private():
        raise UnsafeTriageRepository(
            f"refusing to record private-report triage in {notes.full_name}: it is public"
        )


def triage_reports(
    gateway: RepositoryGateway,
    programs: list[ProgramEntry],
    content: Content,
    notes: RepositoryGateway | None,
) -> ReportsResult:
    """Check every report in triage on the repository; record each triage in `notes`."""
    reports = [a for a in gateway.advisories_in_triage() if _GHSA.fullmatch(a.ghsa_id)]
    result = ReportsResult(gateway.full_name, sorted(a.ghsa_id for a in reports))
    if notes is None or not reports:
        return result
    existing = _recorded_notes(notes)
    for advisory in reports:
        body = triage_note(advisory, program_for(advisory, programs), programs, content)
        number, old_body = existing.get(advisory.ghsa_id, (None, None))
        if number is None:
            notes.file_issue(f"Private report {advisory.ghsa_id}", body, [TRIAGE_LABEL])
            result.recorded += 1
        elif old_body != body:
            notes.rewrite_issue_body(number, body)
            result.updated += 1
    return result


def _recorded_notes(notes: RepositoryGateway) -> dict[str, tuple[int, str]]:
    """GHSA id -> (issue number, body) of the triage notes the bot has written."""
    found = {}
    for issue in notes.list_issues("all"):
        match = _MARKED.match(issue.body)
        if match and issue.author == notes.bot_login and match.group(1) not in found:
            found[match.group(1)] = (issue.number, issue.body)
    return found


def program_for(advisory: Advisory, programs: list[ProgramEntry]) -> ProgramEntry | None:
    """The program a report names with a `[slug]` summary prefix, else the repository's only
    private-reports program; None when it cannot be told."""
    named = _SLUG.match(advisory.summary)
    if named:
        chosen = next((p for p in programs if p.slug == named.group(1)), None)
        if chosen is not None:
            return chosen
    return programs[0] if len(programs) == 1 else None


def triage_note(
    advisory: Advisory,
    program: ProgramEntry | None,
    programs: list[ProgramEntry],
    content: Content,
) -> str:
    """The private triage of one report: which program, what fails against it on the day it
    was reported, and when the responses are due. It quotes nothing from the report."""
    reported = date.fromisoformat(advisory.created_at[:10])
    lines = [
        _MARKER.format(advisory.ghsa_id),
        f"### Private report {advisory.ghsa_id}",
        "",
        f"Report: {advisory.html_url} (reported on {reported.isoformat()}).",
        "",
    ]
    if program is None:
        slugs = ", ".join(f"`[{p.slug}]`" for p in programs) or "none listed"
        lines.append(
            "**Unknown program**: the summary does not start with a program's slug and this "
            f"repository takes reports for several programs ({slugs})."
        )
        return "\n".join(lines) + "\n"
    lines.append(f"Program: **{program.program.name}** (`{program.slug}`).")
    problems = _problems(advisory, program, content, reported)
    lines += ["", *(f"- {p}" for p in problems)] if problems else ["", "- Checks passed."]
    targets = program.program.response_targets
    first = reported + timedelta(days=targets.first_response_days)
    triage = reported + timedelta(days=targets.triage_days)
    lines += ["", f"First response due on {first}; triage decision due on {triage}."]
    return "\n".join(lines) + "\n"


def _problems(
    advisory: Advisory, program: ProgramEntry, content: Content, reported: date
) -> list[str]:
    """What the intake's own checks say about the program (open, in its dates, the reporter
    invited) and the claimed severity (a reward tier exists), on the day of the report."""
    values = {"program": program.slug, "severity": advisory.severity or ""}
    intake = build_submission(
        values, title="-", content=content, author=advisory.reporter, as_of=reported
    )
    found = [p.message for p in intake.problems if p.field == "program"]
    if not advisory.severity:
        found.append("No severity claimed.")
    else:
        found += [p.message for p in intake.problems if p.field == "severity"]
    return found
