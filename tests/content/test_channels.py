"""Submission channels (`submit:` in program.yml): the validator refuses every combination
that would put private things in public, and every field that means nothing for the channel."""

from __future__ import annotations

import pytest

from site_builder.content.channels import Channel, channel_of, covers_dangerous_capabilities
from site_builder.content.program import SubmitChannel
from tests.conftest import Tree, only
from tests.content.test_program_models import make_evals

# What every refusal of public issues suggests instead.
PRIVATE_CHANNELS_HINT = (
    "(hint: set submit.channel to private-issues (a private intake repository), private-reports "
    "(GitHub's private vulnerability reporting) or external)"
)
SITE_REPOSITORY = "test-org/test-bounties"


def submit(tree: Tree, block: str, slug: str = "demo") -> None:
    tree.append(f"{slug}/program.yml", "submit:\n" + block)


def test_without_submit_a_public_program_takes_public_issues_in_the_site_repository(
    tree: Tree,
) -> None:
    content, _ = tree.validate()
    channel = channel_of(content.programs["demo"], content)
    # the generated form, the whole report in public (no summary-only form)
    assert channel == Channel("public-issues", SITE_REPOSITORY, None, None, None, False)
    assert channel.is_public


@pytest.mark.parametrize(
    ("kind", "takes_issues", "is_public"),
    [
        ("public-issues", True, True),
        ("private-issues", True, False),
        ("private-reports", False, False),
        ("external", False, False),
    ],
)
def test_only_public_issues_are_public_and_only_issue_channels_take_issues(
    kind: SubmitChannel, takes_issues: bool, is_public: bool
) -> None:
    channel = Channel(kind, "test-org/x", None, None, None, False)
    assert (channel.takes_issues, channel.is_public) == (takes_issues, is_public)


def test_the_channel_carries_the_programs_submit_settings(tree: Tree) -> None:
    submit(tree, "  channel: public-issues\n  template: custom.yml\n  summary_only: true\n")
    tree.replace(
        "club/program.yml",
        "  channel: private-issues\n  repository: test-org/test-intake\n",
        "  channel: external\n  url: https://h1.example/c\n  instructions: Go.\n",
    )
    content, _ = tree.validate()
    assert channel_of(content.programs["demo"], content) == Channel(
        "public-issues", SITE_REPOSITORY, "custom.yml", None, None, True
    )
    assert channel_of(content.programs["club"], content) == Channel(
        "external", None, None, "https://h1.example/c", "Go.", False
    )


@pytest.mark.parametrize("kind", ["public-issues", "private-reports"])
def test_a_named_repository_is_kept_and_only_a_missing_one_defaults_to_the_site(
    tree: Tree, kind: str
) -> None:
    submit(tree, f"  channel: {kind}\n")
    content, _ = tree.validate()
    assert channel_of(content.programs["demo"], content).repository == SITE_REPOSITORY
    tree.append("demo/program.yml", "  repository: test-org/elsewhere\n")
    content, _ = tree.validate()
    assert channel_of(content.programs["demo"], content).repository == "test-org/elsewhere"


def test_non_disclosure_program_refuses_public_issues(tree: Tree) -> None:
    tree.replace("demo/program.yml", "disclosure_policy: coordinated", "disclosure_policy: secret")
    tree.replace("demo/findings/DEMO-1.md", "disclose_on: 2026-05-06\n", "")
    tree.replace("demo/findings/DEMO-2.md", "disclose_on: 2026-05-06\n", "")
    tree.replace("demo/findings/DEMO-3.md", "disclose_on: 2027-01-08\n", "")
    # public issues by default: the error points at the policy that forbids them
    assert only(tree.errors()) == (
        "programs/demo/program.yml:37:20: error: disclosure_policy: a non-disclosure program "
        f"cannot take submissions as public issues {PRIVATE_CHANNELS_HINT}"
    )
    submit(tree, "  channel: public-issues\n")
    assert only(tree.errors()) == (
        "programs/demo/program.yml:58:12: error: submit.channel: a non-disclosure program "
        f"cannot take submissions as public issues {PRIVATE_CHANNELS_HINT}"
    )
    tree.replace("demo/program.yml", "channel: public-issues", "channel: private-reports")
    assert tree.errors() == []


