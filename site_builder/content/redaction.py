"""Redacted sections of contributed Markdown: `::: redacted [reason]` … `:::` lines.

Redaction removes: the hazardous text is cut out of the source before any rendering, and a
visible notice is put in its place. It fails closed twice over:

- `redact` cuts anything that *looks like* a section, whatever its form: a marker inside a
  blockquote or a list item, with four colons, in Pandoc's `{.redacted}` form, in any case; only
  a plain `:::` line closes one, a nested section ends only when every section is closed, and
  an unclosed one removes the rest.
- `redaction_issues` reports every line that is not exactly a marker but looks like one, every
  other line holding `:::`, nesting and unclosed sections, so that validation stops the build
  until the organizer writes what they meant.

Lines end at `\\n`, `\\r\\n` or a lone `\\r`, as Markdown's do."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import mistune
import nh3

EXACT_FORM = "'::: redacted [reason]' and ':::' alone, each at the start of its own line"

_LINES = re.compile(r"\r\n|\r|\n")
# Blockquote and list prefixes in any mix ("> - 1. "), which Markdown strips before a block.
# A quote marker needs no space after it; a list marker does. Blanks include Unicode ones (a
# no-break space between `:::` and `redacted` still reads as a marker).
_PREFIX = r"^(?:\s*(?:>|(?:[-*+]|[0-9]{1,9}[.)])(?=\s|$)))*\s*"
_LOOSE_START = re.compile(_PREFIX + r":{3,}\s*\{?\s*\.?redact", re.IGNORECASE)
# Only `:::` alone (give or take blanks) closes: a near-miss closing line closes nothing, so the
# rest stays cut until the organizer fixes it.
_CLOSE = re.compile(r"^\s*:::\s*$")
_EXACT_START = re.compile(r"^::: redacted(?:[ \t]+(?P<reason>.*?))?[ \t]*$")
_EXACT_END = re.compile(r"^:::[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")
_REASON = re.compile(_PREFIX + r":{3,}\s*\{?\s*\.?redact(?:ed)?\}?:?(?P<reason>.*)$", re.I)


@dataclass(frozen=True)
class RedactionIssue:
    line: int  # 1-based within the text
    message: str


def lines_of(text: str) -> list[str]:
    return _LINES.split(text)


def redaction_issues(body: str) -> list[RedactionIssue]:
    """Near-miss markers, stray `:::`, nesting and unclosed sections, by line."""
    issues: list[RedactionIssue] = []
    if ":::" not in body:
        return issues
    open_lines: list[int] = []
    for number, line in enumerate(lines_of(body), start=1):
        if _LOOSE_START.match(line):
            if not _EXACT_START.match(line):
                issues.append(RedactionIssue(number, _near_miss(line)))
            if open_lines:
                issues.append(
                    RedactionIssue(
                        number,
                        f"redacted section opened on line {open_lines[-1]} is not closed "
                        "before this one (sections do not nest)",
                    )
                )
            open_lines.append(number)
        elif _CLOSE.match(line):
            if not _EXACT_END.match(line):
                issues.append(RedactionIssue(number, _near_miss(line)))
            if open_lines:
                open_lines.pop()
            else:
                issues.append(RedactionIssue(number, "':::' closes no redacted section"))
        elif ":::" in _CODE_SPAN.sub(" ", line):  # `::: redacted` in code names the syntax
            issues.append(
                RedactionIssue(
                    number,
                    f"':::' in this line looks like a redaction marker; markers are {EXACT_FORM}",
                )
            )
    issues += [RedactionIssue(n, "redacted section is never closed with ':::'") for n in open_lines]
    return sorted(issues, key=lambda issue: issue.line)


def _near_miss(line: str) -> str:
    return (
        f"'{line.strip()[:60]}' looks like a redaction marker but is not one; markers are "
        f"{EXACT_FORM} (the text is redacted anyway until you fix it)"
    )


def has_redactions(body: str) -> bool:
    return ":::" in body and any(_LOOSE_START.match(line) for line in lines_of(body))


def redact(body: str, notice: str = "Redacted") -> str:
    """The text with every redacted section replaced by a notice paragraph.

    The notice carries the reason given on the marker line (contributed text, so callers still
    escape it like the rest of the Markdown). A section ends when every section opened inside
    it has ended too; an unclosed section removes everything after it."""
    if ":::" not in body:
        return body
    out: list[str] = []
    depth = 0
    for line in lines_of(body):
        if _LOOSE_START.match(line):
            if depth == 0:
                reason = _reason(line)
                out += ["", f"> **{notice}**" + (f": {reason}" if reason else ""), ""]
            depth += 1
        elif depth:
            if _CLOSE.match(line):
                depth -= 1
        else:
            out.append(line)
    return "\n".join(out)


def _reason(line: str) -> str:
    match = _EXACT_START.match(line) or _REASON.match(line)
    reason = (match.group("reason") or "") if match else ""
    return reason.strip().strip("\"'").strip()


_summary_markdown = mistune.create_markdown(escape=False)
_SKIP = ("#", ">", "```", "~~~", "|", "-", "*", "+", ":::")


def public_summary(body: str, limit: int) -> str:
    """The first plain paragraph of the redacted write-up as one line of text, taken from the
    rendered and sanitised paragraph (so HTML comments, tags and Markdown syntax never reach a
    feed or an export)."""
    for paragraph in re.split(r"\n[ \t]*\n", "\n".join(lines_of(redact(body)))):
        if not paragraph.strip() or paragraph.lstrip().startswith(_SKIP):
            continue
        rendered = str(_summary_markdown(paragraph))
        text = " ".join(html.unescape(nh3.clean(rendered, tags=set(), strip_comments=True)).split())
        if text:
            return text[:limit]
    return ""
