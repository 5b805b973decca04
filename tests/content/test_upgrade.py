"""Content format 1 -> 2: `bounties upgrade` keeps comments and key order, changes nothing that
is published, and format-1 content keeps validating with a notice."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.content.checks import validate
from site_builder.content.problems import Level
from site_builder.site.exports import machine_assets
from site_builder.site.views import build_views

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
AS_OF = date(2026, 11, 23)
PUBLISHED = ("api/findings.json", "api/leaderboards.json", "api/stats.json", "api/programs.json")


def _format_1(tmp_path: Path, source: Path, name: str) -> Path:
    """A content tree with its settings and programs as they were written in format 1."""
    root = tmp_path / name
    shutil.copytree(source / "programs", root / "programs")
    older = FIXTURES / "format-1" / name / "programs"
    shutil.copytree(older, root / "programs", dirs_exist_ok=True)
    return root


def _format_1_examples(tmp_path: Path) -> Path:
    return _format_1(tmp_path, ROOT, "examples")


def _canary(tmp_path: Path) -> Path:
    return _format_1(tmp_path, FIXTURES / "canary", "canary")


def _published(root: Path) -> dict[str, object]:
    content, problems = validate(root, AS_OF)
    assert not [p for p in problems if p.is_error], [p.as_text() for p in problems]
    assets = {a.path: a.content for a in machine_assets(build_views(content, AS_OF))}
    return {path: json.loads(assets[path]) for path in PUBLISHED}


def _files(root: Path) -> dict[Path, str]:
    base = root / "programs"
    paths = [base / "site.yml", *sorted(base.glob("*/program.yml"))]
    return {p: p.read_text(encoding="utf-8") for p in paths}


def _comments(text: str) -> list[str]:
    return [
        line.split("#", 1)[1].strip()
        for line in text.splitlines()
        if " #" in line or line.lstrip().startswith("#")
    ]


def _top_keys(text: str) -> list[str]:
    keys = [line.split(":", 1)[0] for line in text.splitlines() if line[:1].isalpha()]
    return [key for key in keys if key != "format"]  # added at the top when it was absent


@pytest.mark.parametrize("tree", [_format_1_examples, _canary], ids=["examples", "canary"])
def test_upgrade_publishes_exactly_the_same(tree, tmp_path: Path) -> None:
    root = tree(tmp_path)
    before = _published(root)
    assert main(["upgrade", "--root", str(root)]) == 0
    after = _published(root)
    for path in PUBLISHED:
        assert after[path] == before[path], path
    assert main(["upgrade", "--root", str(root), "--check"]) == 0


@pytest.mark.parametrize("tree", [_format_1_examples, _canary], ids=["examples", "canary"])
def test_upgrade_keeps_comments_and_key_order(tree, tmp_path: Path) -> None:
    root = tree(tmp_path)
    old = _files(root)
    assert main(["upgrade", "--root", str(root)]) == 0
    for path, text in _files(root).items():
        if text != old[path]:
            assert text.startswith("format: 2\n") or "\nformat: 2\n" in text, path
        assert _comments(old[path]) == _comments(text), path
        assert _top_keys(old[path]) == _top_keys(text), path
        if "tiers:" in old[path]:
            assert "tiers:" not in text and "  table:" in text and "scale: severity" in text


def test_upgraded_examples_match_the_shipped_format_2_files(tmp_path: Path) -> None:
    """The shipped programs/ and the canary corpus are exactly what this upgrade writes."""
    for name, source in (("examples", ROOT), ("canary", FIXTURES / "canary")):
        root = _format_1(tmp_path, source, name)
        assert main(["upgrade", "--root", str(root)]) == 0
        for path, text in _files(root).items():
            assert text == (source / path.relative_to(root)).read_text(encoding="utf-8"), path


def test_format_1_still_validates_with_a_notice(tmp_path: Path) -> None:
    root = _format_1_examples(tmp_path)
    _, problems = validate(root, AS_OF)
    notices = [p for p in problems if p.level is Level.NOTICE]
    assert len(notices) == 6  # site.yml and five programs
    assert all("bounties upgrade" in p.hint for p in notices)
    assert not [p for p in problems if p.level is not Level.NOTICE]


def test_notices_never_fail_strict(tmp_path: Path, capsys) -> None:
    root = _format_1_examples(tmp_path)
    assert main(["validate", "--root", str(root), "--strict"]) == 0
    assert "6 notice(s)" in capsys.readouterr().err


def test_check_reports_stale_files_and_writes_nothing(tmp_path: Path, capsys) -> None:
    root = _format_1_examples(tmp_path)
    old = _files(root)
    assert main(["upgrade", "--root", str(root), "--check"]) == 1
    assert _files(root) == old
    assert "needs upgrading to format 2" in capsys.readouterr().err


def test_a_newer_format_is_left_alone(tmp_path: Path, capsys) -> None:
    root = _format_1_examples(tmp_path)
    site = root / "programs" / "site.yml"
    site.write_text(site.read_text().replace("format: 1", "format: 9"), encoding="utf-8")
    assert main(["upgrade", "--root", str(root)]) == 1
    assert "format: 9" in site.read_text()
    assert "newer than this bounties reads" in capsys.readouterr().err


def test_broken_yaml_stops_before_any_file_is_written(tmp_path: Path, capsys) -> None:
    root = _format_1_examples(tmp_path)
    broken = root / "programs" / "wayfarer-agent-bounty" / "program.yml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    old = _files(root)
    assert main(["upgrade", "--root", str(root)]) == 2
    assert _files(root) == old
    assert "run `bounties validate`" in capsys.readouterr().err


def test_panel_handles_become_members(tmp_path: Path) -> None:
    root = _format_1_examples(tmp_path)
    assert main(["upgrade", "--root", str(root)]) == 0
    text = (root / "programs" / "aurora-red-team-panel" / "program.yml").read_text()
    assert "  members:\n    - handle: dr-osei\n    - handle: k-nakamura\n" in text
