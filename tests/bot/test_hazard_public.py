"""Hazardous text posted in a public repository, end to end against the fake GitHub: moved to
the program's private intake repository when there is one (GraphQL transferIssue), otherwise
replaced by its public summary, locked and labelled; one neutral answer that quotes nothing
and tells maintainers what GitHub still keeps; a second run does nothing new."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import requests

from site_builder.bot.hazard import (
    SCRUBBED,
    hazard_reasons,
    intake_repository,
    scrubbed_body,
)
from site_builder.content.channels import Channel
from submissions_schema import HAZARD_CHOICES
from tests.bot.conftest import Bot
from tests.bot.fake_github import FakeGitHub
from tests.bot.test_public_audience import (
    INVITED,
    IntakeBot,
    add_private_things,
    command,
    event,
    file_issue,
    leaks,
    public_writes,
)
from tests.intake.test_intake_end_to_end import ANSWERS

INCLUDED = "Yes: hazardous details are included below"
STEPS = "CANARY-STEP synthesise the thing, then CANARY-DOSE it"
INTAKE = "test-org/test-intake"


@pytest.fixture
def hazard(server: FakeGitHub, root: Path, no_waiting: None) -> Bot:
    add_private_things(root)
    return Bot(server, root)


def _included(**more: str) -> dict:
    return {**ANSWERS, "hazardous_details": INCLUDED, "reproduction": STEPS, **more}


def _club(**more: str) -> dict:
    return {
        **ANSWERS,
        "program": "Trusted club",
        "target": "Secret-2",
        "reproduction": STEPS,
        **more,
    }


def test_without_an_intake_repository_the_text_is_replaced_and_the_issue_locked(
    hazard: Bot,
) -> None:
    file_issue(hazard, 7, "mallory", _included(), "[demo] Role-play bypass")
    original = hazard.server.issues[7]["body"]
    outcome = hazard.run("issues", event(hazard, 7))
    issue = hazard.server.issues[7]
    assert outcome.message == "#7: hazardous text; hidden from public view"
    assert issue["body"].startswith(SCRUBBED) and "CANARY" not in issue["body"]
    assert "A role-play framing bypasses refusals." in issue["body"]  # the public summary stays
    assert (issue["locked"], issue["active_lock_reason"]) == (True, "off-topic")
    assert {"submission", "sensitive", "program:demo"} <= hazard.labels(7)
    [comment] = hazard.bot_comments(7)
    text = comment["body"]
    assert "CANARY" not in text and "Delete revision from history" in text
    assert "private@bounties.test" in text and "Not moved" not in text
    # What GitHub keeps, and the bot says so: the original text is in the edit history.
    assert hazard.server.main.body_history[7] == [original]
    assert hazard.server.count("POST", "/graphql") == 0
    writes = hazard.writes()
    hazard.run("issues", event(hazard, 7, action="edited"))
    hazard.run("issue_comment", command(hazard, 7, "/accept severity=high"))
    assert hazard.writes() == writes and hazard.server.pulls == []


def test_pasted_details_under_a_withheld_answer_are_taken_out_too(hazard: Bot) -> None:
    pasted = "```\n" + "CANARY-STEP one more step\n" * 60 + "```"
    answers = {**ANSWERS, "hazardous_details": HAZARD_CHOICES["withheld"], "impact": pasted}
    file_issue(hazard, 7, "mallory", answers, "[demo] Role-play bypass")
    hazard.run("issues", event(hazard, 7))
    assert "CANARY" not in hazard.server.issues[7]["body"] and hazard.server.issues[7]["locked"]


def test_with_an_intake_repository_the_issue_is_moved_there(hazard: Bot) -> None:
    intake = hazard.server.add_repository(INTAKE, private=True)
    file_issue(hazard, 7, "mallory", _club(), "[club] Capability jump")
    opened = event(hazard, 7)
    outcome = hazard.run("issues", opened)
    assert outcome.message == "#7: hazardous text; moved out of public view"
    assert 7 not in hazard.server.issues and hazard.server.main.moved[7] == (intake, 1)
    moved = intake.issues[1]
    assert "CANARY-STEP" in moved["body"]  # intact, where only its readers see it
    [answer] = [c["body"] for c in intake.comments[1]]
    assert "being moved to the program's private intake repository" in answer
    assert "edit history with a transferred issue is not documented" in answer
    assert "CANARY" not in answer and "test-intake" not in answer
    assert {"submission"} <= {label["name"] for label in moved["labels"]}
    assert leaks(hazard.server) == []
    assert not any(
        "test-intake" in t
        for k, ts in public_writes(hazard.server).items()
        for t in ts
        if k != "graphql"
    )
    writes = hazard.writes()
    again = hazard.run("issues", {**opened, "action": "edited"})
    assert "transferred" in again.message and hazard.writes() == writes


def test_a_refused_move_falls_back_to_hiding_once(hazard: Bot) -> None:
    hazard.server.add_repository(INTAKE, private=True)
    hazard.server.set_role(INTAKE, hazard.server.bot_login, "read")  # GITHUB_TOKEN's reach
    file_issue(hazard, 7, "mallory", _club(), "[club] Capability jump")
    outcome = hazard.run("issues", event(hazard, 7))
    assert outcome.message == "#7: hazardous text; hidden from public view"
    assert any("GitHub answered FORBIDDEN" in line for line in outcome.actions.done)
    assert not any("test-intake" in line for line in outcome.actions.done)
    issue = hazard.server.issues[7]
    assert issue["locked"] and "CANARY" not in issue["body"]
    [comment] = hazard.bot_comments(7)
    assert "**Not moved.**" in comment["body"] and "is invite-only" in comment["body"]
    writes, graphql = hazard.writes(), hazard.server.count("POST", "/graphql")
    hazard.run("issues", event(hazard, 7, action="edited"))
    assert hazard.writes() == writes and hazard.server.count("POST", "/graphql") == graphql == 1


def test_invited_and_uninvited_are_moved_alike(hazard: Bot) -> None:
    intake = hazard.server.add_repository(INTAKE, private=True)
    file_issue(hazard, 7, INVITED, _club(), "[club] Capability jump")
    file_issue(hazard, 8, "mallory", _club(), "[club] Capability jump")
    for number in (7, 8):
        hazard.run("issues", event(hazard, number))
    first, second = ([c["body"] for c in intake.comments[n]] for n in (1, 2))
    assert first == second and len(first) == 1
    assert leaks(hazard.server) == []


def test_in_a_private_repository_hazardous_text_stays_and_is_not_quoted(
    root: Path, no_waiting: None
) -> None:
    add_private_things(root)
    with FakeGitHub(owner="test-org", repo="test-intake") as fake:
        fake.main.private = True
        bot = IntakeBot(fake, root)
        file_issue(bot, 7, INVITED, _club(hazardous_details=INCLUDED), "[club] Capability jump")
        bot.run("issues", event(bot, 7, private=True))
        issue = fake.issues[7]
        assert "CANARY-STEP" in issue["body"] and not issue["locked"]
        body = bot.bot_comments(7)[0]["body"]
        assert "CANARY" not in body and "may contain hazardous details" in body


def test_the_fake_transfers_as_github_documents(server: FakeGitHub) -> None:
    """Private to public is refused, and so are closed issues and another owner's repository."""
    private = server.add_repository("test-org/private-one", private=True)
    server.add_repository("other-org/elsewhere", private=True)
    server.add_issue(7, title="x", body="y", author="alice")
    server.add_issue(8, title="x", body="y", author="alice", state="closed")
    private_issue = server._store_issue(private, 3, title="p", body="q", author="alice", labels=[])

    def transfer(issue: dict, to: str) -> Any:
        target = server.repository(to)
        query = (
            "mutation($i: ID!, $r: ID!) { transferIssue(input: {issueId: $i, repositoryId: $r}) "
            "{ issue { number } } }"
        )
        variables = {"i": issue["node_id"], "r": server.repo_json(target)["node_id"]}
        answer = requests.post(
            server.base_url + "/api/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": "token t"},
            timeout=5,
        )
        errors = answer.json().get("errors") or []
        return errors[0]["type"] if errors else answer.json()["data"]["transferIssue"]["issue"]

    assert transfer(private_issue, "test-org/test-bounties") == "UNPROCESSABLE"
    assert transfer(server.issues[8], "test-org/private-one") == "UNPROCESSABLE"
    assert transfer(server.issues[7], "other-org/elsewhere") == "UNPROCESSABLE"
    assert transfer(server.issues[7], "test-org/private-one")["number"] == 4


