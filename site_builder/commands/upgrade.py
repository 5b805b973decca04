"""`bounties upgrade`: bring content files to the format this version reads, in place,
keeping comments and key order (ruamel.yaml round-trip)."""

from __future__ import annotations

import argparse
import io
import sys

from ..content.load import CONTENT_DIR, SETTINGS_FILE
from ..content.program import FORMAT_VERSION
from .common import EXIT_OK, EXIT_PROBLEMS, UsageError, add_root, content_root, subcommand


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "upgrade",
        f"Rewrite programs/site.yml and every program.yml to content format {FORMAT_VERSION}, "
        "keeping comments and key order. Files from a newer format are left alone with a "
        "message. With --check, change nothing and exit 1 if a file needs upgrading.",
        "bounties upgrade --check",
    )
    add_root(parser)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if needed")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    base = content_root(args.root) / CONTENT_DIR
    yaml = YAML()
    yaml.preserve_quotes = True
    targets = [base / SETTINGS_FILE, *sorted(base.glob("*/program.yml"))]
    stale, newer = [], []
    for path in targets:
        if not path.is_file():
            continue
        try:
            data = yaml.load(path.read_text(encoding="utf-8"))
        except YAMLError as error:
            raise UsageError(f"{path}: not valid YAML ({error}); run `bounties validate`") from None
        version = data.get("format", None) if hasattr(data, "get") else None
        if isinstance(version, int) and version > FORMAT_VERSION:
            newer.append(
                f"{path}: format {version} is newer than this bounties reads "
                f"({FORMAT_VERSION}); upgrade the package"
            )
            continue
        if version == FORMAT_VERSION:
            continue
        stale.append(path)
        if not args.check:
            data.insert(0, "format", FORMAT_VERSION)
            out = io.StringIO()
            yaml.dump(data, out)
            path.write_text(out.getvalue(), encoding="utf-8")
    for line in newer:
        print(line, file=sys.stderr)
    verb = "needs upgrading" if args.check else "upgraded"
    for path in stale:
        print(f"{path}: {verb} to format {FORMAT_VERSION}", file=sys.stderr)
    if not stale and not newer:
        print(f"all content is at format {FORMAT_VERSION}", file=sys.stderr)
    return EXIT_PROBLEMS if newer or (args.check and stale) else EXIT_OK
