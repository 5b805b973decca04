"""Hand-written pages (`site_docs/`) are sanitised like contributed text, with an allow-list
wide enough for what Markdown and Material produce (headings with anchors, admonitions, tables,
the site's own images, code), unless a page opts in with `trusted_html: true` in its front
matter. The opt-in is exact: a near miss (`trusted-html`, `trusted_html: "yes"`) is an error,
never ignored."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import nh3

TRUST_KEY = "trusted_html"

_TAGS = {
    *("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "blockquote"),
    *("strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "kbd"),
    *("code", "pre", "ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "abbr"),
    *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img"),
    *("figure", "figcaption", "picture", "source", "time", "cite", "q"),
}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "rel", "target"},
    "img": {"src", "alt", "width", "height", "loading"},
    "source": {"srcset", "media", "type"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start", "reversed", "type"},
    "details": {"open"},
    "time": {"datetime"},
    "abbr": {"title"},
}
_SCHEME_OR_HOST = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|//|\\\\)")


def _local_only(tag: str, attribute: str, value: str) -> str | None:
    """Images load only from the site itself: the site fetches nothing from elsewhere (no
    tracking pixels); a page that needs more opts in with trusted_html."""
    if attribute in ("src", "srcset") and _SCHEME_OR_HOST.match(value):
        return None
    return value


_cleaner = nh3.Cleaner(
    tags=_TAGS,
    attribute_filter=_local_only,
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "svg", "math"},
    attributes=_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
    strip_comments=True,
)
_NEAR_MISS = re.compile(r"[^a-z]")


class TrustMarkerError(ValueError):
    """A front matter key that is almost, but not exactly, `trusted_html: true|false`."""


def is_trusted(meta: Mapping[str, Any]) -> bool:
    """Whether the page opted out of sanitising; TrustMarkerError for a near miss."""
    for key in meta:
        if key != TRUST_KEY and _NEAR_MISS.sub("", str(key).lower()) == "trustedhtml":
            raise TrustMarkerError(f"front matter key '{key}' is not '{TRUST_KEY}'")
    value = meta.get(TRUST_KEY, False)
    if not isinstance(value, bool):
        raise TrustMarkerError(f"{TRUST_KEY} must be true or false, not {value!r}")
    return value


def sanitize_hand_written(html: str) -> str:
    return _cleaner.clean(html)
