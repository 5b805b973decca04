"""Names that become page addresses (program slugs, finding ids, hunter handles, policy ids)
must not take the address of a generated page: a finding called `index` would silently replace
the findings index. `README` is on the list because MkDocs maps README.md to a folder's index,
and names are compared without case because the site may be served from a case-insensitive file
system, where `Index` and `index` are one file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .entries import Content
from .problems import Problem

RESERVED_NAMES = ("index", "page", "README")
_RESERVED = frozenset(name.casefold() for name in RESERVED_NAMES)


def check_page_names(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    for kind, named in _named_sources(content):
        problems.extend(_check(kind, named))
    return problems


def _named_sources(content: Content) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    yield "program slug", [(slug, e.source.path) for slug, e in content.programs.items()]
    yield "finding id", [(f.id, f.source.path) for f in content.findings]
    yield "hunter handle", [(key, e.source.path) for key, e in content.hunters.items()]
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
        if other[0] != name:
            yield Problem(
                file,
                0,
                0,
                f"the {kind} '{name}' differs from '{other[0]}' ({other[1]}) only in case",
                hint="both would have one address on case-insensitive file systems; rename one",
            )