def test_hazard_reasons_read_the_raw_answers() -> None:
    assert hazard_reasons({"hazardous_details": [INCLUDED]}, None, "") != []
    withheld = HAZARD_CHOICES["withheld"]
    assert hazard_reasons({"hazardous_details": [withheld]}, None, "") == []
    assert hazard_reasons({"hazardous_details": [HAZARD_CHOICES["none"]]}, None, "") == []
    assert hazard_reasons({"hazardous_details": [withheld]}, None, "::: redacted\nx\n:::\n")
    assert hazard_reasons({}, None, scrubbed_body("Demo", "s")) != []


def test_the_intake_repository_is_the_programs_else_the_sites() -> None:
    content: Any = SimpleNamespace(settings=SimpleNamespace(intake_repository="acme/intake"))
    issues = Channel("private-issues", "acme/club-intake", None, None, None, False)
    public = Channel("public-issues", "acme/bounties", None, None, None, False)
    assert intake_repository(issues, content, "acme/bounties") == "acme/club-intake"
    assert intake_repository(public, content, "acme/bounties") == "acme/intake"
    assert intake_repository(public, content, "other/bounties") is None  # another owner
    assert intake_repository(public, SimpleNamespace(settings=None), "acme/x") is None  # type: ignore[arg-type]


def test_an_issue_naming_no_known_program_is_hidden_too(hazard: Bot) -> None:
    file_issue(hazard, 7, "mallory", _included(program="Nope"), "[nope] Something")
    hazard.run("issues", event(hazard, 7))
    issue = hazard.server.issues[7]
    assert issue["locked"] and "CANARY" not in issue["body"]
    assert hazard.labels(7) == {"submission", "sensitive"}
    assert "security@bounties.test" in hazard.bot_comments(7)[0]["body"]
