"""`bounties reference`: regenerate the content reference from the models."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..content.reference import reference_markdown
from .common import subcommand
from .generated import write_or_check

DEFAULT_FILE = Path("docs/content-reference.md")


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "reference",
        "Write the content reference (every field, type, default and description) to "
        "docs/content-reference.md, generated from the models.",
        "bounties reference --check",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_FILE,
        metavar="FILE",
        help="file to write (default: docs/content-reference.md)",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the file on disk is stale"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    documents = {args.out.name: reference_markdown()}
    return write_or_check(args.out.parent, documents, args.check, "bounties reference")
