"""Validate a content root: load every file, then apply the rules that span files."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from .entries import Content
from .finding_checks import check_findings
from .hand_written import HAND_WRITTEN_DIR, check_hand_written
from .load import load_content
from .markdown_checks import check_contributed_markdown
from .page_names import check_page_names
from .placeholder_checks import check_placeholders
from .problems import Problem
from .program_checks import check_programs
from .visibility_checks import check_repository_visibility


def validate(root: Path, as_of: date) -> tuple[Content, list[Problem]]:
    """All content under root, and every problem found (errors and warnings), sorted."""
    with gc_paused():
        content, problems = load_content(root)
        problems.extend(check_programs(content, as_of))
        problems.extend(check_findings(content, as_of))
        problems.extend(check_page_names(content))
        problems.extend(check_contributed_markdown(content))
        problems.extend(check_placeholders(content))
        problems.extend(check_repository_visibility(content))
        problems.extend(check_hand_written(root, root / HAND_WRITTEN_DIR))
    return content, sorted(problems, key=Problem.sort_key)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects: it would
    otherwise rescan the growing heap again and again (10-15% of the time at 10,000 findings).
    Worker processes reading files are forked inside, so they start with it paused too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
