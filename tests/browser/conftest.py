"""Real-browser fixtures: Debian's Chromium driven by Playwright, the built sites served on
127.0.0.1. Without Chromium the browser tests are skipped with a message saying how to
install it (no browser is ever downloaded); when CI is set they fail instead."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT
from tests.site.conftest import build_fixture

ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("BOUNTIES_CHROMIUM"),
        shutil.which("chromium"),
        "/usr/bin/chromium",
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def missing_browser(message: str) -> None:
    """Skip locally with the install hint; in CI (CI set) fail, so that a green run always
    includes the browser tests."""
    if os.environ.get("CI"):
        pytest.fail(f"{message}. CI is set, so this is a failure, not a skip.", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        missing_browser(
            "Chromium is not installed: the browser tests need Debian's chromium "
            "(`apt-get install chromium`); no browser is downloaded"
        )
    import playwright.sync_api as playwright_api

    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def example_url(example_site: Path, browser: Any) -> Iterator[str]:
    server, url = serve(example_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def canary_url(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[str]:
    site = build_fixture(tmp_path_factory.mktemp("browser-canary"), "canary")
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
