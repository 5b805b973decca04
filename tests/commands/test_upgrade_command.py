"""`bounties upgrade`: content brought to the current format, comments kept."""

import pytest

from site_builder.cli import main
from tests.conftest import Tree, only


def test_upgrade_adds_the_format_keeping_comments(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    tree.write(
        "demo/program.yml",
        "# Our flagship program\nformat: 1\n"
        + tree.read("demo/program.yml").replace("status: open", "status: open  # reviewed monthly"),
    )
    assert main(["upgrade", "--check", "--root", str(tree.root)]) == 1
    assert main(["upgrade", "--root", str(tree.root)]) == 0
    text = tree.read("demo/program.yml")
    assert text.startswith("# Our flagship program\nformat: 2\nname: Demo jailbreak bounty")
    assert "status: open  # reviewed monthly" in text
    assert main(["upgrade", "--check", "--root", str(tree.root)]) == 0
    assert tree.problems() == []


def test_newer_format_is_explained(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    tree.write("demo/program.yml", "format: 3\n" + tree.read("demo/program.yml"))
    assert only(tree.problems()) == (
        "programs/demo/program.yml:1:9: error: format: content format 3 is not one this version "
        "of bounties reads (1 and 2) (hint: for a newer format, upgrade the package: pip install "
        "-U ai-safety-bounties)"
    )
    assert main(["upgrade", "--root", str(tree.root)]) == 1
    assert "format 3 is newer than this bounties reads" in capsys.readouterr().err
