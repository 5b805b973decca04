"""Keep a private intake repository's read-only collaborators in step with the invitations of
the programs filing there (`invitations.yml`, on the as-of day).

Who is managed: only direct collaborators whose role is exactly `read`, and pending invitations
for `read`. Everyone else is left alone: maintainers (triage, write, maintain, admin, custom
roles), people with access through a team or the organization, the handles listed in
`site.yml` `triagers`, and the bot itself. Inviting someone who already has any role is never
attempted either, since GitHub's "add a collaborator" call would change their role to read.

GitHub accepts at most 50 invitations per repository per 24 hours: a run sends at most
`limit` (oldest invitation first) and says how many are left for the next run."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..content.channels import channel_of
from ..content.entries import Content
from .repository import InvitationLimitReached, NoSuchUser, PendingInvitation, RepositoryGateway

MANAGED_ROLE = "read"
MANAGED_INVITATION = "read"
GITHUB_DAILY_INVITATIONS = 50


@dataclass(frozen=True)
class Wanted:
    """A hunter who should have read access, and since when (for the order of invitations)."""

    login: str
    since: date


@dataclass(frozen=True)
class Send:
    login: str
    expired: PendingInvitation | None = None  # re-sent: this one is cancelled first


@dataclass
class AccessPlan:
    sends: list[Send] = field(default_factory=list)  # within this run's limit
    cancels: list[PendingInvitation] = field(default_factory=list)
    removals: list[str] = field(default_factory=list)
    deferred: int = 0  # wanted, but over this run's limit


@dataclass
class SyncResult:
    invited: int = 0
    resent: int = 0
    cancelled: int = 0
    removed: int = 0
    left: int = 0
    limit_reached: bool = False
    unknown: int = 0  # handles with no GitHub account: a mistake in invitations.yml


def wanted_by_repository(content: Content, as_of: date) -> dict[str, list[Wanted]]:
    """Intake repository -> hunters whose invitation is active on `as_of`, over every program
    filing there (programs may share a repository: the union), oldest invitation first."""
    found: dict[str, dict[str, Wanted]] = {}
    for entry in content.programs.values():
        channel = channel_of(entry, content)
        if channel.kind != "private-issues" or channel.repository is None:
            continue
        hunters = found.setdefault(channel.repository, {})
        for invitation in entry.invitations.invited if entry.invitations else []:
            if not invitation.active(as_of):
                continue
            key = invitation.hunter.casefold()
            if key not in hunters or invitation.since < hunters[key].since:
                hunters[key] = Wanted(invitation.hunter, invitation.since)
    return {
        repository: sorted(hunters.values(), key=lambda w: (w.since, w.login.casefold()))
        for repository, hunters in found.items()
    }


def plan_access(
    wanted: list[Wanted],
    gateway: RepositoryGateway,
    protected: set[str],
    limit: int,
) -> AccessPlan:
    """What to change so that the read-only collaborators are exactly the wanted hunters.
    `protected` holds casefolded logins never removed (triagers, the bot)."""
    roles = {c.login.casefold(): c.role for c in gateway.direct_collaborators()}
    pending = gateway.pending_invitations()
    wanted_keys = {w.login.casefold() for w in wanted}
    plan = AccessPlan()
    for hunter in wanted:
        send = _send_for(hunter, roles, pending)
        if send is None:
            continue
        if len(plan.sends) < limit:
            plan.sends.append(send)
        else:
            plan.deferred += 1
    keep = wanted_keys | protected
    plan.cancels = [
        i for i in pending if i.permission == MANAGED_INVITATION and i.login.casefold() not in keep
    ]
    plan.removals = sorted(
        login for login, role in roles.items() if role == MANAGED_ROLE and login not in keep
    )
    return plan


def _send_for(
    hunter: Wanted, roles: dict[str, str], pending: list[PendingInvitation]
) -> Send | None:
    """The invitation to send to a wanted hunter, or None when they have access or a live
    invitation already."""
    key = hunter.login.casefold()
    if key in roles:
        return None  # any role at all: never touched (re-inviting would change it to read)
    theirs = [i for i in pending if i.login.casefold() == key]
    if any(not i.expired for i in theirs):
        return None
    expired = next((i for i in theirs if i.permission == MANAGED_INVITATION), None)
    return Send(hunter.login, expired)


def apply_access(plan: AccessPlan, gateway: RepositoryGateway) -> SyncResult:
    """Carry out the plan: cancellations and removals first, then invitations until GitHub's
    daily limit stops them (the rest wait for the next run)."""
    result = SyncResult(left=plan.deferred)
    for invitation in plan.cancels:
        gateway.cancel_invitation(invitation.id)
        result.cancelled += 1
    for login in plan.removals:
        gateway.remove_collaborator(login)
        result.removed += 1
    for index, send in enumerate(plan.sends):
        if send.expired is not None:
            gateway.cancel_invitation(send.expired.id)
        try:
            gateway.invite(send.login)
        except InvitationLimitReached:
            result.limit_reached = True
            result.left += len(plan.sends) - index
            break
        except NoSuchUser:
            result.unknown += 1  # the others are still invited
            continue
        if send.expired is not None:
            result.resent += 1
        else:
            result.invited += 1
    return result


def describe(repository: str, result: SyncResult, limit: int) -> str:
    """One log line: counts only, never logins (the log of a public repository is public, and
    who is invited to an invite-only program is not)."""
    done = [
        f"{count} {what}"
        for count, what in (
            (result.invited, "invited"),
            (result.resent, "expired invitation(s) re-sent"),
            (result.cancelled, "invitation(s) cancelled"),
            (result.removed, "collaborator(s) removed"),
        )
        if count
    ]
    text = f"{repository}: " + (", ".join(done) if done else "collaborators in step")
    if result.limit_reached:
        text += f"; GitHub's limit of {GITHUB_DAILY_INVITATIONS} invitations a day was reached"
    if result.left:
        text += f"; {result.left} invitation(s) left for the next run (at most {limit} a run)"
    if result.unknown:
        text += f"; {result.unknown} handle(s) not found on GitHub"
    return text
