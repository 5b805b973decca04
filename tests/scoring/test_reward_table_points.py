"""Leaderboard points from a format-2 reward table: the row picked by rating and target tier or
category, prize points, the `points:` override, `points_percent`, the priority scale, and a
format-1 tree giving the same numbers before and after `bounties upgrade`."""

from __future__ import annotations

import json
from datetime import date

import pytest

from site_builder.cli import main
from site_builder.content.problems import Level
from site_builder.scoring.public import all_boards, board_rows
from tests.conftest import Tree
from tests.format2_trees import (
    CATEGORY_TABLE,
    D1,
    D2,
    D3,
    MEMBERS,
    TABLE,
    P,
    finding_extra,
    rewards_extra,
    tiered,
    with_categories,
)

LATER = date(2027, 2, 1)  # every demo finding is public (DEMO-3 from 2027-01-08)
ALICE, BOB = "Alice Example", "The Builder"  # bob is shown by his alias
P_FILE = "programs/demo/program.yml"
PRIZE = "  prizes:\n    - {id: first, name: First, amount: 3000, winners: 1, points: 40}\n"


def points(tree: Tree, as_of: date = LATER) -> dict[str, float]:
    """Each shown hunter's all-time points, after checking the tree has no error."""
    content, problems = tree.validate(as_of)
    assert not [p.as_text() for p in problems if p.is_error]
    return {row["hunter"]: row["points"] for row in board_rows(content, as_of)}


def test_minimal_tree_points_by_severity_alone(tree: Tree) -> None:
    # DEMO-1 high (50) shared with its duplicate DEMO-2; DEMO-3 critical (100) alice + bob.
    assert points(tree) == {ALICE: 25 + 50, BOB: 25 + 50}


def test_the_first_affected_targets_tier_picks_the_row(tree: Tree) -> None:
    tiered(tree)  # DEMO-1 and DEMO-3 on Demo-1, a flagship target: same as the plain table
    assert points(tree) == {ALICE: 25 + 50, BOB: 25 + 50}
    # DEMO-3 on the standard Demo-mini first, then Demo-1: critical x standard is 40 points.
    tree.replace(
        D3,
        "affected:\n",
        "affected:\n  - name: Demo-mini\n    version: x\n",
    )
    tree.replace(D3, "reward: 15000", "reward: 10000")
    assert points(tree) == {ALICE: 25 + 20, BOB: 25 + 20}


def test_a_standard_target_earns_the_standard_row(tree: Tree) -> None:
    tiered(tree)
    tree.replace(D1, 'name: Demo-1\n    version: "2026-01"', "name: Demo-mini\n    version: x")
    # DEMO-1 high x standard: 20 points, shared with its duplicate DEMO-2 (which names Demo-1:
    # a duplicate earns a share of its original's points, whatever it names).
    assert points(tree) == {ALICE: 10 + 50, BOB: 10 + 50}


def test_the_category_picks_the_row(tree: Tree) -> None:
    with_categories(tree)
    tree.replace(P, TABLE, CATEGORY_TABLE)
    # DEMO-1 high x jailbreak: 50; DEMO-3 critical x agent-misbehaviour: 70, not 100.
    assert points(tree) == {ALICE: 25 + 35, BOB: 25 + 35}


def test_prize_points_are_added(tree: Tree) -> None:
    rewards_extra(tree, PRIZE)
    finding_extra(tree, D3, "prize: first\n")
    # DEMO-3: critical 100 + prize 40, shared by alice and bob.
    assert points(tree) == {ALICE: 25 + 70, BOB: 25 + 70}


def test_a_campaign_prize_adds_its_points(tree: Tree) -> None:
    tree.append(
        P,
        "campaigns:\n"
        "  - id: autumn\n"
        "    name: Autumn\n"
        "    summary: Agents.\n"
        "    start: 2026-09-01\n"
        "    end: 2026-10-31\n"
        "    prizes:\n"
        "      - {id: autumn-first, name: First, amount: 1000, winners: 1, points: 30}\n",
    )
    finding_extra(tree, D3, "campaign: autumn\nprize: autumn-first\n")
    assert points(tree) == {ALICE: 25 + 65, BOB: 25 + 65}


def test_the_points_override_wins_over_row_and_prize(tree: Tree) -> None:
    rewards_extra(tree, PRIZE)
    finding_extra(tree, D3, "prize: first\npoints: 7\n")
    assert points(tree) == {ALICE: 25 + 3.5, BOB: 3.5 + 25}


