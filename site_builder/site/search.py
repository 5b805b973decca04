"""Full-text search with Pagefind: a chunked static index built from the finished HTML, so a
query downloads a few small fragments instead of one index of the whole site (Material's own
index is ~3.3 KB per page, ~33 MB at 10,000 findings). It indexes only pages that were
published, so it can hold nothing private."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUTPUT_SUBDIR = "pagefind"


class SearchIndexError(Exception):
    pass


def build_search_index(site_dir: Path) -> str:
    """Index `site_dir` in place; returns Pagefind's summary line."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        OUTPUT_SUBDIR,
        "--exclude-selectors",
        ".bb-filters, .headerlink",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"could not run Pagefind: {error}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise SearchIndexError(
            "Pagefind failed: "
            + " / ".join(detail)
            + " (install it with: pip install 'pagefind[bin]')"
        )
    pages = [
        line.strip()
        for line in result.stdout.splitlines()
        if line.strip().startswith("Indexed") and line.strip().endswith("pages")
    ]
    return f"search: {pages[-1]}" if pages else "search index built"
