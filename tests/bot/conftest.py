"""Fixtures for the bot tests: a fake GitHub on 127.0.0.1 and a content root."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_builder.bot import retry
from site_builder.bot.gateway import GitHubGateway
from site_builder.bot.triage import handle
from site_builder.content.checks import validate
from site_builder.intake.forms import form_documents
from submissions_schema import CONSENTS
from tests.bot.fake_github import BOT_LOGIN, FakeGitHub
from tests.conftest import AS_OF, FIXTURES
from tests.intake.test_intake_end_to_end import ANSWERS, render

BOT = BOT_LOGIN  # the login GitHub gives the workflow token
EVENTS = FIXTURES / "github-events"
WRITES = ("POST", "PATCH", "PUT", "DELETE")


@pytest.fixture
def server() -> Iterator[FakeGitHub]:
    with FakeGitHub(owner="test-org", repo="test-bounties") as fake:
        fake.set_permission("maintainer", "maintain")
        fake.set_permission("passer-by", "read")
        yield fake


@pytest.fixture
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retry, "BACKOFF", 0.001)
    monkeypatch.setattr(retry.time, "sleep", lambda seconds: None)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "site")
    return tmp_path / "site"


class Bot:
    def __init__(self, server: FakeGitHub, root: Path):
        self.server, self.root = server, root
        self.content, problems = validate(root, AS_OF)
        assert not [p for p in problems if p.is_error]
        self.form = yaml.safe_load(form_documents(self.content)["submit-demo.yml"])

    def body(self, answers: dict[str, str] | None = None, consents: list[str] | None = None) -> str:
        return render(
            self.form, answers or ANSWERS, list(CONSENTS.values()) if consents is None else consents
        )

    def file(self, number: int, body: str, author: str = "alice") -> None:
        self.server.add_issue(
            number,
            title="[demo] Role-play bypass",
            body=body,
            author=author,
            labels=["submission", "program:demo"],
        )

    def run(self, name: str, event: dict[str, Any]) -> Any:
        gateway = GitHubGateway(
            self.server.api_url, "test-token", "test-org/test-bounties", read_timeout=0.5
        )
        outcome = handle(name, event, gateway, self.content, AS_OF, self.root)
        outcome.requests = gateway.request_count()  # type: ignore[attr-defined]
        return outcome

    def issue_event(self, number: int, action: str = "opened") -> dict[str, Any]:
        event = json.loads((EVENTS / "issues.opened.1.json").read_text())
        event["action"] = action
        event["issue"] = copy.deepcopy(self.server.issues[number])
        return event

    def comment_event(self, number: int, body: str, author: str = "maintainer") -> dict:
        comment = self.server.add_comment(number, author=author, body=body)
        event = json.loads((EVENTS / "issue_comment.created.1.json").read_text())
        event["issue"] = copy.deepcopy(self.server.issues[number])
        event["comment"] = comment
        return event

    def bot_comments(self, number: int) -> list[dict[str, Any]]:
        return [c for c in self.server.comments[number] if c["user"]["login"] == BOT]

    def labels(self, number: int) -> set[str]:
        return {label["name"] for label in self.server.issues[number]["labels"]}

    def writes(self) -> int:
        return sum(1 for method, _ in self.server.requests if method in WRITES)


@pytest.fixture
def bot(server: FakeGitHub, root: Path, no_waiting: None) -> Bot:
    return Bot(server, root)
