"""The synthetic content tree used by the benchmarks and the tests that need many findings."""

from pathlib import Path

from site_builder.content.checks import validate
from site_builder.synthetic import generate
from tests.conftest import AS_OF


def test_a_synthetic_tree_is_valid_with_the_findings_asked_for(tmp_path: Path) -> None:
    content, problems = validate(generate(tmp_path / "site", 30), AS_OF)
    assert problems == []
    assert len(content.findings) == 30 + 4  # and the four hand-written ones


def test_the_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    def files(root: Path) -> dict[str, str]:
        return {p.relative_to(root).as_posix(): p.read_text() for p in root.rglob("*.md")}

    first = files(generate(tmp_path / "a", 20))
    assert files(generate(tmp_path / "b", 20)) == first
    assert files(generate(tmp_path / "c", 20, seed=8)) != first
