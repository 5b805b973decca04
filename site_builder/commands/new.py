"""`bounties new program SLUG`: scaffold a valid draft program for an organizer to edit.
`bounties new finding PROGRAM`: scaffold a private finding of a program, e.g. one received on
another platform or by mail, numbered after the program's own findings."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from ..content.entries import Content, ProgramEntry
from ..content.load import CONTENT_DIR, POLICIES_DIR, SETTINGS_FILE
from ..content.problems import format_problems
from ..content.read_files import read_file
from ..content.scaffold import finding_file, next_finding_id, program_files, site_organizer
from ..content.types import SLUG_PATTERN
from ..imports.files import finding_path, write_file
from ..imports.ids import IMPORTED_PREFIXES, valid_id
from ..imports.trial import trial_problems
from .common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    add_as_of,
    add_root,
    as_of_day,
    content_root,
    subcommand,
    valid_content,
)

# Options that belong to one kind only; giving one to the other kind is a usage error.
_OPTIONS_OF = {
    "program": ("name", "model", "organizer", "policy"),
    "finding": ("id", "title", "hunter"),
}
DEFAULT_TITLE = "TEMPLATE: short public title"


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "new",
        "Create starter content. `new program SLUG` writes programs/SLUG/program.yml and "
        "rules.md: a draft that validates as is, for you to edit and then open. "
        "`new finding PROGRAM` writes programs/PROGRAM/findings/<ID>.md: a private finding "
        "(status new, submitted today, no disclose_on) with a write-up skeleton.",
        "bounties new program acme-jailbreaks --name 'Acme jailbreak bounty' --model panel-judged"
        "\n  bounties new finding acme-jailbreaks --title 'Role-play jailbreak'",
    )
    parser.add_argument("kind", choices=("program", "finding"), help="what to create")
    parser.add_argument(
        "slug",
        help="program: the new folder name (lowercase letters, digits and hyphens); "
        "finding: the program it belongs to",
    )
    program = parser.add_argument_group("new program")
    program.add_argument("--name", help="program name (default: from the slug)")
    program.add_argument(
        "--model",
        choices=("evals-based", "panel-judged", "trusted-hunters"),
        help="program model (default: panel-judged)",
    )
    program.add_argument(
        "--organizer",
        help="organizer name (default: the site's operator, else the organizer of the existing "
        "programs, else the site title)",
    )
    program.add_argument("--policy", help="disclosure policy id (default: the first one)")
    finding = parser.add_argument_group("new finding")
    finding.add_argument("--id", help="finding id (default: the next of the program's series)")
    finding.add_argument("--title", help=f"short public title (default: '{DEFAULT_TITLE}')")
    finding.add_argument(
        "--hunter",
        action="append",
        metavar="HANDLE",
        help="credit a hunter with a profile in programs/_hunters/ (repeatable; required for "
        "invite-only programs)",
    )
    add_root(parser)
    add_as_of(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    for kind, options in _OPTIONS_OF.items():
        for option in options:
            if kind != args.kind and getattr(args, option) is not None:
                raise UsageError(f"--{option} is an option of `new {kind}`, not `new {args.kind}`")
    return new_program(args) if args.kind == "program" else new_finding(args)


def new_program(args: argparse.Namespace) -> int:
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
    model = args.model or "panel-judged"
    organizer = args.organizer or _site_organizer(base)
    files = program_files(args.slug, name, model, organizer, policy, as_of_day(args))
    for relative, text in files.items():
        path = base / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"created {path}", file=sys.stderr)
    print(
        "next: fill in every TEMPLATE line (`bounties validate --strict` lists those left), "
        "then set status: open",
        file=sys.stderr,
    )
    return EXIT_OK


def _site_organizer(base: Path) -> str:
    """The organizer to name in a new program, read from programs/site.yml and program.yml."""
    settings = read_file(str(base / SETTINGS_FILE), SETTINGS_FILE, markdown=False).data
    paths = sorted(base.glob("*/program.yml"))
    return site_organizer(settings, [read_file(str(p), p.name, markdown=False).data for p in paths])


def new_finding(args: argparse.Namespace) -> int:
    root = content_root(args.root)
    day = as_of_day(args)
    content = valid_content(root, day)
    entry = _program(content, args.slug, root)
    finding_id = _finding_id(content, args.slug, args.id)
    hunters = _hunters(content, entry, args.hunter or [], day)
    rewards = entry.program.rewards
    tiers = rewards.rated_ratings() or list(rewards.scale_ratings())
    text = finding_file(finding_id, args.title or DEFAULT_TITLE, tiers[0], tiers, hunters, day)
    relative = finding_path(args.slug, finding_id)
    problems = trial_problems(root, {relative: text}, day)
    errors = [p for p in problems if p.is_error]
    if errors:
        print(format_problems(errors, "text"), file=sys.stderr)
        print(f"{relative} was not written: it would not validate", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        write_file(root / relative, text, replace=False)
    except FileExistsError:
        raise UsageError(f"{relative} already exists; pass another --id") from None
    print(f"created {root / relative}", file=sys.stderr)
    warnings = format_problems([p for p in problems if p.file == relative], "text")
    if warnings:
        print(warnings, file=sys.stderr)
    print(
        "next: fill in the TEMPLATE lines, then `bounties validate`; it stays private until it "
        "has a disclose_on date (docs/disclosure.md)",
        file=sys.stderr,
    )
    return EXIT_OK


def _program(content: Content, slug: str, root: Path) -> ProgramEntry:
    entry = content.programs.get(slug)
    if entry is None:
        known = ", ".join(sorted(content.programs)) or "none"
        raise UsageError(f"no program '{slug}' under {root / CONTENT_DIR} (known: {known})")
    return entry


def _finding_id(content: Content, slug: str, wanted: str | None) -> str:
    taken = {f.id: f.source.path for f in content.findings}
    if wanted is None:
        own = [(f.id, f.finding.submitted) for f in content.findings if f.program_slug == slug]
        return next_finding_id(own, set(taken), slug, IMPORTED_PREFIXES)
    if not valid_id(wanted):
        raise UsageError(
            f"'{wanted}' is not a valid finding id: use letters, digits, '.', '_' and '-' "
            "(at most 64, starting with a letter or digit)"
        )
    if wanted in taken:
        raise UsageError(f"finding {wanted} already exists ({taken[wanted]}); pass another --id")
    return wanted


def _hunters(content: Content, entry: ProgramEntry, handles: list[str], day: date) -> list[str]:
    unknown = [handle for handle in handles if handle not in content.hunters]
    if unknown:
        known = ", ".join(sorted(content.hunters)) or "none"
        raise UsageError(
            f"no hunter profile for {', '.join(unknown)} in {CONTENT_DIR}/_hunters/ "
            f"(known: {known}); add the profile first"
        )
    if not entry.program.is_gated:
        return handles
    invited = entry.invitations.invited if entry.invitations else []
    active = sorted({i.hunter for i in invited if i.active(day)})
    if not handles or any(handle not in active for handle in handles):
        raise UsageError(
            f"only invited or approved hunters may submit to program {entry.slug}: name them "
            "with --hunter "
            f"(invited on {day}: {', '.join(active) or 'nobody'})"
        )
    return handles
