"""`bounties validate`: its output formats and exit codes."""

import json
import subprocess
import sys

import pytest

from site_builder.cli import main
from tests.conftest import Tree


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_valid_content_exits_0(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", "--root", str(tree.root), "--as-of", "2026-11-23")
    assert code == 0
    assert out == ""
    assert "2 programs, 4 findings, 2 hunters checked as of 2026-11-23: 0 error(s)" in err


def test_content_errors_exit_1_in_text(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    tree.replace("demo/findings/DEMO-1.md", "severity: high", "severity: hihg")
    code, out, _ = run(capsys, "validate", "--root", str(tree.root), "--as-of", "2026-11-23")
    assert code == 1
    assert out.splitlines() == [
        "programs/demo/findings/DEMO-1.md:4:11: error: severity: 'hihg' is not a rating of this "
        "program's severity scale (hint: use one of: critical, high, medium, low; did you mean "
        "'high'?)"
    ]


def test_github_format(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    tree.replace("demo/findings/DEMO-1.md", "severity: high", "severity: hihg")
    code, out, _ = run(capsys, "validate", "--root", str(tree.root), "--format", "github")
    assert code == 1
    assert out.startswith(
        "::error file=programs/demo/findings/DEMO-1.md,line=4,col=11::severity: 'hihg' is not"
    )


def test_json_format(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    tree.replace("demo/findings/DEMO-1.md", "severity: high", "severity: hihg")
    code, out, _ = run(capsys, "validate", "--root", str(tree.root), "--format", "json")
    assert code == 1
    [problem] = json.loads(out)
    assert (problem["file"], problem["line"], problem["col"], problem["field"]) == (
        "programs/demo/findings/DEMO-1.md",
        4,
        11,
        "severity",
    )


def test_json_format_when_valid_is_an_empty_list(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "validate", "--root", str(tree.root), "--format", "json")
    assert (code, json.loads(out)) == (0, [])


def test_warnings_pass_unless_strict(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("validate", "--root", str(tree.root), "--as-of", "2027-06-01")
    code, out, _ = run(capsys, *args)
    assert code == 0 and "warning: risk_review.last_review: risk review overdue" in out
    code, _, _ = run(capsys, *args, "--strict")
    assert code == 1


def test_missing_programs_folder_is_a_usage_error(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "validate", "--root", str(tmp_path))
    assert code == 2
    assert "no programs/ folder in" in err and "pass --root DIR" in err


def test_bad_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", "--as-of", "yesterday")
    assert code == 2
    assert "'yesterday' is not a date in the form YYYY-MM-DD" in err


@pytest.mark.parametrize(
    "command",
    [
        "validate",
        "new",
        "schema",
        "reference",
        "build",
        "serve",
        "forms",
        "parse-issue",
        "leaderboard",
        "stats",
        "bot",
        "init",
        "upgrade",
    ],
)
def test_every_command_has_help_with_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "Example:" in out and "bounties " + command in out


def test_console_script_reports_errors_without_traceback(tree: Tree) -> None:
    tree.write("demo/findings/DEMO-1.md", "---\nid: [\n---\n")
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "validate", "--root", str(tree.root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "programs/demo/findings/DEMO-1.md:3:1: error: YAML syntax error" in result.stdout
