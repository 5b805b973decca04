"""Shared fixtures: a copy of a small valid content tree that each test may break."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine

from site_builder.clock import AS_OF_VARIABLE
from site_builder.content.checks import validate
from site_builder.content.entries import Content
from site_builder.content.problems import Problem

FIXTURES = Path(__file__).parent / "fixtures"
REPO_ROOT = Path(__file__).parent.parent
AS_OF = date(2026, 11, 23)


@pytest.fixture(scope="session", autouse=True)
def fixed_today() -> Iterator[date]:
    """Every test runs on AS_OF, whatever the real date: the clock in this process is moved to
    noon UTC on AS_OF (and keeps ticking), and BOUNTIES_AS_OF carries the date into child
    processes (`bounties`, MkDocs). A test about the clock itself unsets the variable and travels
    with the `time_machine` fixture."""
    saved = os.environ.get(AS_OF_VARIABLE)
    os.environ[AS_OF_VARIABLE] = AS_OF.isoformat()
    with time_machine.travel(datetime(AS_OF.year, AS_OF.month, AS_OF.day, 12, tzinfo=UTC)):
        yield AS_OF
    if saved is None:
        os.environ.pop(AS_OF_VARIABLE, None)
    else:
        os.environ[AS_OF_VARIABLE] = saved


class Tree:
    """A content root in a temporary folder, with helpers to edit files and validate."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, relative: str) -> Path:
        return self.root / "programs" / relative

    def read(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        path = self.path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, relative: str, old: str, new: str) -> None:
        text = self.read(relative)
        assert old in text, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, 1))

    def append(self, relative: str, text: str) -> None:
        self.write(relative, self.read(relative) + text)

    def validate(self, as_of: date = AS_OF) -> tuple[Content, list[Problem]]:
        return validate(self.root, as_of)

    def problems(self, as_of: date = AS_OF) -> list[str]:
        """Every problem as `path:line:col: level: message (hint)` text."""
        return [p.as_text() for p in self.validate(as_of)[1]]

    def errors(self, as_of: date = AS_OF) -> list[str]:
        return [p.as_text() for p in self.validate(as_of)[1] if p.is_error]


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "site")
    return Tree(tmp_path / "site")


def only(problems: list[str]) -> str:
    """The single problem reported, failing loudly if there are none or several."""
    assert len(problems) == 1, "expected exactly one problem, got:\n" + "\n".join(problems)
    return problems[0]


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped example content built once with MkDocs + Material, as of AS_OF."""
    from site_builder.mkdocs_build import build_site

    out = tmp_path_factory.mktemp("example") / "site"
    build_site(REPO_ROOT / "mkdocs.yml", REPO_ROOT, out, AS_OF, verbose=False)
    return out
