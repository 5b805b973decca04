"""Where each generated page lives (its source path, as MkDocs sees it) and relative links
between them. MkDocs rewrites Markdown links itself; these helpers serve the HTML we write,
following MkDocs' own rule so links work with and without `use_directory_urls`."""

from __future__ import annotations

import posixpath
from urllib.parse import quote

HOME = "index.md"
PROGRAMS = "programs/index.md"
FINDINGS = "findings/index.md"
HUNTERS = "hunters/index.md"
POLICIES = "policies/index.md"
CHALLENGES = "challenges/index.md"
SEARCH = "search/index.md"
HOW_TO_SUBMIT = "how-to-submit/index.md"
ABOUT = "about/index.md"


def program(slug: str) -> str:
    return f"programs/{slug}/index.md"


def rules(slug: str) -> str:
    return f"programs/{slug}/rules.md"


def findings_page(number: int) -> str:
    return FINDINGS if number == 1 else f"findings/page/{number}.md"


def leaderboard(slug: str | None = None) -> str:
    return "leaderboard/index.md" if slug is None else f"leaderboard/{slug}.md"


def charts(slug: str | None = None) -> str:
    return "charts/index.md" if slug is None else f"charts/{slug}.md"


def finding(finding_id: str) -> str:
    return f"findings/{finding_id}.md"


def hunter(handle: str) -> str:
    return f"hunters/{handle}.md"


def policy(policy_id: str) -> str:
    return f"policies/{policy_id}.md"


def url_of(src_uri: str, directory_urls: bool) -> str:
    """The page's URL relative to the site root, as MkDocs computes it from its source path."""
    stem, _ = posixpath.splitext(src_uri)
    name = posixpath.basename(stem)
    folder = posixpath.dirname(stem)
    if name in ("index", "README"):
        if directory_urls:
            return f"{folder}/" if folder else ""
        return f"{folder}/index.html" if folder else "index.html"
    if directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


class Linker:
    """Relative hrefs from one page to others, so the site works from any base path."""

    def __init__(self, from_src: str, directory_urls: bool):
        self.directory_urls = directory_urls
        self.base = url_of(from_src, directory_urls)

    def href(self, target_src: str) -> str:
        return self.asset(url_of(target_src, self.directory_urls))

    def asset(self, target_url: str) -> str:
        """Relative href to a site-root-relative URL such as `api/findings.json`."""
        here = posixpath.dirname(self.base) if not self.base.endswith("/") else self.base
        target = target_url or "./"
        relative = posixpath.relpath("/" + target, "/" + (here.rstrip("/") or ""))
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        if relative == "./" or relative == "":
            relative = "./"
        return quote(relative, safe="/.-_~#?=&")
