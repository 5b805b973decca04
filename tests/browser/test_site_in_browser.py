"""The built site as people use it, in Debian's Chromium."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import artifact

MAIN_PAGES = {
    "home": "",
    "programs": "programs/",
    "program": "programs/aurora-red-team-panel/",
    "rules": "programs/aurora-red-team-panel/rules/",
    "findings": "findings/",
    "finding": "findings/EVL-2025-001/",
    "hunter": "hunters/mokafor/",
    "leaderboard": "leaderboard/",
    "charts": "charts/",
    "policies": "policies/",
    "challenges": "challenges/",
    "search": "search/",
    "stub": "programs/deepwell-trusted-access/",
}


class Watch:
    """Console errors, failed requests and requests that leave 127.0.0.1."""

    def __init__(self, page: Any):
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("request", self._request)

    def _request(self, request: Any) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http://", "https://")) and host != "127.0.0.1":
            self.outside.append(request.url)


@pytest.mark.parametrize("name", MAIN_PAGES)
def test_main_pages_load_cleanly(page: Any, example_url: str, name: str) -> None:
    watch = Watch(page)
    response = page.goto(example_url + MAIN_PAGES[name], wait_until="networkidle")
    assert response.status == 200
    assert (watch.errors, watch.failed, watch.outside) == ([], [], [])


def test_program_filters_and_sorting(page: Any, example_url: str) -> None:
    page.goto(example_url + "programs/")
    cards = page.locator("article.bb-card")
    assert cards.count() == 5
    page.select_option("select[data-filter=model]", "evals-based")
    assert page.locator("article.bb-card:visible").count() == 1
    assert "Threshold" in page.locator("article.bb-card:visible").inner_text()
    page.select_option("select[data-filter=model]", "")
    page.select_option("select[data-filter=participation]", "invite-only")
    assert page.locator("article.bb-card:visible").count() == 1
    page.select_option("select[data-filter=participation]", "")
    page.select_option("select[data-sort]", "max-reward")
    first = page.locator("article.bb-card").first.get_attribute("data-max-reward")
    assert first == "150000"


def test_finding_filters(page: Any, example_url: str) -> None:
    page.goto(example_url + "findings/")
    rows = page.locator("#bb-findings-table tbody tr")
    total = rows.count()
    assert total == 19
    page.select_option("select[data-filter=severity]", "critical")
    visible = page.locator("#bb-findings-table tbody tr:visible")
    assert 0 < visible.count() < total
    assert all(
        s == "critical" for s in visible.evaluate_all("rows => rows.map(r => r.dataset.severity)")
    )
    page.select_option("select[data-filter=year]", "2025")
    years = page.locator("#bb-findings-table tbody tr:visible").evaluate_all(
        "rows => rows.map(r => r.dataset.year)"
    )
    assert set(years) <= {"2025"}


def test_program_page_prefilters_the_findings_link(page: Any, example_url: str) -> None:
    page.goto(example_url + "findings/?program=aurora-red-team-panel")
    programs = page.locator("#bb-findings-table tbody tr:visible").evaluate_all(
        "rows => rows.map(r => r.dataset.program)"
    )
    assert programs and set(programs) == {"aurora-red-team-panel"}


def test_search_finds_a_disclosed_finding_by_its_write_up(page: Any, example_url: str) -> None:
    page.goto(example_url + "search/")
    page.fill(".pagefind-ui__search-input", "troubleshooting")
    page.wait_for_selector(".pagefind-ui__result")
    links = page.locator(".pagefind-ui__result-link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert any("findings/EVL-2025-001" in link for link in links)


def test_search_returns_nothing_for_an_embargoed_canary(page: Any, canary_url: str) -> None:
    page.goto(canary_url + "search/")
    page.fill(".pagefind-ui__search-input", "redaction")
    page.wait_for_selector(".pagefind-ui__result")  # the index works on this site...
    for word in ("CANARY", "CANARY-EMBARGO-BODY", "CANARY-INVITE-FINDING-BODY"):
        page.fill(".pagefind-ui__search-input", word)
        page.wait_for_timeout(600)
        # ...but not for this. Pagefind also offers pages for a shorter word the query starts
        # with ("can" for "CANARY"): such a hit is fine as long as no canary text is in it.
        results = page.locator(".pagefind-ui__result").all_inner_texts()
        assert not [r for r in results if "canary" in r.lower()], (word, results)


def test_submit_button_opens_the_prefilled_form(page: Any, example_url: str) -> None:
    opened: list[str] = []
    page.route(
        "https://github.com/**", lambda route: (opened.append(route.request.url), route.abort())
    )
    page.goto(example_url + "programs/aurora-red-team-panel/")
    page.click("a.bb-submit")
    page.wait_for_timeout(300)
    assert opened == [
        "https://github.com/safety-bounties/example-site/issues/new?template="
        "submit-aurora-red-team-panel.yml&title=%5Baurora-red-team-panel%5D+"
    ]


def test_charts_have_text_alternatives(page: Any, example_url: str) -> None:
    page.goto(example_url + "charts/")
    labels = page.locator("svg.bb-chart").evaluate_all("""svgs => svgs.map(svg =>
        svg.getAttribute('aria-labelledby').split(' ')
           .map(id => document.getElementById(id).textContent).join(' | '))""")
    assert len(labels) == 4 and all(len(label) > 20 for label in labels)


def test_keyboard_reaches_the_filters_and_the_search(page: Any, example_url: str) -> None:
    page.goto(example_url + "programs/")
    assert _tab_until(page, "select[data-filter=model]")
    page.goto(example_url + "search/")
    page.wait_for_selector(".pagefind-ui__search-input")
    page.locator("body").click(position={"x": 5, "y": 300})
    assert _tab_until(page, ".pagefind-ui__search-input")


def _tab_until(page: Any, selector: str, limit: int = 60) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return True
    return False


@pytest.mark.parametrize(
    "name",
    ["home", "programs", "program", "findings", "finding", "leaderboard", "charts", "hunter"],
)
def test_mobile_and_dark_without_horizontal_scrolling(
    browser: Any, example_url: str, name: str
) -> None:
    for scheme, size in (
        ("light", {"width": 390, "height": 844}),
        ("dark", {"width": 390, "height": 844}),
        ("dark", {"width": 1280, "height": 900}),
    ):
        context = browser.new_context(viewport=size, color_scheme=scheme)
        page = context.new_page()
        page.goto(example_url + MAIN_PAGES[name], wait_until="networkidle")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        page.screenshot(path=str(artifact(f"{name}-{scheme}-{size['width']}.png")), full_page=False)
        context.close()
        assert overflow <= 1, f"{name} scrolls sideways by {overflow}px ({scheme}, {size})"


@pytest.mark.parametrize(
    "name",
    ["home", "programs", "program", "findings", "finding", "leaderboard", "charts", "search"],
)
def test_no_serious_accessibility_violations(page: Any, example_url: str, name: str) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    page.goto(example_url + MAIN_PAGES[name], wait_until="networkidle")
    results = axe_module.Axe().run(page)
    serious = [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


@pytest.fixture(scope="module")
def xss_url(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Any:
    from tests.browser.conftest import serve
    from tests.site.test_xss import make_xss_site

    server, url = serve(make_xss_site(tmp_path_factory.mktemp("browser-xss")))
    yield url
    server.shutdown()


@pytest.mark.parametrize(
    "path",
    [
        "findings/DEMO-1/",
        "hunters/alice/",
        "programs/demo/",
        "findings/",
        "",
        "leaderboard/",
        "about/",
    ],
)
def test_xss_payloads_do_nothing_in_the_browser(page: Any, xss_url: str, path: str) -> None:
    dialogs: list[str] = []
    navigations: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    watch = Watch(page)
    page.goto(xss_url + path, wait_until="networkidle")
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    page.mouse.move(300, 400)
    for link in page.locator("article a:visible").all()[:40]:  # not those in closed <details>
        link.hover()
    page.wait_for_timeout(300)
    assert dialogs == [] and navigations == []
    # A hand-written page may show the site's own images: the corpus' `src=x` is one, missing.
    missing = "Failed to load resource: the server responded with a status of 404"
    errors = [e for e in watch.errors if not (path == "about/" and e.startswith(missing))]
    assert watch.outside == [] and errors == []
