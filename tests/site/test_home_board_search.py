"""Home, leaderboard and search as the generator writes them (issue 17): what the HTML alone
shows. The same points in a real browser: tests/browser/test_home_board_search.py."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from site_builder.site import paths
from site_builder.site.generate import page_meta
from site_builder.site.model import Page
from site_builder.site.search import separated
from tests.conftest import Tree
from tests.site.test_generate import pages_of


def _hunter_cells(body: str, board: str) -> list[str]:
    table = body.split(f'data-board="{board}"')[1].split("</table>")[0]
    return [row.split("<td>")[2].split("</td>")[0] for row in table.split("<tr>")[2:]]


def _reward_cells(body: str) -> list[str]:
    return re.findall(r"<tr><td>\d+</td><td>.*?</td><td>.*?</td><td>(.*?)</td>", body)


# -- leaderboard --------------------------------------------------------------------------------


def test_board_names_link_to_the_profile_each_hunter_chose(tree: Tree) -> None:
    body = pages_of(tree)["leaderboard/index.md"].body
    assert _hunter_cells(body, "all-points") == [
        '<a href="../hunters/alice/">Alice Example</a>',
        # an alias links to the alias's own address, never to one made from the handle
        '<a href="../hunters/alias-the-builder/">The Builder</a>',
    ]
    assert not re.search(r"\bbob\b", body)


def test_a_hidden_hunter_is_neither_named_nor_linked_on_the_board(tree: Tree) -> None:
    tree.append("_hunters/alice.yml", "leaderboard:\n  show: hidden\n")
    body = pages_of(tree)["leaderboard/index.md"].body
    assert _hunter_cells(body, "all-points") == [
        '<a href="../hunters/alias-the-builder/">The Builder</a>'
    ]
    assert "alice" not in body.lower()


def test_board_rewards_state_their_currency(tree: Tree) -> None:
    pages = pages_of(tree)
    for src in ("leaderboard/index.md", "leaderboard/demo.md"):
        rewards = _reward_cells(pages[src].body)
        assert rewards and all(re.fullmatch(r"[\d,.]+\u00a0USD", r) for r in rewards), rewards


def _second_program_in_euros(tree: Tree) -> None:
    """A second public program paying in EUR, with one published finding by alice."""
    tree.write("euro/program.yml", tree.read("demo/program.yml"))
    tree.replace("euro/program.yml", "currency: USD", "currency: EUR")
    tree.replace("euro/program.yml", "name: Demo jailbreak bounty", "name: Euro bounty")
    tree.write("euro/rules.md", tree.read("demo/rules.md"))
    finding = tree.read("demo/findings/DEMO-1.md").replace("DEMO-1", "EURO-1")
    tree.write("euro/findings/EURO-1.md", finding.replace("reward: 5000", "reward: 2000"))


def test_a_board_of_several_currencies_shows_each_and_says_so(tree: Tree) -> None:
    _second_program_in_euros(tree)
    pages = pages_of(tree)
    overall = pages["leaderboard/index.md"].body
    assert _reward_cells(overall)[0] == "2,000\u00a0EUR, 5,000\u00a0USD"  # alice, not "7,000"
    assert "own currencies (EUR, USD), shown per currency and never converted" in overall
    reward_board = overall.split("By total reward")[1].split("</details>")[0]
    assert "adds amounts in different currencies as plain numbers" in reward_board
    euro = pages["leaderboard/euro.md"].body
    assert set(_reward_cells(euro)) == {"2,000\u00a0EUR"}
    assert "never converted" not in euro and "plain numbers" not in euro


def test_an_empty_window_is_a_sentence_not_empty_tables(tree: Tree) -> None:
    # As of 2026-11-23 the demo's findings were accepted in February: nothing in 90 days.
    body = pages_of(tree)["leaderboard/index.md"].body
    last_90 = body.split('id="last-90-days"')[1]
    assert "<table" not in last_90 and "<details" not in last_90
    sentence = "No listed hunter has a published finding accepted in the last 90 days."
    assert f'<p class="bb-empty">{sentence}</p>' in last_90
    assert 'data-board="all-points"' in body  # windows with hunters keep their tables


def test_board_order_is_the_published_json_order(example_site: Path) -> None:
    api = json.loads((example_site / "api" / "leaderboards.json").read_text())
    html = (example_site / "leaderboard" / "index.html").read_text()
    for board in ("all-points", "all-reward", "all-count", "year-points"):
        window, by = board.split("-")
        shown = [re.sub(r"<[^>]+>", "", cell) for cell in _hunter_cells(html, board)]
        assert shown == [row["hunter"] for row in api["overall"][window][by]]


# -- home ---------------------------------------------------------------------------------------


def test_home_is_headed_by_the_site_title_without_a_navigation_sidebar(tree: Tree) -> None:
    home = pages_of(tree)[paths.HOME]
    assert home.body.startswith(f"<h1>{home.title}</h1>")  # Material then adds no "Home" h1
    assert home.title != "Home"
    assert page_meta(home)["hide"] == ["navigation"]


def test_home_tells_hunters_how_to_submit(tree: Tree) -> None:
    body = pages_of(tree)[paths.HOME].body
    assert '<a class="md-button md-button--primary" href="how-to-submit/">How to submit</a>' in body
    assert 'href="about/">About this site</a>' in body


def test_the_invite_only_card_says_what_it_is_and_nothing_private(tree: Tree) -> None:
    pages = pages_of(tree)
    for src in (paths.HOME, paths.PROGRAMS):
        card = pages[src].body.split('data-participation="invite-only"')[1].split("</article>")[0]
        summary = re.search(r'<p class="bb-card__summary">(.*?)</p>', card)
        assert summary and summary.group(1).startswith("Invite-only: apply on its page"), src
        assert "unreleased model" not in card  # the program's summary is not public


def test_a_public_card_keeps_its_own_summary(tree: Tree) -> None:
    body = pages_of(tree)[paths.PROGRAMS].body
    public = body.split('data-participation="public"')[1].split("</article>")[0]
    assert "Find jailbreaks in the demo model." in public and "Invite-only" not in public


def test_stat_cards_have_a_grid_of_their_own(tree: Tree) -> None:
    body = pages_of(tree)[paths.HOME].body
    assert body.count('<div class="bb-stat">') == 4
    assert '<div class="bb-stats bb-stats--home">' in body


# -- search -------------------------------------------------------------------------------------

LISTINGS = re.compile(
    r"(index|programs/index|findings/index|findings/page/\d+|hunters/index|policies/index"
    r"|leaderboard/.*|charts/.*|search/index)\.md"
)


def test_listing_pages_are_not_indexed_and_item_pages_are(tree: Tree) -> None:
    pages = pages_of(tree)
    listings = {src for src in pages if LISTINGS.fullmatch(src)}
    assert {paths.HOME, paths.PROGRAMS, paths.FINDINGS, paths.HUNTERS, paths.POLICIES} <= listings
    assert [src for src in listings if pages[src].searchable] == []
    items = ["findings/DEMO-1.md", "programs/demo/index.md", "hunters/alice.md", paths.CHALLENGES]
    assert [src for src in items if not pages[src].searchable] == []


def test_labels_and_values_are_kept_apart_for_the_indexer() -> None:
    facts = '<dl><dt>Program</dt><dd><a href="x">Aurora</a></dd><dt>Id:</dt><dd>X.</dd></dl>'
    assert separated(facts) == (
        '<dl><dt>Program: </dt><dd><a href="x">Aurora</a>. </dd><dt>Id:</dt><dd>X.</dd></dl>'
    )
    assert separated("<tr><th>Severity</th><th>Reward</th></tr>") == (
        "<tr><th>Severity. </th><th>Reward. </th></tr>"
    )
    stat = '<span class="bb-stat__value">3</span><span class="bb-stat__label">findings</span>'
    assert separated(stat) == stat.replace("</span><span", "</span> <span")
    assert separated(Page("a.md", "A", "&lt;/dt&gt; as text").body) == "&lt;/dt&gt; as text"


def _fragments(site: Path) -> dict[str, str]:
    """Pagefind's indexed text of every page, by address."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        found[fragment["url"]] = fragment["content"]
    return found


