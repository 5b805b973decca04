"""The labels a ruling leaves on an issue, and who may rule: against the fake GitHub, and with
the dry-run gateway where a test needs GitHub to report a permission value verbatim."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from site_builder.bot.commands import command_in
from site_builder.bot.gateway import DryRunGateway
from site_builder.bot.model import Actions, Comment
from site_builder.bot.rulings import Ruling, reconcile
from site_builder.bot.triage import MANAGED, handle
from tests.bot.conftest import BOT, EVENTS, Bot
from tests.bot.fake_github import FakeGitHub
from tests.conftest import AS_OF
from tests.intake.test_intake_end_to_end import ANSWERS

FILED = {"submission", "program:demo", "severity:high"}
RULINGS = [
    ("/accept severity=high", "accepted"),
    ("/reject out of scope", "rejected"),
    ("/duplicate #3", "duplicate"),
]
PERMISSION = r"/collaborators/[^/]+/permission$"


def refused(bot: Bot, number: int, who: str, command: str) -> bool:
    """Whether the bot comment says `who`'s `command` was ignored for lack of permission."""
    note = f"@{who}: `/{command}` ignored: only maintainers and triagers can rule"
    return note in bot.bot_comments(number)[0]["body"]


# --- labels after a ruling --------------------------------------------------------------------


@pytest.mark.parametrize(("command", "label"), RULINGS)
def test_a_ruling_removes_the_needs_info_label_of_an_earlier_question(
    bot: Bot, command: str, label: str
) -> None:
    bot.file(7, bot.body())
    asked = bot.run("issue_comment", bot.comment_event(7, "/need-info which model version?"))
    assert bot.labels(7) == FILED | {"needs-info"}
    assert "labels added: needs-info, severity:high" in asked.actions.done
    ruled = bot.run("issue_comment", bot.comment_event(7, command))
    assert bot.labels(7) == FILED | {label}
    assert {f"labels added: {label}", "label removed: needs-info"} <= set(ruled.actions.done)


@pytest.mark.parametrize(("command", "label"), RULINGS)
def test_a_ruling_removes_needs_info_even_while_the_submission_has_problems(
    bot: Bot, command: str, label: str
) -> None:
    bot.file(8, bot.body({**ANSWERS, "severity": "catastrophic"}))
    bot.run("issues", bot.issue_event(8))
    assert bot.labels(8) == {"submission", "program:demo", "needs-info"}
    bot.run("issue_comment", bot.comment_event(8, command))
    assert bot.labels(8) == {"submission", "program:demo", label}


def test_need_info_labels_a_valid_submission_and_keeps_the_label_on_the_next_run(
    bot: Bot,
) -> None:
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/need-info which model version?"))
    bot.run("issues", bot.issue_event(7, "edited"))
    assert bot.labels(7) == FILED | {"needs-info"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (RULINGS[0], RULINGS[1]),
        (RULINGS[1], RULINGS[0]),
        (RULINGS[2], RULINGS[0]),
        (RULINGS[0], RULINGS[2]),
    ],
)
def test_a_later_ruling_replaces_the_label_of_the_earlier_one(
    bot: Bot, first: tuple[str, str], second: tuple[str, str]
) -> None:
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, first[0]))
    assert bot.labels(7) == FILED | {first[1]}
    bot.run("issue_comment", bot.comment_event(7, second[0]))
    assert bot.labels(7) == FILED | {second[1]}


def test_the_invalid_label_goes_once_the_program_is_fixed(bot: Bot) -> None:
    bot.file(9, bot.body({**ANSWERS, "program": "Nope"}))
    bot.run("issues", bot.issue_event(9))
    assert "invalid" in bot.labels(9)
    bot.server.issues[9]["body"] = bot.body()
    bot.run("issues", bot.issue_event(9, "edited"))
    assert bot.labels(9) == FILED


