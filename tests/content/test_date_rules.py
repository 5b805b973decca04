"""Date rules and their boundaries: the order of a finding's dates, invitations, the duplicate
window and overdue risk reviews."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from site_builder.content.records import Invitation
from site_builder.intake.submission import build_submission
from site_builder.scoring.public import board_rows
from site_builder.site.generate import generate_site
from tests.conftest import AS_OF, Tree, only

# Every (earlier, later) pair of the date-order rule, written out by hand on purpose.
DATE_ORDER = [
    ("submitted", "first_response"),
    ("submitted", "triaged"),
    ("first_response", "triaged"),
    ("submitted", "accepted"),
    ("triaged", "accepted"),
    ("accepted", "fixed"),
    ("accepted", "rewarded"),
    ("submitted", "disclose_on"),
]

DATED = "demo/findings/DEMO-9.md"


def write_dated_finding(tree: Tree, dates: dict[str, date]) -> None:
    """A wont-fix finding (it needs no particular date and may be published) with only
    `dates`, written in the order given, from line 8 on."""
    if "submitted" not in dates:
        dates = {**dates, "submitted": date(2026, 2, 1)}
    lines = "".join(f"{name}: {day.isoformat()}\n" for name, day in dates.items())
    tree.write(
        DATED,
        "---\nid: DEMO-9\ntitle: Dated finding\nseverity: high\ncategory: jailbreak\n"
        f"status: wont-fix\nhunters: [alice]\n{lines}---\n\nDates only.\n",
    )


@pytest.mark.parametrize(("earlier", "later"), DATE_ORDER)
def test_a_later_date_one_day_before_the_earlier_one_is_an_error(
    tree: Tree, earlier: str, later: str
) -> None:
    write_dated_finding(tree, {later: date(2026, 3, 9), earlier: date(2026, 3, 10)})
    assert only(tree.problems()) == (
        f"programs/{DATED}:8:{len(later) + 3}: error: {later}: "
        f"{later} 2026-03-09 is before {earlier} 2026-03-10"
    )


@pytest.mark.parametrize(("earlier", "later"), DATE_ORDER)
def test_a_later_date_on_the_same_day_as_the_earlier_one_is_allowed(
    tree: Tree, earlier: str, later: str
) -> None:
    write_dated_finding(tree, {later: date(2026, 3, 10), earlier: date(2026, 3, 10)})
    assert tree.problems() == []


# -- invitations: `since` and `until` are both days of the invitation ----------------------------

INVITED = Invitation(hunter="alice", since=date(2026, 3, 1), until=date(2026, 3, 31))


@pytest.mark.parametrize(
    ("day", "active"),
    [
        (date(2026, 2, 28), False),
        (date(2026, 3, 1), True),
        (date(2026, 3, 31), True),
        (date(2026, 4, 1), False),
    ],
)
def test_an_invitation_counts_from_its_first_to_its_last_day(day: date, active: bool) -> None:
    assert INVITED.active(day) is active


def test_an_invitation_without_until_never_expires() -> None:
    assert Invitation(hunter="alice", since=date(2026, 3, 1)).active(date(2099, 1, 1))


CLUB_1 = "club/findings/CLUB-1.md"  # submitted 2026-03-01 by alice


def test_a_finding_submitted_on_the_invitations_last_day_is_invited(tree: Tree) -> None:
    tree.replace("club/invitations.yml", "until: 2026-12-31", "until: 2026-03-01")
    assert tree.problems() == []


def test_a_finding_submitted_the_day_after_the_invitation_ended_is_not(tree: Tree) -> None:
    tree.replace("club/invitations.yml", "until: 2026-12-31", "until: 2026-02-28")
    assert "hunter 'alice' was not invited to invite-only program club on 2026-03-01" in only(
        tree.problems()
    )


def test_a_finding_submitted_on_the_invitations_first_day_is_invited(tree: Tree) -> None:
    tree.replace("club/invitations.yml", "since: 2026-01-01", "since: 2026-03-01")
    assert tree.problems() == []


def test_a_finding_submitted_the_day_before_the_invitation_began_is_not(tree: Tree) -> None:
    tree.replace("club/invitations.yml", "since: 2026-01-01", "since: 2026-03-02")
    assert "hunter 'alice' was not invited to invite-only program club on 2026-03-01" in only(
        tree.problems()
    )


def club_submission_problem(tree: Tree, as_of: date) -> str | None:
    """What the intake says about the program field when alice submits to the club."""
    content, _ = tree.validate()
    result = build_submission(
        {"program": ["Trusted club"]}, title="", content=content, author="alice", as_of=as_of
    )
    return {p.field: p.message for p in result.problems}.get("program")


def test_intake_accepts_an_invited_hunter_on_the_invitations_last_day(tree: Tree) -> None:
    # The club runs until 2027-01-01; alice's invitation ends on 2026-12-31.
    assert club_submission_problem(tree, date(2026, 12, 31)) is None
    assert club_submission_problem(tree, date(2027, 1, 1)) == (
        "Trusted club accepts submissions only from invited or approved hunters. See the "
        "program's page for how to apply."
    )


# -- the duplicate window: a duplicate exactly `duplicate_window_days` later still shares --------


def points_by_hunter(tree: Tree) -> dict[object, object]:
    content, problems = tree.validate()
    assert not [p for p in problems if p.is_error]
    return {r["hunter"]: r["points"] for r in board_rows(content, AS_OF)}


def test_a_duplicate_on_the_last_day_of_the_window_shares_the_points(tree: Tree) -> None:
    # DEMO-1 (high, 50 points, alice) was submitted on 2026-02-01; the window is 7 days.
    tree.replace("demo/findings/DEMO-2.md", "submitted: 2026-02-02", "submitted: 2026-02-08")
    assert points_by_hunter(tree) == {"Alice Example": 25, "The Builder": 25}


def test_a_duplicate_the_day_after_the_window_earns_the_late_points(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-2.md", "submitted: 2026-02-02", "submitted: 2026-02-09")
    tree.append("demo/program.yml", "scoring:\n  late_duplicate_points: 3\n")
    assert points_by_hunter(tree) == {"Alice Example": 50, "The Builder": 3}


def test_the_duplicate_window_follows_the_programs_setting(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-2.md", "submitted: 2026-02-02", "submitted: 2026-02-04")
    tree.append("demo/program.yml", "scoring:\n  duplicate_window_days: 2\n")
    assert points_by_hunter(tree) == {"Alice Example": 50}  # a late duplicate earns 0 here
    tree.replace("demo/program.yml", "duplicate_window_days: 2", "duplicate_window_days: 3")
    assert points_by_hunter(tree) == {"Alice Example": 25, "The Builder": 25}


# -- risk reviews: overdue is reported for open and paused programs, not closed or draft ---------

# demo: last review 2026-03-01, every 365 days, so due on 2027-03-01 and overdue the day after.
OVERDUE = date(2027, 3, 2)
PAUSE = "pause:\n  reason: Risk review found a new hazard\n  since: 2026-10-01\n"


def set_status(tree: Tree, status: str) -> None:
    tree.replace("demo/program.yml", "status: open", f"status: {status}")
    if status == "paused":
        tree.append("demo/program.yml", PAUSE)


def review_warnings(tree: Tree, as_of: date) -> list[str]:
    return [
        p for p in tree.problems(as_of) if "demo/program.yml" in p and "risk review overdue" in p
    ]


def review_banner(tree: Tree, as_of: date) -> bool:
    content, _ = tree.validate(as_of)
    pages, _ = generate_site(content, as_of)
    body = next(p.body for p in pages if p.src_uri == "programs/demo/index.md")
    return "Risk review overdue" in body


@pytest.mark.parametrize("status", ["open", "paused"])
def test_an_overdue_risk_review_is_reported_while_the_program_runs_or_is_paused(
    tree: Tree, status: str
) -> None:
    if status != "open":
        set_status(tree, status)
    assert only(review_warnings(tree, OVERDUE)).startswith(
        "programs/demo/program.yml:44:16: warning: risk_review.last_review: risk review overdue "
        "since 2027-03-01 (last review 2026-03-01, every 365 days)"
    )
    assert review_banner(tree, OVERDUE)


@pytest.mark.parametrize("status", ["open", "paused"])
def test_a_risk_review_due_today_is_not_yet_overdue(tree: Tree, status: str) -> None:
    if status != "open":
        set_status(tree, status)
    due = OVERDUE - timedelta(days=1)
    assert review_warnings(tree, due) == []
    assert not review_banner(tree, due)


def test_a_closed_program_is_not_reminded_of_its_risk_review(tree: Tree) -> None:
    set_status(tree, "closed")
    assert review_warnings(tree, OVERDUE) == []
    assert not review_banner(tree, OVERDUE)


def test_a_draft_program_is_not_reminded_of_its_risk_review(tree: Tree) -> None:
    set_status(tree, "draft")
    assert review_warnings(tree, OVERDUE) == []
