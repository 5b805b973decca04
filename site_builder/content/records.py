"""The smaller content types: disclosure policies, hunters, invitations, featured challenges,
rules front matter and site settings."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from .base import Record
from .types import Day, Email, Handle, Line, PlainLine, Repository, Slug, Tag, Text, Url


class Contact(Record):
    """A monitored contact: at least one of email or url."""

    email: Email | None = Field(None, description="Monitored address for questions and reports.")
    url: Url | None = Field(None, description="Monitored web form or page.")
    monitored_by: Line | None = Field(None, description="Team or role that watches it.")


class PrivateChannel(Record):
    """Where hazardous details go instead of a public issue: at least one of email or url."""

    email: Email | None = Field(None, description="Encrypted or private mailbox.")
    url: Url | None = Field(None, description="Private form or security-advisory page.")
    instructions: Text | None = Field(None, description="How to use it (Markdown).")

    @property
    def address(self) -> str | None:
        """What to name when telling a hunter where to go: the email, else the URL."""
        return self.email or self.url


class Policy(Record):
    """A disclosure policy, shared between programs. File: programs/_policies/<id>.yml."""

    name: Line = Field(description="Policy name.")
    model: Literal["coordinated", "non-disclosure", "full"] = Field(
        description="coordinated: published after an embargo; non-disclosure: never published; "
        "full: published as soon as accepted (embargo_days 0)."
    )
    embargo_days: int = Field(ge=0, le=3650, description="Days from acceptance to publication.")
    extension: Text | None = Field(None, description="When and how the embargo may be extended.")
    early_release: Text | None = Field(None, description="When a finding may be published early.")
    published_parts: Text = Field(
        description="What gets published (e.g. summary and impact, never reproduction steps)."
    )
    safe_harbor: Text = Field(description="Safe-harbor commitment to hunters (Markdown).")
    private_channel: PrivateChannel = Field(description="Private reporting channel.")


class Link(Record):
    label: Line
    url: Url


class LeaderboardPreference(Record):
    show: Literal["name", "alias", "hidden"] = Field(
        "name", description="name: display name; alias: the alias below; hidden: left off."
    )
    alias: Line | None = Field(None, description="Shown instead of the name (show: alias).")


class Hunter(Record):
    """A hunter's public profile. File: programs/_hunters/<handle>.yml."""

    handle: Handle = Field(description="GitHub handle; must equal the file name.")
    name: Line = Field(description="Display name.")
    bio: Text | None = Field(None, description="Short profile (Markdown).")
    links: list[Link] = Field(default_factory=list, description="Profile links.")
    skills: list[Tag] = Field(default_factory=list, description="Skills, for program matching.")
    leaderboard: LeaderboardPreference = Field(default_factory=LeaderboardPreference)


class AccessGrant(Record):
    kind: Line = Field(description="Extra access, e.g. activations, fine-tuning, an endpoint.")
    until: Day | None = Field(
        None, description="Last day of this access; absent: as long as the invitation."
    )


class Invitation(Record):
    hunter: Handle = Field(description="Invited hunter's handle.")
    since: Day = Field(description="First day of the invitation.")
    until: Day | None = Field(
        None, description="Last day; leave out for no expiry. An expired invitation stops counting."
    )
    access: list[AccessGrant] = Field(
        default_factory=list, description="Extra access this hunter holds, each with an expiry."
    )

    def active(self, day: date) -> bool:
        """Whether the invitation counts on `day` (an expired one stops counting)."""
        return self.since <= day and (self.until is None or day <= self.until)


class Invitations(Record):
    """Who may take part in an invite-only program. File: programs/<slug>/invitations.yml.
    Never published."""

    invited: list[Invitation] = Field(default_factory=list)


class Challenge(Record):
    """A challenge posted elsewhere, featured on the site. File: programs/_challenges/<id>.yml."""

    title: Line
    host: Line = Field(description="Who runs it.")
    url: Url
    deadline: Day | None = Field(None, description="Closing date; past ones are shown closed.")
    prize: Line | None = Field(None, description="Prize, as the host states it.")
    tags: list[Tag] = Field(default_factory=list)
    summary: Text | None = None


class RulesPage(Record):
    """Front matter of programs/<slug>/rules.md."""

    title: Line = Field("Rules", description="Page title.")
    updated: Day | None = Field(None, description="Date the rules last changed.")


class ContentRepository(Record):
    """The repository that holds programs/. Its visibility is stated, never assumed: a wrong
    `public: false` would let embargoed findings be committed where anyone can read them."""

    url: Url | None = Field(None, description="Where the content lives.")
    public: bool = Field(
        description="Required: true if anyone can read the repository: then no finding may be "
        "stored before it is disclosable, and no invitations.yml. It must be true when `url` is "
        "the github.com address of the site's `repository` and programs take public issues "
        "there (a repository with public issues is public)."
    )


class Operator(Record):
    """Who runs the site, for the About page and the footer."""

    name: Line = Field(description="Person, team or organization that runs the site.")
    url: Url | None = Field(None, description="Their home page.")
    about: Text | None = Field(
        None, description="A few sentences on who they are and why they run it (Markdown)."
    )


class Settings(Record):
    """Site-wide settings. File: programs/site.yml."""

    format: Literal[1, 2] = Field(2, description="Content format version (2 is current).")
    title: PlainLine = Field(description="Site title (plain text: no < > \" ' or `).")
    operator: Operator | None = Field(
        None, description="Who runs the site (About page, footer); default: the site title."
    )
    demonstration: bool = Field(
        False,
        description="true only for fictional example content: placeholder addresses "
        "(example.org) are then allowed, and every page says the content is fictional.",
    )
    description: Text = Field(description="What the site is, for the home page and feeds.")
    base_url: Url = Field(description="Public URL the site is served from.")
    contact: Contact = Field(description="Contact for the site itself (security.txt).")
    repository: Repository | None = Field(None, description="owner/name of the GitHub repository.")
    intake_repository: Repository | None = Field(
        None,
        description="owner/name of a private repository (same owner as `repository`) that "
        "public submissions carrying hazardous details are moved to (docs/setups.md).",
    )
    content_repository: ContentRepository
    triagers: list[Handle] = Field(
        default_factory=list, description="Extra handles allowed to triage with bot commands."
    )
    language: Slug = Field("en", description="Site language code.")
    featured: list[Tag] = Field(default_factory=list, description="Tags highlighted on the home.")
