""" "Today" comes from one place: BOUNTIES_AS_OF when set, else the system clock in UTC. The
suite itself runs on a fixed day (tests/conftest.py); these tests check that promise too."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest
import time_machine

from site_builder import clock
from site_builder.cli import main
from tests.conftest import AS_OF, Tree


def test_the_suite_runs_on_a_fixed_day() -> None:
    # Reading the clock on purpose: it must say AS_OF, whatever the real date (the session
    # fixture in tests/conftest.py froze it; .ci/time-travel runs this years ahead).
    assert datetime.now(UTC).date() == AS_OF
    assert date.today() == AS_OF
    assert os.environ[clock.AS_OF_VARIABLE] == AS_OF.isoformat()
    assert clock.today() == AS_OF


def test_without_the_variable_today_is_the_utc_date(
    monkeypatch: pytest.MonkeyPatch, time_machine: time_machine.TimeMachineFixture
) -> None:
    monkeypatch.delenv(clock.AS_OF_VARIABLE)
    # Late evening in UTC is still that day; early morning UTC is the next, whatever the zone.
    time_machine.move_to(datetime(2031, 2, 28, 23, 30, tzinfo=UTC))
    assert clock.today() == date(2031, 2, 28)
    time_machine.move_to("2031-03-01T04:30:00+00:00")
    assert clock.today() == date(2031, 3, 1)


def test_an_empty_variable_counts_as_unset(
    monkeypatch: pytest.MonkeyPatch, time_machine: time_machine.TimeMachineFixture
) -> None:
    monkeypatch.setenv(clock.AS_OF_VARIABLE, "")
    time_machine.move_to("2030-07-04T12:00:00+00:00")
    assert clock.today() == date(2030, 7, 4)


def test_the_variable_fixes_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.AS_OF_VARIABLE, "2029-02-28")
    assert clock.today() == date(2029, 2, 28)


@pytest.mark.parametrize(
    "text",
    [
        "2026-13-01",
        "2026-02-30",
        "20261123",
        "2026-11-23 ",
        " 2026-11-23",
        "23/11/2026",
        "2026-11-23T00:00",
        "today",
        "2026-1-5",
    ],
)
def test_a_variable_that_is_almost_a_date_is_an_error(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setenv(clock.AS_OF_VARIABLE, text)
    with pytest.raises(clock.ClockError, match=r"BOUNTIES_AS_OF: .* is not a date in the form"):
        clock.today()


def test_a_bad_variable_is_a_usage_error_for_every_command(
    monkeypatch: pytest.MonkeyPatch, tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(clock.AS_OF_VARIABLE, "2026-11-31")
    assert main(["validate", "--root", str(tree.root)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "bounties: error: BOUNTIES_AS_OF: '2026-11-31' is not a date in the form YYYY-MM-DD; "
        "unset it to use today's date\n"
    )


def test_as_of_on_the_command_line_wins_over_the_variable(
    monkeypatch: pytest.MonkeyPatch, tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(clock.AS_OF_VARIABLE, "2030-01-01")
    assert main(["validate", "--root", str(tree.root), "--as-of", "2026-11-30"]) == 0
    assert "checked as of 2026-11-30" in capsys.readouterr().err


def test_child_processes_see_the_fixed_day(tree: Tree) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "validate", "--root", str(tree.root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"checked as of {AS_OF.isoformat()}" in result.stderr
