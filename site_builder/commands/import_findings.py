"""`bounties import PROGRAM FILE`: record findings received elsewhere (HackerOne, a portal, a
spreadsheet) as finding files. Nothing is written unless every file would validate in the tree
as a whole; an existing file is replaced only with `--update`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..imports.files import write_file
from ..imports.formats import FORMATS, read_input
from ..imports.plan import PlannedFile, plan_files, traced
from ..imports.records import ImportProblem, target_of
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


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "import",
        "Record findings received elsewhere as files under programs/PROGRAM/findings/: our "
        "JSON or CSV layout, or HackerOne's report JSON (docs/import.md). Every file must "
        "validate before any is written; imported write-ups are redacted until you unwrap them.",
        "bounties import acme-jailbreaks reports.json --format hackerone --dry-run",
    )
    parser.add_argument("program", help="slug of the program the findings belong to")
    parser.add_argument("file", type=Path, help="the JSON or CSV file to read")
    parser.add_argument(
        "--format",
        default="auto",
        choices=FORMATS,
        help="input layout (default auto: .csv files are CSV, JSON by its shape)",
    )
    parser.add_argument("--dry-run", action="store_true", help="check everything and write nothing")
    parser.add_argument(
        "--update",
        action="store_true",
        help="replace finding files that already exist (local edits to them are lost)",
    )
    add_root(parser)
    add_as_of(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = content_root(args.root)
    as_of = as_of_day(args)
    text = _read(args.file)
    content = valid_content(root, as_of)
    target = target_of(content, args.program)
    if target is None:
        known = ", ".join(sorted(content.programs)) or "none"
        raise UsageError(f"no program '{args.program}' under {root / 'programs'} (known: {known})")
    result = read_input(text, args.file.name, args.format, target)
    planned, problems = plan_files(root, content, args.program, result.findings, args.update)
    problems = result.problems + problems
    changed = [p for p in planned if p.action != "unchanged"]
    if changed:  # even when other records have problems: report everything in one run
        files = {p.path: p.text for p in changed}
        problems += traced(trial_problems(root, files, as_of), changed)
    _report(problems, args.file.name)
    if any(p.is_error for p in problems):
        print("nothing was written; fix the problems above and run again", file=sys.stderr)
        return EXIT_PROBLEMS
    if not args.dry_run:
        for file in changed:
            write_file(root / file.path, file.text, replace=file.action == "update")
    _summary(planned, args.dry_run)
    return EXIT_OK


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"no file {path}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text; save it as UTF-8") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None


def _report(problems: list[ImportProblem], source: str) -> None:
    for problem in sorted(problems, key=ImportProblem.sort_key):
        print(problem.as_text(source), file=sys.stderr)


def _summary(planned: list[PlannedFile], dry_run: bool) -> None:
    verbs = {"create": "created", "update": "updated", "unchanged": "unchanged"}
    if dry_run:
        verbs = {"create": "would create", "update": "would update", "unchanged": "unchanged"}
    for file in planned:
        print(f"{verbs[file.action]} {file.path}", file=sys.stderr)
    counts = {action: sum(1 for p in planned if p.action == action) for action in verbs}
    done = ", ".join(f"{n} {verbs[a]}" for a, n in counts.items() if n) or "no findings read"
    print(f"dry run: {done}; nothing written" if dry_run else done, file=sys.stderr)
