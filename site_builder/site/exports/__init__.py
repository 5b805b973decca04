"""Machine-readable outputs beside the pages: the JSON API with its schemas, the AVID export,
Atom feeds and security.txt.

Every item comes from the same public views as the pages, so nothing private can appear here
that does not appear there."""

from __future__ import annotations

from ..model import Asset
from ..views import PublicSite
from .api import api_assets
from .feeds import feed_assets
from .security_txt import security_txt


def machine_assets(site: PublicSite, directory_urls: bool = True) -> list[Asset]:
    return [
        *api_assets(site, directory_urls),
        *feed_assets(site, directory_urls),
        Asset(".well-known/security.txt", security_txt(site, directory_urls)),
    ]
