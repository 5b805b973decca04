"""The minimal fixture the other tests break is valid as it stands."""

from tests.conftest import Tree


def test_minimal_fixture_is_valid(tree: Tree) -> None:
    content, problems = tree.validate()
    assert problems == []
    assert sorted(content.programs) == ["club", "demo"]
    assert len(content.findings) == 4
