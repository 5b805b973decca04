"""Who runs the site and how it is made: the About page (operator, contact, how the site is
built and checked, what it never publishes, what the program models mean) and the frame the
theme puts around every page (the footer, and the banner of a site of fictional examples)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ...content.records import Settings
from .. import paths
from ..model import Page
from .core import Build, ContactView, Link, md_or_none, render
from .labels import PARTICIPATION, PROGRAM_MODELS, Label

UNTITLED = "AI-safety bounties"
# An About page the operator wrote in site_docs/ takes the place of the generated one.
HAND_WRITTEN_ABOUT = ("about.md", "about/index.md", "about/README.md")


@dataclass(frozen=True)
class OperatorView:
    name: str
    url: str | None
    about: Markup | None


@dataclass(frozen=True)
class AboutLinks:
    how_to_submit: str
    programs: str
    policies: str
    repository: Link | None  # the site's GitHub repository
    content: str | None  # the content repository, only when anyone may read it


@dataclass(frozen=True)
class AboutView:
    operator: OperatorView
    contact: ContactView
    demonstration: bool
    content_is_private: bool
    links: AboutLinks
    models: tuple[Label, ...]
    participation: tuple[Label, ...]


def about_page(build: Build) -> Page:
    settings = build.content.settings
    link = build.linker(paths.ABOUT)
    repository = settings.repository if settings else None
    content_repository = settings.content_repository if settings else None
    public_content = content_repository is not None and content_repository.public
    view = AboutView(
        operator=_operator(settings),
        contact=_contact(settings),
        demonstration=bool(settings and settings.demonstration),
        content_is_private=not public_content,
        links=AboutLinks(
            how_to_submit=link.href(paths.HOW_TO_SUBMIT),
            programs=link.href(paths.PROGRAMS),
            policies=link.href(paths.POLICIES),
            repository=Link(f"https://github.com/{repository}", repository) if repository else None,
            content=content_repository.url if content_repository and public_content else None,
        ),
        models=PROGRAM_MODELS,
        participation=PARTICIPATION,
    )
    description = f"Who runs {_title(settings)}, how it is made, and what it never publishes."
    return Page(
        paths.ABOUT, "About", render("about.html.j2", a=view), description=description, in_nav=True
    )


def _title(settings: Settings | None) -> str:
    return settings.title if settings else UNTITLED


def _operator(settings: Settings | None) -> OperatorView:
    """Who runs the site; without `operator:` in site.yml, the site itself (its title)."""
    operator = settings.operator if settings else None
    if operator is None:
        return OperatorView(_title(settings), None, None)
    return OperatorView(operator.name, operator.url, md_or_none(operator.about))


def _contact(settings: Settings | None) -> ContactView:
    if settings is None:
        return ContactView(None, None, None)
    contact = settings.contact
    return ContactView(contact.email, contact.url, contact.monitored_by)


def hand_written_about(docs_dir: Path) -> str | None:
    """The operator's own About page in `docs_dir` (its path there), if they wrote one: it is
    published instead of the generated page, at the same address."""
    return next((name for name in HAND_WRITTEN_ABOUT if (docs_dir / name).is_file()), None)


@dataclass(frozen=True)
class Frame:
    """What the theme shows around every page: who runs the site and how to reach them (the
    footer), and whether the content is fictional (a banner). Addresses are relative to the
    site root, for the theme's `url` filter."""

    operator: str
    operator_url: str | None
    contact_email: str | None
    contact_url: str | None
    about: str
    how_to_submit: str
    demonstration: bool


def page_frame(settings: Settings | None, directory_urls: bool) -> Frame:
    operator = _operator(settings)
    contact = _contact(settings)
    return Frame(
        operator=operator.name,
        operator_url=operator.url,
        contact_email=contact.email,
        contact_url=contact.url,
        about=paths.url_of(paths.ABOUT, directory_urls),
        how_to_submit=paths.url_of(paths.HOW_TO_SUBMIT, directory_urls),
        demonstration=bool(settings and settings.demonstration),
    )
