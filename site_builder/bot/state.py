"""The bot's memory, kept in its own comment on the issue (hidden, base64 JSON), so every run
can reconcile from GitHub alone: which command comments were handled, the ruling in force and
the pull request it produced. Found by marker *and* author, never by marker alone."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from .model import Comment

MARKER = "<!-- bounties-bot:triage -->"
_STATE = re.compile(r"<!-- bounties-bot:state ([A-Za-z0-9+/=]+) -->")


@dataclass
class BotState:
    processed: list[int] = field(default_factory=list)
    ruling: dict[str, Any] = field(default_factory=dict)
    applied: dict[str, Any] = field(default_factory=dict)
    pull_request: str | None = None
    sensitive: bool = False
    panel: dict[str, Any] | None = None
    similar: list[list[Any]] | None = None  # likely duplicates, computed once per issue

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
    match = _STATE.search(comment.body)
    if not match:
        return BotState()
    try:
        data = json.loads(base64.b64decode(match.group(1)))
        return BotState(**{k: v for k, v in data.items() if k in BotState.__dataclass_fields__})
    except (binascii.Error, ValueError, TypeError):
        return BotState()
