"""After acceptance the record is frozen at the accepted revision: a hunter's later edits never
enter the proposed finding, even when a later command (/disclose, a new /accept) rewrites it,
and the warning stays for as long as the edit does."""

from __future__ import annotations

from site_builder.bot.finding_file import refreeze
from tests.bot.conftest import Bot
from tests.intake.test_intake_end_to_end import ANSWERS

PATH = "programs/demo/findings/demo-7.md"
BRANCH = "bounties/submission-7"


def _file(bot: Bot) -> str:
    return str(bot.server.files[(BRANCH, PATH)])


def test_edits_after_acceptance_never_enter_the_record(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=high"))
    accepted = _file(bot)
    assert "A role-play framing bypasses refusals." in accepted
    edited = {**ANSWERS, "summary": "EDITED-SUMMARY", "impact": "EDITED-IMPACT"}
    bot.server.issues[7]["body"] = bot.body(edited)
    bot.server.issues[7]["title"] = "[demo] EDITED-TITLE"
    bot.run("issues", bot.issue_event(7, "edited"))
    bot.run("issue_comment", bot.comment_event(7, "/disclose 2027-03-01"))
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=critical reward=12000"))
    record = _file(bot)
    assert "EDITED" not in record
    assert "disclose_on: '2027-03-01'" in record or "disclose_on: 2027-03-01" in record
    assert "severity: critical" in record and "reward: 12000" in record
    assert record.split("---\n", 2)[2] == accepted.split("---\n", 2)[2]  # the write-up
    # The warning stays on later runs, not only on the edit's own event.
    bot.run("issue_comment", bot.comment_event(7, "thanks", author="alice"))
    assert "edited-after-acceptance" in bot.labels(7)
    assert "edited after it was accepted" in bot.bot_comments(7)[0]["body"]


def test_an_unedited_submission_is_rebuilt_normally(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issue_comment", bot.comment_event(7, "/accept severity=high"))
    bot.run("issue_comment", bot.comment_event(7, "/disclose 2027-03-01"))
    assert "edited-after-acceptance" not in bot.labels(7)
    assert "2027-03-01" in _file(bot)


def test_refreeze_takes_only_the_rulings_fields() -> None:
    recorded = "---\nid: x-1\ntitle: Old\nseverity: high\nreward: 5\n---\n\nOld text.\n"
    rebuilt = "---\nid: x-1\ntitle: New\nseverity: low\ndisclose_on: '2027-01-01'\n---\n\nNew.\n"
    assert refreeze(recorded, rebuilt) == (
        "---\nid: x-1\ntitle: Old\nseverity: low\ndisclose_on: '2027-01-01'\n---\n\nOld text.\n"
    )
