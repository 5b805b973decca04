"""Maintainers' slash commands. A command counts only when it opens the comment (first
non-blank line, at column 0): quoted (`> /accept`), indented or fenced code, and text in the
middle of a line are ignored, and so are comments edited after posting (a command must not
change meaning after the fact)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..content.types import parse_day
from .inert import inert
from .model import Comment

_LINE = re.compile(r"^/(?P<name>[a-z-]+)(?:[ \t]+(?P<rest>.*))?$")
_PAIR = re.compile(r"^(severity|reward|points)=(\S+)$")
_RATING = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9.-]{0,15}"
)  # a rating of some scale; its program checks which


@dataclass(frozen=True)
class Command:
    name: str
    comment: Comment
    args: dict[str, str] = field(default_factory=dict)
    text: str = ""
    error: str = ""

    @property
    def author(self) -> str:
        return self.comment.author


def command_in(comment: Comment) -> Command | None:
    """The command a comment carries, or None; malformed commands carry an `error`."""
    if comment.edited:
        return None
    first = comment.body.lstrip("\r\n").split("\n", 1)[0].rstrip()
    match = _LINE.match(first)
    if not match or match.group("name") not in _PARSERS:
        return None
    name, rest = match.group("name"), (match.group("rest") or "").strip()
    return _PARSERS[name](name, rest, comment)


def _accept(name: str, rest: str, comment: Comment) -> Command:
    args: dict[str, str] = {}
    for token in rest.split():
        pair = _PAIR.match(token)
        if not pair:
            return Command(
                name, comment, error=f"'{inert(token, 60)}' is not severity=, reward= or points="
            )
        args[pair.group(1)] = pair.group(2)
    if not _RATING.fullmatch(args.get("severity") or ""):
        return Command(
            name,
            comment,
            error="use /accept severity=<the program's rating, e.g. high or P2> [reward=N] "
            "[points=N]",
        )
    for key in ("reward", "points"):
        # ASCII digits only ("²".isdigit() is true) and a bound, so int() can never fail.
        if key in args and not re.fullmatch(r"[0-9]{1,9}", args[key]):
            return Command(name, comment, error=f"{key} must be a whole number below 1000000000")
    return Command(name, comment, args)


def _score(name: str, rest: str, comment: Comment) -> Command:
    scores: dict[str, str] = {}
    for token in rest.split():
        match = re.fullmatch(r"([a-z0-9][a-z0-9-]*)=([1-5])", token)
        if not match:
            return Command(name, comment, error=f"'{inert(token, 60)}' is not <criterion>=<1-5>")
        scores[match.group(1)] = match.group(2)
    if not scores:
        return Command(name, comment, error="use /score <criterion>=<1-5> ...")
    return Command(name, comment, scores)


def _vote(name: str, rest: str, comment: Comment) -> Command:
    word, _, reason = rest.partition(" ")
    if word not in ("accept", "reject"):
        return Command(name, comment, error="use /vote accept|reject <reason>")
    return Command(name, comment, {"vote": word}, text=reason.strip())


def _duplicate(name: str, rest: str, comment: Comment) -> Command:
    match = re.fullmatch(r"#(\d+)", rest)
    if not match:
        return Command(name, comment, error="use /duplicate #<issue number>")
    return Command(name, comment, {"of": match.group(1)})


def _disclose(name: str, rest: str, comment: Comment) -> Command:
    if not rest:
        return Command(name, comment)
    try:
        parse_day(rest)
    except ValueError:
        return Command(name, comment, error="use /disclose [YYYY-MM-DD]")
    return Command(name, comment, {"on": rest})


def _with_reason(name: str, rest: str, comment: Comment) -> Command:
    """/reject and /need-info: the rest of the line is the reason (or question)."""
    if not rest:
        return Command(name, comment, error=f"/{name} needs a reason or question after it")
    return Command(name, comment, text=rest)


# Every command the bot understands, with the function that reads its arguments.
_PARSERS: dict[str, Callable[[str, str, Comment], Command]] = {
    "accept": _accept,
    "reject": _with_reason,
    "duplicate": _duplicate,
    "need-info": _with_reason,
    "disclose": _disclose,
    "score": _score,
    "vote": _vote,
}
NAMES = tuple(_PARSERS)
