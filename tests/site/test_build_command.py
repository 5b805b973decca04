"""`bounties build`: exit codes, the same messages as validate, and atomic output."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from site_builder.cli import main


def build(project: Path, *extra: str) -> int:
    return main(["build", "--root", str(project), "--as-of", "2026-11-23", *extra])


def test_build_writes_the_site(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build(project) == 0
    site = project / "site"
    assert (site / "index.html").is_file()
    assert (site / "findings" / "DEMO-1" / "index.html").is_file()
    assert (site / "api" / "findings.json").is_file()
    assert "built" in capsys.readouterr().err
    assert not [p for p in project.iterdir() if p.name.startswith(".site")]


def test_failed_build_keeps_the_previous_site(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build(project) == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    finding = project / "programs" / "demo" / "findings" / "DEMO-1.md"
    finding.write_text(finding.read_text().replace("severity: high", "severity: hihg"))
    capsys.readouterr()
    assert build(project) == 1
    err = capsys.readouterr().err
    assert (
        "programs/demo/findings/DEMO-1.md:4:11: error: severity: 'hihg' is not a rating of this"
    ) in err
    assert "was left as it was" in err
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site")]


def test_out_option_and_as_of_change_what_is_published(project: Path) -> None:
    out = project / "public"
    assert main(["build", "--root", str(project), "--out", str(out), "--as-of", "2027-01-08"]) == 0
    assert (out / "findings" / "DEMO-3" / "index.html").is_file()
    assert build(project) == 0
    assert not (project / "site" / "findings" / "DEMO-3").exists()


def test_missing_mkdocs_config_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "mkdocs.yml").unlink()
    assert build(project) == 2
    assert "no MkDocs configuration" in capsys.readouterr().err


def test_broken_link_in_a_hand_written_page_fails_the_build(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "site_docs" / "about.md").write_text("# About\n\nSee [nothing](missing.md).\n")
    assert build(project) == 1
    assert "missing.md" in capsys.readouterr().err


def _wait_while(condition: Callable[[], bool], seconds: float) -> None:
    """Short sleeps, not `Thread.join(timeout)`: timed waits on locks never return under
    libfaketime (.ci/time-travel)."""
    deadline = time.monotonic() + seconds
    while condition() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_second_build_into_the_same_folder_waits_its_turn(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import fcntl
    import os
    import threading

    folder = os.open(project, os.O_RDONLY)
    fcntl.flock(folder, fcntl.LOCK_EX)  # as a running build holds it
    result: list[int] = []
    waiting = threading.Thread(target=lambda: result.append(build(project)))
    waiting.start()
    _wait_while(waiting.is_alive, seconds=3)
    assert waiting.is_alive() and result == [], "the second build did not wait"
    os.close(folder)
    _wait_while(waiting.is_alive, seconds=120)
    assert result == [0]
    err = capsys.readouterr().err
    assert f"bounties: another build into {project} is running; waiting for it to finish" in err
    assert (project / "site" / "index.html").is_file()


def test_a_killed_build_leaves_nothing_after_the_next_one(project: Path) -> None:
    # What `kill -9` leaves: a work folder (with search scratch files) and, if killed in the
    # middle of the swap, the previous site moved aside with no site in its place.
    assert build(project) == 0
    (project / ".site.building-x1y2" / "site").mkdir(parents=True)
    (project / ".site.building-x1y2" / "bounties-search-abc").mkdir()
    (project / "site").rename(project / ".site.previous")
    (project / "site_docs" / "extra.md").write_text("# Extra\n")
    assert build(project) == 0
    assert sorted(p.name for p in project.iterdir() if p.name.startswith((".site", "site"))) == [
        "site",
        "site_docs",
    ]


def test_a_killed_swap_gets_the_last_good_site_back_before_a_failed_build(project: Path) -> None:
    assert build(project) == 0
    before = (project / "site" / "index.html").read_bytes()
    (project / "site").rename(project / ".site.previous")
    finding = project / "programs" / "demo" / "findings" / "DEMO-1.md"
    finding.write_text(finding.read_text().replace("severity: high", "severity: hihg"))
    assert build(project) == 1
    assert (project / "site" / "index.html").read_bytes() == before


def test_search_scratch_files_live_in_the_builds_work_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from site_builder.site import search

    made: list[str] = []
    real_mkdtemp = tempfile.mkdtemp

    def spy(*args: object, **kwargs: object) -> str:
        path = real_mkdtemp(*args, **kwargs)  # type: ignore[call-overload]
        made.append(path)
        return path

    monkeypatch.setattr(search.tempfile, "mkdtemp", spy)
    assert build(project) == 0
    scratch = [Path(p) for p in made if Path(p).name.startswith("bounties-search-")]
    assert len(scratch) == 1 and scratch[0].parent.name.startswith(".site.building-")
    assert scratch[0].parent.parent == project.resolve()


def test_search_false_builds_no_search_page_index_or_nav_entry(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "  - bounties\n" in text
    config.write_text(text.replace("  - bounties\n", "  - bounties:\n      search: false\n"))
    assert build(project) == 0
    site = project / "site"
    assert not (site / "search").exists()
    assert not (site / "pagefind").exists()
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert "pagefind/" not in html and "pagefind-ui" not in html, page
        assert 'href="search/"' not in html and "/search/" not in html, page
    assert (site / "programs" / "index.html").is_file()


def test_search_true_keeps_the_search_page_and_its_index(project: Path) -> None:
    assert build(project) == 0
    site = project / "site"
    assert "pagefind-ui.js" in (site / "search" / "index.html").read_text()
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert 'href="search/"' in (site / "index.html").read_text()
