"""Everything the bot asks of GitHub, behind one small interface. `GitHubGateway` uses
github3.py (whose last release is from 2023: keep it contained here); `DryRunGateway` answers
from the event file alone and only records what would be written."""

from __future__ import annotations

import base64
import contextlib
import copy
import json
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import github3
import requests
from github3 import exceptions as gh_errors

from . import retry
from .model import Actions, Comment, Issue
from .repository import (  # scheduled runs
    Advisory,
    Collaborator,
    InvitationLimitReached,
    NoSuchUser,
    PendingInvitation,
)

BOT_LOGIN = "github-actions[bot]"
T = TypeVar("T")


class GatewayError(Exception):
    """A GitHub failure the bot cannot work around (permission, missing repository...)."""


class IssueGone(Exception):
    """The issue was deleted or transferred while the bot was running."""


class Gateway(Protocol):
    bot_login: str

    def issue(self, number: int) -> Issue: ...
    def comments(self, number: int) -> list[Comment]: ...
    def permission(self, user: str) -> str: ...
    def open_issues(self, label: str) -> list[Issue]: ...
    def add_labels(self, number: int, labels: list[str]) -> None: ...
    def remove_label(self, number: int, label: str) -> None: ...
    def create_comment(self, number: int, body: str) -> Comment: ...
    def edit_comment(self, comment_id: int, body: str) -> None: ...
    def close(self, number: int) -> None: ...
    def read_file(self, path: str, ref: str | None = None) -> str | None: ...
    def propose(self, branch: str, files: dict[str, str], title: str, body: str) -> str: ...
    def request_count(self) -> int: ...

    # -- hazardous text: lock, body edit, transfer --
    def rewrite_issue_body(self, number: int, body: str) -> None: ...
    def lock_issue(self, number: int, reason: str) -> bool: ...
    def transfer_issue(self, number: int, repository: str) -> str: ...


def issue_from_json(data: dict[str, Any]) -> Issue:
    return Issue(
        number=int(data["number"]),
        title=data.get("title") or "",
        body=data.get("body") or "",
        author=(data.get("user") or {}).get("login", ""),
        labels=tuple(label["name"] for label in data.get("labels") or []),
        state=data.get("state", "open"),
        html_url=data.get("html_url", ""),
        comment_count=int(data.get("comments") or 0),
        is_pull_request="pull_request" in data,
        created_at=str(data.get("created_at") or ""),
    )


