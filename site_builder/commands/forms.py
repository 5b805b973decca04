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
        "Generate .github/ISSUE_TEMPLATE/: one submission form per open program that takes "
        "issues in this repository (submit-<slug>.yml), application forms, and config.yml "
        "(blank issues off, links to private and external channels). With --repository, the "
        "forms of another repository (a private intake repository). With --check, write "
        "nothing and exit 1 when the files are stale.",
        "bounties forms --repository acme/intake --out ../intake/.github/ISSUE_TEMPLATE",
    )
    add_root(parser)
    add_as_of(parser)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the files on disk are stale"
    )
    parser.add_argument(
        "--repository",
        metavar="OWNER/NAME",
        help="the forms of another repository, e.g. a private intake repository (default: "
        "repository in programs/site.yml)",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="where to write them (default: ROOT/.github/ISSUE_TEMPLATE; with --repository, "
        "point it at that repository's .github/ISSUE_TEMPLATE)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = content_root(args.root)
    content = valid_content(root, as_of_day(args))
    folder = Path(args.out) if args.out else Path(root) / FORMS_DIR
    documents = (
        form_documents(content, args.repository) if args.repository else form_documents(content)
    )
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
