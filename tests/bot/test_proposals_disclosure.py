"""Disclosure on schedule: with a public content repository an accepted finding that is not yet
disclosable is kept back (nothing of it written there, not even its date), and the scheduled
run proposes it on its `disclose_on` day: not the day before, once however often it runs, and
not at all in a dry run."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from site_builder.bot.gateway import GitHubGateway
from site_builder.bot.model import Comment
from site_builder.bot.scheduled import Options, ScheduledReport, propose_disclosed
from site_builder.bot.state import find_bot_comment, read_state
from site_builder.cli import main
from site_builder.content.checks import validate
from tests.bot.conftest import BOT, Bot
from tests.bot.fake_github import FakeGitHub

REPO = "test-org/test-bounties"
ACCEPTED_ON = "2026-09-01T10:00:00Z"  # the coordinated policy's 90 days end on 2026-11-30
DISCLOSE_ON = date(2026, 11, 30)
DAY_BEFORE = date(2026, 11, 29)


@pytest.fixture
def public_root(root: Path) -> Path:
    """The minimal site with a public content repository (and nothing it may not hold)."""
    settings = root / "programs" / "site.yml"
    settings.write_text(settings.read_text().replace("public: false", "public: true"))
    shutil.rmtree(root / "programs" / "club")
    (root / "programs" / "demo" / "findings" / "DEMO-3.md").unlink()
    return root


@pytest.fixture
def accepted(server: FakeGitHub, public_root: Path, no_waiting: None) -> Bot:
    """Issue #7, accepted on 2026-09-01 and handled by the bot on 2026-11-23."""
    bot = Bot(server, public_root)
    bot.file(7, bot.body())
    comment = server.add_comment(
        7, author="maintainer", body="/accept severity=high", created_at=ACCEPTED_ON
    )
    event = bot.comment_event(7, "Thanks, accepted.")
    event["comment"] = comment
    bot.run("issue_comment", event)
    return bot


def _state(bot: Bot) -> object:
    found = bot.bot_comments(7)
    comments = [Comment(c["id"], c["user"]["login"], c["body"], "", "") for c in found]
    return read_state(find_bot_comment(comments, BOT))


def _scheduled(bot: Bot, day: date) -> ScheduledReport:
    content, problems = validate(bot.root, day)
    assert not [p.as_text() for p in problems if p.is_error]
    report = ScheduledReport()
    options = Options(day, root=bot.root, content_repository=REPO)

    def gateway_for(repository: str) -> GitHubGateway:
        return GitHubGateway(bot.server.api_url, "test-token", repository, read_timeout=0.5)

    propose_disclosed(gateway_for, content, options, report)
    assert report.errors == []
    return report


def _nothing_of_the_finding_in_the_repository(server: FakeGitHub) -> None:
    assert server.pulls == []
    assert set(server.branches) == {"main"}
    assert not [path for (_, path) in server.files if "findings/demo-7" in path]


def test_a_finding_not_yet_disclosable_waits_and_its_date_is_not_told(accepted: Bot) -> None:
    _nothing_of_the_finding_in_the_repository(accepted.server)
    (comment,) = accepted.bot_comments(7)
    assert "will be proposed on its disclosure date" in comment["body"]
    assert "cannot be recorded" not in comment["body"]
    assert DISCLOSE_ON.isoformat() not in comment["body"]
    state = _state(accepted)
    assert state.awaiting_disclosure is True and state.pull_request is None  # type: ignore[attr-defined]
    assert "accepted" in accepted.labels(7)


def test_the_day_before_its_date_the_scheduled_run_writes_nothing(accepted: Bot) -> None:
    writes = accepted.writes()
    report = _scheduled(accepted, DAY_BEFORE)
    assert report.lines == [f"{REPO}: 1 finding(s) awaiting disclosure, 0 proposed"]
    assert accepted.writes() == writes
    _nothing_of_the_finding_in_the_repository(accepted.server)


def test_on_its_date_it_is_proposed_once(accepted: Bot) -> None:
    report = _scheduled(accepted, DISCLOSE_ON)
    assert report.lines == [f"{REPO}: 1 finding(s) awaiting disclosure, 1 proposed"]
    (pull,) = accepted.server.pulls
    assert pull["head"]["ref"] == "bounties/submission-7"
    assert "Accepted in #7" in pull["body"]
    finding = accepted.server.files[("bounties/submission-7", "programs/demo/findings/demo-7.md")]
    assert f"disclose_on: '{DISCLOSE_ON}'" in str(finding) or f"disclose_on: {DISCLOSE_ON}" in str(
        finding
    )
    state = _state(accepted)
    assert state.awaiting_disclosure is False  # type: ignore[attr-defined]
    assert state.pull_request == pull["html_url"]  # type: ignore[attr-defined]
    (comment,) = accepted.bot_comments(7)
    assert pull["html_url"] in comment["body"]
    assert "will be proposed on its disclosure date" not in comment["body"]
    writes = accepted.writes()
    again = _scheduled(accepted, DISCLOSE_ON)
    assert again.lines == [f"{REPO}: 0 finding(s) awaiting disclosure, 0 proposed"]
    assert len(accepted.server.pulls) == 1 and accepted.writes() == writes


def test_a_dry_run_on_its_date_writes_nothing(
    accepted: Bot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key, value in {
        "GITHUB_API_URL": accepted.server.api_url,
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_TOKEN": "test-token",
    }.items():
        monkeypatch.setenv(key, value)
    writes = accepted.writes()
    args = ["bot", "--scheduled", "--dry-run", "--root", str(accepted.root)]
    main([*args, "--as-of", DISCLOSE_ON.isoformat()])
    out = capsys.readouterr().out
    assert "1 finding(s) awaiting disclosure, 1 proposed" in out
    assert f"would open a pull request in {REPO} from bounties/submission-7" in out
    assert accepted.writes() == writes
    _nothing_of_the_finding_in_the_repository(accepted.server)
    assert _state(accepted).awaiting_disclosure is True  # type: ignore[attr-defined]


def test_a_private_content_repository_proposes_at_once(
    server: FakeGitHub, root: Path, no_waiting: None
) -> None:
    bot = Bot(server, root)
    bot.file(7, bot.body())
    comment = server.add_comment(
        7, author="maintainer", body="/accept severity=high", created_at=ACCEPTED_ON
    )
    event = bot.comment_event(7, "Thanks, accepted.")
    event["comment"] = comment
    bot.run("issue_comment", event)
    assert len(server.pulls) == 1
    assert _state(bot).awaiting_disclosure is False  # type: ignore[attr-defined]
