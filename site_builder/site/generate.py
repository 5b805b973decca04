"""Generate every public page from the content: a pure function of (content, as_of)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import jinja2
from markupsafe import Markup

from ..content.entries import Content, FindingEntry, ProgramEntry
from ..content.program import Program
from ..content.records import Policy
from ..content.redaction import redact
from ..content.taxonomy import TAXONOMY
from ..content.types import SEVERITIES
from ..intake.links import application_url, submission_url
from ..scoring.charts import charts_for
from ..scoring.matching import programs_for_hunter, similar_programs
from ..scoring.metrics import summary
from . import paths
from .machine import machine_assets
from .model import Asset, Page
from .render import markdown_to_safe_html, plain_title
from .views import PublicSite, build_views


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

LATEST_ON_HOME = 10
FINDINGS_PER_PAGE = 100
LATEST_ON_PROFILE = 50


def generate_site(
    content: Content, as_of: date, directory_urls: bool = True
) -> tuple[list[Page], list[Asset]]:
    """All pages and machine-readable files of the public site on `as_of`."""
    site = build_views(content, as_of)
    gen = _Generator(site, directory_urls)
    pages = gen.pages()
    _refuse_shared_addresses(pages)
    return pages, machine_assets(site, directory_urls)


class SharedAddressError(RuntimeError):
    """Two generated pages have one address: validation should have refused the names."""


def _refuse_shared_addresses(pages: list[Page]) -> None:
    seen: dict[str, str] = {}
    for page in pages:
        address = paths.url_of(page.src_uri, True).casefold()
        if address in seen:
            raise SharedAddressError(f"{seen[address]} and {page.src_uri} would share /{address}")
        seen[address] = page.src_uri


class _Generator:
    def __init__(self, site: PublicSite, directory_urls: bool):
        self.site = site
        self.content = site.content
        self.directory_urls = directory_urls
        settings = self.content.settings
        self.repository = settings.repository if settings else None

    def pages(self) -> list[Page]:
        pages = [
            self.home(),
            self.programs_index(),
            *self.findings_index(),
            self.hunters_index(),
            self.policies_index(),
            self.challenges(),
            self.search(),
            *self.leaderboards(),
            *self.charts(),
        ]
        for entry in self.site.programs:
            if self.site.is_public_program(entry.slug):
                pages.append(self.program(entry))
                pages.append(self.rules(entry))
            else:
                pages.append(self.program_stub(entry))
        pages.extend(self.finding(entry) for entry in self.site.findings)
        pages.extend(self.hunter(h.key) for h in self.site.hunters if self.site.credit(h.key).page)
        pages.extend(self.policy(p.key, p.record) for p in self.site.policies)
        return pages

    # -- pages ------------------------------------------------------------------------------

    def home(self) -> Page:
        link = self._linker(paths.HOME)
        settings = self.content.settings
        listed = self.site.programs
        open_cards = [self._card(p, link) for p in listed if p.program.status == "open"]
        paid = _sum_by_currency(
            (self._program(f).rewards.currency, f.finding.reward) for f in self.site.findings
        )
        stats = {
            "open_programs": len(open_cards),
            "disclosed": len(self.site.findings),
            "hunters": len({h for f in self.site.findings for h in f.finding.hunters}),
            "paid": paid or "0",
        }
        body = self._render(
            "home.html.j2",
            paths.HOME,
            description=_md(settings.description if settings else ""),
            stats=stats,
            open_programs=open_cards,
            latest=[self._row(f, link) for f in self.site.findings[:LATEST_ON_HOME]],
            challenges=[self._challenge(c.record) for c in self._open_challenges()],
            links={
                "programs": link.href(paths.PROGRAMS),
                "findings": link.href(paths.FINDINGS),
                "feed": link.asset("feeds/findings.xml"),
            },
        )
        title = settings.title if settings else "AI-safety bounties"
        return Page(
            paths.HOME,
            title,
            body,
            description=settings.description if settings else "",
            in_nav=True,
        )

    def programs_index(self) -> Page:
        link = self._linker(paths.PROGRAMS)
        cards = [self._card(p, link) for p in self.site.programs]
        facets = {
            "model": sorted({c["model"] for c in cards}),
            "status": sorted({c["status"] for c in cards}),
            "participation": sorted({c["participation"] for c in cards}),
            "tags": sorted({t for c in cards for t in c["tags"]}),
        }
        body = self._render("programs.html.j2", paths.PROGRAMS, programs=cards, facets=facets)
        return Page(
            paths.PROGRAMS,
            "Programs",
            body,
            description="Every AI-safety bounty program on this site.",
            in_nav=True,
        )

    def findings_index(self) -> list[Page]:
        """The index in pages of FINDINGS_PER_PAGE rows, so no page grows with the site; the
        filters work over every finding through api/findings-index.json."""
        names = {p.slug: p.program.name for p in self.site.programs}
        findings = self.site.findings
        facets = {
            "program": sorted(
                {(f.program_slug, names[f.program_slug]) for f in findings},
                key=lambda pair: pair[1].lower(),
            ),
            "severity": [s for s in SEVERITIES if any(f.finding.severity == s for f in findings)],
            "category": sorted(
                {(f.finding.category, TAXONOMY[f.finding.category].label) for f in findings},
                key=lambda pair: pair[1],
            ),
            "year": sorted(
                {f.finding.disclose_on.year for f in findings if f.finding.disclose_on},
                reverse=True,
            ),
        }
        chunks = [
            findings[i : i + FINDINGS_PER_PAGE] for i in range(0, len(findings), FINDINGS_PER_PAGE)
        ] or [[]]
        pages = []
        for number, chunk in enumerate(chunks, start=1):
            src = paths.findings_page(number)
            link = self._linker(src)
            pager = [
                {"number": n, "href": link.href(paths.findings_page(n)), "current": n == number}
                for n in range(1, len(chunks) + 1)
            ]
            body = self._render(
                "findings.html.j2",
                src,
                rows=[self._row(f, link) for f in chunk],
                facets=facets,
                count=len(findings),
                pager=pager if len(chunks) > 1 else [],
                complete=len(chunks) == 1,
                first=(number - 1) * FINDINGS_PER_PAGE + 1,
                links={
                    "json": link.asset("api/findings.json"),
                    "index": link.asset("api/findings-index.json"),
                    "root": link.asset("") if link.asset("") != "./" else "",
                    "feed": link.asset("feeds/findings.xml"),
                },
            )
            title = "Disclosed findings" if number == 1 else f"Disclosed findings, page {number}"
            pages.append(
                Page(
                    src,
                    title,
                    body,
                    in_nav=number == 1,
                    description="Findings that have passed their embargo.",
                )
            )
        return pages

    def program(self, entry: ProgramEntry) -> Page:
        src = paths.program(entry.slug)
        link = self._linker(src)
        program = entry.program
        policy = self.content.policies[program.disclosure_policy].record
        findings = self.site.findings_by_program.get(entry.slug, [])
        more = {
            "count": len(findings),
            "shown": min(len(findings), LATEST_ON_PROFILE),
            "href": link.href(paths.FINDINGS) + "?program=" + entry.slug,
        }
        body = self._render(
            "program.html.j2",
            src,
            p=self._program_view(entry),
            banners=self._banners(entry),
            policy=_policy_view(policy),
            submit_url=self._submit_url(entry),
            findings=[self._row(f, link) for f in findings[:LATEST_ON_PROFILE]],
            more=more,
            record=_record(summary(self.site.findings, self.content, entry.slug)),
            thresholds=_thresholds(program, findings),
            panel=_panel(program),
            similar=_match_links(similar_programs(entry, self.site.programs), link),
            links={
                "rules": link.href(paths.rules(entry.slug)),
                "policy": link.href(paths.policy(program.disclosure_policy)),
            },
        )
        return Page(src, program.name, body, description=program.summary)

    def program_stub(self, entry: ProgramEntry) -> Page:
        src = paths.program(entry.slug)
        program = entry.program
        view = {
            "organizer": program.organizer.name,
            "status": program.status,
            "apply": _md(program.apply or ""),
        }
        apply_url = (
            application_url(self.repository, entry.slug)
            if self.repository and program.status == "open"
            else None
        )
        body = self._render("program_stub.html.j2", src, p=view, apply_url=apply_url)
        return Page(
            src,
            program.name,
            body,
            description=f"An invite-only program run by {program.organizer.name}.",
        )

    def rules(self, entry: ProgramEntry) -> Page:
        src = paths.rules(entry.slug)
        link = self._linker(src)
        rules = entry.rules
        text = rules.source.body if rules else "The organizer has not published rules yet."
        title = rules.page.title if rules else "Rules"
        body = self._render(
            "rules.html.j2",
            src,
            rules=_md(text),
            program_name=entry.program.name,
            updated=rules.page.updated if rules else None,
            links={"program": link.href(paths.program(entry.slug))},
        )
        return Page(src, f"{title}: {entry.program.name}", body)

    def finding(self, entry: FindingEntry) -> Page:
        src = paths.finding(entry.id)
        link = self._linker(src)
        finding = entry.finding
        program = self._program(entry)
        original = None
        if finding.duplicate_of:
            found = next(
                (
                    f
                    for f in self.site.findings_by_program.get(entry.program_slug, [])
                    if f.id == finding.duplicate_of
                ),
                None,
            )
            if found:
                original = {
                    "href": link.href(paths.finding(found.id)),
                    "title": found.finding.title,
                }
        view = {
            "id": finding.id,
            "severity": finding.severity,
            "status": finding.status,
            "category_label": TAXONOMY[finding.category].label,
            "program_href": link.href(paths.program(entry.program_slug)),
            "program_name": program.name,
            "credits": [self._credit(h, link) for h in finding.hunters],
            "reward": _money(finding.reward, program.rewards.currency)
            if finding.reward
            else "none",
            "affected": finding.affected,
            "duplicate_of": original,
            "timeline": _timeline(entry),
            "writeup": _md(entry.source.body),
            "threshold": _threshold_claim(program, finding),
            "panel": _panel_decision(finding),
        }
        body = self._render("finding.html.j2", src, f=view)
        return Page(
            src,
            finding.title,
            body,
            description=f"{finding.severity} {TAXONOMY[finding.category].label} finding "
            f"in {program.name}",
        )

    def hunters_index(self) -> Page:
        link = self._linker(paths.HUNTERS)
        rows = []
        for entry in self.site.hunters:
            credit = self.site.credit(entry.key)
            if credit.page is None:
                continue
            rows.append(
                {
                    "href": link.href(paths.hunter(credit.page)),
                    "label": credit.label,
                    "count": len(self.site.findings_by_hunter.get(entry.key, [])),
                    "skills": entry.record.skills,
                }
            )
        body = self._render("hunters.html.j2", paths.HUNTERS, hunters=rows)
        return Page(
            paths.HUNTERS,
            "Hunters",
            body,
            in_nav=True,
            description="People credited with disclosed findings.",
        )

    def hunter(self, handle: str) -> Page:
        credit = self.site.credit(handle)
        assert credit.page is not None
        src = paths.hunter(credit.page)
        link = self._linker(src)
        record = self.content.hunters[handle].record
        findings = self.site.findings_by_hunter.get(handle, [])
        aliased = record.leaderboard.show == "alias"
        view = {
            "bio": None if aliased else _md(record.bio or "") if record.bio else None,
            "links": [] if aliased else record.links,
            "skills": record.skills,
            "count": len(findings),
            "rewards": _sum_by_currency(
                (
                    self._program(f).rewards.currency,
                    _share(f.finding.reward, len(f.finding.hunters)),
                )
                for f in findings
            )
            or "0",
            "findings": [self._row(f, link) for f in findings[:LATEST_ON_PROFILE]],
            "more": len(findings) - min(len(findings), LATEST_ON_PROFILE),
            "matches": _match_links(programs_for_hunter(record.skills, self.site.programs), link),
        }
        body = self._render("hunter.html.j2", src, h=view)
        return Page(src, credit.label, body, description=f"Hunter profile: {credit.label}")

    def policies_index(self) -> Page:
        link = self._linker(paths.POLICIES)
        rows = [
            {
                "href": link.href(paths.policy(p.key)),
                "name": p.record.name,
                "plain": _policy_view(p.record)["plain"],
            }
            for p in self.site.policies
        ]
        body = self._render("policies.html.j2", paths.POLICIES, policies=rows)
        return Page(
            paths.POLICIES,
            "Disclosure policies",
            body,
            in_nav=True,
            description="How and when findings are published.",
        )

    def policy(self, key: str, record: Policy) -> Page:
        src = paths.policy(key)
        link = self._linker(src)
        programs = [
            {"href": link.href(paths.program(p.slug)), "name": p.program.name}
            for p in self.site.programs
            if p.program.disclosure_policy == key and self.site.is_public_program(p.slug)
        ]
        view = {
            **_policy_view(record),
            "programs": programs,
            "channel_instructions": _md(record.private_channel.instructions or "")
            if record.private_channel.instructions
            else None,
        }
        body = self._render("policy.html.j2", src, p=view)
        return Page(src, record.name, body, description=view["plain"])

    def challenges(self) -> Page:
        items = [
            self._challenge(c.record)
            for c in sorted(
                self.content.challenges.values(),
                key=lambda c: (c.record.deadline or date.max, c.record.title),
            )
        ]
        groups = [
            ("Open", [c for c in items if not c["closed"]]),
            ("Closed", [c for c in items if c["closed"]]),
        ]
        body = self._render("challenges.html.j2", paths.CHALLENGES, groups=groups)
        return Page(
            paths.CHALLENGES,
            "Featured challenges",
            body,
            in_nav=True,
            description="Challenges posted elsewhere.",
        )

    def leaderboards(self) -> list[Page]:
        """The overall board, then one per public program (not in the nav)."""
        public = [p for p in self.site.programs if self.site.is_public_program(p.slug)]
        pages = [self._leaderboard(None, "Leaderboard", public)]
        pages += [self._leaderboard(p.slug, f"Leaderboard: {p.program.name}", []) for p in public]
        return pages

    def _leaderboard(self, slug: str | None, title: str, programs: list[ProgramEntry]) -> Page:
        src = paths.leaderboard(slug)
        link = self._linker(src)
        windows = []
        for key, window_title in (
            ("all", "All time"),
            ("year", f"{self.site.as_of.year}"),
            ("90d", "Last 90 days"),
        ):
            boards = []
            for by, by_label in (
                ("points", "points"),
                ("reward", "total reward"),
                ("count", "number of valid findings"),
            ):
                rows = self.site.boards()[slug or "overall"][key][by]
                boards.append(
                    {
                        "by": by,
                        "by_label": by_label,
                        "rows": [
                            {**row, "points": f"{row['points']:g}", "reward": f"{row['reward']:,g}"}
                            for row in rows
                        ],
                    }
                )
            windows.append({"key": key, "title": window_title, "boards": boards})
        scopes = [
            {"href": link.href(paths.leaderboard(p.slug)), "name": p.program.name} for p in programs
        ]
        body = self._render(
            "leaderboard.html.j2",
            src,
            windows=windows,
            scopes=scopes,
            as_of=self.site.as_of.isoformat(),
            links={"json": link.asset("api/leaderboards.json")},
        )
        return Page(
            src,
            title,
            body,
            in_nav=slug is None,
            searchable=False,
            description="Leaderboards computed from published findings.",
        )

    def charts(self) -> list[Page]:
        public = [p for p in self.site.programs if self.site.is_public_program(p.slug)]
        pages = [self._charts(None, "Charts", self.site.findings, public)]
        pages += [
            self._charts(
                p.slug,
                f"Charts: {p.program.name}",
                self.site.findings_by_program.get(p.slug, []),
                [],
            )
            for p in public
        ]
        return pages

    def _charts(
        self,
        slug: str | None,
        title: str,
        findings: list[FindingEntry],
        programs: list[ProgramEntry],
    ) -> Page:
        src = paths.charts(slug)
        link = self._linker(src)
        charts = []
        for chart in charts_for(findings, self.content, slug or "site"):
            header = "Month" if "month" in chart.key else chart.key.rsplit("-", 1)[1].title()
            charts.append(
                {
                    "title": chart.title,
                    "description": chart.description,
                    "unit": chart.unit,
                    "svg": Markup(chart.svg()),
                    "label_header": header,
                    "rows": [
                        (label, f"{value:,.0f}")
                        for label, value in zip(chart.labels, chart.values, strict=True)
                    ],
                }
            )
        scopes = [
            {"href": link.href(paths.charts(p.slug)), "name": p.program.name} for p in programs
        ]
        name = self.content.programs[slug].program.name if slug else None
        body = self._render(
            "charts.html.j2",
            src,
            charts=charts,
            scopes=scopes,
            program_name=name,
            as_of=self.site.as_of.isoformat(),
        )
        return Page(
            src,
            title,
            body,
            in_nav=slug is None,
            searchable=False,
            description="Charts of disclosed findings and rewards.",
        )

    def search(self) -> Page:
        link = self._linker(paths.SEARCH)
        body = self._render(
            "search.html.j2",
            paths.SEARCH,
            links={
                "css": link.asset("pagefind/pagefind-ui.css"),
                "js": link.asset("pagefind/pagefind-ui.js"),
                "bundle": link.asset("pagefind/"),
                "findings": link.href(paths.FINDINGS),
            },
        )
        return Page(
            paths.SEARCH,
            "Search",
            body,
            in_nav=True,
            searchable=False,
            description="Search programs and disclosed findings.",
        )

    # -- pieces -----------------------------------------------------------------------------

    def _render(self, template: str, src: str, **context: Any) -> str:
        return _env.get_template(template).render(**context)

    def _linker(self, src: str) -> paths.Linker:
        return paths.Linker(src, self.directory_urls)

    def _program(self, entry: FindingEntry) -> Program:
        return self.content.programs[entry.program_slug].program

    def _card(self, entry: ProgramEntry, link: paths.Linker) -> dict[str, Any]:
        program = entry.program
        public = self.site.is_public_program(entry.slug)
        tiers = program.rewards.tiers.values()
        top = max((t.max for t in tiers), default=0)
        low = min((t.min for t in tiers), default=0)
        return {
            "href": link.href(paths.program(entry.slug)),
            "name": program.name,
            "organizer": program.organizer.name,
            "model": program.model,
            "status": program.status,
            "participation": program.participation,
            "summary": program.summary if public else "",
            "tags": program.tags if public else [],
            "max_reward": top if public else 0,
            "reward_range": f"{_money(low, program.rewards.currency)} to "
            f"{_money(top, program.rewards.currency)}"
            if public
            else "",
            "start": program.duration.start.isoformat() if public else "",
        }

    def _row(self, entry: FindingEntry, link: paths.Linker) -> dict[str, Any]:
        finding = entry.finding
        assert finding.disclose_on is not None  # only published findings reach a row
        return {
            "href": link.href(paths.finding(entry.id)),
            "title": finding.title,
            "id": entry.id,
            "program_slug": entry.program_slug,
            "program_name": self._program(entry).name,
            "severity": finding.severity,
            "category": finding.category,
            "category_label": TAXONOMY[finding.category].label,
            "disclosed": finding.disclose_on.isoformat(),
            "year": finding.disclose_on.year,
        }

    def _credit(self, handle: str, link: paths.Linker) -> dict[str, Any]:
        credit = self.site.credit(handle)
        href = link.href(paths.hunter(credit.page)) if credit.page else None
        return {"label": credit.label, "href": href}

    def _program_view(self, entry: ProgramEntry) -> dict[str, Any]:
        program = entry.program
        currency = program.rewards.currency
        duration = program.duration
        when = (
            f"From {duration.start} to {duration.end}."
            if duration.end
            else f"Since {duration.start}, ongoing."
        )
        contact = program.organizer.contact
        return {
            "model": program.model,
            "status": program.status,
            "participation": program.participation,
            "summary": program.summary,
            "deployment_stage": program.deployment_stage,
            "organizer": program.organizer.name,
            "organizer_url": program.organizer.url,
            "duration": when,
            "targets": program.targets,
            "access_level": {
                "public-api": "public API",
                "private-api": "private API",
                "extended": "extended access",
            }[program.access.level],
            "extended": program.access.extended,
            "access_notes": _md(program.access.notes) if program.access.notes else None,
            "in_scope": program.scope.in_scope,
            "out_of_scope": program.scope.out_of_scope,
            "tiers": [
                {
                    "severity": s,
                    "points": t.points,
                    "range": f"{_money(t.min, currency)} to {_money(t.max, currency)}",
                }
                for s in SEVERITIES
                if (t := program.rewards.tiers.get(s))
            ],
            "pool": _money(program.rewards.pool, currency) if program.rewards.pool else None,
            "max_per_prize": _money(program.rewards.max_per_prize, currency)
            if program.rewards.max_per_prize
            else None,
            "prize_criteria": _md(program.prize_criteria),
            "contact_email": contact.email,
            "contact_url": contact.url,
            "monitored_by": contact.monitored_by,
            "targets_days": {
                "first_response": program.response_targets.first_response_days,
                "triage": program.response_targets.triage_days,
                "bounty": program.response_targets.bounty_days,
            },
            "risk_level": program.risk_review.level,
            "last_review": program.risk_review.last_review.isoformat(),
            "review_interval": program.risk_review.interval_days,
        }

    def _banners(self, entry: ProgramEntry) -> list[dict[str, str]]:
        program = entry.program
        banners = []
        if program.status == "open":
            banners.append(
                {"kind": "success", "title": "Open", "text": "This program accepts submissions."}
            )
        elif program.status == "paused" and program.pause:
            banners.append(
                {
                    "kind": "warning",
                    "title": f"Paused since {program.pause.since}",
                    "text": program.pause.reason,
                }
            )
        elif program.status == "closed":
            banners.append(
                {
                    "kind": "info",
                    "title": "Closed",
                    "text": "This program no longer accepts submissions.",
                }
            )
        overdue = self.site.review_overdue(entry)
        if overdue:
            banners.append(
                {
                    "kind": "danger",
                    "title": "Risk review overdue",
                    "text": f"The annual risk review was due on {overdue}.",
                }
            )
        return banners

    def _submit_url(self, entry: ProgramEntry) -> str | None:
        program = entry.program
        if program.status != "open":
            return None
        repository = program.submit.repository if program.submit else self.repository
        template = program.submit.template if program.submit else None
        return submission_url(repository, entry.slug, template) if repository else None

    def _open_challenges(self) -> list[Any]:
        return [
            c
            for c in self.content.challenges.values()
            if c.record.deadline is None or c.record.deadline >= self.site.as_of
        ]

    def _challenge(self, record: Any) -> dict[str, Any]:
        return {
            "title": record.title,
            "host": record.host,
            "url": record.url,
            "deadline": record.deadline.isoformat() if record.deadline else None,
            "closed": bool(record.deadline and record.deadline < self.site.as_of),
            "prize": record.prize,
            "tags": record.tags,
            "summary": _md(record.summary) if record.summary else None,
        }


def page_meta(page: Page) -> dict[str, Any]:
    """Metadata for the site engine: only keys we set, values safe in any template context."""
    meta: dict[str, Any] = {"title": plain_title(page.title)}
    if page.description:
        meta["description"] = plain_title(page.description)
    if not page.searchable:
        meta["search"] = {"exclude": True}
    return meta


def _md(text: str) -> Markup:
    """Contributed Markdown of any field: redacted sections cut, then rendered and sanitised."""
    return Markup(markdown_to_safe_html(redact(text)))


def _policy_view(policy: Policy) -> dict[str, Any]:
    if policy.model == "non-disclosure":
        plain = "Findings are never published."
    elif policy.model == "full" or policy.embargo_days == 0:
        plain = "Findings are published as soon as they are accepted."
    else:
        plain = (
            f"Coordinated disclosure: accepted findings are published {policy.embargo_days} "
            "days after acceptance, unless the embargo is extended."
        )
    channel = policy.private_channel
    return {
        "name": policy.name,
        "plain": plain,
        "published_parts": policy.published_parts,
        "extension": policy.extension,
        "early_release": policy.early_release,
        "safe_harbor": _md(policy.safe_harbor),
        "channel_email": channel.email,
        "channel_url": channel.url,
    }


def _timeline(entry: FindingEntry) -> list[dict[str, str]]:
    finding = entry.finding
    steps = [
        ("Submitted", finding.submitted),
        ("First response", finding.first_response),
        ("Triaged", finding.triaged),
        ("Accepted", finding.accepted),
        ("Fixed", finding.fixed),
        ("Rewarded", finding.rewarded),
        ("Disclosed", finding.disclose_on),
    ]
    return [{"label": label, "date": when.isoformat()} for label, when in steps if when]


def _thresholds(program: Program, findings: list[FindingEntry]) -> list[dict[str, Any]]:
    """Each threshold with how many published findings crossed it, and when first."""
    rows = []
    for threshold in program.thresholds:
        crossing = sorted(
            f.finding.disclose_on
            for f in findings
            if f.finding.threshold
            and f.finding.threshold.id == threshold.id
            and f.finding.disclose_on
        )
        evaluation = threshold.evaluation
        rows.append(
            {
                "id": threshold.id,
                "capability": threshold.capability,
                "evaluation": f"{evaluation.name} {evaluation.version} ({evaluation.harness})",
                "metric": threshold.metric,
                "direction": threshold.direction,
                "value": threshold.value,
                "count": len(crossing),
                "first": crossing[0].isoformat() if crossing else None,
            }
        )
    return rows


def _match_links(matches: list[Any], link: paths.Linker) -> list[dict[str, Any]]:
    return [
        {
            "href": link.href(paths.program(m.program.slug)),
            "name": m.program.program.name,
            "shared": m.shared,
        }
        for m in matches
    ]


def _threshold_claim(program: Program, finding: Any) -> dict[str, Any] | None:
    claim = finding.threshold
    threshold = next((t for t in program.thresholds if claim and t.id == claim.id), None)
    if claim is None or threshold is None:
        return None
    evaluation = threshold.evaluation
    return {
        "capability": threshold.capability,
        "measured": claim.measured,
        "metric": threshold.metric,
        "direction": threshold.direction,
        "value": threshold.value,
        "evaluation": f"{evaluation.name} {evaluation.version}",
    }


def _panel_decision(finding: Any) -> dict[str, Any] | None:
    decision = finding.panel_decision
    if decision is None:
        return None
    votes = list(decision.votes.values())
    scores = [v for member in decision.scores.values() for v in member.values()]
    return {
        "outcome": decision.outcome,
        "decided": decision.decided,
        "votes": votes,
        "tally": f"{votes.count('accept')} to accept, {votes.count('reject')} to reject",
        "mean": f"{sum(scores) / len(scores):.1f}" if scores else None,
        "rationale": _md(decision.rationale),
    }


def _panel(program: Program) -> dict[str, Any] | None:
    panel = program.panel
    if panel is None:
        return None
    rule = panel.decision
    words = (
        f"a majority of votes once {rule.quorum} members have voted"
        if rule.rule == "majority"
        else f"a mean score of at least {rule.bar} once {rule.quorum} members have scored"
    )
    return {"members": [f"@{m}" for m in panel.members], "rule": words, "criteria": panel.criteria}


_STEP_LABELS = {
    "first_response": "First response",
    "triage": "Triage",
    "bounty": "Bounty payment",
    "fix": "Fix",
    "disclosure": "Disclosure",
}


def _record(numbers: dict[str, Any]) -> dict[str, Any]:
    timings = [{**t, "label": _STEP_LABELS[t["step"]]} for t in numbers["timings"]]
    return {**numbers, "timings": timings}


def _money(amount: int | None, currency: str) -> str:
    return f"{amount or 0:,} {currency}"


def _share(amount: int, hunters: int) -> int:
    return amount // hunters if hunters else amount


def _sum_by_currency(pairs: Any) -> str:
    totals: dict[str, int] = {}
    for currency, amount in pairs:
        totals[currency] = totals.get(currency, 0) + amount
    return ", ".join(_money(v, k) for k, v in sorted(totals.items()) if v)
