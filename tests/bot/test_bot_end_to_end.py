"""The bot against a local fake GitHub, through github3.py over real HTTP."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from site_builder.content.checks import validate
from submissions_schema import HAZARD_CHOICES
from tests.bot.conftest import EVENTS, Bot
from tests.conftest import AS_OF
from tests.intake.test_intake_end_to_end import ANSWERS

BRANCH = "bounties/submission-7"
FINDING = "programs/demo/findings/demo-7.md"


def test_new_valid_submission(bot: Bot) -> None:
    bot.file(7, bot.body())
    outcome = bot.run("issues", bot.issue_event(7))
    assert outcome.message == "#7: valid; ruling none"
    assert bot.labels(7) == {"submission", "program:demo", "severity:high"}
    [comment] = bot.bot_comments(7)
    assert "Submission check: complete" in comment["body"]
    assert "responds within 3 days (by 2026-11-26)" in comment["body"]
    assert outcome.requests <= 6
    print(f"requests for a new valid submission: {outcome.requests}")


def test_running_twice_changes_nothing(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issues", bot.issue_event(7))
    writes = bot.writes()
    again = bot.run("issues", bot.issue_event(7))
    assert bot.writes() == writes
    assert len(bot.bot_comments(7)) == 1
    assert again.requests <= 3


def test_problems_then_fixed_by_an_edit_update_the_same_comment(bot: Bot) -> None:
    bot.file(8, bot.body({**ANSWERS, "severity": "catastrophic"}, consents=[]))
    bot.run("issues", bot.issue_event(8))
    assert "needs-info" in bot.labels(8)
    [first] = bot.bot_comments(8)
    assert "**Severity you claim**: 'catastrophic' is not a choice here" in first["body"]
    assert "**Consent**: Tick every consent box" in first["body"]
    bot.server.issues[8]["body"] = bot.body()
    bot.run("issues", bot.issue_event(8, "edited"))
    [updated] = bot.bot_comments(8)
    assert updated["id"] == first["id"] and "Submission check: complete" in updated["body"]
    assert "needs-info" not in bot.labels(8)


def test_unknown_program_is_invalid(bot: Bot) -> None:
    bot.file(9, bot.body({**ANSWERS, "program": "Nope"}))
    bot.run("issues", bot.issue_event(9))
    assert "invalid" in bot.labels(9)


def test_accept_opens_a_pull_request_with_a_valid_finding(bot: Bot, root: Path) -> None:
    bot.file(7, bot.body())
    bot.run("issues", bot.issue_event(7))
    outcome = bot.run("issue_comment", bot.comment_event(7, "/accept severity=high reward=3000"))
    assert outcome.message == "#7: valid; ruling accepted"
    [pull] = bot.server.pulls
    assert pull["head"]["ref"] == "bounties/submission-7"
    text = bot.server.files[("bounties/submission-7", "programs/demo/findings/demo-7.md")]
    assert "status: accepted" in text and "reward: 3000" in text and "severity: high" in text
    (root / "programs/demo/findings/demo-7.md").write_text(text)
    _, problems = validate(root, AS_OF)
    assert [p.as_text() for p in problems if p.is_error] == []
    assert "accepted" in bot.labels(7)
    assert pull["html_url"] in bot.bot_comments(7)[0]["body"]
    again = bot.run("issue_comment", bot.comment_event(7, "/accept severity=high reward=3000"))
    assert len(bot.server.pulls) == 1 and again.message.endswith("ruling accepted")


def test_disclose_updates_the_proposed_finding(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=high"))
    bot.run("issue_comment", bot.comment_event(7, "/disclose 2027-03-01"))
    text = bot.server.files[("bounties/submission-7", "programs/demo/findings/demo-7.md")]
    assert "disclose_on: '2027-03-01'" in text or "disclose_on: 2027-03-01" in text
    assert len(bot.server.pulls) == 1


def test_commands_from_people_without_permission_change_nothing(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=critical", "passer-by"))
    assert bot.server.pulls == []
    assert "@passer-by: `/accept` ignored" in bot.bot_comments(7)[0]["body"]


def test_reject_and_duplicate_close_the_issue(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/reject out of scope: a known issue"))
    assert bot.server.issues[7]["state"] == "closed" and "rejected" in bot.labels(7)
    bot.file(11, bot.body())
    bot.run("issue_comment", bot.comment_event(11, "/duplicate #7"))
    assert bot.server.issues[11]["state"] == "closed" and "duplicate" in bot.labels(11)
    assert "duplicate of #7" in bot.bot_comments(11)[0]["body"]


def test_a_failed_comment_post_is_not_duplicated(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.server.fault("POST", r"/issues/7/comments$", 502)
    bot.run("issues", bot.issue_event(7))
    assert len(bot.bot_comments(7)) == 1


def test_a_post_that_landed_before_the_error_is_found_again(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.server.fault("POST", r"/issues/7/comments$", None, delay=1.0)  # client times out
    bot.run("issues", bot.issue_event(7))
    assert len(bot.bot_comments(7)) == 1


def test_rate_limits_are_waited_out(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.server.fault("GET", r"/issues/7$", 429, headers={"Retry-After": "2"})
    bot.server.rate_limit_fault("POST", r"/issues/7/labels$", reset_in=5)
    assert bot.run("issues", bot.issue_event(7)).message == "#7: valid; ruling none"
    assert "severity:high" in bot.labels(7)


def test_a_rate_limit_reset_too_far_away_fails_clearly(bot: Bot) -> None:
    from site_builder.bot.gateway import GatewayError

    bot.file(7, bot.body())
    bot.server.rate_limit_fault("POST", r"/issues/7/labels$", reset_in=3600)
    with pytest.raises(GatewayError, match="giving up"):
        bot.run("issues", bot.issue_event(7))


def test_a_real_permission_error_fails_clearly(bot: Bot) -> None:
    from site_builder.bot.gateway import GatewayError

    bot.file(7, bot.body())
    bot.server.fault(
        "POST",
        r"/issues/7/labels$",
        403,
        rate_headers=False,
        body={"message": "Resource not accessible by integration"},
    )
    with pytest.raises(GatewayError, match=r"HTTP 403.*permissions"):
        bot.run("issues", bot.issue_event(7))


def test_a_failed_update_of_the_proposed_finding_fails_clearly(bot: Bot) -> None:
    from site_builder.bot.gateway import GatewayError

    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=high"))
    proposed = bot.server.files[(BRANCH, FINDING)]
    answer = bot.bot_comments(7)[0]["body"]
    bot.server.fault("PUT", r"/contents/programs/demo/findings/demo-7\.md$", 409)
    with pytest.raises(GatewayError, match=rf"could not update {FINDING} on {BRANCH} \(HTTP 409\)"):
        bot.run("issue_comment", bot.comment_event(7, "/disclose 2027-03-01"))
    assert bot.server.files[(BRANCH, FINDING)] == proposed
    assert bot.bot_comments(7)[0]["body"] == answer  # the failed update is not reported done
    bot.run("issue_comment", bot.comment_event(7, "thanks", author="alice"))
    assert "2027-03-01" in bot.server.files[(BRANCH, FINDING)]  # the next run applies it


def test_deleted_and_transferred_issues_end_quietly(bot: Bot) -> None:
    bot.file(7, bot.body())
    event = bot.issue_event(7)
    bot.server.delete_issue(7)
    assert "deleted" in bot.run("issues", event).message
    bot.file(8, bot.body())
    event = bot.issue_event(8)
    bot.server.transfer_issue(8)
    assert "transferred" in bot.run("issues", event).message


def test_more_than_a_hundred_comments(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issues", bot.issue_event(7))
    for n in range(150):
        bot.server.add_comment(7, author="alice", body=f"note {n}")
    bot.server.issues[7]["body"] = bot.body({**ANSWERS, "severity": "medium"})
    bot.run("issues", bot.issue_event(7, "edited"))
    [comment] = bot.bot_comments(7)
    assert "severity claimed **medium**" in comment["body"]


def test_edit_after_acceptance_is_flagged_not_recorded(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=high"))
    before = dict(bot.server.files)
    bot.server.issues[7]["body"] = bot.body({**ANSWERS, "impact": "Changed afterwards."})
    bot.run("issues", bot.issue_event(7, "edited"))
    assert "edited-after-acceptance" in bot.labels(7)
    assert "edited after it was accepted" in bot.bot_comments(7)[0]["body"]
    assert bot.server.files == before


def test_sensitive_submissions_are_not_quoted(bot: Bot) -> None:
    secret = "```\n" + "CANARY-HAZARD step\n" * 80 + "```"
    answers = {**ANSWERS, "hazardous_details": HAZARD_CHOICES["withheld"], "reproduction": secret}
    bot.file(7, bot.body(answers))
    bot.run("issues", bot.issue_event(7))
    [comment] = bot.bot_comments(7)
    assert "sensitive" in bot.labels(7)
    assert "CANARY" not in comment["body"] and "Jailbreak" not in comment["body"]
    assert "private@bounties.test" in comment["body"]


def test_pull_request_comments_and_other_events_are_ignored(bot: Bot) -> None:
    bot.file(7, bot.body())
    event = bot.comment_event(7, "/accept severity=high")
    event["issue"]["pull_request"] = {"url": "x"}
    assert bot.run("issue_comment", event).message == "a pull-request comment; nothing to do"
    labeled = json.loads((EVENTS / "issues.labeled.1.json").read_text())
    assert bot.run("issues", labeled).message == "issues.labeled needs no triage"
    assert bot.server.requests == [r for r in bot.server.requests if r[0] != "POST"]


def test_request_counts_per_event(bot: Bot) -> None:
    """Kept low on purpose; the figures are reported in the closing note."""
    bot.file(7, bot.body())
    counts = {"opened (new valid)": bot.run("issues", bot.issue_event(7)).requests}
    bot.server.issues[7]["body"] = bot.body({**ANSWERS, "impact": "More impact."})
    counts["edited"] = bot.run("issues", bot.issue_event(7, "edited")).requests
    counts["comment without command"] = bot.run(
        "issue_comment", bot.comment_event(7, "thanks!", "alice")
    ).requests
    counts["/accept"] = bot.run(
        "issue_comment", bot.comment_event(7, "/accept severity=high")
    ).requests
    counts["/disclose"] = bot.run("issue_comment", bot.comment_event(7, "/disclose")).requests
    print(counts)
    assert counts["opened (new valid)"] <= 6
    assert counts["edited"] <= 4 and counts["comment without command"] <= 4
    assert counts["/accept"] <= 16 and counts["/disclose"] <= 16


def test_applications_are_acknowledged_without_revealing_invitations(bot: Bot) -> None:
    from site_builder.intake.forms import application_form
    from site_builder.intake.parse import form_fields

    form = application_form(bot.content.programs["club"])
    blocks = []
    for field in form_fields(form):
        if field.type == "checkboxes":
            blocks.append(f"### {field.label}\n\n- [X] {field.options[0]}")
        elif field.type == "dropdown":
            blocks.append(f"### {field.label}\n\n{field.options[0]}")
        else:
            blocks.append(f"### {field.label}\n\nMy public evaluations work.")
    bot.server.add_issue(
        12, title="[apply:club] ", body="\n\n".join(blocks), author="bob", labels=["application"]
    )
    outcome = bot.run("issues", bot.issue_event(12))
    assert outcome.message == "#12: application to club"
    assert bot.labels(12) == {"application", "program:club"}
    [comment] = bot.bot_comments(12)
    assert "Invitations are never discussed in public issues." in comment["body"]
    assert "alice" not in comment["body"]
    bot.run("issues", bot.issue_event(12))
    assert len(bot.bot_comments(12)) == 1


def test_panel_votes_decide_and_are_recorded_in_the_finding(bot: Bot, root: Path) -> None:
    # The demo program's panel: judge-a, judge-b, judge-c; majority with a quorum of 2.
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/vote accept novel and severe", "judge-a"))
    assert bot.server.pulls == []  # quorum not reached
    bot.run("issue_comment", bot.comment_event(7, "/vote reject known variant", "judge-b"))
    assert bot.server.pulls == []  # a tie decides nothing
    bot.run("issue_comment", bot.comment_event(7, "/vote accept", "judge-b"))  # changed vote
    [pull] = bot.server.pulls
    text = bot.server.files[("bounties/submission-7", "programs/demo/findings/demo-7.md")]
    assert "panel_decision:" in text and "outcome: accept" in text
    assert "rationale: '2 to accept, 0 to reject: novel and severe'" in text
    (root / "programs/demo/findings/demo-7.md").write_text(text)
    _, problems = validate(root, AS_OF)
    assert [p.as_text() for p in problems if p.is_error] == []
    bot.run("issue_comment", bot.comment_event(7, "/vote reject too late", "judge-c"))
    log = bot.bot_comments(7)[0]["body"]
    assert "@judge-c: `/vote` ignored: the panel's decision is already recorded." in log
    assert pull["html_url"] in log


def test_panel_conflicts_of_interest_and_outsiders(bot: Bot) -> None:
    bot.file(7, bot.body(), author="judge-a")
    bot.run("issue_comment", bot.comment_event(7, "/vote accept", "judge-a"))
    bot.run("issue_comment", bot.comment_event(7, "/vote accept", "passer-by"))
    bot.run("issue_comment", bot.comment_event(7, "/score harm=9", "judge-b"))
    log = bot.bot_comments(7)[0]["body"]
    assert "@judge-a: `/vote` ignored: panel members do not judge submissions they filed" in log
    assert "@passer-by: `/vote` ignored: only the program's panel members judge." in log
    assert "@judge-b: `/score` not understood: 'harm=9' is not <criterion>=<1-5>." in log
    assert bot.server.pulls == []


def test_likely_duplicates_among_open_submissions_are_listed_once(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issues", bot.issue_event(7))
    bot.file(8, bot.body())  # the same report filed twice
    first = bot.run("issues", bot.issue_event(8))
    body = bot.bot_comments(8)[0]["body"]
    # The title is someone else's text: shown inert (brackets escaped), the issue link kept.
    assert "**Possible duplicates**" in body and "#7 “\\[demo\\] Role-play bypass”" in body
    assert re.search(r"#7 “\\\[demo\\\] Role-play bypass” \(100% similar: \w", body)
    again = bot.run("issues", bot.issue_event(8, "edited"))
    assert again.requests < first.requests  # computed once, kept in the bot's state
    assert bot.bot_comments(8)[0]["body"] == body
