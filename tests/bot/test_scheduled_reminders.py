"""Reminders of response targets, end to end against the fake GitHub: one comment per open
submission issue, upserted (never a second one), carrying only due dates, and only once a
target is due within a day or missed and not met."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.bot.fake_github import FakeGitHub
from tests.bot.test_scheduled_setup import APP, INTAKE, SITE_REPO, Site, new_site

Capsys = pytest.CaptureFixture[str]
MARKER = "<!-- bounties-bot:reminder -->"
FOOTER = (
    "Counted from the day this issue was opened, by the program's response targets. "
    "This comment is updated, never repeated.\n"
)


@pytest.fixture
def site(
    server: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_waiting: None
) -> Site:
    return new_site(server, tmp_path, monkeypatch)


def submission(site: Site, number: int, opened: str, program: str = "demo", **kw: object) -> None:
    """An open submission issue in the public site repository (demo: first response in 3 days,
    triage decision in 10)."""
    labels = ["submission", f"program:{program}"] if program else ["submission"]
    fields: dict = {"title": "[demo] Role-play bypass", "body": "...", "author": "alice", **kw}
    site.server.add_issue(number, labels=labels, created_at=f"{opened}T10:00:00Z", **fields)


def reminders(site: Site, number: int, repository: str = SITE_REPO) -> list[str]:
    comments = site.server.repository(repository).comments.get(number, [])
    return [c["body"] for c in comments if c["user"]["login"] == APP]


def expected(*lines: str) -> str:
    return f"{MARKER}\n### Reminder for maintainers\n\n" + "\n".join(lines) + "\n\n" + FOOTER


def test_one_reminder_is_posted_then_kept_up_to_date(site: Site, capsys: Capsys) -> None:
    submission(site, 7, "2026-11-20")
    run = site.run(capsys, as_of=date(2026, 11, 22))
    assert run.code == 0, run.err
    assert f"{SITE_REPO}: reminders 1 posted, 0 updated" in run.out
    # In a public repository: nothing but the due date, which the program's page publishes.
    assert reminders(site, 7) == [expected("- First response: due on 2026-11-23 (due tomorrow).")]
    writes = len(site.writes())
    assert site.run(capsys, as_of=date(2026, 11, 22)).code == 0
    assert len(site.writes()) == writes  # the same day: nothing changes
    site.run(capsys, as_of=date(2026, 11, 23))
    assert reminders(site, 7) == [expected("- First response: due on 2026-11-23 (due today).")]
    site.run(capsys, as_of=date(2026, 11, 29))
    assert reminders(site, 7) == [
        expected(
            "- First response: due on 2026-11-23 (overdue).",
            "- Triage decision: due on 2026-11-30 (due tomorrow).",
        )
    ]


def test_only_a_maintainers_comment_is_a_first_response(site: Site, capsys: Capsys) -> None:
    submission(site, 7, "2026-11-20")
    for author in ("alice", "passer-by", "github-actions[bot]"):
        site.server.add_comment(7, author=author, body="Any news?")
    site.run(capsys, as_of=date(2026, 11, 24))
    assert reminders(site, 7) == [expected("- First response: due on 2026-11-23 (overdue).")]
    site.server.add_comment(7, author="maintainer", body="Looking into it.")
    run = site.run(capsys, as_of=date(2026, 11, 24))
    assert f"{SITE_REPO}: reminders 0 posted, 1 updated" in run.out
    assert reminders(site, 7) == [expected("No response target is pending any more.")]


def test_a_maintainer_who_filed_the_issue_does_not_answer_it(site: Site, capsys: Capsys) -> None:
    submission(site, 7, "2026-11-20", author="maintainer")
    site.server.add_comment(7, author="maintainer", body="Adding a detail.")
    site.run(capsys, as_of=date(2026, 11, 24))
    assert reminders(site, 7) == [expected("- First response: due on 2026-11-23 (overdue).")]


def test_a_triager_counts_as_a_maintainer(site: Site, capsys: Capsys) -> None:
    site.set_triagers("tess")
    submission(site, 8, "2026-11-20")
    site.server.add_comment(8, author="tess", body="Triaging.")
    run = site.run(capsys, as_of=date(2026, 11, 24))
    assert run.code == 0, run.err
    assert reminders(site, 8) == []
    assert site.writes() == []


def test_a_ruling_label_meets_the_triage_target(site: Site, capsys: Capsys) -> None:
    submission(site, 7, "2026-11-10")
    site.server.add_comment(7, author="maintainer", body="Thanks, reproducing.")
    site.run(capsys, as_of=date(2026, 11, 23))
    assert reminders(site, 7) == [expected("- Triage decision: due on 2026-11-20 (overdue).")]
    site.server.issues[7]["labels"].append(site.server.add_label("accepted"))
    site.run(capsys, as_of=date(2026, 11, 23))
    assert reminders(site, 7) == [expected("No response target is pending any more.")]
    writes = len(site.writes())
    site.run(capsys, as_of=date(2026, 11, 24))
    assert len(site.writes()) == writes


def test_issues_that_need_no_reminder_cost_no_request(site: Site, capsys: Capsys) -> None:
    submission(site, 7, "2026-11-22")  # first response due 2026-11-25
    submission(site, 8, "2026-11-01", program="")  # no program label yet
    submission(site, 9, "2026-11-01", program="club")  # invite-only, filed in public
    submission(site, 10, "2026-11-01", state="closed")
    run = site.run(capsys)
    assert run.code == 0, run.err
    assert site.writes() == []
    assert site.server.count("GET", r"/comments$") == 0


def test_the_private_intake_repository_gets_reminders_too(site: Site, capsys: Capsys) -> None:
    site.server.add_issue_in(
        INTAKE,
        3,
        title="[club] Finding",
        body="...",
        author="alice",
        labels=["submission", "program:club"],
        created_at="2026-11-20T10:00:00Z",
    )
    run = site.run(capsys)  # club: first response in 1 day, triage decision in 5
    assert run.code == 0, run.err
    assert f"{INTAKE}: reminders 1 posted, 0 updated" in run.out
    assert reminders(site, 3, INTAKE) == [
        expected("- First response: due on 2026-11-21 (overdue).")
    ]


def test_a_failure_names_no_commenter(site: Site, capsys: Capsys) -> None:
    site.server.add_issue_in(
        INTAKE,
        3,
        title="[club] Finding",
        body="...",
        author="alice",
        labels=["submission", "program:club"],
        created_at="2026-11-20T10:00:00Z",
    )
    site.server.add_comment_in(INTAKE, 3, author="invited-bob", body="Same here.")
    site.server.fault("GET", r"/collaborators/invited-bob/permission$", 500, times=-1)
    run = site.run(capsys)
    assert run.code == 1
    assert f"could not read a commenter's permission on {INTAKE}" in run.err
    assert "invited-bob" not in run.out + run.err


def test_a_forged_reminder_is_not_taken_for_the_bots(site: Site, capsys: Capsys) -> None:
    submission(site, 7, "2026-11-20")
    site.server.add_comment(7, author="passer-by", body=f"{MARKER}\nAll fine, nothing due.")
    site.run(capsys, as_of=date(2026, 11, 24))
    bodies = [c["body"] for c in site.server.comments[7]]
    assert bodies[0] == f"{MARKER}\nAll fine, nothing due."
    assert reminders(site, 7) == [expected("- First response: due on 2026-11-23 (overdue).")]


def test_a_dry_run_posts_nothing(site: Site, capsys: Capsys) -> None:
    submission(site, 7, "2026-11-20")
    run = site.run(capsys, "--dry-run", as_of=date(2026, 11, 24))
    assert run.code == 0, run.err
    assert site.writes() == []
    assert f"(dry run) would comment on {SITE_REPO}#7" in run.out
