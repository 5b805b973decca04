"""The JSON API under `api/`: programs, findings (full and as compact filter rows), boards,
stats and the AVID export, each with the JSON Schema of its items."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field

from ...content.entries import FindingEntry, ProgramEntry
from ...content.taxonomy import TAXONOMY
from .. import paths
from ..model import Asset
from ..views import PublicSite, reward_bounds
from .avid import AvidReport, avid_report
from .base import absolute_url, to_json


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


def api_assets(site: PublicSite, directory_urls: bool) -> list[Asset]:
    programs = [_api_program(site, entry, directory_urls) for entry in site.programs]
    findings = [_api_finding(site, entry, directory_urls) for entry in site.findings]
    reports = [_avid(site, entry, directory_urls) for entry in site.findings]
    return [
        Asset("api/programs.json", to_json({"programs": [p.model_dump() for p in programs]})),
        Asset("api/findings.json", to_json({"findings": [f.model_dump() for f in findings]})),
        Asset("api/findings-index.json", _findings_index(site, directory_urls)),
        Asset("api/leaderboards.json", to_json(site.boards())),
        Asset("api/stats.json", to_json(site.stats())),
        Asset("api/findings.avid.json", to_json({"reports": reports})),
        Asset("api/avid-report.schema.json", to_json(AvidReport.model_json_schema())),
        Asset("api/program.schema.json", to_json(ApiProgram.model_json_schema())),
        Asset("api/finding.schema.json", to_json(ApiFinding.model_json_schema())),
    ]


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


def _api_program(site: PublicSite, entry: ProgramEntry, directory_urls: bool) -> ApiProgram:
    program = entry.program
    listed: dict[str, Any] = {
        "slug": entry.slug,
        "name": program.name,
        "url": absolute_url(site, paths.program(entry.slug), directory_urls),
        "organizer": program.organizer.name,
        "model": program.model,
        "status": program.status,
        "participation": program.participation,
    }
    if not site.is_public_program(entry.slug):
        return ApiProgram(**listed)
    return ApiProgram(
        **listed,
        summary=program.summary,
        currency=program.rewards.currency,
        max_reward=reward_bounds(program)[1],
        tags=program.tags,
    )


def _api_finding(site: PublicSite, entry: FindingEntry, directory_urls: bool) -> ApiFinding:
    finding = entry.finding
    info = TAXONOMY[finding.category]
    program = site.content.programs[entry.program_slug].program
    return ApiFinding(
        id=finding.id,
        title=finding.title,
        url=absolute_url(site, paths.finding(finding.id), directory_urls),
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


def _avid(site: PublicSite, entry: FindingEntry, directory_urls: bool) -> dict[str, Any]:
    url = absolute_url(site, paths.finding(entry.id), directory_urls)
    labels = [site.credit(h).label for h in entry.finding.hunters]
    return avid_report(entry, site.content, url, labels).model_dump()
