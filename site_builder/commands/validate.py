"""`bounties validate`: check all content and report every problem."""

from __future__ import annotations

import argparse
import sys

from ..content.checks import validate
from ..content.problems import Level, count_errors, format_problems
from .common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_as_of,
    add_root,
    as_of_day,
    content_root,
    subcommand,
)


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "validate",
        "Check every program, policy, finding, hunter and setting under programs/. "
        "Exit 0 when valid, 1 on content errors (or warnings with --strict), 2 on usage errors.",
        "bounties validate --root . --format github",
    )
    add_root(parser)
    add_as_of(parser)
    parser.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text: path:line:col: level: message; github: workflow commands "
        "shown inline on pull requests; json: a list of problem objects",
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = content_root(args.root)
    as_of = as_of_day(args)
    content, problems = validate(root, as_of)
    errors = count_errors(problems)
    warnings = sum(1 for p in problems if p.level is Level.WARNING)
    notices = len(problems) - errors - warnings
    output = format_problems(problems, args.format)
    if output or args.format == "json":
        print(output)
    summary = (
        f"{len(content.programs)} programs, {len(content.findings)} findings, "
        f"{len(content.hunters)} hunters checked as of {as_of}: "
        f"{errors} error(s), {warnings} warning(s)" + (f", {notices} notice(s)" if notices else "")
    )
    print(summary, file=sys.stderr)
    failed = errors > 0 or (args.strict and warnings > 0)
    return EXIT_PROBLEMS if failed else EXIT_OK
