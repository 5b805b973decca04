"""`bounties new program SLUG`: scaffold a valid draft program for an organizer to edit."""

from __future__ import annotations

import argparse
import re
import sys

from ..content.load import CONTENT_DIR, POLICIES_DIR
from ..content.scaffold import program_files
from ..content.types import SLUG_PATTERN
from .common import EXIT_OK, UsageError, add_root, content_root, subcommand, today_utc


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "new",
        "Create starter content. `new program SLUG` writes programs/SLUG/program.yml and "
        "rules.md: a draft that validates as is, for you to edit and then open.",
        "bounties new program acme-jailbreaks --name 'Acme jailbreak bounty' --model panel-judged",
    )
    parser.add_argument("kind", choices=("program",), help="what to create")
    parser.add_argument("slug", help="folder name: lowercase letters, digits and hyphens")
    parser.add_argument("--name", help="program name (default: from the slug)")
    parser.add_argument(
        "--model",
        default="panel-judged",
        choices=("evals-based", "panel-judged", "trusted-hunters"),
    )
    parser.add_argument("--organizer", default="Your organization", help="organizer name")
    parser.add_argument("--policy", help="disclosure policy id (default: the first one)")
    add_root(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    base = content_root(args.root) / CONTENT_DIR
    if not re.fullmatch(SLUG_PATTERN, args.slug):
        raise UsageError(
            f"'{args.slug}' is not a valid slug: use lowercase letters, digits and "
            "hyphens, starting with a letter or digit"
        )
    if (base / args.slug).exists():
        raise UsageError(f"{base / args.slug} already exists; choose another slug")
    policies = sorted(p.stem for p in (base / POLICIES_DIR).glob("*.yml"))
    policy = args.policy or (policies[0] if policies else None)
    if policy is None or policy not in policies:
        known = ", ".join(policies) or "none"
        raise UsageError(
            f"no disclosure policy '{policy}' in {base / POLICIES_DIR} "
            f"(known: {known}); add one first or pass --policy"
        )
    name = args.name or args.slug.replace("-", " ").capitalize()
    files = program_files(args.slug, name, args.model, args.organizer, policy, today_utc())
    for relative, text in files.items():
        path = base / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"created {path}", file=sys.stderr)
    print("next: edit the files, run `bounties validate`, then set status: open", file=sys.stderr)
    return EXIT_OK
