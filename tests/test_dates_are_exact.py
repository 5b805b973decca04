"""Every date a person writes (content, `/disclose`, `--as-of`, BOUNTIES_AS_OF) is exactly
YYYY-MM-DD. Python's own parser also takes week dates and compact forms; each is an error here."""

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