class GitHubGateway:
    def __init__(
        self,
        api_url: str,
        token: str,
        repository: str,
        bot_login: str = BOT_LOGIN,
        read_timeout: float = 10,
    ) -> None:
        owner, _, name = repository.partition("/")
        base = api_url.rstrip("/")
        if base in ("https://api.github.com", ""):
            self.gh: Any = github3.GitHub(token=token)
        else:
            self.gh = github3.GitHubEnterprise(base.removesuffix("/api/v3"), token=token)
        self.gh.session.default_read_timeout = read_timeout
        retry.install(self.gh.session)
        self.owner, self.name = owner, name
        self.bot_login = bot_login
        self._repo: Any = None
        self._issues: dict[int, Any] = {}

    def request_count(self) -> int:
        return int(self.gh.session.request_counter)

    def issue(self, number: int) -> Issue:
        found = _call(
            f"read issue #{number}", number, lambda: self.gh.issue(self.owner, self.name, number)
        )
        if found is None:
            raise IssueGone(f"issue #{number} no longer exists (deleted or transferred)")
        where = str(found.as_dict().get("repository_url", ""))
        if not where.endswith(f"/repos/{self.owner}/{self.name}"):
            raise IssueGone(f"issue #{number} was transferred to another repository")
        self._issues[number] = found
        return issue_from_json(found.as_dict())

    def comments(self, number: int) -> list[Comment]:
        issue = self._issue(number)
        return [
            Comment(
                c.id,
                c.user.login if c.user else "",
                c.body or "",
                str(c.as_dict().get("created_at")),
                str(c.as_dict().get("updated_at")),
            )
            for c in _call(
                f"read the comments of #{number}", number, lambda: list(issue.comments())
            )
        ]

    def open_issues(self, label: str) -> list[Issue]:
        """Open issues with a label (first 100, one request), for likely duplicates."""
        url = self.gh.session.build_url("repos", self.owner, self.name, "issues")
        response = self.gh.session.get(
            url, params={"state": "open", "labels": label, "per_page": 100}
        )
        if response.status_code != 200:
            return []  # only a hint for maintainers: never fail the run over it
        return [issue_from_json(item) for item in response.json() if "pull_request" not in item]

    def permission(self, user: str) -> str:
        url = self.gh.session.build_url(
            "repos", self.owner, self.name, "collaborators", user, "permission"
        )
        response = self.gh.session.get(url)
        if response.status_code == 404:
            return "none"
        if response.status_code != 200:
            raise GatewayError(f"could not read {user}'s permission (HTTP {response.status_code})")
        return str(response.json().get("permission", "none"))

    def add_labels(self, number: int, labels: list[str]) -> None:
        issue = self._issue(number)
        doing = f"add labels {', '.join(labels)} to #{number}"
        _call(doing, number, lambda: issue.add_labels(*labels), needs=ISSUES_WRITE)

    def remove_label(self, number: int, label: str) -> None:
        issue = self._issue(number)

        def remove() -> None:
            with contextlib.suppress(gh_errors.NotFoundError):  # already gone: goal reached
                issue.remove_label(label)

        _call(f"remove label {label} from #{number}", number, remove, needs=ISSUES_WRITE)

    def create_comment(self, number: int, body: str) -> Comment:
        issue = self._issue(number)
        made = _call(
            f"comment on #{number}", number, lambda: issue.create_comment(body), needs=ISSUES_WRITE
        )
        data = made.as_dict()
        return Comment(
            made.id, self.bot_login, body, str(data.get("created_at")), str(data.get("updated_at"))
        )

    def edit_comment(self, comment_id: int, body: str) -> None:
        path = ("issues", "comments", str(comment_id))
        self._send("update the bot comment", "PATCH", path, {"body": body}, needs=ISSUES_WRITE)

    def close(self, number: int) -> None:
        issue = self._issue(number)
        _call(f"close #{number}", number, lambda: issue.edit(state="closed"), needs=ISSUES_WRITE)

    def read_file(self, path: str, ref: str | None = None) -> str | None:
        """A file's text on `ref` (default: the default branch), or None if it is not there."""
        contents = self._contents(self._repository(), path, ref)
        return base64.b64decode(contents.content).decode("utf-8") if contents else None

    def propose(self, branch: str, files: dict[str, str], title: str, body: str) -> str:
        """Write `files` on `branch` (created from the default branch if needed) and make sure
        one pull request is open for it; re-running writes the same content and reuses it."""
        repo = self._repository()
        self._ensure_branch(repo, branch)
        for path, text in files.items():
            self._write_file(repo, branch, path, text, title)
        return self._ensure_pull(repo, branch, title, body)

    def _ensure_branch(self, repo: Any, branch: str) -> None:
        """Create `branch` from the default branch unless it exists."""
        if self._has_branch(repo, branch):
            return
        base = repo.default_branch
        head = _checked(f"read branch {base}", lambda: repo.branch(base))

        def create() -> None:
            # UnprocessableEntity: created meanwhile by a concurrent run; reuse it.
            with contextlib.suppress(gh_errors.UnprocessableEntity):
                repo.create_branch_ref(branch, head.commit.sha)

        _checked(f"create branch {branch}", create, needs=CONTENTS_WRITE)

    def _write_file(self, repo: Any, branch: str, path: str, text: str, message: str) -> None:
        """Create or replace the file at `path` on `branch`."""
        current = self._contents(repo, path, branch)
        if current is not None:
            self._update_file(path, branch, str(current.sha), text, message)
            return
        _checked(
            f"create {path} on {branch}",
            lambda: repo.create_file(path, message, text.encode("utf-8"), branch=branch),
            needs=CONTENTS_WRITE,
        )

    def _update_file(self, path: str, branch: str, sha: str, text: str, message: str) -> None:
        """Replace the file at `path` on `branch`, whose current blob is `sha`."""
        payload = {
            "message": message,
            "branch": branch,
            "sha": sha,
            "content": base64.b64encode(text.encode()).decode(),
        }
        doing = f"update {path} on {branch}"
        self._send(doing, "PUT", ("contents", path), payload, needs=CONTENTS_WRITE)

    def _ensure_pull(self, repo: Any, branch: str, title: str, body: str) -> str:
        """The address of the open pull request from `branch`, opened now if there is none."""
        head = f"{self.owner}:{branch}"
        existing = _checked(
            f"list the pull requests from {branch}",
            lambda: list(repo.pull_requests(state="open", head=head)),
        )
        if existing:
            return str(existing[0].html_url)
        pull = _checked(
            f"open a pull request from {branch}",
            lambda: repo.create_pull(title, repo.default_branch, branch, body),
            needs=PULLS_WRITE,
        )
        return str(pull.html_url)

    def _send(
        self, doing: str, method: str, path: tuple[str, ...], payload: dict[str, Any], needs: str
    ) -> None:
        """A write github3 has no call for, as a raw request on its session, checked alike."""
        url = self.gh.session.build_url("repos", self.owner, self.name, *path)

        def send() -> None:
            response = self.gh.session.request(method, url, data=json.dumps(payload))
            if response.status_code >= 400:
                raise gh_errors.error_for(response)

        _checked(doing, send, needs=needs)

    @staticmethod
    def _has_branch(repo: Any, branch: str) -> bool:
        def look() -> bool:
            try:
                return bool(repo.branch(branch))
            except gh_errors.NotFoundError:  # the expected answer for a branch not made yet
                return False

        return _checked(f"look up branch {branch}", look)

    @staticmethod
    def _contents(repo: Any, path: str, ref: str | None) -> Any:
        """github3's Contents of the file at `path` on `ref`, or None if it is not there."""

        def read() -> Any:
            try:
                return repo.file_contents(path, ref=ref)
            except gh_errors.NotFoundError:  # the expected answer for a file not written yet
                return None

        return _checked(f"read {path} on {ref or 'the default branch'}", read)

    def _issue(self, number: int) -> Any:
        if number not in self._issues:
            self.issue(number)
        return self._issues[number]

    def _repository(self) -> Any:
        if self._repo is None:
            full_name = f"{self.owner}/{self.name}"
            self._repo = _checked(
                f"read repository {full_name}", lambda: self.gh.repository(self.owner, self.name)
            )
        return self._repo

    # -- scheduled runs: collaborators, invitations, advisories --
    # One connection serves every repository of a scheduled run (`on`). github3 has no calls for
    # most of these, so they are raw requests on its session, checked like every other call.
    # Messages name no user: a scheduled run's log may be public (see bot/collaborators.py).

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    def on(self, repository: str) -> GitHubGateway:
        """A gateway for another repository, sharing this one's connection and request count."""
        other = copy.copy(self)
        other.owner, _, other.name = repository.partition("/")
        other._repo, other._issues = None, {}
        return other

    def is_private(self) -> bool:
        """Whether GitHub says the repository is private (anything unclear counts as public)."""
        found = self._repository()
        return found.as_dict().get("private") is True

    def direct_collaborators(self) -> list[Collaborator]:
        items = self._get_pages(
            f"list the collaborators of {self.full_name}",
            ("collaborators",),
            {"affiliation": "direct"},
            needs=ADMINISTRATION,
        )
        return [Collaborator(str(item["login"]), _role(item)) for item in items]

    def pending_invitations(self) -> list[PendingInvitation]:
        items = self._get_pages(
            f"list the invitations to {self.full_name}", ("invitations",), {}, needs=ADMINISTRATION
        )
        return [
            PendingInvitation(
                int(item["id"]),
                str((item.get("invitee") or {}).get("login", "")),
                str(item.get("permissions", "")),
                item.get("expired") is True,
            )
            for item in items
        ]

    def invite(self, user: str) -> bool:
        """Invite `user` with read access: True when GitHub created an invitation (201), False
        when they were a collaborator already (204). InvitationLimitReached at GitHub's limit
        of 50 invitations a day (a 422 that says so); NoSuchUser for an unknown login (404)."""
        url = self.gh.session.build_url("repos", self.owner, self.name, "collaborators", user)

        def put() -> bool:
            response = self.gh.session.put(url, data=json.dumps({"permission": "pull"}))
            if response.status_code == 422 and "limit" in response.text.lower():
                raise InvitationLimitReached(f"invitation limit reached on {self.full_name}")
            if response.status_code == 404:
                raise NoSuchUser("no such user")
            if response.status_code >= 400:
                raise gh_errors.error_for(response)
            return response.status_code == 201

        return _checked(f"send an invitation to {self.full_name}", put, needs=ADMINISTRATION)

    def cancel_invitation(self, invitation_id: int) -> None:
        path = ("invitations", str(invitation_id))
        self._delete(f"cancel invitation {invitation_id} to {self.full_name}", path)

    def remove_collaborator(self, user: str) -> None:
        self._delete(f"remove a collaborator from {self.full_name}", ("collaborators", user))

    def advisories_in_triage(self) -> list[Advisory]:
        """Private vulnerability reports not yet accepted or closed (state `triage`)."""
        items = self._get_pages(
            f"list the private reports of {self.full_name}",
            ("security-advisories",),
            {"state": "triage"},
            needs=ADVISORIES_READ,
        )
        return [
            Advisory(
                ghsa_id=str(item.get("ghsa_id") or ""),
                summary=str(item.get("summary") or ""),
                severity=item.get("severity") or None,
                reporter=str((item.get("author") or {}).get("login") or ""),
                created_at=str(item.get("created_at") or ""),
                html_url=str(item.get("html_url") or ""),
            )
            for item in items
        ]

    def list_issues(self, state: str, label: str | None = None) -> list[Issue]:
        """Every issue (pull requests left out) in `state`, with `label` if given."""
        params = {"state": state, **({"labels": label} if label else {})}
        items = self._get_pages(f"list the issues of {self.full_name}", ("issues",), params)
        return [issue_from_json(item) for item in items if "pull_request" not in item]

    def file_issue(self, title: str, body: str, labels: list[str]) -> int:
        """Open an issue; its number. Never retried: a lost answer is found by its marker."""
        url = self.gh.session.build_url("repos", self.owner, self.name, "issues")
        payload = json.dumps({"title": title, "body": body, "labels": labels})

        def post() -> int:
            response = self.gh.session.post(url, data=payload)
            if response.status_code >= 400:
                raise gh_errors.error_for(response)
            return int(response.json()["number"])

        return _checked(f"open an issue in {self.full_name}", post, needs=ISSUES_WRITE)

    def rewrite_issue_body(self, number: int, body: str) -> None:
        doing = f"update issue #{number} of {self.full_name}"
        self._send(doing, "PATCH", ("issues", str(number)), {"body": body}, needs=ISSUES_WRITE)

    def _delete(self, doing: str, path: tuple[str, ...]) -> None:
        """A DELETE whose 404 means the goal is reached already (gone meanwhile)."""
        url = self.gh.session.build_url("repos", self.owner, self.name, *path)

        def delete() -> None:
            response = self.gh.session.delete(url)
            if response.status_code >= 400 and response.status_code != 404:
                raise gh_errors.error_for(response)

        _checked(doing, delete, needs=ADMINISTRATION)

    def _get_pages(
        self, doing: str, path: tuple[str, ...], params: dict[str, str], needs: str = ""
    ) -> list[dict[str, Any]]:
        """Every item of a listing, following `Link: rel="next"` (at most 100 pages of 100)."""
        first = self.gh.session.build_url("repos", self.owner, self.name, *path)

        def fetch() -> list[dict[str, Any]]:
            items: list[dict[str, Any]] = []
            url: str | None = first
            query: dict[str, Any] | None = {**params, "per_page": 100}
            for _ in range(100):
                if url is None:
                    break
                response = self.gh.session.get(url, params=query)
                if response.status_code >= 400:
                    raise gh_errors.error_for(response)
                items.extend(response.json())
                url, query = response.links.get("next", {}).get("url"), None
            return items

        return _checked(doing, fetch, needs)

    # -- hazardous text: lock, body edit, transfer --
    # Messages name no other repository: a public repository's run log is public, and the
    # intake repository of an invite-only program is not named in public.

    def lock_issue(self, number: int, reason: str) -> bool:
        """Lock the issue's conversation to collaborators; False if it was locked already."""
        issue = self._issue(number)
        if issue.locked:
            return False
        path = ("issues", str(number), "lock")
        self._send(f"lock #{number}", "PUT", path, {"lock_reason": reason}, needs=ISSUES_WRITE)
        issue.locked = True
        return True

    def transfer_issue(self, number: int, repository: str) -> str:
        """Move the issue to `repository` (another of the owner's repositories) with GraphQL's
        `transferIssue`, the only way there is; comments move along and the old address
        redirects. Returns the moved issue's address."""
        issue_id = self._issue(number).as_dict().get("node_id")
        variables = {"issue": issue_id, "repository": self._node_id_of(repository)}
        doing = f"move #{number} to the intake repository"

        def post() -> dict[str, Any]:
            payload = json.dumps({"query": TRANSFER_ISSUE, "variables": variables})
            response = self.gh.session.post(self._graphql_url(), data=payload)
            if response.status_code >= 400:
                raise gh_errors.error_for(response)
            return dict(response.json())

        answer = _checked(doing, post, needs=TRANSFER_NEEDS)
        moved = ((answer.get("data") or {}).get("transferIssue") or {}).get("issue")
        if answer.get("errors") or not isinstance(moved, dict):
            errors = [e for e in answer.get("errors") or [] if isinstance(e, dict)]
            said = ", ".join(sorted({str(e.get("type", "ERROR")) for e in errors})) or "no issue"
            text = f"could not {doing}: GitHub answered {said}; it needs {TRANSFER_NEEDS}"
            raise GatewayError(text)
        return str(moved.get("url", ""))

    def _node_id_of(self, repository: str) -> str:
        """The GraphQL id of another repository, read through REST."""
        owner, _, name = repository.partition("/")
        url = self.gh.session.build_url("repos", owner, name)

        def read() -> str:
            response = self.gh.session.get(url)
            if response.status_code >= 400:
                raise gh_errors.error_for(response)
            return str(response.json().get("node_id") or "")

        found = _checked("read the intake repository", read, needs=TRANSFER_NEEDS)
        if not found:
            raise GatewayError("could not read the intake repository's id")
        return found

    def _graphql_url(self) -> str:
        """api.github.com/graphql; on GitHub Enterprise Server, /api/graphql (not under v3)."""
        base = str(self.gh.session.base_url).rstrip("/")
        return base.removesuffix("/v3") + "/graphql"


