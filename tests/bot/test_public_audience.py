"""The audience guard, end to end against the fake GitHub: in a public repository nothing the
bot writes (comments with their hidden state, labels, issue titles, bodies and locks, pull
requests, branches, files, GraphQL mutations) names an unpublished finding, an invitation or a
hidden hunter, whoever files and whatever maintainers rule; an invited and an uninvited hunter
get the same answers. The content tree holds one of each, with distinctive words."""

from __future__ import annotations

import base64
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from site_builder.bot.audience import Audience
from site_builder.bot.gateway import GitHubGateway
from site_builder.bot.triage import handle
from site_builder.content.checks import validate
from tests.bot.conftest import WRITES, Bot
from tests.bot.fake_github import FakeGitHub
from tests.conftest import AS_OF
from tests.intake.test_intake_end_to_end import ANSWERS

UNPUBLISHED = ("DEMO-9", "Quokka lattice", "marmoset", "DEMO-3", "Tool-call escape", "CLUB-1")
HIDDEN = ("Harriet Hiddenname", "The Builder", "Zed Invitee")
INVITED = "zed-invitee"
# Never in anything the bot writes in public (the hidden hunter's handle is checked apart: the
# proposed finding file must name whom the hunter's own form credits).
NEVER = (*UNPUBLISHED, *HIDDEN, INVITED, "Private finding", "Embargoed")

DEMO_9 = """---
id: DEMO-9
title: Quokka lattice exfiltration
severity: high
category: jailbreak
status: accepted
hunters: [harriet-hidden]
submitted: 2026-10-01
accepted: 2026-10-05
disclose_on: 2027-03-01
reward: 3000
---

Quokka lattice exfiltration through the marmoset cipher relay in role-play prompts.
"""


def add_private_things(root: Path) -> None:
    """An unpublished finding, a hidden hunter and an invited hunter (hidden too)."""
    programs = root / "programs"
    (programs / "demo/findings/DEMO-9.md").write_text(DEMO_9)
    (programs / "_hunters/harriet-hidden.yml").write_text(
        "handle: harriet-hidden\nname: Harriet Hiddenname\nleaderboard:\n  show: hidden\n"
    )
    (programs / "_hunters/zed-invitee.yml").write_text(
        "handle: zed-invitee\nname: Zed Invitee\nleaderboard:\n  show: hidden\n"
    )
    invitations = programs / "club/invitations.yml"
    invitations.write_text(
        invitations.read_text() + "  - hunter: zed-invitee\n    since: 2026-01-01\n"
    )


@pytest.fixture
def leaky(server: FakeGitHub, root: Path, no_waiting: None) -> Bot:
    add_private_things(root)
    return Bot(server, root)


def event(bot: Bot, number: int, private: bool | None = False, **changes: Any) -> dict:
    """An `issues` event from the bot's repository; `private=None` leaves visibility out."""
    data = bot.issue_event(number, changes.pop("action", "opened"))
    data["repository"]["full_name"] = bot.server.main.full_name
    if private is None:
        data["repository"].pop("private", None)
        data["repository"].pop("visibility", None)
    else:
        data["repository"]["private"] = private
        data["repository"]["visibility"] = "private" if private else "public"
    return data


def command(bot: Bot, number: int, text: str, private: bool = False) -> dict:
    data = bot.comment_event(number, text)
    data["repository"]["private"] = private
    data["repository"]["visibility"] = "private" if private else "public"
    return data


def public_writes(server: FakeGitHub) -> dict[str, list[str]]:
    """Everything written to the public repository (and every GraphQL mutation), as text by
    kind: comment, label, issue, branch, pull, file, graphql. Base64 is decoded: file contents
    and the bot's hidden state are as public as the rest."""
    found: dict[str, list[str]] = defaultdict(list)
    prefix = f"/repos/{server.main.full_name}/"
    for entry in server.log:
        path = entry["path"]
        if entry["method"] not in WRITES or not (path.startswith(prefix) or path == "/graphql"):
            continue
        data = json.loads(entry["body"]) if entry["body"].strip() else {}
        text = unquote(path) + "\n" + json.dumps(data, ensure_ascii=False)
        if isinstance(data, dict) and isinstance(data.get("content"), str):
            text += "\n" + base64.b64decode(data["content"]).decode("utf-8", "replace")
        for block in re.findall(r"bounties-bot:state ([A-Za-z0-9+/=]+)", text):
            text += "\n" + base64.b64decode(block).decode("utf-8", "replace")
        found[_kind(path[len(prefix) :] if path != "/graphql" else "graphql")].append(text)
    return found


