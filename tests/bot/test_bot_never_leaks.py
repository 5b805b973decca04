"""The bot's comment and its state are public: they never name or quote a finding that is not
published today, nor words from a redacted section, nor anything about invite-only programs'
reports; a draft program does not exist to the bot."""

from __future__ import annotations

import base64
import json
import re

from site_builder.content.checks import validate
from tests.bot.conftest import Bot
from tests.conftest import AS_OF
from tests.intake.test_intake_end_to_end import ANSWERS

EMBARGOED = "Tool-call escape"


def _reload(bot: Bot) -> None:
    content, problems = validate(bot.root, AS_OF)
    assert not [p for p in problems if p.is_error]
    bot.content = content


def _everything(bot: Bot, number: int) -> str:
    """The bot's comment with its hidden state decoded: both are public."""
    body = bot.bot_comments(number)[0]["body"]
    state = re.search(r"<!-- bounties-bot:state (\S+) -->", body)
    decoded = base64.b64decode(state.group(1)).decode() if state else ""
    return body + "\n" + decoded


def test_an_embargoed_finding_is_never_suggested_as_a_duplicate(bot: Bot) -> None:
    answers = {
        **ANSWERS,
        "summary": f"{EMBARGOED}: an embargoed write-up about a tool-call escape.",
        "impact": "Tool-call escape from the sandbox; embargoed write-up.",
    }
    bot.file(7, bot.body(answers))
    bot.server.issues[7]["title"] = f"[demo] {EMBARGOED}"
    bot.run("issues", bot.issue_event(7))
    seen = _everything(bot, 7)
    assert "DEMO-3" not in seen and EMBARGOED not in seen.replace(bot.server.issues[7]["title"], "")


def test_a_published_finding_is_compared_on_its_redacted_text(bot: Bot) -> None:
    finding = bot.root / "programs" / "demo" / "findings" / "DEMO-1.md"
    finding.write_text(
        finding.read_text()
        + "\n::: redacted Exploit chain\nzanzibar quixotic marmalade xylophone\n:::\n"
    )
    _reload(bot)
    answers = {
        **ANSWERS,
        "summary": "A role-play prompt bypasses the refusal policy: zanzibar quixotic "
        "marmalade xylophone.",
    }
    bot.file(7, bot.body(answers))
    bot.run("issues", bot.issue_event(7))
    seen = _everything(bot, 7)
    assert "DEMO-1" in seen  # the published finding is suggested ...
    for word in ("zanzibar", "quixotic", "marmalade", "xylophone"):
        assert word not in seen.split("Possible duplicates")[-1], word  # ... not on those words


def test_a_stale_state_naming_an_unpublished_finding_is_cleaned(bot: Bot) -> None:
    bot.file(7, bot.body())
    bot.run("issues", bot.issue_event(7))
    comment = bot.bot_comments(7)[0]
    state_text = re.search(r"<!-- bounties-bot:state (\S+) -->", comment["body"]).group(1)
    state = json.loads(base64.b64decode(state_text))
    state["similar"] = [[f"DEMO-3 “{EMBARGOED}”", 0.9, ["escape"]]]
    forged = base64.b64encode(json.dumps(state).encode()).decode()
    comment["body"] = comment["body"].replace(state_text, forged)
    bot.run("issues", bot.issue_event(7, "edited"))
    assert EMBARGOED not in _everything(bot, 7)


def test_sensitive_open_issues_are_not_compared(bot: Bot) -> None:
    bot.server.add_issue(
        7,
        title="[demo] Hazardous role-play bypass details",
        body=bot.body(),
        author="mallory",
        labels=["submission", "program:demo", "sensitive"],
    )
    bot.file(8, bot.body())
    bot.run("issues", bot.issue_event(8))
    assert "Hazardous" not in _everything(bot, 8) and "#7" not in _everything(bot, 8)


def test_applications_to_a_draft_program_are_not_acknowledged_by_name(bot: Bot) -> None:
    program = bot.root / "programs" / "club" / "program.yml"
    program.write_text(program.read_text().replace("status: open", "status: draft", 1))
    _reload(bot)
    body = "### Program\n\nTrusted club\n\n### Track record\n\nI found things.\n"
    bot.file(9, body)
    bot.run("issues", bot.issue_event(9))
    reply = bot.bot_comments(9)[0]["body"]
    assert "Trusted club" not in reply and "program:club" not in bot.labels(9)


def _club_event(bot: Bot, number: int, private: bool | None) -> dict:
    event = bot.issue_event(number)
    if private is None:
        event.pop("repository", None)
    else:
        event["repository"]["private"] = private
        event["repository"]["visibility"] = "private" if private else "public"
    return event


def test_invited_and_uninvited_hunters_get_one_public_answer(bot: Bot) -> None:
    body = bot.body({**ANSWERS, "program": "Trusted club"})
    bot.server.add_issue(7, title="[club] x", body=body, author="alice", labels=["submission"])
    bot.server.add_issue(8, title="[club] x", body=body, author="mallory", labels=["submission"])
    for number in (7, 8):
        bot.run("issues", _club_event(bot, number, private=False))
    invited, uninvited = (bot.bot_comments(n)[0]["body"] for n in (7, 8))
    assert invited == uninvited
    # The club's policy is non-disclosure: its reports are taken out of public view, too.
    assert "is invite-only" in invited and "Submission check" not in invited
    wanted = {"submission", "program:club", "invite-only", "sensitive"}
    assert bot.labels(7) == bot.labels(8) == wanted
    assert bot.server.issues[7]["body"] == bot.server.issues[8]["body"]


def test_a_repository_of_unknown_visibility_counts_as_public(bot: Bot) -> None:
    body = bot.body({**ANSWERS, "program": "Trusted club"})
    bot.server.add_issue(7, title="[club] x", body=body, author="alice", labels=["submission"])
    bot.run("issues", _club_event(bot, 7, private=None))
    assert "is invite-only" in bot.bot_comments(7)[0]["body"]


def test_a_private_repository_that_is_not_the_programs_channel_triages_nothing(
    bot: Bot,
) -> None:
    """The club takes issues in its own intake repository (see test_public_audience.py for
    triage there); another private repository sends them there, for everyone alike."""
    body = bot.body({**ANSWERS, "program": "Trusted club"})
    bot.server.add_issue(7, title="[club] x", body=body, author="alice", labels=["submission"])
    bot.server.add_issue(8, title="[club] x", body=body, author="mallory", labels=["submission"])
    for number in (7, 8):
        bot.run("issues", _club_event(bot, number, private=True))
    invited, uninvited = (bot.bot_comments(n)[0]["body"] for n in (7, 8))
    assert invited == uninvited and "### Not handled here" in invited
    assert "Submission check" not in invited
