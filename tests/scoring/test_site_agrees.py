"""The site shows exactly the numbers `bounties leaderboard` and `bounties stats` print."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from site_builder.cli import main
from tests.conftest import REPO_ROOT


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main([*args, "--root", str(REPO_ROOT), "--as-of", "2026-11-23", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def page_board(html: str, key: str) -> list[list[str]]:
    table = html.split(f'data-board="{key}"')[1].split("</table>")[0]
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", table)
        if "<td>" in row
    ]


@pytest.mark.parametrize(
    ("window", "by"), [("all", "points"), ("all", "reward"), ("all", "count"), ("year", "points")]
)
def test_leaderboard_page_matches_the_cli(
    example_site: Path,
    window: str,
    by: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = cli_json(capsys, "leaderboard", "--window", window, "--by", by)
    html = (example_site / "leaderboard" / "index.html").read_text()
    shown = page_board(html, f"{window}-{by}")
    assert shown == [
        [
            str(r["rank"]),
            r["hunter"],
            f"{r['points']:g}",
            f"{r['reward']:,g}\xa0USD",  # every example program pays in USD
            str(r["count"]),
        ]
        for r in rows
    ]  # type: ignore[index, union-attr]
    assert len(shown) >= 3


def test_program_leaderboard_page_matches_the_cli(
    example_site: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = cli_json(capsys, "leaderboard", "--program", "aurora-red-team-panel")
    html = (example_site / "leaderboard" / "aurora-red-team-panel" / "index.html").read_text()
    assert [r[1] for r in page_board(html, "all-points")] == [r["hunter"] for r in rows]  # type: ignore[index, union-attr]


def test_stats_json_is_what_the_site_publishes(
    example_site: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    printed = cli_json(capsys, "stats")
    published = json.loads((example_site / "api" / "stats.json").read_text())
    assert printed == published
    program = (example_site / "programs" / "aurora-red-team-panel" / "index.html").read_text()
    triage = next(
        t
        for t in published["programs"]["aurora-red-team-panel"]["timings"]
        if t["step"] == "triage"
    )
    assert (
        f'<th scope="row">Triage</th><td>{triage["target_days"]} days</td>'
        f"<td>{triage['median_days']} days</td>" in program
    )
