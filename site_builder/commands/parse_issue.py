"""`bounties parse-issue`: read an issue body as GitHub rendered it from a form, and validate it
as a submission (the same code the bot runs)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..content.entries import Content
from ..intake.forms import template_for_body
from ..intake.submission import build_submission
from .common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    InvalidContent,
    UsageError,
    add_as_of,
    add_root,
    as_of_day,
    subcommand,
    valid_content,
)


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "parse-issue",
        "Parse an issue body rendered from a submission form. --raw prints the field map "
        "(field id -> value, in the shape of GitHub's @github/issue-parser); otherwise the body "
        "is validated as a submission against the current content: the submission is printed, "
        "or every problem per field with exit code 1.",
        "bounties parse-issue body.md --title '[aurora-red-team-panel] Calendar injection' "
        "--author mokafor --json",
    )
    parser.add_argument("body", help="file with the issue body ('-' reads standard input)")
    parser.add_argument(
        "--template",
        type=Path,
        metavar="FORM.yml",
        help="issue form to map labels to ids (default: the generated form of "
        "the program named in the body)",
    )
    parser.add_argument("--raw", action="store_true", help="print the field map only")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--title", default="", help="the issue title")
    parser.add_argument("--author", default="", help="GitHub login of the issue's author")
    add_root(parser)
    add_as_of(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..intake.parse import parse_issue_body

    body = _read_body(args.body)
    as_of = as_of_day(args)
    content = None
    if args.template:
        template = _load_template(args.template)
    else:
        content = _content(args.root, as_of)
        template = template_for_body(body, content)
    parsed = parse_issue_body(body, template)
    if args.raw:
        print(json.dumps(parsed.values, indent=2, ensure_ascii=False))
        for problem in parsed.problems:
            print(f"{problem.field}: {problem.message}", file=sys.stderr)
        return EXIT_OK
    content = content or _content(args.root, as_of)
    intake = build_submission(
        parsed.values, title=args.title, content=content, author=args.author, as_of=as_of
    )
    problems = [(p.field, p.message) for p in intake.problems]
    covered = {field for field, _ in problems}
    problems += [(p.field, p.message) for p in parsed.problems if p.field not in covered]
    if problems or intake.submission is None:
        if args.json:
            print(json.dumps([{"field": f, "message": m} for f, m in problems], indent=2))
        else:
            for field, message in problems:
                print(f"{field}: {message}")
        return EXIT_PROBLEMS
    data = intake.submission.model_dump(mode="json")
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for key, value in data.items():
            print(f"{key}: {value}")
    return EXIT_OK


def _content(root: Path, as_of: date) -> Content:
    """The valid content; its errors (printed) are a usage error here, as for a bad --template."""
    try:
        return valid_content(root, as_of)
    except InvalidContent:
        raise UsageError("fix the content first (see above)") from None


def _read_body(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read {name}: {error.strerror}") from None


def _load_template(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise UsageError(f"{path} is not valid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("body"), list):
        raise UsageError(f"{path} is not an issue form (no `body:` list)")
    return data
