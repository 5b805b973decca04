"""The Submit button of each channel (`channel_link`): what it says, where it goes and who can
read what the hunter sends. The notes are the hunter's only warning before writing, so they are
checked word for word."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from site_builder.content.channels import Channel
from site_builder.content.program import SubmitChannel
from site_builder.intake.links import ChannelLink, channel_link

ISSUE_FORM = (
    "https://github.com/test-org/intake/issues/new?template=submit-demo.yml&title=%5Bdemo%5D+"
)
PUBLIC_NOTE = (
    "Reports are public GitHub issues: never include hazardous details; use the private channel "
    "of the disclosure policy for those."
)
SUMMARY_ONLY_NOTE = (
    "Reports are public GitHub issues that carry a non-hazardous summary only: the details go "
    "to the disclosure policy's private channel."
)
INVITED_NOTE = (
    "Reports go to a private repository: its maintainers and every invited hunter can read them."
)
PRIVATE_REPORT_NOTE = (
    "A private report on GitHub: only you and the program's maintainers can read it."
)
PLATFORM_NOTE = "Reports go to the program's own platform."


def channel(
    kind: SubmitChannel,
    repository: str | None = "test-org/intake",
    template: str | None = None,
    url: str | None = None,
    summary_only: bool = False,
) -> Channel:
    return Channel(kind, repository, template, url, None, summary_only)


@pytest.mark.parametrize(
    ("given", "link"),
    [
        (channel("public-issues"), ChannelLink("Submit a finding", ISSUE_FORM, PUBLIC_NOTE)),
        (
            channel("public-issues", summary_only=True),
            ChannelLink("Submit a finding", ISSUE_FORM, SUMMARY_ONLY_NOTE),
        ),
        (
            channel("private-issues"),
            ChannelLink("Submit a finding (invited hunters)", ISSUE_FORM, INVITED_NOTE),
        ),
        (
            channel("private-reports"),
            ChannelLink(
                "Report privately",
                "https://github.com/test-org/intake/security/advisories/new",
                PRIVATE_REPORT_NOTE,
            ),
        ),
        (
            channel("external", None, url="https://h1.example/demo"),
            ChannelLink("Submit a finding", "https://h1.example/demo", PLATFORM_NOTE),
        ),
        (
            channel("external", None, url="mailto:reports@lab.example"),
            ChannelLink("Email your report", "mailto:reports@lab.example", PLATFORM_NOTE),
        ),
    ],
    ids=["public", "summary-only", "invited", "private-report", "platform", "mailbox"],
)
def test_each_channel_says_who_reads_the_report(given: Channel, link: ChannelLink) -> None:
    assert channel_link(given, "demo") == link


@pytest.mark.parametrize("kind", ["public-issues", "private-issues"])
def test_the_issue_button_opens_the_programs_own_template(kind: SubmitChannel) -> None:
    link = channel_link(channel(kind, template="custom.yml"), "demo")
    assert link is not None
    assert parse_qs(urlsplit(link.href).query)["template"] == ["custom.yml"]


@pytest.mark.parametrize(
    "given",
    [
        channel("public-issues", None),
        channel("private-issues", None),
        channel("private-reports", None),
        channel("external", None),
    ],
    ids=["public", "invited", "private-report", "platform"],
)
def test_a_channel_without_an_address_has_no_button(given: Channel) -> None:
    assert channel_link(given, "demo") is None
