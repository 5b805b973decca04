"""Who reads what the bot writes, and the one guard on what it may say to them.

Everything the bot writes on an issue (comments with their hidden state, labels, issue state,
pull request titles, bodies and branches) is read by everyone who can read the repository: the
whole world in a public repository; in a private intake repository, the maintainers and every
invited hunter of every program filed there. Text that could carry something private (a finding,
a hunter, where a program takes reports, why a proposal failed) is built here, from the
audience, and nowhere else.

Fail closed: a repository is private only when the event says so plainly (`private: true`, and a
`visibility`, if given, of `private`); anything missing or unclear is public."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..content.channels import Channel
from ..content.entries import Content, FindingEntry, ProgramEntry
from ..content.publish import Publication
from .duplicates import Similar

# What every audience reads instead of a hunter's name when their profile does not show it: one
# wording for hidden, aliased and unknown hunters, so that it tells none of them apart.
UNNAMED_CREDIT = "credited as the hunter's public profile allows"


@dataclass(frozen=True)
class Audience:
    public: bool
    repository: str | None  # owner/name the bot writes to (None: unknown)
    content: Content
    publication: Publication

    @classmethod
    def of(
        cls, event: dict[str, Any], repository: str | None, content: Content, as_of: date
    ) -> Audience:
        return cls(not _private(event), repository, content, Publication(content, as_of))

    @property
    def name(self) -> str:
        return "public" if self.public else "private"

    def serves(self, program: ProgramEntry, channel: Channel) -> bool:
        """Whether submissions to `program` are triaged here: a public repository takes only
        public programs' public issues (wherever the program's form points: nothing of it is
        private), a private one only the issues of its own channel."""
        if self.public:
            return channel.is_public and not program.program.is_gated
        here = (self.repository or "").casefold()
        there = (channel.repository or "").casefold()
        return channel.kind == "private-issues" and bool(here) and here == there

    def finding_label(self, entry: FindingEntry) -> str | None:
        """How a finding may be named here: only a finding published today, by either audience
        (an intake repository is read by hunters of other programs too)."""
        if not self.publication.is_public(entry):
            return None
        return f"{entry.id} “{entry.finding.title}”"

    def nameable(self, similar: list[Similar]) -> list[Similar]:
        """The likely duplicates that may be named: issues of this repository (chosen for this
        audience when they were compared) and findings published today. A state written by an
        older version, or before a disclosure was withdrawn, may hold others."""
        published = {
            label
            for entry in self.content.findings
            if (label := self.finding_label(entry)) is not None
        }
        return [s for s in similar if s.label.startswith("#") or s.label in published]

    def credit(self, handle: str | None) -> str:
        """The credit line: the handle only for a hunter whose profile shows their name."""
        if not handle:
            return "anonymous"
        entry = self.content.hunters.get(handle)
        if entry is not None and entry.record.leaderboard.show == "name":
            return f"credited to @{handle}"
        return UNNAMED_CREDIT

    def proposal_refusal(self, problems: list[str], files: dict[str, str]) -> str:
        """Why a proposed finding was refused, naming only the proposed files: a problem
        elsewhere in the content could name what this audience may not read."""
        own = [p for p in problems if any(p.startswith(path + ":") for path in files)]
        if own:
            return own[0]
        return (
            "the content would not validate with it; maintainers, run `bounties validate` "
            "with the proposed files in place"
        )


def _private(event: dict[str, Any]) -> bool:
    repository = event.get("repository")
    if not isinstance(repository, dict) or repository.get("private") is not True:
        return False
    return repository.get("visibility", "private") == "private"
