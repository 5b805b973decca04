"""Links hunters follow to submit: a program's GitHub issue form (GitHub's documented query
parameters `template` and `title`; the form itself selects the program and applies the labels),
GitHub's private vulnerability reporting, or an external platform."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from ..content.channels import Channel, private_reports_url
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


@dataclass(frozen=True)
class ChannelLink:
    """The Submit button of a program: what it says, where it goes, what to know first."""

    label: str
    href: str
    note: str


def channel_link(channel: Channel, program_slug: str) -> ChannelLink | None:
    """Where a program's Submit button points; None when its channel has no address yet."""
    if channel.kind == "external" and channel.url:
        label = "Email your report" if channel.url.startswith("mailto:") else "Submit a finding"
        return ChannelLink(label, channel.url, "Reports go to the program's own platform.")
    if channel.repository is None:
        return None
    if channel.kind == "private-reports":
        return ChannelLink(
            "Report privately",
            private_reports_url(channel.repository),
            "A private report on GitHub: only you and the program's maintainers can read it.",
        )
    url = submission_url(channel.repository, program_slug, channel.template)
    if channel.kind == "private-issues":
        return ChannelLink(
            "Submit a finding (invited hunters)",
            url,
            "Reports go to a private repository: its maintainers and every invited hunter can "
            "read them.",
        )
    if channel.summary_only:
        note = (
            "Reports are public GitHub issues that carry a non-hazardous summary only: the "
            "details go to the disclosure policy's private channel."
        )
    else:
        note = (
            "Reports are public GitHub issues: never include hazardous details; use the "
            "private channel of the disclosure policy for those."
        )
    return ChannelLink("Submit a finding", url, note)