def _kind(rest: str) -> str:
    for pattern, kind in (
        (r"graphql", "graphql"),
        (r"issues/comments/|issues/\d+/comments", "comment"),
        (r"issues/\d+/labels|labels", "label"),
        (r"issues/\d+", "issue"),
        (r"git/refs", "branch"),
        (r"contents/", "file"),
        (r"pulls", "pull"),
    ):
        if re.match(pattern, rest):
            return kind
    return "other"


def leaks(server: FakeGitHub, words: tuple[str, ...] = NEVER, skip: tuple[str, ...] = ()) -> list:
    """(kind, word) for every forbidden word in a public write (case-insensitive)."""
    return sorted(
        {
            (kind, word)
            for kind, texts in public_writes(server).items()
            if kind not in skip
            for text in texts
            for word in words
            if word.casefold() in text.casefold()
        }
    )


def reload(root: Path) -> Any:
    content, problems = validate(root, AS_OF)
    assert [p.as_text() for p in problems if p.is_error] == []
    return content


def file_issue(bot: Bot, number: int, author: str, answers: dict, title: str) -> None:
    bot.server.add_issue(
        number, title=title, body=bot.body(answers), author=author, labels=["submission"]
    )


# ------------------------------------------------------------------ the answers


def test_a_duplicate_of_an_unpublished_finding_is_not_named(leaky: Bot) -> None:
    answers = {
        **ANSWERS,
        "summary": "Quokka lattice exfiltration through the marmoset cipher relay in role-play "
        "prompts, a role-play jailbreak.",
        "credit": "anonymous",
    }
    file_issue(leaky, 7, "mallory", answers, "[demo] Quokka lattice exfiltration")
    leaky.run("issues", event(leaky, 7))
    body = leaky.bot_comments(7)[0]["body"]
    assert "Submission check: complete" in body
    assert leaks(leaky.server) == []


def test_hidden_and_aliased_hunters_are_not_named(leaky: Bot) -> None:
    for number, credit in ((7, "harriet-hidden"), (8, "bob"), (9, "nobody-yet"), (10, "alice")):
        answers = {**ANSWERS, "credit": credit}
        file_issue(leaky, number, "mallory", answers, "[demo] Role-play bypass")
        leaky.run("issues", event(leaky, number))
    hidden, aliased, unknown, named = (leaky.bot_comments(n)[0]["body"] for n in (7, 8, 9, 10))
    assert "harriet-hidden" not in hidden and "@bob" not in aliased
    # One wording for hidden, aliased and unknown hunters: it tells none of them apart.
    assert _check_line(hidden) == _check_line(aliased) == _check_line(unknown)
    assert "credited to @alice" in named
    assert leaks(leaky.server) == []


def _check_line(body: str) -> str:
    return next(line for line in body.splitlines() if line.startswith("Understood:"))


def test_rulings_in_public_name_nothing_private(leaky: Bot) -> None:
    answers = {**ANSWERS, "credit": "harriet-hidden"}
    for number in (7, 8, 9, 10):
        file_issue(leaky, number, "mallory", answers, f"[demo] Role-play bypass {number}")
        leaky.run("issues", event(leaky, number))
    leaky.run("issue_comment", command(leaky, 7, "/accept severity=high reward=3000"))
    leaky.run("issue_comment", command(leaky, 7, "/disclose 2027-01-01"))
    leaky.run("issue_comment", command(leaky, 8, "/reject out of scope"))
    leaky.run("issue_comment", command(leaky, 9, "/duplicate #7"))
    leaky.run("issue_comment", command(leaky, 10, "/need-info which model version?"))
    [pull] = leaky.server.pulls
    assert "accepted" in leaky.labels(7) and leaky.server.issues[8]["state"] == "closed"
    assert leaks(leaky.server) == []
    # The hunter's own form credits harriet-hidden: only the proposed file may say so.
    assert leaks(leaky.server, ("harriet-hidden",), skip=("file",)) == []
    assert "harriet-hidden" not in pull["title"] + (pull["body"] or "") + pull["head"]["ref"]


