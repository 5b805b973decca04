"""Starter text left in: TEMPLATE markers (`bounties init`, `bounties new`) in any content file,
and reserved placeholder addresses (RFC 2606 / RFC 6761: example.com, example.net, example.org
and the .example, .test and .invalid top-level domains) where a real address belongs.

Both are warnings: a fresh repository validates and builds at once, and `bounties validate
--strict` fails until every placeholder is replaced. A site of fictional examples sets
`demonstration: true` in programs/site.yml; its placeholder addresses are then intended (its
TEMPLATE markers are not)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .entries import Content, Source
from .locate import problem_at
from .problems import Level, Problem
from .read_files import read_text
from .scaffold import TEMPLATE_MARKER
from .yamlio import YamlProblem

PLACEHOLDER_DOMAINS = ("example.com", "example.net", "example.org")
PLACEHOLDER_TOP_LEVEL = ("example", "test", "invalid")
ADDRESS_HINT = "replace with a monitored address before publishing"
COMMENT_HINT = "remove the TEMPLATE comment once you have filled this in"
TEXT_HINT = "replace this starter text, TEMPLATE marker included"

_MARKER_BYTES = TEMPLATE_MARKER.encode()
_EMAIL = re.compile(r"(?:mailto:)?[^@\s<>\"'?]+@(?P<host>[^@\s<>\"'?]+)(?:\?.*)?", re.IGNORECASE)
_SHOWN = 70  # characters of a marker's line quoted in the message


def check_placeholders(content: Content) -> Iterator[Problem]:
    """A warning for every TEMPLATE marker and, unless the site is a demonstration, for every
    placeholder address."""
    records = list(record_sources(content))
    addresses: list[Problem] = []
    if not (content.settings and content.settings.demonstration):
        addresses = [p for source in records for p in placeholder_addresses(source)]
    # `email: security@example.org  # TEMPLATE: ...` is one placeholder, reported once.
    reported = {(p.file, p.line) for p in addresses}
    yield from addresses
    # Only files that held a marker when they were read are read again (for the marker's
    # line): thousands of findings are finished write-ups.
    findings = [f.source for f in content.findings if f.source.marked]
    for source in [r for r in records if r.marked] + findings:
        for problem in template_markers(Path(content.root), source):
            if (problem.file, problem.line) not in reported:
                yield problem


def record_sources(content: Content) -> Iterator[Source]:
    """Every content file that loaded, findings excepted: they hold no addresses to reach."""
    if content.settings_source:
        yield content.settings_source
    for kind in (content.policies, content.hunters, content.challenges):
        yield from (entry.source for entry in kind.values())
    for program in content.programs.values():
        yield program.source
        if program.rules:
            yield program.rules.source
        if program.invitations_source:
            yield program.invitations_source


def template_markers(root: Path, source: Source) -> Iterator[Problem]:
    """The file is read again: markers are mostly YAML comments, which loading drops. Bytes
    first, so the thousands of files without a marker are not decoded a second time."""
    path = root / source.path
    try:
        if _MARKER_BYTES not in path.read_bytes():
            return
        text = read_text(str(path))
    except (OSError, YamlProblem):
        return  # changed since it was loaded; the next run sees it
    front_matter_end = source.body_line if source.path.endswith(".md") else None
    for number, line in enumerate(text.split("\n"), start=1):
        for match in re.finditer(re.escape(TEMPLATE_MARKER), line):
            in_yaml = front_matter_end is None or number < front_matter_end
            yield _marker_problem(source.path, number, match.start(), line, in_yaml)


def _marker_problem(file: str, number: int, start: int, line: str, in_yaml: bool) -> Problem:
    shown = line[start + len(TEMPLATE_MARKER) :].strip().rstrip("\"'")
    if shown.count(")") > shown.count("("):  # "(TEMPLATE: edit or delete)": the note only
        shown = shown.rstrip(")")
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 1] + "…"
    comment = in_yaml and re.search(r"(^|\s)#", line[:start]) is not None
    return Problem(
        file,
        number,
        start + 1,
        f"still marked TEMPLATE: '{shown}'" if shown else "still marked TEMPLATE",
        hint=COMMENT_HINT if comment else TEXT_HINT,
        level=Level.WARNING,
    )


def placeholder_addresses(source: Source) -> Iterator[Problem]:
    """Values that are wholly an email or URL on a reserved domain. Addresses inside longer
    text are left alone: write-ups rightly use example.com to describe an attack."""
    for loc, value in _strings(source.doc.data, ()):
        host = address_host(value)
        if host and is_placeholder_host(host):
            yield problem_at(
                source,
                loc,
                f"'{value}' is a placeholder address ({host} is reserved for examples and "
                "reaches nobody)",
                hint=ADDRESS_HINT,
                level=Level.WARNING,
            )


def address_host(value: str) -> str | None:
    """The host of an http(s) URL, or the domain of an email or mailto: address."""
    text = value.strip()
    if "@" not in text and "://" not in text:
        return None
    if re.match(r"https?://", text, re.IGNORECASE):
        try:
            return urlsplit(text).hostname
        except ValueError:
            return None
    match = _EMAIL.fullmatch(text)
    return match["host"] if match else None


def is_placeholder_host(host: str) -> bool:
    """example.com/.net/.org and their subdomains, and the .example, .test and .invalid
    top-level domains (RFC 2606, RFC 6761)."""
    name = host.lower().rstrip(".")
    if name.rsplit(".", 1)[-1] in PLACEHOLDER_TOP_LEVEL:
        return True
    return any(name == domain or name.endswith("." + domain) for domain in PLACEHOLDER_DOMAINS)


def _strings(value: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))
