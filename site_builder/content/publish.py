"""The single "may the public see this?" decision. Every public channel (pages, search, feeds,
JSON, sitemap, scores) asks this module, with one `as_of` date for the whole build.

Fail closed: anything missing or unclear (unknown program or policy, no `disclose_on`, a status
outside the publishable set, a duplicate of something private) is private."""

from __future__ import annotations

from datetime import date

from .entries import Content, FindingEntry, ProgramEntry
from .finding import PUBLISHABLE_STATUSES


def program_is_listed(entry: ProgramEntry) -> bool:
    """Listed at all (invite-only programs are listed as a stub only). Drafts never are."""
    return entry.program.status != "draft"


def program_is_public(entry: ProgramEntry) -> bool:
    """Published in full: listed and open to the public."""
    return program_is_listed(entry) and not entry.program.is_hidden


def may_ever_publish(entry: FindingEntry, content: Content) -> bool:
    """Whether the finding's program, policy and status allow publication on some date."""
    program = content.programs.get(entry.program_slug)
    if program is None or not program_is_public(program):
        return False
    policy = content.policies.get(program.program.disclosure_policy)
    if policy is None or policy.record.model == "non-disclosure":
        return False
    return entry.finding.status in PUBLISHABLE_STATUSES


class Publication:
    """Which findings are public on `as_of`; computed once per build, linear in findings."""

    def __init__(self, content: Content, as_of: date):
        self.content = content
        self.as_of = as_of
        self._by_key = {(f.program_slug, f.id): f for f in content.findings}
        self._memo: dict[tuple[str, str], bool] = {}

    def is_public(self, entry: FindingEntry) -> bool:
        return self._decide(entry, depth=0)

    def public_findings(self) -> list[FindingEntry]:
        return [f for f in self.content.findings if self.is_public(f)]

    def _decide(self, entry: FindingEntry, depth: int) -> bool:
        key = (entry.program_slug, entry.id)
        if key not in self._memo:
            self._memo[key] = self._compute(entry, depth)
        return self._memo[key]

    def _compute(self, entry: FindingEntry, depth: int) -> bool:
        finding = entry.finding
        if finding.disclose_on is None or finding.disclose_on > self.as_of:
            return False
        if not may_ever_publish(entry, self.content):
            return False
        if finding.status == "duplicate":
            # A duplicate is published only alongside its original (and never in a cycle).
            if finding.duplicate_of is None:
                return False
            original = self._by_key.get((entry.program_slug, finding.duplicate_of))
            return original is not None and depth < 8 and self._decide(original, depth + 1)
        return True