def test_panel_votes_in_public_name_nothing_private(leaky: Bot) -> None:
    leaky.server.set_permission("judge-a", "read")
    leaky.server.set_permission("judge-b", "read")
    file_issue(leaky, 7, "mallory", {**ANSWERS, "credit": "bob"}, "[demo] Role-play bypass")
    leaky.run("issues", event(leaky, 7))
    for judge in ("judge-a", "judge-b"):
        data = leaky.comment_event(7, "/vote accept novel and severe", author=judge)
        data["repository"]["private"] = False
        leaky.run("issue_comment", data)
    assert "Panel decision recorded: accept" in leaky.bot_comments(7)[0]["body"]
    assert leaks(leaky.server) == []


def _club_answers(credit: str) -> dict:
    return {**ANSWERS, "program": "Trusted club", "target": "Secret-2", "credit": credit}


@pytest.mark.parametrize("policy", ["secret", "coordinated"])
def test_invited_and_uninvited_get_the_same_public_answers(leaky: Bot, policy: str) -> None:
    """Filing, then every ruling: the writes on the two issues are the same, byte for byte.
    Under the club's own non-disclosure policy the issues are also taken out of public view;
    under a coordinated one they are only sent to the club's channel."""
    program = leaky.root / "programs/club/program.yml"
    program.write_text(program.read_text().replace("policy: secret", f"policy: {policy}"))
    leaky.content = reload(leaky.root)
    file_issue(leaky, 7, INVITED, _club_answers("anonymous"), "[club] Capability jump")
    file_issue(leaky, 8, "mallory", _club_answers("anonymous"), "[club] Capability jump")
    for number in (7, 8):
        leaky.run("issues", event(leaky, number))
        for text in ("/accept severity=high", "/reject no", "/need-info why?"):
            leaky.run("issue_comment", command(leaky, number, text))
    invited, uninvited = (_public_state(leaky, n) for n in (7, 8))
    assert invited == uninvited
    assert "is invite-only" in invited["comments"][0] and leaky.server.pulls == []
    hidden = {"sensitive"} if policy == "secret" else set()
    assert invited["labels"] == {"submission", "program:club", "invite-only", *hidden}
    assert leaks(leaky.server) == []


def _public_state(bot: Bot, number: int) -> dict:
    issue = bot.server.issues[number]
    return {
        "comments": [c["body"] for c in bot.bot_comments(number)],
        "labels": bot.labels(number),
        "body": issue["body"],
        "title": issue["title"],
        "locked": (issue["locked"], issue["active_lock_reason"]),
        "state": issue["state"],
    }


def test_a_repository_of_unclear_visibility_is_public(leaky: Bot) -> None:
    file_issue(leaky, 7, INVITED, _club_answers("anonymous"), "[club] Capability jump")
    unclear = event(leaky, 7, private=None)
    leaky.run("issues", unclear)
    assert "is invite-only" in leaky.bot_comments(7)[0]["body"]
    internal = event(leaky, 7, action="edited")
    internal["repository"].update(private=True, visibility="internal")
    leaky.run("issues", internal)
    assert "Submission check" not in leaky.bot_comments(7)[0]["body"]
    assert leaks(leaky.server) == []


@pytest.mark.parametrize(
    ("submit", "expected"),
    [
        (
            "submit:\n  channel: private-reports\n",
            "/test-org/test-bounties/security/advisories/new",
        ),
        (
            "submit:\n  channel: external\n  url: https://reports.demo.test/\n"
            "  instructions: Use the platform.\n",
            "https://reports.demo.test/",
        ),
    ],
)
def test_a_program_that_takes_no_issues_here_gets_one_neutral_answer(
    server: FakeGitHub, root: Path, no_waiting: None, submit: str, expected: str
) -> None:
    add_private_things(root)
    bot = Bot(server, root)  # its form is written while demo still takes public issues
    program = root / "programs/demo/program.yml"
    program.write_text(program.read_text() + submit)
    bot.content = reload(root)
    file_issue(bot, 7, "mallory", {**ANSWERS, "credit": "harriet-hidden"}, "[demo] Bypass")
    outcome = bot.run("issues", event(bot, 7))
    bot.run("issue_comment", command(bot, 7, "/accept severity=high"))
    [comment] = bot.bot_comments(7)
    assert outcome.message == "#7: demo takes no reports here; not triaged"
    assert "### Not handled here" in comment["body"] and expected in comment["body"]
    assert "Submission check" not in comment["body"] and bot.server.pulls == []
    assert bot.labels(7) == {"submission", "program:demo"}
    writes = bot.writes()
    bot.run("issues", event(bot, 7, action="edited"))
    assert bot.writes() == writes
    assert leaks(bot.server) == [] and leaks(bot.server, ("harriet-hidden",)) == []


