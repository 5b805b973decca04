"""Options, exit codes and helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .. import clock
from ..content.load import CONTENT_DIR

if TYPE_CHECKING:
    from ..content.entries import Content

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class UsageError(Exception):
    """A mistake in how the command was called (bad path, bad option): exit 2."""


class InvalidContent(Exception):
    """The content has errors, already printed to stderr: exit 1."""


def parse_day(text: str) -> date:
    try:
        return clock.parse_day(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def today_utc() -> date:
    """Today (UTC), or BOUNTIES_AS_OF; a malformed BOUNTIES_AS_OF is a usage error."""
    try:
        return clock.today()
    except clock.ClockError as error:
        raise UsageError(str(error)) from None


def as_of_day(args: argparse.Namespace) -> date:
    """The day taken as today: --as-of if given, else BOUNTIES_AS_OF, else today (UTC)."""
    return args.as_of or today_utc()


def add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="repository root holding programs/ (default: current directory)",
    )


def add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=parse_day,
        default=None,
        metavar="YYYY-MM-DD",
        help=(
            "the date taken as today for disclosure and review decisions "
            f"(default: ${clock.AS_OF_VARIABLE} if set, else today, UTC)"
        ),
    )


def content_root(root: Path) -> Path:
    """The root, checked to hold a programs/ folder; a usage error otherwise."""
    if not root.is_dir():
        raise UsageError(f"--root {root} is not a directory")
    if not (root / CONTENT_DIR).is_dir():
        raise UsageError(
            f"no {CONTENT_DIR}/ folder in {root.resolve()}; run from the repository "
            "root or pass --root DIR"
        )
    return root


def subcommand(
    commands: argparse._SubParsersAction, name: str, summary: str, example: str
) -> argparse.ArgumentParser:
    """A subparser whose --help says what it does and shows an example."""
    return commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"Example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def valid_content(root: Path, as_of: date) -> Content:
    """The validated content under root. Commands other than `validate` refuse to work on
    invalid content: its errors are printed to stderr and InvalidContent is raised."""
    from ..content.checks import validate
    from ..content.problems import count_errors, format_problems

    content, problems = validate(content_root(root), as_of)
    if count_errors(problems):
        print(
            "the content has errors; fix them first (see `bounties validate`):\n"
            + format_problems([p for p in problems if p.is_error], "text"),
            file=sys.stderr,
        )
        raise InvalidContent
    return content
