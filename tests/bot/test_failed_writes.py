"""A write GitHub refuses or fails (403, 404, 422, 500) ends the run with a clear error naming
the step (exit 1, no traceback), leaves nothing public that claims more than was written, and
the next run finishes the job."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_builder.bot.gateway import GatewayError
from site_builder.cli import main
from tests.bot.conftest import Bot
from tests.bot.test_bot_command import env_for

BRANCH = "bounties/submission-7"
FINDING = "programs/demo/findings/demo-7.md"
NOT_ALLOWED = {"message": "Resource not accessible by integration"}
CONTENTS = "`contents: write`"
PULLS = "`pull-requests: write`"


def run_cli(bot: Bot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, event: dict):
    env_for(monkeypatch, bot, event, tmp_path, name)
    return main(["bot", "--root", str(bot.root), "--as-of", "2026-11-23"])


def assert_clear_failure(err: str, step: str, status: int, needs: str | None) -> None:
    assert f"bounties bot: could not {step} (HTTP {status}): " in err
    assert "Traceback" not in err and "internal error" not in err
    if status == 403:
        assert "Resource not accessible by integration" in err
        assert f"check the workflow's `permissions:` (this needs {needs}" in err


def proposal_left(bot: Bot) -> set[str]:
    """What of the proposal is on the fake GitHub: branch, finding file, pull request."""
    left = set()
    if BRANCH in bot.server.branches:
        left.add("branch")
    if (BRANCH, FINDING) in bot.server.files:
        left.add("file")
    if bot.server.pulls:
        left.add("pull")
    return left


@pytest.mark.parametrize(
    ("method", "path", "status", "step", "needs", "left"),
    [
        pytest.param(
            "POST", r"/git/refs$", 403, f"create branch {BRANCH}", CONTENTS, set(), id="branch-403"
        ),
        pytest.param(
            "POST", r"/git/refs$", 500, f"create branch {BRANCH}", None, set(), id="branch-500"
        ),
        pytest.param(
            "PUT",
            rf"/contents/{re.escape(FINDING)}$",
            403,
            f"create {FINDING} on {BRANCH}",
            CONTENTS,
            {"branch"},
            id="file-403",
        ),
        pytest.param(  # a 404 on a file write is an error, not a vanished issue
            "PUT",
            rf"/contents/{re.escape(FINDING)}$",
            404,
            f"create {FINDING} on {BRANCH}",
            None,
            {"branch"},
            id="file-404",
        ),
        pytest.param(
            "POST",
            r"/pulls$",
            403,
            f"open a pull request from {BRANCH}",
            PULLS,
            {"branch", "file"},
            id="pull-403",
        ),
        pytest.param(
            "POST",
            r"/pulls$",
            422,
            f"open a pull request from {BRANCH}",
            None,
            {"branch", "file"},
            id="pull-422",
        ),
    ],
)
def test_a_failed_proposal_write_fails_clearly_and_the_next_run_completes_it(
    bot: Bot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    method: str,
    path: str,
    status: int,
    step: str,
    needs: str | None,
    left: set[str],
) -> None:
    bot.file(7, bot.body())
    body = NOT_ALLOWED if status == 403 else None
    fault = bot.server.fault(method, path, status, body=body, times=2)
    with pytest.raises(GatewayError, match=rf"^could not {re.escape(step)} \(HTTP {status}\)"):
        bot.run("issue_comment", bot.comment_event(7, "/accept severity=high"))
    assert run_cli(bot, monkeypatch, tmp_path, "issue_comment", bot.comment_event(7, "ok")) == 1
    assert_clear_failure(capsys.readouterr().err, step, status, needs)
    assert fault.hits == 2
    # Only the steps before the failed one are written; the issue says nothing yet.
    assert proposal_left(bot) == left
    assert bot.bot_comments(7) == [] and "accepted" not in bot.labels(7)

    assert run_cli(bot, monkeypatch, tmp_path, "issue_comment", bot.comment_event(7, "ok")) == 0
    assert proposal_left(bot) == {"branch", "file", "pull"}
    [pull] = bot.server.pulls
    assert "status: accepted" in bot.server.files[(BRANCH, FINDING)]
    assert "accepted" in bot.labels(7) and pull["html_url"] in bot.bot_comments(7)[0]["body"]


def test_a_refused_label_removal_fails_clearly_and_the_next_run_completes_it(
    bot: Bot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bot.file(8, bot.body(consents=[]))
    bot.run("issues", bot.issue_event(8))
    answer = bot.bot_comments(8)[0]["body"]
    assert "needs-info" in bot.labels(8)
    bot.server.issues[8]["body"] = bot.body()  # fixed: needs-info is now stale
    fault = bot.server.fault(
        "DELETE", r"/issues/8/labels/needs-info$", 403, body=NOT_ALLOWED, times=2
    )
    step = "remove label needs-info from #8"
    with pytest.raises(GatewayError, match=rf"^could not {step} \(HTTP 403\)"):
        bot.run("issues", bot.issue_event(8, "edited"))
    assert run_cli(bot, monkeypatch, tmp_path, "issues", bot.issue_event(8, "edited")) == 1
    assert_clear_failure(capsys.readouterr().err, step, 403, "`issues: write`")
    assert fault.hits == 2
    # The labels added before the removal stay, the stale one too; the answer is not updated.
    assert bot.labels(8) == {"submission", "program:demo", "severity:high", "needs-info"}
    assert bot.bot_comments(8)[0]["body"] == answer

    assert run_cli(bot, monkeypatch, tmp_path, "issues", bot.issue_event(8, "edited")) == 0
    assert bot.labels(8) == {"submission", "program:demo", "severity:high"}
    [comment] = bot.bot_comments(8)
    assert "Submission check: complete" in comment["body"]
