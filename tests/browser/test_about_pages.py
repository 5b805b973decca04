"""The About and How to submit pages of the shipped example in Chromium: no serious
accessibility problem in either colour scheme, nothing sideways on a phone, and the footer and
banner of fictional content on screen (issue 17)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import artifact
from tests.browser.test_site_in_browser import Watch

PAGES = {"about": "about/", "how-to-submit": "how-to-submit/"}
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(
    browser: Any, example_url: str, name: str, scheme: str
) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    context = browser.new_context(viewport=SIZES["desktop"], color_scheme=scheme)
    page = context.new_page()
    watch = Watch(page)
    page.goto(example_url + PAGES[name], wait_until="networkidle")
    results = axe_module.Axe().run(page)
    context.close()
    serious = [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert watch.errors == [] and watch.failed == [] and watch.outside == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_pages_fit_the_screen_with_footer_and_banner(
    browser: Any, example_url: str, name: str, scheme: str, size: str
) -> None:
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme)
    page = context.new_page()
    page.goto(example_url + PAGES[name], wait_until="networkidle")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    banner = page.locator(".bb-demo-banner")
    footer = page.locator(".bb-footer")
    footer.scroll_into_view_if_needed()
    shot = artifact(f"issue17-{name}-{scheme}-{SIZES[size]['width']}.png")
    page.screenshot(path=str(shot), full_page=True)
    visible = banner.is_visible() and footer.is_visible()
    links = footer.get_by_role("link").all_inner_texts()
    context.close()
    assert overflow <= 1, f"{name} scrolls sideways by {overflow}px ({scheme}, {size})"
    assert visible
    assert "About" in links and "How to submit" in links
