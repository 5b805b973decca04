"""Everything the bot asks of GitHub, behind one small interface. `GitHubGateway` uses
github3.py (whose last release is from 2023: keep it contained here); `DryRunGateway` answers
from the event file alone and only records what would be written."""

from __future__ import annotations

import base64
import contextlib
import json
from typing import Any, Protocol

import github3
from github3 import exceptions as gh_errors

from . import retry
from .model import Actions, Comment, Issue

BOT_LOGIN = "github-actions[bot]"


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
        try:
            found = self.gh.issue(self.owner, self.name, number)
        except gh_errors.NotFoundError:
            raise IssueGone(f"issue #{number} no longer exists") from None
        except gh_errors.ClientError as error:
            if error.code == 410:
                raise IssueGone(f"issue #{number} was deleted") from None
            raise GatewayError(f"GitHub refused issue #{number}: {error.msg}") from None
        except gh_errors.ForbiddenError as error:
            raise GatewayError(f"GitHub refused access to issue #{number}: {error.msg}") from None
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
            for c in self._call(lambda: list(issue.comments()))
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
        self._call(lambda: issue.add_labels(*labels))

    def remove_label(self, number: int, label: str) -> None:
        issue = self._issue(number)
        with contextlib.suppress(gh_errors.NotFoundError):  # already gone: goal reached
            issue.remove_label(label)

    def create_comment(self, number: int, body: str) -> Comment:
        issue = self._issue(number)
        made = self._call(lambda: issue.create_comment(body))
        data = made.as_dict()
        return Comment(
            made.id, self.bot_login, body, str(data.get("created_at")), str(data.get("updated_at"))
        )

    def edit_comment(self, comment_id: int, body: str) -> None:
        url = self.gh.session.build_url(
            "repos", self.owner, self.name, "issues", "comments", str(comment_id)
        )
        response = self.gh.session.patch(url, data=json.dumps({"body": body}))
        if response.status_code >= 400:
            raise GatewayError(f"could not update the bot comment (HTTP {response.status_code})")

    def close(self, number: int) -> None:
        issue = self._issue(number)
        self._call(lambda: issue.edit(state="closed"))

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
            current = self._contents(repo, path, branch)
            if current is None:
                repo.create_file(path, title, text.encode("utf-8"), branch=branch)
            else:
                self._update_file(path, branch, str(current.sha), text, title)
        existing = list(repo.pull_requests(state="open", head=f"{self.owner}:{branch}"))
        if existing:
            return str(existing[0].html_url)
        pull = repo.create_pull(title, repo.default_branch, branch, body)
        return str(pull.html_url)

    def _ensure_branch(self, repo: Any, branch: str) -> None:
        """Create `branch` from the default branch unless it exists."""
        if self._has_branch(repo, branch):
            return
        head = repo.branch(repo.default_branch)
        # UnprocessableEntity: created meanwhile by a concurrent run; reuse it.
        with contextlib.suppress(gh_errors.UnprocessableEntity):
            repo.create_branch_ref(branch, head.commit.sha)

    def _update_file(self, path: str, branch: str, sha: str, text: str, message: str) -> None:
        """Replace the file at `path` on `branch`, whose current blob is `sha`."""
        url = self.gh.session.build_url("repos", self.owner, self.name, "contents", path)
        payload = {
            "message": message,
            "branch": branch,
            "sha": sha,
            "content": base64.b64encode(text.encode()).decode(),
        }
        response = self.gh.session.put(url, data=json.dumps(payload))
        if response.status_code >= 400:
            raise GatewayError(f"could not update {path} on {branch} (HTTP {response.status_code})")

    @staticmethod
    def _has_branch(repo: Any, branch: str) -> bool:
        try:
            return bool(repo.branch(branch))
        except gh_errors.NotFoundError:
            return False

    @staticmethod
    def _contents(repo: Any, path: str, ref: str | None) -> Any:
        """github3's Contents of the file at `path` on `ref`, or None if it is not there."""
        try:
            return repo.file_contents(path, ref=ref)
        except gh_errors.NotFoundError:
            return None

    def _issue(self, number: int) -> Any:
        if number not in self._issues:
            self.issue(number)
        return self._issues[number]

    def _repository(self) -> Any:
        if self._repo is None:
            self._repo = self._call(lambda: self.gh.repository(self.owner, self.name))
        return self._repo

    @staticmethod
    def _call(action: Any) -> Any:
        try:
            return action()
        except gh_errors.NotFoundError:
            raise IssueGone("the issue or repository is gone") from None
        except gh_errors.ClientError as error:
            if error.code == 410:
                raise IssueGone("the issue was deleted") from None
            if error.code == 403 or isinstance(error, gh_errors.ForbiddenError):
                raise _refused(error) from None
            raise
        except gh_errors.ForbiddenError as error:
            raise _refused(error) from None
        except retry.RateLimited as error:
            raise GatewayError(str(error)) from None


def _refused(error: gh_errors.GitHubError) -> GatewayError:
    return GatewayError(
        f"GitHub refused the request (HTTP 403): {error.msg}. Check the workflow's `permissions:`"
    )


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
