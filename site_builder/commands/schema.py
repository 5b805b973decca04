"""`bounties schema`: write a JSON Schema per content type, for YAML editors and tools."""

from __future__ import annotations

import argparse
from pathlib import Path

from submissions_schema import Submission

from ..content.schemas import schema_document, schema_documents
from .common import subcommand
from .generated import write_or_check

DEFAULT_DIR = Path("schemas")


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "schema",
        "Write a JSON Schema for each content type (program, finding, policy, hunter, challenge, "
        "invitations, rules, settings) into schemas/, for editors: put "
        "'# yaml-language-server: $schema=../../schemas/program.schema.json' atop a file.",
        "bounties schema --check",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_DIR,
        metavar="DIR",
        help="folder to write into (default: schemas/)",
    )
    parser.add_argument(
        "--submission-out",
        type=Path,
        default=Path("submissions_schema"),
        metavar="DIR",
        help="folder for submission.schema.json (default: submissions_schema/)",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the files on disk are stale"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    content = write_or_check(args.out, schema_documents(), args.check, "bounties schema")
    submission = write_or_check(
        args.submission_out, submission_schema_documents(), args.check, "bounties schema"
    )
    return max(content, submission)


def submission_schema_documents() -> dict[str, str]:
    """The submission model's schema. Generated here, not in the content package: the model
    (in submissions_schema/) is built on the content package, which must not import it back."""
    return {"submission.schema.json": schema_document(Submission)}
