"""What a scheduled run asks of one GitHub repository: collaborators, invitations, private
vulnerability reports and submission issues, as typed data behind one protocol.
`GitHubGateway` (gateway.py) implements it over the API; `DryRunRepository` wraps it to read
for real and only record what would be written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .model import Actions, Comment, Issue


@dataclass(frozen=True)
class Collaborator:
    """A direct collaborator and their role: admin, maintain, write, triage, read, or the name
    of an organization's custom role."""

    login: str
    role: str


@dataclass(frozen=True)
class PendingInvitation:
    id: int
    login: str
    permission: str  # as GitHub lists it: read, triage, write, maintain, admin
    expired: bool


@dataclass(frozen=True)
class Advisory:
    """A private vulnerability report (a repository security advisory in state `triage`).
    Its text stays in GitHub: only what the triage needs is kept."""

    ghsa_id: str
    summary: str
    severity: str | None
    reporter: str  # "" when GitHub does not say
    created_at: str
    html_url: str


class InvitationLimitReached(Exception):
    """GitHub refused an invitation: at most 50 per repository per 24 hours."""


class NoSuchUser(Exception):
    """GitHub has no account with the login that was to be invited."""


class RepositoryGateway(Protocol):
    full_name: str
    bot_login: str

    def is_private(self) -> bool: ...
    def direct_collaborators(self) -> list[Collaborator]: ...
    def pending_invitations(self) -> list[PendingInvitation]: ...
    def invite(self, user: str) -> bool: ...
    def cancel_invitation(self, invitation_id: int) -> None: ...
    def remove_collaborator(self, user: str) -> None: ...
    def advisories_in_triage(self) -> list[Advisory]: ...
    def list_issues(self, state: str, label: str | None = None) -> list[Issue]: ...
    def comments(self, number: int) -> list[Comment]: ...
    def permission(self, user: str) -> str: ...
    def create_comment(self, number: int, body: str) -> Comment: ...
    def edit_comment(self, comment_id: int, body: str) -> None: ...
    def file_issue(self, title: str, body: str, labels: list[str]) -> int: ...
    def rewrite_issue_body(self, number: int, body: str) -> None: ...


class DryRunRepository:
    """Reads through `real`; records each write in `actions` instead of making it. The
    records carry no logins or texts (only what a public log may show)."""

    def __init__(self, real: RepositoryGateway, actions: Actions) -> None:
        self.real, self.actions = real, actions
        self.full_name, self.bot_login = real.full_name, real.bot_login

    def is_private(self) -> bool:
        return self.real.is_private()

    def direct_collaborators(self) -> list[Collaborator]:
        return self.real.direct_collaborators()

    def pending_invitations(self) -> list[PendingInvitation]:
        return self.real.pending_invitations()

    def advisories_in_triage(self) -> list[Advisory]:
        return self.real.advisories_in_triage()

    def list_issues(self, state: str, label: str | None = None) -> list[Issue]:
        return self.real.list_issues(state, label)

    def comments(self, number: int) -> list[Comment]:
        return self.real.comments(number)

    def permission(self, user: str) -> str:
        return self.real.permission(user)

    def invite(self, user: str) -> bool:
        self.actions.add(f"invite a hunter to {self.full_name}")
        return True

    def cancel_invitation(self, invitation_id: int) -> None:
        self.actions.add(f"cancel invitation {invitation_id} to {self.full_name}")

    def remove_collaborator(self, user: str) -> None:
        self.actions.add(f"remove a collaborator from {self.full_name}")

    def create_comment(self, number: int, body: str) -> Comment:
        self.actions.add(f"comment on {self.full_name}#{number}")
        return Comment(0, self.bot_login, body, "", "")

    def edit_comment(self, comment_id: int, body: str) -> None:
        self.actions.add(f"update comment {comment_id} in {self.full_name}")

    def file_issue(self, title: str, body: str, labels: list[str]) -> int:
        self.actions.add(f"open an issue in {self.full_name}")
        return 0

    def rewrite_issue_body(self, number: int, body: str) -> None:
        self.actions.add(f"update {self.full_name}#{number}")

    # -- a triage run from the scheduled run (disclosure.py): the rest of triage's Gateway --

    def request_count(self) -> int:
        return self.real.request_count()  # type: ignore[attr-defined]

    def issue(self, number: int) -> Issue:
        return self.real.issue(number)  # type: ignore[attr-defined]

    def open_issues(self, label: str) -> list[Issue]:
        return self.real.open_issues(label)  # type: ignore[attr-defined]

    def read_file(self, path: str, ref: str | None = None) -> str | None:
        return self.real.read_file(path, ref)  # type: ignore[attr-defined]

    def add_labels(self, number: int, labels: list[str]) -> None:
        self.actions.add(f"label {self.full_name}#{number}")

    def remove_label(self, number: int, label: str) -> None:
        self.actions.add(f"unlabel {self.full_name}#{number}")

    def close(self, number: int) -> None:
        self.actions.add(f"close {self.full_name}#{number}")

    def propose(self, branch: str, files: dict[str, str], title: str, body: str) -> str:
        self.actions.add(f"open a pull request in {self.full_name} from {branch}")
        return f"(dry run: pull request from {branch})"

    def lock_issue(self, number: int, reason: str) -> bool:
        self.actions.add(f"lock {self.full_name}#{number}")
        return True

    def transfer_issue(self, number: int, repository: str) -> str:
        self.actions.add(f"move {self.full_name}#{number}")
        return f"(dry run: #{number} moved)"
