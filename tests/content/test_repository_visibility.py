"""`content_repository.public: false` on the site's own GitHub repository, where programs take
public issues, is an error: a repository with public issues is public, and a wrong `false` lets
embargoed findings be committed where anyone can read them."""

from __future__ import annotations

import pytest

from site_builder.content.visibility_checks import github_repository
from tests.conftest import Tree


def visibility_problems(tree: Tree) -> list[str]:
    return [p for p in tree.problems() if "error: content_repository.public: " in p]


def on_the_site_repository(
    tree: Tree, url: str = "https://github.com/test-org/test-bounties"
) -> None:
    tree.replace("site.yml", "content_repository:\n", f"content_repository:\n  url: {url}\n")


def test_public_false_on_the_public_issue_repository_is_an_error(tree: Tree) -> None:
    on_the_site_repository(tree)
    text = tree.read("site.yml")
    line = text[: text.index("public: false")].count("\n") + 1
    assert visibility_problems(tree) == [
        f"programs/site.yml:{line}:11: error: content_repository.public: this content "
        "repository is test-org/test-bounties, where program demo takes public issues: anyone "
        "can read it, so public must be true (hint: set public: true (then a finding is "
        "committed only once it may be published); if the repository is private, nobody "
        "outside can file issues in it: take public issues in a public repository "
        "(`repository`, or the program's submit.repository))"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/Test-Org/Test-Bounties",
        "https://github.com/test-org/test-bounties.git",
        "https://www.github.com/test-org/test-bounties/",
        "https://github.com/test-org/test-bounties/tree/main/programs",
    ],
)
def test_every_spelling_of_the_same_repository_counts(tree: Tree, url: str) -> None:
    on_the_site_repository(tree, url)
    assert len(visibility_problems(tree)) == 1


def test_public_true_is_fine(tree: Tree) -> None:
    on_the_site_repository(tree)
    tree.replace("site.yml", "public: false", "public: true")
    assert visibility_problems(tree) == []


def test_another_repository_may_be_private(tree: Tree) -> None:
    on_the_site_repository(tree, "https://github.com/test-org/test-content")
    assert visibility_problems(tree) == []


def test_a_repository_elsewhere_is_not_judged(tree: Tree) -> None:
    on_the_site_repository(tree, "https://gitlab.com/test-org/test-bounties")
    assert visibility_problems(tree) == []


def test_drafts_take_no_issues_yet(tree: Tree) -> None:
    """A fresh `bounties init --setup private-intake` has draft programs only."""
    on_the_site_repository(tree)
    tree.replace("demo/program.yml", "status: open", "status: draft")
    assert visibility_problems(tree) == []


def test_a_closed_programs_issues_stay_public(tree: Tree) -> None:
    on_the_site_repository(tree)
    tree.replace("demo/program.yml", "status: open", "status: closed")
    assert len(visibility_problems(tree)) == 1


def test_public_issues_in_another_repository_do_not_count(tree: Tree) -> None:
    on_the_site_repository(tree)
    tree.append("demo/program.yml", "submit:\n  channel: public-issues\n  repository: test-org/x\n")
    assert visibility_problems(tree) == []


@pytest.mark.parametrize(
    ("url", "repository"),
    [
        ("https://github.com/acme/bounties", "acme/bounties"),
        ("http://github.com/acme/bounties.git", "acme/bounties"),
        ("https://github.com/acme/bounties#readme", "acme/bounties"),
        ("https://github.com/acme", None),
        ("https://github.company.com/acme/bounties", None),
        ("https://git.example.org/acme/bounties", None),
        (None, None),
    ],
)
def test_github_repository(url: str | None, repository: str | None) -> None:
    assert github_repository(url) == repository
