"""How to submit, for hunters: where each listed program takes reports (its channel as
`content/channels.py` resolves it, with the Submit button its program page shows), what never
goes in public, and what happens next (triage, response targets, disclosure).

An invite-only program shows only what its public stub shows: never its channel, intake
repository or invitations."""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from ...content.channels import Channel, channel_of
from ...content.entries import ProgramEntry
from ...content.records import Policy
from ...intake.links import ChannelLink, channel_link
from .. import paths
from ..model import Page
from .core import Build, days, md_or_none, render
from .labels import MODELS_ANCHOR, Label, model_label, participation_label
from .policies import plain_words

CHANNEL_NAMES = {
    "public-issues": "A public issue on GitHub",
    "private-issues": "A private repository on GitHub, for invited or approved hunters",
    "private-reports": "A private report on GitHub",
    "external": "The program's own platform",
}
NEXT_STEPS = {
    "issues": "The triage bot checks your report as soon as it is filed and answers on the "
    "issue: what it understood, anything to fix, likely duplicates, and when to expect a "
    "person. Edit the issue to fix a problem; the bot checks it again.",
    "private-reports": "The triage bot reads new private reports every few hours and records "
    "its triage privately, without changing your report; the maintainers answer you on it.",
    "external": "The program's own platform handles your report, under its terms; accepted "
    "findings are recorded on this site.",
}
STATUS_WORDS = {
    "open": "Open: takes reports now.",
    "paused": "Paused: not taking reports for now.",
    "closed": "Closed: no longer takes reports.",
}


@dataclass(frozen=True)
class Targets:
    """The program's promised response times, in days."""

    first_response: int
    triage: int
    bounty: int


@dataclass(frozen=True)
class PolicyNote:
    """A disclosure policy as a hunter needs it here: when findings are published, and where
    hazardous details go instead of a public place."""

    name: str
    href: str
    plain: str
    published: str  # when, in a few words
    channel_email: str | None
    channel_url: str | None
    programs: list[str]


@dataclass(frozen=True)
class ProgramWay:
    """How to report to one program; an invite-only stub leaves `channel` and all after empty."""

    name: str
    href: str
    organizer: str
    status: str
    status_words: str
    model: Label
    participation: Label
    channel: str | None  # where reports go, in plain words
    link: ChannelLink | None  # the program page's Submit button (only while open)
    note: str | None  # what to know about the channel before submitting
    instructions: Markup | None
    next_steps: str | None
    targets: Targets | None
    policy: PolicyNote | None


@dataclass(frozen=True)
class SubmitGuide:
    open: list[ProgramWay]
    not_open: list[ProgramWay]
    policies: list[PolicyNote]
    links: dict[str, str]


def how_to_submit_page(build: Build) -> Page:
    link = build.linker(paths.HOW_TO_SUBMIT)
    policies = {p.key: _policy_note(build, p.key, link) for p in build.site.policies}
    ways = [_way(build, entry, link, policies) for entry in build.site.programs]
    guide = SubmitGuide(
        open=[w for w in ways if w.status == "open"],
        not_open=[w for w in ways if w.status != "open"],
        policies=list(policies.values()),
        links={
            "programs": link.href(paths.PROGRAMS),
            "policies": link.href(paths.POLICIES),
            "models": link.href(paths.ABOUT) + "#" + MODELS_ANCHOR,
        },
    )
    return Page(
        paths.HOW_TO_SUBMIT,
        "How to submit",
        render("how_to_submit.html.j2", g=guide),
        description="Where each program takes reports, what never to post in public, and "
        "what happens after you submit.",
        in_nav=True,
    )


def _policy_note(build: Build, key: str, link: paths.Linker) -> PolicyNote:
    policy = build.content.policies[key].record
    users = [p.program.name for p in build.public_programs() if p.program.disclosure_policy == key]
    channel = policy.private_channel
    return PolicyNote(
        policy.name,
        link.href(paths.policy(key)),
        plain_words(policy),
        _published(policy),
        channel.email,
        channel.url,
        users,
    )


def _published(policy: Policy) -> str:
    if policy.model == "non-disclosure":
        return "never"
    if policy.model == "full" or policy.embargo_days == 0:
        return "on acceptance"
    return f"{days(policy.embargo_days)} after acceptance"


def _way(
    build: Build, entry: ProgramEntry, link: paths.Linker, policies: dict[str, PolicyNote]
) -> ProgramWay:
    program = entry.program
    stub = ProgramWay(
        name=program.name,
        href=link.href(paths.program(entry.slug)),
        organizer=program.organizer.name,
        status=program.status,
        status_words=STATUS_WORDS.get(program.status, program.status),
        model=model_label(program.model),
        participation=participation_label(program.participation),
        channel=None,
        link=None,
        note=None,
        instructions=None,
        next_steps=None,
        targets=None,
        policy=None,
    )
    if not build.site.is_public_program(entry.slug):
        return stub  # what the public stub shows, and nothing more
    return _with_channel(stub, channel_of(entry, build.content), entry, policies)


def _with_channel(
    way: ProgramWay, channel: Channel, entry: ProgramEntry, policies: dict[str, PolicyNote]
) -> ProgramWay:
    program = entry.program
    is_open = program.status == "open"
    button = channel_link(channel, entry.slug)
    targets = program.response_targets
    return replace(
        way,
        channel=_channel_name(channel),
        link=button if is_open else None,
        note=button.note if button else None,
        instructions=md_or_none(channel.instructions) if is_open else None,
        next_steps=NEXT_STEPS["issues" if channel.takes_issues else channel.kind],
        targets=Targets(targets.first_response_days, targets.triage_days, targets.bounty_days),
        policy=policies.get(program.disclosure_policy),
    )


def _channel_name(channel: Channel) -> str:
    if channel.kind == "external" and (channel.url or "").startswith("mailto:"):
        return "By email, to the program's own mailbox"
    if channel.summary_only:
        return "A public issue on GitHub, with a non-hazardous summary only"
    return CHANNEL_NAMES[channel.kind]
