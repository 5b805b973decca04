"""Submission channels (`submit:` in program.yml): the validator refuses every combination
that would put private things in public, and every field that means nothing for the channel."""

from __future__ import annotations

import pytest

from site_builder.content.channels import channel_of, covers_dangerous_capabilities
from tests.conftest import Tree, only

PUBLIC_HINT = "set submit.channel to private-issues"


def submit(tree: Tree, block: str, slug: str = "demo") -> None:
    tree.append(f"{slug}/program.yml", "submit:\n" + block)


def test_without_submit_a_public_program_takes_public_issues_in_the_site_repository(
    tree: Tree,
) -> None:
    content, _ = tree.validate()
    channel = channel_of(content.programs["demo"], content)
    assert (channel.kind, channel.repository, channel.is_public) == (
        "public-issues",
        "test-org/test-bounties",
        True,
    )


def test_private_reports_default_to_the_site_repository(tree: Tree) -> None:
    submit(tree, "  channel: private-reports\n")
    content, _ = tree.validate()
    channel = channel_of(content.programs["demo"], content)
    assert (channel.kind, channel.repository, channel.takes_issues) == (
        "private-reports",
        "test-org/test-bounties",
        False,
    )


def test_non_disclosure_program_refuses_public_issues(tree: Tree) -> None:
    tree.replace("demo/program.yml", "disclosure_policy: coordinated", "disclosure_policy: secret")
    tree.replace("demo/findings/DEMO-1.md", "disclose_on: 2026-05-06\n", "")
    tree.replace("demo/findings/DEMO-2.md", "disclose_on: 2026-05-06\n", "")
    tree.replace("demo/findings/DEMO-3.md", "disclose_on: 2027-01-08\n", "")
    problem = only(tree.errors())
    assert "a non-disclosure program cannot take submissions as public issues" in problem
    assert problem.startswith("programs/demo/program.yml:") and PUBLIC_HINT in problem
    submit(tree, "  channel: public-issues\n")
    assert "submit.channel: a non-disclosure program" in only(tree.errors())
    tree.replace("demo/program.yml", "channel: public-issues", "channel: private-reports")
    assert tree.errors() == []


def test_invite_only_program_refuses_public_issues(tree: Tree) -> None:
    tree.replace(
        "club/program.yml",
        "  channel: private-issues\n  repository: test-org/test-intake\n",
        "  channel: public-issues\n",
    )
    problems = tree.errors()  # the club is also non-disclosure: both reasons are given
    assert len(problems) == 2
    assert any(
        "an invite-only program cannot take submissions as public issues" in p for p in problems
    )


def test_dangerous_scope_takes_only_a_summary_in_public(tree: Tree) -> None:
    tree.replace("demo/program.yml", "tags: [", "tags: [dangerous-capability, ")
    content, _ = tree.validate()
    assert covers_dangerous_capabilities(content.programs["demo"].program)
    assert "may only collect a non-hazardous summary" in only(tree.errors())
    submit(tree, "  channel: public-issues\n  summary_only: true\n")
    assert tree.errors() == []


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("  channel: external\n", "channel external needs submit.url"),
        ("  channel: private-issues\n", "channel private-issues needs submit.repository"),
        (
            "  channel: private-issues\n  repository: test-org/test-bounties\n",
            "needs its own private intake repository",
        ),
        ("  channel: public-issues\n  url: https://h1.example\n", "submit.url has no meaning"),
        ("  channel: private-reports\n  summary_only: true\n", "summary_only has no meaning"),
        (
            "  channel: external\n  url: https://x.example\n  instructions: Go.\n  template: a\n",
            "submit.template has no meaning",
        ),
        (
            # almost right is an error too: false is the default, yet set where it means nothing
            "  channel: private-issues\n  repository: x/y\n  summary_only: false\n",
            "summary_only has no meaning",
        ),
    ],
)
def test_channel_fields_must_fit_the_channel(tree: Tree, block: str, message: str) -> None:
    submit(tree, block)
    assert any(message in p for p in tree.errors()), tree.errors()


@pytest.mark.parametrize(
    "url",
    ["http://h1.example/p", "javascript:alert(1)", "mailto:nobody", "ftp://x.example", "https://"],
)
def test_external_url_is_https_or_mailto(tree: Tree, url: str) -> None:
    submit(tree, f"  channel: external\n  url: '{url}'\n  instructions: Go there.\n")
    assert any("submit.url" in p for p in tree.errors()), tree.errors()


def test_unknown_channel_and_missing_channel_are_errors(tree: Tree) -> None:
    submit(tree, "  channel: public-issue\n")
    assert "submit.channel" in only(tree.errors())
    tree.replace("demo/program.yml", "  channel: public-issue\n", "  repository: a/b\n")
    assert "missing required key 'channel'" in only(tree.errors())


def test_the_site_intake_repository_must_not_be_the_site_repository(tree: Tree) -> None:
    tree.append("site.yml", "intake_repository: test-org/test-bounties\n")
    assert "intake_repository must be a private repository other than" in only(tree.errors())
    tree.replace(
        "site.yml", "intake_repository: test-org/test-bounties", "intake_repository: test-org/x"
    )
    assert tree.errors() == []
