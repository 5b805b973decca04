"""Every date a person writes (content, `/disclose`, `--as-of`, BOUNTIES_AS_OF) is exactly
YYYY-MM-DD: Python's own parser also takes week dates and compact forms; each is an error here.
Numbers and nesting are bounded, so that no input stops a command with a traceback."""

from __future__ import annotations

import pytest

from site_builder.bot.commands import command_in
from site_builder.bot.model import Comment
from site_builder.cli import main
from site_builder.content.types import parse_day
from tests.conftest import Tree, only

NEAR_MISSES = [
    "2027W011",
    "2027-W01-1",
    "2027W01",
    "20270101",
    "2027-01-01T00:00",
    "2027-1-1",
    "2027-01-01 ",
    "+2027-01-01",
    "2027-02-29",
    "2027/01/01",
    "\u0662\u0660\u0662\u0667-\u0660\u0661-\u0660\u0661",  # Arabic-Indic digits match \d
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_parse_day_rejects_near_misses(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date in the form YYYY-MM-DD"):
        parse_day(text)


def test_parse_day_takes_the_exact_form() -> None:
    assert parse_day("2028-02-29").isoformat() == "2028-02-29"


@pytest.mark.parametrize("text", [t for t in NEAR_MISSES if t.strip() == t])
def test_disclose_command_rejects_near_misses(text: str) -> None:
    created = "2026-11-20T10:00:00Z"
    command = command_in(Comment(1, "maintainer", f"/disclose {text}", created, created))
    assert command is not None and command.error == "use /disclose [YYYY-MM-DD]"


@pytest.mark.parametrize("text", ["2027W011", "2027-W01-1", "20270101"])
def test_content_dates_reject_week_dates_and_compact_forms(tree: Tree, text: str) -> None:
    tree.replace("demo/findings/DEMO-1.md", "disclose_on: 2026-05-06", f"disclose_on: '{text}'")
    assert f"'{text}' is not a date in the form YYYY-MM-DD" in only(tree.errors())


@pytest.mark.parametrize("text", ["2027W011", "20270101"])
def test_as_of_option_rejects_week_dates(
    tree: Tree, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--root", str(tree.root), "--as-of", text]) == 2
    assert f"'{text}' is not a date in the form YYYY-MM-DD" in capsys.readouterr().err


# Numbers that would stop a command with a traceback instead of a clear message.


@pytest.mark.parametrize(
    "value", ["\u00b2", "\u0663", "1\u00b2", "9" * 5000, "1000000000", "-5", "1e3"]
)
@pytest.mark.parametrize("key", ["reward", "points"])
def test_accept_refuses_numbers_int_cannot_take_or_that_are_absurd(key: str, value: str) -> None:
    created = "2026-11-20T10:00:00Z"
    body = f"/accept severity=high {key}={value}"
    command = command_in(Comment(1, "maintainer", body, created, created))
    assert command is not None
    assert command.error == f"{key} must be a whole number below 1000000000"


def test_accept_takes_the_largest_allowed_number() -> None:
    created = "2026-11-20T10:00:00Z"
    body = "/accept severity=high reward=999999999 points=0"
    command = command_in(Comment(1, "maintainer", body, created, created))
    assert command is not None and not command.error
    assert command.args == {"severity": "high", "reward": "999999999", "points": "0"}


def test_deep_nesting_and_huge_numbers_are_content_errors_and_other_files_still_report(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    tree.append("demo/program.yml", "deep: " + "{a: " * 990 + "1" + "}" * 990 + "\n")
    tree.replace("demo/findings/DEMO-1.md", "reward: 5000", "reward: " + "9" * 5000)
    tree.replace("club/findings/CLUB-1.md", "severity: high", "severity: hihg")
    assert main(["validate", "--root", str(tree.root)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    lines = out.splitlines()
    assert [line.split(": error: ")[0] for line in lines] == [
        "programs/club/findings/CLUB-1.md:4:11",
        "programs/demo/findings/DEMO-1.md:13:9",
        "programs/demo/program.yml:57:259",
    ]
    assert "has 5000 characters; too large" in lines[1]
    assert "nested more than 64 levels deep" in lines[2]


def test_nesting_up_to_the_limit_is_read(tree: Tree) -> None:
    from site_builder.content.yamlio import MAX_DEPTH, parse_yaml

    text = "a: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n"
    data = parse_yaml(text, "x.yml").data
    depth = 0
    value = data["a"]
    while isinstance(value, list):
        depth, value = depth + 1, value[0]
    assert (depth, value) == (MAX_DEPTH - 1, 1)
    with pytest.raises(Exception, match="nested more than"):
        parse_yaml("a: " + "[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH + "\n", "x.yml")
