"""Validate the content as it would be with some files added or replaced, without touching it:
the files go into a temporary copy of programs/, and every problem of the copy is returned."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from ..content.checks import validate
from ..content.load import CONTENT_DIR
from ..content.problems import Problem


def trial_problems(root: Path, files: Mapping[str, str], as_of: date) -> list[Problem]:
    """Every problem of the tree under `root` with `files` (path relative to the root, with
    forward slashes -> text) written into it. Paths in the problems read as they would in
    `root`, so they match the keys of `files`."""
    with tempfile.TemporaryDirectory(prefix="bounties-trial-") as folder:
        trial = Path(folder)
        shutil.copytree(root / CONTENT_DIR, trial / CONTENT_DIR, symlinks=True)
        for relative, text in files.items():
            path = trial / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        return validate(trial, as_of)[1]
