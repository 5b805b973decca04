"""The bot validates the whole content with its proposed files before it opens a pull request,
refuses a ruling whose file would not validate (saying why), adds a hidden profile for a hunter
credited for the first time, and still acknowledges hunters while the content is invalid."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from site_builder.cli import main
from site_builder.content.checks import validate
from tests.bot.conftest import Bot
from tests.conftest import AS_OF
from tests.intake.test_intake_end_to_end import ANSWERS


def test_an_out_of_tier_reward_is_refused_with_a_reply(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=low reward=999999"))
    assert bot.server.pulls == []
    log = bot.bot_comments(7)[0]["body"]
    assert "The ruling cannot be recorded: the proposed finding would not validate" in log
    assert "reward" in log.split("would not validate")[1]
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=low reward=200"))
    assert len(bot.server.pulls) == 1


def test_a_first_time_hunter_gets_a_hidden_profile_in_the_same_pull_request(
    bot: Bot, tmp_path: Path
) -> None:
    bot.file(7, bot.body({**ANSWERS, "credit": "newcomer"}), author="newcomer")
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=high"))
    assert len(bot.server.pulls) == 1
    branch_files = {
        path: str(text)
        for (branch, path), text in bot.server.files.items()
        if branch == "bounties/submission-7"
    }
    profile = yaml.safe_load(branch_files["programs/_hunters/newcomer.yml"])
    assert profile == {"handle": "newcomer", "name": "newcomer", "leaderboard": {"show": "hidden"}}
    # The branch, merged, validates.
    merged = tmp_path / "merged"
    merged.mkdir()
    shutil.copytree(bot.root / "programs", merged / "programs")
    for path, text in branch_files.items():
        (merged / path).parent.mkdir(parents=True, exist_ok=True)
        (merged / path).write_text(text)
    assert [p.as_text() for p in validate(merged, AS_OF)[1] if p.is_error] == []


def test_while_the_content_is_invalid_hunters_are_still_acknowledged(
    bot: Bot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    finding = bot.root / "programs" / "demo" / "findings" / "DEMO-1.md"
    finding.write_text(finding.read_text().replace("severity: high", "severity: hihg"))
    bot.file(7, bot.body())
    path = tmp_path / "event.json"
    path.write_text(json.dumps(bot.issue_event(7)))
    for key, value in {
        "GITHUB_EVENT_PATH": str(path),
        "GITHUB_EVENT_NAME": "issues",
        "GITHUB_API_URL": bot.server.api_url,
        "GITHUB_REPOSITORY": "test-org/test-bounties",
        "GITHUB_TOKEN": "test-token",
    }.items():
        monkeypatch.setenv(key, value)
    assert main(["bot", "--root", str(bot.root)]) == 1
    err = capsys.readouterr().err
    assert "the content has errors" in err and "checks paused" in err
    (comment,) = bot.bot_comments(7)
    assert "Automatic checks are paused while the program files are being fixed" in comment["body"]
    assert main(["bot", "--root", str(bot.root)]) == 1  # a second run adds nothing
    assert len(bot.bot_comments(7)) == 1
