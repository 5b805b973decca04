"""One scheduled run (`bounties bot --scheduled`, from a cron workflow): keep the private intake
repositories' read-only collaborators in step with invitations.yml, triage private reports
privately, remind maintainers of response targets on open submission issues, and propose the
accepted findings a public content repository had to wait for (see disclosure.py).

Idempotent: each step compares what GitHub shows with what the content wants on the as-of day
and changes only the difference, so a second run changes nothing. A GitHub failure on one
repository is reported and the other repositories still get their turn; the run then fails.
The log names repositories, counts and GHSA ids only (see advisories.py and collaborators.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..content.entries import Content
from . import advisories, collaborators, disclosure, reminders
from .gateway import GatewayError
from .repository import RepositoryGateway


@dataclass(frozen=True)
class Options:
    as_of: date
    max_invitations: int = collaborators.GITHUB_DAILY_INVITATIONS
    triage_repository: str | None = None  # private, maintainers only (see advisories.py)
    root: Path | None = None  # the content checkout (None: no findings are proposed)
    content_repository: str | None = None  # where findings are proposed (owner/name)


@dataclass
class ScheduledReport:
    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


GatewayFor = Callable[[str], RepositoryGateway]


def run_scheduled(gateway_for: GatewayFor, content: Content, options: Options) -> ScheduledReport:
    report = ScheduledReport()
    sync_collaborators(gateway_for, content, options, report)
    triage_private_reports(gateway_for, content, options, report)
    send_reminders(gateway_for, content, options, report)
    propose_disclosed(gateway_for, content, options, report)
    if not report.lines and not report.errors:
        report.lines.append("nothing to do: no intake repository, private reports or issues")
    return report


def sync_collaborators(
    gateway_for: GatewayFor, content: Content, options: Options, report: ScheduledReport
) -> None:
    triagers = content.settings.triagers if content.settings else []
    wanted_by_repository = collaborators.wanted_by_repository(content, options.as_of)
    for repository, wanted in sorted(wanted_by_repository.items()):
        try:
            gateway = gateway_for(repository)
            if not gateway.is_private():
                report.errors.append(
                    f"{repository} is public: a private-issues program needs a private intake "
                    "repository; its collaborators were left alone"
                )
                continue
            protected = {t.casefold() for t in triagers} | {gateway.bot_login.casefold()}
            plan = collaborators.plan_access(wanted, gateway, protected, options.max_invitations)
            result = collaborators.apply_access(plan, gateway)
        except GatewayError as error:
            report.errors.append(str(error))
            continue
        report.lines.append(collaborators.describe(repository, result, options.max_invitations))
        if result.unknown:
            report.errors.append(
                f"{repository}: {result.unknown} invited handle(s) have no GitHub account; "
                "correct them in invitations.yml"
            )


def triage_private_reports(
    gateway_for: GatewayFor, content: Content, options: Options, report: ScheduledReport
) -> None:
    repositories = advisories.report_repositories(content)
    if not repositories:
        return
    try:
        notes = _triage_repository(gateway_for, content, options)
    except (GatewayError, advisories.UnsafeTriageRepository) as error:
        report.errors.append(str(error))
        return
    for repository, programs in sorted(repositories.items()):
        try:
            result = advisories.triage_reports(gateway_for(repository), programs, content, notes)
        except GatewayError as error:
            report.errors.append(str(error))
            continue
        report.lines.append(_describe_reports(result, notes))


def _triage_repository(
    gateway_for: GatewayFor, content: Content, options: Options
) -> RepositoryGateway | None:
    if not options.triage_repository:
        return None
    notes = gateway_for(options.triage_repository)
    advisories.check_triage_repository(notes, content)
    return notes


def _describe_reports(result: advisories.ReportsResult, notes: RepositoryGateway | None) -> str:
    ids = result.ghsa_ids
    text = f"{result.repository}: {len(ids)} private report(s) in triage"
    if ids:
        text += f" ({', '.join(ids)})"
        if notes is None:
            text += "; not recorded: no triage repository (--triage-repository)"
        else:
            text += f"; triage in {notes.full_name}: {result.recorded} new"
            text += f", {result.updated} updated"
    return text


def send_reminders(
    gateway_for: GatewayFor, content: Content, options: Options, report: ScheduledReport
) -> None:
    for repository in reminders.issue_repositories(content):
        try:
            counts = reminders.remind(gateway_for(repository), content, options.as_of)
        except GatewayError as error:
            report.errors.append(str(error))
            continue
        report.lines.append(
            f"{repository}: reminders {counts.posted} posted, {counts.updated} updated"
        )


def propose_disclosed(
    gateway_for: GatewayFor, content: Content, options: Options, report: ScheduledReport
) -> None:
    """Only a public content repository keeps accepted findings back (see disclosure.py)."""
    if not disclosure.content_is_public(content):
        return
    if options.root is None or not options.content_repository:
        report.errors.append(
            "the content repository is public: findings awaiting their disclosure date need "
            "the content checkout and the content repository (--content-repository)"
        )
        return
    for repository in reminders.issue_repositories(content):
        try:
            proposals = gateway_for(options.content_repository)
            counts = disclosure.propose_due(
                gateway_for(repository), proposals, content, options.as_of, options.root
            )
        except GatewayError as error:
            report.errors.append(str(error))
            continue
        report.lines.append(
            f"{repository}: {counts.awaiting} finding(s) awaiting disclosure, "
            f"{counts.proposed} proposed"
        )
