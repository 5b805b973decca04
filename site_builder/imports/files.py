"""Imported findings as finding files: YAML front matter, then the write-up, with text from
elsewhere kept inside redacted sections so that nothing of it is published by accident."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import yaml

from ..content.load import CONTENT_DIR
from .records import ImportedFinding

# A run of three or more colons could open or close a redacted section (and a stray `:::` line
# inside one would end it early, publishing the rest). Escaped colons render the same.
_COLONS = re.compile(r":{3,}")


def finding_path(slug: str, finding_id: str) -> str:
    """Where a finding's file goes, relative to the content root (forward slashes)."""
    return f"{CONTENT_DIR}/{slug}/findings/{finding_id}.md"


class _Dumper(yaml.SafeDumper):
    """Writes every value out: content files refuse YAML anchors and aliases (which the
    default dumper makes when two fields hold the same date object)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _flow_list(dumper: yaml.SafeDumper, data: list[object]) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(list, _flow_list)  # `hunters: [alice, bob]`, as hand-written files


def finding_text(finding: ImportedFinding) -> str:
    front = yaml.dump(
        finding.front,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=10_000,
    )
    body = finding.body.strip("\n")
    return f"---\n{front}---\n" + (f"\n{body}\n" if body else "")


def inert(text: str) -> str:
    """Text from elsewhere with normalised line ends and no redaction markers of its own."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _COLONS.sub(lambda match: "\\:" * len(match.group()), text)


def private_section(reason: str, text: str) -> str:
    """`text` inside a redacted section: cut before anything is rendered."""
    return f"::: redacted {reason}\n{inert(text).strip(chr(10))}\n:::"


def notes_section(notes: list[str]) -> str:
    """The importer's notes for the organizer, redacted (they may name a reporter who is
    credited as anonymous here)."""
    return private_section("Import notes", "\n".join(f"- {note}" for note in notes))


def write_file(path: Path, text: str, *, replace: bool) -> None:
    """Write `text` to `path`. Without `replace`, an existing file is never touched (even one
    created since the import checked); with it, the file is swapped in whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not replace:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", text=True)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
