"""What the generator produces: pages for the site engine and files copied verbatim."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A page: `body` is Markdown whose contributed parts are already sanitised HTML blocks;
    `title` and `description` are plain text (made safe when written into front matter)."""

    src_uri: str
    title: str
    body: str
    description: str = ""
    in_nav: bool = False
    searchable: bool = True


@dataclass(frozen=True)
class Asset:
    """A non-page file (JSON, feeds, security.txt), at a path relative to the site root."""

    path: str
    content: str