def test_the_built_index_reads_labels_apart_and_holds_no_listing(example_site: Path) -> None:
    fragments = _fragments(example_site)
    finding = fragments["/findings/PNL-2025-001/"]
    assert "Program: Aurora Red-Team Panel. Hunters: Quiet Fox. Reward: 9,000 USD." in finding
    labels = r"(Program|Hunters|Reward|Affected|Id|Severity|Finding|Rank|Points|System)"
    run_together = {
        url: re.findall(labels + r"[A-Z0-9]\w*", text) for url, text in fragments.items()
    }
    assert {url: runs for url, runs in run_together.items() if runs} == {}
    stat_runs = re.compile(r"\d(disclosed findings|rewards on)")
    assert [url for url, text in fragments.items() if stat_runs.search(text)] == []
    listings = {"/", "/programs/", "/findings/", "/hunters/", "/policies/", "/leaderboard/"}
    assert listings & set(fragments) == set()
    assert not [url for url in fragments if url.startswith(("/charts/", "/leaderboard/"))]
    # a hunter is found by their profile, not by the titles of the findings it lists
    assert "Nested-fiction jailbreak" not in fragments["/hunters/alias-quiet-fox/"]


def test_a_card_summary_renders_its_markdown(tree: Tree) -> None:
    tree.replace(
        "demo/program.yml",
        "summary: Find jailbreaks in the demo model.",
        "summary: Find **universal** jailbreaks in the `demo` model.",
    )
    for src in ("index.md", "programs/index.md"):
        body = pages_of(tree)[src].body
        assert "Find <strong>universal</strong> jailbreaks in the <code>demo</code> model." in body
        assert "**universal**" not in body