def test_labels_the_bot_does_not_manage_are_never_removed(bot: Bot) -> None:
    others = {"bug", "hunter-favourite", "severity:low", "program:other", "sensitive"}
    assert not others & MANAGED
    bot.server.add_issue(
        7,
        title="[demo] Role-play bypass",
        body=bot.body(),
        author="alice",
        labels=["submission", "program:demo", *others],
    )
    for command in ("/need-info which version?", "/accept severity=high", "/reject no"):
        bot.run("issue_comment", bot.comment_event(7, command))
        assert others <= bot.labels(7)
    bot.server.issues[7]["body"] = bot.body({**ANSWERS, "severity": "catastrophic"})
    bot.run("issues", bot.issue_event(7, "edited"))
    assert others <= bot.labels(7) and bot.labels(7) & MANAGED == {"rejected"}
    removed = [p for m, p in bot.server.requests if m == "DELETE" and "/labels/" in p]
    assert [p.rsplit("/", 1)[1] for p in removed] == ["needs-info", "accepted"]


# --- who may rule -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "may_rule"),
    [
        ("admin", True),
        ("maintain", True),
        ("write", True),
        ("triage", False),
        ("read", False),
        ("none", False),
    ],
)
def test_only_write_maintain_and_admin_roles_may_rule(bot: Bot, role: str, may_rule: bool) -> None:
    bot.server.set_permission("someone", role)
    bot.file(7, bot.body())
    outcome = bot.run("issue_comment", bot.comment_event(7, "/reject out of scope", "someone"))
    assert outcome.message == f"#7: valid; ruling {'rejected' if may_rule else 'none'}"
    assert (bot.server.issues[7]["state"] == "closed") is may_rule
    assert ("rejected" in bot.labels(7)) is may_rule
    assert refused(bot, 7, "someone", "reject") is not may_rule


def test_someone_who_is_not_a_collaborator_may_not_rule(bot: Bot) -> None:
    bot.file(7, bot.body())
    outcome = bot.run("issue_comment", bot.comment_event(7, "/accept severity=high", "stranger"))
    assert outcome.message == "#7: valid; ruling none" and bot.server.pulls == []
    assert refused(bot, 7, "stranger", "accept")


def test_the_hunter_cannot_rule_on_their_own_submission(bot: Bot) -> None:
    bot.server.set_permission("alice", "triage")
    bot.file(7, bot.body(), author="alice")
    outcome = bot.run("issue_comment", bot.comment_event(7, "/accept severity=critical", "alice"))
    assert outcome.message == "#7: valid; ruling none" and bot.server.pulls == []
    assert refused(bot, 7, "alice", "accept")


def dry_run(bot: Bot, user: str, permissions: dict[str, str]) -> tuple[str, list[str]]:
    """One `/reject` by `user` through the dry-run gateway, which reports `permissions` as
    given: the ruling in force, and whose permission the bot asked for."""
    event = json.loads((EVENTS / "issue_comment.created.1.json").read_text())
    event["issue"].update(body=bot.body(), labels=[{"name": "submission"}], comments=1)
    event["comment"].update(body="/reject out of scope", user={"login": user})
    event["comment"]["author_association"] = "NONE"
    asked: list[str] = []

    class Gateway(DryRunGateway):
        def permission(self, login: str) -> str:
            asked.append(login)
            return super().permission(login)

    gateway = Gateway(event, Actions(), permissions)
    outcome = handle("issue_comment", event, gateway, bot.content, AS_OF, bot.root)
    return outcome.message.rsplit("ruling ", 1)[1], asked


@pytest.mark.parametrize(
    ("permission", "may_rule"),
    [
        ("admin", True),
        ("maintain", True),
        ("write", True),
        ("triage", False),
        ("read", False),
        ("none", False),
        ("unknown", False),
        ("", False),
        ("Admin", False),
        ("push", False),
    ],
)
def test_each_permission_value_the_api_may_report(
    bot: Bot, permission: str, may_rule: bool
) -> None:
    # GitHub reports maintain as write and triage as read; a gateway that reports the role
    # itself must get the same answer.
    ruling, asked = dry_run(bot, "someone", {"someone": permission})
    assert ruling == ("rejected" if may_rule else "none")
    assert asked == ["someone"]


