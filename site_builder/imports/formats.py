"""Which importer reads an input: by `--format`, or for `auto` by the file name (`.csv`) and the
shape of the JSON (HackerOne's report responses, else our own layout)."""

from __future__ import annotations

import json

from .hackerone import is_hackerone, read_hackerone
from .records import ImportProblem, ImportResult, Target
from .table import read_csv, read_json

FORMATS = ("auto", "json", "csv", "hackerone")


def read_input(text: str, name: str, fmt: str, target: Target) -> ImportResult:
    """The findings in `text` (the content of the file called `name`)."""
    if fmt == "csv" or (fmt == "auto" and name.lower().endswith(".csv")):
        return read_csv(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        hint = "for a CSV file, name it .csv or pass --format csv" if fmt == "auto" else ""
        position = f"line {error.lineno}, column {error.colno}"
        problem = ImportProblem(position, f"not valid JSON: {error.msg}", hint=hint)
        return ImportResult(problems=[problem])
    if fmt == "hackerone" or (fmt == "auto" and is_hackerone(data)):
        return read_hackerone(data, target)
    return read_json(data)
