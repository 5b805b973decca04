"""The typed record every importer produces, the problems importers report (positioned in the
input, not in the files they would write), and what they need to know about the program."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..content.entries import Content
from ..content.problems import Level, one_line
from ..content.publish import program_is_public


@dataclass(frozen=True)
class Target:
    """The program findings are imported into, as far as a mapping needs it."""

    slug: str
    currency: str
    hunters: frozenset[str]  # handles with a profile in programs/_hunters/
    may_publish: bool  # a finding of it may be published some day (public program and policy)


def target_of(content: Content, slug: str) -> Target | None:
    """The program's facts, or None when there is no such (valid) program."""
    entry = content.programs.get(slug)
    if entry is None:
        return None
    policy = content.policies.get(entry.program.disclosure_policy)
    return Target(
        slug=slug,
        currency=entry.program.rewards.currency,
        hunters=frozenset(content.hunters),
        may_publish=program_is_public(entry)
        and policy is not None
        and policy.record.model != "non-disclosure",
    )


@dataclass(frozen=True)
class ImportProblem:
    """Something wrong (or worth a look) in the input, at `position`: `line 3` of a CSV file,
    `data[0]` of a JSON one, or `file` for the whole input."""

    position: str
    message: str
    record: str = ""  # the finding id, when known
    field: str = ""
    hint: str = ""
    level: Level = Level.ERROR

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    def sort_key(self) -> tuple[bool, list[int]]:
        """Input order (line or index); problems in content files (`programs/...`) last."""
        return ("/" in self.position, [int(n) for n in re.findall(r"[0-9]+", self.position)])

    def as_text(self, source: str) -> str:
        """`source: position: level: id: field: message (hint: ...)`, always one line."""
        parts = [source, self.position, self.level.value, self.record, self.field, self.message]
        text = ": ".join(one_line(part) for part in parts if part)
        return text + (f" (hint: {one_line(self.hint)})" if self.hint else "")


@dataclass
class ImportedFinding:
    """One finding read from the input, before it is a file: its front matter in the order it
    is written (values still as the input gave them where they are wrong, so validation names
    the field) and its write-up."""

    id: str
    position: str
    front: dict[str, Any]
    body: str


@dataclass
class ImportResult:
    findings: list[ImportedFinding] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)

    def extend(self, other: ImportResult) -> None:
        self.findings += other.findings
        self.problems += other.problems
