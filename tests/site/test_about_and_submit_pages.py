"""The About and How to submit pages, the frame around every page (footer, banner of fictional
content, browser-tab title) and the plain labels of program models (issue 17)."""

from __future__ import annotations

import html as html_module
import posixpath
import re
import shutil
from pathlib import Path
from typing import get_args

import pytest
import yaml

from site_builder.content.program import Participation, ProgramModel
from site_builder.mkdocs_build import build_site
from site_builder.site.generate import generate_site
from site_builder.site.model import Page
from site_builder.site.pages.labels import (
    MODELS_ANCHOR,
    PARTICIPATION,
    PROGRAM_MODELS,
    model_label,
    participation_label,
)
from tests.conftest import AS_OF, FIXTURES, REPO_ROOT, Tree
from tests.site.html_checks import executable_parts

ABOUT = "about/index.md"
SUBMIT = "how-to-submit/index.md"
# What the canary content holds that no public page may name.
INTAKE_REPOSITORY = "test-org/test-intake"  # the invite-only club's private intake
PRIVATE_WORDS = ("CANARY", "test-intake", "alice")
OPERATOR = {
    "name": "Canary Collective",
    "url": "https://collective.test/",
    "about": "We host **bounty** programs.",
}


@pytest.fixture
def canary(tmp_path: Path) -> Tree:
    shutil.copytree(FIXTURES / "canary", tmp_path / "canary")
    return Tree(tmp_path / "canary")


