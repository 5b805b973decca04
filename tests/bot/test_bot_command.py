"""`bounties bot` as GitHub Actions runs it (environment variables), and --dry-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_builder.cli import main
from tests.bot.conftest import Bot
from tests.conftest import FIXTURES


def env_for(
    monkeypatch: pytest.MonkeyPatch,
    bot: Bot,
    event: dict,
    tmp_path: Path,
    name: str,
) -> None:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event))
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(path))
    monkeypatch.setenv("GITHUB_EVENT_NAME", name)
    monkeypatch.setenv("GITHUB_API_URL", bot.server.api_url)
    monkeypatch.setenv("GITHUB_REPOSITORY", "test-org/test-bounties")
    monkeypatch.setenv("GITHUB_TOKEN", "test-token")


def test_runs_from_the_actions_environment(
    bot: Bot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bot.file(7, bot.body())
    env_for(monkeypatch, bot, bot.issue_event(7), tmp_path, "issues")
    assert main(["bot", "--root", str(bot.root), "--as-of", "2026-11-23"]) == 0
    err = capsys.readouterr().err
    assert "#7: valid; ruling none; 4 API request(s)" in err
    assert len(bot.bot_comments(7)) == 1


def test_a_failed_github_write_is_reported_and_fails_the_run(
    bot: Bot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=high"))
    bot.server.fault("PUT", r"/contents/programs/demo/findings/demo-7\.md$", 409)
    event = bot.comment_event(7, "/disclose 2027-03-01")
    env_for(monkeypatch, bot, event, tmp_path, "issue_comment")
    assert main(["bot", "--root", str(bot.root), "--as-of", "2026-11-23"]) == 1
    assert (
        "bounties bot: could not update programs/demo/findings/demo-7.md on "
        "bounties/submission-7 (HTTP 409)" in capsys.readouterr().err
    )


def test_missing_token_is_a_usage_error(
    bot: Bot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bot.file(7, bot.body())
    env_for(monkeypatch, bot, bot.issue_event(7), tmp_path, "issues")
    monkeypatch.delenv("GITHUB_TOKEN")
    assert main(["bot", "--root", str(bot.root)]) == 2
    assert "GITHUB_TOKEN is not set" in capsys.readouterr().err


def test_dry_run_on_a_saved_event_touches_nothing(
    bot: Bot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    event = json.loads((FIXTURES / "github-events" / "issues.opened.1.json").read_text())
    event["issue"]["body"] = bot.body()
    event["issue"]["labels"] = [{"name": "submission"}]
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event))
    assert (
        main(
            [
                "bot",
                "--event",
                str(path),
                "--dry-run",
                "--root",
                str(bot.root),
                "--as-of",
                "2026-11-23",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "(dry run) would add labels to #1: program:demo, severity:high" in out
    assert "Submission check: complete" in out
    assert bot.server.requests == []


def test_event_without_a_body_is_not_a_submission(
    bot: Bot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = FIXTURES / "github-events" / "issues.opened.2.json"
    assert main(["bot", "--event", str(path), "--dry-run", "--root", str(bot.root)]) == 0
    assert "is not a submission; nothing to do" in capsys.readouterr().err
