"""Private vulnerability reports, end to end against the fake GitHub: each report in triage is
checked against its program and the triage recorded in the private triage repository only;
nothing is written anywhere public (no issue, label or comment, no change to the advisory) and
the log names GHSA ids and counts, never a report's text or reporter."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.bot.fake_github import FakeGitHub
from tests.bot.test_scheduled_setup import APP, INTAKE, NOTES, SITE_REPO, Site, new_site

Capsys = pytest.CaptureFixture[str]
SUMMARY = "[reports] Zebra-unicorn prompt unlocks the weights"
DESCRIPTION = "Step 1: send the marmalade-quixotic payload to the endpoint."
REPORTER = "zed-reporter"
SECRETS = ("Zebra", "unicorn", "weights", "marmalade", "quixotic", REPORTER)
FIRST, SECOND = "GHSA-2345-6789-cfgh", "GHSA-jmpq-rvwx-2345"


@pytest.fixture
def site(
    server: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_waiting: None
) -> Site:
    site = new_site(server, tmp_path, monkeypatch)
    site.add_program("reports", "demo", submit={"channel": "private-reports"}, panel=None)
    site.edit_program("reports", model="trusted-hunters")
    server.add_repository(NOTES, private=True)
    return site


def report(site: Site, ghsa_id: str = FIRST, **changes: object) -> dict:
    fields: dict = {
        "summary": SUMMARY,
        "description": DESCRIPTION,
        "reporter": REPORTER,
        "severity": "high",
        "created_at": "2026-11-20T08:00:00Z",
        **changes,
    }
    return site.server.add_advisory(SITE_REPO, ghsa_id, **fields)


def notes(site: Site) -> dict[int, dict]:
    return site.server.repository(NOTES).issues


def assert_nothing_leaked(site: Site, *texts: str) -> None:
    for method, path in site.writes():
        assert path.startswith(f"/repos/{NOTES}/"), (method, path)
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, secret


def test_reports_are_triaged_in_the_private_repository_only(site: Site, capsys: Capsys) -> None:
    report(site)
    report(site, SECOND, summary="No prefix here", created_at="2026-11-21T08:00:00Z")
    before = [dict(a) for a in site.server.main.advisories]
    run = site.run(capsys, "--triage-repository", NOTES)
    assert run.code == 0, run.err
    assert run.out.splitlines()[1] == (
        f"{SITE_REPO}: 2 private report(s) in triage ({FIRST}, {SECOND}); "
        f"triage in {NOTES}: 2 new, 0 updated"
    )
    assert_nothing_leaked(site, run.out, run.err)
    assert site.server.main.advisories == before  # the reporter's advisory is never changed
    assert sorted(i["title"] for i in notes(site).values()) == [
        f"Private report {FIRST}",
        f"Private report {SECOND}",
    ]
    for issue in notes(site).values():
        assert issue["user"]["login"] == APP
        assert [label["name"] for label in issue["labels"]] == ["private-report"]
    [first] = [i for i in notes(site).values() if FIRST in i["title"]]
    assert first["body"] == (
        f"<!-- bounties-bot:advisory {FIRST} -->\n"
        f"### Private report {FIRST}\n\n"
        f"Report: {site.server.base_url}/{SITE_REPO}/security/advisories/{FIRST} "
        "(reported on 2026-11-20).\n\n"
        "Program: **Program reports** (`reports`).\n\n"
        "- Checks passed.\n\n"
        "First response due on 2026-11-23; triage decision due on 2026-11-30.\n"
    )
    # The note quotes nothing of the report either.
    assert_nothing_leaked(site, first["body"])


def test_a_second_run_records_nothing_new(site: Site, capsys: Capsys) -> None:
    report(site)
    assert site.run(capsys, "--triage-repository", NOTES).code == 0
    writes = site.writes()
    again = site.run(capsys, "--triage-repository", NOTES)
    assert again.code == 0, again.err
    assert site.writes() == writes
    assert f"triage in {NOTES}: 0 new, 0 updated" in again.out
    # A changed report updates its note in place.
    site.server.main.advisories[0]["severity"] = None
    third = site.run(capsys, "--triage-repository", NOTES)
    assert f"triage in {NOTES}: 0 new, 1 updated" in third.out
    [note] = notes(site).values()
    assert "- No severity claimed." in note["body"]


def test_without_a_triage_repository_nothing_is_written(site: Site, capsys: Capsys) -> None:
    report(site)
    run = site.run(capsys)
    assert run.code == 0, run.err
    assert site.writes() == []
    assert (
        f"{SITE_REPO}: 1 private report(s) in triage ({FIRST}); not recorded: no triage "
        "repository (--triage-repository)"
    ) in run.out
    assert_nothing_leaked(site, run.out, run.err)


@pytest.mark.parametrize(
    ("repository", "reason"),
    [
        ("test-org/public-notes", "it is public"),
        (INTAKE, "hunters can read"),
        (SITE_REPO, "hunters can read"),
    ],
)
def test_a_triage_repository_others_can_read_is_refused(
    site: Site, capsys: Capsys, repository: str, reason: str
) -> None:
    site.server.add_repository("test-org/public-notes", private=False)
    report(site)
    run = site.run(capsys, "--triage-repository", repository)
    assert run.code == 1
    assert f"refusing to record private-report triage in {repository}" in run.err
    assert reason in run.err and "Traceback" not in run.err
    assert site.writes() == []


def test_the_program_is_named_by_the_summary_or_unknown(site: Site, capsys: Capsys) -> None:
    site.add_program("second", "reports")
    report(site, FIRST, summary="[second] Something")
    report(site, SECOND, summary="No prefix, and two programs take reports here")
    assert site.run(capsys, "--triage-repository", NOTES).code == 0
    bodies = {i["title"].split()[-1]: i["body"] for i in notes(site).values()}
    assert "Program: **Program second** (`second`)." in bodies[FIRST]
    assert "**Unknown program**" in bodies[SECOND]
    assert "(`[reports]`, `[second]`)" in bodies[SECOND]


def test_the_report_is_checked_against_the_program_on_its_day(site: Site, capsys: Capsys) -> None:
    rewards = yaml.safe_load(site.program_file("reports").read_text())["rewards"]
    rewards["table"] = [row for row in rewards["table"] if row["rating"] != "low"]
    site.edit_program("reports", rewards=rewards)
    site.edit_program("reports", duration={"start": "2026-01-01", "end": "2026-06-30"})
    site.edit_program("reports", status="closed")
    report(site, severity="low")
    assert site.run(capsys, "--triage-repository", NOTES).code == 0
    [note] = notes(site).values()
    assert "- Program reports is closed and does not accept submissions." in note["body"]
    assert "- 'low' is not a choice here; use one of: " in note["body"]


def test_a_dry_run_writes_nothing(site: Site, capsys: Capsys) -> None:
    report(site)
    run = site.run(capsys, "--triage-repository", NOTES, "--dry-run")
    assert run.code == 0, run.err
    assert site.writes() == []
    assert f"(dry run) would open an issue in {NOTES}" in run.out
    assert_nothing_leaked(site, run.out, run.err)


def test_failures_are_reported_without_report_text(site: Site, capsys: Capsys) -> None:
    report(site)
    site.server.fault("POST", rf"^/repos/{NOTES}/issues$", 500)
    run = site.run(capsys, "--triage-repository", NOTES)
    assert run.code == 1
    assert f"could not open an issue in {NOTES} (HTTP 500)" in run.err
    assert_nothing_leaked(site, run.out, run.err)
    site.server.fault("GET", r"/security-advisories$", 403)
    refused = site.run(capsys, "--triage-repository", NOTES)
    assert refused.code == 1
    assert "Repository security advisories: read" in refused.err