def set_site(tree: Tree, **fields: object) -> None:
    data = yaml.safe_load(tree.read("site.yml"))
    data.update(fields)
    tree.write("site.yml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def pages_of(tree: Tree) -> dict[str, Page]:
    content, problems = tree.validate()
    assert [p.as_text() for p in problems if p.is_error] == []
    pages, _ = generate_site(content, AS_OF)
    return {p.src_uri: p for p in pages}


def text(html: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", html)).split())


# How to submit


def test_both_pages_exist_and_are_sections_of_the_nav(canary: Tree) -> None:
    pages = pages_of(canary)
    assert pages[SUBMIT].title == "How to submit" and pages[SUBMIT].in_nav
    assert pages[ABOUT].title == "About" and pages[ABOUT].in_nav


def test_every_listed_program_appears_with_its_channel(canary: Tree) -> None:
    body = pages_of(canary)[SUBMIT].body
    ways = dict(re.findall(r'<section class="bb-way">\s*<h3>(.*?)</h3>(.*?)</section>', body, re.S))
    assert sorted(ways) == ["Demo jailbreak bounty", "Secret-policy program", "Trusted club"]
    demo, secret, club = (
        ways["Demo jailbreak bounty"],
        ways["Secret-policy program"],
        ways["Trusted club"],
    )
    assert "A public issue on GitHub" in demo
    assert "https://github.com/test-org/test-bounties/issues/new?template=submit-demo.yml" in demo
    assert "A private report on GitHub" in secret
    assert "https://github.com/test-org/test-bounties/security/advisories/new" in secret
    # The invite-only club: what its stub shows (name, organizer, state, how to apply).
    assert "Only invited or approved hunters take part" in club
    assert 'href="../programs/club/"' in club
    assert "Where reports go" not in club and "github.com" not in club


def test_an_external_channel_shows_its_address_and_instructions(canary: Tree) -> None:
    canary.append(
        "demo/program.yml",
        "submit:\n  channel: external\n  url: mailto:reports@lab.test\n"
        "  instructions: Write to the lab's **triage desk**.\n",
    )
    body = pages_of(canary)[SUBMIT].body
    assert "By email, to the program's own mailbox" in text(body)
    assert 'href="mailto:reports@lab.test"' in body
    assert "<strong>triage desk</strong>" in body


def test_never_names_an_intake_repository_a_draft_or_an_invited_hunter(canary: Tree) -> None:
    pages = pages_of(canary)
    assert INTAKE_REPOSITORY in canary.read("club/program.yml")  # the canary is there to leak
    for src in (SUBMIT, ABOUT):
        leaked = [word for word in PRIVATE_WORDS if word.lower() in pages[src].body.lower()]
        assert leaked == [], src


def test_what_never_goes_in_public_points_to_each_policys_private_channel(canary: Tree) -> None:
    body = pages_of(canary)[SUBMIT].body
    never = body.split('id="never-post-in-public"')[1].split("<h2 ")[0]
    assert "hazardous details" in never and "reproduce a dangerous capability" in never
    assert 'href="mailto:private@bounties.test"' in never  # the coordinated policy's channel
    assert 'href="https://bounties.test/private"' in never  # the secret policy's channel


def test_response_targets_and_disclosure_per_program(canary: Tree) -> None:
    canary.replace("demo/program.yml", "first_response_days: 3", "first_response_days: 4")
    canary.replace("demo/program.yml", "triage_days: 10", "triage_days: 11")
    canary.replace("demo/program.yml", "bounty_days: 30", "bounty_days: 29")
    body = pages_of(canary)[SUBMIT].body
    row = re.search(r"<tr><td><a [^>]*>Demo jailbreak bounty</a></td>(.*?)</tr>", body).group(1)
    assert text(row) == "4 days 11 days 29 days 90 days after acceptance"
    secret = re.search(r"<tr><td><a [^>]*>Secret-policy program</a></td>(.*?)</tr>", body)
    assert text(secret.group(1)).endswith("never")
    demo = body.split("<h3>Demo jailbreak bounty</h3>")[1].split("</section>")[0]
    assert "answer within 4 days, to decide on your report within 11 days" in demo
    assert "published 90 days after acceptance" in demo


def test_a_closed_program_shows_its_channel_but_no_submit_link(canary: Tree) -> None:
    canary.replace("demo/program.yml", "status: open", "status: closed")
    body = pages_of(canary)[SUBMIT].body
    closed = body.split('id="not-taking-reports-now"')[1]
    assert "<h3>Demo jailbreak bounty</h3>" in closed and "Closed: no longer takes reports" in body
    assert "submit-demo.yml" not in body


# About


def test_about_shows_operator_contact_and_guarantees(canary: Tree) -> None:
    set_site(canary, operator=OPERATOR, contact={"email": "site@bounties.test"})
    about = pages_of(canary)[ABOUT].body
    assert '<a href="https://collective.test/" rel="noopener">Canary Collective</a>' in about
    assert "<strong>bounty</strong> programs" in about
    assert 'href="mailto:site@bounties.test"' in about
    assert 'href="https://github.com/test-org/test-bounties"' in about
    words = text(about)
    for promise in (
        "Nothing embargoed, private, redacted or invite-only is ever published",
        "A finding appears only on its disclosure date",
        "Programs under a non-disclosure policy never publish their findings",
        "reviewed before it is merged",
        "rebuilt from the repository every day",
    ):
        assert promise in words


def test_the_operator_defaults_to_the_site_title(canary: Tree) -> None:
    about = pages_of(canary)[ABOUT].body
    assert "This site is run by <strong>Test bounties</strong>." in about


def test_a_private_content_repository_is_never_linked(canary: Tree) -> None:
    set_site(
        canary, content_repository={"url": "https://git.test/private-content", "public": False}
    )
    about = pages_of(canary)[ABOUT].body
    assert "private-content" not in about
    assert "kept in a private repository until they may be published" in about


@pytest.mark.parametrize("demonstration", [True, False])
def test_the_about_page_says_the_content_is_fictional_iff_it_is(
    canary: Tree, demonstration: bool
) -> None:
    set_site(canary, demonstration=demonstration)
    assert ("Fictional example content" in pages_of(canary)[ABOUT].body) is demonstration


def test_the_about_page_explains_every_model_at_its_anchor(canary: Tree) -> None:
    about = pages_of(canary)[ABOUT].body
    section = about.split(f'id="{MODELS_ANCHOR}"')[1]
    for label in (*PROGRAM_MODELS, *PARTICIPATION):
        assert f"<dt>{label.label}</dt>" in section
    assert f'href="../about/#{MODELS_ANCHOR}"' in pages_of(canary)[SUBMIT].body


# Model labels


def test_every_model_and_participation_has_a_label() -> None:
    assert [label.slug for label in PROGRAM_MODELS] == list(get_args(ProgramModel))
    assert [label.slug for label in PARTICIPATION] == list(get_args(Participation))
    for label in (*PROGRAM_MODELS, *PARTICIPATION):
        assert label.label != label.slug and label.explanation


def test_model_slugs_are_never_shown_alone(canary: Tree) -> None:
    pages = pages_of(canary)
    slugs = {*get_args(ProgramModel), *get_args(Participation)}
    shown = ["index.md", "programs/index.md", "programs/demo/index.md", SUBMIT]
    for src in shown:
        badges = re.findall(r'bb-badge--(?:model|participation)"[^>]*>([^<]*)<', pages[src].body)
        assert badges, src
        assert not slugs & set(badges), src
    programs = pages["programs/index.md"].body
    options = re.findall(r'<option value="([a-z-]+)">([^<]*)</option>', programs)
    assert ("panel-judged", "Judged by a panel") in options
    assert ("invite-only", "Invite-only") in options
    assert all(label.explanation in text(programs) for label in PROGRAM_MODELS)
    program = text(pages["programs/demo/index.md"].body)
    assert model_label("panel-judged").explanation in program
    assert participation_label("public").explanation in program


# The frame around every page, in a built site


def build(tree: Tree, out: Path, config: Path = REPO_ROOT / "mkdocs.yml") -> Path:
    build_site(config, tree.root, out, AS_OF, verbose=False)
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    """The canary built twice: as fictional content with an operator whose name is hostile,
    and as real content without an operator."""
    tmp = tmp_path_factory.mktemp("about-frame")
    built = {}
    for demonstration in (True, False):
        root = tmp / f"content-{demonstration}"
        shutil.copytree(FIXTURES / "canary", root)
        tree = Tree(root)
        operator = {**OPERATOR, "name": "Canary <img src=x onerror=alert('XSS-op')> & Co"}
        set_site(
            tree, demonstration=demonstration, **({"operator": operator} if demonstration else {})
        )
        built[demonstration] = build(tree, tmp / f"site-{demonstration}")
    return built


def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text() for p in sorted(site.rglob("*.html"))}


def footer_of(html: str) -> str:
    return html.split('<footer class="md-footer">')[1].split("</footer>")[0]


def resolves_to(site: Path, page: str, href: str) -> Path:
    """The file a link from `page` opens (404.html links from the site's root)."""
    target = href[1:] if href.startswith("/") else posixpath.join(posixpath.dirname(page), href)
    return site / posixpath.normpath(target) / "index.html"


@pytest.mark.parametrize("demonstration", [True, False])
def test_the_footer_of_every_page_names_operator_contact_about_and_how_to_submit(
    sites: dict[bool, Path], demonstration: bool
) -> None:
    site = sites[demonstration]
    operator = (
        "Canary &lt;img src=x onerror=alert(&#39;XSS-op&#39;)&gt; &amp; Co"
        if demonstration
        else "Test bounties"
    )
    pages = html_pages(site)
    assert len(pages) > 10
    for name, html in pages.items():
        footer = footer_of(html)
        assert "Run by" in footer and operator in footer, name
        assert 'href="mailto:security@bounties.test"' in footer, name
        links = dict(re.findall(r'<a href="([^"]+)">(About|How to submit)</a>', footer))
        assert sorted(links.values()) == ["About", "How to submit"], name
        assert {resolves_to(site, name, href).parent.name for href in links} == {
            "about",
            "how-to-submit",
        }, name
        assert all(resolves_to(site, name, href).is_file() for href in links), name


def test_operator_text_is_escaped_in_the_theme(sites: dict[bool, Path]) -> None:
    for name, html in html_pages(sites[True]).items():
        assert "<img src=x" not in html, name
        assert executable_parts(html, allow_theme=True) == [], name


def test_the_home_tab_says_the_site_title_once_and_other_pages_page_then_site(
    sites: dict[bool, Path],
) -> None:
    pages = html_pages(sites[False])
    title = re.compile(r"<title>(.*?)</title>", re.S)
    assert title.search(pages["index.html"]).group(1) == "Test bounties"
    assert title.search(pages["about/index.html"]).group(1) == "About - Test bounties"
    assert title.search(pages["how-to-submit/index.html"]).group(1) == (
        "How to submit - Test bounties"
    )
    assert title.search(pages["programs/demo/index.html"]).group(1) == (
        "Demo jailbreak bounty - Test bounties"
    )


@pytest.mark.parametrize("demonstration", [True, False])
def test_the_fictional_content_banner_is_on_every_page_iff_the_setting_is_true(
    sites: dict[bool, Path], demonstration: bool
) -> None:
    for name, html in html_pages(sites[demonstration]).items():
        assert ('class="bb-demo-banner"' in html) is demonstration, name
        # Material draws an empty bar for an announce block that holds only whitespace.
        assert ('class="md-banner"' in html) is demonstration, name
        if demonstration:
            assert "Fictional example content" in html, name


# Repositories of their own


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "canary", root)
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "site_docs").mkdir()
    return root