def test_points_percent_applies_to_row_and_prize(tree: Tree) -> None:
    tiered(tree)
    rewards_extra(tree, PRIZE)
    finding_extra(tree, D3, "prize: first\n")
    tree.append(P, "scoring:\n  points_percent: 150\n")
    # DEMO-1: 50 x 1.5 = 75, shared; DEMO-3: (100 + 40) x 1.5 = 210, shared.
    assert points(tree) == {ALICE: 37.5 + 105, BOB: 37.5 + 105}


# --- the priority scale, end to end ----------------------------------------------------

PRIORITY_TABLE = (
    "  scale: priority\n"
    "  table:\n"
    "    - {rating: P5, min: 0, max: 0, points: 0}\n"
    "    - {rating: P4, min: 100, max: 500, points: 10}\n"
    "    - {rating: P3, min: 500, max: 2000, points: 25}\n"
    "    - {rating: P2, min: 2000, max: 10000, points: 60}\n"
    "    - {rating: P1, min: 10000, max: 20000, points: 120}\n"
)


def prioritised(tree: Tree) -> None:
    tree.replace(P, TABLE, PRIORITY_TABLE)
    for path in (D1, D2):
        tree.replace(path, "severity: high", "severity: P2")
    tree.replace(D3, "severity: critical", "severity: P1")


def test_priority_scale_validates_and_scores(tree: Tree) -> None:
    prioritised(tree)
    assert tree.problems() == []
    assert points(tree) == {ALICE: 30 + 60, BOB: 30 + 60}


def test_priority_scale_leaderboard_from_the_command_line(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    prioritised(tree)
    args = ["leaderboard", "--root", str(tree.root), "--as-of", LATER.isoformat(), "--json"]
    assert main(args) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["rank"], r["hunter"], r["points"]) for r in rows] == [
        (1, ALICE, 90),
        (2, BOB, 90),  # same points; alice has more reward (5000 + 7500 against 7500)
    ]


def test_p5_earns_no_points_but_counts(tree: Tree) -> None:
    prioritised(tree)
    tree.replace(D3, "severity: P1", "severity: P5")
    tree.replace(D3, "reward: 15000", "reward: 0")
    content, problems = tree.validate(LATER)
    assert not [p for p in problems if p.is_error]
    board = {r["hunter"]: r for r in board_rows(content, LATER)}
    assert board[ALICE]["points"] == 30
    assert board[ALICE]["count"] == 2


# --- format 1 read in memory -----------------------------------------------------------

FORMAT_1_TIERS = (
    "  tiers:\n"
    "    low: {min: 100, max: 500, points: 10}\n"
    "    medium: {min: 500, max: 2000, points: 25}  # kept by the upgrade\n"
    "    high: {min: 2000, max: 10000, points: 50}\n"
    "    critical: {min: 10000, max: 20000, points: 100}\n"
)


def format_1(tree: Tree) -> None:
    """The demo program and site.yml as they were written in format 1."""
    tree.write(P, "format: 1\n" + tree.read(P).replace(TABLE, FORMAT_1_TIERS))
    tree.replace(P, MEMBERS, "members: [judge-a, judge-b, judge-c]")
    tree.write("site.yml", "format: 1\n" + tree.read("site.yml"))
    tree.append(P, "scoring:\n  points_percent: 120\n")


def test_format_1_scores_the_same_before_and_after_the_upgrade(tree: Tree) -> None:
    format_1(tree)
    content, problems = tree.validate(LATER)
    assert [p.file for p in problems if p.level is Level.NOTICE] == [P_FILE, "programs/site.yml"]
    assert not [p for p in problems if p.is_error]
    before = all_boards(content, LATER)
    assert before["overall"]["all"]["points"][0]["points"] == (25 + 50) * 1.2

    assert main(["upgrade", "--root", str(tree.root)]) == 0
    assert "tiers:" not in tree.read(P) and "format: 2\n" in tree.read(P)
    content, problems = tree.validate(LATER)
    assert not [p for p in problems if p.is_error or p.level is Level.NOTICE]
    assert all_boards(content, LATER) == before


def test_format_1_scores_like_the_format_2_tree(tree: Tree) -> None:
    """The same program written in either format gives the same boards."""
    tree.append(P, "scoring:\n  points_percent: 120\n")
    content, _ = tree.validate(LATER)
    written_in_2 = all_boards(content, LATER)
    tree.write(P, tree.read(P).replace("scoring:\n  points_percent: 120\n", ""))
    format_1(tree)
    content, _ = tree.validate(LATER)
    assert all_boards(content, LATER) == written_in_2
