"""Scoring rules, windows, ties and opt-out, on the minimal tree (published findings only)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from site_builder.scoring.metrics import nearest_rank, summary
from site_builder.scoring.points import credits
from site_builder.scoring.public import board_rows, published, stats
from tests.conftest import Tree

LATER = date(2027, 2, 1)  # DEMO-3 (critical, alice + bob) is public from 2027-01-08


def rows(tree: Tree, as_of: date = LATER, **options):  # type: ignore[no-untyped-def]
    content, problems = tree.validate(as_of)
    assert not [p for p in problems if p.is_error]
    return board_rows(content, as_of, **options)


def test_duplicate_within_window_splits_the_original_points(tree: Tree) -> None:
    # DEMO-1 (high, 50 points, alice) and its duplicate DEMO-2 (bob) one day later share 50.
    board = {r["hunter"]: r for r in rows(tree, as_of=date(2026, 6, 1))}
    assert board["Alice Example"]["points"] == 25
    assert board["The Builder"]["points"] == 25
    assert board["The Builder"]["count"] == 1


def test_duplicate_after_the_window_earns_the_late_points(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-2.md", "submitted: 2026-02-02", "submitted: 2026-02-20")
    tree.append("demo/program.yml", "scoring:\n  late_duplicate_points: 3\n")
    board = {r["hunter"]: r for r in rows(tree, as_of=date(2026, 6, 1))}
    assert board["Alice Example"]["points"] == 50
    assert board["The Builder"]["points"] == 3
    assert board["The Builder"]["count"] == 0


def test_shared_credit_splits_points_and_reward(tree: Tree) -> None:
    board = {r["hunter"]: r for r in rows(tree)}
    # DEMO-3: critical, 100 points, 15000 reward, alice and bob -> 50 / 7500 each.
    assert board["Alice Example"]["points"] == 25 + 50
    assert board["Alice Example"]["reward"] == 5000 + 7500
    assert board["The Builder"]["reward"] == 7500


def test_points_percent_multiplies(tree: Tree) -> None:
    tree.append("demo/program.yml", "scoring:\n  points_percent: 200\n")
    board = {r["hunter"]: r for r in rows(tree)}
    assert board["Alice Example"]["points"] == 150


def test_wont_fix_counts_as_valid_with_no_points(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-3.md", "status: accepted", "status: wont-fix")
    board = {r["hunter"]: r for r in rows(tree)}
    assert board["Alice Example"]["points"] == 25
    assert board["Alice Example"]["count"] == 2


def test_windows_follow_the_as_of_date(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-3.md", "accepted: 2026-10-10", "accepted: 2026-11-20")
    assert [r["hunter"] for r in rows(tree, window="90d")] == ["Alice Example", "The Builder"]
    assert [r["points"] for r in rows(tree, window="90d")] == [50, 50]  # DEMO-3 only
    assert rows(tree, window="year") == []  # nothing accepted in 2027
    assert len(rows(tree, window="all")) == 2


def test_ties_share_a_rank_and_order_is_deterministic(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-3.md", "accepted: 2026-10-10", "accepted: 2026-11-20")
    board = rows(tree, window="90d")
    assert [r["rank"] for r in board] == [1, 1]
    assert [r["hunter"] for r in board] == ["Alice Example", "The Builder"]  # then by name


def test_ranking_by_reward_and_count(tree: Tree) -> None:
    by_reward = rows(tree, by="reward")
    assert [r["hunter"] for r in by_reward] == ["Alice Example", "The Builder"]
    assert [r["rank"] for r in rows(tree, by="count")] == [1, 2]


def test_hidden_hunters_are_left_off(tree: Tree) -> None:
    tree.replace("_hunters/bob.yml", "  show: alias\n  alias: The Builder\n", "  show: hidden\n")
    assert [r["hunter"] for r in rows(tree)] == ["Alice Example"]


def test_per_program_board(tree: Tree) -> None:
    assert rows(tree, program="club") == []
    assert len(rows(tree, program="demo")) == 2


def test_embargoed_findings_change_no_public_number(tree: Tree) -> None:
    """Adding an embargoed finding (and a private one) must leave every public number alone."""
    content, _ = tree.validate(LATER)
    before = (stats(content, LATER), board_rows(content, LATER))
    tree.write(
        "demo/findings/DEMO-9.md",
        tree.read("demo/findings/DEMO-3.md")
        .replace("id: DEMO-3", "id: DEMO-9")
        .replace("disclose_on: 2027-01-08", "disclose_on: 2027-12-01"),
    )
    tree.write(
        "club/findings/CLUB-2.md",
        tree.read("club/findings/CLUB-1.md").replace("id: CLUB-1", "id: CLUB-2"),
    )
    content, problems = tree.validate(LATER)
    assert not [p for p in problems if p.is_error]
    assert (stats(content, LATER), board_rows(content, LATER)) == before


def test_embargoed_duplicate_does_not_split_the_original_early(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-2.md", "disclose_on: 2026-05-06", "disclose_on: 2026-09-01")
    board = {r["hunter"]: r for r in rows(tree, as_of=date(2026, 6, 1))}
    assert board == {"Alice Example": board["Alice Example"]}
    assert board["Alice Example"]["points"] == 50


def test_credits_are_exact_fractions(tree: Tree) -> None:
    content, _ = tree.validate(LATER)
    shares = {
        (c.handle, c.finding.id): c.points for c in credits(published(content, LATER), content)
    }
    assert shares[("alice", "DEMO-1")] == Fraction(25)
    assert shares[("bob", "DEMO-3")] == Fraction(50)


def test_nearest_rank_percentiles() -> None:
    assert nearest_rank([], 50) is None
    assert nearest_rank([7], 90) == 7
    assert nearest_rank([5, 1, 3, 2, 4], 50) == 3
    assert nearest_rank(list(range(1, 11)), 90) == 9


def test_metrics_with_missing_dates_and_empty_programs(tree: Tree) -> None:
    content, _ = tree.validate(LATER)
    found = published(content, LATER)
    demo = summary(found, content, "demo")
    timings = {t["step"]: t for t in demo["timings"]}
    assert timings["triage"] == {
        "step": "triage",
        "count": 1,
        "median_days": 2,
        "p90_days": 2,
        "target_days": 10,
        "met": True,
    }
    assert timings["first_response"]["count"] == 0 and timings["first_response"]["met"] is None
    assert timings["fix"]["median_days"] == 28
    assert demo["valid_findings"] == 2 and demo["share_fixed"] == 0.5
    empty = summary(found, content, "club")
    assert empty["findings"] == 0 and empty["share_fixed"] is None and empty["paid"] == {}


def test_missed_target(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "triaged: 2026-02-03", "triaged: 2026-02-20")
    tree.replace("demo/findings/DEMO-1.md", "accepted: 2026-02-05", "accepted: 2026-02-21")
    tree.replace("demo/findings/DEMO-1.md", "disclose_on: 2026-05-06", "disclose_on: 2026-05-22")
    content, _ = tree.validate(LATER)
    triage = summary(published(content, LATER), content, "demo")["timings"][1]
    assert (triage["median_days"], triage["met"]) == (19, False)
