"""The Problem formats (text, GitHub workflow commands, JSON) stay one line per problem."""

import json

import pytest

from site_builder.content.problems import Level, Problem, format_problems
from tests.conftest import Tree

P = Problem("programs/a b/x.yml", 3, 5, "bad: 100%\nvalue", field="a.b", hint="fix it")
W = Problem("programs/a.yml", 0, 0, "old", level=Level.WARNING)


def test_text_format() -> None:
    assert format_problems([P, W], "text").splitlines() == [
        "programs/a b/x.yml:3:5: error: a.b: bad: 100%\\nvalue (hint: fix it)",
        "programs/a.yml:1:1: warning: old",
    ]
    assert format_problems([W], "text") == "programs/a.yml:1:1: warning: old"


def test_github_format_escapes_data_and_properties() -> None:
    assert format_problems([P], "github") == (
        "::error file=programs/a b/x.yml,line=3,col=5::a.b: bad: 100%25%0Avalue (hint: fix it)"
    )
    comma = Problem("a,b:c.yml", 1, 1, "m")
    assert format_problems([comma], "github") == "::error file=a%2Cb%3Ac.yml,line=1,col=1::m"


def test_json_format() -> None:
    data = json.loads(format_problems([W, P], "json"))
    assert data[0] == {
        "file": "programs/a b/x.yml",
        "line": 3,
        "col": 5,
        "message": "bad: 100%\nvalue",
        "field": "a.b",
        "hint": "fix it",
        "level": "error",
    }
    assert data[1]["level"] == "warning"


BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\x1b[2K\r"]


@pytest.mark.parametrize("fmt", ["text", "github"])
@pytest.mark.parametrize("brk", BREAKS)
def test_every_problem_is_one_line_whatever_its_text(fmt: str, brk: str) -> None:
    forged = f"x{brk}::error file=programs/a.yml,line=1::forged{brk}"
    problem = Problem(f"programs/{forged}.yml", 2, 3, forged, field=forged, hint=forged)
    out = format_problems([problem, problem], fmt)
    assert len(out.splitlines()) == 2, out
    first, second = out.split("\n")
    assert first == second and first.startswith(("programs/", "::error file=programs/"))
    assert not [c for c in first if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029"]


def test_a_crafted_key_cannot_emit_a_workflow_command(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    from site_builder.cli import main

    tree.append("demo/program.yml", '"x\\n::error file=programs/a.yml::forged\\r\\n": 1\n')
    assert main(["validate", "--root", str(tree.root)]) == 1
    out, err = capsys.readouterr()
    lines = (out + err).splitlines()
    assert lines and not [line for line in lines if line.startswith("::")]
    assert any("x\\n::error file=programs/a.yml::forged\\r\\n" in line for line in lines)
