"""Parsed form fields -> Submission, with per-field messages a hunter can act on."""

from __future__ import annotations

from datetime import date
from typing import Any

from site_builder.intake.submission import build_submission
from submissions_schema import CONSENTS, HAZARD_CHOICES
from tests.conftest import AS_OF, Tree

TITLE = "[demo] Role-play prompt bypasses refusals"


def good_values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "program": ["Demo jailbreak bounty"],
        "category": ["Jailbreak"],
        "severity": ["high"],
        "target": ["Demo-1"],
        "target_version": "2026-01",
        "summary": "A role-play framing bypasses the refusal policy.",
        "reproduction": "1. Open a chat.\n2. Use the framing described privately.",
        "impact": "Policy-violating content for any user.",
        "hazardous_details": [HAZARD_CHOICES["withheld"]],
        "credit": "@alice",
        "consents": {"selected": list(CONSENTS.values()), "unselected": []},
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def intake(
    tree: Tree,
    values: dict[str, Any],
    author: str = "alice",
    title: str = TITLE,
    as_of: date = AS_OF,
):  # type: ignore[no-untyped-def]
    content, _ = tree.validate()
    return build_submission(values, title=title, content=content, author=author, as_of=as_of)


def messages(result: Any) -> dict[str, str]:
    return {p.field: p.message for p in result.problems}


def test_valid_submission(tree: Tree) -> None:
    result = intake(tree, good_values())
    assert result.problems == []
    sub = result.submission
    assert (sub.program, sub.category, sub.severity, sub.target, sub.credit) == (
        "demo",
        "jailbreak",
        "high",
        "Demo-1",
        "alice",
    )
    assert sub.title == "Role-play prompt bypasses refusals"
    assert sub.hazardous_details == "withheld"
    assert sub.consents == ["rules", "no_hazards_posted", "safe_harbor"]


def test_anonymous_credit(tree: Tree) -> None:
    assert intake(tree, good_values(credit="anonymous")).submission.credit is None
    assert intake(tree, good_values(credit=None)).submission.credit is None


def test_every_problem_is_reported_per_field(tree: Tree) -> None:
    result = intake(
        tree,
        good_values(
            category=["Jailbreaks"],
            severity=None,
            target=["Demo-9"],
            summary="   ",
            credit="not a handle!",
            consents={"selected": [], "unselected": []},
        ),
        title="",
    )
    assert result.submission is None
    found = messages(result)
    assert found.pop("category").startswith(
        "'Jailbreaks' is not a choice here; use one of: Jailbreak, Prompt injection, "
    )
    assert found == {
        "title": "Give the issue a short, public-safe title after the [program] prefix.",
        "severity": "Choose a severity you claim.",
        "target": "'Demo-9' is not a choice here; use one of: Demo-1.",
        "summary": "Summary (public) is required.",
        "credit": "'not a handle!' is not a GitHub handle; write your handle or 'anonymous'.",
        "consents": "Tick every consent box: "
        + "; ".join(f"'{t}'" for t in CONSENTS.values())
        + ".",
    }


def test_unknown_program(tree: Tree) -> None:
    result = intake(tree, good_values(program=["Nope"]))
    assert messages(result)["program"].startswith("There is no program called 'Nope'.")


def test_paused_program_gives_the_pause_notice(tree: Tree) -> None:
    tree.replace("demo/program.yml", "status: open", "status: paused")
    tree.append("demo/program.yml", "pause:\n  reason: Annual risk review.\n  since: 2026-10-01\n")
    assert messages(intake(tree, good_values()))["program"] == (
        "Demo jailbreak bounty is paused since 2026-10-01: Annual risk review. New submissions "
        "are not accepted until it reopens."
    )


def test_severity_without_a_tier_is_refused(tree: Tree) -> None:
    values = good_values(program=["Trusted club"], target=["Secret-2"], severity=["low"])
    assert messages(intake(tree, values))["severity"] == (
        "'low' is not a choice here; use one of: high."
    )


def test_invite_only_program_refuses_uninvited_without_revealing_who_is(tree: Tree) -> None:
    values = good_values(program=["Trusted club"], target=["Secret-2"])
    assert intake(tree, values, author="alice").problems == []
    refused = messages(intake(tree, values, author="bob"))["program"]
    expired = messages(intake(tree, values, author="alice", as_of=date(2027, 1, 2)))
    assert refused == (
        "Trusted club accepts submissions only from invited or approved hunters. See the "
        "program's page for how to apply."
    )
    assert expired["program"] in (refused, "Trusted club ended on 2027-01-01.")
    assert "alice" not in refused
