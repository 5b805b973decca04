"""Untrusted text to safe HTML: Markdown rendered (mistune: several times faster than
Python-Markdown, which matters at 10,000 findings) with a fixed set of plugins, then sanitised
with an allow-list (nh3, Rust's ammonia). Titles become plain text safe in every
template context (element text, attributes, <title>)."""

from __future__ import annotations

import html
import re

import mistune
import nh3

_TAGS = {
    "p",
    "br",
    "hr",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "del",
    "sup",
    "sub",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "kbd",
    "div",
    "span",
    "abbr",
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"align"},
    "td": {"align"},
    "code": {"class"},
    "abbr": {"title"},
    "li": {"id"},
    "sup": {"id"},
    "div": {"class"},
}
_CLASS = re.compile(r"language-[A-Za-z0-9_+-]{1,30}|footnote")  # the whole value
_ID_PREFIX = "user-content-"
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)  # raw <H2> too
_PLUGINS = ["table", "strikethrough", "footnotes", "def_list", "abbr"]


def _filter_attribute(tag: str, attr: str, value: str) -> str | None:
    """Only allow-listed classes survive. Ids are prefixed by the sanitiser, so in-page links
    (footnotes) are pointed at the prefixed ids; done on the attribute, never on text, so code
    that shows `href="#top"` is printed as written."""
    if attr == "class":
        return value if _CLASS.fullmatch(value) else None
    if attr == "href" and value.startswith("#"):
        return value if value.startswith("#" + _ID_PREFIX) else f"#{_ID_PREFIX}{value[1:]}"
    return value


# Raw HTML is kept by the parser and then judged by the sanitiser like everything else.
_markdown = mistune.create_markdown(escape=False, plugins=_PLUGINS)

_cleaner = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags={
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "template",
        "svg",
        "math",
        "noscript",
        "textarea",
        "title",
        "xmp",
        "select",
    },
    attributes=_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes={"http", "https", "mailto"},
    link_rel="nofollow noopener noreferrer",
    strip_comments=True,
    id_prefix=_ID_PREFIX,
)


def markdown_to_safe_html(text: str) -> str:
    """Render contributor Markdown and sanitise the result. Raw HTML in the source is treated
    like any other HTML: what the allow-list does not name is removed."""
    rendered = str(_markdown(text))
    return _cleaner.clean(_demote_headings(rendered))


def plain_title(text: str) -> str:
    """A title safe to place unescaped anywhere a theme might (Material prints page.meta.title
    raw in <title> and the header): angle brackets become look-alikes, the rest is escaped."""
    flat = " ".join(text.replace("<", "\u2039").replace(">", "\u203a").split())
    return html.escape(flat, quote=True)


def _demote_headings(rendered: str) -> str:
    """Contributed text sits under our own section headings: <h1> and <h2> become <h3>, deeper
    levels move down one (to at most <h6>). Done on the HTML, so code blocks are untouched."""
    return _HEADING_TAG.sub(
        lambda m: f"<{m.group(1)}h{min(max(int(m.group(2)) + 1, 3), 6)}", rendered
    )