@pytest.fixture
def triaged(server: FakeGitHub, root: Path, no_waiting: None) -> Bot:
    """A site whose settings list two triagers, in mixed case."""
    site = root / "programs" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "triagers:\n  - Carol-T\n  - dave\n")
    return Bot(server, root)


@pytest.mark.parametrize(
    ("user", "role"), [("Carol-T", "read"), ("carol-t", "none"), ("DAVE", "read")]
)
def test_listed_triagers_may_rule_whatever_their_role_in_any_case(
    triaged: Bot, user: str, role: str
) -> None:
    triaged.server.set_permission(user, role)
    triaged.file(7, triaged.body())
    outcome = triaged.run("issue_comment", triaged.comment_event(7, "/reject out of scope", user))
    assert outcome.message == "#7: valid; ruling rejected"
    assert triaged.server.count("GET", PERMISSION) == 0  # the list is enough


def test_a_triager_list_does_not_let_anyone_else_rule(triaged: Bot) -> None:
    triaged.file(7, triaged.body())
    for user in ("carol", "carol-t2", "passer-by"):
        triaged.run("issue_comment", triaged.comment_event(7, "/reject out of scope", user))
        assert refused(triaged, 7, user, "reject")
    assert triaged.server.issues[7]["state"] == "open"
    # A maintainer who is not listed still rules.
    outcome = triaged.run("issue_comment", triaged.comment_event(7, "/reject no", "maintainer"))
    assert outcome.message == "#7: valid; ruling rejected"


def test_without_site_settings_maintainers_still_rule_and_nobody_is_a_triager(
    triaged: Bot,
) -> None:
    # site.yml that fails validation leaves no settings; the bot must still run.
    triaged.content = dataclasses.replace(triaged.content, settings=None)
    triaged.file(7, triaged.body())
    triaged.run("issue_comment", triaged.comment_event(7, "/reject x", "dave"))
    assert refused(triaged, 7, "dave", "reject")
    outcome = triaged.run("issue_comment", triaged.comment_event(7, "/reject no", "maintainer"))
    assert outcome.message == "#7: valid; ruling rejected"


def test_each_commenter_s_permission_is_asked_once_per_run(bot: Bot) -> None:
    bot.file(7, bot.body())
    for who, body in [
        ("passer-by", "/accept severity=low"),
        ("maintainer", "/need-info why?"),
        ("passer-by", "/reject x"),
        ("maintainer", "/accept severity=high"),
    ]:
        bot.server.add_comment(7, author=who, body=body)
    bot.run("issue_comment", bot.comment_event(7, "/disclose", "maintainer"))
    assert bot.server.count("GET", PERMISSION) == 2


# --- which commands count, in which order -----------------------------------------------------


def test_the_bot_s_own_comments_never_carry_a_command(bot: Bot) -> None:
    # The bot's token has write permission, so only its login keeps this from ruling.
    bot.file(7, bot.body())
    outcome = bot.run("issue_comment", bot.comment_event(7, "/accept severity=high", BOT))
    assert outcome.message == "#7: valid; ruling none" and bot.server.pulls == []


def test_commands_apply_in_the_order_they_were_posted_not_listed(bot: Bot) -> None:
    bot.file(7, bot.body())
    later, earlier = "2026-11-20T10:00:00Z", "2026-11-12T10:00:00Z"
    # Listed (by comment id) as reject, accept; posted as accept, then reject.
    bot.server.add_comment(7, author="maintainer", body="/reject out of scope", created_at=later)
    bot.server.add_comment(7, author="maintainer", body="/accept severity=high", created_at=earlier)
    outcome = bot.run("issues", bot.issue_event(7, "edited"))
    assert outcome.message == "#7: valid; ruling rejected"
    assert "supersedes the earlier ruling (accepted)" in bot.bot_comments(7)[0]["body"]


