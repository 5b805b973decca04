"""A local fake of the parts of GitHub's REST API that the triage bot uses.

Standard library only: `http.server.ThreadingHTTPServer` on 127.0.0.1 and a free port, JSON in
and out, every URL in every response pointing back at this server under `/api/v3` (the prefix
`github3.GitHubEnterprise(base_url)` adds).  The response shapes follow GitHub's REST API closely
enough that github3.py 4.0.1 builds its objects from them; behaviours mirror GitHub's where they
are known (status codes, error bodies, `Link` pagination with `/repositories/{id}/...` URLs,
rate-limit headers, 301 for transferred issues, 410 for deleted ones, PRs sharing the issue
number space, label names matched without regard to case, ...).

Typical use::

    with FakeGitHub() as gh:
        gh.add_issue(7, title="Bounty", body="...", author="alice", labels=["submission"])
        client = github3.GitHubEnterprise(gh.base_url, token="test-token")
        issue = client.repository("acme", "bounties").issue(7)

State lives in plain dicts holding GitHub JSON (`issues`, `comments`, `labels`, `pulls`, ...), so
tests can read and change it directly.  `requests` / `log` record what the client sent, and
`fault()` makes the next matching requests fail, stall or get rate limited.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import copy
import hashlib
import html
import json
import math
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

__all__ = ["BOT_LOGIN", "FakeGitHub", "Fault", "RepoState"]

API_PREFIX = "/api/v3"
BOT_LOGIN = "github-actions[bot]"
BOT_ID = 41898282
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
ROLES = ("admin", "maintain", "write", "triage", "read", "none")
# GET .../collaborators/{user}/permission: `permission` holds the legacy base role (maintain is
# reported as write and triage as read); `role_name` holds the real role.
LEGACY_PERMISSION = {
    "admin": "admin",
    "maintain": "write",
    "write": "write",
    "triage": "read",
    "read": "read",
    "none": "none",
}
ROLE_FLAGS = {
    "admin": ("admin", "maintain", "push", "triage", "pull"),
    "maintain": ("maintain", "push", "triage", "pull"),
    "write": ("push", "triage", "pull"),
    "triage": ("triage", "pull"),
    "read": ("pull",),
    "none": (),
}
DEFAULT_LABEL_COLOR = "ededed"  # colour GitHub gives a label created by adding it to an issue
MAX_BODY = 65536  # GitHub's limit on issue and comment bodies, in characters
DOCS = "https://docs.github.com/rest"
DOC_RATE = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"
DOC_REDIRECT = (
    "https://docs.github.com/rest/guides/best-practices-for-using-the-rest-api#follow-redirects"
)
PRIMARY_RATE_MESSAGE = "API rate limit exceeded for installation ID 1234567."
SECONDARY_RATE_MESSAGE = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
    "If you reach out to GitHub Support for help, please include the request ID "
    "ABCD:1234:5678:9ABC:DEF0."
)
REACTION_KEYS = ("+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes")
GITHUB_ACTIONS_APP = {
    "id": 15368,
    "slug": "github-actions",
    "node_id": "MDM6QXBwMTUzNjg=",
    "name": "GitHub Actions",
    "description": "Automate your workflow from idea to production",
    "created_at": "2018-07-30T09:30:17Z",
    "updated_at": "2019-12-10T19:04:12Z",
    "permissions": {"issues": "write", "contents": "write", "pull_requests": "write"},
    "events": [],
}


class GitHubError(Exception):
    """Raised by route handlers to answer with a GitHub-style error body."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: list[dict] | None = None,
        documentation_url: str = DOCS,
        headers: dict[str, str] | None = None,
        extra: dict | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {"message": message, "documentation_url": documentation_url}
        if errors:
            self.body["errors"] = errors
        self.body["status"] = str(status)
        if extra:
            self.body.update(extra)
        self.headers = headers or {}


def _validation(resource: str, field_name: str, code: str, message: str | None = None):
    error = {"resource": resource, "code": code, "field": field_name}
    if message:
        error["message"] = message
    return GitHubError(422, "Validation Failed", errors=[error])


def _pull_request_refused(message: str) -> GitHubError:
    """GitHub's 422 for a pull request it will not open (a custom error: no field)."""
    error = {"resource": "PullRequest", "code": "custom", "message": message}
    return GitHubError(422, "Validation Failed", errors=[error])


def _not_found() -> GitHubError:
    return GitHubError(404, "Not Found")


@dataclass
class Fault:
    """An injected response for the next `times` requests matching `method` and `path_regex`.

    `status=None` with a `delay` answers normally after the delay (a slow server: a write the
    client gave up on still happens).  `times=-1` never runs out.  `hits` counts uses.
    """

    method: str
    path_regex: str
    status: int | None
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    times: int = 1
    delay: float = 0.0
    rate_headers: bool = True
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        if self.times == 0:
            return False
        if self.method not in ("*", method):
            return False
        return re.search(self.path_regex, path) is not None


@dataclass
class Request:
    method: str
    path: str  # path below /api/v3, /repositories/{id} rewritten to /repos/{owner}/{repo}
    rest: str  # part of the path after /repos/{owner}/{repo}
    query: dict[str, str]
    query_pairs: list[tuple[str, str]]
    body: Any
    headers: dict[str, str]
    repo: RepoState | None = None

    @property
    def accept(self) -> str:
        return self.headers.get("accept", "")


@dataclass
class Response:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _node_id(kind: str, number: int) -> str:
    return base64.b64encode(f"0{len(kind)}:{kind}{number}".encode()).decode().rstrip("=")


def _blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _as_bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _b64_lines(data: bytes) -> str:
    # GitHub wraps the base64 of file contents at 60 characters per line.
    encoded = base64.b64encode(data).decode("ascii")
    return "".join(encoded[i : i + 60] + "\n" for i in range(0, len(encoded), 60))


def _reactions(url: str) -> dict:
    return {"url": url, "total_count": 0, **dict.fromkeys(REACTION_KEYS, 0)}


class RepoState:
    """Everything the fake knows about one repository (plain dicts of GitHub JSON)."""

    def __init__(self, server: FakeGitHub, owner: str, name: str, repo_id: int, branch: str):
        self.server = server
        self.owner = owner
        self.name = name
        self.id = repo_id
        self.default_branch = branch
        self.issues: dict[int, dict] = {}
        self.comments: dict[int, list[dict]] = {}
        self.labels: dict[str, dict] = {}
        self.branches: dict[str, str] = {}
        self.tags: dict[str, str] = {}
        self.files: dict[tuple[str, str], str | bytes] = {}
        self.pulls: list[dict] = []
        self.commits: dict[str, dict] = {}
        self.permissions: dict[str, str] = {}
        self.deleted: dict[int, int] = {}  # issue number -> status answered (410 or 404)
        self.moved: dict[int, tuple[RepoState, int] | None] = {}  # None: moved out of sight
        self.created_at = "2025-06-01T12:00:00Z"
        # -- scheduled runs: collaborators, invitations, advisories --
        # Collaborators are `permissions` above (login -> role); invitations and advisories are
        # GitHub JSON; `invitations_sent` holds the fake-clock time of every invitation created,
        # for GitHub's limit of 50 a repository per 24 hours.
        self.private = False
        self.invitations: list[dict] = []
        self.invitations_sent: list[datetime] = []
        self.advisories: list[dict] = []
        # -- hazardous text: lock, body edit, transfer --
        # Earlier texts of each issue's body (number -> oldest first), as GitHub's edit history
        # keeps them for anyone who can read the repository.
        self.body_history: dict[int, list[str | None]] = {}

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    @property
    def api(self) -> str:
        return f"{self.server.api_url}/repos/{self.owner}/{self.name}"

    @property
    def api_by_id(self) -> str:
        return f"{self.server.api_url}/repositories/{self.id}"

    @property
    def html(self) -> str:
        return f"{self.server.base_url}/{self.owner}/{self.name}"

    def next_number(self) -> int:
        used = [0, *self.issues, *self.deleted, *self.moved, *(p["number"] for p in self.pulls)]
        return max(used) + 1

    def find_label(self, name: str) -> dict | None:
        if name in self.labels:
            return self.labels[name]
        folded = name.casefold()
        return next((lb for n, lb in self.labels.items() if n.casefold() == folded), None)

    def files_at(self, sha: str) -> dict[str, str | bytes]:
        for branch, head in self.branches.items():
            if head == sha:
                return {p: c for (b, p), c in self.files.items() if b == branch}
        commit = self.commits.get(sha)
        return dict(commit["files"]) if commit else {}


