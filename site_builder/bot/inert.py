"""Text from hunters (and anyone who comments) made inert before the bot writes it into its own
comment: it can form no HTML (so no hidden `<!-- ... -->` state block), no Markdown link,
image, emphasis or heading, no @mention and no autolink, and it stays on one line.

Angle brackets and ampersands become entities, so the comment's source holds no `<` from
anyone else; punctuation that can open Markdown syntax is backslash-escaped (CommonMark shows
it literally); a word joiner after `@` and inside `://` and `www.` stops GitHub's mention and
link detection, which runs on the rendered text."""

from __future__ import annotations

import re

MAX_CHARS = 200
_JOINER = "\u2060"
# What can open Markdown or GFM syntax mid-line (emphasis, code, links, images, tables, strike,
# math); `.`, `-`, `:` and `/` only matter at the start of a line, which inert text never is.
_PUNCTUATION = frozenset("\\`*_[]()!#|~$^")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def inert(text: object, limit: int = MAX_CHARS) -> str:
    flat = _SPACE.sub(" ", str(text)).strip()
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    flat = flat.replace("@", "@" + _JOINER).replace("://", ":" + _JOINER + "//")
    flat = re.sub(r"(?i)\b(www)\.", lambda m: m.group(1) + _JOINER + ".", flat)
    out = []
    for char in flat:
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _PUNCTUATION:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)
