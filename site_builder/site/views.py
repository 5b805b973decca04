"""Derived, public-only views of the content that pages are made from. Everything here starts
from `Publication`: nothing private is ever put in a view."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..content.entries import Content, Entry, FindingEntry, ProgramEntry
from ..content.page_names import hunter_page_key
from ..content.program import Program
from ..content.publish import Publication, program_is_listed, program_is_public
from ..content.records import Hunter, Policy
from ..scoring.public import all_boards, stats


@dataclass(frozen=True)
class Credit:
    """How a hunter is shown publicly, as their profile asks."""

    label: str
    page: str | None  # the profile's address key (never the handle of an alias); None: no page


@dataclass
class PublicSite:
    content: Content
    as_of: date
    programs: list[ProgramEntry] = field(default_factory=list)  # listed (incl. stubs), by name
    findings: list[FindingEntry] = field(default_factory=list)  # published, newest first
    findings_by_program: dict[str, list[FindingEntry]] = field(default_factory=dict)
    findings_by_hunter: dict[str, list[FindingEntry]] = field(default_factory=dict)
    hunters: list[Entry[Hunter]] = field(default_factory=list)  # with a public profile
    policies: list[Entry[Policy]] = field(default_factory=list)  # used by a public program
    _boards: dict[str, Any] | None = field(default=None, repr=False)
    _stats: dict[str, Any] | None = field(default=None, repr=False)

    def boards(self) -> dict[str, Any]:
        """All leaderboards (computed once per build, for the pages and the JSON alike)."""
        if self._boards is None:
            self._boards = all_boards(self.content, self.as_of, self.findings)
        return self._boards

    def stats(self) -> dict[str, Any]:
        if self._stats is None:
            self._stats = stats(self.content, self.as_of, self.findings)
        return self._stats

    def credit(self, handle: str) -> Credit:
        entry = self.content.hunters.get(handle)
        if entry is None or entry.record.leaderboard.show == "hidden":
            return Credit("an anonymous hunter", None)
        board = entry.record.leaderboard
        if board.show == "alias":
            # Validation requires an alias here; without one, nothing that names them is shown.
            label = board.alias or "an anonymous hunter"
            return Credit(label, hunter_page_key(entry.record) if board.alias else None)
        return Credit(entry.record.name, hunter_page_key(entry.record))

    def is_public_program(self, slug: str) -> bool:
        entry = self.content.programs.get(slug)
        return entry is not None and program_is_public(entry)

    def review_overdue(self, entry: ProgramEntry) -> date | None:
        due = entry.program.risk_review.due
        return due if due < self.as_of and entry.program.status in ("open", "paused") else None


def reward_bounds(program: Program) -> tuple[int, int]:
    """The lowest and highest reward a program's table rows and prizes offer."""
    rewards = program.rewards
    amounts = [(c.min, c.max) for c in rewards.table]
    amounts += [(p.amount, p.amount) for p in rewards.prizes]
    amounts += [(p.amount, p.amount) for c in program.campaigns for p in c.prizes]
    return min((a for a, _ in amounts), default=0), max((b for _, b in amounts), default=0)


def build_views(content: Content, as_of: date) -> PublicSite:
    """Public views of `content` on `as_of`, linear in the number of findings."""
    site = PublicSite(content, as_of)
    publication = Publication(content, as_of)
    site.programs = sorted(
        (p for p in content.programs.values() if program_is_listed(p)),
        key=lambda p: p.program.name.lower(),
    )
    site.findings = sorted(
        publication.public_findings(),
        key=lambda f: (f.finding.disclose_on, f.id),
        reverse=True,
    )
    by_program: dict[str, list[FindingEntry]] = defaultdict(list)
    by_hunter: dict[str, list[FindingEntry]] = defaultdict(list)
    for entry in site.findings:
        by_program[entry.program_slug].append(entry)
        for handle in entry.finding.hunters:
            by_hunter[handle].append(entry)
    site.findings_by_program = dict(by_program)
    site.findings_by_hunter = dict(by_hunter)
    site.hunters = sorted(
        (h for h in content.hunters.values() if h.record.leaderboard.show != "hidden"),
        key=lambda h: site.credit(h.key).label.lower(),
    )
    used = {p.program.disclosure_policy for p in site.programs if program_is_public(p)}
    site.policies = [content.policies[k] for k in sorted(used) if k in content.policies]
    return site
