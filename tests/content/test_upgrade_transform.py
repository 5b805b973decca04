"""The format 1 -> 2 transform on plain mappings (as the loader reads files): which files it
takes for format 1, and exactly what it rewrites."""

from __future__ import annotations

from typing import Any

import pytest

from site_builder.content.upgrade import needs_upgrade, upgrade_program, upgrade_settings
from tests.conftest import Tree

TIERS = {
    "low": {"min": 100, "max": 500, "points": 10},
    "critical": {"min": 10000, "max": 20000, "points": 100},
    "high": {"min": 2000, "max": 10000, "points": 50},
}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"format": 1}, True),
        ({"format": 0}, True),
        ({"format": 2}, False),
        ({"format": 3}, False),  # newer: left for the validator to refuse
        ({"format": True}, False),  # YAML `format: yes` is not a version
        ({"format": "1"}, False),
        ({"format": 1.0}, False),
        ({"rewards": {"tiers": TIERS}}, True),  # no format, shaped as format 1
        ({"panel": {"members": ["judge-a", "judge-b"]}}, True),
        ({"panel": {"members": [{"handle": "judge-a"}, "judge-b"]}}, True),
        ({"panel": {"members": [{"handle": "judge-a"}]}}, False),
        ({"panel": {"members": "judge-a"}}, False),
        ({"panel": ["judge-a"]}, False),
        ({"rewards": {"table": []}}, False),
        ({"rewards": ["tiers"]}, False),
        ({"format": 2, "rewards": {"tiers": TIERS}}, False),  # says 2: read as written
        ({}, False),
        ([], False),
        (None, False),
    ],
    ids=repr,
)
def test_needs_upgrade(data: Any, expected: bool) -> None:
    assert needs_upgrade(data) is expected


def test_tiers_become_table_rows_in_order_where_tiers_was() -> None:
    data: dict[str, Any] = {
        "name": "X",
        "rewards": {"currency": "USD", "tiers": dict(TIERS), "pool": 5},
        "disclosure_policy": "p",
    }
    upgrade_program(data)
    assert list(data) == ["format", "name", "rewards", "disclosure_policy"]
    assert data["format"] == 2
    assert list(data["rewards"]) == ["currency", "scale", "table", "pool"]
    assert data["rewards"]["scale"] == "severity"
    assert data["rewards"]["table"] == [
        {"rating": "low", "min": 100, "max": 500, "points": 10},
        {"rating": "critical", "min": 10000, "max": 20000, "points": 100},
        {"rating": "high", "min": 2000, "max": 10000, "points": 50},
    ]


def test_a_scale_already_given_is_kept() -> None:
    data: dict[str, Any] = {"rewards": {"scale": "priority", "tiers": {"P1": {"max": 1}}}}
    upgrade_program(data)
    assert data["rewards"] == {"scale": "priority", "table": [{"rating": "P1", "max": 1}]}


def test_a_tier_that_is_not_a_mapping_stays_visible() -> None:
    data: dict[str, Any] = {"format": 1, "rewards": {"tiers": {"low": 5}}}
    upgrade_program(data)
    assert data["rewards"]["table"] == [{"rating": "low", "tier": 5}]


def test_handles_become_members_and_members_stay() -> None:
    member = {"name": "Dr. B", "handle": "dr-b"}
    data: dict[str, Any] = {"format": 1, "panel": {"members": ["judge-a", member, "judge-c"]}}
    upgrade_program(data)
    assert data["panel"]["members"] == [{"handle": "judge-a"}, member, {"handle": "judge-c"}]


def test_format_is_replaced_in_place() -> None:
    data: dict[str, Any] = {"title": "T", "format": 1, "description": "D"}
    upgrade_settings(data)
    assert list(data.items()) == [("title", "T"), ("format", 2), ("description", "D")]


def test_a_program_without_format_but_shaped_as_format_1_is_read(tree: Tree) -> None:
    text = tree.read("demo/program.yml")
    start = text.index("  table:\n")
    end = text.index("disclosure_policy:")
    table = text[start:end]
    tiers = "  tiers:\n" + "".join(
        f"    {row.split('rating: ')[1].split(',')[0]}: {{{row.split(', ', 1)[1]}\n"
        for row in table.splitlines()[1:]
    )
    tree.write("demo/program.yml", text.replace(table, tiers))
    assert "    high: {min: 2000, max: 10000, points: 50}\n" in tree.read("demo/program.yml")
    problems = tree.problems()
    assert problems == [
        "programs/demo/program.yml:1:1: notice: format: written in content format 1; read as "
        "format 2 (hint: run `bounties upgrade` to rewrite it (comments are kept); format 1 is "
        "read until the next major version)"
    ]
