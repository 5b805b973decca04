"""Rules for the repository itself: CI tells the truth and no build output is ever tracked."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.browser.conftest import missing_browser
from tests.conftest import REPO_ROOT

# Folders that a build, a test run or a benchmark writes; none of them may hold a tracked file.
BUILD_OUTPUTS = (
    "site/",  # `bounties build` and mkdocs.yml's site_dir
    ".site.previous/",  # the previous site while a build swaps it in
    "pagefind/",  # a search index: it can hold the title of every page it indexed
    "test-artifacts/",  # browser screenshots
    "benchmarks/out/",
    "build/",
    "dist/",
    ".venv/",
    "mutants/",  # mutation testing (.ci/mutation): a mutated copy of the tree
)


def tracked_files() -> list[str]:
    result = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=False
    )
    if result.returncode != 0:
        pytest.skip("not a git checkout")
    return [name.decode() for name in result.stdout.split(b"\0") if name]


def test_no_build_output_is_tracked() -> None:
    tracked = [
        name
        for name in tracked_files()
        if name.startswith(BUILD_OUTPUTS) or "/pagefind/" in name or name.endswith(".egg-info")
    ]
    assert tracked == [], "build output is tracked; `git rm -r --cached` it:\n" + "\n".join(tracked)


def test_build_outputs_are_ignored() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", *BUILD_OUTPUTS],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    assert sorted(ignored) == sorted(BUILD_OUTPUTS)


def test_every_committed_screenshot_is_used_by_the_docs() -> None:
    docs_text = "\n".join(
        path.read_text(encoding="utf-8") for path in (REPO_ROOT / "docs").rglob("*.md")
    )
    used = {match for match in re.findall(r"\]\((screenshots/[^)]+)\)", docs_text)}
    committed = {
        name.removeprefix("docs/")
        for name in tracked_files()
        if name.startswith("docs/screenshots/")
    }
    assert committed - used == set(), (
        "screenshots no page uses (the browser suite writes its own to test-artifacts/)"
    )
    assert used - committed == set(), "the docs show screenshots that are not committed"


def test_browser_tests_skip_locally_but_fail_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        missing_browser("no Chromium (apt-get install chromium)")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set, so this is a failure"):
        missing_browser("no Chromium (apt-get install chromium)")


def test_ci_installs_the_browser_or_stops() -> None:
    script = (REPO_ROOT / ".ci" / "run").read_text()
    assert "set -euo pipefail" in script
    assert "|| echo" not in script, "a failed install must stop CI, not print a note"
    assert ".ci/time-travel" in script.splitlines()
