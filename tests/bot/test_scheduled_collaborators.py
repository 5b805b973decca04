"""Scheduled runs keep a private intake repository's read-only collaborators in step with
invitations.yml, end to end against the fake GitHub: invite, never re-invite, re-send expired
invitations, cancel and remove what has expired, never touch maintainers, obey GitHub's 50
invitations a day, and change nothing on a second run or a dry run."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from site_builder.bot.gateway import GitHubGateway
from tests.bot.fake_github import FakeGitHub
from tests.bot.test_scheduled_setup import INTAKE, Site, new_site

Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def site(
    server: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_waiting: None
) -> Site:
    return new_site(server, tmp_path, monkeypatch)


def roles(site: Site) -> dict[str, str]:
    return dict(site.server.repository(INTAKE).permissions)


def invited(site: Site) -> dict[str, tuple[str, bool]]:
    return {
        i["invitee"]["login"]: (i["permissions"], i["expired"])
        for i in site.server.repository(INTAKE).invitations
    }


def test_active_hunters_are_invited_with_read_access(site: Site, capsys: Capsys) -> None:
    site.invite(
        "club",
        ("alice", "2026-01-01", "2026-12-31"),
        ("bob", "2026-01-01", "2026-06-30"),  # expired
        ("carol", "2026-12-01", None),  # not yet
    )
    run = site.run(capsys)
    assert run.code == 0, run.err
    assert invited(site) == {"alice": ("read", False)}
    assert site.writes() == [("PUT", f"/repos/{INTAKE}/collaborators/alice")]
    [put] = [entry for entry in site.server.log if entry["method"] == "PUT"]
    assert json.loads(put["body"]) == {"permission": "pull"}
    assert f"{INTAKE}: 1 invited" in run.out
    # Who is invited to an invite-only program is private: the log holds counts only.
    assert "alice" not in run.out + run.err


def test_a_collaborator_or_a_pending_invitee_is_not_invited_again(
    site: Site, capsys: Capsys
) -> None:
    site.invite("club", ("alice", "2026-01-01", None), ("bob", "2026-01-01", None))
    site.server.set_role(INTAKE, "alice", "read")
    site.server.add_invitation(INTAKE, "bob")
    run = site.run(capsys)
    assert run.code == 0, run.err
    assert site.writes() == []
    assert f"{INTAKE}: collaborators in step" in run.out


def test_github_answers_204_for_an_existing_collaborator(site: Site) -> None:
    site.server.set_role(INTAKE, "alice", "read")
    gateway = GitHubGateway(site.server.api_url, "t", "test-org/test-bounties").on(INTAKE)
    assert gateway.invite("alice") is False
    assert gateway.invite("dave") is True
    assert invited(site) == {"dave": ("read", False)}


def test_an_expired_invitation_is_sent_again_while_the_hunter_is_invited(
    site: Site, capsys: Capsys
) -> None:
    site.invite("club", ("alice", "2026-01-01", None))
    old = site.server.add_invitation(INTAKE, "alice", expired=True)
    run = site.run(capsys)
    assert run.code == 0, run.err
    assert site.writes() == [
        ("DELETE", f"/repos/{INTAKE}/invitations/{old['id']}"),
        ("PUT", f"/repos/{INTAKE}/collaborators/alice"),
    ]
    assert invited(site) == {"alice": ("read", False)}
    assert "1 expired invitation(s) re-sent" in run.out


def test_expired_or_unlisted_hunters_lose_access(site: Site, capsys: Capsys) -> None:
    site.invite(
        "club",
        ("alice", "2026-01-01", "2026-06-30"),  # expired: collaborator removed
        ("bob", "2026-01-01", "2026-06-30"),  # expired: pending invitation cancelled
    )
    site.server.set_role(INTAKE, "alice", "read")
    site.server.add_invitation(INTAKE, "bob")
    site.server.set_role(INTAKE, "erin", "read")  # no longer listed at all
    site.server.add_invitation(INTAKE, "frank", expired=True)  # not listed, expired
    run = site.run(capsys)
    assert run.code == 0, run.err
    assert roles(site) == {}
    assert invited(site) == {}
    assert f"{INTAKE}: 2 invitation(s) cancelled, 2 collaborator(s) removed" in run.out


def test_maintainers_triagers_and_the_bot_are_never_touched(site: Site, capsys: Capsys) -> None:
    site.set_triagers("tess")
    # "mo" is also listed as a hunter: re-inviting would turn maintain into read.
    site.invite("club", ("mo", "2026-01-01", None))
    before = {
        "ann": "admin",
        "mo": "maintain",
        "wu": "write",
        "tia": "triage",
        "tess": "read",  # a triager with read access only
        "bounties-app[bot]": "write",
    }
    for user, role in before.items():
        site.server.set_role(INTAKE, user, role)
    site.server.add_invitation(INTAKE, "newmaintainer", permission="write")
    run = site.run(capsys)
    assert run.code == 0, run.err
    assert site.writes() == []
    assert roles(site) == before
    assert invited(site) == {"newmaintainer": ("write", False)}


def test_programs_sharing_an_intake_repository_want_the_union(site: Site, capsys: Capsys) -> None:
    site.add_program("lab", "club")
    site.invite("club", ("alice", "2026-01-01", "2026-06-30"), ("bob", "2026-01-01", None))
    site.invite("lab", ("alice", "2026-06-01", None))  # still invited here
    site.server.set_role(INTAKE, "alice", "read")
    run = site.run(capsys)
    assert run.code == 0, run.err
    assert roles(site) == {"alice": "read"}
    assert invited(site) == {"bob": ("read", False)}


def _sixty_hunters(site: Site) -> list[str]:
    """Sixty active hunters, oldest invitation first; names sort the other way round and the
    file lists them youngest first, so only the `since` dates give this order."""
    hunters = [f"h{59 - n:02d}" for n in range(60)]
    dated = [(h, f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}", None) for n, h in enumerate(hunters)]
    site.invite("club", *dated[::-1])
    return hunters


def test_at_most_50_invitations_a_day_oldest_first_across_runs(site: Site, capsys: Capsys) -> None:
    hunters = _sixty_hunters(site)
    first = site.run(capsys)
    assert first.code == 0, first.err
    assert set(invited(site)) == set(hunters[:50])
    assert f"{INTAKE}: 50 invited; 10 invitation(s) left for the next run" in first.out

    # Six hours later: GitHub still refuses (422); the run says so and does not fail.
    site.server.clock += timedelta(hours=6)
    second = site.run(capsys)
    assert second.code == 0, second.err
    assert "GitHub's limit of 50 invitations a day was reached" in second.out
    assert "10 invitation(s) left for the next run" in second.out
    assert len(invited(site)) == 50

    site.server.clock += timedelta(hours=19)
    third = site.run(capsys)
    assert third.code == 0, third.err
    assert set(invited(site)) == set(hunters)
    assert f"{INTAKE}: 10 invited\n" in third.out


def test_a_lower_limit_per_run(site: Site, capsys: Capsys) -> None:
    hunters = _sixty_hunters(site)
    run = site.run(capsys, "--max-invitations", "20")
    assert run.code == 0, run.err
    assert set(invited(site)) == set(hunters[:20])
    assert "40 invitation(s) left for the next run (at most 20 a run)" in run.out
    assert site.run(capsys, "--max-invitations", "51").code == 2


def _mixed_state(site: Site) -> None:
    site.invite("club", ("alice", "2026-01-01", None), ("bob", "2026-01-01", "2026-06-30"))
    site.server.set_role(INTAKE, "bob", "read")
    site.server.add_invitation(INTAKE, "erin")
    site.server.set_role(INTAKE, "mo", "maintain")


def test_a_second_run_changes_nothing(site: Site, capsys: Capsys) -> None:
    _mixed_state(site)
    assert site.run(capsys).code == 0
    writes = len(site.writes())
    assert writes == 3  # invite alice, remove bob, cancel erin's invitation
    again = site.run(capsys)
    assert again.code == 0, again.err
    assert len(site.writes()) == writes
    assert f"{INTAKE}: collaborators in step" in again.out


def test_a_dry_run_reads_but_changes_nothing(site: Site, capsys: Capsys) -> None:
    _mixed_state(site)
    run = site.run(capsys, "--dry-run")
    assert run.code == 0, run.err
    assert site.writes() == []
    assert site.server.requests  # it did read
    assert f"(dry run) {INTAKE}: 1 invited, 1 invitation(s) cancelled" in run.out
    assert f"(dry run) would invite a hunter to {INTAKE}" in run.out
    assert "alice" not in run.out and "erin" not in run.out


def test_a_github_failure_is_reported_without_a_traceback(site: Site, capsys: Capsys) -> None:
    site.invite("club", ("alice", "2026-01-01", None))
    site.server.fault("GET", r"/invitations$", 403)
    run = site.run(capsys)
    assert run.code == 1
    assert (
        "bounties bot: could not list the invitations to test-org/test-intake (HTTP 403)" in run.err
    )
    assert "Administration" in run.err and "Traceback" not in run.err
    assert site.writes() == []
    # The other tasks still ran.
    assert "test-org/test-bounties: reminders 0 posted" in run.out


def test_a_handle_without_a_github_account_does_not_block_the_others(
    site: Site, capsys: Capsys
) -> None:
    site.invite("club", ("typo-handle", "2026-01-01", None), ("bob", "2026-02-01", None))
    site.server.missing_users.add("typo-handle")
    run = site.run(capsys)
    assert run.code == 1
    assert invited(site) == {"bob": ("read", False)}
    assert f"{INTAKE}: 1 invited; 1 handle(s) not found on GitHub" in run.out
    assert f"bounties bot: {INTAKE}: 1 invited handle(s) have no GitHub account" in run.err
    assert "typo-handle" not in run.out + run.err


def test_a_public_intake_repository_is_left_alone(site: Site, capsys: Capsys) -> None:
    site.invite("club", ("alice", "2026-01-01", None))
    site.server.repository(INTAKE).private = False
    run = site.run(capsys)
    assert run.code == 1
    assert f"bounties bot: {INTAKE} is public: a private-issues program needs" in run.err
    assert site.writes() == []


def test_invalid_content_stops_the_run_before_any_request(site: Site, capsys: Capsys) -> None:
    site.invite("club", ("nobody-with-a-profile", "2026-01-01", None))
    (site.root / "programs" / "_hunters" / "nobody-with-a-profile.yml").unlink()
    run = site.run(capsys)
    assert run.code == 1
    assert "the content has errors" in run.err
    assert site.server.requests == []
