"""The fake GitHub's collaborators, invitations and security advisories, driven through
github3.py and its session as the scheduled runs drive them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import github3
import pytest

from tests.bot.fake_github import FakeGitHub

INTAKE = "acme/intake"


@pytest.fixture
def server() -> Iterator[FakeGitHub]:
    with FakeGitHub() as fake:
        fake.add_repository(INTAKE, private=True)
        yield fake


@pytest.fixture
def intake(server: FakeGitHub) -> Any:
    return github3.GitHubEnterprise(server.base_url, token="t").repository("acme", "intake")


def test_a_repository_says_whether_it_is_private(server: FakeGitHub, intake: Any) -> None:
    assert intake.private is True and intake.as_dict()["visibility"] == "private"
    public = github3.GitHubEnterprise(server.base_url, token="t").repository("acme", "bounties")
    assert public.private is False and public.as_dict()["visibility"] == "public"


def test_invitations_are_created_listed_accepted_and_cancelled(
    server: FakeGitHub, intake: Any
) -> None:
    assert intake.add_collaborator("alice", permission="pull") is True  # 201: an invitation
    assert intake.add_collaborator("bob", permission="pull") is True
    [alice, bob] = intake.invitations()
    assert (alice.invitee.login, alice.permissions) == ("alice", "read")
    assert alice.as_dict()["expired"] is False
    assert server.role(server.repository(INTAKE), "alice") == "none"  # not until accepted
    server.accept_invitation(INTAKE, "alice")
    [collaborator] = intake.collaborators(affiliation="direct")
    assert collaborator.login == "alice" and collaborator.as_dict()["role_name"] == "read"
    assert bob.delete() is True
    assert list(intake.invitations()) == []
    assert intake.remove_collaborator("alice") is True
    assert list(intake.collaborators()) == []


def test_adding_an_existing_collaborator_answers_204_and_changes_the_role(
    server: FakeGitHub, intake: Any
) -> None:
    server.set_role(INTAKE, "mo", "maintain")
    assert intake.add_collaborator("mo", permission="pull") is False  # 204
    assert server.repository(INTAKE).permissions["mo"] == "read"  # as GitHub documents


def test_at_most_50_invitations_a_repository_in_24_hours(server: FakeGitHub, intake: Any) -> None:
    url = f"{server.api_url}/repos/{INTAKE}/collaborators/{{}}"
    for n in range(50):
        sent = intake.session.put(url.format(f"h{n}"), json={"permission": "pull"})
        assert sent.status_code == 201
    refused = intake.session.put(url.format("late"), json={"permission": "pull"})
    assert refused.status_code == 422 and "limit" in refused.text
    server.clock += timedelta(hours=23)
    assert intake.session.put(url.format("late"), json={"permission": "pull"}).status_code == 422
    server.clock += timedelta(hours=2)
    assert intake.session.put(url.format("late"), json={"permission": "pull"}).status_code == 201


def test_security_advisories_are_listed_by_state_and_patched(
    server: FakeGitHub, intake: Any
) -> None:
    server.add_advisory(INTAKE, "GHSA-2345-6789-cfgh", summary="s", description="d", reporter="zed")
    server.add_advisory(
        INTAKE, "GHSA-jmpq-rvwx-2345", summary="s", description="d", reporter="zed", state="draft"
    )
    url = f"{server.api_url}/repos/{INTAKE}/security-advisories"
    triage = intake.session.get(url, params={"state": "triage"}).json()
    assert [a["ghsa_id"] for a in triage] == ["GHSA-2345-6789-cfgh"]
    assert triage[0]["author"]["login"] == "zed" and triage[0]["submission"] == {"accepted": False}
    one = f"{url}/GHSA-2345-6789-cfgh"
    patched = intake.session.patch(one, json={"state": "draft"})
    assert patched.status_code == 200 and patched.json()["state"] == "draft"
    assert intake.session.patch(one, json={"notes": "x"}).status_code == 422
    assert intake.session.patch(one, json={"state": "x"}).status_code == 422
    assert intake.session.get(f"{url}/GHSA-none").status_code == 404
