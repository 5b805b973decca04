"""`.well-known/security.txt` (RFC 9116): the site's contact, pointing at its policies."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from .. import paths
from ..views import PublicSite
from .base import absolute_url, base_url

SECURITY_TXT_DAYS = 180


def security_txt(site: PublicSite, directory_urls: bool) -> str:
    settings = site.content.settings
    contact = settings.contact if settings else None
    lines = []
    if contact and contact.email:
        lines.append(f"Contact: mailto:{contact.email}")
    if contact and contact.url:
        lines.append(f"Contact: {contact.url}")
    expires = datetime.combine(site.as_of + timedelta(days=SECURITY_TXT_DAYS), time(), UTC)
    lines.append(f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append(f"Policy: {absolute_url(site, paths.POLICIES, directory_urls)}")
    lines.append(f"Canonical: {base_url(site)}.well-known/security.txt")
    lines.append(f"Preferred-Languages: {settings.language if settings else 'en'}")
    return "\n".join(lines) + "\n"