# What a refused (403) call most likely lacks; see GITHUB-NOTES (GitHub Actions).
ISSUES_WRITE = "`issues: write`"
CONTENTS_WRITE = "`contents: write`"
PULLS_WRITE = (
    '`pull-requests: write` and the repository setting "Allow GitHub Actions to create and '
    'approve pull requests"'
)

# -- scheduled runs: collaborators, invitations, advisories --
# GITHUB_TOKEN has neither permission: a GitHub App token (see docs/bot.md, Scheduled runs).
ADMINISTRATION = "a GitHub App or fine-grained token with Administration: read and write"
ADVISORIES_READ = "a GitHub App or fine-grained token with Repository security advisories: read"
_ROLE_FLAGS = (
    ("admin", "admin"),
    ("maintain", "maintain"),
    ("push", "write"),
    ("triage", "triage"),
)


def _role(collaborator: dict[str, Any]) -> str:
    """A collaborator's role: GitHub's `role_name`, else the highest of its permission flags."""
    if collaborator.get("role_name"):
        return str(collaborator["role_name"])
    flags = collaborator.get("permissions") or {}
    return next((role for flag, role in _ROLE_FLAGS if flags.get(flag)), "read")


# -- hazardous text: lock, body edit, transfer --
TRANSFER_ISSUE = (
    "mutation($issue: ID!, $repository: ID!) { transferIssue(input: {issueId: $issue, "
    "repositoryId: $repository, createLabelsIfMissing: true}) { issue { number url } } }"
)
# The workflow's GITHUB_TOKEN reaches its own repository only (see GITHUB-NOTES).
TRANSFER_NEEDS = "a token with issues: write on both repositories (a GitHub App installed on both)"


