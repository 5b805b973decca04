"""The `bounties` command: parse arguments, call one function per subcommand, exit.

Exit codes: 0 success, 1 content problems (or stale generated files), 2 usage errors,
3 internal errors (a bug: please report it), 130 interrupted."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from . import __version__
from .commands import (
    bot,
    build,
    forms,
    import_findings,
    init,
    new,
    parse_issue,
    reference,
    schema,
    scores,
    upgrade,
    validate,
)
from .commands.common import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    InvalidContent,
    UsageError,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bounties",
        description="Run AI-safety bounty programs in git: validate content, build the site.",
        epilog="Example: bounties validate --format github",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    validate.register(commands)
    build.register(commands)
    forms.register(commands)
    parse_issue.register(commands)
    scores.register(commands)
    bot.register(commands)
    new.register(commands)
    import_findings.register(commands)
    init.register(commands)
    upgrade.register(commands)
    schema.register(commands)
    reference.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return int(args.run(args))
    except InvalidContent:
        return EXIT_PROBLEMS
    except UsageError as error:
        print(f"bounties: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("bounties: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception:
        traceback.print_exc()
        print(
            "bounties: internal error: this is a bug in bounties, not in your content; please "
            "report it with the traceback above",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
