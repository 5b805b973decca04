"""Before the bot opens or updates a pull request, the whole content tree is validated with the
proposed files in place: a pull request opened with the workflow's token starts no workflow, so
nothing else would check it, and once merged an invalid file stops the bot on every issue."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from ..content.checks import validate
from ..content.load import CONTENT_DIR


def proposal_problems(root: Path, files: dict[str, str], as_of: date) -> list[str]:
    """The errors (as text) that the content would have with `files` written over it."""
    with tempfile.TemporaryDirectory(prefix="bounties-proposal-") as scratch:
        copy = Path(scratch)
        shutil.copytree(root / CONTENT_DIR, copy / CONTENT_DIR, symlinks=True)
        for relative, text in files.items():
            target = copy / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        _, problems = validate(copy, as_of)
    return [p.as_text() for p in problems if p.is_error]
