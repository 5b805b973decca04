"""Disclosure policies: the index, one page per policy a public program uses, and the policy
summary that program pages repeat."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...content.records import Policy
from .. import paths
from ..model import Page
from .core import Build, Link, days, index_page, md, md_or_none, render


@dataclass(frozen=True)
class PolicyView:
    name: str
    plain: str
    never_publishes: bool  # pages say so instead of "nothing disclosed yet"
    published_parts: Markup
    extension: Markup | None
    early_release: Markup | None
    safe_harbor: Markup
    channel_email: str | None
    channel_url: str | None


@dataclass(frozen=True)
class PolicyLink:
    href: str
    name: str
    plain: str


@dataclass(frozen=True)
class PolicyPage:
    policy: PolicyView
    programs: list[Link]  # the public programs using it
    channel_instructions: Markup | None


def plain_words(policy: Policy) -> str:
    """The policy in one sentence."""
    if policy.model == "non-disclosure":
        return "Findings are never published."
    if policy.model == "full" or policy.embargo_days == 0:
        return "Findings are published as soon as they are accepted."
    return (
        f"Coordinated disclosure: accepted findings are published {days(policy.embargo_days)} "
        "after acceptance, unless the embargo is extended."
    )


def policy_view(policy: Policy) -> PolicyView:
    channel = policy.private_channel
    return PolicyView(
        name=policy.name,
        plain=plain_words(policy),
        never_publishes=policy.model == "non-disclosure",
        published_parts=md(policy.published_parts),
        extension=md_or_none(policy.extension),
        early_release=md_or_none(policy.early_release),
        safe_harbor=md(policy.safe_harbor),
        channel_email=channel.email,
        channel_url=channel.url,
    )


def policies_index(build: Build) -> Page:
    link = build.linker(paths.POLICIES)
    rows = [
        PolicyLink(link.href(paths.policy(p.key)), p.record.name, plain_words(p.record))
        for p in build.site.policies
    ]
    return index_page(
        paths.POLICIES,
        "Disclosure policies",
        "policies.html.j2",
        "How and when findings are published.",
        policies=rows,
    )


def policy_page(build: Build, key: str, record: Policy) -> Page:
    src = paths.policy(key)
    link = build.linker(src)
    programs = [
        Link(link.href(paths.program(p.slug)), p.program.name)
        for p in build.public_programs()
        if p.program.disclosure_policy == key
    ]
    view = policy_view(record)
    page = PolicyPage(view, programs, md_or_none(record.private_channel.instructions))
    return Page(src, record.name, render("policy.html.j2", p=page), description=view.plain)
