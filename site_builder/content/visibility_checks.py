"""`content_repository.public` must tell the truth: it decides whether findings that may not be
published yet can be committed. A repository where hunters file public issues is public, so a
content repository that is the site's repository and takes public issues cannot be private."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .channels import channel_of, same_repository
from .entries import Content, ProgramEntry
from .locate import problem_at
from .problems import Problem

_GITHUB_URL = re.compile(
    r"https?://(?:www\.)?github\.com/(?P<owner>[A-Za-z0-9_.-]+)/(?P<name>[A-Za-z0-9_.-]+?)"
    r"(?:\.git)?(?:[/?#].*)?",
    re.IGNORECASE,
)


def check_repository_visibility(content: Content) -> Iterator[Problem]:
    """An error when `public: false` names the site's GitHub repository while programs take
    public issues there (a paused or closed program's issues stay readable too)."""
    settings, source = content.settings, content.settings_source
    if settings is None or source is None or settings.content_repository.public:
        return
    repository = settings.repository
    if not same_repository(github_repository(settings.content_repository.url), repository):
        return
    takers = [
        slug
        for slug, entry in sorted(content.programs.items())
        if entry.program.status != "draft" and _public_issues_in(entry, content, repository)
    ]
    if takers:
        yield problem_at(
            source,
            ("content_repository", "public"),
            f"this content repository is {repository}, where {_programs(takers)} public "
            "issues: anyone can read it, so public must be true",
            hint="set public: true (then a finding is committed only once it may be "
            "published); if the repository is private, nobody outside can file issues in it: "
            "take public issues in a public repository (`repository`, or the program's "
            "submit.repository)",
        )


def github_repository(url: str | None) -> str | None:
    """owner/name of a github.com repository URL (a .git suffix, path or fragment allowed)."""
    match = _GITHUB_URL.fullmatch(url.strip()) if url else None
    return f"{match['owner']}/{match['name']}" if match else None


def _public_issues_in(entry: ProgramEntry, content: Content, repository: str | None) -> bool:
    channel = channel_of(entry, content)
    return channel.is_public and same_repository(channel.repository, repository)


def _programs(slugs: list[str]) -> str:
    if len(slugs) == 1:
        return f"program {slugs[0]} takes"
    return f"programs {', '.join(slugs)} take"