def test_invite_only_program_refuses_public_issues(tree: Tree) -> None:
    submit_block = "submit:\n  channel: private-issues\n  repository: test-org/test-intake\n"
    tree.replace("club/program.yml", submit_block, "")
    # public issues by default: the error points at the participation (the club is also
    # non-disclosure: both reasons are given)
    assert tree.errors() == [
        "programs/club/program.yml:9:16: error: participation: an invite-only program cannot "
        f"take submissions as public issues {PRIVATE_CHANNELS_HINT}",
        "programs/club/program.yml:31:20: error: disclosure_policy: a non-disclosure program "
        f"cannot take submissions as public issues {PRIVATE_CHANNELS_HINT}",
    ]
    tree.append("club/program.yml", "submit:\n  channel: public-issues\n")
    assert tree.errors() == [
        "programs/club/program.yml:41:12: error: submit.channel: a non-disclosure program "
        f"cannot take submissions as public issues {PRIVATE_CHANNELS_HINT}",
        "programs/club/program.yml:41:12: error: submit.channel: an invite-only program cannot "
        f"take submissions as public issues {PRIVATE_CHANNELS_HINT}",
    ]


SUMMARY_HINT = (
    "(hint: add submit.summary_only: true (the form then sends the details to the policy's "
    "private channel), or choose a private channel)"
)


def test_dangerous_scope_takes_only_a_summary_in_public(tree: Tree) -> None:
    tree.replace("demo/program.yml", "tags: [", "tags: [dangerous-capability, ")
    content, _ = tree.validate()
    assert covers_dangerous_capabilities(content.programs["demo"].program)
    assert "may only collect a non-hazardous summary" in only(tree.errors())
    submit(tree, "  channel: public-issues\n  summary_only: true\n")
    assert tree.errors() == []


def test_capability_thresholds_alone_make_the_scope_dangerous(tree: Tree) -> None:
    """An evals-based program measures dangerous capabilities, with or without the tag."""
    make_evals(tree)  # thresholds, no dangerous-capability tag, a summary-only public form
    content, _ = tree.validate()
    assert covers_dangerous_capabilities(content.programs["demo"].program)
    assert "demo/program.yml" not in "".join(tree.errors())
    tree.replace("demo/program.yml", "  summary_only: true\n", "")
    assert [p for p in tree.errors() if "demo/program.yml" in p] == [
        "programs/demo/program.yml:63:12: error: submit.channel: the scope covers dangerous "
        f"capabilities, so public issues may only collect a non-hazardous summary {SUMMARY_HINT}"
    ]
    # public issues by default: the error points at the thresholds
    tree.replace("demo/program.yml", "submit:\n  channel: public-issues\n", "")
    assert [p for p in tree.errors() if "demo/program.yml" in p] == [
        "programs/demo/program.yml:48:3: error: thresholds: the scope covers dangerous "
        f"capabilities, so public issues may only collect a non-hazardous summary {SUMMARY_HINT}"
    ]


