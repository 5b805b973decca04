"""`bounties forms`: generate the GitHub issue forms from the content."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..intake.forms import FORMS_DIR, form_documents
from .common import (
    EXIT_PROBLEMS,
    add_as_of,
    add_root,
    as_of_day,
    content_root,
    subcommand,
    valid_content,
)
from .generated import write_or_check


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "forms",
        "Generate .github/ISSUE_TEMPLATE/: one submission form per open public program "
        "(submit-<slug>.yml) and config.yml (blank issues off, private reporting links). "
        "With --check, write nothing and exit 1 when the committed forms are stale.",
        "bounties forms --check",
    )
    add_root(parser)
    add_as_of(parser)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the files on disk are stale"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = content_root(args.root)
    content = valid_content(root, as_of_day(args))
    folder = Path(root) / FORMS_DIR
    documents = form_documents(content)
    stale_extra = (
        sorted(
            p.name
            for p in [*folder.glob("submit-*.yml"), *folder.glob("apply-*.yml")]
            if p.name not in documents
        )
        if folder.is_dir()
        else []
    )
    if stale_extra and not args.check:
        for name in stale_extra:
            (folder / name).unlink()
    code = write_or_check(folder, documents, args.check, "bounties forms")
    if args.check and stale_extra:
        for name in stale_extra:
            print(f"{folder / name}: no longer generated; run `bounties forms`")
        return EXIT_PROBLEMS
    return code
