"""Checks on the folder of hand-written pages (`site_docs/`, MkDocs' docs_dir). MkDocs publishes
everything in it as is: a YAML file is copied verbatim, a symbolic link is followed, a copy of
programs/ becomes pages. None of that may hold content, which is published only through the
disclosure rule."""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem

HAND_WRITTEN_DIR = "site_docs"
CONTENT_FOLDERS = frozenset({"programs", "_policies", "_hunters", "_challenges", "findings"})
_FINDING_KEYS = ("severity:", "disclose_on:")  # `status:` is Material's page status too


def check_hand_written(root: Path, docs_dir: Path) -> list[Problem]:
    """Every problem in `docs_dir`; nothing when it does not exist."""
    if not docs_dir.is_dir() and not docs_dir.is_symlink():
        return []
    problems: list[Problem] = []

    def report(path: str, message: str, hint: str) -> None:
        shown = os.path.relpath(path, root).replace(os.sep, "/")
        problems.append(Problem(shown, 0, 0, message, hint=hint))

    if docs_dir.is_symlink():
        report(str(docs_dir), "the hand-written pages folder is a symbolic link", _LINK_HINT)
        return problems
    for folder, dirs, files in os.walk(docs_dir):
        for name in sorted(dirs):
            path = os.path.join(folder, name)
            if os.path.islink(path):
                report(path, "symbolic link in the hand-written pages", _LINK_HINT)
            elif name in CONTENT_FOLDERS:
                report(
                    path,
                    f"a '{name}' folder in the hand-written pages would be published as is",
                    "content belongs in programs/, which is published by the disclosure rule",
                )
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in CONTENT_FOLDERS and not os.path.islink(os.path.join(folder, d))
        )
        for name in sorted(files):
            path = os.path.join(folder, name)
            if os.path.islink(path):
                report(path, "symbolic link in the hand-written pages", _LINK_HINT)
            elif name.endswith((".yml", ".yaml")):
                report(
                    path,
                    "YAML file in the hand-written pages; it would be published as is",
                    "content belongs in programs/; move or delete the file",
                )
            elif name.endswith(".md") and _looks_like_finding(path):
                report(
                    path,
                    "this page looks like a finding (severity or disclose_on in its front "
                    "matter); it would be published whatever its embargo",
                    "findings belong in programs/<slug>/findings/",
                )
    return problems


_LINK_HINT = "MkDocs follows links and publishes their targets; copy the file here instead"


def _looks_like_finding(path: str) -> bool:
    with open(path, encoding="utf-8", errors="replace") as file:
        head = file.read(8192)
    if not head.startswith("---"):
        return False
    front = head.split("\n---", 1)[0]
    keys = {line.split(":", 1)[0] + ":" for line in front.splitlines() if ":" in line}
    return any(key in keys for key in _FINDING_KEYS)
