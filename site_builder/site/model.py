"""What the generator produces: pages for the site engine and files copied verbatim."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SECTION = re.compile(r'<h2 id="([^"]+)" class="bb-h">(.*?)<a class="headerlink"')


@dataclass(frozen=True)
class Page:
    """A page: `body` is finished HTML (contributed parts sanitised); `title` and
    `description` are plain text, made safe by `page_meta` before any engine sees them."""

    src_uri: str
    title: str
    body: str
    description: str = ""
    in_nav: bool = False
    searchable: bool = True
    # Parts of the page frame left out ("navigation", "toc"). The navigation is flat (one page
    # per tab), so a left sidebar would only ever list the page itself: it is left out.
    hide: tuple[str, ...] = ("navigation",)

    def sections(self) -> list[tuple[str, str]]:
        """(anchor id, heading HTML) of the page's own sections, for the table of contents."""
        return _SECTION.findall(self.body)


@dataclass(frozen=True)
class Asset:
    """A non-page file (JSON, feeds, security.txt), at a path relative to the site root."""

    path: str
    content: str
