"""Before the bot opens or updates a pull request, the whole content tree is validated with the
proposed files in place: a pull request opened with the workflow's token starts no workflow, so
nothing else would check it, and once merged an invalid file stops the bot on every issue.

A public content repository (`content_repository.public`) may store nothing before it is
disclosable: a finding refused for that reason alone is *awaiting its disclosure*, and the
scheduled run proposes it on its date (see disclosure.py)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..content.checks import validate
from ..content.entries import Content
from ..content.finding_checks import NOT_YET_DISCLOSABLE_IN_PUBLIC
from ..content.load import CONTENT_DIR
from ..content.problems import Problem
from ..content.publish import may_ever_publish


@dataclass(frozen=True)
class ProposalCheck:
    problems: list[str]  # the errors, as text; none: the proposal may be made
    awaiting_disclosure: bool = False  # refused only because the finding is not yet public


def proposal_problems(root: Path, files: dict[str, str], as_of: date) -> list[str]:
    """The errors (as text) that the content would have with `files` written over it."""
    return check_proposal(root, files, as_of).problems


def check_proposal(root: Path, files: dict[str, str], as_of: date) -> ProposalCheck:
    """Validate the content with `files` written over it, as of `as_of`."""
    with tempfile.TemporaryDirectory(prefix="bounties-proposal-") as scratch:
        copy = Path(scratch)
        shutil.copytree(root / CONTENT_DIR, copy / CONTENT_DIR, symlinks=True)
        for relative, text in files.items():
            target = copy / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        content, problems = validate(copy, as_of)
    errors = [p for p in problems if p.is_error]
    waiting = bool(errors) and _only_awaiting_disclosure(content, errors, files)
    return ProposalCheck([p.as_text() for p in errors], waiting)


def _only_awaiting_disclosure(
    content: Content, errors: list[Problem], files: dict[str, str]
) -> bool:
    """Whether every error is the public repository's refusal of a proposed finding that will
    be disclosable one day (fail closed: anything else is an ordinary refusal)."""
    if not (content.settings and content.settings.content_repository.public):
        return False
    proposed = [entry for entry in content.findings if entry.source.path in files]
    if not proposed or not all(may_ever_publish(entry, content) for entry in proposed):
        return False
    paths = {entry.source.path for entry in proposed}
    return all(
        p.file in paths and p.field == "disclose_on" and p.message == NOT_YET_DISCLOSABLE_IN_PUBLIC
        for p in errors
    )
