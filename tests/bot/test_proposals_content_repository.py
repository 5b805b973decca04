"""Proposals go to the content repository: in the "lab with private intake" set-up the bot runs
in the private intake repository, where the issues are, and proposes accepted findings (branch,
finding file, pull request) in the content repository (`--content-repository`). The issue gets
only the bot's comment and labels; issue and pull request name each other in full."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from site_builder.cli import main
from tests.bot.conftest import BOT, EVENTS, WRITES, Bot
from tests.bot.fake_github import FakeGitHub

CONTENT = "test-org/test-bounties"
INTAKE = "test-org/test-intake"
BRANCH = "bounties/submission-7"


def _use_intake(root: Path) -> None:
    path = root / "programs" / "demo" / "program.yml"
    data = yaml.safe_load(path.read_text())
    data["submit"] = {"channel": "private-issues", "repository": INTAKE}
    path.write_text(yaml.safe_dump(data, sort_keys=False))


@pytest.fixture
def site(server: FakeGitHub, root: Path, no_waiting: None) -> Bot:
    server.main.private = True
    server.add_repository(INTAKE, private=True)
    server.set_role(INTAKE, "maintainer", "maintain")
    bot = Bot(server, root)  # the form, before the program takes its issues in the intake
    _use_intake(root)
    server.add_issue_in(
        INTAKE,
        7,
        title="[demo] Role-play bypass",
        body=bot.body(),
        author="alice",
        labels=["submission", "program:demo"],
    )
    return bot


def _accept(site: Bot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *options: str) -> int:
    """`/accept` on the intake issue, handled as the intake repository's workflow runs it."""
    intake = site.server.repository(INTAKE)
    comment = site.server.add_comment_in(
        INTAKE, 7, author="maintainer", body="/accept severity=high"
    )
    event = json.loads((EVENTS / "issue_comment.created.1.json").read_text())
    event["issue"] = copy.deepcopy(intake.issues[7])
    event["comment"] = comment
    event["repository"] = site.server.repo_json(intake)
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event))
    for key, value in {
        "GITHUB_EVENT_PATH": str(path),
        "GITHUB_EVENT_NAME": "issue_comment",
        "GITHUB_API_URL": site.server.api_url,
        "GITHUB_REPOSITORY": INTAKE,
        "GITHUB_TOKEN": "test-token",
    }.items():
        monkeypatch.setenv(key, value)
    return main(["bot", "--root", str(site.root), "--as-of", "2026-11-23", *options])


def _intake_writes(server: FakeGitHub) -> list[str]:
    prefix = f"/repos/{INTAKE}/"
    return [
        path for method, path in server.requests if method in WRITES and path.startswith(prefix)
    ]


def test_a_finding_accepted_in_the_intake_is_proposed_in_the_content_repository(
    site: Bot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _accept(site, tmp_path, monkeypatch, "--content-repository", CONTENT) == 0
    (pull,) = site.server.pulls  # the content repository's
    assert pull["head"]["ref"] == BRANCH
    assert (BRANCH, "programs/demo/findings/demo-7.md") in site.server.files
    assert f"{INTAKE}#7" in pull["title"] and f"Accepted in {INTAKE}#7" in pull["body"]
    intake = site.server.repository(INTAKE)
    assert intake.pulls == [] and set(intake.branches) == {"main"} and intake.files == {}
    # On the issue: the bot's one comment and labels, nothing else.
    assert all(
        re.fullmatch(rf"/repos/{INTAKE}/issues/(7/comments|7/labels|comments/\d+)", path)
        for path in _intake_writes(site.server)
    )
    (comment,) = [c for c in intake.comments[7] if c["user"]["login"] == BOT]
    assert pull["html_url"] in comment["body"]  # a full address: it links across repositories
    assert "accepted" in {label["name"] for label in intake.issues[7]["labels"]}


def test_the_environment_names_the_content_repository_too(
    site: Bot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOUNTIES_CONTENT_REPOSITORY", CONTENT)
    assert _accept(site, tmp_path, monkeypatch) == 0
    assert len(site.server.pulls) == 1 and site.server.repository(INTAKE).pulls == []


def test_without_a_content_repository_proposals_stay_in_the_event_repository(
    site: Bot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BOUNTIES_CONTENT_REPOSITORY", raising=False)
    assert _accept(site, tmp_path, monkeypatch) == 0  # today's behaviour
    (pull,) = site.server.repository(INTAKE).pulls
    assert "Accepted in #7" in pull["body"] and site.server.pulls == []


def test_a_public_content_repository_is_not_told_of_the_intake_repository(
    site: Bot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = site.root / "programs" / "site.yml"
    settings.write_text(settings.read_text().replace("public: false", "public: true"))
    shutil.rmtree(site.root / "programs" / "club")
    (site.root / "programs" / "demo" / "findings" / "DEMO-3.md").unlink()
    site.server.main.private = False
    # Accepted on the fake clock's day (2026-01-05): disclosable by 2026-11-23.
    assert _accept(site, tmp_path, monkeypatch, "--content-repository", CONTENT) == 0
    (pull,) = site.server.pulls
    assert INTAKE not in json.dumps(pull) and "test-intake" not in pull["body"]
    assert "Accepted in a submission issue" in pull["body"]
