"""One Problem type for every content error or warning, and its text/github/json formats."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"  # advice that never fails a run, not even with --strict


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem in one content file, positioned so an organizer can fix it without our code.

    `line` and `col` are 1-based; 0 means "the whole file". `field` is the dotted path of the
    offending key inside the file (empty when the problem is not about one field).
    """

    file: str
    line: int
    col: int
    message: str
    field: str = ""
    hint: str = ""
    level: Level = Level.ERROR

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.col, self.message)

    def as_text(self) -> str:
        """One line whatever the content held: a crafted key or value cannot start a line of
        its own (in CI logs, a line starting with `::` is a workflow command)."""
        where = f"{one_line(self.file)}:{max(self.line, 1)}:{max(self.col, 1)}"
        field = f"{one_line(self.field)}: " if self.field else ""
        hint = f" (hint: {one_line(self.hint)})" if self.hint else ""
        return f"{where}: {self.level.value}: {field}{one_line(self.message)}{hint}"

    def as_github(self) -> str:
        """A GitHub Actions workflow command, shown inline on the pull request's diff."""
        text = f"{self.field}: {self.message}" if self.field else self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        props = (
            f"file={_escape_property(self.file)},line={max(self.line, 1)},col={max(self.col, 1)}"
        )
        return f"::{self.level.value} {props}::{one_line(_escape_data(text))}"

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["level"] = self.level.value
        return data


def count_errors(problems: Iterable[Problem]) -> int:
    return sum(1 for p in problems if p.is_error)


def format_problems(problems: Iterable[Problem], fmt: str) -> str:
    """Render problems as `text` (path:line:col: level: msg), `github` commands or `json`."""
    ordered = sorted(problems, key=Problem.sort_key)
    if fmt == "json":
        return json.dumps([p.as_dict() for p in ordered], indent=2)
    if fmt == "github":
        return "\n".join(p.as_github() for p in ordered)
    return "\n".join(p.as_text() for p in ordered)


def one_line(text: str) -> str:
    """Text with every line break and control character written as a visible escape."""
    return CONTROL_CHARACTERS.sub(_visible_escape, text)


def _visible_escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED_ESCAPES.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )


# C0 and C1 controls (line feeds, carriage returns, terminal escape sequences) and the Unicode
# line and paragraph separators.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return one_line(_escape_data(text)).replace(":", "%3A").replace(",", "%2C")
