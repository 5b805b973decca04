"""Redaction markers are checked in every piece of contributed Markdown, not only write-ups:
rules, prize criteria, application and access notes, policies, hunter bios, challenge summaries
and the site description. A near miss or an unclosed section stops the build (fail closed);
the site cuts any section it finds in any of these fields."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .entries import Content, Source
from .locate import body_problem, problem_at
from .problems import Problem
from .redaction import redaction_issues

_HINT = "wrap hazardous text in '::: redacted' and ':::' lines"


def check_contributed_markdown(content: Content) -> Iterator[Problem]:
    records: list[tuple[BaseModel, Source]] = []
    if content.settings and content.settings_source:
        records.append((content.settings, content.settings_source))
    for entry in content.programs.values():
        records.append((entry.program, entry.source))
        if entry.rules:
            yield from _body(entry.rules.source)
    for kind in (content.policies, content.hunters, content.challenges):
        records += [(e.record, e.source) for e in kind.values()]
    for record, source in records:
        for loc, text in _texts(record.model_dump(), ()):
            for issue in redaction_issues(text):
                yield problem_at(
                    source, loc, f"line {issue.line} of this text: {issue.message}", _HINT
                )


def _body(source: Source) -> Iterator[Problem]:
    for issue in redaction_issues(source.body):
        yield body_problem(source, issue.line, issue.message, hint=_HINT)


def _texts(value: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string in a dumped record that holds `:::`, with its path."""
    if isinstance(value, str):
        if ":::" in value:
            yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))
