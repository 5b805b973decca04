"""What the file system can smuggle into the site: symbolic links out of (or across) the
content, content copied or linked into the hand-written pages, and script in hand-written pages."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from site_builder.cli import main
from tests.conftest import Tree
from tests.site.html_checks import executable_parts

SECRET = "SECRET-OUTSIDE-THE-REPOSITORY"


def test_a_content_file_linked_to_a_file_outside_is_an_error(tree: Tree, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(f"---\ntitle: Rules\n---\n{SECRET}\n")
    tree.path("demo/rules.md").unlink()
    tree.path("demo/rules.md").symlink_to(outside)
    assert (
        "programs/demo/rules.md:1:1: error: symbolic links are not followed in content; this "
        "one was not read (hint: copy the file here instead)" in tree.errors()
    )


def test_a_link_across_programs_is_an_error_too(tree: Tree) -> None:
    # rules.md -> another program's invitations would publish who is invited.
    tree.path("demo/rules.md").unlink()
    tree.path("demo/rules.md").symlink_to(tree.path("club/invitations.yml"))
    assert any(
        e.startswith("programs/demo/rules.md:1:1: error: symbolic links") for e in tree.errors()
    )


@pytest.mark.parametrize("linked", ["demo/findings", "_hunters", "demo/findings/DEMO-1.md"])
def test_linked_folders_and_findings_are_errors(tree: Tree, tmp_path: Path, linked: str) -> None:
    target = tmp_path / "elsewhere"
    shutil.move(tree.path(linked), target)
    tree.path(linked).symlink_to(target)
    assert f"programs/{linked}:1:1: error: symbolic links are not followed" in "\n".join(
        tree.errors()
    )


def test_programs_linked_to_a_folder_outside_is_an_error(tree: Tree, tmp_path: Path) -> None:
    outside = tmp_path / "outside-programs"
    shutil.move(tree.root / "programs", outside)
    (tree.root / "programs").symlink_to(outside)
    assert tree.errors()[0] == (
        "programs:1:1: error: programs/ is a link to a folder outside the repository; nothing "
        "was read (hint: keep the content in the repository itself)"
    )


def _site_docs(tree: Tree) -> Path:
    folder = tree.root / "site_docs"
    folder.mkdir(exist_ok=True)
    return folder


def test_a_copy_of_programs_in_the_hand_written_pages_is_an_error(tree: Tree) -> None:
    shutil.copytree(tree.root / "programs", _site_docs(tree) / "programs")
    errors = tree.errors()
    assert errors[0] == (
        "site_docs/programs:1:1: error: a 'programs' folder in the hand-written pages would be "
        "published as is (hint: content belongs in programs/, which is published by the "
        "disclosure rule)"
    )
    assert len(errors) == 1


def test_a_link_to_programs_in_the_hand_written_pages_is_an_error(tree: Tree) -> None:
    (_site_docs(tree) / "archive").symlink_to(tree.root / "programs")
    assert tree.errors() == [
        "site_docs/archive:1:1: error: symbolic link in the hand-written pages (hint: MkDocs "
        "follows links and publishes their targets; copy the file here instead)"
    ]


def test_yaml_and_finding_like_pages_in_the_hand_written_pages_are_errors(tree: Tree) -> None:
    docs = _site_docs(tree)
    (docs / "old").mkdir()
    shutil.copy(tree.path("club/invitations.yml"), docs / "old" / "invited.yml")
    shutil.copy(tree.path("demo/findings/DEMO-3.md"), docs / "old" / "note.md")
    (docs / "about.md").write_text("---\nstatus: new\n---\n# About\n")  # Material's page status
    assert [e.split(": error: ")[0] for e in tree.errors()] == [
        "site_docs/old/invited.yml:1:1",
        "site_docs/old/note.md:1:1",
    ]


def build(project: Path) -> int:
    return main(["build", "--root", str(project), "--as-of", "2026-11-23"])


HOSTILE_PAGE = """---
title: "About <img src=x onerror=alert('XSS-about-title')>"
---
# About us

!!! note "Read this"
    Admonitions survive.

<script>alert('XSS-about')</script>
<img src="x" onerror="alert('XSS-about-img')">
<iframe src="https://evil.example/"></iframe>
<a href="javascript:alert('XSS-about-link')">click</a>
<div style="position:fixed" onclick="alert('XSS-about-div')">overlay</div>

## A section {#a-section}

[Programs](programs/index.md)
"""


def test_hand_written_pages_are_sanitised(project: Path) -> None:
    (project / "site_docs" / "about.md").write_text(HOSTILE_PAGE)
    assert build(project) == 0
    page = (project / "site" / "about" / "index.html").read_text()
    article = page.split('<article class="md-content__inner md-typeset">')[1].split("</article>")[0]
    assert executable_parts(article) == []
    assert executable_parts(page, allow_theme=True) == []
    assert "XSS-about" not in page.replace("alert(&#x27;XSS-about-title&#x27;)", "")
    assert 'class="admonition note"' in article and "Admonitions survive." in article
    assert 'id="a-section"' in article and 'href="../programs/"' in article


def test_a_page_can_opt_in_to_its_own_html(project: Path) -> None:
    (project / "site_docs" / "embed.md").write_text(
        '---\ntrusted_html: true\n---\n# Embed\n\n<iframe src="https://video.example/1"></iframe>\n'
    )
    assert build(project) == 0
    assert (
        '<iframe src="https://video.example/1">'
        in (project / "site" / "embed" / "index.html").read_text()
    )


@pytest.mark.parametrize(
    "marker", ["trusted-html: true", "Trusted_HTML: true", "trusted_html: 'yes'", "trustedhtml: 1"]
)
def test_an_almost_right_opt_in_stops_the_build(
    project: Path, marker: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "site_docs" / "embed.md").write_text(f"---\n{marker}\n---\n# Embed\n")
    assert build(project) == 1
    assert "embed.md:" in capsys.readouterr().err
    assert not (project / "site").exists()


def test_symlinks_need_a_platform_that_has_them() -> None:
    assert hasattr(os, "symlink")