def test_commands_posted_in_the_same_second_apply_in_comment_order(bot: Bot) -> None:
    bot.file(7, bot.body())
    same = "2026-11-20T10:00:00Z"
    for body in ("/accept severity=high", "/reject out of scope", "/duplicate #3"):
        bot.server.add_comment(7, author="maintainer", body=body, created_at=same)
    outcome = bot.run("issues", bot.issue_event(7, "edited"))
    assert outcome.message == "#7: valid; ruling duplicate"


# --- reconcile: whose command wins ------------------------------------------------------------

MAINTAINERS = {"maintainer", "other-maintainer"}


def reconcile_comments(*posted: tuple[str, str] | str | None) -> Ruling:
    """Reconcile comments posted one a day from 2026-11-11, each `body` or `(author, body)`
    (None: no comment that day); maintainers are the people in MAINTAINERS."""
    commands = []
    for day, item in enumerate(posted, 11):
        if item is None:
            continue
        author, body = ("maintainer", item) if isinstance(item, str) else item
        stamp = f"2026-11-{day}T10:00:00Z"
        command = command_in(Comment(day, author, body, stamp, stamp))
        if command is not None:
            commands.append(command)
    return reconcile(commands, MAINTAINERS.__contains__)


def test_a_ruling_from_a_maintainer_applies_field_by_field() -> None:
    ruling = reconcile_comments("/accept severity=medium reward=2000 points=40")
    assert ruling.effect() == {
        "status": "accepted", "severity": "medium", "reward": 2000, "points": 40,
        "duplicate_of": None, "disclose_on": None, "reason": "",
        "decided_by": "maintainer", "decided_on": "2026-11-11",
    }  # fmt: skip
    assert ruling.log == ["@maintainer: `/accept` applied."]


def test_a_new_accept_drops_the_reward_and_points_it_does_not_repeat() -> None:
    ruling = reconcile_comments(
        "/accept severity=high reward=3000 points=60", "/accept severity=low"
    )
    assert (ruling.severity, ruling.reward, ruling.points) == ("low", None, None)
    assert ruling.decided_on == "2026-11-12"


@pytest.mark.parametrize("later", ["/reject out of scope", "/duplicate #3"])
def test_rejecting_an_accepted_submission_clears_what_acceptance_set(later: str) -> None:
    ruling = reconcile_comments("/accept severity=high reward=3000 points=60", "/disclose", later)
    assert (ruling.severity, ruling.reward, ruling.points, ruling.disclose_on) == (None,) * 4


def test_only_a_rejection_keeps_a_reason_and_only_a_duplicate_a_number() -> None:
    rejected = reconcile_comments("/duplicate #3", "/reject out of scope")
    assert (rejected.reason, rejected.duplicate_of) == ("out of scope", None)
    duplicate = reconcile_comments("/reject out of scope", "/duplicate #3")
    assert (duplicate.reason, duplicate.duplicate_of) == ("", 3)
    accepted = reconcile_comments("/reject out of scope", "/accept severity=low")
    assert (accepted.reason, accepted.duplicate_of) == ("", None)


def test_a_ruling_after_a_question_is_applied_not_superseding() -> None:
    ruling = reconcile_comments("/need-info which version?", "/reject out of scope")
    assert ruling.log == ["@maintainer: `/need-info` applied.", "@maintainer: `/reject` applied."]
    assert (ruling.status, ruling.reason) == ("rejected", "out of scope")


