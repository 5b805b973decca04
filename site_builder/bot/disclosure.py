"""Disclosure on schedule: a public content repository may hold nothing before it is
disclosable, so an accepted finding that is not yet disclosable stays *awaiting its disclosure*
(bot state `awaiting_disclosure`, set by triage.py). Each scheduled run looks at the open
`accepted` issues of every issue repository and, for those awaiting, runs the issue's triage
again as of the run's day: the same check that kept the finding back proposes it once its
`disclose_on` day has come. That run is first made dry, and made for real only if it proposes:
before the day nothing at all is written (not even the comment's dates, which follow the day).

Idempotent like every triage run: once proposed the state no longer awaits, and the pull
request is reused. Nothing about a pending finding is written before its date: the run only
reads, unless the finding may now be proposed. The log gives counts only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..content.entries import Content
from .model import Actions
from .repository import DryRunRepository
from .state import find_bot_comment, read_state
from .triage import handle

ACCEPTED_LABEL = "accepted"


@dataclass
class DisclosureCounts:
    awaiting: int = 0  # accepted findings found waiting for their disclosure date
    proposed: int = 0  # of which proposed by this run


def content_is_public(content: Content) -> bool:
    return bool(content.settings and content.settings.content_repository.public)


def propose_due(
    issues: Any,
    proposals: Any,
    content: Content,
    as_of: date,
    root: Path,
) -> DisclosureCounts:
    """Propose every finding of `issues`' repository whose disclosure date has come, in the
    content repository (`proposals`). Both are gateways (GitHubGateway or a dry run)."""
    counts = DisclosureCounts()
    event = _event(issues)
    for issue in issues.list_issues("open", ACCEPTED_LABEL):
        if not issue.comment_count or not _awaiting(issues, issue.number):
            continue
        counts.awaiting += 1
        event["issue"] = {"number": issue.number}
        probe = Actions()
        dry_issues = DryRunRepository(issues, probe)
        dry_proposals = DryRunRepository(proposals, probe)
        if not _proposes(handle("issues", event, dry_issues, content, as_of, root, dry_proposals)):
            continue  # not its day yet (or refused): nothing is written
        if _proposes(handle("issues", event, issues, content, as_of, root, proposals)):
            counts.proposed += 1
    return counts


def _proposes(outcome: Any) -> bool:
    return any(line.startswith("proposed ") for line in outcome.actions.done)


def _awaiting(gateway: Any, number: int) -> bool:
    state = read_state(find_bot_comment(gateway.comments(number), gateway.bot_login))
    return state.awaiting_disclosure


def _event(gateway: Any) -> dict[str, Any]:
    """What an `issues.edited` event would say of the repository (its visibility decides the
    audience; anything unclear is public)."""
    private = gateway.is_private() is True
    return {
        "action": "edited",
        "repository": {
            "full_name": gateway.full_name,
            "private": private,
            "visibility": "private" if private else "public",
        },
    }
