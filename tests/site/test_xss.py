"""Contributed Markdown, titles and names never produce anything executable."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from site_builder.mkdocs_build import build_site
from site_builder.site.render import markdown_to_safe_html, plain_title
from tests.conftest import AS_OF, FIXTURES, REPO_ROOT
from tests.site.html_checks import executable_parts

CORPUS = (FIXTURES / "xss" / "payloads.md").read_text()
PAYLOADS = [block for block in CORPUS.split("\n\n")[2:] if block.strip()]


def test_corpus_has_at_least_twenty_classes() -> None:
    assert len(PAYLOADS) >= 20


@pytest.mark.parametrize("payload", PAYLOADS, ids=[f"p{i}" for i in range(len(PAYLOADS))])
def test_each_payload_renders_harmless(payload: str) -> None:
    html = markdown_to_safe_html(payload)
    assert executable_parts(html) == []
    assert not re.search(r"=\s*[\"']?\s*javascript:", html, re.I)
    assert not re.search(r"<\s*script", html, re.I)


def test_whole_corpus_renders_harmless_and_keeps_text() -> None:
    html = markdown_to_safe_html(CORPUS)
    assert executable_parts(html) == []
    assert "{{ config.site_name }}" in html  # template syntax is printed, never evaluated
    assert "{% raw %}" in html
    assert 'id="search"' not in html  # ids are prefixed so they cannot clobber the page's
    assert "&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;" in html  # fenced code stays code


@pytest.mark.parametrize(
    "title",
    [
        "</title><script>alert('XSS')</script>",
        "\" onmouseover=\"alert('XSS')",
        "&lt;/title&gt;&lt;script&gt;alert('XSS')&lt;/script&gt;",
        "<img src=x onerror=alert('XSS')>",
    ],
)
def test_titles_are_safe_in_every_template_context(title: str) -> None:
    safe = plain_title(title)
    assert "<" not in safe and ">" not in safe and '"' not in safe
    # Material prints `page.title | striptags`, which unescapes entities once: still no tags.
    from markupsafe import Markup

    assert "<" not in Markup(safe).striptags()


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_xss_site(tmp_path_factory.mktemp("xss"))


def make_xss_site(tmp: Path) -> Path:
    """The minimal content with the payload corpus in a write-up, a title, a hunter's name and
    bio, a program's summary and prize criteria, and a hand-written page, built with MkDocs."""
    root = tmp / "content"
    shutil.copytree(FIXTURES / "minimal", root)
    programs = root / "programs"
    finding = programs / "demo" / "findings" / "DEMO-1.md"
    text = finding.read_text().replace(
        "title: Role-play jailbreak", "title: \"</title><script>alert('XSS-title')</script>\""
    )
    finding.write_text(text + "\n" + CORPUS)
    hunter = programs / "_hunters" / "alice.yml"
    hunter.write_text(
        hunter.read_text().replace(
            "name: Alice Example", "name: \"<img src=x onerror=alert('XSS-hunter')>\""
        )
        + "bio: \"<script>alert('XSS-bio')</script> [x](javascript:alert('XSS-bio-link'))\"\n"
    )
    program = programs / "demo" / "program.yml"
    program.write_text(
        program.read_text()
        .replace(
            "summary: Find jailbreaks in the demo model.",
            "summary: \"<svg onload=alert('XSS-summary')> {{ 7*7 }}\"",
        )
        .replace(
            "prize_criteria: Reproducible, severe, novel.",
            "prize_criteria: \"<iframe src=javascript:alert('XSS-prize')></iframe>\"",
        )
    )
    # A hand-written page carrying the whole corpus (sanitised like contributed text).
    # (MkDocs' own link check would stop the strict build on the corpus' mangled links.)
    config = (REPO_ROOT / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace("links: warn", "links: info"))
    shutil.copytree(REPO_ROOT / "theme", root / "theme")
    (root / "site_docs").mkdir()
    (root / "site_docs" / "about.md").write_text(
        "---\ntitle: \"About <img src=x onerror=alert('XSS-about-title')>\"\n---\n# About\n\n"
        + CORPUS
    )
    out = tmp / "site"
    build_site(root / "mkdocs.yml", root, out, AS_OF, verbose=False)
    return out


def test_built_pages_carry_no_executable_payload(xss_site: Path) -> None:
    pages = sorted(xss_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text()
        problems = executable_parts(html, allow_theme=True)
        article = html.split('<article class="md-content__inner md-typeset">')[-1]
        if page.relative_to(xss_site).as_posix() != "search/index.html":  # loads Pagefind's UI
            problems += executable_parts(article.split("</article>")[0])
        assert problems == [], f"{page.relative_to(xss_site)}: {problems}"
        assert "alert('XSS" not in _scripts(html), page


def test_payload_text_is_shown_as_text(xss_site: Path) -> None:
    finding = (xss_site / "findings" / "DEMO-1" / "index.html").read_text()
    assert "\u2039/title\u203a\u2039script\u203a" in finding  # the title, defanged but readable
    program = (xss_site / "programs" / "demo" / "index.html").read_text()
    assert "{{ 7*7 }}" in program and "49" not in program.split("{{ 7*7 }}")[0][-20:]


def _scripts(html: str) -> str:
    return " ".join(re.findall(r"<script[^>]*>(.*?)</script>", html, re.S | re.I))


def test_footnote_links_follow_the_prefixed_ids() -> None:
    html = markdown_to_safe_html("Claim[^1].\n\n[^1]: Source.\n")
    assert 'href="#user-content-fn-1"' in html and 'id="user-content-fn-1"' in html
    assert 'href="#user-content-fnref-1"' in html and 'id="user-content-fnref-1"' in html