def test_a_hand_written_about_page_takes_the_place_of_the_generated_one_without_search(
    project: Path,
) -> None:
    config = (project / "mkdocs.yml").read_text()
    config = config.replace("  - bounties\n", "  - bounties:\n      search: false\n")
    config = config.replace("custom_dir: theme", "custom_dir: " + str(REPO_ROOT / "theme"))
    (project / "mkdocs.yml").write_text(config)
    (project / "site_docs" / "about.md").write_text("# About us\n\nOur own words.\n")
    site = build(Tree(project), project / "site", project / "mkdocs.yml")
    about = (site / "about" / "index.html").read_text()
    assert "Our own words." in about and "What is never published" not in about
    assert not (site / "search").exists()
    tabs = re.findall(r'class="md-tabs__link">\s*([^<]*?)\s*<', (site / "index.html").read_text())
    assert tabs[-1] == "About" and "How to submit" in tabs and "Search" not in tabs
    assert (site / "how-to-submit" / "index.html").is_file()


def test_the_shipped_example_shows_every_published_program_and_says_it_is_fictional(
    example_site: Path,
) -> None:
    settings = yaml.safe_load((REPO_ROOT / "programs" / "site.yml").read_text())
    assert settings["demonstration"] is True and settings["operator"]["name"]
    submit = (example_site / "how-to-submit" / "index.html").read_text()
    names = []
    for program in sorted((REPO_ROOT / "programs").glob("*/program.yml")):
        data = yaml.safe_load(program.read_text())
        if data["status"] != "draft":
            names.append(data["name"])
            assert f"<h3>{data['name']}</h3>" in submit
    assert len(names) >= 5
    assert "safety-bounties/example-intake" not in submit
    assert 'class="bb-demo-banner"' in (example_site / "index.html").read_text()
    assert settings["operator"]["name"] in footer_of(submit)
