"""Fixtures that build real sites with MkDocs + Material into temporary folders."""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from site_builder.mkdocs_build import build_site
from tests.conftest import AS_OF, FIXTURES, REPO_ROOT


def build_fixture(tmp: Path, fixture: str, as_of: date = AS_OF) -> Path:
    """Copy a content fixture, build it with the repository's mkdocs.yml, return the site."""
    root = tmp / fixture
    shutil.copytree(FIXTURES / fixture, root)
    out = tmp / f"{fixture}-site"
    build_site(REPO_ROOT / "mkdocs.yml", root, out, as_of, verbose=False)
    return out


def site_bytes(site: Path) -> dict[str, bytes]:
    """Every output file's bytes (gzip files decompressed), by path relative to the site."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":  # sitemap.xml.gz, Pagefind's index and fragments
                data = gzip.decompress(data)
            files[path.relative_to(site).as_posix()] = data
    return files


@pytest.fixture(scope="session")
def canary_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture(tmp_path_factory.mktemp("canary"), "canary")


Reader = Callable[[str], str]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository of its own (minimal content, mkdocs.yml, theme, empty site_docs/) to build."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "theme", root / "theme")
    (root / "site_docs").mkdir()
    return root
