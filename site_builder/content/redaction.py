"""Redacted sections of a write-up: `::: redacted [reason]` … `:::` lines.

Redaction removes: the hazardous text is cut out of the source before any rendering, and a
visible notice is put in its place. A marker that is not closed is an error, and the rest of the
write-up is removed (fail closed)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_START = re.compile(r"^\s*:::\s*redact(?:ed)?\b(?P<reason>.*)$", re.IGNORECASE)
_END = re.compile(r"^\s*:::\s*$")


@dataclass(frozen=True)
class RedactionIssue:
    line: int  # 1-based within the body
    message: str


def redaction_issues(body: str) -> list[RedactionIssue]:
    """Unbalanced or nested markers, by body line."""
    issues: list[RedactionIssue] = []
    if ":::" not in body:
        return issues
    open_line = 0
    for number, line in enumerate(body.split("\n"), start=1):
        if _START.match(line):
            if open_line:
                issues.append(
                    RedactionIssue(
                        number,
                        f"redacted section opened on line "
                        f"{open_line} is not closed before this one",
                    )
                )
            open_line = number
        elif _END.match(line):
            if open_line:
                open_line = 0
            else:
                issues.append(RedactionIssue(number, "':::' closes no redacted section"))
    if open_line:
        issues.append(RedactionIssue(open_line, "redacted section is never closed with ':::'"))
    return issues


def has_redactions(body: str) -> bool:
    return ":::" in body and any(_START.match(line) for line in body.split("\n"))


def redact(body: str, notice: str = "Redacted") -> str:
    """The write-up with every redacted section replaced by a notice paragraph.

    The notice carries the reason given on the marker line (hunter-written, so callers still
    escape it like the rest of the Markdown). An unclosed section removes everything after it.
    """
    if ":::" not in body:
        return body
    out: list[str] = []
    inside = False
    for line in body.split("\n"):
        start = _START.match(line)
        if start:
            reason = start.group("reason").strip().strip("\"'")
            out.append("")
            out.append(f"> **{notice}**" + (f": {reason}" if reason else ""))
            out.append("")
            inside = True
        elif inside:
            if _END.match(line):
                inside = False
        else:
            out.append(line)
    return "\n".join(out)


def public_summary(body: str, limit: int) -> str:
    """The first plain paragraph of the redacted write-up, as one line of text (for feeds and
    exports, where a heading, quote, list or table would read badly)."""
    skip = ("#", ">", "```", "|", "-", "*", ":::")
    for paragraph in redact(body).split("\n\n"):
        if paragraph.strip() and not paragraph.lstrip().startswith(skip):
            return " ".join(paragraph.split())[:limit]
    return ""
