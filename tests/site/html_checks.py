"""An HTML walker that finds anything executable or external in rendered output."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DANGEROUS_TAGS = {
    "iframe",
    "object",
    "embed",
    "form",
    "base",
    "frame",
    "frameset",
    "applet",
    "meta",
    "link",
    "style",
    "textarea",
    "noscript",
    "math",
}
_SCHEME = re.compile(r"^[\s\x00-\x1f]*([a-z][a-z0-9+.-]*):", re.I)
_URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster"}


class _Walker(HTMLParser):
    def __init__(self, allow_theme: bool):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.allow_theme = allow_theme
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DANGEROUS_TAGS and not (self.allow_theme and tag in {"meta", "link", "form"}):
            self.problems.append(f"<{tag}>")
        if tag == "script":
            self.in_script = True
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name == "style" and "url(" in value.lower():
                self.problems.append(f"<{tag} style with url()>")
            if name in _URL_ATTRS:
                scheme = _SCHEME.match(value)
                if scheme and scheme.group(1).lower() not in {"http", "https", "mailto"}:
                    self.problems.append(f"<{tag} {name}={value[:40]!r}>")
                if tag == "img" and scheme:
                    self.problems.append(f"external image {value[:40]!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "XSS" in data:
            self.problems.append("payload inside <script>")


def executable_parts(html: str, allow_theme: bool = False) -> list[str]:
    """Everything in `html` that could run code or fetch from elsewhere. `allow_theme` accepts
    the <meta>, <link> and search <form> of the theme's own page chrome."""
    walker = _Walker(allow_theme)
    walker.feed(html)
    walker.close()
    return walker.problems
