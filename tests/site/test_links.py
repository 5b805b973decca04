"""Every internal link and asset reference in the built example site resolves."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

_REF = re.compile(r"""(?:href|src)="([^"]+)\"""")


def test_every_internal_link_resolves(example_site: Path) -> None:
    broken = []
    pages = sorted(example_site.rglob("*.html"))
    for page in pages:
        base = page.relative_to(example_site).as_posix()
        for ref in _REF.findall(page.read_text()):
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or ref.startswith(("#", "mailto:")):
                continue
            if parts.path.startswith("/"):  # 404.html links from the site root
                target = posixpath.normpath(unquote(parts.path).lstrip("/") or ".")
            else:
                target = posixpath.normpath(
                    posixpath.join(posixpath.dirname(base), unquote(parts.path))
                )
            path = example_site / target
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{base} -> {ref}")
    assert len(pages) > 30
    assert broken == []


def test_no_request_leaves_the_site(example_site: Path) -> None:
    """No CDN, no web fonts, no external images: only links may point elsewhere."""
    external = set()
    for page in example_site.rglob("*.html"):
        for tag in re.findall(
            r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", page.read_text()
        ):
            if re.search(r'rel="(canonical|alternate)"', tag):
                continue  # a reference, not a request
            if re.search(r'(?:src|href)="(?:https?:)?//', tag):
                external.add(tag[:100])
    assert external == set()
