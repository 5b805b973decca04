"""Commands other than `validate` refuse to work on content with errors: they print the errors
and exit 1 (parse-issue: 2, as the content is then a precondition, like its --template)."""

import pytest

from site_builder.cli import main
from tests.conftest import REPO_ROOT, Tree

ISSUE_BODY = REPO_ROOT / "tests" / "fixtures" / "issue-forms" / "github-issue-parser" / "example"
ERRORS = (
    "the content has errors; fix them first (see `bounties validate`):\n"
    "programs/demo/findings/DEMO-1.md:4:11: error: severity: 'hihg' is not a rating of this "
    "program's severity scale (hint: use one of: critical, high, medium, low; did you mean "
    "'high'?)\n"
)


@pytest.mark.parametrize(
    ("command", "code", "last_words"),
    [
        (["leaderboard"], 1, ""),
        (["stats", "--json"], 1, ""),
        (["forms", "--check"], 1, ""),
        (
            ["parse-issue", str(ISSUE_BODY / "issue.md")],
            2,
            "bounties: error: fix the content first (see above)\n",
        ),
    ],
)
def test_a_command_on_invalid_content_prints_its_errors(
    tree: Tree, capsys: pytest.CaptureFixture[str], command: list[str], code: int, last_words: str
) -> None:
    tree.replace("demo/findings/DEMO-1.md", "severity: high", "severity: hihg")
    assert main([*command, "--root", str(tree.root)]) == code
    out, err = capsys.readouterr()
    assert (out, err) == ("", ERRORS + last_words)
