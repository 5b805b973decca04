"""`participation: application`: everything about the program is public (scope, rules, terms,
disclosed findings) except who is approved; only approved hunters may submit."""

from __future__ import annotations

from site_builder.intake.forms import applying_programs
from site_builder.site.exports import machine_assets
from site_builder.site.generate import generate_site
from site_builder.site.views import build_views
from tests.conftest import AS_OF, Tree

APPLICATION = """\
participation: application
apply: |
  Write to **apply@demo.test** with two pieces of relevant work.
"""
PRIVATE_CHANNEL = """\
submit:
  channel: private-issues
  repository: test-org/demo-intake
"""
APPROVED = """\
invited:
  - hunter: alice
    since: 2026-01-01
    until: 2031-07-15
  - hunter: bob
    since: 2026-01-01
    until: 2031-07-15
"""


def application_tree(tree: Tree) -> Tree:
    tree.replace("demo/program.yml", "participation: public\n", APPLICATION)
    tree.append("demo/program.yml", PRIVATE_CHANNEL)
    tree.write("demo/invitations.yml", APPROVED)
    return tree


def test_an_application_program_is_published_in_full(tree: Tree) -> None:
    content, problems = application_tree(tree).validate(AS_OF)
    assert [p.as_text() for p in problems if p.is_error] == []
    pages = {p.src_uri: p.body for p in generate_site(content, AS_OF, True)[0]}
    program = pages["programs/demo/index.md"]
    assert "Open by application" in program
    assert "<strong>apply@demo.test</strong>" in program  # the apply text, rendered
    assert "Target systems" in program and "Universal jailbreaks" in program
    assert "findings/DEMO-1.md" in pages  # its disclosed findings are published
    assert "programs/demo/rules.md" in pages


def test_who_is_approved_is_never_published(tree: Tree) -> None:
    content, _ = application_tree(tree).validate(AS_OF)
    pages, assets = generate_site(content, AS_OF, True)
    public = [p.body for p in pages] + [
        a.content if isinstance(a.content, str) else a.content.decode("utf-8", "replace")
        for a in machine_assets(build_views(content, AS_OF))
    ]
    # The Submit button may name the private intake repository (the program is public, and
    # GitHub shows the repository to approved hunters only); the approvals are never published.
    assert not any("2031-07-15" in text for text in public)
    del assets


def test_an_application_program_takes_applications_not_public_issues(tree: Tree) -> None:
    content, _ = application_tree(tree).validate(AS_OF)
    assert [p.slug for p in applying_programs(content)] == ["club", "demo"]
    tree.replace("demo/program.yml", PRIVATE_CHANNEL, "")
    errors = tree.errors()
    assert any(
        "an application program cannot take submissions as public issues" in e for e in errors
    )


def test_an_application_program_must_say_how_to_apply(tree: Tree) -> None:
    application_tree(tree).replace(
        "demo/program.yml",
        "apply: |\n  Write to **apply@demo.test** with two pieces of relevant work.\n",
        "",
    )
    assert any("an application program must say how to apply" in e for e in tree.errors())
