"""Issue 17 as a visitor sees it in Chromium: tables that scroll inside their own region on a
phone (never clipped, titles readable), a styled response record, no raw Markdown in policy
text, the timeline in date order, a contact's email and web page apart, and a never-publishing
program that says so."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TABLE_PAGES = {
    "home": "",
    "findings": "findings/",
    "leaderboard": "leaderboard/",
    "hunter": "hunters/mokafor/",
    "program": "programs/aurora-red-team-panel/",
    "evals program": "programs/threshold-capability-evals/",
    "never-publishing program": "programs/citydesk-assistant-2025/",
}
PROGRAMS = [
    "programs/aurora-red-team-panel/",
    "programs/citydesk-assistant-2025/",
    "programs/threshold-capability-evals/",
    "programs/wayfarer-agent-bounty/",
]
POLICIES = ["policies/coordinated-30/", "policies/coordinated-90/", "policies/private-only/"]


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


# Every table of the page's content: where it is, whether its scroll region is named and
# focusable, whether a cell sticks out of the content column, and whether that region scrolls.
TABLES_JS = """() => {
  const article = document.querySelector('article');
  const edge = article.getBoundingClientRect().right;
  return [...article.querySelectorAll('table')].map(table => {
    const region = table.closest('.bb-scroll');
    const cells = [...table.querySelectorAll('th, td')].filter(c => c.getClientRects().length);
    const clipped = cells.filter(c => c.getBoundingClientRect().right > edge + 1).length;
    const style = region && getComputedStyle(region);
    return {
      inRegion: !!region,
      named: !!region && region.getAttribute('role') === 'region'
        && !!region.getAttribute('aria-label') && region.tabIndex === 0,
      clipped,
      scrolls: !!region && ['auto', 'scroll'].includes(style.overflowX)
        && region.scrollWidth > region.clientWidth,
      regionFits: !region || region.getBoundingClientRect().right <= edge + 1,
      shadow: !!region && style.backgroundImage.includes('gradient'),
    };
  });
}"""


@pytest.mark.parametrize("name", TABLE_PAGES)
def test_tables_scroll_inside_their_own_region_on_a_phone(
    phone: Any, example_url: str, name: str
) -> None:
    phone.goto(example_url + TABLE_PAGES[name], wait_until="networkidle")
    phone.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    tables = phone.evaluate(TABLES_JS)
    assert tables, f"{name}: no table"
    for index, table in enumerate(tables):
        where = f"{name}, table {index + 1}: {table}"
        assert table["inRegion"] and table["named"] and table["regionFits"], where
        assert table["shadow"], where
        # A cell past the content's edge is fine only where its region scrolls to it.
        assert table["clipped"] == 0 or table["scrolls"], where


def test_finding_titles_stay_readable_on_a_phone(phone: Any, example_url: str) -> None:
    for path in ("", "findings/", "hunters/mokafor/", "programs/aurora-red-team-panel/"):
        phone.goto(example_url + path, wait_until="networkidle")
        lines = phone.locator(".bb-findings tbody td:first-child a").evaluate_all(
            "links => links.map(a => a.getClientRects().length)"
        )
        assert lines and max(lines) <= 4, (path, lines)


def test_a_keyboard_reaches_and_scrolls_a_table_region(phone: Any, example_url: str) -> None:
    phone.goto(example_url + "findings/", wait_until="networkidle")
    region = phone.locator("#bb-findings-table .bb-scroll")
    region.focus()
    assert phone.evaluate("document.activeElement.classList.contains('bb-scroll')")
    phone.keyboard.press("ArrowRight")
    phone.wait_for_timeout(300)
    assert region.evaluate("r => r.scrollLeft") > 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_response_record_is_a_table_with_padding_and_borders(
    browser: Any, example_url: str, scheme: str
) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    page = context.new_page()
    page.goto(example_url + "programs/aurora-red-team-panel/", wait_until="networkidle")
    cell = page.evaluate("""() => {
      const td = document.querySelector('table.bb-record tbody td');
      const s = getComputedStyle(td), t = getComputedStyle(td.closest('table'));
      const body = getComputedStyle(document.body).backgroundColor;
      return {left: parseFloat(s.paddingLeft), right: parseFloat(s.paddingRight),
              top: parseFloat(s.borderTopWidth), line: s.borderTopColor, body,
              table: parseFloat(t.borderTopWidth), nowrap: s.whiteSpace === 'nowrap'};
    }""")
    context.close()
    assert cell["left"] >= 8 and cell["right"] >= 8, cell
    assert cell["top"] > 0 and cell["table"] > 0 and cell["line"] != cell["body"], cell
    assert cell["nowrap"], cell  # "10 days" never splits, nor runs into "9 days"


def test_the_response_record_says_one_day(page: Any, example_url: str) -> None:
    page.goto(example_url + "programs/aurora-red-team-panel/")
    cells = page.locator("table.bb-record td").all_inner_texts()
    assert "1 day" in cells and not [c for c in cells if c.startswith("1 days")]


@pytest.mark.parametrize("path", PROGRAMS + POLICIES)
def test_no_raw_markdown_on_program_and_policy_pages(
    page: Any, example_url: str, path: str
) -> None:
    page.goto(example_url + path)
    text = page.locator("article").inner_text()
    assert "**" not in text and "`" not in text, path


def test_every_finding_timeline_is_in_date_order(page: Any, example_url: str) -> None:
    page.goto(example_url + "findings/")
    links = page.locator(".bb-findings tbody td:first-child a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert len(links) > 10
    for link in links:
        page.goto(link)
        days = page.locator(".bb-timeline time").evaluate_all(
            "times => times.map(t => t.getAttribute('datetime'))"
        )
        assert days and days == sorted(days), (link, days)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_contact_shows_email_and_web_page_apart(
    browser: Any, example_url: str, size: dict[str, int]
) -> None:
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.goto(example_url + "programs/aurora-red-team-panel/", wait_until="networkidle")
    boxes = page.evaluate(
        """([email, url]) => {
      const mail = document.querySelector(`article a[href="mailto:${email}"]`);
      const web = document.querySelector(`article a[href="${url}"]`);
      const box = a => { const r = a.getBoundingClientRect(); return [r.top, r.bottom]; };
      return {mail: box(mail), web: box(web),
              items: [mail.closest('li'), web.closest('li')].map(li => li && li.innerText),
              sameItem: mail.closest('li') === web.closest('li')};
    }""",
        ["redteam@lumenfoundry.example.com", "https://lumenfoundry.example.com/safety/red-team"],
    )
    context.close()
    assert None not in boxes["items"] and not boxes["sameItem"], boxes
    assert boxes["items"][0].startswith("Email") and boxes["items"][1].startswith("Web"), boxes
    assert boxes["web"][0] >= boxes["mail"][1], boxes  # the web page starts below the email


def test_a_never_publishing_program_says_so(page: Any, example_url: str) -> None:
    page.goto(example_url + "programs/citydesk-assistant-2025/")
    text = page.locator("article").inner_text()
    assert "never publishes findings" in text
    assert "has been disclosed yet" not in text
    assert "Findings measured" not in text and "0 published findings" not in text
    link = page.locator("article a", has_text="Private reporting, no public disclosure").last
    assert link.get_attribute("href").endswith("policies/private-only/")
