"""The one place that reads the system clock: which day is "today" for disclosure, review and
deadline decisions.

`BOUNTIES_AS_OF=YYYY-MM-DD` in the environment fixes today for every command and for the MkDocs
plugin, including in child processes: reproducible builds, and a test suite that never depends on
the real date. A value that is not exactly a date is an error, never silently ignored (a typo
would otherwise publish against the real date)."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from .content.types import parse_day

AS_OF_VARIABLE = "BOUNTIES_AS_OF"


class ClockError(ValueError):
    """BOUNTIES_AS_OF is set to something that is not a date."""


def today() -> date:
    """BOUNTIES_AS_OF when it is set (and not empty), otherwise today's date in UTC."""
    text = os.environ.get(AS_OF_VARIABLE, "")
    if not text:
        return datetime.now(UTC).date()
    try:
        return parse_day(text)
    except ValueError as error:
        raise ClockError(f"{AS_OF_VARIABLE}: {error}; unset it to use today's date") from None
