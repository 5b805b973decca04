"""Starter text left in content: TEMPLATE markers and reserved example addresses are warnings
with their position, so a fresh repository validates and `validate --strict` refuses it."""

from __future__ import annotations

import pytest

from site_builder.cli import main
from site_builder.content.placeholder_checks import address_host, is_placeholder_host
from tests.conftest import Tree

DEMONSTRATION = "demonstration: true  # fictional test content: placeholder addresses are fine\n"


def real_site(tree: Tree) -> None:
    """The minimal fixture as a real site: its .test addresses are placeholders then."""
    tree.replace("site.yml", DEMONSTRATION, "")


def at(tree: Tree, relative: str, needle: str) -> str:
    """`programs/<relative>:line:col` of the first `needle` in the file (fixtures change)."""
    text = tree.read(relative)
    before = text[: text.index(needle)]
    return f"programs/{relative}:{before.count(chr(10)) + 1}:{len(before.split(chr(10))[-1]) + 1}"


def placeholder_problems(tree: Tree) -> list[str]:
    return [p for p in tree.problems() if "placeholder" in p or "TEMPLATE" in p]


def test_the_fixture_is_a_demonstration_so_its_addresses_are_fine(tree: Tree) -> None:
    assert placeholder_problems(tree) == []


def test_every_placeholder_address_is_a_warning_at_its_value(tree: Tree) -> None:
    real_site(tree)
    problems = placeholder_problems(tree)
    assert (
        f"{at(tree, 'site.yml', 'security@')}: warning: contact.email: 'security@bounties.test' "
        "is a placeholder address (bounties.test is reserved for examples and reaches nobody) "
        "(hint: replace with a monitored address before publishing)"
    ) in problems
    assert sorted(p.split(": ")[0] + " " + p.split(": ")[2] for p in problems) == [
        f"{at(tree, '_challenges/ctf.yml', 'https')} url",
        f"{at(tree, '_policies/coordinated.yml', 'private@')} private_channel.email",
        f"{at(tree, '_policies/secret.yml', 'https')} private_channel.url",
        f"{at(tree, 'club/program.yml', 'https')} organizer.contact.url",
        f"{at(tree, 'demo/program.yml', 'https')} organizer.url",
        f"{at(tree, 'demo/program.yml', 'bounty@')} organizer.contact.email",
        f"{at(tree, 'site.yml', 'https')} base_url",
        f"{at(tree, 'site.yml', 'security@')} contact.email",
    ]
    assert all(": warning: " in p for p in problems)


def test_a_hunters_link_is_an_address_too(tree: Tree) -> None:
    real_site(tree)
    tree.append(
        "_hunters/alice.yml", "links:\n  - {label: Blog, url: https://alice.example.net/}\n"
    )
    assert (
        f"{at(tree, '_hunters/alice.yml', 'https')}: warning: links[0].url: "
        "'https://alice.example.net/' is a placeholder address (alice.example.net is reserved "
        "for examples and reaches nobody) "
        "(hint: replace with a monitored address before publishing)"
    ) in placeholder_problems(tree)


def test_an_address_in_running_text_is_left_alone(tree: Tree) -> None:
    """Write-ups rightly use reserved names to describe an attack."""
    real_site(tree)
    before = placeholder_problems(tree)
    tree.replace(
        "demo/program.yml",
        "reason: Core risk",
        "reason: Instructions hidden at https://attacker.example/page hijack the model",
    )
    assert placeholder_problems(tree) == before


def test_a_demonstration_site_still_reports_template_markers(tree: Tree) -> None:
    tree.replace(
        "demo/program.yml", "prize_criteria:", "# TEMPLATE: what earns a prize\nprize_criteria:"
    )
    [problem] = placeholder_problems(tree)
    where = at(tree, "demo/program.yml", "TEMPLATE")
    assert problem.startswith(f"{where}: warning: still marked TEMPLATE: ")
    assert problem.endswith(
        "'what earns a prize' (hint: remove the TEMPLATE comment once you have filled this in)"
    )


def test_a_marker_in_a_value_and_in_a_markdown_body(tree: Tree) -> None:
    tree.replace(
        "demo/program.yml", "name: Demo jailbreak bounty", 'name: "Demo (TEMPLATE: rename)"'
    )
    tree.replace(
        "demo/rules.md",
        "Be kind.",
        "# Rules (TEMPLATE: title)\n\nTEMPLATE: the rules hunters follow",
    )
    assert placeholder_problems(tree) == [
        f"{at(tree, 'demo/program.yml', 'TEMPLATE')}: warning: still marked TEMPLATE: 'rename' "
        "(hint: replace this starter text, TEMPLATE marker included)",
        f"{at(tree, 'demo/rules.md', 'TEMPLATE')}: warning: still marked TEMPLATE: 'title' "
        "(hint: replace this starter text, TEMPLATE marker included)",
        f"{at(tree, 'demo/rules.md', 'TEMPLATE: the')}: warning: still marked TEMPLATE: "
        "'the rules hunters follow' (hint: replace this starter text, TEMPLATE marker included)",
    ]


