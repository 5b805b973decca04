"""Reading content files: serial and parallel reading agree, errors keep their positions."""

import multiprocessing
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from site_builder.content import read_files
from site_builder.content.checks import validate
from site_builder.synthetic import generate
from tests.conftest import AS_OF, Tree

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="parallel reading is Linux-only"
)


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make read_many take the parallel path whatever this machine has (ten files are enough,
    four CPUs seen) and record the size of every worker pool it starts."""
    monkeypatch.setattr(read_files, "PARALLEL_FROM", 10)
    monkeypatch.setattr(read_files.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.delenv("BOUNTIES_NO_PARALLEL", raising=False)
    fork = multiprocessing.get_context("fork")
    real_pool = fork.Pool
    sizes: list[int] = []

    def spy_pool(processes: int, *args: Any, **kwargs: Any) -> Any:
        sizes.append(processes)
        return real_pool(processes, *args, **kwargs)

    monkeypatch.setattr(fork, "Pool", spy_pool)
    return sizes


@linux_only
def test_parallel_reading_gives_the_same_result_as_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    root = generate(tmp_path / "site", 60)
    broken = root / "programs" / "demo" / "findings" / "SYN-000006.md"
    broken.write_text(broken.read_text().replace("severity: high", "severity: hihg"))
    monkeypatch.setenv("BOUNTIES_NO_PARALLEL", "1")
    serial_content, serial_problems = validate(root, AS_OF)
    assert pools == []
    monkeypatch.delenv("BOUNTIES_NO_PARALLEL")
    parallel_content, parallel_problems = validate(root, AS_OF)
    assert pools == [3]  # three workers besides the main process
    assert [p.as_text() for p in parallel_problems] == [p.as_text() for p in serial_problems]
    assert len(serial_problems) == 1 and ":4:11: error: severity:" in serial_problems[0].as_text()
    assert len(serial_content.findings) > 50  # most of them read by the workers
    assert [f.finding for f in parallel_content.findings] == [
        f.finding for f in serial_content.findings
    ]
    assert [f.source.body for f in parallel_content.findings] == [
        f.source.body for f in serial_content.findings
    ]


@linux_only
def test_parallel_read_many_returns_files_in_the_order_given(
    tmp_path: Path, pools: list[int]
) -> None:
    root = generate(tmp_path / "site", 40)
    items = [(str(p), p.name, True) for p in sorted(root.rglob("*.md"))]
    items.append((str(root / "missing.md"), "missing.md", True))
    serial = [read_files.read_file(*item) for item in items]
    assert read_files.read_many(items) == serial
    assert pools == [3]
    assert serial[-1].problem is not None and serial[0].body


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\na: 1\n...\nbody", ("a: 1\n", "body", 4)),  # YAML's document end closes it too
        ("---\na: 1\n--- \t\nbody", ("a: 1\n", "body", 4)),  # trailing whitespace is fine
        ("---\na: 1\n---", ("a: 1\n", "", 4)),  # closing line at the end of the file
        ("---\n---\n", ("", "", 3)),  # empty front matter
        ("---\na: 1\n----\nb\n---\nc", ("a: 1\n----\nb\n", "c", 6)),  # ---- is not a marker
        ("---\na: 1\n ---\nc", None),  # an indented marker is not one
        ("---\na: 1\n---x\nc", None),
        ("--- \na: 1\n---\nc", ("a: 1\n", "c", 4)),
        ("---x\na: 1\n---\n", None),
    ],
)
def test_front_matter_closing_lines(text: str, expected: object) -> None:
    assert read_files.split_front_matter(text) == expected
