"""Where each program's findings are filed, with the defaults resolved: the one answer that the
validator, the site's Submit button, the issue forms and the bot all use."""

from __future__ import annotations

from dataclasses import dataclass

from .entries import Content, ProgramEntry
from .program import Program, SubmitChannel

# The channel whose every byte anyone can read: issues (and the bot's answers) in a public
# repository. The others are private (visible to the reporter and the maintainers) or elsewhere.
PUBLIC_CHANNEL: SubmitChannel = "public-issues"
ISSUE_CHANNELS: frozenset[SubmitChannel] = frozenset({"public-issues", "private-issues"})
DANGEROUS_TAG = "dangerous-capability"


@dataclass(frozen=True)
class Channel:
    kind: SubmitChannel
    repository: str | None  # issues or reports land here (None: not configured)
    template: str | None
    url: str | None  # external only
    instructions: str | None
    summary_only: bool

    @property
    def takes_issues(self) -> bool:
        return self.kind in ISSUE_CHANNELS

    @property
    def is_public(self) -> bool:
        return self.kind == PUBLIC_CHANNEL


def channel_of(entry: ProgramEntry, content: Content) -> Channel:
    """The program's channel; without `submit:`, public issues in the site's repository."""
    site_repository = content.settings.repository if content.settings else None
    submit = entry.program.submit
    if submit is None:
        return Channel(PUBLIC_CHANNEL, site_repository, None, None, None, False)
    repository = submit.repository
    if repository is None and submit.channel in ("public-issues", "private-reports"):
        repository = site_repository
    return Channel(
        submit.channel,
        repository,
        submit.template,
        submit.url,
        submit.instructions,
        submit.summary_only,
    )


def covers_dangerous_capabilities(program: Program) -> bool:
    """Capability thresholds (evals-based) or a `dangerous-capability` tag: reports may carry
    uplift, so nothing but a non-hazardous summary may be filed in public."""
    return bool(program.thresholds) or DANGEROUS_TAG in program.tags


def same_repository(a: str | None, b: str | None) -> bool:
    """GitHub's owner/name is case-insensitive: Acme/Bounties is acme/bounties."""
    return a is not None and b is not None and a.casefold() == b.casefold()


def private_reports_url(repository: str) -> str:
    """GitHub's form for a private vulnerability report to `repository`."""
    return f"https://github.com/{repository}/security/advisories/new"