def test_every_marker_of_a_finding_still_showing_starter_text(tree: Tree) -> None:
    finding = "demo/findings/DEMO-1.md"
    tree.replace(finding, "severity: high\n", "severity: high  # TEMPLATE: a tier\n")
    tree.replace(finding, "## Summary\n", "## Summary\n\nTEMPLATE: for the public\n")
    assert placeholder_problems(tree) == [
        f"{at(tree, finding, 'TEMPLATE')}: warning: still marked "
        "TEMPLATE: 'a tier' (hint: remove the TEMPLATE comment once you have filled this in)",
        f"{at(tree, finding, 'TEMPLATE: for')}: warning: still marked "
        "TEMPLATE: 'for the public' (hint: replace this starter text, TEMPLATE marker included)",
    ]


def test_a_marker_in_a_findings_title(tree: Tree) -> None:
    finding = "demo/findings/DEMO-1.md"
    tree.replace(finding, "title: Role-play jailbreak", "title: 'TEMPLATE: short public title'")
    assert placeholder_problems(tree) == [
        f"{at(tree, finding, 'TEMPLATE')}: warning: still marked TEMPLATE: 'short public title' "
        "(hint: replace this starter text, TEMPLATE marker included)"
    ]


def test_a_leftover_marker_comment_in_a_finding_is_reported(tree: Tree) -> None:
    """Whether a file holds a marker is noted while it is read (no second read of the thousands
    of finished findings), so a marker left in a YAML comment of a finding is found too."""
    tree.replace("demo/findings/DEMO-1.md", "severity: high\n", "severity: high  # TEMPLATE: x\n")
    assert placeholder_problems(tree) == [
        "programs/demo/findings/DEMO-1.md:4:19: warning: still marked TEMPLATE: 'x' (hint: "
        "remove the TEMPLATE comment once you have filled this in)"
    ]


def test_a_marked_placeholder_address_is_reported_once(tree: Tree) -> None:
    real_site(tree)
    tree.replace(
        "site.yml",
        "security@bounties.test",
        "security@example.org  # TEMPLATE: a monitored address",
    )
    where = at(tree, "site.yml", "security@")
    line = where.rsplit(":", 1)[0]
    on_the_line = [p for p in placeholder_problems(tree) if p.startswith(f"{line}:")]
    assert on_the_line == [
        f"{where}: warning: contact.email: 'security@example.org' is a placeholder "
        "address (example.org is reserved for examples and reaches nobody) (hint: replace with a "
        "monitored address before publishing)"
    ]


def test_strict_fails_on_placeholders_and_plain_passes(tree: Tree) -> None:
    tree.replace("demo/rules.md", "Be kind.", "TEMPLATE: the rules")
    root = str(tree.root)
    assert main(["validate", "--root", root, "--as-of", "2026-11-23"]) == 0
    assert main(["validate", "--root", root, "--as-of", "2026-11-23", "--strict"]) == 1


@pytest.mark.parametrize(
    "host",
    [
        "example.org",
        "example.com",
        "example.net",
        "foo.example.org",
        "EXAMPLE.COM.",
        "a.b.example",
        "bounties.test",
        "x.invalid",
        "example",
    ],
)
def test_reserved_hosts(host: str) -> None:
    assert is_placeholder_host(host)


@pytest.mark.parametrize(
    "host",
    [
        "notexample.org",
        "example.org.uk",
        "example.co",
        "github.com",
        "testing.com",
        "test.com",
        "exampleorg",
        "localhost",
        "acme.ai",
    ],
)
def test_real_hosts(host: str) -> None:
    assert not is_placeholder_host(host)


@pytest.mark.parametrize(
    ("value", "host"),
    [
        ("security@example.org", "example.org"),
        ("mailto:ai-safety@acme.example?subject=report", "acme.example"),
        ("https://user@bounties.example.org:8443/path?q=1", "bounties.example.org"),
        ("HTTP://Foo.Example.COM/", "foo.example.com"),
        ("https://github.com/acme/bounties", "github.com"),
        ("Write to security@example.org", None),
        ("example.org", None),
        ("not an address", None),
    ],
)
def test_address_host(value: str, host: str | None) -> None:
    assert address_host(value) == host