def _checked(doing: str, action: Callable[[], T], needs: str = "") -> T:
    """Run one GitHub call: every failure github3 or the session raises becomes a GatewayError
    saying what was being done. Every github3 call and every write of GitHubGateway goes
    through here."""
    try:
        return action()
    except gh_errors.GitHubError as error:
        raise _failure(doing, error, needs) from None
    except gh_errors.TransportError as error:
        raise GatewayError(f"could not {doing}: {error.msg}") from None
    except (retry.RateLimited, requests.RequestException) as error:
        raise GatewayError(f"could not {doing}: {error}") from None


def _call(doing: str, number: int, action: Callable[[], T], needs: str = "") -> T:
    """An issue call, checked; there a 404 or 410 means the issue was deleted or transferred
    while the bot was running, which ends the run quietly (IssueGone)."""

    def gone_aware() -> T:
        try:
            return action()
        except gh_errors.NotFoundError:
            raise IssueGone(f"issue #{number} no longer exists") from None
        except gh_errors.ClientError as error:  # 410 has no class of its own in github3
            if error.code == 410:
                raise IssueGone(f"issue #{number} was deleted") from None
            raise

    return _checked(doing, gone_aware, needs)


def _failure(doing: str, error: gh_errors.GitHubError, needs: str) -> GatewayError:
    status = f" (HTTP {error.code})" if error.code else ""
    text = f"could not {doing}{status}: {_details(error)}"
    if error.code == 403:
        text += ". GitHub refused the request: check the workflow's `permissions:`"
        text += f" (this needs {needs})" if needs else ""
    return GatewayError(text)


