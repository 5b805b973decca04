"""`bounties build`: exit codes, the same messages as validate, and atomic output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder.cli import main
from tests.conftest import FIXTURES, REPO_ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "theme", root / "theme")
    (root / "site_docs").mkdir()
    return root


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
        "programs/demo/findings/DEMO-1.md:4:11: error: severity: 'hihg' is not allowed here"
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
