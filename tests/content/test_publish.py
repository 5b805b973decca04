"""The publication decision: what may be shown, from when, failing closed."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from site_builder.content import publish
from site_builder.content.entries import Content, FindingEntry
from site_builder.content.publish import (
    Publication,
    may_ever_publish,
    program_is_listed,
    program_is_public,
)
from tests.conftest import AS_OF, Tree


def public_ids(tree: Tree, as_of: date) -> list[str]:
    content, problems = tree.validate(as_of)
    assert not [p for p in problems if p.is_error]
    return sorted(f.id for f in Publication(content, as_of).public_findings())


def test_published_from_disclose_on(tree: Tree) -> None:
    assert public_ids(tree, date(2026, 5, 5)) == []
    assert public_ids(tree, date(2026, 5, 6)) == ["DEMO-1", "DEMO-2"]
    assert public_ids(tree, date(2027, 1, 8)) == ["DEMO-1", "DEMO-2", "DEMO-3"]


def test_invite_only_findings_are_never_published(tree: Tree) -> None:
    assert "CLUB-1" not in public_ids(tree, date(2099, 1, 1))


def test_duplicate_follows_its_original(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "disclose_on: 2026-05-06", "disclose_on: 2026-07-01")
    assert public_ids(tree, date(2026, 6, 1)) == []
    assert public_ids(tree, date(2026, 7, 1)) == ["DEMO-1", "DEMO-2"]


def test_without_disclose_on_nothing_is_published(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "disclose_on: 2026-05-06\n", "")
    assert public_ids(tree, date(2099, 1, 1)) == ["DEMO-3"]


def test_draft_program_publishes_nothing(tree: Tree) -> None:
    tree.replace("demo/program.yml", "status: open", "status: draft")
    content, _ = tree.validate()
    assert not program_is_listed(content.programs["demo"])
    assert Publication(content, date(2099, 1, 1)).public_findings() == []


def test_invite_only_program_is_listed_but_not_public(tree: Tree) -> None:
    content, _ = tree.validate()
    assert program_is_listed(content.programs["club"])
    assert not program_is_public(content.programs["club"])


def test_unknown_policy_fails_closed(tree: Tree) -> None:
    tree.replace("demo/program.yml", "disclosure_policy: coordinated", "disclosure_policy: gone")
    content, _ = tree.validate()
    assert Publication(content, date(2099, 1, 1)).public_findings() == []


# -- Publication on its own, fail closed: Content built in memory, without the validator --------


def valid_content(tree: Tree) -> Content:
    content, problems = tree.validate()
    assert not [p for p in problems if p.is_error]
    return content


def entry_of(content: Content, finding_id: str) -> FindingEntry:
    return next(f for f in content.findings if f.id == finding_id)


def is_public(content: Content, finding_id: str, as_of: date = AS_OF) -> bool:
    """The decision for one finding, asked first of a fresh Publication."""
    return Publication(content, as_of).is_public(entry_of(content, finding_id))


def with_finding(content: Content, finding_id: str, **changes: object) -> Content:
    """`content` with one finding's fields changed, or a new finding (a copy of DEMO-1 with
    `changes`) when no finding has that id; `program_slug` moves it to another program."""
    base = next((f for f in content.findings if f.id == finding_id), None)
    slug = str(changes.pop("program_slug", base.program_slug if base else "demo"))
    template = base or entry_of(content, "DEMO-1")
    finding = template.finding.model_copy(update={"id": finding_id, **changes})
    entry = FindingEntry(slug, finding, template.source)
    others = [f for f in content.findings if f is not base]
    return replace(content, findings=[*others, entry])


def with_program(content: Content, slug: str, **changes: object) -> Content:
    entry = content.programs[slug]
    program = entry.program.model_copy(update=changes)
    return replace(content, programs={**content.programs, slug: replace(entry, program=program)})


def with_duplicate_chain(content: Content, links: int) -> Content:
    """CHAIN-1 duplicates DEMO-1, CHAIN-2 duplicates CHAIN-1, ... CHAIN-<links>."""
    original = "DEMO-1"
    for number in range(1, links + 1):
        content = with_finding(
            content, f"CHAIN-{number}", status="duplicate", duplicate_of=original
        )
        original = f"CHAIN-{number}"
    return content


def test_the_fixture_findings_are_public_on_as_of(tree: Tree) -> None:
    content = valid_content(tree)
    assert is_public(content, "DEMO-1") and is_public(content, "DEMO-2")


def test_public_from_the_disclose_on_day_itself(tree: Tree) -> None:
    content = valid_content(tree)
    assert is_public(with_finding(content, "DEMO-1", disclose_on=AS_OF), "DEMO-1")
    tomorrow = AS_OF + timedelta(days=1)
    assert not is_public(with_finding(content, "DEMO-1", disclose_on=tomorrow), "DEMO-1")


def test_without_disclose_on_a_finding_is_private(tree: Tree) -> None:
    content = with_finding(valid_content(tree), "DEMO-1", disclose_on=None)
    assert not is_public(content, "DEMO-1", date(2099, 1, 1))


@pytest.mark.parametrize(
    ("status", "public"),
    [
        ("new", False),
        ("triaged", False),
        ("accepted", True),
        ("fixed", True),
        ("wont-fix", True),
        ("rejected", False),
    ],
)
def test_only_accepted_fixed_and_wont_fix_findings_are_published(
    tree: Tree, status: str, public: bool
) -> None:
    content = with_finding(valid_content(tree), "DEMO-1", status=status)
    assert is_public(content, "DEMO-1") is public


def test_a_finding_of_an_unknown_program_is_private(tree: Tree) -> None:
    content = with_finding(valid_content(tree), "GONE-1", program_slug="gone")
    assert not is_public(content, "GONE-1")


def test_a_finding_under_an_unknown_policy_is_private(tree: Tree) -> None:
    content = with_program(valid_content(tree), "demo", disclosure_policy="gone")
    assert not is_public(content, "DEMO-1")


def test_a_finding_under_a_non_disclosure_policy_is_private(tree: Tree) -> None:
    content = with_program(valid_content(tree), "demo", disclosure_policy="secret")
    assert not is_public(content, "DEMO-1")


def test_a_finding_of_an_invite_only_program_is_private(tree: Tree) -> None:
    content = valid_content(tree)
    assert not is_public(with_program(content, "demo", participation="invite-only"), "DEMO-1")
    fixed = with_finding(
        content, "CLUB-1", status="fixed", disclose_on=date(2026, 5, 1), program_slug="club"
    )
    assert not is_public(with_program(fixed, "club", disclosure_policy="coordinated"), "CLUB-1")


@pytest.mark.parametrize(
    ("status", "public"), [("draft", False), ("paused", True), ("closed", True)]
)
def test_only_a_draft_program_hides_its_disclosed_findings(
    tree: Tree, status: str, public: bool
) -> None:
    content = with_program(valid_content(tree), "demo", status=status)
    assert program_is_listed(content.programs["demo"]) is public
    assert program_is_public(content.programs["demo"]) is public
    assert is_public(content, "DEMO-1") is public


def test_a_draft_program_is_private_even_if_marked_public(tree: Tree) -> None:
    content = with_program(valid_content(tree), "demo", status="draft", participation="public")
    assert not program_is_public(content.programs["demo"])


def test_a_duplicate_of_a_missing_finding_is_private(tree: Tree) -> None:
    content = with_finding(valid_content(tree), "DEMO-2", duplicate_of="DEMO-99")
    assert not is_public(content, "DEMO-2")


def test_a_duplicate_without_an_original_is_private(tree: Tree) -> None:
    content = with_finding(valid_content(tree), "DEMO-2", duplicate_of=None)
    assert not is_public(content, "DEMO-2")


def test_a_duplicate_of_a_private_original_is_private(tree: Tree) -> None:
    content = with_finding(valid_content(tree), "DEMO-1", status="rejected")
    assert not is_public(content, "DEMO-2")


def test_a_duplicate_waits_for_its_own_disclose_on(tree: Tree) -> None:
    tomorrow = AS_OF + timedelta(days=1)
    content = with_finding(valid_content(tree), "DEMO-2", disclose_on=tomorrow)
    assert not is_public(content, "DEMO-2") and is_public(content, "DEMO-1")


def test_a_duplicate_of_a_finding_in_another_program_is_private(tree: Tree) -> None:
    content = valid_content(tree)
    other = replace(content.programs["demo"], slug="other")
    content = replace(content, programs={**content.programs, "other": other})
    content = with_finding(content, "OTHER-1", program_slug="other")
    assert is_public(content, "OTHER-1")
    assert not is_public(with_finding(content, "DEMO-2", duplicate_of="OTHER-1"), "DEMO-2")


def test_a_duplicate_chain_is_followed_eight_links_deep_and_no_further(tree: Tree) -> None:
    content = valid_content(tree)
    assert is_public(with_duplicate_chain(content, 8), "CHAIN-8")
    assert not is_public(with_duplicate_chain(content, 9), "CHAIN-9")  # fail closed


def test_a_duplicate_chain_is_private_if_any_link_is(tree: Tree) -> None:
    content = with_duplicate_chain(valid_content(tree), 3)
    tomorrow = AS_OF + timedelta(days=1)
    assert not is_public(with_finding(content, "CHAIN-2", disclose_on=tomorrow), "CHAIN-3")


def test_duplicates_in_a_cycle_are_private(tree: Tree) -> None:
    content = with_finding(valid_content(tree), "DEMO-2", duplicate_of="DEMO-9")
    content = with_finding(content, "DEMO-9", status="duplicate", duplicate_of="DEMO-2")
    content = with_finding(content, "DEMO-8", status="duplicate", duplicate_of="DEMO-9")
    publication = Publication(content, AS_OF)
    assert [f.id for f in publication.public_findings()] == ["DEMO-1"]
    assert not is_public(content, "DEMO-8")


def test_each_finding_is_decided_once_per_publication(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The build asks about every finding; a chain must not be walked again for each link.
    content = with_duplicate_chain(valid_content(tree), 8)
    decided: list[str] = []

    def counting(entry: FindingEntry, content: Content) -> bool:
        decided.append(entry.id)
        return may_ever_publish(entry, content)

    monkeypatch.setattr(publish, "may_ever_publish", counting)
    publication = Publication(content, AS_OF)
    for entry in reversed(content.findings):
        publication.is_public(entry)
    # DEMO-1, DEMO-2 and CHAIN-1 to CHAIN-8, once each (DEMO-3 is embargoed: nothing to decide)
    assert len(decided) == len(set(decided)) == 10


def test_the_same_id_in_two_programs_is_decided_separately(tree: Tree) -> None:
    # Ids are unique site-wide only if the validator ran; a public answer must not carry over.
    content = valid_content(tree)
    hidden = replace(content.programs["demo"], slug="hidden")
    content = with_program(
        replace(content, programs={**content.programs, "hidden": hidden}),
        "hidden",
        participation="invite-only",
    )
    twin = replace(entry_of(content, "DEMO-1"), program_slug="hidden")
    content = replace(content, findings=[*content.findings, twin])
    publication = Publication(content, AS_OF)
    assert publication.is_public(entry_of(content, "DEMO-1"))
    assert not publication.is_public(twin)
