"""Full-text search with Pagefind: a chunked static index, so one query downloads a few small
fragments instead of one index of the whole site (Material's own index grows ~3.3 KB a page).

Pagefind runs beside the build: as soon as the pages are generated, their bodies are written as
small HTML files into a scratch folder and Pagefind indexes them in its own process while the
site engine renders the full pages; the index is moved into the site at the end. Only generated
(published) pages are indexed, so the index can hold nothing private."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from . import paths
from .model import Page

OUTPUT_SUBDIR = "pagefind"
# Not indexed: controls, and tables of findings that list other pages (a program's or a
# hunter's findings): each finding is a hit of its own, on its own page.
EXCLUDE_SELECTORS = ".bb-filters, .headerlink, .bb-pager, .bb-findings"
# Pagefind reads <dt>, <dd> and <th> as inline text (Pagefind issue #736), so a list of facts
# would be indexed as "ProgramAurora" and a table head as "SeverityRewardPoints". The copy it
# indexes gets the punctuation a reader sees in the layout: "Program: Aurora. Hunters: ...".
# Stat cards put a number right before its label: "3disclosed findings".
_RUN_TOGETHER = re.compile(r'(?<![:.])</(dt|dd|th)>|<span class="bb-stat__label">')
_SEPARATORS = {"dt": ": ", "dd": ". ", "th": ". ", None: " "}


class SearchIndexError(Exception):
    pass


class SearchIndexer:
    """One Pagefind run over the searchable generated pages, started at once."""

    def __init__(
        self,
        pages: Iterable[Page],
        directory_urls: bool,
        language: str = "en",
        work_dir: str | None = None,
    ):
        """`work_dir`: where to put the scratch folder (the build's work folder, so that a
        killed build leaves nothing elsewhere); the system's temporary folder by default."""
        self.scratch = Path(tempfile.mkdtemp(prefix="bounties-search-", dir=work_dir or None))
        corpus = self.scratch / "site"
        count = 0
        for page in pages:
            if not page.searchable:
                continue
            url = paths.url_of(page.src_uri, directory_urls)
            target = corpus / (url + "index.html" if url.endswith("/") or not url else url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_document(page, language), encoding="utf-8")
            count += 1
        self.count = count
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(corpus),
            "--output-path",
            str(self.scratch / OUTPUT_SUBDIR),
            "--exclude-selectors",
            EXCLUDE_SELECTORS,
            "--silent",
        ]
        try:
            self.process: subprocess.Popen[str] | None = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        except OSError as error:
            self.close()
            raise SearchIndexError(f"could not start Pagefind: {error}") from None

    def finish(self, site_dir: Path) -> int:
        """Wait for Pagefind and move its index to site_dir/pagefind; returns pages indexed."""
        assert self.process is not None
        try:
            _, err = self.process.communicate(timeout=1800)
            if self.process.returncode != 0:
                detail = " / ".join(err.strip().splitlines()[-3:])
                raise SearchIndexError(
                    f"Pagefind failed: {detail} (install it with: pip install 'pagefind[bin]')"
                )
            target = site_dir / OUTPUT_SUBDIR
            if target.exists():
                shutil.rmtree(target)
            shutil.move(str(self.scratch / OUTPUT_SUBDIR), str(target))
            return self.count
        except subprocess.TimeoutExpired:
            raise SearchIndexError("Pagefind did not finish within 30 minutes") from None
        finally:
            self.close()

    def close(self) -> None:
        process = getattr(self, "process", None)
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        self.process = None
        shutil.rmtree(self.scratch, ignore_errors=True)


def _document(page: Page, language: str) -> str:
    title = html.escape(page.title)
    return (
        f'<!doctype html><html lang="{html.escape(language)}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><main data-pagefind-body><h1>{title}</h1>"
        f"{separated(page.body)}</main></body></html>"
    )


def separated(body: str) -> str:
    """The page body with labels and values kept apart for the indexer (see _RUN_TOGETHER);
    the page itself is unchanged."""
    return _RUN_TOGETHER.sub(lambda tag: _SEPARATORS[tag.group(1)] + tag.group(0), body)
