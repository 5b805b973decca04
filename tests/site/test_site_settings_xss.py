"""Site-wide settings reach theme templates that print them raw (Material's `site_name` in
<title> and aria-label attributes): every string field of programs/site.yml is either refused
with a positioned error or proven harmless on every built page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from site_builder.mkdocs_build import build_site
from tests.conftest import AS_OF, FIXTURES, REPO_ROOT, Tree
from tests.site.html_checks import executable_parts

PAYLOADS = [
    "Bounties\"><img src=x onerror=alert('XSS-site')>",
    "Bounties'><svg onload=alert('XSS-site')>",
    "</title><script>alert('XSS-site')</script>",
    "Bounties` onmouseover=alert('XSS-site') `",
    "Bounties\n::error::forged",
]

# Every string field of site.yml, and whether it may hold markup characters (then it must be
# escaped or sanitised wherever it is printed).
REFUSED = [
    ("title",),
    ("base_url",),
    ("contact", "email"),
    ("contact", "url"),
    ("repository",),
    ("content_repository", "url"),
    ("triagers", 0),
    ("language",),
    ("featured", 0),
]
ACCEPTED = [("description",), ("contact", "monitored_by")]


def _set(data: dict, path: tuple, value: str) -> None:
    *parents, last = path
    target = data
    for key in parents:
        target = target.setdefault(key, {})
    if isinstance(last, int):
        data[parents[-1] if parents else path[0]] = [value]
    else:
        target[last] = value


def _with(tree: Tree, path: tuple, value: str) -> None:
    data = yaml.safe_load(tree.read("site.yml"))
    _set(data, path, value)
    tree.write("site.yml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("path", REFUSED, ids=lambda p: ".".join(map(str, p)))
def test_fields_printed_raw_refuse_markup_and_line_breaks(
    tree: Tree, path: tuple, payload: str
) -> None:
    _with(tree, path, payload)
    errors = tree.errors()
    field = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)[1:]
    assert errors, f"{field} accepted {payload!r}"
    assert all(error.startswith("programs/site.yml:") for error in errors), errors
    assert any(f": error: {field}: " in error for error in errors), errors


def test_plain_titles_with_ampersands_and_unicode_are_fine(tree: Tree) -> None:
    _with(tree, ("title",), "Safety & Security Bounties — Überprüfung (beta)")
    assert tree.errors() == []


@pytest.fixture(scope="module")
def site_with_payloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("settings-xss")
    root = tmp / "content"
    shutil.copytree(FIXTURES / "minimal", root)
    tree = Tree(root)
    payload = " ".join(PAYLOADS[:4])
    for path in ACCEPTED:
        _with(tree, path, payload)
    assert tree.errors() == []
    out = tmp / "site"
    build_site(REPO_ROOT / "mkdocs.yml", root, out, AS_OF, verbose=False)
    return out


def test_accepted_fields_are_harmless_on_every_page(site_with_payloads: Path) -> None:
    pages = sorted(site_with_payloads.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text()
        assert executable_parts(html, allow_theme=True) == [], page
        assert not re.search(r"<img src=x|<svg onload|<script>alert", html), page
    for path in site_with_payloads.rglob("*"):
        if path.suffix in {".xml", ".json", ".txt"}:
            text = path.read_text()
            assert "<img src=x" not in text and "<svg onload" not in text, path
