"""Visual regression: the main pages of the example site, as Chromium draws them at fixed sizes
and colour schemes, against reference screenshots committed in tests/browser/references/.

Each case is one viewport (not the full page: a fixed size is stable whatever the page's length,
and the top of a page is what visitors see first), with the system fonts pinned to DejaVu, which
fontconfig itself installs on Debian and Ubuntu, animations and the caret off, and the fonts
loaded before the picture is taken. A pixel differs when one of its colour channels differs by
more than PIXEL_THRESHOLD; a case fails when more than MAX_DIFFERING of its pixels differ, and
leaves the actual picture, the reference and a diff in test-artifacts/visual/.

`UPDATE_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser/test_visual_regression.py`
rewrites the references (docs/testing.md, "Visual regression")."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest
from PIL import Image, ImageChops

from tests.browser.conftest import ARTIFACTS, missing_browser
from tests.conftest import REPO_ROOT

REFERENCES = Path(__file__).parent / "references"
DIFFS = ARTIFACTS / "visual"

# A pixel counts as different when a channel moves by more than 40 of 255, so that another build
# of Chromium or FreeType shading glyph edges a little differently does not count, while a changed
# colour or a moved edge does. A case fails above 0.5% of its pixels (5,760 at 1280x900, 1,646 at
# 390x844): measured on the home page at 1280x900, 4px more padding in a card differs on 0.73%,
# 8px more margin above a heading on 1.13%, one pixel down for the whole content on 2.4%; two runs
# on one machine differ on 0.000%.
PIXEL_THRESHOLD = 40
MAX_DIFFERING = 0.005
# References are stored as 256-colour PNGs (a third of the size); a reference is stored in full
# colour instead when that would move any channel by more than this.
MAX_PALETTE_ERROR = 16

PAGES = {
    "home": "",
    "program": "programs/threshold-capability-evals/",
    "findings": "findings/",
    "finding": "findings/EVL-2025-001/",
    "leaderboard": "leaderboard/",
    "policy": "policies/coordinated-90/",
    "about": "about/",
    "how-to-submit": "how-to-submit/",
}
# Compared whenever the built site has them (they are newer than the others).
OPTIONAL_PAGES = {"about", "how-to-submit"}
DARK_PAGES = {"home", "program"}

PINNED_LOOK = """
html, body, input, select, button, .md-typeset, .md-header, .md-tabs, .md-nav {
  font-family: "DejaVu Sans", sans-serif !important;
}
code, kbd, pre, samp, .md-typeset code, .md-typeset pre {
  font-family: "DejaVu Sans Mono", monospace !important;
}
*, *::before, *::after {
  animation: none !important; transition: none !important; caret-color: transparent !important;
}
"""
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


# The references are drawn by Debian's Chromium (what .ci/run installs). Another browser (the
# GitHub workflow's Google Chrome on Ubuntu, BOUNTIES_CHROMIUM) draws text a little differently,
# so its pictures are not compared: skipped with the reason, in CI too.
REFERENCE_BROWSER = "/usr/bin/chromium"


def drawn_by_another_browser() -> None:
    chosen = os.environ.get("BOUNTIES_CHROMIUM")
    if chosen and Path(chosen).resolve() != Path(REFERENCE_BROWSER).resolve():
        pytest.skip(
            f"the references are drawn by Debian's Chromium ({REFERENCE_BROWSER}); this run "
            f"uses {chosen}, which renders text differently"
        )


@dataclass(frozen=True)
class View:
    width: int
    height: int
    scheme: str


VIEWS = {
    "desktop": View(1280, 900, "light"),
    "phone": View(390, 844, "light"),
    "desktop-dark": View(1280, 900, "dark"),
    "phone-dark": View(390, 844, "dark"),
}
# Every page light at both sizes; the pages visitors land on most dark at both sizes too.
CASES = {
    f"{page}-{view}": (page, VIEWS[view])
    for page in PAGES
    for view in VIEWS
    if "dark" not in view or page in DARK_PAGES
}


def updating() -> bool:
    return os.environ.get("UPDATE_SCREENSHOTS") == "1"


def dejavu_installed() -> bool:
    if shutil.which("fc-list"):
        listed = subprocess.run(["fc-list", "DejaVu Sans"], capture_output=True, text=True)
        return "DejaVu Sans" in listed.stdout
    return DEJAVU.is_file()


@pytest.fixture(scope="module")
def pinned_fonts() -> None:
    if not dejavu_installed():
        missing_browser(
            "the visual tests draw every page in DejaVu Sans, which is not installed "
            "(`apt-get install fonts-dejavu-core`)"
        )


@pytest.fixture
def screenshot(
    browser: Any, example_url: str, pinned_fonts: None
) -> Iterator[Callable[[str, View], Image.Image]]:
    """Take the viewport of a page of the example site, as it looks with the pinned fonts."""
    contexts: list[Any] = []

    def take(path: str, view: View) -> Image.Image:
        context = browser.new_context(
            viewport={"width": view.width, "height": view.height},
            device_scale_factor=1,
            color_scheme=view.scheme,
            reduced_motion="reduce",
            locale="en-US",
            timezone_id="UTC",
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(example_url + path, wait_until="networkidle")
        page.add_style_tag(content=PINNED_LOOK)
        page.evaluate("document.fonts.ready.then(() => true)")
        png = page.screenshot(animations="disabled", caret="hide", scale="css")
        return Image.open(io.BytesIO(png)).convert("RGB")

    yield take
    for context in contexts:
        context.close()


@pytest.mark.parametrize("case", CASES)
def test_page_looks_like_its_reference(
    case: str, screenshot: Callable[[str, View], Image.Image], example_site: Path
) -> None:
    page_name, view = CASES[case]
    drawn_by_another_browser()
    if page_name in OPTIONAL_PAGES and not (example_site / PAGES[page_name]).is_dir():
        pytest.skip(f"the example site has no {PAGES[page_name]} page")
    reference_path = REFERENCES / f"{case}.png"
    actual = screenshot(PAGES[page_name], view)
    if updating():
        save_reference(actual, reference_path)
        return
    if not reference_path.is_file():
        missing_reference(reference_path)
    reference = Image.open(reference_path).convert("RGB")
    for stale in DIFFS.glob(f"{case}-*.png"):
        stale.unlink()
    differing, mask = compare(reference, actual)
    if differing > MAX_DIFFERING:
        saved = save_failure(case, reference, actual, mask)
        where = mask.getbbox() if mask is not None else "everywhere: the size changed"
        pytest.fail(
            f"{case} differs from its reference on {differing:.2%} of its pixels "
            f"(allowed: {MAX_DIFFERING:.2%}, a pixel differs by more than {PIXEL_THRESHOLD}/255"
            f" in a channel; changed area {where}).\n"
            + "\n".join(f"  {label}: {path}" for label, path in saved.items())
            + "\nIf the change is intended, rewrite the references with UPDATE_SCREENSHOTS=1.",
            pytrace=False,
        )


def missing_reference(path: Path) -> NoReturn:
    message = (
        f"no reference screenshot {path.relative_to(REPO_ROOT)}; create it "
        "with `UPDATE_SCREENSHOTS=1 .venv/bin/python -m pytest "
        "tests/browser/test_visual_regression.py` and commit it"
    )
    if os.environ.get("CI"):
        pytest.fail(f"{message}. CI is set, so this is a failure, not a skip.", pytrace=False)
    pytest.skip(message)
    raise AssertionError  # not reached: skip and fail raise


def compare(reference: Image.Image, actual: Image.Image) -> tuple[float, Image.Image | None]:
    """The share of pixels that differ beyond PIXEL_THRESHOLD, and the mask of those pixels
    (None when the sizes differ: then every pixel counts)."""
    if reference.size != actual.size:
        return 1.0, None
    red, green, blue = ImageChops.difference(reference, actual).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    mask = largest.point(lambda value: 255 if value > PIXEL_THRESHOLD else 0)
    differing = mask.histogram()[255]
    return differing / (actual.width * actual.height), mask


def save_failure(
    case: str, reference: Image.Image, actual: Image.Image, mask: Image.Image | None
) -> dict[str, Path]:
    DIFFS.mkdir(parents=True, exist_ok=True)
    saved = {
        "actual": DIFFS / f"{case}-actual.png",
        "reference": DIFFS / f"{case}-reference.png",
        "diff": DIFFS / f"{case}-diff.png",
    }
    actual.save(saved["actual"])
    reference.save(saved["reference"])
    diff_picture(actual, mask).save(saved["diff"])
    return saved


def diff_picture(actual: Image.Image, mask: Image.Image | None) -> Image.Image:
    """The actual picture faded to grey, with the differing pixels in red."""
    faded = Image.blend(
        actual.convert("L").convert("RGB"), Image.new("RGB", actual.size, "white"), 0.6
    )
    if mask is None:
        return faded
    return Image.composite(Image.new("RGB", actual.size, (220, 0, 0)), faded, mask)


def save_reference(actual: Image.Image, path: Path) -> None:
    """A 256-colour PNG when that keeps every channel within MAX_PALETTE_ERROR, else full colour."""
    path.parent.mkdir(parents=True, exist_ok=True)
    palette = actual.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    error = ImageChops.difference(actual, palette.convert("RGB")).getextrema()
    fits = max(high for _, high in error) <= MAX_PALETTE_ERROR
    (palette if fits else actual).save(path, "PNG", optimize=True)


def test_every_reference_belongs_to_a_case() -> None:
    """A reference left behind by a removed case would only grow the repository."""
    orphans = sorted(p.name for p in REFERENCES.glob("*.png") if p.stem not in CASES)
    assert orphans == [], f"references without a case (delete them): {orphans}"