EXTERNAL_HINT = (
    "(hint: url: the platform's page (https) or mailto:address; instructions: how to submit "
    "there (Markdown))"
)
INTAKE_HINT = "(hint: the organization's private intake repository, owner/name)"


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "  channel: external\n",
            [
                "58:12: error: submit.channel: channel external needs submit.instructions "
                + EXTERNAL_HINT,
                "58:12: error: submit.channel: channel external needs submit.url " + EXTERNAL_HINT,
            ],
        ),
        (
            "  channel: external\n  url: https://x.example\n",
            [
                "58:12: error: submit.channel: channel external needs submit.instructions "
                + EXTERNAL_HINT
            ],
        ),
        (
            "  channel: private-issues\n  repository: x/y\n",
            [],
        ),
        (
            # without its repository it has nowhere to go either
            "  channel: private-issues\n",
            [
                "58:3: error: submit: an open program needs somewhere to submit (hint: add "
                "submit.repository, or repository in programs/site.yml)",
                "58:12: error: submit.channel: channel private-issues needs submit.repository "
                + INTAKE_HINT,
            ],
        ),
        (
            "  channel: private-issues\n  repository: test-org/test-bounties\n",
            [
                "59:15: error: submit.repository: private-issues needs its own private intake "
                "repository, not the site's repository (hint: name the organization's private "
                "intake repository (owner/name))"
            ],
        ),
        (
            "  channel: public-issues\n  url: https://h1.example\n  instructions: Go.\n",
            [
                "59:8: error: submit.url: submit.url has no meaning for channel public-issues "
                "(hint: it is for external; remove it or change the channel)",
                "60:17: error: submit.instructions: submit.instructions has no meaning for "
                "channel public-issues (hint: it is for external or private-reports; remove it "
                "or change the channel)",
            ],
        ),
        (
            "  channel: private-reports\n  summary_only: true\n",
            [
                "59:17: error: submit.summary_only: submit.summary_only has no meaning for "
                "channel private-reports (hint: it is for public-issues; remove it or change "
                "the channel)"
            ],
        ),
        (
            "  channel: external\n  url: https://x.example\n  instructions: Go.\n  template: a\n",
            [
                "61:13: error: submit.template: submit.template has no meaning for channel "
                "external (hint: it is for public-issues or private-issues; remove it or change "
                "the channel)"
            ],
        ),
        (
            # almost right is an error too: false is the default, yet set where it means nothing
            "  channel: private-issues\n  repository: x/y\n  summary_only: false\n",
            [
                "60:17: error: submit.summary_only: submit.summary_only has no meaning for "
                "channel private-issues (hint: it is for public-issues; remove it or change the "
                "channel)"
            ],
        ),
    ],
)
def test_channel_fields_must_fit_the_channel(tree: Tree, block: str, expected: list[str]) -> None:
    submit(tree, block)
    assert tree.problems() == [f"programs/demo/program.yml:{line}" for line in expected]


def test_a_private_intake_repository_is_not_the_site_repository_in_another_case(
    tree: Tree,
) -> None:
    """GitHub's owner/name is case-insensitive: Test-Org/Test-Bounties is the site's public
    repository, and a program page would call its issues private."""
    submit(tree, "  channel: private-issues\n  repository: Test-Org/Test-Bounties\n")
    assert "needs its own private intake repository" in only(tree.errors())


def test_an_open_public_program_needs_somewhere_to_submit(tree: Tree) -> None:
    tree.replace("site.yml", "repository: test-org/test-bounties\n", "")
    # public issues by default, but no repository to take them: the program page shows no
    # Submit button (a warning: the site still works)
    assert tree.problems() == [
        "programs/demo/program.yml:9:9: warning: status: an open program needs somewhere to "
        "submit (hint: add submit.repository, or repository in programs/site.yml)"
    ]
    # a private channel without an address is an error: hunters would have no private way in
    submit(tree, "  channel: private-reports\n")
    assert tree.problems() == [
        "programs/demo/program.yml:58:3: error: submit: an open program needs somewhere to "
        "submit (hint: add submit.repository, or repository in programs/site.yml)"
    ]
    tree.append("demo/program.yml", "  repository: test-org/reports\n")
    assert tree.problems() == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("status: open", "status: closed"),  # takes no more submissions
        ("participation: public", "participation: invite-only\napply: Ask us."),  # applications
    ],
)
def test_only_open_public_programs_need_somewhere_to_submit(tree: Tree, old: str, new: str) -> None:
    tree.replace("site.yml", "repository: test-org/test-bounties\n", "")
    submit(tree, "  channel: private-reports\n")
    tree.replace("demo/program.yml", old, new)
    assert [p for p in tree.problems() if "somewhere to submit" in p] == []


def test_external_programs_need_no_repository(tree: Tree) -> None:
    tree.replace("site.yml", "repository: test-org/test-bounties\n", "")
    submit(tree, "  channel: external\n  url: https://h1.example/demo\n  instructions: Go.\n")
    assert tree.problems() == []


def test_a_public_content_repository_refuses_invitations(tree: Tree) -> None:
    """Who is invited is private: invitations.yml in a public content repository would tell."""
    tree.replace("site.yml", "public: false", "public: true")
    assert (
        "programs/club/invitations.yml:1:1: error: this content repository is public "
        "(programs/site.yml: content_repository.public), so invitations.yml would tell anyone "
        "who is invited (hint: keep invite-only programs' invitations in a private content "
        "repository (docs/setups.md))"
    ) in tree.problems()
    tree.path("club/invitations.yml").unlink()
    assert not [p for p in tree.problems() if "invitations.yml would tell" in p]


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
