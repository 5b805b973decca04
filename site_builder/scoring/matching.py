"""Skill matching, explainable: a hunter's skills against what open public programs want, and
programs against each other. Scores are counts of shared tags, so the explanation is the list
of shared tags itself; ties are broken by name, so results are deterministic."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.entries import ProgramEntry
from ..content.publish import program_is_public

TOP = 3


@dataclass(frozen=True)
class Match:
    program: ProgramEntry
    shared: tuple[str, ...]


def program_tags(entry: ProgramEntry) -> set[str]:
    return set(entry.program.skills_wanted) | set(entry.program.tags)


def programs_for_hunter(skills: list[str], programs: list[ProgramEntry]) -> list[Match]:
    """Open public programs sharing the most skills with the hunter (at least one)."""
    wanted = set(skills)
    matches = [
        Match(p, tuple(sorted(wanted & program_tags(p))))
        for p in programs
        if program_is_public(p) and p.program.status == "open"
    ]
    matches = [m for m in matches if m.shared]
    matches.sort(key=lambda m: (-len(m.shared), m.program.program.name.lower()))
    return matches[:TOP]


def similar_programs(entry: ProgramEntry, programs: list[ProgramEntry]) -> list[Match]:
    """Other public programs by shared tags and wanted skills (Jaccard similarity)."""
    mine = program_tags(entry)
    scored = []
    for other in programs:
        if other.slug == entry.slug or not program_is_public(other):
            continue
        theirs = program_tags(other)
        shared = mine & theirs
        if shared:
            scored.append((len(shared) / len(mine | theirs), Match(other, tuple(sorted(shared)))))
    scored.sort(key=lambda pair: (-pair[0], pair[1].program.program.name.lower()))
    return [match for _, match in scored[:TOP]]
