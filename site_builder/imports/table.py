"""Our own import layout, as JSON or CSV: one record per finding, with the keys (or columns) of
docs/import.md. Values pass through as given, so the finding's own validation names a wrong
one; only what cannot become a file at all (no id, a bad id, an unknown key) is refused here."""

from __future__ import annotations

import csv
import difflib
import io
import re
from typing import Any

from ..content.types import parse_day
from .files import private_section
from .ids import valid_id
from .records import ImportedFinding, ImportProblem, ImportResult

REQUIRED = ("id", "title", "severity", "category", "status", "submitted")
OPTIONAL = (
    "duplicate_of",
    "hunters",
    "first_response",
    "triaged",
    "accepted",
    "fixed",
    "rewarded",
    "disclose_on",
    "reward",
    "summary",
    "details",
)
COLUMNS = REQUIRED + OPTIONAL
_BODY = ("summary", "details")
# Finding fields in the order they are written (the order of hand-written findings).
_FRONT_ORDER = (
    "id",
    "title",
    "severity",
    "category",
    "status",
    "duplicate_of",
    "hunters",
    "submitted",
    "first_response",
    "triaged",
    "accepted",
    "fixed",
    "rewarded",
    "disclose_on",
    "reward",
)
_DAYS = ("submitted", "first_response", "triaged", "accepted", "fixed", "rewarded", "disclose_on")
_HANDLES = re.compile(r"[\s,;]+")
_WHOLE = re.compile(r"[0-9]+")


def read_csv(text: str) -> ImportResult:
    """Rows of a CSV file with a header row; positions are the line where a row ends."""
    result = ImportResult()
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    result.problems += _header_problems(header)
    if result.problems:
        return result
    for row in reader:
        position = f"line {reader.line_num}"
        if None in row:
            result.problems.append(
                ImportProblem(
                    position,
                    f"the row has more cells than the header's {len(header)} columns",
                    hint="quote cells that hold commas",
                )
            )
            continue
        values = {key: value.strip() for key, value in row.items() if value and value.strip()}
        _add(values, position, result)
    return result


def read_json(data: Any) -> ImportResult:
    """A list of finding objects, or `{"findings": [...]}`."""
    result = ImportResult()
    if isinstance(data, dict) and set(data) == {"findings"}:
        items, prefix = data["findings"], "findings"
    else:
        items, prefix = data, ""
    if not isinstance(items, list):
        hint = (
            "this looks like HackerOne's report JSON: use --format hackerone"
            if (isinstance(data, dict) and ("data" in data or data.get("type") == "report"))
            else ""
        )
        message = 'expected a list of findings, or {"findings": [...]}'
        result.problems.append(ImportProblem("file", message, hint=hint))
        return result
    for index, item in enumerate(items):
        position = f"{prefix}[{index}]"
        if not isinstance(item, dict):
            result.problems.append(ImportProblem(position, "expected an object of keys and values"))
            continue
        values = {key: value for key, value in item.items() if value not in (None, "", [])}
        _add(values, position, result)
    return result


def _header_problems(header: list[str]) -> list[ImportProblem]:
    if not header:
        return [ImportProblem("line 1", "the file is empty; it needs a header row")]
    problems = []
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        problems.append(
            ImportProblem(
                "line 1",
                f"missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}",
                hint=f"the header needs {', '.join(REQUIRED)}; see docs/import.md",
            )
        )
    for column in header:
        if column not in COLUMNS:
            problems.append(_unknown("line 1", column, "column"))
        elif header.count(column) > 1:
            problems.append(ImportProblem("line 1", f"column '{column}' appears twice"))
    return problems


def _unknown(position: str, name: Any, what: str, record: str = "") -> ImportProblem:
    close = difflib.get_close_matches(str(name), COLUMNS, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"{what}s: {', '.join(COLUMNS)}"
    return ImportProblem(position, f"unknown {what} '{name}'", record=record, hint=hint)


def _add(values: dict[str, Any], position: str, result: ImportResult) -> None:
    """One record's finding, or the problems that keep it from being one."""
    finding_id = values.get("id")
    if not valid_id(finding_id):
        message = "no id" if finding_id is None else f"'{finding_id}' is not a valid finding id"
        hint = "letters, digits, '.', '_' and '-' (max 64); the id is the file name"
        result.problems.append(ImportProblem(position, message, field="id", hint=hint))
        return
    refused = [_unknown(position, key, "key", finding_id) for key in values if key not in COLUMNS]
    refused += [
        ImportProblem(position, "expected text", record=finding_id, field=key)
        for key in _BODY
        if key in values and not isinstance(values[key], str)
    ]
    if refused:
        result.problems += refused
        return
    front = {key: _value(key, values[key]) for key in _FRONT_ORDER if key in values}
    result.findings.append(ImportedFinding(finding_id, position, front, _body(values)))


def _value(key: str, value: Any) -> Any:
    """A cell or JSON value as the finding file should hold it, where the conversion is sure;
    anything else is kept as given for validation to report."""
    if key == "hunters" and isinstance(value, str):
        return [handle for handle in _HANDLES.split(value) if handle]
    if key == "reward" and isinstance(value, str) and _WHOLE.fullmatch(value):
        return int(value)
    if key in _DAYS and isinstance(value, str):
        try:
            return parse_day(value)
        except ValueError:
            return value
    return value


def _body(values: dict[str, Any]) -> str:
    """The public summary, then the details inside a redacted section."""
    parts = []
    if "summary" in values:
        parts.append(values["summary"].strip())
    if "details" in values:
        parts.append(private_section("Details", values["details"]))
    return "\n\n".join(parts)
