"""`bounties leaderboard` and `bounties stats`: the site's public numbers in the terminal."""

from __future__ import annotations

import argparse
import json

from ..scoring.leaderboard import MEASURES, WINDOWS
from ..scoring.public import board_rows, public_programs, stats
from .common import (
    EXIT_OK,
    UsageError,
    add_as_of,
    add_root,
    as_of_day,
    subcommand,
    valid_content,
)


def register(commands: argparse._SubParsersAction) -> None:
    board = subcommand(
        commands,
        "leaderboard",
        "Print a leaderboard as the site shows it (published findings only).",
        "bounties leaderboard --program aurora-red-team-panel --window year --by reward",
    )
    add_root(board)
    add_as_of(board)
    board.add_argument("--program", metavar="SLUG", help="one program (default: overall)")
    board.add_argument(
        "--window",
        choices=WINDOWS,
        default="all",
        help="all time, this calendar year, or the last 90 days",
    )
    board.add_argument("--by", choices=MEASURES, default="points", help="ranking measure")
    board.add_argument("--json", action="store_true", help="print JSON")
    board.set_defaults(run=run_leaderboard)

    stat = subcommand(
        commands,
        "stats",
        "Print the transparency metrics the site shows: response, triage, bounty, fix and "
        "disclosure times (median and 90th percentile) against each program's targets, total "
        "paid, valid findings and share fixed.",
        "bounties stats --json",
    )
    add_root(stat)
    add_as_of(stat)
    stat.add_argument("--json", action="store_true", help="print JSON (exactly the site's data)")
    stat.set_defaults(run=run_stats)


def run_leaderboard(args: argparse.Namespace) -> int:
    as_of = as_of_day(args)
    content = valid_content(args.root, as_of)
    if args.program and args.program not in public_programs(content):
        raise UsageError(
            f"no public program '{args.program}'; public programs: "
            f"{', '.join(public_programs(content))}"
        )
    from rich.console import Console
    from rich.table import Table

    rows = board_rows(content, as_of, program=args.program, window=args.window, by=args.by)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    scope = args.program or "all programs"
    table = Table(
        title=f"Leaderboard: {scope}, window {args.window}, by {args.by} "
        f"(published findings as of {as_of})"
    )
    for column in ("Rank", "Hunter", "Points", "Reward", "Valid findings"):
        table.add_column(column, justify="left" if column == "Hunter" else "right")
    for row in rows:
        table.add_row(
            str(row["rank"]),
            str(row["hunter"]),
            f"{row['points']:g}",
            f"{row['reward']:,g}",
            str(row["count"]),
        )
    Console().print(table)
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    as_of = as_of_day(args)
    content = valid_content(args.root, as_of)
    from rich.console import Console
    from rich.table import Table

    data = stats(content, as_of)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    console = Console()
    for scope, numbers in [("overall", data["overall"]), *data["programs"].items()]:
        table = Table(
            title=f"{scope}: {numbers['valid_findings']} valid of "
            f"{numbers['findings']} published findings"
        )
        for column in ("Step", "Findings", "Median days", "90th pct days", "Target", "Met"):
            table.add_column(column)
        for t in numbers["timings"]:
            met = {True: "met", False: "missed", None: "-"}[t["met"]]
            table.add_row(
                t["step"],
                str(t["count"]),
                _n(t["median_days"]),
                _n(t["p90_days"]),
                _n(t["target_days"]),
                met,
            )
        console.print(table)
    return EXIT_OK


def _n(value: object) -> str:
    return "-" if value is None else str(value)
