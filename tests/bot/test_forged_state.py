"""Only text the bot wrote can be read back as its state; text from hunters reaches the bot's
comment inert (no HTML, no link, no image, no mention); a malformed state is ignored, never a
crash. The forged states below are what an attacker would write into an answer."""

from __future__ import annotations

import base64
import json
import logging

import pytest

from site_builder.bot.inert import inert
from site_builder.bot.model import Comment
from site_builder.bot.state import MARKER, BotState, read_state
from tests.bot.conftest import BOT, Bot
from tests.intake.test_intake_end_to_end import ANSWERS


def forged_block(data: dict) -> str:
    encoded = base64.b64encode(json.dumps(data).encode()).decode()
    return f"<!-- bounties-bot:state {encoded} -->"


PANEL_ACCEPTANCE = {
    "processed": [],
    "applied": {},
    "panel": {
        "outcome": "accept",
        "decided": "2026-11-20",
        "votes": {"judge-a": "accept", "judge-b": "accept"},
        "scores": {},
        "rationale": "2 to accept, 0 to reject.",
    },
}


@pytest.mark.parametrize(
    "forged",
    [
        PANEL_ACCEPTANCE,
        {**PANEL_ACCEPTANCE, "panel": {**PANEL_ACCEPTANCE["panel"], "decided": "2026-99-99"}},
        {**PANEL_ACCEPTANCE, "panel": {**PANEL_ACCEPTANCE["panel"], "decided": "2027W011"}},
        {"processed": "all", "applied": {"status": "accepted", "reward": 15000}},
    ],
    ids=["panel-acceptance", "invalid-date", "week-date", "wrong-types"],
)
@pytest.mark.parametrize("field", ["target_version", "target", "summary", "impact"])
def test_a_state_block_in_an_answer_is_never_read(bot: Bot, forged: dict, field: str) -> None:
    answers = {**ANSWERS, field: f"{ANSWERS[field]} {forged_block(forged)}"}
    bot.file(7, bot.body(answers))
    bot.run("issues", bot.issue_event(7))
    bot.run("issue_comment", bot.comment_event(7, "thanks!", author="alice"))
    bot.run("issues", bot.issue_event(7, "edited"))
    assert "accepted" not in bot.labels(7)
    assert bot.server.pulls == []
    (comment,) = bot.bot_comments(7)
    assert "Ruling" not in comment["body"]
    assert comment["body"].count("<!--") == 2  # the bot's marker and its own state, no more
    assert read_state(Comment(1, BOT, comment["body"], "", "")).panel is None


def test_echoed_answers_carry_no_markup_into_the_bot_comment(bot: Bot) -> None:
    hostile = "3.4 ![x](https://evil.example/p.png) [click](https://evil.example) @admin <b>x</b>"
    bot.file(7, bot.body({**ANSWERS, "target_version": hostile}))
    bot.file(8, bot.body({**ANSWERS, "target": "www.evil.example " + hostile}))
    bot.run("issues", bot.issue_event(7))
    bot.run("issues", bot.issue_event(8))
    accepted, refused = bot.bot_comments(7)[0]["body"], bot.bot_comments(8)[0]["body"]
    assert "Submission check: complete" in accepted and inert(hostile) in accepted
    assert "Submission check: needs changes" in refused  # its problems quote the answer
    for body in (accepted, refused):
        for markup in ("![", "](", "@admin", "<b>", "https://evil", "www.evil"):
            assert markup not in body, markup


@pytest.mark.parametrize(
    "text",
    [
        "<!-- bounties-bot:state e30= -->",
        "![img](http://x/y.png)",
        "[a](javascript:alert(1))",
        "@org/team ping",
        "line one\n### Heading\n- item",
        "`code` **bold** _em_ ~~s~~ | table |",
        "https://example.org and www.example.org",
        "&lt;script&gt; &amp; <script>",
        "\u202egnp.exe",
    ],
)
def test_inert_text_has_no_markdown_html_mention_or_link(text: str) -> None:
    out = inert(text)
    assert "\n" not in out and "<" not in out and ">" not in out
    assert "](" not in out and "![" not in out and "@" + "o" not in out
    assert "://" not in out and "www." not in out.lower()
    for char in "`*_[]()!#|~":
        assert char not in out.replace("\\" + char, ""), char


def test_inert_text_is_cut_to_its_limit() -> None:
    assert inert("a" * 500, 100) == "a" * 99 + "…"


def _comment(body: str) -> Comment:
    return Comment(3, BOT, body, "", "")


GOOD = BotState(processed=[11], applied={"status": "accepted", "severity": "high"})


def test_the_bots_own_block_on_the_last_line_is_read() -> None:
    assert read_state(_comment(f"{MARKER}\nhello\n{GOOD.encode()}\n")) == GOOD


@pytest.mark.parametrize(
    "body",
    [
        f"{MARKER}\n{GOOD.encode()}\nsomething after it\n",  # not the last line
        f"{MARKER}\n{GOOD.encode()}\n{GOOD.encode()}\n",  # two blocks: one is not ours
        f"{MARKER}\nanswer: {forged_block({'processed': [1]})}\n{GOOD.encode()}\n",
        f"{MARKER}\nx {GOOD.encode()}\n",  # not alone on its line
    ],
)
def test_a_state_anywhere_but_alone_on_the_last_line_is_ignored(
    body: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="bounties.bot"):
        assert read_state(_comment(body)) == BotState()
    assert "bot state in comment 3 ignored: not the bot's own block" in caplog.text


@pytest.mark.parametrize(
    "data",
    [
        {"processed": [-1]},
        {"processed": ["7"]},
        {"applied": {"status": "paid"}},
        {"applied": {"status": "accepted", "reward": -5}},
        {"applied": {"status": "accepted", "decided_on": "2026-02-30x"}},
        {"applied": {"status": "accepted", "extra": 1}},
        {
            "panel": {
                "outcome": "accept",
                "decided": "soon",
                "votes": {},
                "scores": {},
                "rationale": "",
            }
        },
        {
            "panel": {
                "outcome": "accept",
                "decided": "2026-11-20",
                "votes": {"a b": "accept"},
                "scores": {},
                "rationale": "",
            }
        },
        {"pull_request": "javascript:alert(1)"},
        {"sensitive": "no"},
        {"unknown": True},
    ],
)
def test_a_state_of_another_shape_is_ignored_with_a_log_line(
    data: dict, caplog: pytest.LogCaptureFixture
) -> None:
    body = f"{MARKER}\n{forged_block(data)}\n"
    with caplog.at_level(logging.WARNING, logger="bounties.bot"):
        assert read_state(_comment(body)) == BotState()
    assert "bot state in comment 3 ignored:" in caplog.text


@pytest.mark.parametrize("payload", ["!!!!", "e30", "bm90IGpzb24="])
def test_undecodable_state_is_ignored(payload: str) -> None:
    assert read_state(_comment(f"{MARKER}\n<!-- bounties-bot:state {payload} -->")) == BotState()
