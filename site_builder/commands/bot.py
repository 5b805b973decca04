"""`bounties bot`: handle one GitHub event, or with --scheduled do the periodic tasks (both run
by GitHub Actions)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..bot.collaborators import GITHUB_DAILY_INVITATIONS
from .common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    InvalidContent,
    UsageError,
    add_as_of,
    add_root,
    as_of_day,
    content_root,
    subcommand,
    valid_content,
)

if TYPE_CHECKING:
    from ..content.entries import Content

TRIAGE_REPOSITORY_VARIABLE = "BOUNTIES_TRIAGE_REPOSITORY"
CONTENT_REPOSITORY_VARIABLE = "BOUNTIES_CONTENT_REPOSITORY"


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "bot",
        "Triage one GitHub event: check a submission issue, label it, answer in one comment, "
        "apply maintainers' slash commands and propose accepted findings by pull request. "
        "Reads the event from GITHUB_EVENT_PATH (or --event), the token from GITHUB_TOKEN, "
        "the API from GITHUB_API_URL and the repository from GITHUB_REPOSITORY. With "
        "--dry-run nothing is written and no token is needed: the actions are printed.",
        "bounties bot --event saved-event.json --dry-run",
    )
    parser.add_argument(
        "--event", type=Path, metavar="PATH", help="event payload (default: $GITHUB_EVENT_PATH)"
    )
    parser.add_argument(
        "--event-name",
        default=None,
        help="issues or issue_comment (default: $GITHUB_EVENT_NAME, or guessed)",
    )
    parser.add_argument("--dry-run", action="store_true", help="print actions, change nothing")
    parser.add_argument(
        "--content-repository",
        default=os.environ.get(CONTENT_REPOSITORY_VARIABLE) or None,
        metavar="OWNER/NAME",
        help="repository where accepted findings are proposed by pull request, when it is not "
        "the issue's (a private intake repository; the token must reach both) (default: "
        f"${CONTENT_REPOSITORY_VARIABLE}, else the event's repository)",
    )
    _add_scheduled_options(parser)
    add_root(parser)
    add_as_of(parser)
    parser.set_defaults(run=run)


def _add_scheduled_options(parser: argparse.ArgumentParser) -> None:
    scheduled = parser.add_argument_group(
        "scheduled runs",
        "With --scheduled no event is read: the bot keeps private intake repositories'\n"
        "read-only collaborators in step with invitations.yml, triages private reports\n"
        "privately and reminds maintainers of response targets (see docs/bot.md). It needs\n"
        "a GitHub App token in GITHUB_TOKEN; --dry-run reads GitHub but writes nothing.",
    )
    scheduled.add_argument("--scheduled", action="store_true", help="run the scheduled tasks")
    scheduled.add_argument(
        "--max-invitations",
        type=_invitation_limit,
        default=GITHUB_DAILY_INVITATIONS,
        metavar="N",
        help=f"invitations sent per repository and run, 1-{GITHUB_DAILY_INVITATIONS} "
        f"(GitHub's daily limit; default {GITHUB_DAILY_INVITATIONS})",
    )
    scheduled.add_argument(
        "--triage-repository",
        default=os.environ.get(TRIAGE_REPOSITORY_VARIABLE) or None,
        metavar="OWNER/NAME",
        help="private repository, readable by maintainers only, where the triage of private "
        f"reports is recorded (default: ${TRIAGE_REPOSITORY_VARIABLE}; none: not recorded)",
    )


def _invitation_limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= GITHUB_DAILY_INVITATIONS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number from 1 to {GITHUB_DAILY_INVITATIONS}"
        )
    return value


def run(args: argparse.Namespace) -> int:
    from ..bot.gateway import GatewayError
    from ..bot.model import Actions
    from ..bot.triage import acknowledge_while_paused, handle

    if args.scheduled:
        return _run_scheduled(args)
    event = _event(args.event)
    name = (
        args.event_name
        or os.environ.get("GITHUB_EVENT_NAME")
        or ("issue_comment" if "comment" in event else "issues")
    )
    root = content_root(args.root)
    as_of = as_of_day(args)
    content = _content_or_none(root, as_of)
    actions = Actions()
    gateway, proposals = _gateways(args, event, actions)
    started = time.perf_counter()
    if content is None:
        # The program files have errors (printed above): hunters still hear that their
        # submission arrived, and the run fails so that maintainers see it.
        try:
            print(
                f"bounties bot: {acknowledge_while_paused(name, event, gateway)}", file=sys.stderr
            )
        except GatewayError as error:
            print(f"bounties bot: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        outcome = handle(name, event, gateway, content, as_of, root, proposals)
    except GatewayError as error:
        print(f"bounties bot: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    for line in actions.done if args.dry_run else outcome.actions.done:
        print(("(dry run) would " if args.dry_run else "") + line)
    print(
        f"bounties bot: {outcome.message}; {gateway.request_count()} API request(s) in "
        f"{time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return EXIT_OK


def _gateways(args: argparse.Namespace, event: dict[str, Any], actions: Any) -> tuple[Any, Any]:
    """The gateway to the event's repository, and the one to the repository where findings
    are proposed (the content repository; the same one unless --content-repository)."""
    from ..bot.gateway import BOT_LOGIN, DryRunGateway, GitHubGateway

    if args.dry_run:
        dry = DryRunGateway(event, actions)
        return dry, dry
    gateway = GitHubGateway(
        os.environ.get("GITHUB_API_URL", "https://api.github.com"),
        _required("GITHUB_TOKEN"),
        _repository(event),
        os.environ.get("BOUNTIES_BOT_LOGIN", BOT_LOGIN),
    )
    content = args.content_repository
    return gateway, (gateway.on(content) if content else gateway)


def _run_scheduled(args: argparse.Namespace) -> int:
    """`--scheduled`: the log goes to stdout, failures to stderr (exit 1, no traceback)."""
    from ..bot.gateway import BOT_LOGIN, GitHubGateway
    from ..bot.model import Actions
    from ..bot.repository import DryRunRepository
    from ..bot.scheduled import Options, run_scheduled

    as_of = as_of_day(args)
    root = content_root(args.root)
    content = valid_content(root, as_of)  # never sync from broken content
    site = os.environ.get("GITHUB_REPOSITORY") or (
        content.settings.repository if content.settings else None
    )
    if not site:
        raise UsageError("no repository: set GITHUB_REPOSITORY or repository in site.yml")
    connection = GitHubGateway(
        os.environ.get("GITHUB_API_URL", "https://api.github.com"),
        _required("GITHUB_TOKEN", "the scheduled run reads GitHub even with --dry-run"),
        site,
        os.environ.get("BOUNTIES_BOT_LOGIN", BOT_LOGIN),
    )
    actions = Actions()
    gateways: dict[str, Any] = {}

    def gateway_for(repository: str) -> Any:
        if repository not in gateways:
            real = connection.on(repository)
            gateways[repository] = DryRunRepository(real, actions) if args.dry_run else real
        return gateways[repository]

    started = time.perf_counter()
    proposals_to = args.content_repository or site
    options = Options(as_of, args.max_invitations, args.triage_repository, root, proposals_to)
    report = run_scheduled(gateway_for, content, options)
    for line in report.lines:
        print(("(dry run) " if args.dry_run else "") + line)
    for line in actions.done:
        print(f"(dry run) would {line}")
    for error in report.errors:
        print(f"bounties bot: {error}", file=sys.stderr)
    print(
        f"bounties bot: scheduled run as of {as_of}; {connection.request_count()} API "
        f"request(s) in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def _content_or_none(root: Path, as_of: date) -> Content | None:
    """The valid content, or None when it has errors (printed to stderr): the bot then still
    tells hunters that their submission arrived."""
    try:
        return valid_content(root, as_of)
    except InvalidContent:
        return None


def _event(path: Path | None) -> dict[str, Any]:
    location = path or (
        Path(os.environ["GITHUB_EVENT_PATH"]) if os.environ.get("GITHUB_EVENT_PATH") else None
    )
    if location is None:
        raise UsageError("no event: pass --event PATH or set GITHUB_EVENT_PATH")
    try:
        data = json.loads(location.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"cannot read the event {location}: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise UsageError(f"{location} is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{location} is not an event payload")
    return data


def _required(name: str, why: str = "or use --dry-run") -> str:
    value = os.environ.get(name)
    if not value:
        raise UsageError(f"{name} is not set ({why})")
    return value


def _repository(event: dict[str, Any]) -> str:
    value = os.environ.get("GITHUB_REPOSITORY") or (event.get("repository") or {}).get("full_name")
    if not value:
        raise UsageError("no repository: set GITHUB_REPOSITORY")
    return str(value)
