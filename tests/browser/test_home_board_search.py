"""Home, leaderboard and search in Chromium (issue 17): names that lead to profiles, rewards
with their currency, an empty window said in words, a home page headed by the site with its
numbers in even rows, and a search that a link can carry and that only finds pages of one thing.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import artifact

SITE_TITLE = "AI Safety Bounties (example site)"
LISTINGS = ("", "programs/", "findings/", "hunters/", "policies/", "leaderboard/", "charts/")


# -- leaderboard --------------------------------------------------------------------------------


def test_board_names_open_the_hunters_profiles(page: Any, example_url: str) -> None:
    page.goto(example_url + "leaderboard/")
    cells = page.locator("table[data-board=all-points] tbody td:nth-child(2)")
    names = cells.all_inner_texts()
    links = cells.locator("a")
    assert names and links.count() == len(names)  # every shown hunter is a link
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    # the alias leads to the alias's own profile; the hidden hunter is nowhere on the board
    assert hrefs[names.index("Quiet Fox")].endswith("/hunters/alias-quiet-fox/")
    assert not [h for h in hrefs if "quietfox" in h or "hpark" in h]
    assert "Hana Park" not in page.inner_text("article")
    links.nth(names.index("Mara Okafor")).click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith("/hunters/mokafor/")
    assert page.locator("article h1").inner_text() == "Mara Okafor"


def test_board_rewards_state_their_currency(page: Any, example_url: str) -> None:
    page.goto(example_url + "leaderboard/")
    page.evaluate("document.querySelectorAll('details.bb-board').forEach(d => d.open = true)")
    rewards = page.locator("table[data-board] tbody td:nth-child(4)").all_inner_texts()
    assert rewards
    assert [
        r for r in rewards if not re.fullmatch(r"[\d,.]+\s[A-Z]{3}(, [\d,.]+\s[A-Z]{3})*", r)
    ] == []


def test_an_empty_window_says_so_in_a_sentence(page: Any, example_url: str) -> None:
    page.goto(example_url + "leaderboard/")
    window = page.locator("h2#last-90-days + p")
    assert window.inner_text() == (
        "No listed hunter has a published finding accepted in the last 90 days."
    )
    assert page.locator("table[data-board^='90d']").count() == 0


def test_boards_open_under_a_podium_not_a_pencil(page: Any, example_url: str) -> None:
    page.goto(example_url + "leaderboard/")
    icon = page.locator("details.bb-board summary").first.evaluate(
        "s => getComputedStyle(s, '::before').maskImage || "
        "getComputedStyle(s, '::before').webkitMaskImage"
    )
    assert "M15 23H9V10h6z" in icon.replace("%20", " ")  # the podium's middle step


# -- home ---------------------------------------------------------------------------------------


def test_home_is_headed_by_the_site_and_has_no_lonely_sidebar(page: Any, example_url: str) -> None:
    page.goto(example_url)
    assert page.locator("article h1").all_inner_texts() == [SITE_TITLE]
    assert not page.locator(".md-sidebar--primary").is_visible()


def test_home_navigation_still_opens_on_a_phone(browser: Any, example_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(example_url)
    page.click("label.md-header__button[for=__drawer]")
    drawer = page.locator(".md-sidebar--primary .md-nav__link", has_text="Leaderboard")
    drawer.first.wait_for(state="visible")
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_home_numbers_fill_even_rows(browser: Any, example_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(example_url, wait_until="networkidle")
    tops = page.locator(".bb-stat").evaluate_all(
        "cards => cards.map(c => Math.round(c.getBoundingClientRect().top))"
    )
    page.locator(".bb-stats").screenshot(path=str(artifact(f"home-stats-{width}.png")))
    context.close()
    rows = [tops.count(top) for top in sorted(set(tops))]
    assert len(tops) == 4 and len(set(rows)) == 1, rows  # 4 in one row, or 2 and 2


def test_the_invite_only_card_says_how_to_take_part(page: Any, example_url: str) -> None:
    page.goto(example_url)
    card = page.locator("article.bb-card", has_text="Deepwell Trusted Access Program")
    text = card.locator(".bb-card__summary").inner_text()
    assert text.startswith("Invite-only: apply on its page to take part.")
    assert "checkpoint" not in card.inner_text()  # its summary is not public


def test_home_links_to_how_to_submit_and_about(page: Any, example_url: str) -> None:
    page.goto(example_url)
    cta = page.locator(".bb-cta")
    hrefs = cta.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["how-to-submit/", "about/"]
    assert cta.locator("a", has_text="How to submit").is_visible()


# -- search -------------------------------------------------------------------------------------


def _results(page: Any) -> list[tuple[str, str]]:
    page.wait_for_selector(".pagefind-ui__result")
    page.wait_for_timeout(400)  # let every result's excerpt load
    return page.locator(".pagefind-ui__result").evaluate_all(
        """items => items.map(item => [
            item.querySelector('.pagefind-ui__result-link').getAttribute('href'),
            item.innerText])"""
    )


def test_a_search_link_runs_its_query(page: Any, example_url: str) -> None:
    page.goto(example_url + "search/?q=jailbreak")
    results = _results(page)
    assert any("/findings/PNL-2025-001/" in href for href, _ in results)
    assert page.input_value(".pagefind-ui__search-input") == "jailbreak"
    page.fill(".pagefind-ui__search-input", "troubleshooting")
    page.wait_for_timeout(300)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["troubleshooting"]}
    page.click(".pagefind-ui__search-clear")
    page.wait_for_timeout(300)
    assert urlsplit(page.url).query == ""


def test_search_excerpts_keep_labels_apart_from_values(page: Any, example_url: str) -> None:
    page.goto(example_url + "search/?q=jailbreak")
    excerpts = " ".join(text for _, text in _results(page))
    assert "Program: Aurora" in excerpts or "Program: Threshold" in excerpts
    runs = re.findall(r"(?:Program|Hunters|Reward|Affected|Id|Severity)[A-Z0-9]\w*", excerpts)
    assert runs == []


@pytest.mark.parametrize("query", ["jailbreak", "Aurora", "findings", "hunter", "reward"])
def test_listing_pages_never_come_up(page: Any, example_url: str, query: str) -> None:
    page.goto(example_url + "search/?q=" + query)
    hrefs = [urlsplit(href).path for href, _ in _results(page)]
    listed = [h for h in hrefs if h.strip("/") in {p.strip("/") for p in LISTINGS}]
    assert listed == [] and not [h for h in hrefs if "/findings/page/" in h]
