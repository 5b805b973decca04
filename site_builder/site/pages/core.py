"""What every page module shares: the template environment, contributed Markdown made safe,
money formatting, the `Build` every page is made from, and the views that several pages show
(program cards, finding rows, hunter credits, links to programs)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import jinja2
from markupsafe import Markup

from ...content.entries import Content, FindingEntry, ProgramEntry
from ...content.program import Program
from ...content.redaction import redact
from ...content.taxonomy import TAXONOMY
from ...scoring.matching import Match
from .. import paths
from ..model import Page
from ..render import markdown_to_safe_html
from ..views import PublicSite, reward_bounds
from .labels import PROGRAM_MODELS, model_label, participation_label

LATEST_ON_PROFILE = 50


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


_env = jinja2.Environment(
    loader=jinja2.PackageLoader("site_builder.site", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
_env.filters["slug"] = _slug
# Program models and participation as visitors read them (one mapping: labels.py).
_env.filters["model_label"] = model_label
_env.filters["participation_label"] = participation_label
_env.globals["program_models"] = PROGRAM_MODELS


def days(count: int) -> str:
    """`1 day`, `0 days`, `14 days`: every count of days a page prints."""
    return f"{count} day" if count == 1 else f"{count} days"


_env.filters["days"] = days


def render(template: str, **context: Any) -> str:
    return _env.get_template(template).render(**context)


def md(text: str) -> Markup:
    """Contributed Markdown of any field: redacted sections cut, then rendered and sanitised."""
    return Markup(markdown_to_safe_html(redact(text)))


def md_inline(text: str) -> Markup:
    """Markdown for a line inside an element (a card's summary): one paragraph, unwrapped."""
    html = str(md(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def md_or_none(text: str | None) -> Markup | None:
    return md(text) if text else None


def amount_text(value: int | float | Fraction) -> str:
    """`1,234,567`, or with cents when a reward is shared (`333.33`, `7,500.50`)."""
    if isinstance(value, int):
        return f"{value:,}"
    cents = round(float(value), 2)
    if cents == int(cents):
        return f"{int(cents):,}"
    return f"{cents:,.2f}"


def money(amount: int | Fraction | None, currency: str) -> str:
    return f"{amount_text(amount or 0)} {currency}"


def sum_by_currency(pairs: Iterable[tuple[str, int | Fraction]]) -> str:
    totals: dict[str, int | Fraction] = {}
    for currency, amount in pairs:
        totals[currency] = totals.get(currency, 0) + amount
    return ", ".join(money(v, k) for k, v in sorted(totals.items()) if v)


@dataclass(frozen=True)
class Build:
    """The public views being turned into pages, and how page addresses are written."""

    site: PublicSite
    directory_urls: bool

    @property
    def content(self) -> Content:
        return self.site.content

    @property
    def repository(self) -> str | None:
        settings = self.content.settings
        return settings.repository if settings else None

    def linker(self, src: str) -> paths.Linker:
        return paths.Linker(src, self.directory_urls)

    def program_of(self, entry: FindingEntry) -> Program:
        return self.content.programs[entry.program_slug].program

    def public_programs(self) -> list[ProgramEntry]:
        return [p for p in self.site.programs if self.site.is_public_program(p.slug)]


def index_page(src: str, title: str, template: str, description: str, **context: Any) -> Page:
    """A section's front page: listed in the navigation, and not a search hit (its items have
    pages of their own, and those are the hits)."""
    body = render(template, **context)
    return Page(src, title, body, description=description, in_nav=True, searchable=False)


@dataclass(frozen=True)
class ContactView:
    """A monitored contact as pages show it (a program's, or the site's)."""

    email: str | None
    url: str | None
    monitored_by: str | None


@dataclass(frozen=True)
class ProgramCard:
    """A program as the home page and the programs index list it; invite-only programs show
    only their name, organizer, state and that they are invite-only (as their stub page)."""

    href: str
    name: str
    organizer: str
    model: str
    status: str
    participation: str
    summary: Markup | str
    tags: list[str]
    max_reward: int
    reward_range: str
    start: str


def program_card(build: Build, entry: ProgramEntry, link: paths.Linker) -> ProgramCard:
    program = entry.program
    public = build.site.is_public_program(entry.slug)
    low, top = reward_bounds(program)
    currency = program.rewards.currency
    return ProgramCard(
        href=link.href(paths.program(entry.slug)),
        name=program.name,
        organizer=program.organizer.name,
        model=program.model,
        status=program.status,
        participation=program.participation,
        summary=md_inline(program.summary) if public else invite_only_note(program.status),
        tags=program.tags if public else [],
        max_reward=top if public else 0,
        reward_range=f"{money(low, currency)} to {money(top, currency)}" if public else "",
        start=program.duration.start.isoformat() if public else "",
    )


def invite_only_note(status: str) -> str:
    """What an invite-only program's card says instead of its summary, which is not public."""
    hidden = "Its systems, scope and findings are not published."
    if status == "open":
        return f"Invite-only: apply on its page to take part. {hidden}"
    return f"Invite-only, not taking applications now. {hidden}"


@dataclass(frozen=True)
class FindingRow:
    """A published finding as a row of any findings table."""

    href: str
    title: str
    id: str
    program_slug: str
    program_name: str
    severity: str
    category: str
    category_label: str
    disclosed: str
    year: int


def finding_row(build: Build, entry: FindingEntry, link: paths.Linker) -> FindingRow:
    finding = entry.finding
    assert finding.disclose_on is not None  # only published findings reach a row
    return FindingRow(
        href=link.href(paths.finding(entry.id)),
        title=finding.title,
        id=entry.id,
        program_slug=entry.program_slug,
        program_name=build.program_of(entry).name,
        severity=finding.severity,
        category=finding.category,
        category_label=TAXONOMY[finding.category].label,
        disclosed=finding.disclose_on.isoformat(),
        year=finding.disclose_on.year,
    )


@dataclass(frozen=True)
class CreditLink:
    """A hunter as they chose to be credited, linked to their profile when they have one."""

    label: str
    href: str | None


def credit_link(build: Build, handle: str, link: paths.Linker) -> CreditLink:
    credit = build.site.credit(handle)
    return CreditLink(credit.label, link.href(paths.hunter(credit.page)) if credit.page else None)


@dataclass(frozen=True)
class Link:
    href: str
    name: str


@dataclass(frozen=True)
class ProgramLink:
    href: str
    name: str
    shared: tuple[str, ...]  # what the linked program has in common with the page's subject


def match_links(matches: list[Match], link: paths.Linker) -> list[ProgramLink]:
    return [
        ProgramLink(link.href(paths.program(m.program.slug)), m.program.program.name, m.shared)
        for m in matches
    ]
