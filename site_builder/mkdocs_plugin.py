"""The MkDocs adapter: hands the generated site to MkDocs. The only module that imports MkDocs.

Events, in the order MkDocs runs them:
- on_startup: defining it keeps one plugin object across `mkdocs serve` rebuilds.
- on_config: load and validate the content once per build; errors stop the build here, before
  anything is written, with the same messages as `bounties validate`.
- on_files: add the generated pages and files (priority 0, so Material's blog/tags plugins at
  -50 see them). Pages are added empty: their HTML is finished already.
- on_page_markdown / on_page_content: give each generated page its metadata, HTML and table
  of contents instead of running Markdown over it.
- on_post_build: collect the search index that Pagefind built beside the build (started in
  on_config from the generated pages).
- on_serve: watch programs/, which lies outside docs_dir.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from . import clock
from .content.checks import validate
from .content.hand_written import HAND_WRITTEN_DIR, check_hand_written
from .content.load import CONTENT_DIR
from .content.problems import count_errors, format_problems
from .site.generate import generate_site, page_meta
from .site.hand_written import TRUST_KEY, TrustMarkerError, is_trusted, sanitize_hand_written
from .site.model import Asset, Page
from .site.pages.about import hand_written_about, page_frame
from .site.paths import ABOUT as ABOUT_PAGE
from .site.paths import SEARCH as SEARCH_PAGE
from .site.render import plain_title
from .site.search import SearchIndexer, SearchIndexError

log = logging.getLogger("mkdocs.plugins.bounties")

ROOT_ENV = "BOUNTIES_ROOT"
AS_OF_ENV = clock.AS_OF_VARIABLE
# Set by `bounties build`: the build's work folder, where scratch files go (removed with it).
WORK_ENV = "BOUNTIES_WORK_DIR"


class BountiesConfig(Config):
    root = config_options.Optional(config_options.Type(str))
    as_of = config_options.Optional(config_options.Type(str))
    search = config_options.Type(bool, default=True)


class BountiesPlugin(BasePlugin[BountiesConfig]):
    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.by_src: dict[str, Page] = {}
        self.indexer: SearchIndexer | None = None
        self.assets: list[Asset] = []
        self.root = Path(".")

    def on_startup(self, *, command: str, dirty: bool) -> None:
        pass

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(
            self.config.root
            or os.environ.get(ROOT_ENV)
            or os.path.dirname(config.config_file_path or ".")
        )
        as_of = _as_of(self.config.as_of)
        if not config.theme.custom_dir:
            # A repository made by `bounties init` has no theme folder: use the packaged one.
            config.theme.dirs.insert(0, str(resources.files("site_builder.theme")))
        started = time.perf_counter()
        content, problems = validate(self.root, as_of)
        docs_dir = Path(config.docs_dir)
        if docs_dir.resolve() != (self.root / HAND_WRITTEN_DIR).resolve():
            problems += check_hand_written(self.root, docs_dir)  # validate checked site_docs/
        for problem in problems:
            if not problem.is_error:
                log.info(problem.as_text())
        if count_errors(problems):
            raise PluginError(
                "content is not valid:\n"
                + format_problems([p for p in problems if p.is_error], "text")
            )
        if content.settings:
            # programs/site.yml is the one place for the site's name and address.
            config.site_name = content.settings.title
            config.site_url = content.settings.base_url
        search = self.config.search
        own_about = hand_written_about(docs_dir)
        self.pages, self.assets = generate_site(
            content, as_of, config.use_directory_urls, search=search, own_about=bool(own_about)
        )
        config.nav = _nav_for(config.nav, search, own_about)
        if own_about:
            log.info(f"bounties: the hand-written {own_about} replaces the generated About page")
        # The footer and the banner of fictional content, for theme/main.html.
        config.extra["bounties"] = page_frame(content.settings, config.use_directory_urls)
        self.by_src = {page.src_uri: page for page in self.pages}
        if search:
            # Started now, Pagefind indexes on the other core while MkDocs renders the pages.
            language = content.settings.language if content.settings else "en"
            self.indexer = SearchIndexer(
                self.pages, config.use_directory_urls, language, os.environ.get(WORK_ENV)
            )
        log.info(
            f"bounties: {len(content.findings)} findings validated, {len(self.pages)} pages "
            f"generated as of {as_of} in {time.perf_counter() - started:.2f} s"
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.pages:
            _replace(
                files,
                File.generated(
                    config,
                    page.src_uri,
                    content="",
                    inclusion=InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV,
                ),
            )
        for asset in self.assets:
            _replace(
                files,
                File.generated(
                    config, asset.path, content=asset.content, inclusion=InclusionLevel.INCLUDED
                ),
            )
        return files

    def on_page_markdown(
        self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        generated = self.by_src.get(page.file.src_uri)
        if generated is None:
            return markdown
        page.meta = page_meta(generated)
        return ""

    def on_page_content(
        self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        generated = self.by_src.get(page.file.src_uri)
        if generated is None:
            return _hand_written(html, page)
        page.toc = get_toc(
            [
                {"level": 2, "id": anchor, "name": title, "children": []}
                for anchor, title in generated.sections()
            ]
        )
        return generated.body

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.indexer is None:
            return
        started = time.perf_counter()
        try:
            count = self.indexer.finish(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
        finally:
            self.indexer = None
        log.info(
            f"bounties: search index of {count} pages ready "
            f"({time.perf_counter() - started:.2f} s after the last page)"
        )

    def on_build_error(self, *, error: Exception) -> None:
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.root / CONTENT_DIR))
        return server


def _hand_written(html: str, page: MkDocsPage) -> str:
    """A page from site_docs/: sanitised unless it opted in with `trusted_html: true`."""
    try:
        trusted = is_trusted(page.meta)
    except TrustMarkerError as error:
        raise PluginError(
            f"{page.file.src_uri}: {error} (hint: write `{TRUST_KEY}: true` to publish this "
            "page's HTML unsanitised, or remove the key)"
        ) from None
    if trusted:
        return html
    page.meta["title"] = plain_title(page.title or "")
    return sanitize_hand_written(html)


def _nav_for(nav: list[Any] | None, search: bool, own_about: str | None) -> list[Any] | None:
    """The configured nav for the pages this build makes: without search when there is none,
    and with the operator's own About page instead of the generated one."""
    if nav and not search:
        nav = _retarget(nav, SEARCH_PAGE, None)
    if nav and own_about:
        nav = _retarget(nav, ABOUT_PAGE, own_about)
    return nav


def _retarget(nav: list[Any], src_uri: str, by: str | None) -> list[Any]:
    """The nav with entries that point at `src_uri` (a page this build does not make) pointing
    at `by` instead, or left out when `by` is None."""
    kept = []
    for item in nav:
        if isinstance(item, dict):
            item = {
                title: _retarget(target, src_uri, by)
                if isinstance(target, list)
                else _swap(target, src_uri, by)
                for title, target in item.items()
            }
            item = {title: target for title, target in item.items() if target is not None}
            if not item:
                continue
        else:
            item = _swap(item, src_uri, by)
            if item is None:
                continue
        kept.append(item)
    return kept


def _swap(target: Any, src_uri: str, by: str | None) -> Any:
    return by if target == src_uri else target


def _replace(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)


def _as_of(text: str | None) -> date:
    try:
        return clock.parse_day(text) if text else clock.today()
    except ValueError as error:
        raise PluginError(f"as_of: {error}") from None