class FakeGitHub:
    """A fake GitHub (Enterprise-style, under /api/v3) serving one repository on 127.0.0.1.

    The socket is bound in the constructor, so `base_url` and the URLs stored in the state dicts
    are valid at once; `start()` begins serving on a background thread.

    State of the main repository (GitHub JSON, change it freely between requests): `issues`
    {number: issue}, `comments` {number: [comment]}, `labels` {name: label}, `branches`
    {name: sha}, `files` {(branch, path): text or bytes}, `pulls` [pull], `commits` {sha: record}.
    Other knobs: `clock` (fake UTC time, +1 s per stamp), `bot_login` (author of everything
    created through the API), `tokens` (None: any token works), `rate_limit` /
    `rate_remaining` / `rate_reset` (at 0 remaining every request gets 403 until the reset).
    Records: `requests` [(METHOD, path)], with the path below /api/v3 without the query and
    /repositories/{id} rewritten to /repos/{owner}/{repo}; `log` [dict] with the raw path,
    query, headers, body text and the status answered; `count(method, regex)`.
    """

    def __init__(self, owner: str = "acme", repo: str = "bounties", default_branch: str = "main"):
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._thread: threading.Thread | None = None
        self._httpd = _Server(("127.0.0.1", 0), _make_handler(self))
        self.port: int = self._httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.api_url = self.base_url + API_PREFIX
        # Fake clock: every timestamp the server stamps advances it by one second.
        self.clock = datetime(2026, 1, 5, 9, 0, 0, tzinfo=UTC)
        self.bot_login = BOT_LOGIN
        self.tokens: set[str] | None = None  # if set, other tokens get 401 "Bad credentials"
        self.rate_limit = 5000
        self.rate_remaining = 5000
        self.rate_reset = int(time.time()) + 3600
        self.requests: list[tuple[str, str]] = []
        self.log: list[dict] = []
        self.faults: list[Fault] = []
        self._ids: dict[str, int] = {
            "issue": 2_100_000_000,
            "comment": 2_900_000_000,
            "label": 7_000_000_000,
            "pull": 1_800_000_000,
            "repo": 880_000_000,
            "user": 150_000,
            "commit": 0,
        }
        self._user_ids: dict[str, int] = {BOT_LOGIN: BOT_ID}
        self._repos: dict[str, RepoState] = {}
        self.main = self._new_repo(owner, repo, default_branch)
        self.owner, self.repo, self.default_branch = owner, repo, default_branch
        # -- scheduled runs: collaborators, invitations, advisories --
        self.missing_users: set[str] = set()  # logins with no GitHub account (casefolded)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.01},
                name=f"fake-github-{self.port}",
                daemon=True,
            )
            self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        with self._lock:
            connections, self._connections = list(self._connections), set()
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()

    def __enter__(self) -> FakeGitHub:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ main-repo state

    @property
    def issues(self) -> dict[int, dict]:
        return self.main.issues

    @property
    def comments(self) -> dict[int, list[dict]]:
        return self.main.comments

    @property
    def labels(self) -> dict[str, dict]:
        return self.main.labels

    @property
    def branches(self) -> dict[str, str]:
        return self.main.branches

    @property
    def files(self) -> dict[tuple[str, str], str | bytes]:
        return self.main.files

    @property
    def pulls(self) -> list[dict]:
        return self.main.pulls

    @property
    def commits(self) -> dict[str, dict]:
        return self.main.commits

    def repository(self, full_name: str) -> RepoState | None:
        """Another repository the fake knows about (e.g. the target of `transfer_issue`)."""
        return self._repos.get(full_name.casefold())

    # ------------------------------------------------------------------ state helpers

    def add_issue(
        self,
        number: int,
        *,
        title: str,
        body: str | None,
        author: str,
        labels: list[str] | tuple[str, ...] = (),
        state: str = "open",
        state_reason: str | None = None,
        created_at: str | None = None,
        author_association: str | None = None,
    ) -> dict:
        """Put issue `number` in the repository; missing labels are created.  Returns its JSON."""
        with self._lock:
            return self._store_issue(
                self.main,
                number,
                title=title,
                body=body,
                author=author,
                labels=list(labels),
                state=state,
                state_reason=state_reason,
                created_at=created_at,
                author_association=author_association,
            )

    def add_comment(
        self,
        number: int,
        *,
        author: str,
        body: str,
        edited: bool = False,
        created_at: str | None = None,
        author_association: str | None = None,
    ) -> dict:
        """Add a comment to issue `number`; `edited=True` makes updated_at later than created_at."""
        with self._lock:
            if number not in self.main.issues:
                raise KeyError(f"no issue #{number}; add_issue() it first")
            return self._store_comment(
                self.main,
                number,
                author=author,
                body=body,
                edited=edited,
                created_at=created_at,
                author_association=author_association,
            )

    def add_label(
        self, name: str, color: str = DEFAULT_LABEL_COLOR, description: str | None = None
    ):
        with self._lock:
            return self._store_label(self.main, name, color, description)

    def add_file(
        self, path: str, content: str | bytes, *, branch: str | None = None, message: str = ""
    ) -> str:
        """Commit `content` at `path` on `branch` (default branch); returns the new commit sha."""
        with self._lock:
            repo = self.main
            branch = branch or repo.default_branch
            repo.files[(branch, path)] = content
            return self._commit(repo, branch, message or f"Add {path}", author=self.main.owner)

    def set_permission(self, user: str, permission: str) -> None:
        """Role of `user`: admin | maintain | write | triage | read | none (unknown users: none)."""
        if permission not in ROLES:
            raise ValueError(f"permission must be one of {ROLES}, not {permission!r}")
        with self._lock:
            self.main.permissions[user.casefold()] = permission

    def delete_issue(self, number: int, *, status: int = 410) -> None:
        """Delete issue `number`: later requests for it get 410 Gone ("This issue was deleted"),
        which is what GitHub answers to a caller who can read the repository; pass `status=404`
        for what a caller without read access sees."""
        if status not in (404, 410):
            raise ValueError("status must be 410 or 404")
        with self._lock:
            self.main.issues.pop(number, None)
            self.main.comments.pop(number, None)
            self.main.deleted[number] = status

    def transfer_issue(
        self, number: int, *, to: str | None = None, new_number: int | None = None, visible=True
    ) -> str | None:
        """Transfer issue `number` to repository `to` (default "{owner}/{repo}-archive").

        Like GitHub, requests for the old issue then get 301 Moved Permanently with a Location
        of `/repositories/{new repo id}/issues/{new number}` (requests / github3 follow it for
        GET).  With `visible=False` (moved to a repository the caller cannot read) they get 404.
        Returns the new issue's API URL (None if not visible).
        """
        with self._lock:
            issue = self.main.issues.pop(number)
            comments = self.main.comments.pop(number, [])
            if not visible:
                self.main.moved[number] = None
                return None
            owner, _, name = (to or f"{self.main.owner}/{self.main.name}-archive").partition("/")
            target = self.repository(f"{owner}/{name}") or self._new_repo(owner, name, "main")
            new_number = new_number or target.next_number()
            moved = _rehome(self, issue, comments, target, new_number, labels=[])
            self.main.moved[number] = (target, new_number)
            return moved["url"]

    # -- scheduled runs: collaborators, invitations, advisories --

    def add_repository(self, full_name: str, *, private: bool = False) -> RepoState:
        """Another repository (e.g. a private intake repository), created if new."""
        with self._lock:
            owner, _, name = full_name.partition("/")
            repo = self.repository(full_name) or self._new_repo(owner, name, "main")
            repo.private = private
            return repo

    def set_role(self, full_name: str, user: str, role: str) -> None:
        """`user`'s role on any known repository (set_permission() is for the main one)."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, not {role!r}")
        with self._lock:
            self.repository(full_name).permissions[user.casefold()] = role

    def add_invitation(
        self, full_name: str, user: str, *, permission: str = "read", expired: bool = False
    ) -> dict:
        """A pending invitation made earlier (not counted against today's limit)."""
        with self._lock:
            repo = self.repository(full_name)
            invitation = self._new_invitation(repo, user, permission)
            invitation["expired"] = expired
            return invitation

    def accept_invitation(self, full_name: str, user: str) -> None:
        """`user` accepts their pending invitation and becomes a collaborator."""
        with self._lock:
            repo = self.repository(full_name)
            invitation = next(
                i for i in repo.invitations if i["invitee"]["login"].casefold() == user.casefold()
            )
            repo.invitations.remove(invitation)
            repo.permissions[user.casefold()] = invitation["permissions"]

    def add_advisory(
        self,
        full_name: str,
        ghsa_id: str,
        *,
        summary: str,
        description: str,
        reporter: str,
        severity: str | None = "high",
        state: str = "triage",
        created_at: str | None = None,
    ) -> dict:
        """A private vulnerability report (repository security advisory)."""
        with self._lock:
            repo = self.repository(full_name)
            advisory = _advisory_json(
                self, repo, ghsa_id, summary, description, reporter, severity, state
            )
            advisory["created_at"] = advisory["updated_at"] = created_at or self._now()
            repo.advisories.append(advisory)
            return advisory

    def add_issue_in(self, full_name: str, number: int, **fields: Any) -> dict:
        """add_issue() on any known repository."""
        with self._lock:
            fields["labels"] = list(fields.get("labels", ()))
            return self._store_issue(self.repository(full_name), number, **fields)

    def add_comment_in(self, full_name: str, number: int, **fields: Any) -> dict:
        """add_comment() on any known repository."""
        with self._lock:
            return self._store_comment(self.repository(full_name), number, **fields)

    def _new_invitation(self, repo: RepoState, user: str, permission: str) -> dict:
        self._ids.setdefault("invitation", 0)
        invitation_id = self._next_id("invitation")
        invitation = {
            "id": invitation_id,
            "node_id": _node_id("RepositoryInvitation", invitation_id),
            "repository": self.repo_json(repo),
            "invitee": self.user_json(user),
            "inviter": self.user_json(self.bot_login),
            "permissions": permission,
            "created_at": self._now(),
            "expired": False,
            "url": f"{self.api_url}/user/repository_invitations/{invitation_id}",
            "html_url": f"{repo.html}/invitations",
        }
        repo.invitations.append(invitation)
        return invitation

    # ------------------------------------------------------------------ fault injection

    def fault(
        self,
        method: str,
        path_regex: str,
        status: int | None,
        *,
        headers: dict[str, str] | None = None,
        body: Any = None,
        times: int = 1,
        delay: float = 0.0,
        rate_headers: bool = True,
    ) -> Fault:
        """Answer the next `times` requests whose method is `method` ("*": any) and whose path
        (below /api/v3, no query, e.g. "/repos/acme/bounties/issues/7") matches `path_regex`
        (re.search) with `status`, after waiting `delay` seconds.  `headers` override the usual
        X-RateLimit-* headers, which `rate_headers=False` leaves out.  `body` defaults to a
        GitHub-like error body for the status."""
        new = Fault(
            method.upper(),
            path_regex,
            status,
            dict(headers or {}),
            body,
            times,
            delay,
            rate_headers,
        )
        with self._lock:
            self.faults.append(new)
        return new

    def rate_limit_fault(
        self, method: str = "*", path_regex: str = "", *, reset_in: int = 60, times: int = 1
    ) -> Fault:
        """Primary rate limit: 403, X-RateLimit-Remaining: 0, X-RateLimit-Reset in `reset_in` s."""
        headers = {
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Used": str(self.rate_limit),
            "X-RateLimit-Reset": str(int(time.time()) + reset_in),
        }
        body = {"message": PRIMARY_RATE_MESSAGE, "documentation_url": DOC_RATE}
        return self.fault(method, path_regex, 403, headers=headers, body=body, times=times)

    def secondary_rate_limit_fault(
        self,
        method: str = "*",
        path_regex: str = "",
        *,
        retry_after: int | None = None,
        status: int = 403,
        rate_headers: bool = True,
        times: int = 1,
    ) -> Fault:
        """Secondary rate limit: 403 (or 429) with GitHub's message, Retry-After if given, and
        the normal (not exhausted) X-RateLimit-* headers unless `rate_headers=False`."""
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        body = {
            "message": SECONDARY_RATE_MESSAGE,
            "documentation_url": DOC_RATE + "#about-secondary-rate-limits",
        }
        return self.fault(
            method,
            path_regex,
            status,
            headers=headers,
            body=body,
            times=times,
            rate_headers=rate_headers,
        )

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def count(self, method: str = "*", path_regex: str = "") -> int:
        """How many requests so far matched `method` ("*": any) and `path_regex` (re.search)."""
        with self._lock:
            return sum(
                1
                for m, p in self.requests
                if method in ("*", m) and re.search(path_regex, p) is not None
            )

    # ------------------------------------------------------------------ JSON builders

    def _now(self) -> str:
        with self._lock:
            self.clock += timedelta(seconds=1)
            return _iso(self.clock)

    def _next_id(self, kind: str) -> int:
        self._ids[kind] += 1
        return self._ids[kind]

    def _new_repo(self, owner: str, name: str, default_branch: str) -> RepoState:
        repo = RepoState(self, owner, name, self._next_id("repo"), default_branch)
        self._repos[repo.full_name.casefold()] = repo
        repo.branches[default_branch] = self._new_commit(repo, "Initial commit", [], {}, owner)
        return repo

    def user_json(self, login: str, user_type: str | None = None) -> dict:
        if login not in self._user_ids:
            self._user_ids[login] = self._next_id("user")
        uid = self._user_ids[login]
        api = f"{self.api_url}/users/{quote(login, safe='')}"
        is_bot = login.endswith("[bot]")
        html_url = f"{self.base_url}/{login}"
        if is_bot:
            html_url = f"{self.base_url}/apps/{login[: -len('[bot]')]}"
        return {
            "login": login,
            "id": uid,
            "node_id": _node_id("Bot" if is_bot else "User", uid),
            "avatar_url": f"{self.base_url}/avatars/u/{uid}?v=4",
            "gravatar_id": "",
            "url": api,
            "html_url": html_url,
            "followers_url": f"{api}/followers",
            "following_url": f"{api}/following{{/other_user}}",
            "gists_url": f"{api}/gists{{/gist_id}}",
            "starred_url": f"{api}/starred{{/owner}}{{/repo}}",
            "subscriptions_url": f"{api}/subscriptions",
            "organizations_url": f"{api}/orgs",
            "repos_url": f"{api}/repos",
            "events_url": f"{api}/events{{/privacy}}",
            "received_events_url": f"{api}/received_events",
            "type": user_type or ("Bot" if is_bot else "User"),
            "user_view_type": "public",
            "site_admin": False,
        }

    def role(self, repo: RepoState, login: str) -> str:
        """`login`'s role on `repo`: as set_permission() said; the bot has write by default."""
        default = "write" if login == self.bot_login else "none"
        return repo.permissions.get(login.casefold(), default)

    def _actions_app(self) -> dict:
        app = copy.deepcopy(GITHUB_ACTIONS_APP)
        app["owner"] = self.user_json("github", "Organization")
        app["html_url"] = f"{self.base_url}/apps/github-actions"
        app["external_url"] = f"{self.base_url}/features/actions"
        return app

    def _association(self, repo: RepoState, login: str) -> str:
        if login.casefold() == repo.owner.casefold():
            return "OWNER"
        role = self.role(repo, login)
        return "COLLABORATOR" if role in ("admin", "maintain", "write", "triage") else "NONE"

    def repo_json(self, repo: RepoState) -> dict:
        api = repo.api
        open_count = sum(1 for i in repo.issues.values() if i["state"] == "open")
        flags = ROLE_FLAGS[self.role(repo, self.bot_login)]
        data = {
            "id": repo.id,
            "node_id": _node_id("Repository", repo.id),
            "name": repo.name,
            "full_name": repo.full_name,
            "private": repo.private,
            "owner": self.user_json(repo.owner, "Organization"),
            "html_url": repo.html,
            "description": "AI-safety bounty programs",
            "fork": False,
            "url": api,
            "forks_url": f"{api}/forks",
            "keys_url": f"{api}/keys{{/key_id}}",
            "collaborators_url": f"{api}/collaborators{{/collaborator}}",
            "teams_url": f"{api}/teams",
            "hooks_url": f"{api}/hooks",
            "issue_events_url": f"{api}/issues/events{{/number}}",
            "events_url": f"{api}/events",
            "assignees_url": f"{api}/assignees{{/user}}",
            "branches_url": f"{api}/branches{{/branch}}",
            "tags_url": f"{api}/tags",
            "blobs_url": f"{api}/git/blobs{{/sha}}",
            "git_tags_url": f"{api}/git/tags{{/sha}}",
            "git_refs_url": f"{api}/git/refs{{/sha}}",
            "trees_url": f"{api}/git/trees{{/sha}}",
            "statuses_url": f"{api}/statuses/{{sha}}",
            "languages_url": f"{api}/languages",
            "stargazers_url": f"{api}/stargazers",
            "contributors_url": f"{api}/contributors",
            "subscribers_url": f"{api}/subscribers",
            "subscription_url": f"{api}/subscription",
            "commits_url": f"{api}/commits{{/sha}}",
            "git_commits_url": f"{api}/git/commits{{/sha}}",
            "comments_url": f"{api}/comments{{/number}}",
            "issue_comment_url": f"{api}/issues/comments{{/number}}",
            "contents_url": f"{api}/contents/{{+path}}",
            "compare_url": f"{api}/compare/{{base}}...{{head}}",
            "merges_url": f"{api}/merges",
            "archive_url": f"{api}/{{archive_format}}{{/ref}}",
            "downloads_url": f"{api}/downloads",
            "issues_url": f"{api}/issues{{/number}}",
            "pulls_url": f"{api}/pulls{{/number}}",
            "milestones_url": f"{api}/milestones{{/number}}",
            "notifications_url": f"{api}/notifications{{?since,all,participating}}",
            "labels_url": f"{api}/labels{{/name}}",
            "releases_url": f"{api}/releases{{/id}}",
            "deployments_url": f"{api}/deployments",
            "created_at": repo.created_at,
            "updated_at": _iso(self.clock),
            "pushed_at": _iso(self.clock),
            "git_url": f"git://127.0.0.1:{self.port}/{repo.full_name}.git",
            "ssh_url": f"git@127.0.0.1:{repo.full_name}.git",
            "clone_url": f"{repo.html}.git",
            "svn_url": repo.html,
            "homepage": None,
            "size": 1,
            "stargazers_count": 0,
            "watchers_count": 0,
            "language": "Python",
            "has_issues": True,
            "has_projects": True,
            "has_downloads": True,
            "has_wiki": False,
            "has_pages": False,
            "has_discussions": False,
            "forks_count": 0,
            "mirror_url": None,
            "archived": False,
            "disabled": False,
            "open_issues_count": open_count,
            "license": None,
            "allow_forking": True,
            "is_template": False,
            "web_commit_signoff_required": False,
            "topics": [],
            "visibility": "private" if repo.private else "public",
            "forks": 0,
            "open_issues": open_count,
            "watchers": 0,
            "default_branch": repo.default_branch,
            "permissions": {f: f in flags for f in ("admin", "maintain", "push", "triage", "pull")},
            "allow_squash_merge": True,
            "allow_merge_commit": True,
            "allow_rebase_merge": True,
            "network_count": 0,
            "subscribers_count": 0,
        }
        data["organization"] = data["owner"]
        return data

    def _label_url(self, repo: RepoState, name: str) -> str:
        return f"{repo.api}/labels/{quote(name, safe='')}"

    def _store_label(self, repo: RepoState, name: str, color: str, description: str | None) -> dict:
        label_id = self._next_id("label")
        label = {
            "id": label_id,
            "node_id": _node_id("Label", label_id),
            "url": self._label_url(repo, name),
            "name": name,
            "color": color.lstrip("#").lower(),
            "default": False,
            "description": description,
        }
        repo.labels[name] = label
        return label

    def _ensure_label(self, repo: RepoState, name: str) -> dict:
        return repo.find_label(name) or self._store_label(repo, name, DEFAULT_LABEL_COLOR, None)

    def _issue_urls(self, repo: RepoState, number: int) -> dict:
        api = f"{repo.api}/issues/{number}"
        return {
            "url": api,
            "repository_url": repo.api,
            "labels_url": f"{api}/labels{{/name}}",
            "comments_url": f"{api}/comments",
            "events_url": f"{api}/events",
            "html_url": f"{repo.html}/issues/{number}",
            "timeline_url": f"{api}/timeline",
        }

    def _store_issue(
        self,
        repo: RepoState,
        number: int,
        *,
        title: str,
        body: str | None,
        author: str,
        labels: list[str],
        state: str = "open",
        state_reason: str | None = None,
        created_at: str | None = None,
        author_association: str | None = None,
    ) -> dict:
        if state not in ("open", "closed"):
            raise ValueError("state must be 'open' or 'closed'")
        created = created_at or self._now()
        issue_id = self._next_id("issue")
        issue = {
            **self._issue_urls(repo, number),
            "id": issue_id,
            "node_id": _node_id("Issue", issue_id),
            "number": number,
            "title": title,
            "user": self.user_json(author),
            "labels": [dict(self._ensure_label(repo, name)) for name in dict.fromkeys(labels)],
            "state": state,
            "locked": False,
            "assignee": None,
            "assignees": [],
            "milestone": None,
            "comments": 0,
            "created_at": created,
            "updated_at": created,
            "closed_at": created if state == "closed" else None,
            "author_association": author_association or self._association(repo, author),
            "type": None,
            "active_lock_reason": None,
            "sub_issues_summary": {"total": 0, "completed": 0, "percent_completed": 0},
            "body": body,
            "closed_by": self.user_json(self.bot_login) if state == "closed" else None,
            "reactions": _reactions(f"{repo.api}/issues/{number}/reactions"),
            "performed_via_github_app": None,
            "state_reason": state_reason or ("completed" if state == "closed" else None),
        }
        repo.issues[number] = issue
        repo.comments.setdefault(number, [])
        repo.deleted.pop(number, None)
        repo.moved.pop(number, None)
        return issue

    def _store_comment(
        self,
        repo: RepoState,
        number: int,
        *,
        author: str,
        body: str,
        edited: bool = False,
        created_at: str | None = None,
        author_association: str | None = None,
    ) -> dict:
        created = created_at or self._now()
        updated = created
        if edited:
            updated = _iso(_parse_iso(created) + timedelta(minutes=5))
        comment_id = self._next_id("comment")
        issue = repo.issues[number]
        comment = {
            "url": f"{repo.api}/issues/comments/{comment_id}",
            "html_url": f"{issue['html_url']}#issuecomment-{comment_id}",
            "issue_url": issue["url"],
            "id": comment_id,
            "node_id": _node_id("IssueComment", comment_id),
            "user": self.user_json(author),
            "created_at": created,
            "updated_at": updated,
            "author_association": author_association or self._association(repo, author),
            "body": body,
            "reactions": _reactions(f"{repo.api}/issues/comments/{comment_id}/reactions"),
            "performed_via_github_app": (self._actions_app() if author == BOT_LOGIN else None),
        }
        repo.comments.setdefault(number, []).append(comment)
        if updated > issue["updated_at"]:
            issue["updated_at"] = updated
        return comment

    def _new_commit(
        self,
        repo: RepoState,
        message: str,
        parents: list[str],
        files: dict[str, str | bytes],
        author: str,
    ) -> str:
        n = self._next_id("commit")
        sha = hashlib.sha1(f"{repo.full_name}:{n}:{message}".encode()).hexdigest()
        tree = hashlib.sha1(repr(sorted(files.items())).encode()).hexdigest()
        is_bot = author == self.bot_login
        repo.commits[sha] = {
            "sha": sha,
            "message": message,
            "parents": parents,
            "tree": tree,
            "author": author,
            "person": {
                "name": author,
                "email": BOT_EMAIL if is_bot else f"{author}@users.noreply.127.0.0.1",
                "date": _iso(self.clock),
            },
            "files": dict(files),
        }
        return sha

    def _commit(self, repo: RepoState, branch: str, message: str, author: str) -> str:
        files = {p: c for (b, p), c in repo.files.items() if b == branch}
        parent = repo.branches.get(branch)
        self._now()
        sha = self._new_commit(repo, message, [parent] if parent else [], files, author)
        repo.branches[branch] = sha
        return sha

    def git_commit_json(self, repo: RepoState, sha: str) -> dict:
        commit = repo.commits[sha]
        return {
            "sha": sha,
            "node_id": _node_id("Commit", int(sha[:8], 16)),
            "url": f"{repo.api}/git/commits/{sha}",
            "html_url": f"{repo.html}/commit/{sha}",
            "author": dict(commit["person"]),
            "committer": dict(commit["person"]),
            "tree": {"sha": commit["tree"], "url": f"{repo.api}/git/trees/{commit['tree']}"},
            "message": commit["message"],
            "parents": [
                {
                    "sha": p,
                    "url": f"{repo.api}/git/commits/{p}",
                    "html_url": f"{repo.html}/commit/{p}",
                }
                for p in commit["parents"]
            ],
            "verification": {
                "verified": False,
                "reason": "unsigned",
                "signature": None,
                "payload": None,
                "verified_at": None,
            },
        }

    def repo_commit_json(self, repo: RepoState, sha: str) -> dict:
        commit = repo.commits[sha]
        git = self.git_commit_json(repo, sha)
        user = self.user_json(commit["author"])
        return {
            "sha": sha,
            "node_id": git["node_id"],
            "commit": {
                "author": git["author"],
                "committer": git["committer"],
                "message": git["message"],
                "tree": git["tree"],
                "url": git["url"],
                "comment_count": 0,
                "verification": git["verification"],
            },
            "url": f"{repo.api}/commits/{sha}",
            "html_url": f"{repo.html}/commit/{sha}",
            "comments_url": f"{repo.api}/commits/{sha}/comments",
            "author": user,
            "committer": user,
            "parents": [
                {"sha": p, "url": f"{repo.api}/commits/{p}", "html_url": f"{repo.html}/commit/{p}"}
                for p in commit["parents"]
            ],
        }

    def ref_json(self, repo: RepoState, ref: str, sha: str) -> dict:
        return {
            "ref": f"refs/{ref}",
            "node_id": _node_id("Ref", int(sha[:8], 16)),
            "url": f"{repo.api}/git/refs/{quote(ref)}",
            "object": {"sha": sha, "type": "commit", "url": f"{repo.api}/git/commits/{sha}"},
        }

    def branch_json(self, repo: RepoState, name: str) -> dict:
        api = f"{repo.api}/branches/{quote(name)}"
        return {
            "name": name,
            "commit": self.repo_commit_json(repo, repo.branches[name]),
            "_links": {"self": api, "html": f"{repo.html}/tree/{name}"},
            "protected": False,
            "protection": {
                "enabled": False,
                "required_status_checks": {
                    "enforcement_level": "off",
                    "contexts": [],
                    "checks": [],
                },
            },
            "protection_url": f"{api}/protection",
        }

    def contents_json(self, repo: RepoState, path: str, ref: str, data: bytes | None) -> dict:
        api = f"{repo.api}/contents/{quote(path)}?ref={quote(ref, safe='')}"
        is_file = data is not None
        sha = _blob_sha(data) if is_file else hashlib.sha1(f"tree:{path}".encode()).hexdigest()
        kind = "blob" if is_file else "tree"
        html_url = f"{repo.html}/{kind}/{ref}/{path}"
        git_url = f"{repo.api}/git/{'blobs' if is_file else 'trees'}/{sha}"
        raw_url = f"{self.base_url}/raw/{repo.full_name}/{ref}/{path}"
        return {
            "type": "file" if is_file else "dir",
            "name": path.rsplit("/", 1)[-1],
            "path": path,
            "sha": sha,
            "size": len(data) if is_file else 0,
            "url": api,
            "html_url": html_url,
            "git_url": git_url,
            "download_url": raw_url if is_file else None,
            "_links": {"self": api, "git": git_url, "html": html_url},
        }

    # ------------------------------------------------------------------ renderers

    def render_issue(self, repo: RepoState, issue: dict, accept: str) -> dict:
        data = copy.deepcopy(issue)
        data["comments"] = len(repo.comments.get(issue["number"], []))
        fresh = [repo.find_label(lb["name"]) for lb in issue["labels"]]
        data["labels"] = [dict(lb) for lb in fresh if lb is not None]
        self._add_body_formats(data, accept)
        return data

    def render_comment(self, comment: dict, accept: str) -> dict:
        data = copy.deepcopy(comment)
        self._add_body_formats(data, accept)
        return data

    @staticmethod
    def _add_body_formats(data: dict, accept: str) -> None:
        # The `full` media type (github3.py's default Accept) adds body_html and body_text.
        body = data.get("body")
        wants_full = "full" in accept
        if wants_full or ".html" in accept:
            data["body_html"] = None if body is None else f"<p>{html.escape(body)}</p>"
        if wants_full or ".text" in accept:
            data["body_text"] = body

    def render_pull(self, repo: RepoState, pull: dict, accept: str) -> dict:
        data = copy.deepcopy(pull)
        issue = repo.issues.get(pull["number"])
        if issue is not None:
            data["labels"] = self.render_issue(repo, issue, "")["labels"]
            data["comments"] = len(repo.comments.get(pull["number"], []))
        for side in ("head", "base"):
            ref = data[side]["ref"]
            if ref in repo.branches:
                data[side]["sha"] = repo.branches[ref]
        self._add_body_formats(data, accept)
        return data


# ---------------------------------------------------------------------- HTTP plumbing


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True


def _make_handler(fake: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        server_fake = fake

    return Handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server_fake: FakeGitHub
    server_version = "GitHub.com"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        with self.server_fake._lock:
            self.server_fake._connections.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server_fake._lock:
                self.server_fake._connections.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_GET

    def _handle(self) -> None:
        fake = self.server_fake
        split = urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k.lower(): v for k, v in self.headers.items()}
        path = split.path
        api_path = path[len(API_PREFIX) :] if path.startswith(API_PREFIX + "/") else None
        with fake._lock:
            if api_path is not None:
                api_path = _rewrite_repository_id(fake, api_path)
            logged_path = api_path if api_path is not None else path
            fake.requests.append((self.command, logged_path))
            entry = {
                "method": self.command,
                "path": logged_path,
                "raw_path": self.path,
                "query": dict(parse_qsl(split.query, keep_blank_values=True)),
                "headers": headers,
                "body": raw.decode("utf-8", "replace"),
                "status": None,
            }
            fake.log.append(entry)
            fault = next((f for f in fake.faults if f.matches(self.command, logged_path)), None)
            if fault is not None:
                fault.hits += 1
                if fault.times > 0:
                    fault.times -= 1
        if fault is not None and fault.delay:
            _pause(fake._stopping, fault.delay)
            if fake._stopping.is_set():
                return
        with fake._lock:
            if fault is not None and fault.status is not None:
                response = _fault_response(fault)
                rate_headers = fault.rate_headers
            else:
                rate_headers = True
                response = _dispatch(fake, self.command, api_path, split.query, raw, headers)
            entry["status"] = response.status
            out_headers = _common_headers(fake) if rate_headers else {}
            out_headers.update(_base_headers(fake))
            out_headers.update(response.headers)
        self._send(response, out_headers)

    def _send(self, response: Response, headers: dict[str, str]) -> None:
        payload = b""
        if response.body is not None and response.status not in (204, 304):
            payload = json.dumps(response.body, indent=None).encode("utf-8")
            headers.setdefault("Content-Type", "application/json; charset=utf-8")
        try:
            self.send_response(response.status, _phrase(response.status))
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _rewrite_repository_id(fake: FakeGitHub, path: str) -> str:
    match = re.match(r"^/repositories/(\d+)(/.*)?$", path)
    if match:
        repo = next((r for r in fake._repos.values() if r.id == int(match.group(1))), None)
        if repo is not None:
            return f"/repos/{repo.owner}/{repo.name}{match.group(2) or ''}"
    return path


def _base_headers(fake: FakeGitHub) -> dict[str, str]:
    return {
        "X-GitHub-Media-Type": "github.v3; param=full; format=json",
        "X-GitHub-Api-Version-Selected": "2022-11-28",
        "X-GitHub-Request-Id": f"FAKE:{len(fake.requests):06d}",
    }


def _common_headers(fake: FakeGitHub) -> dict[str, str]:
    return {
        "X-RateLimit-Limit": str(fake.rate_limit),
        "X-RateLimit-Remaining": str(max(fake.rate_remaining, 0)),
        "X-RateLimit-Reset": str(fake.rate_reset),
        "X-RateLimit-Used": str(fake.rate_limit - max(fake.rate_remaining, 0)),
        "X-RateLimit-Resource": "core",
    }


def _fault_response(fault: Fault) -> Response:
    body = fault.body
    if body is None:
        status = fault.status or 500
        if status >= 500:
            message = "Server Error"
        elif status == 429 or (status == 403 and "Retry-After" in fault.headers):
            message = SECONDARY_RATE_MESSAGE
        elif status == 403 and fault.headers.get("X-RateLimit-Remaining") == "0":
            message = PRIMARY_RATE_MESSAGE
        elif status == 401:
            message = "Bad credentials"
        elif status == 422:
            message = "Validation Failed"
        else:
            message = _phrase(status)
        body = {"message": message, "documentation_url": DOCS, "status": str(status)}
    return Response(fault.status or 500, body, dict(fault.headers))


def _dispatch(
    fake: FakeGitHub,
    method: str,
    api_path: str | None,
    query: str,
    raw: bytes,
    headers: dict[str, str],
) -> Response:
    try:
        if api_path is None:
            raise _not_found()
        auth = headers.get("authorization", "")
        if not auth:
            raise GitHubError(401, "Requires authentication")
        token = auth.split(None, 1)[-1]
        if fake.tokens is not None and token not in fake.tokens:
            raise GitHubError(401, "Bad credentials")
        if api_path != "/rate_limit":
            if fake.rate_remaining <= 0 and time.time() < fake.rate_reset:
                raise GitHubError(403, PRIMARY_RATE_MESSAGE, documentation_url=DOC_RATE)
            fake.rate_remaining -= 1
        body = None
        if raw.strip():
            try:
                body = json.loads(raw)
            except ValueError:
                raise GitHubError(400, "Problems parsing JSON") from None
        pairs = parse_qsl(query, keep_blank_values=True)
        req = Request(method, api_path, "", dict(pairs), pairs, body, headers)
        return _route(fake, req)
    except GitHubError as error:
        return Response(error.status, error.body, error.headers)


# ---------------------------------------------------------------------- routes

_TOP_ROUTES: list[tuple[str, str, str]] = [
    ("GET", r"/rate_limit", "rate_limit"),
    ("GET", r"/user", "authenticated_user"),
    ("GET", r"/users/(?P<login>[^/]+)", "user"),
    ("GET", r"/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)(?P<rest>/.*)?", "repo_route"),
    ("POST", r"/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)(?P<rest>/.*)?", "repo_route"),
    ("PUT", r"/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)(?P<rest>/.*)?", "repo_route"),
    ("PATCH", r"/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)(?P<rest>/.*)?", "repo_route"),
    ("DELETE", r"/repos/(?P<owner>[^/]+)/(?P<name>[^/]+)(?P<rest>/.*)?", "repo_route"),
]

_REPO_ROUTES: list[tuple[str, str, str]] = [
    ("GET", r"", "get_repo"),
    ("GET", r"/issues", "list_issues"),
    ("POST", r"/issues", "create_issue"),
    ("GET", r"/issues/comments/(?P<cid>\d+)", "get_comment"),
    ("PATCH", r"/issues/comments/(?P<cid>\d+)", "edit_comment"),
    ("DELETE", r"/issues/comments/(?P<cid>\d+)", "delete_comment"),
    ("GET", r"/issues/(?P<n>\d+)", "get_issue"),
    ("PATCH", r"/issues/(?P<n>\d+)", "edit_issue"),
    ("GET", r"/issues/(?P<n>\d+)/comments", "list_comments"),
    ("POST", r"/issues/(?P<n>\d+)/comments", "create_comment"),
    ("GET", r"/issues/(?P<n>\d+)/labels", "list_issue_labels"),
    ("POST", r"/issues/(?P<n>\d+)/labels", "add_issue_labels"),
    ("PUT", r"/issues/(?P<n>\d+)/labels", "set_issue_labels"),
    ("DELETE", r"/issues/(?P<n>\d+)/labels", "clear_issue_labels"),
    ("DELETE", r"/issues/(?P<n>\d+)/labels/(?P<name>.+)", "remove_issue_label"),
    ("GET", r"/labels", "list_labels"),
    ("POST", r"/labels", "create_label"),
    ("GET", r"/labels/(?P<name>.+)", "get_label"),
    ("PATCH", r"/labels/(?P<name>.+)", "edit_label"),
    ("DELETE", r"/labels/(?P<name>.+)", "delete_label"),
    ("GET", r"/collaborators/(?P<user>[^/]+)/permission", "get_permission"),
    ("GET", r"/collaborators/(?P<user>[^/]+)", "is_collaborator"),
    ("GET", r"/git/ref/(?P<ref>.+)", "get_ref"),
    ("GET", r"/git/refs", "list_refs"),
    ("GET", r"/git/refs/(?P<ref>.+)", "matching_refs"),
    ("POST", r"/git/refs", "create_ref"),
    ("PATCH", r"/git/refs/(?P<ref>.+)", "update_ref"),
    ("DELETE", r"/git/refs/(?P<ref>.+)", "delete_ref"),
    ("GET", r"/git/commits/(?P<sha>[0-9a-f]{40})", "get_git_commit"),
    ("GET", r"/commits/(?P<ref>[^/]+)", "get_commit"),
    ("GET", r"/branches", "list_branches"),
    ("GET", r"/branches/(?P<branch>.+)", "get_branch"),
    ("GET", r"/contents/?(?P<path>.*)", "get_contents"),
    ("PUT", r"/contents/(?P<path>.+)", "put_contents"),
    ("DELETE", r"/contents/(?P<path>.+)", "delete_contents"),
    ("GET", r"/pulls", "list_pulls"),
    ("POST", r"/pulls", "create_pull"),
    ("GET", r"/pulls/(?P<n>\d+)", "get_pull"),
    ("PATCH", r"/pulls/(?P<n>\d+)", "edit_pull"),
]

# -- scheduled runs: collaborators, invitations, advisories --
_REPO_ROUTES += [
    ("GET", r"/collaborators", "list_collaborators"),
    ("PUT", r"/collaborators/(?P<user>[^/]+)", "add_collaborator"),
    ("DELETE", r"/collaborators/(?P<user>[^/]+)", "remove_collaborator"),
    ("GET", r"/invitations", "list_invitations"),
    ("DELETE", r"/invitations/(?P<iid>\d+)", "delete_invitation"),
    ("GET", r"/security-advisories", "list_advisories"),
    ("GET", r"/security-advisories/(?P<ghsa>[^/]+)", "get_advisory"),
    ("PATCH", r"/security-advisories/(?P<ghsa>[^/]+)", "edit_advisory"),
]


def _match(routes: list[tuple[str, str, str]], method: str, path: str):
    for route_method, pattern, name in routes:
        if route_method != method:
            continue
        match = re.fullmatch(pattern, path)
        if match:
            params = {
                k: unquote(v) if v is not None else None for k, v in match.groupdict().items()
            }
            return name, params
    return None, {}


def _route(fake: FakeGitHub, req: Request) -> Response:
    method = "GET" if req.method == "HEAD" else req.method
    name, params = _match(_TOP_ROUTES, method, req.path.rstrip("/") or "/")
    if name is None:
        raise _not_found()
    if name != "repo_route":
        return getattr(_Routes, name)(fake, req, **params)
    repo = fake.repository(f"{params['owner']}/{params['name']}")
    if repo is None:
        raise _not_found()
    req.repo = repo
    raw_rest = re.match(r"^/repos/[^/]+/[^/]+(/.*)?$", req.path).group(1) or ""
    req.rest = raw_rest
    name, params = _match(_REPO_ROUTES, method, raw_rest.rstrip("/") or "")
    if name is None:
        raise _not_found()
    return getattr(_Routes, name)(fake, req, repo, **params)


def _page(fake: FakeGitHub, req: Request, items: list) -> Response:
    """One page of `items` with GitHub's Link header (URLs via /repositories/{id})."""
    try:
        per_page = min(max(int(req.query.get("per_page", 30)), 1), 100)
    except ValueError:
        per_page = 30
    try:
        page = max(int(req.query.get("page", 1)), 1)
    except ValueError:
        page = 1
    last = max(math.ceil(len(items) / per_page), 1)
    chunk = items[(page - 1) * per_page : page * per_page]
    base = req.repo.api_by_id + req.rest if req.repo is not None else fake.api_url + req.path
    others = [(k, v) for k, v in req.query_pairs if k != "page"]

    def link(number: int, rel: str) -> str:
        return f'<{base}?{urlencode([*others, ("page", str(number))])}>; rel="{rel}"'

    links = []
    if page > 1:
        links.append(link(min(page - 1, last), "prev"))
    if page < last:
        links.append(link(page + 1, "next"))
        links.append(link(last, "last"))
    if page > 1:
        links.append(link(1, "first"))
    headers = {"Link": ", ".join(links)} if links else {}
    return Response(200, chunk, headers)


def _sorted_page(
    fake: FakeGitHub, req: Request, items: list[dict], render: Callable[[dict], dict]
) -> Response:
    """Issues or pull requests sorted as `sort` and `direction` ask (GitHub's default: newest
    created first), then one page of them, each rendered."""
    key = "updated_at" if req.query.get("sort") == "updated" else "created_at"
    reverse = req.query.get("direction", "desc") != "asc"
    ordered = sorted(items, key=lambda item: (item[key], item["number"]), reverse=reverse)
    return _page(fake, req, [render(item) for item in ordered])


def _comment_body(req: Request) -> str:
    """The `body` of a comment being created or edited, checked as GitHub checks it."""
    text = _dict_body(req).get("body")
    if not isinstance(text, str) or not text:
        raise _validation("IssueComment", "body", "missing_field")
    if len(text) > MAX_BODY:
        raise _validation(
            "IssueComment",
            "body",
            "custom",
            f"body is too long (maximum is {MAX_BODY} characters)",
        )
    return text


def _names(value: Any) -> list[str]:
    """Label names from `["a", "b"]`, `{"labels": [...]}` or `[{"name": "a"}]`."""
    if isinstance(value, dict):
        value = value.get("labels")
    if value is None:
        return []
    if not isinstance(value, list):
        raise GitHubError(422, "Invalid request.\n\nFor 'labels', value is not an array.")
    names = []
    for item in value:
        name = item.get("name") if isinstance(item, dict) else item
        if not isinstance(name, str) or not name.strip():
            raise _validation("Label", "name", "invalid")
        names.append(name)
    return names


def _dict_body(req: Request) -> dict:
    if req.body is None:
        return {}
    if not isinstance(req.body, dict):
        raise GitHubError(400, "Problems parsing JSON")
    return req.body


class _Routes:
    """Route handlers: each returns a Response or raises GitHubError."""

    # -------------------------------------------------------------- users, limits

    @staticmethod
    def rate_limit(fake: FakeGitHub, req: Request) -> Response:
        core = {
            "limit": fake.rate_limit,
            "remaining": max(fake.rate_remaining, 0),
            "reset": fake.rate_reset,
            "used": fake.rate_limit - max(fake.rate_remaining, 0),
            "resource": "core",
        }
        search = {"limit": 30, "remaining": 30, "reset": fake.rate_reset, "used": 0}
        return Response(
            200,
            {"resources": {"core": core, "search": {**search, "resource": "search"}}, "rate": core},
        )

    @staticmethod
    def authenticated_user(fake: FakeGitHub, req: Request) -> Response:
        # What GitHub answers to GET /user with an Actions GITHUB_TOKEN.
        raise GitHubError(
            403,
            "Resource not accessible by integration",
            documentation_url="https://docs.github.com/rest/users/users#get-the-authenticated-user",
        )

    @staticmethod
    def user(fake: FakeGitHub, req: Request, login: str) -> Response:
        data = fake.user_json(login)
        data.update(
            {
                "name": None,
                "company": None,
                "blog": "",
                "location": None,
                "email": None,
                "hireable": None,
                "bio": None,
                "twitter_username": None,
                "public_repos": 0,
                "public_gists": 0,
                "followers": 0,
                "following": 0,
                "created_at": "2020-01-01T00:00:00Z",
                "updated_at": "2025-01-01T00:00:00Z",
            }
        )
        return Response(200, data)

    # -------------------------------------------------------------- repository

    @staticmethod
    def get_repo(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        return Response(200, fake.repo_json(repo))

    @staticmethod
    def get_permission(fake: FakeGitHub, req: Request, repo: RepoState, user: str) -> Response:
        role = fake.role(repo, user)
        flags = ROLE_FLAGS[role]
        data = fake.user_json(user)
        data["permissions"] = {
            f: f in flags for f in ("admin", "maintain", "push", "triage", "pull")
        }
        data["role_name"] = role
        return Response(
            200, {"permission": LEGACY_PERMISSION[role], "role_name": role, "user": data}
        )

    @staticmethod
    def is_collaborator(fake: FakeGitHub, req: Request, repo: RepoState, user: str) -> Response:
        if fake.role(repo, user) == "none":
            raise _not_found()
        return Response(204)

    # -------------------------------------------------------------- issues

    @staticmethod
    def _issue(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> dict:
        number = int(n)
        if number in repo.moved:
            target = repo.moved[number]
            if target is None:
                raise _not_found()
            new_repo, new_number = target
            suffix = re.sub(r"^/issues/\d+", "", req.rest)
            location = f"{new_repo.api_by_id}/issues/{new_number}{suffix}"
            if req.query_pairs:
                location += "?" + urlencode(req.query_pairs)
            raise GitHubError(
                301,
                "Moved Permanently",
                documentation_url=DOC_REDIRECT,
                headers={"Location": location},
                extra={"url": location},
            )
        if number in repo.deleted:
            status = repo.deleted[number]
            message = "This issue was deleted" if status == 410 else "Not Found"
            raise GitHubError(status, message)
        if number not in repo.issues:
            raise _not_found()
        return repo.issues[number]

    @staticmethod
    def list_issues(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        state = req.query.get("state", "open")
        wanted = [s for s in req.query.get("labels", "").split(",") if s]
        items = []
        for issue in repo.issues.values():
            if state != "all" and issue["state"] != state:
                continue
            names = {lb["name"].casefold() for lb in issue["labels"]}
            if any(w.casefold() not in names for w in wanted):
                continue
            if "since" in req.query and issue["updated_at"] < req.query["since"]:
                continue
            items.append(issue)
        return _sorted_page(fake, req, items, lambda i: fake.render_issue(repo, i, req.accept))

    @staticmethod
    def create_issue(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        body = _dict_body(req)
        title = body.get("title")
        if not isinstance(title, str) or not title.strip():
            raise _validation("Issue", "title", "missing_field")
        text = body.get("body")
        if text is not None and len(text) > MAX_BODY:
            raise _validation(
                "Issue", "body", "custom", f"body is too long (maximum is {MAX_BODY} characters)"
            )
        issue = fake._store_issue(
            repo,
            repo.next_number(),
            title=title,
            body=text,
            author=fake.bot_login,
            labels=_names(body.get("labels")),
        )
        if body.get("assignees"):
            issue["assignees"] = [fake.user_json(a) for a in body["assignees"]]
            issue["assignee"] = issue["assignees"][0]
        return Response(201, fake.render_issue(repo, issue, req.accept), {"Location": issue["url"]})

    @staticmethod
    def get_issue(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
        issue = _Routes._issue(fake, req, repo, n)
        return Response(200, fake.render_issue(repo, issue, req.accept))

    @staticmethod
    def edit_issue(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
        issue = _Routes._issue(fake, req, repo, n)
        body = _dict_body(req)
        if "title" in body and (not isinstance(body["title"], str) or not body["title"].strip()):
            raise _validation("Issue", "title", "missing_field")
        if body.get("body") is not None and len(body["body"]) > MAX_BODY:
            raise _validation(
                "Issue", "body", "custom", f"body is too long (maximum is {MAX_BODY} characters)"
            )
        state = body.get("state", issue["state"])
        if state not in ("open", "closed"):
            raise _validation("Issue", "state", "invalid")
        reason = body.get("state_reason", "unset")
        if reason not in ("unset", None, "completed", "not_planned", "reopened", "duplicate"):
            raise _validation("Issue", "state_reason", "invalid")
        labels = _names(body["labels"]) if body.get("labels") is not None else None
        now = fake._now()
        if "title" in body:
            issue["title"] = body["title"]
        if "body" in body:
            issue["body"] = body["body"]
        if state != issue["state"]:
            issue["state"] = state
            if state == "closed":
                issue["closed_at"] = now
                issue["closed_by"] = fake.user_json(fake.bot_login)
                issue["state_reason"] = "completed"
            else:
                issue["closed_at"] = None
                issue["state_reason"] = "reopened"
        if reason != "unset":
            issue["state_reason"] = reason
        if labels is not None:
            issue["labels"] = [dict(fake._ensure_label(repo, x)) for x in dict.fromkeys(labels)]
        if "assignees" in body or "assignee" in body:
            logins = body.get("assignees")
            if logins is None:
                logins = [body["assignee"]] if body.get("assignee") else []
            issue["assignees"] = [fake.user_json(a) for a in logins]
            issue["assignee"] = issue["assignees"][0] if issue["assignees"] else None
        issue["updated_at"] = now
        _sync_pull_from_issue(repo, issue)
        return Response(200, fake.render_issue(repo, issue, req.accept))

    # -------------------------------------------------------------- comments

    @staticmethod
    def _comment(repo: RepoState, cid: str) -> tuple[int, dict]:
        for number, comments in repo.comments.items():
            for comment in comments:
                if comment["id"] == int(cid):
                    return number, comment
        raise _not_found()

    @staticmethod
    def list_comments(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
        issue = _Routes._issue(fake, req, repo, n)
        comments = repo.comments.get(issue["number"], [])
        since = req.query.get("since")
        if since:
            comments = [c for c in comments if c["updated_at"] >= since]
        return _page(fake, req, [fake.render_comment(c, req.accept) for c in comments])

    @staticmethod
    def create_comment(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
        issue = _Routes._issue(fake, req, repo, n)
        text = _comment_body(req)
        comment = fake._store_comment(repo, issue["number"], author=fake.bot_login, body=text)
        data = fake.render_comment(comment, req.accept)
        return Response(201, data, {"Location": comment["url"]})

    @staticmethod
    def get_comment(fake: FakeGitHub, req: Request, repo: RepoState, cid: str) -> Response:
        _, comment = _Routes._comment(repo, cid)
        return Response(200, fake.render_comment(comment, req.accept))

    @staticmethod
    def edit_comment(fake: FakeGitHub, req: Request, repo: RepoState, cid: str) -> Response:
        number, comment = _Routes._comment(repo, cid)
        text = _comment_body(req)
        comment["body"] = text
        comment["updated_at"] = fake._now()
        repo.issues[number]["updated_at"] = comment["updated_at"]
        return Response(200, fake.render_comment(comment, req.accept))

    @staticmethod
    def delete_comment(fake: FakeGitHub, req: Request, repo: RepoState, cid: str) -> Response:
        number, comment = _Routes._comment(repo, cid)
        repo.comments[number].remove(comment)
        return Response(204)

    # -------------------------------------------------------------- labels

    @staticmethod
    def _issue_labels(fake: FakeGitHub, repo: RepoState, issue: dict) -> list[dict]:
        return fake.render_issue(repo, issue, "")["labels"]

    @staticmethod
    def list_issue_labels(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
        issue = _Routes._issue(fake, req, repo, n)
        return _page(fake, req, _Routes._issue_labels(fake, repo, issue))

    @staticmethod
    def add_issue_labels(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
        issue = _Routes._issue(fake, req, repo, n)
        names = _names(req.body)
        have = {lb["name"].casefold() for lb in issue["labels"]}
        for name in names:
            label = fake._ensure_label(repo, name)
            if label["name"].casefold() not in have:
                issue["labels"].append(dict(label))
                have.add(label["name"].casefold())
        issue["updated_at"] = fake._now()
        return Response(200, _Routes._issue_labels(fake, repo, issue))

    @staticmethod
    def set_issue_labels(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
        issue = _Routes._issue(fake, req, repo, n)
        names = _names(req.body)
        issue["labels"] = [dict(fake._ensure_label(repo, x)) for x in dict.fromkeys(names)]
        issue["updated_at"] = fake._now()
        return Response(200, _Routes._issue_labels(fake, repo, issue))

    @staticmethod
    def clear_issue_labels(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
        issue = _Routes._issue(fake, req, repo, n)
        issue["labels"] = []
        issue["updated_at"] = fake._now()
        return Response(204)

    @staticmethod
    def remove_issue_label(
        fake: FakeGitHub, req: Request, repo: RepoState, n: str, name: str
    ) -> Response:
        issue = _Routes._issue(fake, req, repo, n)
        kept = [lb for lb in issue["labels"] if lb["name"].casefold() != name.casefold()]
        if len(kept) == len(issue["labels"]):
            raise GitHubError(
                404,
                "Label does not exist",
                documentation_url="https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue",
            )
        issue["labels"] = kept
        issue["updated_at"] = fake._now()
        return Response(200, _Routes._issue_labels(fake, repo, issue))

    @staticmethod
    def list_labels(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        return _page(fake, req, [dict(lb) for lb in repo.labels.values()])

    @staticmethod
    def get_label(fake: FakeGitHub, req: Request, repo: RepoState, name: str) -> Response:
        label = repo.find_label(name)
        if label is None:
            raise _not_found()
        return Response(200, dict(label))

    @staticmethod
    def _check_color(color: Any) -> str:
        if not isinstance(color, str) or not re.fullmatch(r"#?[0-9a-fA-F]{6}", color):
            raise _validation("Label", "color", "invalid")
        return color

    @staticmethod
    def create_label(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        body = _dict_body(req)
        name = body.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _validation("Label", "name", "missing_field")
        color = _Routes._check_color(body.get("color", DEFAULT_LABEL_COLOR))
        if repo.find_label(name) is not None:
            raise GitHubError(
                422,
                "Validation Failed",
                errors=[{"resource": "Label", "code": "already_exists", "field": "name"}],
                documentation_url="https://docs.github.com/rest/issues/labels#create-a-label",
            )
        label = fake._store_label(repo, name, color, body.get("description"))
        return Response(201, dict(label), {"Location": label["url"]})

    @staticmethod
    def edit_label(fake: FakeGitHub, req: Request, repo: RepoState, name: str) -> Response:
        label = repo.find_label(name)
        if label is None:
            raise _not_found()
        body = _dict_body(req)
        new_name = body.get("new_name") or body.get("name") or label["name"]
        other = repo.find_label(new_name)
        if other is not None and other is not label:
            raise _validation("Label", "name", "already_exists")
        if "color" in body:
            label["color"] = _Routes._check_color(body["color"]).lstrip("#").lower()
        if "description" in body:
            label["description"] = body["description"]
        if new_name != label["name"]:
            old = label["name"]
            del repo.labels[old]
            label["name"], label["url"] = new_name, fake._label_url(repo, new_name)
            repo.labels[new_name] = label
            for issue in repo.issues.values():
                for lb in issue["labels"]:
                    if lb["name"] == old:
                        lb["name"] = new_name
        return Response(200, dict(label))

    @staticmethod
    def delete_label(fake: FakeGitHub, req: Request, repo: RepoState, name: str) -> Response:
        label = repo.find_label(name)
        if label is None:
            raise _not_found()
        del repo.labels[label["name"]]
        for issue in repo.issues.values():
            issue["labels"] = [lb for lb in issue["labels"] if lb["name"] != label["name"]]
        return Response(204)

    # -------------------------------------------------------------- git refs, branches

    @staticmethod
    def _refs(repo: RepoState) -> dict[str, str]:
        refs = {f"heads/{b}": sha for b, sha in repo.branches.items()}
        refs.update({f"tags/{t}": sha for t, sha in repo.tags.items()})
        return refs

    @staticmethod
    def get_ref(fake: FakeGitHub, req: Request, repo: RepoState, ref: str) -> Response:
        sha = _Routes._refs(repo).get(ref)
        if sha is None:
            raise _not_found()
        return Response(200, fake.ref_json(repo, ref, sha))

    @staticmethod
    def list_refs(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        refs = sorted(_Routes._refs(repo).items())
        return _page(fake, req, [fake.ref_json(repo, r, sha) for r, sha in refs])

    @staticmethod
    def matching_refs(fake: FakeGitHub, req: Request, repo: RepoState, ref: str) -> Response:
        # Legacy endpoint: an exact match gives the object, a prefix gives a list.
        refs = _Routes._refs(repo)
        if ref in refs:
            return Response(200, fake.ref_json(repo, ref, refs[ref]))
        found = [fake.ref_json(repo, r, s) for r, s in sorted(refs.items()) if r.startswith(ref)]
        if not found:
            raise _not_found()
        return Response(200, found)

    @staticmethod
    def create_ref(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        body = _dict_body(req)
        ref, sha = body.get("ref"), body.get("sha")
        if not isinstance(ref, str) or not ref.startswith("refs/") or ref.count("/") < 2:
            raise GitHubError(422, "Reference name must start with 'refs/' and have two slashes")
        if not isinstance(sha, str) or sha not in repo.commits:
            raise GitHubError(422, "Object does not exist")
        short = ref[len("refs/") :]
        kind, _, name = short.partition("/")
        if kind not in ("heads", "tags"):
            raise GitHubError(422, "Reference namespace not supported by the fake")
        if short in _Routes._refs(repo):
            raise GitHubError(
                422,
                "Reference already exists",
                documentation_url="https://docs.github.com/rest/git/refs#create-a-reference",
            )
        if kind == "heads":
            for path, content in repo.files_at(sha).items():
                repo.files[(name, path)] = content
            repo.branches[name] = sha
        else:
            repo.tags[name] = sha
        data = fake.ref_json(repo, short, sha)
        return Response(201, data, {"Location": data["url"]})

    @staticmethod
    def update_ref(fake: FakeGitHub, req: Request, repo: RepoState, ref: str) -> Response:
        body = _dict_body(req)
        sha = body.get("sha")
        if ref not in _Routes._refs(repo):
            raise GitHubError(422, "Reference does not exist")
        if not isinstance(sha, str) or sha not in repo.commits:
            raise GitHubError(422, "Object does not exist")
        kind, _, name = ref.partition("/")
        if kind == "heads":
            for key in [k for k in repo.files if k[0] == name]:
                del repo.files[key]
            for path, content in repo.files_at(sha).items():
                repo.files[(name, path)] = content
            repo.branches[name] = sha
        else:
            repo.tags[name] = sha
        return Response(200, fake.ref_json(repo, ref, sha))

    @staticmethod
    def delete_ref(fake: FakeGitHub, req: Request, repo: RepoState, ref: str) -> Response:
        if ref not in _Routes._refs(repo):
            raise GitHubError(422, "Reference does not exist")
        kind, _, name = ref.partition("/")
        if kind == "heads":
            del repo.branches[name]
            for key in [k for k in repo.files if k[0] == name]:
                del repo.files[key]
        else:
            del repo.tags[name]
        return Response(204)

    @staticmethod
    def get_git_commit(fake: FakeGitHub, req: Request, repo: RepoState, sha: str) -> Response:
        if sha not in repo.commits:
            raise _not_found()
        return Response(200, fake.git_commit_json(repo, sha))

    @staticmethod
    def get_commit(fake: FakeGitHub, req: Request, repo: RepoState, ref: str) -> Response:
        sha = repo.branches.get(ref, ref)
        if sha not in repo.commits:
            raise GitHubError(422, f"No commit found for SHA: {ref}")
        data = fake.repo_commit_json(repo, sha)
        data["stats"] = {"total": 0, "additions": 0, "deletions": 0}
        data["files"] = []
        return Response(200, data)

    @staticmethod
    def list_branches(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        items = [
            {
                "name": b,
                "commit": {"sha": sha, "url": f"{repo.api}/commits/{sha}"},
                "protected": False,
            }
            for b, sha in sorted(repo.branches.items())
        ]
        return _page(fake, req, items)

    @staticmethod
    def get_branch(fake: FakeGitHub, req: Request, repo: RepoState, branch: str) -> Response:
        if branch not in repo.branches:
            raise GitHubError(
                404,
                "Branch not found",
                documentation_url="https://docs.github.com/rest/branches/branches#get-a-branch",
            )
        return Response(200, fake.branch_json(repo, branch))

    # -------------------------------------------------------------- contents

    @staticmethod
    def _ref_files(repo: RepoState, ref: str) -> dict[str, str | bytes]:
        if ref in repo.branches:
            return {p: c for (b, p), c in repo.files.items() if b == ref}
        if ref in repo.tags:
            return repo.files_at(repo.tags[ref])
        if ref in repo.commits:
            return repo.files_at(ref)
        raise GitHubError(404, f"No commit found for the ref {ref}")

    @staticmethod
    def get_contents(fake: FakeGitHub, req: Request, repo: RepoState, path: str) -> Response:
        ref = req.query.get("ref") or repo.default_branch
        files = _Routes._ref_files(repo, ref)
        path = path.strip("/")
        if path in files:
            data = _as_bytes(files[path])
            item = fake.contents_json(repo, path, ref, data)
            item["content"] = _b64_lines(data)
            item["encoding"] = "base64"
            return Response(200, item)
        prefix = f"{path}/" if path else ""
        children: dict[str, bytes | None] = {}
        for file_path, content in files.items():
            if file_path.startswith(prefix):
                head, sep, _ = file_path[len(prefix) :].partition("/")
                children[prefix + head] = None if sep else _as_bytes(content)
        if not children:
            raise _not_found()
        listing = [fake.contents_json(repo, p, ref, d) for p, d in sorted(children.items())]
        return Response(200, listing)

    @staticmethod
    def _write_target(repo: RepoState, body: dict, required: tuple[str, ...]) -> str:
        for key in required:
            if not body.get(key):
                raise GitHubError(422, f'Invalid request.\n\n"{key}" wasn\'t supplied.')
        branch = body.get("branch") or repo.default_branch
        if branch not in repo.branches:
            raise GitHubError(404, f"Branch {branch} not found")
        return branch

    @staticmethod
    def put_contents(fake: FakeGitHub, req: Request, repo: RepoState, path: str) -> Response:
        body = _dict_body(req)
        branch = _Routes._write_target(repo, body, ("message", "content"))
        try:
            data = base64.b64decode("".join(str(body["content"]).split()), validate=True)
        except (binascii.Error, ValueError):
            raise GitHubError(422, "content is not valid Base64") from None
        existing = repo.files.get((branch, path))
        if existing is not None:
            if not body.get("sha"):
                raise GitHubError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.')
            if body["sha"] != _blob_sha(_as_bytes(existing)):
                raise GitHubError(409, f"{path} does not match {body['sha']}")
        try:
            repo.files[(branch, path)] = data.decode("utf-8")
        except UnicodeDecodeError:
            repo.files[(branch, path)] = data
        sha = fake._commit(repo, branch, body["message"], fake.bot_login)
        result = {
            "content": fake.contents_json(repo, path, branch, data),
            "commit": fake.git_commit_json(repo, sha),
        }
        return Response(200 if existing is not None else 201, result)

    @staticmethod
    def delete_contents(fake: FakeGitHub, req: Request, repo: RepoState, path: str) -> Response:
        body = _dict_body(req)
        branch = _Routes._write_target(repo, body, ("message", "sha"))
        existing = repo.files.get((branch, path))
        if existing is None:
            raise _not_found()
        if body["sha"] != _blob_sha(_as_bytes(existing)):
            raise GitHubError(409, f"{path} does not match {body['sha']}")
        del repo.files[(branch, path)]
        sha = fake._commit(repo, branch, body["message"], fake.bot_login)
        return Response(200, {"content": None, "commit": fake.git_commit_json(repo, sha)})

    # -------------------------------------------------------------- pull requests

    @staticmethod
    def list_pulls(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        state = req.query.get("state", "open")
        head = req.query.get("head")
        base = req.query.get("base")
        items = []
        for pull in repo.pulls:
            if state != "all" and pull["state"] != state:
                continue
            if head and (pull["head"]["label"] if ":" in head else pull["head"]["ref"]) != head:
                continue
            if base and pull["base"]["ref"] != base:
                continue
            items.append(pull)
        return _sorted_page(fake, req, items, lambda p: fake.render_pull(repo, p, req.accept))

    @staticmethod
    def create_pull(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        body = _dict_body(req)
        for key in ("head", "base"):
            if not isinstance(body.get(key), str) or not body[key]:
                raise _validation("PullRequest", key, "missing_field")
        title = body.get("title")
        if not isinstance(title, str) or not title.strip():
            raise _validation("PullRequest", "title", "missing_field")
        head_owner, _, head_ref = body["head"].rpartition(":")
        if head_owner and head_owner.casefold() != repo.owner.casefold():
            raise _validation("PullRequest", "head", "invalid")
        if head_ref not in repo.branches:
            raise _validation("PullRequest", "head", "invalid")
        base_ref = body["base"]
        if base_ref not in repo.branches:
            raise _validation("PullRequest", "base", "invalid")
        label = f"{repo.owner}:{head_ref}"
        for pull in repo.pulls:
            same = pull["head"]["ref"] == head_ref and pull["base"]["ref"] == base_ref
            if pull["state"] == "open" and same:
                raise _pull_request_refused(f"A pull request already exists for {label}.")
        if repo.branches[head_ref] == repo.branches[base_ref]:
            raise _pull_request_refused(f"No commits between {base_ref} and {head_ref}")
        number = repo.next_number()
        issue = fake._store_issue(
            repo, number, title=title, body=body.get("body"), author=fake.bot_login, labels=[]
        )
        pull = _new_pull(fake, repo, issue, head_ref, base_ref, bool(body.get("draft")))
        pull["maintainer_can_modify"] = bool(body.get("maintainer_can_modify", False))
        repo.pulls.append(pull)
        return Response(201, fake.render_pull(repo, pull, req.accept), {"Location": pull["url"]})

    @staticmethod
    def _pull(repo: RepoState, n: str) -> dict:
        pull = next((p for p in repo.pulls if p["number"] == int(n)), None)
        if pull is None:
            raise _not_found()
        return pull

    @staticmethod
    def get_pull(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
        return Response(200, fake.render_pull(repo, _Routes._pull(repo, n), req.accept))

    @staticmethod
    def edit_pull(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
        pull = _Routes._pull(repo, n)
        body = _dict_body(req)
        state = body.get("state", pull["state"])
        if state not in ("open", "closed"):
            raise _validation("PullRequest", "state", "invalid")
        now = fake._now()
        for key in ("title", "body"):
            if key in body:
                pull[key] = body[key]
        pull["state"] = state
        pull["closed_at"] = now if state == "closed" else None
        pull["updated_at"] = now
        issue = repo.issues.get(pull["number"])
        if issue is not None:
            issue.update(title=pull["title"], body=pull["body"], state=state, updated_at=now)
            issue["closed_at"] = pull["closed_at"]
        return Response(200, fake.render_pull(repo, pull, req.accept))

    # -- scheduled runs: collaborators, invitations, advisories --

    @staticmethod
    def list_collaborators(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        # Every collaborator counts as direct: the fake has no teams (any `affiliation`).
        items = []
        for login, role in sorted(repo.permissions.items()):
            if role != "none":
                data = fake.user_json(login)
                flags = ROLE_FLAGS[role]
                data["permissions"] = {
                    f: f in flags for f in ("admin", "maintain", "push", "triage", "pull")
                }
                data["role_name"] = role
                items.append(data)
        return _page(fake, req, items)

    @staticmethod
    def add_collaborator(fake: FakeGitHub, req: Request, repo: RepoState, user: str) -> Response:
        permission = _dict_body(req).get("permission", "push")  # GitHub's default
        if permission not in INVITATION_ROLE:
            raise _validation("Repository", "permission", "invalid")
        role = INVITATION_ROLE[permission]
        if user.casefold() in fake.missing_users:
            raise _not_found()
        if fake.role(repo, user) != "none":
            # Documented: an existing collaborator's role is *changed*, answered with 204.
            repo.permissions[user.casefold()] = role
            return Response(204)
        day_ago = fake.clock - timedelta(hours=24)
        if sum(1 for sent in repo.invitations_sent if sent > day_ago) >= INVITATIONS_PER_DAY:
            # The status is GitHub's; the exact wording of this refusal is not documented.
            raise GitHubError(
                422,
                "Validation Failed",
                errors=[
                    {
                        "resource": "Repository",
                        "code": "custom",
                        "message": "You can only invite 50 people to a repository per 24 hours: "
                        "invitation limit reached",
                    }
                ],
            )
        # Not documented either: the fake replaces an earlier pending invitation with a new one,
        # counted against the limit like any other.
        repo.invitations = [
            i for i in repo.invitations if i["invitee"]["login"].casefold() != user.casefold()
        ]
        invitation = fake._new_invitation(repo, user, role)
        repo.invitations_sent.append(fake.clock)
        return Response(201, invitation)

    @staticmethod
    def remove_collaborator(fake: FakeGitHub, req: Request, repo: RepoState, user: str) -> Response:
        repo.permissions.pop(user.casefold(), None)
        return Response(204)

    @staticmethod
    def list_invitations(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        return _page(fake, req, [copy.deepcopy(i) for i in repo.invitations])

    @staticmethod
    def delete_invitation(fake: FakeGitHub, req: Request, repo: RepoState, iid: str) -> Response:
        found = next((i for i in repo.invitations if i["id"] == int(iid)), None)
        if found is None:
            raise _not_found()
        repo.invitations.remove(found)
        return Response(204)

    @staticmethod
    def _advisory(repo: RepoState, ghsa: str) -> dict:
        found = next((a for a in repo.advisories if a["ghsa_id"] == ghsa), None)
        if found is None:
            raise _not_found()
        return found

    @staticmethod
    def list_advisories(fake: FakeGitHub, req: Request, repo: RepoState) -> Response:
        state = req.query.get("state")
        items = [a for a in repo.advisories if state is None or a["state"] == state]
        items.sort(key=lambda a: a["created_at"], reverse=True)
        return _page(fake, req, [copy.deepcopy(a) for a in items])

    @staticmethod
    def get_advisory(fake: FakeGitHub, req: Request, repo: RepoState, ghsa: str) -> Response:
        return Response(200, copy.deepcopy(_Routes._advisory(repo, ghsa)))

    @staticmethod
    def edit_advisory(fake: FakeGitHub, req: Request, repo: RepoState, ghsa: str) -> Response:
        advisory = _Routes._advisory(repo, ghsa)
        body = _dict_body(req)
        unknown = set(body) - ADVISORY_FIELDS
        if unknown:
            raise _validation("Advisory", sorted(unknown)[0], "invalid")
        if body.get("state", "draft") not in ("published", "closed", "draft"):
            raise _validation("Advisory", "state", "invalid")
        advisory.update(body)
        advisory["updated_at"] = fake._now()
        return Response(200, copy.deepcopy(advisory))


# -- scheduled runs: collaborators, invitations, advisories --
INVITATIONS_PER_DAY = 50
# `permission` of PUT /collaborators/{user} -> the role (also the invitation's `permissions`).
INVITATION_ROLE = {
    "pull": "read",
    "triage": "triage",
    "push": "write",
    "maintain": "maintain",
    "admin": "admin",
}
ADVISORY_FIELDS = frozenset(
    {
        "summary",
        "description",
        "cve_id",
        "vulnerabilities",
        "cwe_ids",
        "credits",
        "severity",
        "cvss_vector_string",
        "state",
        "collaborating_users",
        "collaborating_teams",
    }
)


def _advisory_json(
    fake: FakeGitHub,
    repo: RepoState,
    ghsa_id: str,
    summary: str,
    description: str,
    reporter: str,
    severity: str | None,
    state: str,
) -> dict:
    author = fake.user_json(reporter)
    return {
        "ghsa_id": ghsa_id,
        "cve_id": None,
        "url": f"{repo.api}/security-advisories/{ghsa_id}",
        "html_url": f"{repo.html}/security/advisories/{ghsa_id}",
        "summary": summary,
        "description": description,
        "severity": severity,
        "author": author,
        "publisher": None,
        "identifiers": [{"value": ghsa_id, "type": "GHSA"}],
        "state": state,
        "published_at": None,
        "closed_at": None,
        "withdrawn_at": None,
        "submission": {"accepted": False},
        "vulnerabilities": [],
        "cvss": {"vector_string": None, "score": None},
        "cwes": [],
        "cwe_ids": [],
        "credits": [{"login": reporter, "type": "reporter"}],
        "credits_detailed": [{"user": author, "type": "reporter", "state": "accepted"}],
        "collaborating_users": None,
        "collaborating_teams": None,
        "private_fork": None,
    }


def _sync_pull_from_issue(repo: RepoState, issue: dict) -> None:
    for pull in repo.pulls:
        if pull["number"] == issue["number"]:
            pull.update(
                title=issue["title"],
                body=issue["body"],
                state=issue["state"],
                closed_at=issue["closed_at"],
                updated_at=issue["updated_at"],
            )


def _new_pull(
    fake: FakeGitHub, repo: RepoState, issue: dict, head: str, base: str, draft: bool
) -> dict:
    number = issue["number"]
    api = f"{repo.api}/pulls/{number}"
    html_url = f"{repo.html}/pull/{number}"
    pull_id = fake._next_id("pull")
    repo_data = fake.repo_json(repo)
    owner = fake.user_json(repo.owner, "Organization")

    def side(ref: str) -> dict:
        sha = repo.branches[ref]
        return {
            "label": f"{repo.owner}:{ref}",
            "ref": ref,
            "sha": sha,
            "user": owner,
            "repo": repo_data,
        }

    issue["pull_request"] = {
        "url": api,
        "html_url": html_url,
        "diff_url": f"{html_url}.diff",
        "patch_url": f"{html_url}.patch",
        "merged_at": None,
    }
    issue["draft"] = draft
    links = {
        "self": {"href": api},
        "html": {"href": html_url},
        "issue": {"href": issue["url"]},
        "comments": {"href": issue["comments_url"]},
        "review_comments": {"href": f"{api}/comments"},
        "review_comment": {"href": f"{repo.api}/pulls/comments{{/number}}"},
        "commits": {"href": f"{api}/commits"},
        "statuses": {"href": f"{repo.api}/statuses/{repo.branches[head]}"},
    }
    return {
        "url": api,
        "id": pull_id,
        "node_id": _node_id("PullRequest", pull_id),
        "html_url": html_url,
        "diff_url": f"{html_url}.diff",
        "patch_url": f"{html_url}.patch",
        "issue_url": issue["url"],
        "commits_url": f"{api}/commits",
        "review_comments_url": f"{api}/comments",
        "review_comment_url": f"{repo.api}/pulls/comments{{/number}}",
        "comments_url": issue["comments_url"],
        "statuses_url": f"{repo.api}/statuses/{repo.branches[head]}",
        "number": number,
        "state": "open",
        "locked": False,
        "title": issue["title"],
        "user": issue["user"],
        "body": issue["body"],
        "labels": [],
        "milestone": None,
        "active_lock_reason": None,
        "created_at": issue["created_at"],
        "updated_at": issue["updated_at"],
        "closed_at": None,
        "merged_at": None,
        "merge_commit_sha": None,
        "assignee": None,
        "assignees": [],
        "requested_reviewers": [],
        "requested_teams": [],
        "head": side(head),
        "base": side(base),
        "_links": links,
        "author_association": issue["author_association"],
        "auto_merge": None,
        "draft": draft,
        "merged": False,
        "mergeable": None,
        "rebaseable": None,
        "mergeable_state": "unknown",
        "merged_by": None,
        "comments": 0,
        "review_comments": 0,
        "maintainer_can_modify": False,
        "commits": 1,
        "additions": 0,
        "deletions": 0,
        "changed_files": 0,
    }


def _pause(stopping: threading.Event, seconds: float) -> None:
    """Wait `seconds` or until the server stops. Short sleeps rather than `stopping.wait(seconds)`:
    a timed wait on an Event never returns under libfaketime (`.ci/time-travel`)."""
    deadline = time.monotonic() + seconds
    while not stopping.is_set() and time.monotonic() < deadline:
        time.sleep(0.01)


# -- hazardous text: lock, body edit, transfer --
# Issue locks, the edit history GitHub keeps of issue bodies, and GraphQL's `transferIssue`.
# GraphQL is served where GitHub Enterprise Server has it, /api/graphql beside the REST prefix
# (github.com: api.github.com/graphql); the fake answers that one mutation only. A transfer
# follows GitHub's documented rules: open issues only, write access to both repositories,
# the same owner, never from a private repository to a public one; comments and labels move
# with the issue (labels missing in the target are created when `createLabelsIfMissing`), the
# node id stays, and the old number answers 301 to the new one. Whether GitHub moves the edit
# history is not documented: the fake moves it, so tests do not count on its loss.

GRAPHQL_PATH = "/api/graphql"
LOCK_REASONS = ("off-topic", "too heated", "resolved", "spam")
_WRITERS = ("admin", "maintain", "write")


def _lock_issue(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
    issue = _Routes._issue(fake, req, repo, n)
    if fake.role(repo, fake.bot_login) not in _WRITERS:
        raise GitHubError(403, "Resource not accessible by integration")
    reason = _dict_body(req).get("lock_reason")
    if reason is not None and reason not in LOCK_REASONS:
        raise _validation("Issue", "lock_reason", "invalid")
    issue["locked"], issue["active_lock_reason"] = True, reason
    issue["updated_at"] = fake._now()
    return Response(204)


def _unlock_issue(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
    issue = _Routes._issue(fake, req, repo, n)
    issue["locked"], issue["active_lock_reason"] = False, None
    return Response(204)


_edit_issue_without_history = _Routes.edit_issue


def _edit_issue(fake: FakeGitHub, req: Request, repo: RepoState, n: str) -> Response:
    """PATCH an issue, keeping the earlier body in its edit history when the body changes."""
    issue = repo.issues.get(int(n))
    before = issue["body"] if issue is not None else None
    response = _edit_issue_without_history(fake, req, repo, n)
    if issue is not None and response.status == 200 and issue["body"] != before:
        repo.body_history.setdefault(int(n), []).append(before)
    return response


def _graphql_error(kind: str, message: str) -> Response:
    error = {"type": kind, "path": ["transferIssue"], "message": message}
    return Response(200, {"data": {"transferIssue": None}, "errors": [error]})


def _graphql_argument(query: str, variables: dict, name: str) -> str | None:
    """An argument of the mutation, given inline ("...") or as a variable ($name)."""
    match = re.search(name + r'\s*:\s*(?:"([^"]*)"|\$(\w+))', query)
    if match is None:
        return None
    value = match.group(1) if match.group(1) is not None else variables.get(match.group(2))
    return value if isinstance(value, str) else None


def _graphql(fake: FakeGitHub, req: Request) -> Response:
    body = _dict_body(req)
    query, variables = str(body.get("query") or ""), body.get("variables") or {}
    if not re.search(r"\bmutation\b", query) or "transferIssue" not in query:
        return Response(200, {"errors": [{"message": "The fake answers transferIssue only"}]})
    issue_id = _graphql_argument(query, variables, "issueId")
    target_id = _graphql_argument(query, variables, "repositoryId")
    found = next(
        (
            (repo, number)
            for repo in fake._repos.values()
            for number, issue in repo.issues.items()
            if issue["node_id"] == issue_id
        ),
        None,
    )
    target = next(
        (r for r in fake._repos.values() if _node_id("Repository", r.id) == target_id), None
    )
    if found is None or target is None:
        missing = issue_id if found is None else target_id
        message = f"Could not resolve to a node with the global id of '{missing}'"
        return _graphql_error("NOT_FOUND", message)
    source, number = found
    refusal = _transfer_refusal(fake, source, source.issues[number], target)
    if refusal is not None:
        return _graphql_error(*refusal)
    keep_labels = re.search(r"createLabelsIfMissing\s*:\s*true", query) is not None
    moved = _move_issue(fake, source, number, target, keep_labels)
    answer = {"number": moved["number"], "url": moved["html_url"], "id": moved["node_id"]}
    return Response(200, {"data": {"transferIssue": {"issue": answer}}})


def _transfer_refusal(
    fake: FakeGitHub, source: RepoState, issue: dict, target: RepoState
) -> tuple[str, str] | None:
    if (
        fake.role(source, fake.bot_login) not in _WRITERS
        or fake.role(target, fake.bot_login) not in _WRITERS
    ):
        return "FORBIDDEN", "Resource not accessible by integration"
    if "pull_request" in issue:
        return "UNPROCESSABLE", "Pull requests cannot be transferred"
    if issue["state"] != "open":
        return "UNPROCESSABLE", "Only open issues can be transferred"
    if source.owner.casefold() != target.owner.casefold():
        return "UNPROCESSABLE", "Issues can only be transferred between repositories of one owner"
    if source.private and not target.private:
        return "UNPROCESSABLE", (
            "A private repository issue cannot be transferred to a public repository"
        )
    if source is target:
        return "UNPROCESSABLE", "The issue is already in that repository"
    return None


def _rehome(
    fake: FakeGitHub,
    issue: dict,
    comments: list[dict],
    target: RepoState,
    new_number: int,
    labels: list[str],
) -> dict:
    """A transferred issue as GitHub keeps it: same id and node id, state, lock and comments,
    at a new number in `target`."""
    moved = fake._store_issue(
        target,
        new_number,
        title=issue["title"],
        body=issue["body"],
        author=issue["user"]["login"],
        labels=labels,
        state=issue["state"],
        state_reason=issue.get("state_reason"),
        created_at=issue["created_at"],
        author_association=issue["author_association"],
    )
    moved["id"], moved["node_id"] = issue["id"], issue["node_id"]
    moved["locked"], moved["active_lock_reason"] = issue["locked"], issue["active_lock_reason"]
    for comment in comments:
        comment = copy.deepcopy(comment)
        comment["issue_url"] = moved["url"]
        comment["url"] = f"{target.api}/issues/comments/{comment['id']}"
        comment["html_url"] = f"{moved['html_url']}#issuecomment-{comment['id']}"
        target.comments.setdefault(new_number, []).append(comment)
    return moved


def _move_issue(
    fake: FakeGitHub, source: RepoState, number: int, target: RepoState, keep_labels: bool
) -> dict:
    issue = source.issues.pop(number)
    comments = source.comments.pop(number, [])
    names = [lb["name"] for lb in issue["labels"]]
    if not keep_labels:
        names = [name for name in names if target.find_label(name) is not None]
    moved = _rehome(fake, issue, comments, target, target.next_number(), labels=names)
    new_number = moved["number"]
    if number in source.body_history:
        target.body_history[new_number] = source.body_history.pop(number)
    source.moved[number] = (target, new_number)
    return moved


def _serving_graphql(handle: Callable[[_Handler], None]) -> Callable[[_Handler], None]:
    """The request handler, with /api/graphql answered as the top-level route /graphql."""

    def handle_request(self: _Handler) -> None:
        if urlsplit(self.path).path == GRAPHQL_PATH:
            self.path = API_PREFIX + "/graphql"
        handle(self)

    return handle_request


_TOP_ROUTES += [("POST", r"/graphql", "graphql")]
_REPO_ROUTES += [
    ("PUT", r"/issues/(?P<n>\d+)/lock", "lock_issue"),
    ("DELETE", r"/issues/(?P<n>\d+)/lock", "unlock_issue"),
]
_Routes.lock_issue = staticmethod(_lock_issue)  # type: ignore[attr-defined]
_Routes.unlock_issue = staticmethod(_unlock_issue)  # type: ignore[attr-defined]
_Routes.edit_issue = staticmethod(_edit_issue)  # type: ignore[method-assign]
_Routes.graphql = staticmethod(_graphql)  # type: ignore[attr-defined]
_Handler._handle = _serving_graphql(_Handler._handle)  # type: ignore[method-assign]
