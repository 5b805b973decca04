"""`bounties new program`: a draft program that validates at once, or a usage error."""

import pytest

from site_builder.cli import main
from tests.conftest import Tree


def test_new_program_validates_right_away(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "new",
            "program",
            "acme-agents",
            "--root",
            str(tree.root),
            "--name",
            'Acme "agent" bounty',
            "--model",
            "evals-based",
        ]
    )
    assert code == 0
    assert tree.path("acme-agents/program.yml").is_file()
    assert tree.path("acme-agents/rules.md").is_file()
    content, problems = tree.validate()
    assert [p for p in problems if p.is_error] == []  # its TEMPLATE lines are warnings
    program = content.programs["acme-agents"].program
    assert (program.name, program.model, program.status) == (
        'Acme "agent" bounty',
        "evals-based",
        "draft",
    )


def test_new_program_refuses_an_existing_folder(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "program", "demo", "--root", str(tree.root)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_new_program_refuses_a_bad_slug(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "program", "Bad_Slug", "--root", str(tree.root)]) == 2
    assert "is not a valid slug" in capsys.readouterr().err


def test_new_program_needs_a_known_policy(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "program", "x", "--policy", "nope", "--root", str(tree.root)]) == 2
    assert "no disclosure policy 'nope'" in capsys.readouterr().err
