"""What every export shares: the site's absolute base URL and finding addresses, and JSON
written the same way everywhere."""

from __future__ import annotations

import json

from .. import paths
from ..views import PublicSite


def base_url(site: PublicSite) -> str:
    settings = site.content.settings
    base = settings.base_url if settings else "https://example.org/"
    return base if base.endswith("/") else base + "/"


def absolute_url(site: PublicSite, src_uri: str, directory_urls: bool) -> str:
    return base_url(site) + paths.url_of(src_uri, directory_urls)


def to_json(data: object) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
