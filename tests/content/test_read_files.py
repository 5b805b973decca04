import shutil
from pathlib import Path

import pytest

from benchmarks.synthetic import generate
from site_builder.content import read_files
from site_builder.content.checks import validate
from tests.conftest import AS_OF, Tree


def test_parallel_reading_gives_the_same_result_as_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate(tmp_path / "site", 60)
    broken = root / "programs" / "demo" / "findings" / "SYN-000006.md"
    broken.write_text(broken.read_text().replace("severity: high", "severity: hihg"))
    monkeypatch.setenv("BOUNTIES_NO_PARALLEL", "1")
    serial_content, serial_problems = validate(root, AS_OF)
    monkeypatch.delenv("BOUNTIES_NO_PARALLEL")
    monkeypatch.setattr(read_files, "PARALLEL_FROM", 10)
    parallel_content, parallel_problems = validate(root, AS_OF)
    assert [p.as_text() for p in parallel_problems] == [p.as_text() for p in serial_problems]
    assert len(serial_problems) == 1 and ":4:11: error: severity:" in serial_problems[0].as_text()
    assert [f.finding for f in parallel_content.findings] == [
        f.finding for f in serial_content.findings
    ]
    assert [f.source.body for f in parallel_content.findings] == [
        f.source.body for f in serial_content.findings
    ]


def test_errors_found_after_loading_reread_the_file_for_positions(tree: Tree) -> None:
    # The loader keeps no text for valid files; a cross-file error must still get its line.
    tree.replace("demo/findings/DEMO-1.md", "reward: 5000", "reward: 50000")
    copy = tree.root.parent / "copy"
    shutil.copytree(tree.root, copy)
    _, problems = validate(copy, AS_OF)
    assert [p.as_text().split(": error")[0] for p in problems] == [
        "programs/demo/findings/DEMO-1.md:13:9"
    ]


def test_split_front_matter_reports_the_body_line() -> None:
    front, body, line = read_files.split_front_matter("---\na: 1\nb: 2\n---\nbody\n")
    assert (front, body, line) == ("a: 1\nb: 2\n", "body\n", 5)
    assert read_files.split_front_matter("no front matter") is None
    assert read_files.split_front_matter("---\nunclosed: true\n") is None
