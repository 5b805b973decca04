"""Links to GitHub's issue form, pre-filled for a program (GitHub's documented query
parameters: `template`, `title`, and `<field-id>` for text fields)."""

from __future__ import annotations

from urllib.parse import urlencode

PROGRAM_FIELD_ID = "program"
DEFAULT_TEMPLATE = "submission.yml"


def submission_url(
    repository: str, template: str, program_slug: str, server: str = "https://github.com"
) -> str:
    query = urlencode(
        {
            "template": template,
            "title": f"[{program_slug}] ",
            PROGRAM_FIELD_ID: program_slug,
            "labels": "submission",
        }
    )
    return f"{server}/{repository}/issues/new?{query}"
