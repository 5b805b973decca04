"""Atom feeds of disclosed findings: one for the site, one per public program."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from feedgen.feed import FeedGenerator

from ...content.entries import FindingEntry
from ...content.redaction import public_summary
from ...content.taxonomy import TAXONOMY
from .. import paths
from ..model import Asset
from ..views import PublicSite
from .base import absolute_url, base_url

FEED_LIMIT = 50


def feed_assets(site: PublicSite, directory_urls: bool) -> list[Asset]:
    feeds = [("feeds/findings.xml", "Disclosed findings", site.findings)]
    feeds += [
        (
            f"feeds/{entry.slug}.xml",
            f"{entry.program.name}: findings",
            site.findings_by_program.get(entry.slug, []),
        )
        for entry in site.programs
        if site.is_public_program(entry.slug)
    ]
    return [
        Asset(path, _feed(site, findings, path, title, directory_urls))
        for path, title, findings in feeds
    ]


def _feed(
    site: PublicSite, findings: list[FindingEntry], path: str, title: str, directory_urls: bool
) -> str:
    settings = site.content.settings
    base = base_url(site)
    feed = FeedGenerator()
    feed.id(base + path)
    feed.title(f"{settings.title if settings else 'Bounties'}: {title}")
    feed.link(href=base + path, rel="self")
    feed.link(href=base, rel="alternate")
    feed.language(settings.language if settings else "en")
    feed.updated(_stamp(findings[0].finding.disclose_on if findings else site.as_of))
    for entry in reversed(findings[:FEED_LIMIT]):  # feedgen prepends; keep newest first
        finding = entry.finding
        url = absolute_url(site, paths.finding(finding.id), directory_urls)
        item = feed.add_entry()
        item.id(url)
        item.title(finding.title)
        item.link(href=url)
        item.published(_stamp(finding.disclose_on))
        item.updated(_stamp(finding.disclose_on))
        item.summary(public_summary(entry.source.body, 500))
        item.category(term=finding.category, label=TAXONOMY[finding.category].label)
    return feed.atom_str(pretty=True).decode("utf-8")


def _stamp(day: date | None) -> datetime:
    assert day is not None  # only published findings, which all have a disclosure day
    return datetime.combine(day, time(), UTC)
