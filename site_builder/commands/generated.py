"""Write generated files, or with --check report which are stale (for CI)."""

from __future__ import annotations

import sys
from pathlib import Path

from .common import EXIT_OK, EXIT_PROBLEMS


def write_or_check(folder: Path, documents: dict[str, str], check: bool, regenerate: str) -> int:
    """Write `documents` into `folder`; with `check`, change nothing and exit 1 if any differ."""
    stale = [name for name, text in documents.items() if _current(folder / name) != text]
    if check:
        for name in stale:
            print(f"{folder / name}: stale; run `{regenerate}`", file=sys.stderr)
        if not stale:
            print(f"{len(documents)} file(s) in {folder} are up to date", file=sys.stderr)
        return EXIT_PROBLEMS if stale else EXIT_OK
    folder.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (folder / name).write_text(documents[name], encoding="utf-8")
    print(f"wrote {len(stale)} of {len(documents)} file(s) in {folder}", file=sys.stderr)
    return EXIT_OK


def _current(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
