"""Panel judging for panel-judged programs: `/score <criterion>=<1-5> ...` and
`/vote accept|reject <reason>` from listed panel members.

Only panel members count; a member cannot judge a submission they filed or are credited on
(conflict of interest); a member's latest vote and latest score per criterion count, so votes
can change until the decision is recorded. The decision is recorded once the program's rule is
met (majority of votes with a quorum of voters, or a mean score at or above the bar with a
quorum of scorers) and is final afterwards."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..content.models_in_depth import Panel
from .commands import Command


@dataclass
class Judging:
    votes: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    scores: dict[str, dict[str, int]] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    decision: dict[str, Any] | None = None


def judge(
    commands: list[Command], panel: Panel, conflicted: set[str], recorded: dict[str, Any] | None
) -> Judging:
    judging = Judging(decision=recorded)
    members = {handle.lower() for handle in panel.handles}
    criteria = {c.id for c in panel.criteria}
    for command in commands:
        if command.name not in ("score", "vote"):
            continue
        who = command.author
        tag = f"@{who}: `/{command.name}`"
        if command.error:
            judging.log.append(f"{tag} not understood: {command.error}.")
        elif who.lower() not in members:
            judging.log.append(f"{tag} ignored: only the program's panel members judge.")
        elif who.lower() in conflicted:
            judging.log.append(
                f"{tag} ignored: panel members do not judge submissions they "
                "filed or are credited on."
            )
        elif judging.decision is not None:
            judging.log.append(f"{tag} ignored: the panel's decision is already recorded.")
        elif command.name == "vote":
            judging.votes[who] = command.args["vote"]
            judging.reasons[who] = command.text
            judging.log.append(f"{tag} {command.args['vote']} counted.")
        else:
            unknown = sorted(set(command.args) - criteria)
            if unknown:
                judging.log.append(
                    f"{tag} ignored: unknown criteria {', '.join(unknown)} "
                    f"(criteria: {', '.join(sorted(criteria))})."
                )
                continue
            judging.scores.setdefault(who, {}).update({k: int(v) for k, v in command.args.items()})
            judging.log.append(f"{tag} counted.")
        if judging.decision is None:
            judging.decision = _decide(judging, panel, command.comment.created_at[:10])
            if judging.decision:
                judging.log.append(f"Panel decision recorded: {judging.decision['outcome']}.")
    return judging


def _decide(judging: Judging, panel: Panel, day: str) -> dict[str, Any] | None:
    rule = panel.decision
    if rule.rule == "majority":
        if len(judging.votes) < rule.quorum:
            return None
        accept = sum(1 for v in judging.votes.values() if v == "accept")
        reject = len(judging.votes) - accept
        if accept == reject:
            return None
        outcome = "accept" if accept > reject else "reject"
        reasons = [r for who, r in judging.reasons.items() if judging.votes[who] == outcome and r]
        rationale = f"{accept} to accept, {reject} to reject" + (
            f": {'; '.join(reasons)}" if reasons else "."
        )
    else:
        if len(judging.scores) < rule.quorum:
            return None
        values = [v for member in judging.scores.values() for v in member.values()]
        mean = sum(values) / len(values)
        outcome = "accept" if mean >= (rule.bar or 0) else "reject"
        rationale = f"Mean score {mean:.2f} against a bar of {rule.bar}."
    return {
        "outcome": outcome,
        "decided": day,
        "votes": dict(judging.votes),
        "scores": {k: dict(v) for k, v in judging.scores.items()},
        "rationale": rationale,
    }
