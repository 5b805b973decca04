"""Plain data the bot works on, independent of the GitHub client library."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Comment:
    id: int
    author: str
    body: str
    created_at: str
    updated_at: str

    @property
    def edited(self) -> bool:
        return self.updated_at != self.created_at


@dataclass(frozen=True)
class Issue:
    number: int
    title: str
    body: str
    author: str
    labels: tuple[str, ...]
    state: str
    html_url: str
    comment_count: int
    is_pull_request: bool = False
    created_at: str = ""


@dataclass
class Actions:
    """What a run did (or, with --dry-run, would do), for the log and the tests."""

    done: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.done.append(text)