def test_a_second_question_replaces_the_first_until_a_ruling() -> None:
    ruling = reconcile_comments("/need-info which version?", "/need-info and which date?")
    assert (ruling.status, ruling.reason) == ("needs-info", "and which date?")
    assert ruling.log == ["@maintainer: `/need-info` applied."] * 2
    ruling = reconcile_comments("/duplicate #3", "/need-info why?")
    assert (ruling.status, ruling.reason, ruling.duplicate_of) == ("duplicate", "", 3)
    assert (
        ruling.log[-1] == "@maintainer: `/need-info` ignored: the submission is already duplicate."
    )


def test_a_repeated_ruling_keeps_who_decided_and_when() -> None:
    ruling = reconcile_comments(
        "/reject out of scope", ("other-maintainer", "/reject out of scope")
    )
    assert (ruling.decided_by, ruling.decided_on) == ("maintainer", "2026-11-11")
    changed = reconcile_comments("/reject out of scope", ("other-maintainer", "/reject known"))
    assert (changed.decided_by, changed.decided_on) == ("other-maintainer", "2026-11-12")
    assert (
        changed.log[-1] == "@other-maintainer: `/reject` supersedes the earlier ruling (rejected)."
    )


def test_disclose_defaults_to_the_day_of_its_comment() -> None:
    ruling = reconcile_comments("/accept severity=high", "/disclose")
    assert ruling.disclose_on == "2026-11-12"
    assert ruling.log[-1] == "@maintainer: `/disclose` applied: disclosure on 2026-11-12."
    dated = reconcile_comments("/accept severity=high", "/disclose 2027-03-01", "/disclose")
    assert dated.disclose_on == "2026-11-13"


@pytest.mark.parametrize("before", [None, "/need-info why?", "/reject no", "/duplicate #3"])
def test_disclose_needs_an_accepted_submission(before: str | None) -> None:
    ruling = reconcile_comments(before, "/disclose 2027-03-01")
    assert ruling.disclose_on is None
    assert ruling.log[-1] == "@maintainer: `/disclose` ignored: accept the submission first."


def test_a_command_from_someone_else_is_ignored_wherever_it_comes() -> None:
    ruling = reconcile_comments(
        ("passer-by", "/need-info hello"),
        "/accept severity=high",
        ("passer-by", "/reject spam"),
        ("alice", "/disclose 2026-11-30"),
    )
    assert ruling.effect() == reconcile_comments(None, "/accept severity=high").effect()
    assert ruling.log == [
        "@passer-by: `/need-info` ignored: only maintainers and triagers can rule on "
        "submissions. Thank you for the comment!",
        "@maintainer: `/accept` applied.",
        "@passer-by: `/reject` ignored: only maintainers and triagers can rule on "
        "submissions. Thank you for the comment!",
        "@alice: `/disclose` ignored: only maintainers and triagers can rule on "
        "submissions. Thank you for the comment!",
    ]


def test_a_malformed_command_is_explained_and_changes_nothing() -> None:
    ruling = reconcile_comments("/reject out of scope", "/accept severity=huge", "/duplicate 3")
    assert (ruling.status, ruling.reason) == ("rejected", "out of scope")
    assert ruling.log[1:] == [
        "@maintainer: `/accept` not understood: use /accept "
        "severity=low|medium|high|critical (or P1..P5) [reward=N] [points=N].",
        "@maintainer: `/duplicate` not understood: use /duplicate #<issue number>.",
    ]
    # Said to anyone, before any permission check: the syntax help costs nothing.
    assert reconcile_comments(("passer-by", "/duplicate 3")).log == [
        "@passer-by: `/duplicate` not understood: use /duplicate #<issue number>."
    ]


def test_panel_commands_are_left_to_the_panel() -> None:
    ruling = reconcile_comments(
        ("passer-by", "/vote reject weak"),
        ("passer-by", "/score harm=3"),
        "/vote accept solid",
        "/accept severity=low",
    )
    assert ruling.log == ["@maintainer: `/accept` applied."]
    assert (ruling.status, ruling.decided_on) == ("accepted", "2026-11-14")
