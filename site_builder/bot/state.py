"""The bot's memory, kept in its own comment on the issue (hidden, base64 JSON), so every run
can reconcile from GitHub alone: which command comments were handled, the ruling in force and
the pull request it produced. Found by marker *and* author, never by marker alone.

Only the bot's own block is read: the state is the comment's last line, and a comment that
holds the state marker anywhere else is treated as forged (the bot never echoes `<` from
others, see inert.py, so that cannot happen by accident). A state that does not have exactly
the shape the bot writes is ignored with a log line: the bot then starts from what GitHub
shows, which is always safe, and never crashes on it."""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from dataclasses import asdict, dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ..content.types import Rating
from .model import Comment

MARKER = "<!-- bounties-bot:triage -->"
_STATE_PREFIX = "<!-- bounties-bot:state "
_STATE = re.compile(r"<!-- bounties-bot:state ([A-Za-z0-9+/=]+) -->")
log = logging.getLogger("bounties.bot")


@dataclass
class BotState:
    processed: list[int] = field(default_factory=list)
    ruling: dict[str, Any] = field(default_factory=dict)
    applied: dict[str, Any] = field(default_factory=dict)
    pull_request: str | None = None
    sensitive: bool = False
    panel: dict[str, Any] | None = None
    similar: list[list[Any]] | None = None  # likely duplicates, computed once per issue
    accepted_hash: str | None = None  # sha256 of the issue body the acceptance recorded
    # Accepted, but the public content repository may not hold the finding before its
    # disclosure date: the scheduled run proposes it then (see disclosure.py).
    awaiting_disclosure: bool = False

    def encode(self) -> str:
        raw = json.dumps(asdict(self), sort_keys=True, separators=(",", ":"))
        return f"<!-- bounties-bot:state {base64.b64encode(raw.encode()).decode()} -->"


def find_bot_comment(comments: list[Comment], bot_login: str) -> Comment | None:
    for comment in comments:
        if comment.author == bot_login and MARKER in comment.body:
            return comment
    return None


def read_state(comment: Comment | None) -> BotState:
    if comment is None:
        return BotState()
    body = comment.body.rstrip("\n")
    last_line = body.rsplit("\n", 1)[-1]
    match = _STATE.fullmatch(last_line)
    if body.count(_STATE_PREFIX) != 1 or not match:
        if _STATE_PREFIX in body:
            log.warning("bot state in comment %s ignored: not the bot's own block", comment.id)
        return BotState()
    try:
        data = _StateShape.model_validate_json(base64.b64decode(match.group(1), validate=True))
    except (binascii.Error, ValueError, ValidationError) as error:
        summary = " ".join(str(error).split())[:300]
        log.warning("bot state in comment %s ignored: %s", comment.id, summary)
        return BotState()
    return BotState(**data.model_dump(exclude_unset=True))


# The exact shape the bot writes; anything else is not its state.
_Day = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
_Login = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$")]
_Count = Annotated[int, Field(ge=0, le=999_999_999)]
_CommentId = Annotated[int, Field(ge=0, lt=2**63)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class _Effect(_Strict):
    status: Literal["accepted", "rejected", "duplicate", "needs-info"] | None = None
    severity: Rating | None = None
    reward: _Count | None = None
    points: _Count | None = None
    duplicate_of: _CommentId | None = None
    disclose_on: _Day | None = None
    reason: Annotated[str, StringConstraints(max_length=5000)] = ""
    decided_by: _Login | Literal["", "panel"] = ""
    decided_on: _Day | Literal[""] = ""


class _Decision(_Strict):
    outcome: Literal["accept", "reject"]
    decided: _Day
    votes: dict[_Login, Literal["accept", "reject"]]
    scores: dict[_Login, dict[str, Annotated[int, Field(ge=1, le=5)]]]
    rationale: Annotated[str, StringConstraints(max_length=20000)]


class _StateShape(_Strict):
    processed: list[_CommentId] = Field(default_factory=list)
    ruling: dict[str, Any] = Field(default_factory=dict)
    applied: _Effect = Field(default_factory=_Effect)
    pull_request: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    sensitive: bool = False
    panel: _Decision | None = None
    similar: list[tuple[str, float, list[str]]] | None = None
    accepted_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None
    awaiting_disclosure: bool = False
