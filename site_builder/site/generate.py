"""Generate every public page from the content: a pure function of (content, as_of).

The pages themselves live in `pages/`, one module per part of the site; this module decides
which pages exist and in what order (the order of the navigation)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..content.entries import Content
from . import paths
from .exports import machine_assets
from .model import Asset, Page
from .pages.about import about_page
from .pages.boards import chart_pages, leaderboard_pages
from .pages.core import Build
from .pages.findings import finding_page, findings_index
from .pages.home import challenges_page, home_page, search_page
from .pages.how_to_submit import how_to_submit_page
from .pages.people import hunter_page, hunters_index
from .pages.policies import policies_index, policy_page
from .pages.programs import program_page, program_stub, programs_index, rules_page
from .render import plain_title
from .views import build_views


def generate_site(
    content: Content,
    as_of: date,
    directory_urls: bool = True,
    search: bool = True,
    own_about: bool = False,
) -> tuple[list[Page], list[Asset]]:
    """All pages and machine-readable files of the public site on `as_of`; without the search
    page when the site is built without search, and without the About page when the operator
    wrote their own (`own_about`)."""
    site = build_views(content, as_of)
    build = Build(site, directory_urls)
    pages = [*_section_pages(build, search, own_about), *_item_pages(build)]
    _refuse_shared_addresses(pages)
    return pages, machine_assets(site, directory_urls)


def _section_pages(build: Build, search: bool, own_about: bool) -> list[Page]:
    return [
        home_page(build),
        programs_index(build),
        how_to_submit_page(build),
        *findings_index(build),
        hunters_index(build),
        policies_index(build),
        challenges_page(build),
        *([search_page(build)] if search else []),
        *leaderboard_pages(build),
        *chart_pages(build),
        *([] if own_about else [about_page(build)]),
    ]


def _item_pages(build: Build) -> list[Page]:
    site = build.site
    pages = []
    for entry in site.programs:
        if site.is_public_program(entry.slug):
            pages += [program_page(build, entry), rules_page(build, entry)]
        else:
            pages.append(program_stub(build, entry))
    pages += [finding_page(build, entry) for entry in site.findings]
    pages += [hunter_page(build, h.key) for h in site.hunters if site.credit(h.key).page]
    pages += [policy_page(build, p.key, p.record) for p in site.policies]
    return pages


class SharedAddressError(RuntimeError):
    """Two generated pages have one address: validation should have refused the names."""


def _refuse_shared_addresses(pages: list[Page]) -> None:
    seen: dict[str, str] = {}
    for page in pages:
        address = paths.url_of(page.src_uri, True).casefold()
        if address in seen:
            raise SharedAddressError(f"{seen[address]} and {page.src_uri} would share /{address}")
        seen[address] = page.src_uri


def page_meta(page: Page) -> dict[str, Any]:
    """Metadata for the site engine: only keys we set, values safe in any template context."""
    meta: dict[str, Any] = {"title": plain_title(page.title)}
    if page.description:
        meta["description"] = plain_title(page.description)
    if not page.searchable:
        meta["search"] = {"exclude": True}
    if page.hide:
        meta["hide"] = list(page.hide)
    return meta