def test_a_refused_proposal_names_only_the_proposed_files(leaky: Bot) -> None:
    audience = Audience.of({}, None, leaky.content, AS_OF)
    files = {"programs/demo/findings/demo-7.md": "x"}
    elsewhere = ["programs/demo/findings/DEMO-9.md:1:1: error: id collides with Quokka"]
    own = ["programs/demo/findings/demo-7.md:3:1: error: reward out of range"]
    assert "Quokka" not in audience.proposal_refusal(elsewhere, files)
    assert audience.proposal_refusal(elsewhere + own, files) == own[0]


# ------------------------------------------------------------------ a private intake repository


@pytest.fixture
def intake(root: Path, no_waiting: None) -> Any:
    """The club's private intake repository, served by its own fake and bot run."""
    add_private_things(root)
    with FakeGitHub(owner="test-org", repo="test-intake") as fake:
        fake.main.private = True
        fake.set_permission("maintainer", "maintain")
        yield IntakeBot(fake, root)


class IntakeBot(Bot):
    """Runs the bot as the intake repository's workflow would."""

    def run(self, name: str, event: dict[str, Any]) -> Any:
        gateway = GitHubGateway(
            self.server.api_url, "test-token", "test-org/test-intake", read_timeout=0.5
        )
        return handle(name, event, gateway, self.content, AS_OF, self.root)


def test_in_the_intake_repository_invited_hunters_are_triaged(intake: IntakeBot) -> None:
    file_issue(intake, 7, INVITED, _club_answers("anonymous"), "[club] Capability jump")
    file_issue(intake, 8, "alice", _club_answers("harriet-hidden"), "[club] Capability jump too")
    for number in (7, 8):
        intake.run("issues", event(intake, number, private=True))
    first, second = (intake.bot_comments(n)[0]["body"] for n in (7, 8))
    # Triaged (the club's non-disclosure policy makes every report sensitive: nothing quoted).
    assert "hazardous details" in first and "is invite-only" not in first
    # Its readers may be told of the repository's other issues, without shared words ...
    assert "#7 “\\[club\\] Capability jump”" in second
    assert "similar:" not in second and "similar)" in second
    # ... never of unpublished findings, nor of hidden hunters.
    everything = first + second
    for word in (*UNPUBLISHED, *HIDDEN, "harriet-hidden", "Private finding"):
        assert word not in everything, word
    assert not intake.server.main.body_history and not intake.server.issues[7]["locked"]


def test_in_the_intake_repository_required_fields_are_enforced(intake: IntakeBot) -> None:
    """GitHub ignores `required` in private repositories: the bot's own check does not."""
    answers = {**_club_answers("anonymous"), "reproduction": "", "impact": "   "}
    file_issue(intake, 7, INVITED, answers, "[club] Capability jump")
    intake.run("issues", event(intake, 7, private=True))
    body = intake.bot_comments(7)[0]["body"]
    # The club's reports are sensitive: the fields are named, the answers not quoted.
    assert "Please also edit the issue to fix: **Steps to reproduce**, **Impact**" in body
    assert "needs-info" in intake.labels(7)


def test_a_public_program_filed_in_the_intake_repository_is_sent_back(intake: IntakeBot) -> None:
    file_issue(intake, 7, INVITED, {**ANSWERS, "credit": "anonymous"}, "[demo] Bypass")
    outcome = intake.run("issues", event(intake, 7, private=True))
    assert outcome.message == "#7: demo takes no reports here; not triaged"
    assert "test-org/test-bounties" in intake.bot_comments(7)[0]["body"]
