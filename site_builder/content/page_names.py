"""Names that become page addresses (program slugs, finding ids, hunter handles, policy ids)
must not take the address of a generated page: a finding called `index` would silently replace
the findings index. `README` is on the list because MkDocs maps README.md to a folder's index,
and names are compared without case because the site may be served from a case-insensitive file
system, where `Index` and `index` are one file."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .entries import Content
from .problems import Problem
from .records import Hunter

RESERVED_NAMES = ("index", "page", "README")
_RESERVED = frozenset(name.casefold() for name in RESERVED_NAMES)


def hunter_page_key(hunter: Hunter) -> str | None:
    """The address of a hunter's public profile: the handle when they are shown by name, a slug
    of the alias when they chose one (the handle must not appear anywhere), none when hidden."""
    board = hunter.leaderboard
    if board.show == "hidden":
        return None
    if board.show == "alias":
        return "alias-" + (_NOT_SLUG.sub("-", (board.alias or "").lower()).strip("-") or "x")
    return hunter.handle


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def check_page_names(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    for kind, named in _named_sources(content):
        problems.extend(_check(kind, named))
    return problems


def _named_sources(content: Content) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    yield "program slug", [(slug, e.source.path) for slug, e in content.programs.items()]
    yield "finding id", [(f.id, f.source.path) for f in content.findings]
    yield "hunter handle", [(key, e.source.path) for key, e in content.hunters.items()]
    profiles = [(hunter_page_key(e.record), e.source.path) for e in content.hunters.values()]
    yield "hunter profile address", [(key, path) for key, path in profiles if key]
    yield "policy id", [(key, e.source.path) for key, e in content.policies.items()]


def _check(kind: str, named: Iterable[tuple[str, str]]) -> Iterator[Problem]:
    first_by_folded: dict[str, tuple[str, str]] = {}
    for name, file in sorted(named, key=lambda item: item[1]):
        folded = name.casefold()
        if folded in _RESERVED:
            yield Problem(
                file,
                0,
                0,
                f"the {kind} '{name}' is the address of a generated page",
                hint="rename the file; reserved names (in any case): " + ", ".join(RESERVED_NAMES),
            )
            continue
        other = first_by_folded.setdefault(folded, (name, file))
        # The same finding id twice is reported by the finding rules ("unique site-wide").
        if other[1] != file and not (kind == "finding id" and other[0] == name):
            yield Problem(
                file,
                0,
                0,
                f"the {kind} '{name}' is the same as '{other[0]}' ({other[1]}), in any case",
                hint="both would have one address (on case-insensitive file systems at least); "
                "rename one",
            )
