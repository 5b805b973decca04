"""Machine-readable outputs: JSON API with its schemas, Atom feeds, security.txt.

Every item comes from the same public views as the pages, so nothing private can appear here
that does not appear there."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta

from feedgen.feed import FeedGenerator
from pydantic import BaseModel, Field

from ..content.entries import FindingEntry
from ..content.redaction import public_summary
from ..content.taxonomy import TAXONOMY
from ..scoring.avid import AvidReport, avid_report
from . import paths
from .model import Asset
from .views import PublicSite

FEED_LIMIT = 50
SECURITY_TXT_DAYS = 180


class ApiProgram(BaseModel):
    slug: str
    name: str
    url: str
    organizer: str
    model: str
    status: str
    participation: str
    summary: str | None = Field(None, description="Absent for invite-only programs.")
    currency: str | None = None
    max_reward: int | None = None
    tags: list[str] = []


class ApiFinding(BaseModel):
    id: str
    title: str
    url: str
    program: str
    severity: str
    category: str
    category_label: str
    owasp_llm: str | None
    vrt: str | None
    status: str
    hunters: list[str] = Field(description="Public credit labels, as the hunters chose.")
    submitted: str
    disclosed: str
    fixed: str | None
    reward: int
    currency: str


def machine_assets(site: PublicSite, directory_urls: bool = True) -> list[Asset]:
    base = _base_url(site)
    programs = [_api_program(site, entry.slug, base, directory_urls) for entry in site.programs]
    findings = [_api_finding(site, entry, base, directory_urls) for entry in site.findings]
    assets = [
        Asset("api/programs.json", _json({"programs": [p.model_dump() for p in programs]})),
        Asset("api/findings.json", _json({"findings": [f.model_dump() for f in findings]})),
        Asset("api/findings-index.json", _findings_index(site, directory_urls)),
        Asset("api/leaderboards.json", _json(site.boards())),
        Asset("api/stats.json", _json(site.stats())),
        Asset(
            "api/findings.avid.json",
            _json(
                {
                    "reports": [
                        avid_report(
                            entry,
                            site.content,
                            base + paths.url_of(paths.finding(entry.id), directory_urls),
                            [site.credit(h).label for h in entry.finding.hunters],
                        ).model_dump()
                        for entry in site.findings
                    ]
                }
            ),
        ),
        Asset("api/avid-report.schema.json", _json(AvidReport.model_json_schema())),
        Asset("api/program.schema.json", _json(ApiProgram.model_json_schema())),
        Asset("api/finding.schema.json", _json(ApiFinding.model_json_schema())),
        Asset(
            "feeds/findings.xml",
            _feed(
                site,
                site.findings,
                base,
                "feeds/findings.xml",
                "Disclosed findings",
                directory_urls,
            ),
        ),
        Asset(".well-known/security.txt", _security_txt(site, base, directory_urls)),
    ]
    for entry in site.programs:
        if site.is_public_program(entry.slug):
            path = f"feeds/{entry.slug}.xml"
            assets.append(
                Asset(
                    path,
                    _feed(
                        site,
                        site.findings_by_program.get(entry.slug, []),
                        base,
                        path,
                        f"{entry.program.name}: findings",
                        directory_urls,
                    ),
                )
            )
    return assets


def _findings_index(site: PublicSite, directory_urls: bool) -> str:
    """Compact rows for the findings filters: [id, title, program, severity, category, year,
    disclosed, url from the site root], newest first, with the labels they need."""
    rows = [
        [
            f.id,
            f.finding.title,
            f.program_slug,
            f.finding.severity,
            f.finding.category,
            f.finding.disclose_on.year if f.finding.disclose_on else 0,
            f.finding.disclose_on.isoformat() if f.finding.disclose_on else "",
            paths.url_of(paths.finding(f.id), directory_urls),
        ]
        for f in site.findings
    ]
    programs = {p.slug: p.program.name for p in site.programs}
    categories = {key: info.label for key, info in TAXONOMY.items()}
    return (
        json.dumps(
            {"programs": programs, "categories": categories, "rows": rows},
            separators=(",", ":"),
            ensure_ascii=False,
        )
        + "\n"
    )


def _api_program(site: PublicSite, slug: str, base: str, directory_urls: bool) -> ApiProgram:
    program = site.content.programs[slug].program
    url = base + paths.url_of(paths.program(slug), directory_urls)
    if not site.is_public_program(slug):
        return ApiProgram(
            slug=slug,
            name=program.name,
            url=url,
            organizer=program.organizer.name,
            model=program.model,
            status=program.status,
            participation=program.participation,
        )
    return ApiProgram(
        slug=slug,
        name=program.name,
        url=url,
        organizer=program.organizer.name,
        model=program.model,
        status=program.status,
        participation=program.participation,
        summary=program.summary,
        currency=program.rewards.currency,
        max_reward=max((t.max for t in program.rewards.tiers.values()), default=0),
        tags=program.tags,
    )


def _api_finding(
    site: PublicSite, entry: FindingEntry, base: str, directory_urls: bool
) -> ApiFinding:
    finding = entry.finding
    info = TAXONOMY[finding.category]
    program = site.content.programs[entry.program_slug].program
    return ApiFinding(
        id=finding.id,
        title=finding.title,
        url=base + paths.url_of(paths.finding(finding.id), directory_urls),
        program=entry.program_slug,
        severity=finding.severity,
        category=finding.category,
        category_label=info.label,
        owasp_llm=info.owasp_llm,
        vrt=info.vrt,
        status=finding.status,
        hunters=[site.credit(h).label for h in finding.hunters],
        submitted=finding.submitted.isoformat(),
        disclosed=finding.disclose_on.isoformat() if finding.disclose_on else "",
        fixed=finding.fixed.isoformat() if finding.fixed else None,
        reward=finding.reward,
        currency=program.rewards.currency,
    )


def _feed(
    site: PublicSite,
    findings: list[FindingEntry],
    base: str,
    path: str,
    title: str,
    directory_urls: bool,
) -> str:
    settings = site.content.settings
    feed = FeedGenerator()
    feed.id(base + path)
    feed.title(f"{settings.title if settings else 'Bounties'}: {title}")
    feed.link(href=base + path, rel="self")
    feed.link(href=base, rel="alternate")
    feed.language(settings.language if settings else "en")
    feed.updated(_stamp(findings[0].finding.disclose_on if findings else site.as_of))
    for entry in reversed(findings[:FEED_LIMIT]):  # feedgen prepends; keep newest first
        finding = entry.finding
        url = base + paths.url_of(paths.finding(finding.id), directory_urls)
        item = feed.add_entry()
        item.id(url)
        item.title(finding.title)
        item.link(href=url)
        item.published(_stamp(finding.disclose_on))
        item.updated(_stamp(finding.disclose_on))
        item.summary(public_summary(entry.source.body, 500))
        item.category(term=finding.category, label=TAXONOMY[finding.category].label)
    return feed.atom_str(pretty=True).decode("utf-8")


def _security_txt(site: PublicSite, base: str, directory_urls: bool) -> str:
    settings = site.content.settings
    contact = settings.contact if settings else None
    lines = []
    if contact and contact.email:
        lines.append(f"Contact: mailto:{contact.email}")
    if contact and contact.url:
        lines.append(f"Contact: {contact.url}")
    expires = datetime.combine(site.as_of + timedelta(days=SECURITY_TXT_DAYS), time(), UTC)
    lines.append(f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append(f"Policy: {base}{paths.url_of(paths.POLICIES, directory_urls)}")
    lines.append(f"Canonical: {base}.well-known/security.txt")
    lines.append(f"Preferred-Languages: {settings.language if settings else 'en'}")
    return "\n".join(lines) + "\n"


def _stamp(day: object) -> datetime:
    assert day is not None
    return datetime.combine(day, time(), UTC)  # type: ignore[arg-type]


def _base_url(site: PublicSite) -> str:
    settings = site.content.settings
    base = settings.base_url if settings else "https://example.org/"
    return base if base.endswith("/") else base + "/"


def _json(data: object) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
