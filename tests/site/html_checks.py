"""An HTML walker that finds anything executable or external in rendered output.

The page is read with the standard library's HTMLParser, which decodes character references in
attribute values as a browser does. Where that parser and a browser may disagree about where
markup starts or ends (comments, processing instructions, CDATA), markup inside them is flagged
rather than guessed about. The checker errs on the side of flagging: tests/site/test_html_checks.py
feeds it known-bad fragments that must be flagged and known-good ones that must pass."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Never acceptable, in contributed text or in the page chrome.
_DANGEROUS_TAGS = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "portal",
    "base",
    "style",
    "textarea",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "math",
    # SVG elements that run script, embed HTML or rewrite attributes (names are lowercased).
    "foreignobject",
    "animate",
    "animatemotion",
    "animatetransform",
    "set",
    "handler",
    "listener",
}
# Part of the theme's page chrome; dangerous in contributed text.
_THEME_TAGS = {"meta", "link", "form"}
# Attributes whose value is a URL (or a list of them) that the browser follows or fetches.
_URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "poster",
    "background",
    "cite",
    "codebase",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "manifest",
    "icon",
    "ping",
    "srcset",
    "imagesrcset",
}
# Of those, the ones the browser fetches without a click (an external one is a tracker).
_FETCHED_ATTRS = {"src", "srcset", "imagesrcset", "poster", "data", "background", "lowsrc"}
_FETCHING_HREF_TAGS = {"use", "image", "feimage"}
# <link rel> values that load their href (canonical, prev, alternate... are only addresses).
_LINK_FETCHES = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
    "preload",
    "modulepreload",
    "prefetch",
    "prerender",
    "preconnect",
    "dns-prefetch",
    "import",
}
_SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.I)
# A browser drops tab, CR and LF anywhere in a URL and C0 controls and spaces around it.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_TRIMMED = "".join(chr(c) for c in range(0x21))
_STYLE_RISKS = (
    "url(",
    "image-set(",
    "expression(",
    "javascript:",
    "vbscript:",
    "behavior:",
    "-moz-binding",
    "@import",
)
_CSS_ESCAPE = re.compile(r"\\([0-9a-f]{1,6})\s?", re.I)
_CSS_NOISE = re.compile(r"\\|/\*.*?\*/|\s", re.S)
# Something a browser could read as a tag, or as the end of a comment, inside a comment.
_MARKUP = re.compile(r"<[a-z/!?]|--!>", re.I)

# The scripts Material for MkDocs and this project put on every page. In `allow_theme` mode only
# these run; any other script (inline or not) is reported. A Material upgrade that changes its
# inline snippets shows up here as an unknown inline script: add its opening words.
_THEME_SCRIPT_SRC = re.compile(
    r"^(?:\.\./)*/?(?:assets/javascripts/bundle\.[0-9a-f]+\.min\.js"
    r"|assets/bounties\.js|pagefind/pagefind-ui\.js)$"
)
_THEME_INLINE_SCRIPTS = (
    "__md_scope=new URL(",
    'var palette=__md_get("__palette")',
    "var target=document.getElementById(location.hash.slice(1))",
)


def _url_parts(name: str, value: str) -> list[str]:
    if name in {"srcset", "imagesrcset"}:
        return [c.split()[0] for c in value.split(",") if c.split()]
    if name == "ping":
        return value.split()
    return [value]


def _normalise_url(value: str) -> str:
    return _URL_IGNORED.sub("", value).strip(_URL_TRIMMED)


def _scheme(url: str) -> str | None:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def _is_external(url: str) -> bool:
    """Anything with a scheme, or protocol-relative (`//host`, and `\\` counts as `/`)."""
    return _scheme(url) is not None or url.replace("\\", "/").startswith("//")


def _fetches(tag: str, attribute: str, rel: str) -> bool:
    """The browser loads this URL with the page (a <script src> is judged on its own)."""
    if tag == "script":
        return False
    if tag == "link":
        return attribute == "href" and not _LINK_FETCHES.isdisjoint(rel.lower().split())
    return attribute in _FETCHED_ATTRS or (
        attribute in {"href", "xlink:href"} and tag in _FETCHING_HREF_TAGS
    )


def _css_text(style: str) -> str:
    """A style attribute lowercased, CSS escapes decoded, comments and whitespace removed."""
    decoded = _CSS_ESCAPE.sub(lambda m: chr(min(int(m.group(1), 16), 0x10FFFF) or 0xFFFD), style)
    return _CSS_NOISE.sub("", decoded.lower())


class _Walker(HTMLParser):
    def __init__(self, allow_theme: bool):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.allow_theme = allow_theme
        self.script: list[str] | None = None  # the text of the open <script>, if it needs a look
        self.in_script = False

    def _flag(self, problem: str) -> None:
        self.problems.append(problem)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_tag(tag, attrs)
        rel = next((value or "" for name, value in attrs if name == "rel"), "")
        for name, value in attrs:
            self._check_attribute(tag, name, value or "", rel)

    def _check_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        if tag in _DANGEROUS_TAGS or (tag in _THEME_TAGS and not self.allow_theme):
            self._flag(f"<{tag}>")
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self._flag("<meta http-equiv=refresh>")
        if tag == "script":
            self.in_script = True
            self.script = None
            if not self.allow_theme:
                self._flag(f"<script {' '.join(values)}>".replace(" >", ">"))
            elif "src" in values:
                if not _THEME_SCRIPT_SRC.match(_normalise_url(values["src"])):
                    self._flag(f"<script src={values['src'][:40]!r}>")
            elif values.get("type", "").strip().lower() != "application/json" or (
                values.get("id") != "__config"
            ):
                self.script = []  # an inline script: judged on its text at </script>

    def _check_attribute(self, tag: str, name: str, value: str, rel: str) -> None:
        if name.startswith("on"):
            self._flag(f"<{tag} {name}=...>")
        if name == "srcdoc":
            self._flag(f"<{tag} srcdoc=...>")
        if name == "style" and any(risk in _css_text(value) for risk in _STYLE_RISKS):
            self._flag(f"<{tag} style={value[:40]!r}>")
        if name == "attributename" and value.strip().lower() in {"href", "xlink:href"}:
            self._flag(f"<{tag} attributeName={value!r}>")
        if name in _URL_ATTRS:
            for part in _url_parts(name, value):
                url = _normalise_url(part)
                scheme = _scheme(url)
                if scheme is not None and scheme not in _SAFE_SCHEMES:
                    self._flag(f"<{tag} {name}={value[:40]!r}>")
                elif _fetches(tag, name, rel) and _is_external(url):
                    self._flag(f"external resource <{tag} {name}={value[:40]!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._end_script()

    def _end_script(self) -> None:
        if self.script is not None:
            text = " ".join("".join(self.script).split())
            if not text.startswith(_THEME_INLINE_SCRIPTS):
                self._flag(f"inline <script> not from the theme: {text[:40]!r}")
        self.script = None
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            if self.script is not None:
                self.script.append(data)
            if "XSS" in data:
                self._flag("payload inside <script>")

    def handle_comment(self, data: str) -> None:
        if _MARKUP.search(data):
            self._flag(f"markup inside a comment: {data[:40]!r}")

    def handle_pi(self, data: str) -> None:
        if _MARKUP.search(data):
            self._flag(f"markup inside <?...>: {data[:40]!r}")

    def unknown_decl(self, data: str) -> None:
        if _MARKUP.search(data):
            self._flag(f"markup inside <!{data[:40]}>")

    def close(self) -> None:
        super().close()
        if self.in_script:  # an unterminated <script> runs to the end of the document
            self._end_script()


def executable_parts(html: str, allow_theme: bool = False) -> list[str]:
    """Everything in `html` that could run code or fetch from elsewhere: any <script>, event
    handler attributes, javascript:/data:/vbscript: (or any other non-http(s)/mailto) URLs however
    encoded, frames, plugins, <base>, <style>, meta refresh, SVG animation and foreignObject,
    <math>, srcdoc, external images and markup hidden in comments.

    `allow_theme` accepts the page chrome of the theme: its <meta>, <link> and palette <form>, and
    its own scripts (the bundle, assets/bounties.js, Pagefind's UI, Material's known inline
    snippets and its JSON `__config`). Any other script is still reported."""
    walker = _Walker(allow_theme)
    walker.feed(html)
    walker.close()
    return walker.problems
