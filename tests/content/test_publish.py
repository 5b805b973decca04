from datetime import date

from site_builder.content.publish import Publication, program_is_listed, program_is_public
from tests.conftest import Tree


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
