"""The ground the scheduled-run tests stand on: a content root whose programs use every channel,
a fake GitHub holding their repositories, and `bounties bot --scheduled` run as the workflow
runs it (environment variables, an App's login). The tests here check only that ground."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_builder.cli import main
from site_builder.content.checks import validate
from tests.bot.fake_github import FakeGitHub
from tests.conftest import AS_OF, FIXTURES

APP = "bounties-app[bot]"  # the login of the GitHub App's installation token
SITE_REPO = "test-org/test-bounties"
INTAKE = "test-org/test-intake"
NOTES = "test-org/triage-notes"
WRITES = ("POST", "PATCH", "PUT", "DELETE")


@dataclass
class Run:
    code: int
    out: str
    err: str


class Site:
    """Content under `root` and the fake GitHub `server`, edited by the tests."""

    def __init__(self, server: FakeGitHub, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.server, self.root, self.monkeypatch = server, root, monkeypatch
        server.bot_login = APP
        server.add_repository(INTAKE, private=True)
        # The club's finding needs alice invited on its date: the tests choose who is invited.
        shutil.rmtree(root / "programs" / "club" / "findings")
        self.set_submit("club", {"channel": "private-issues", "repository": INTAKE})
        self.invite("club")

    def program_file(self, slug: str) -> Path:
        return self.root / "programs" / slug / "program.yml"

    def edit_program(self, slug: str, **changes: Any) -> None:
        data = yaml.safe_load(self.program_file(slug).read_text())
        data.update(changes)
        data = {k: v for k, v in data.items() if v is not None}
        self.program_file(slug).write_text(yaml.safe_dump(data, sort_keys=False))

    def set_submit(self, slug: str, submit: dict[str, Any] | None) -> None:
        self.edit_program(slug, submit=submit)

    def add_program(self, slug: str, like: str, **changes: Any) -> None:
        (self.root / "programs" / slug).mkdir()
        shutil.copy(self.program_file(like), self.program_file(slug))
        self.edit_program(slug, name=f"Program {slug}", **changes)

    def invite(self, slug: str, *invited: tuple[str, str, str | None]) -> None:
        """Write the program's invitations.yml: (handle, since, until) each, with profiles."""
        entries = []
        for handle, since, until in invited:
            entry = {"hunter": handle, "since": date.fromisoformat(since)}
            if until:
                entry["until"] = date.fromisoformat(until)
            entries.append(entry)
            profile = self.root / "programs" / "_hunters" / f"{handle}.yml"
            if not profile.exists():
                profile.write_text(f"handle: {handle}\nname: Hunter {handle}\n")
        path = self.root / "programs" / slug / "invitations.yml"
        path.write_text(yaml.safe_dump({"invited": entries}, sort_keys=False))

    def set_triagers(self, *handles: str) -> None:
        path = self.root / "programs" / "site.yml"
        data = yaml.safe_load(path.read_text())
        data["triagers"] = list(handles)
        path.write_text(yaml.safe_dump(data, sort_keys=False))

    def problems(self) -> list[str]:
        return [p.as_text() for p in validate(self.root, AS_OF)[1] if p.is_error]

    def run(self, capsys: pytest.CaptureFixture[str], *extra: str, as_of: date = AS_OF) -> Run:
        """`bounties bot --scheduled` with the workflow's environment."""
        for name, value in {
            "GITHUB_API_URL": self.server.api_url,
            "GITHUB_REPOSITORY": SITE_REPO,
            "GITHUB_TOKEN": "app-token",
            "BOUNTIES_BOT_LOGIN": APP,
        }.items():
            self.monkeypatch.setenv(name, value)
        self.monkeypatch.delenv("BOUNTIES_TRIAGE_REPOSITORY", raising=False)
        capsys.readouterr()
        args = ["bot", "--scheduled", "--root", str(self.root), "--as-of", as_of.isoformat()]
        code = main([*args, *extra])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    def writes(self) -> list[tuple[str, str]]:
        return [(m, p) for m, p in self.server.requests if m in WRITES]


def new_site(server: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    """The `site` fixture of each scheduled-run test module (a copy of the minimal content)."""
    shutil.copytree(FIXTURES / "minimal", tmp_path / "site")
    return Site(server, tmp_path / "site", monkeypatch)


@pytest.fixture
def site(
    server: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_waiting: None
) -> Site:
    return new_site(server, tmp_path, monkeypatch)


def test_the_content_is_valid_with_every_channel(site: Site) -> None:
    site.add_program("reports", "demo", submit={"channel": "private-reports"}, panel=None)
    site.edit_program("reports", model="trusted-hunters")
    site.invite("club", ("alice", "2026-01-01", None))
    assert site.problems() == []


def test_a_run_with_nothing_to_do_changes_nothing(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    run = site.run(capsys)
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "test-org/test-intake: collaborators in step",
        "test-org/test-bounties: reminders 0 posted, 0 updated",
        "test-org/test-intake: reminders 0 posted, 0 updated",
    ]
    assert site.writes() == []
    assert "scheduled run as of 2026-11-23" in run.err
