"""Links to a program's GitHub issue form (GitHub's documented query parameters: `template`
and `title`; the form itself selects the program and applies the labels)."""

from __future__ import annotations

from urllib.parse import urlencode

from .forms import form_name


def submission_url(
    repository: str,
    program_slug: str,
    template: str | None = None,
    server: str = "https://github.com",
) -> str:
    query = urlencode(
        {"template": template or form_name(program_slug), "title": f"[{program_slug}] "}
    )
    return f"{server}/{repository}/issues/new?{query}"


def application_url(repository: str, program_slug: str, server: str = "https://github.com") -> str:
    from .forms import apply_form_name

    query = urlencode(
        {"template": apply_form_name(program_slug), "title": f"[apply:{program_slug}] "}
    )
    return f"{server}/{repository}/issues/new?{query}"
