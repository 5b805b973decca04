"""`bounties upgrade`: bring content files to the format this version reads, in place,
keeping comments and key order (ruamel.yaml round-trip)."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import MutableMapping
from pathlib import Path

from ..content.load import CONTENT_DIR, SETTINGS_FILE
from ..content.program import FORMAT_VERSION
from ..content.upgrade import (
    needs_upgrade,
    sequence_indent,
    upgrade_program,
    upgrade_settings,
)
from .common import EXIT_OK, EXIT_PROBLEMS, UsageError, add_root, content_root, subcommand


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "upgrade",
        f"Rewrite programs/site.yml and every program.yml to content format {FORMAT_VERSION}, "
        "keeping comments and key order (format 1 -> 2: `rewards.tiers` becomes "
        "`rewards.table`, panel members become {handle: ...}). Nothing published changes. "
        "Files from a newer format are left alone with a message. With --check, change "
        "nothing and exit 1 if a file needs upgrading.",
        "bounties upgrade --check",
    )
    add_root(parser)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if needed")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    base = content_root(args.root) / CONTENT_DIR
    targets = [base / SETTINGS_FILE, *sorted(base.glob("*/program.yml"))]
    stale: list[tuple[Path, str]] = []
    newer: list[str] = []
    for path in targets:
        if path.is_file():
            _plan(path, stale, newer)
    if not args.check:
        for path, text in stale:  # every file is read and upgraded before the first write
            path.write_text(text, encoding="utf-8")
    for line in newer:
        print(line, file=sys.stderr)
    verb = "needs upgrading" if args.check else "upgraded"
    for path, _ in stale:
        print(f"{path}: {verb} to format {FORMAT_VERSION}", file=sys.stderr)
    if not stale and not newer:
        print(f"all content is at format {FORMAT_VERSION}", file=sys.stderr)
    return EXIT_PROBLEMS if newer or (args.check and stale) else EXIT_OK


def _plan(path: Path, stale: list[tuple[Path, str]], newer: list[str]) -> None:
    """Add the file's upgraded text to `stale` if it is older than the current format."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the organizer wrote
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text)
    except YAMLError as error:
        raise UsageError(f"{path}: not valid YAML ({error}); run `bounties validate`") from None
    if not isinstance(data, MutableMapping):
        raise UsageError(f"{path}: not a mapping of fields; run `bounties validate`")
    version = data.get("format", 1)
    if isinstance(version, int) and version > FORMAT_VERSION:
        newer.append(
            f"{path}: format {version} is newer than this bounties reads "
            f"({FORMAT_VERSION}); upgrade the package"
        )
        return
    if not needs_upgrade(data):
        return
    (upgrade_settings if path.name == SETTINGS_FILE else upgrade_program)(data)
    sequence, offset = sequence_indent(text)
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    out = io.StringIO()
    yaml.dump(data, out)
    stale.append((path, out.getvalue()))