def _details(error: gh_errors.GitHubError) -> str:
    """GitHub's message and, for a 422, the reasons it lists."""
    message = error.msg.decode(errors="replace") if isinstance(error.msg, bytes) else error.msg
    reasons = [item.get("message") if isinstance(item, dict) else item for item in error.errors]
    return "; ".join(str(part) for part in [message or "no message", *reasons] if part)


class DryRunGateway:
    """Reads only the event file; records every write instead of making it."""

    def __init__(
        self, event: dict[str, Any], actions: Actions, permissions: dict[str, str] | None = None
    ) -> None:
        self.event = event
        self.actions = actions
        self.bot_login = BOT_LOGIN
        self.permissions = permissions or {}
        self._next_id = 1

    def request_count(self) -> int:
        return 0

    def issue(self, number: int) -> Issue:
        return issue_from_json(self.event["issue"])

    def comments(self, number: int) -> list[Comment]:
        comment = self.event.get("comment")
        if not comment:
            return []
        return [
            Comment(
                int(comment["id"]),
                comment["user"]["login"],
                comment.get("body") or "",
                comment.get("created_at", ""),
                comment.get("updated_at", ""),
            )
        ]

    def open_issues(self, label: str) -> list[Issue]:
        return []

    def permission(self, user: str) -> str:
        association = (self.event.get("comment") or {}).get("author_association", "")
        return self.permissions.get(user, "write" if association == "OWNER" else "unknown")

    def add_labels(self, number: int, labels: list[str]) -> None:
        self.actions.add(f"add labels to #{number}: {', '.join(labels)}")

    def remove_label(self, number: int, label: str) -> None:
        self.actions.add(f"remove label from #{number}: {label}")

    def create_comment(self, number: int, body: str) -> Comment:
        self.actions.add(f"comment on #{number}:\n{body}")
        self._next_id += 1
        return Comment(self._next_id, self.bot_login, body, "", "")

    def edit_comment(self, comment_id: int, body: str) -> None:
        self.actions.add(f"update comment {comment_id}:\n{body}")

    def close(self, number: int) -> None:
        self.actions.add(f"close #{number}")

    def read_file(self, path: str, ref: str | None = None) -> str | None:
        return None

    def propose(self, branch: str, files: dict[str, str], title: str, body: str) -> str:
        listing = "\n".join(f"--- {path}\n{text}" for path, text in files.items())
        self.actions.add(f"open pull request '{title}' from {branch}:\n{listing}")
        return f"(dry run: pull request from {branch})"

    # -- hazardous text: lock, body edit, transfer --

    def rewrite_issue_body(self, number: int, body: str) -> None:
        self.actions.add(f"replace the text of #{number}:\n{body}")

    def lock_issue(self, number: int, reason: str) -> bool:
        if self.event["issue"].get("locked"):
            return False
        self.actions.add(f"lock #{number} ({reason})")
        return True

    def transfer_issue(self, number: int, repository: str) -> str:
        self.actions.add(f"move #{number} to {repository}")
        return f"(dry run: #{number} moved)"
