"""Reconcile every maintainer command on an issue into one ruling, deterministically.

Commands are taken in the order they were posted. /accept, /reject and /duplicate each set the
ruling (a later one supersedes an earlier one, and the bot's comment says so); /need-info
applies only while nothing has been ruled; /disclose applies only to an accepted submission.
Repeating a command changes nothing. Commands from people without write, maintain or admin
permission (or not listed as triagers) are refused and change nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..content.types import RATINGS
from .commands import Command


@dataclass
class Ruling:
    status: str | None = None  # accepted | rejected | duplicate | needs-info
    severity: str | None = None
    reward: int | None = None
    points: int | None = None
    duplicate_of: int | None = None
    disclose_on: str | None = None
    reason: str = ""
    decided_by: str = ""
    decided_on: str = ""
    log: list[str] = field(default_factory=list)

    def effect(self) -> dict[str, Any]:
        """The part that changes files, labels or state on GitHub (the log does not)."""
        data = asdict(self)
        data.pop("log")
        return data


def reconcile(
    commands: list[Command],
    allowed: Callable[[str], bool],
    ratings: tuple[str, ...] = RATINGS,
) -> Ruling:
    """`ratings`: the program's scale, which `/accept severity=` must name."""
    ruling = Ruling()
    for command in commands:
        if command.name in ("score", "vote"):
            continue  # the panel's commands: see panel.py
        who = f"@{command.author}"
        if command.error:
            ruling.log.append(f"{who}: `/{command.name}` not understood: {command.error}.")
            continue
        rating = command.args.get("severity") if command.name == "accept" else None
        if rating is not None and rating not in ratings:
            choices = (
                "low|medium|high|critical (or P1..P5)"
                if ratings == RATINGS
                else "|".join(reversed(ratings))
            )
            ruling.log.append(
                f"{who}: `/accept` not understood: use /accept severity={choices} "
                "[reward=N] [points=N]."
            )
            continue
        if not allowed(command.author):
            ruling.log.append(
                f"{who}: `/{command.name}` ignored: only maintainers and "
                "triagers can rule on submissions. Thank you for the comment!"
            )
            continue
        _apply(ruling, command, who)
    return ruling


def _apply(ruling: Ruling, command: Command, who: str) -> None:
    day = command.comment.created_at[:10]
    name = command.name
    previous = ruling.status
    if name in ("accept", "reject", "duplicate"):
        new = {"accept": "accepted", "reject": "rejected", "duplicate": "duplicate"}[name]
        before = ruling.effect()
        ruling.status, ruling.decided_by, ruling.decided_on = new, command.author, day
        ruling.reason = command.text if name == "reject" else ""
        if name == "accept":
            ruling.severity = command.args["severity"]
            ruling.reward = int(command.args["reward"]) if "reward" in command.args else None
            ruling.points = int(command.args["points"]) if "points" in command.args else None
        else:
            ruling.severity = ruling.reward = ruling.points = None
            ruling.disclose_on = None
        ruling.duplicate_of = int(command.args["of"]) if name == "duplicate" else None
        if {k: v for k, v in ruling.effect().items() if k not in ("decided_by", "decided_on")} == {
            k: v for k, v in before.items() if k not in ("decided_by", "decided_on")
        }:
            ruling.decided_by, ruling.decided_on = before["decided_by"], before["decided_on"]
            ruling.log.append(f"{who}: `/{name}` repeats the ruling in force; nothing changes.")
        elif previous and previous != "needs-info":
            ruling.log.append(f"{who}: `/{name}` supersedes the earlier ruling ({previous}).")
        else:
            ruling.log.append(f"{who}: `/{name}` applied.")
    elif name == "need-info":
        if previous in (None, "needs-info"):
            ruling.status, ruling.reason = "needs-info", command.text
            ruling.log.append(f"{who}: `/need-info` applied.")
        else:
            ruling.log.append(f"{who}: `/need-info` ignored: the submission is already {previous}.")
    elif name == "disclose":
        if previous != "accepted":
            ruling.log.append(f"{who}: `/disclose` ignored: accept the submission first.")
            return
        ruling.disclose_on = command.args.get("on", day)
        ruling.log.append(f"{who}: `/disclose` applied: disclosure on {ruling.disclose_on}.")
