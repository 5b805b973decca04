"""Slash commands, reconciliation, the bot's hidden state, and the retry policy."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from site_builder.bot import retry
from site_builder.bot.commands import command_in
from site_builder.bot.model import Comment
from site_builder.bot.rulings import reconcile
from site_builder.bot.state import MARKER, BotState, find_bot_comment, read_state


def comment(body: str, author: str = "maintainer", n: int = 1, edited: bool = False) -> Comment:
    created = f"2026-11-{10 + n:02d}T10:00:00Z"
    return Comment(n, author, body, created, "2026-12-01T00:00:00Z" if edited else created)


@pytest.mark.parametrize(
    "body",
    [
        "> /accept severity=high",
        "    /accept severity=high",
        "```\n/accept severity=high\n```",
        "Please /accept severity=high",
        "/accepted severity=high",
        "thanks!",
    ],
)
def test_commands_only_count_at_the_start_of_a_comment(body: str) -> None:
    assert command_in(comment(body)) is None


def test_edited_comments_carry_no_command() -> None:
    assert command_in(comment("/reject spam", edited=True)) is None


def test_command_arguments_and_errors() -> None:
    accept = command_in(comment("\n/accept severity=high reward=5000 points=60\nthanks"))
    assert accept is not None and accept.args == {
        "severity": "high",
        "reward": "5000",
        "points": "60",
    }
    assert command_in(comment("/accept severity=h!gh")).error.startswith("use /accept")
    # A well-formed rating the program's scale lacks is refused when the ruling is made:
    huge = reconcile([command_in(comment("/accept severity=huge"))], lambda _: True)
    assert huge.status is None
    assert huge.log == [
        "@maintainer: `/accept` not understood: use /accept severity=low|medium|high|critical "
        "(or P1..P5) [reward=N] [points=N]."
    ]
    custom = reconcile(
        [command_in(comment("/accept severity=A1"))], lambda _: True, ("A2", "A1", "S2", "S1")
    )
    assert custom.status == "accepted" and custom.severity == "A1"
    assert reconcile(
        [command_in(comment("/accept severity=high"))], lambda _: True, ("A2", "A1", "S2", "S1")
    ).log == [
        "@maintainer: `/accept` not understood: use /accept severity=S1|S2|A1|A2 [reward=N] "
        "[points=N]."
    ]
    assert (
        command_in(comment("/accept severity=high reward=5k")).error
        == "reward must be a whole number below 1000000000"
    )
    assert command_in(comment("/duplicate 12")).error == "use /duplicate #<issue number>"
    assert command_in(comment("/duplicate #12")).args == {"of": "12"}
    assert command_in(comment("/disclose 2027-02-30")).error == "use /disclose [YYYY-MM-DD]"
    assert command_in(comment("/reject")).error == "/reject needs a reason or question after it"


def rule(
    *bodies: str, allowed: Any = lambda user: user == "maintainer", author: str = "maintainer"
):  # type: ignore[no-untyped-def]
    commands = [command_in(comment(b, author=author, n=i)) for i, b in enumerate(bodies, 1)]
    return reconcile([c for c in commands if c], allowed)


def test_accept_then_disclose() -> None:
    ruling = rule("/accept severity=high reward=3000", "/disclose 2027-03-01")
    assert (ruling.status, ruling.severity, ruling.reward, ruling.disclose_on) == (
        "accepted",
        "high",
        3000,
        "2027-03-01",
    )
    assert ruling.decided_on == "2026-11-11"


def test_later_ruling_supersedes_and_says_so() -> None:
    ruling = rule("/accept severity=high", "/reject out of scope")
    assert ruling.status == "rejected" and ruling.reason == "out of scope"
    assert ruling.severity is None
    assert "supersedes the earlier ruling (accepted)" in ruling.log[-1]


def test_repeating_a_command_changes_nothing() -> None:
    once = rule("/accept severity=high")
    twice = rule("/accept severity=high", "/accept severity=high")
    assert once.effect() == twice.effect()
    assert "repeats the ruling in force" in twice.log[-1]


def test_need_info_only_before_a_ruling_and_disclose_only_after_accept() -> None:
    assert rule("/need-info which version?").status == "needs-info"
    ruling = rule("/reject spam", "/need-info why?", "/disclose")
    assert ruling.status == "rejected"
    assert "already rejected" in ruling.log[1] and "accept the submission first" in ruling.log[2]


def test_commands_from_others_are_refused_politely() -> None:
    ruling = rule("/accept severity=critical", author="passer-by")
    assert ruling.status is None
    assert ruling.log == [
        "@passer-by: `/accept` ignored: only maintainers and triagers can rule "
        "on submissions. Thank you for the comment!"
    ]


def test_state_round_trips_and_is_found_by_marker_and_author() -> None:
    state = BotState(
        processed=[3, 5], applied={"status": "accepted"}, pull_request="https://x.test/pull/2"
    )
    body = f"{MARKER}\ntext\n{state.encode()}\n"
    mine = Comment(9, "github-actions[bot]", body, "a", "a")
    forged = Comment(8, "mallory", body, "a", "a")
    assert find_bot_comment([forged, mine], "github-actions[bot]") is mine
    assert find_bot_comment([forged], "github-actions[bot]") is None
    assert read_state(mine) == state
    assert "-->" not in state.encode()[len("<!-- bounties-bot:state ") : -4]
    assert (
        read_state(Comment(1, "x", f"{MARKER} <!-- bounties-bot:state !!! -->", "", ""))
        == BotState()
    )


class FakeResponse(requests.Response):
    def __init__(self, status: int, headers: dict[str, str] | None = None, text: str = ""):
        super().__init__()
        self.status_code = status
        self.headers.update(headers or {})
        self._content = text.encode()


class Recorder:
    def __init__(self, responses: list[Any]):
        self.responses = responses
        self.calls: list[str] = []

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(method)
        item = self.responses.pop(0)
        if isinstance(item, Exception):
            raise item
        return item


def install(responses: list[Any]) -> tuple[Recorder, list[float]]:
    session = Recorder(responses)
    waits: list[float] = []
    retry.install(session, sleep=waits.append, clock=lambda: 1000.0)  # type: ignore[arg-type]
    return session, waits


def test_retries_server_errors_on_idempotent_requests_only() -> None:
    session, waits = install([FakeResponse(502), FakeResponse(200)])
    assert session.request("GET", "u").status_code == 200 and waits == [1.0]
    session, waits = install([FakeResponse(502)])
    assert session.request("POST", "u").status_code == 502 and waits == []


def test_obeys_retry_after_and_rate_limit_reset() -> None:
    session, waits = install([FakeResponse(429, {"Retry-After": "3"}), FakeResponse(201)])
    assert session.request("POST", "u").status_code == 201 and waits == [3.0]
    reset = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1010"}
    session, waits = install([FakeResponse(403, reset), FakeResponse(200)])
    assert session.request("GET", "u").status_code == 200 and waits == [11.0]


def test_secondary_rate_limit_backs_off_but_permission_errors_do_not_retry() -> None:
    limited = FakeResponse(403, text='{"message": "You have exceeded a secondary rate limit"}')
    session, waits = install([limited, FakeResponse(200)])
    assert session.request("POST", "u").status_code == 200 and waits == [1.0]
    session, waits = install([FakeResponse(403, text='{"message": "Resource not accessible"}')])
    assert session.request("GET", "u").status_code == 403 and waits == []


def test_timeouts_retry_gets_but_not_posts_and_long_waits_give_up() -> None:
    session, _ = install([requests.Timeout(), FakeResponse(200)])
    assert session.request("GET", "u").status_code == 200
    session, _ = install([requests.Timeout()])
    with pytest.raises(requests.Timeout):
        session.request("POST", "u")
    far = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "99999"}
    session, _ = install([FakeResponse(403, far)])
    with pytest.raises(retry.RateLimited, match="giving up"):
        session.request("GET", "u")


def test_panel_mean_score_rule_and_credit_conflict() -> None:
    from site_builder.bot.panel import judge
    from site_builder.content.models_in_depth import Panel

    panel = Panel.model_validate(
        {
            "members": [{"handle": "a"}, {"handle": "b"}, {"handle": "c"}],
            "criteria": [{"id": "harm", "description": "h"}, {"id": "novelty", "description": "n"}],
            "decision": {"rule": "mean-score", "quorum": 2, "bar": 3.5},
        }
    )
    commands = [
        command_in(comment(body, author=who, n=i))
        for i, (who, body) in enumerate(
            [
                ("a", "/score harm=4 novelty=3"),
                ("c", "/score harm=5 novelty=5"),
                ("b", "/score harm=2 novelty=2"),
                ("b", "/score harm=1 stealth=2"),
            ],
            1,
        )
    ]
    judged = judge([c for c in commands if c], panel, conflicted={"c"}, recorded=None)
    assert "@c: `/score` ignored: panel members do not judge submissions" in judged.log[1]
    assert judged.decision is not None
    assert judged.decision["outcome"] == "reject"  # (4+3+2+2)/4 = 2.75 < 3.5
    assert judged.decision["rationale"] == "Mean score 2.75 against a bar of 3.5."
    assert "already recorded" in judged.log[-1]
