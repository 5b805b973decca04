"""The loaded content: every validated record with the file it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .finding import Finding
from .program import Program
from .records import Challenge, Hunter, Invitations, Policy, RulesPage, Settings
from .yamlio import YamlDocument


@dataclass(frozen=True)
class Source:
    """Where a record came from: its display path, parsed YAML (for positions) and body."""

    path: str
    doc: YamlDocument
    body: str = ""
    body_line: int = 1  # 1-based line of the first body line in the file
    marked: bool = False  # the file held a TEMPLATE marker when it was read


@dataclass(frozen=True)
class RulesEntry:
    page: RulesPage
    source: Source


@dataclass(frozen=True)
class ProgramEntry:
    slug: str
    program: Program
    source: Source
    rules: RulesEntry | None = None
    invitations: Invitations | None = None
    invitations_source: Source | None = None


@dataclass(frozen=True)
class FindingEntry:
    program_slug: str
    finding: Finding
    source: Source

    @property
    def id(self) -> str:
        return self.finding.id


T = TypeVar("T")


@dataclass(frozen=True)
class Entry(Generic[T]):
    key: str
    record: T
    source: Source


@dataclass
class Content:
    """All content of a site. Records that failed validation are absent; the loader's
    problems say why."""

    root: str
    settings: Settings | None = None
    settings_source: Source | None = None
    programs: dict[str, ProgramEntry] = field(default_factory=dict)
    policies: dict[str, Entry[Policy]] = field(default_factory=dict)
    hunters: dict[str, Entry[Hunter]] = field(default_factory=dict)
    challenges: dict[str, Entry[Challenge]] = field(default_factory=dict)
    findings: list[FindingEntry] = field(default_factory=list)
    # (kind, key) of records that exist but failed to load, e.g. ("hunter", "bob"): references
    # to them are not reported again, so one mistake gives one error.
    invalid: set[tuple[str, str]] = field(default_factory=set)

    def findings_of(self, slug: str) -> list[FindingEntry]:
        """Every finding of one program, published or not (for thresholded aggregates only:
        what the public may see is decided by publish.py)."""
        return [f for f in self.findings if f.program_slug == slug]

    def exists(self, kind: str, key: str) -> bool:
        """Whether a record exists, loaded or not (for reference checks)."""
        known = {"program": self.programs, "policy": self.policies, "hunter": self.hunters}
        return key in known[kind] or (kind, key) in self.invalid

    def private_contact(self, program: Program) -> str | None:
        """Where a program's hazardous details go: its policy's private email, else its URL."""
        policy = self.policies.get(program.disclosure_policy)
        return policy.record.private_channel.address if policy else None
