"""Problems positioned at a field of an already-loaded record."""

from __future__ import annotations

from collections.abc import Sequence

from .entries import Source
from .messages import dotted
from .problems import Level, Problem


def problem_at(
    source: Source,
    loc: Sequence[str | int],
    message: str,
    hint: str = "",
    level: Level = Level.ERROR,
) -> Problem:
    line, col, _ = source.doc.locate(loc)
    return Problem(source.path, line, col, message, field=dotted(loc), hint=hint, level=level)


def body_problem(source: Source, body_line: int, message: str, hint: str = "") -> Problem:
    """A problem on line `body_line` (1-based) of a Markdown body."""
    return Problem(source.path, source.body_line + body_line - 1, 1, message, hint=hint)
