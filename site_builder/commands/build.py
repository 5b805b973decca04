"""`bounties build` and `bounties serve`: the public site with MkDocs + Material."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    add_as_of,
    add_root,
    as_of_day,
    content_root,
    subcommand,
)


def register(commands: argparse._SubParsersAction) -> None:
    build = subcommand(
        commands,
        "build",
        "Validate the content and build the public site (default into site/). Nothing "
        "embargoed, private or redacted is published. On any error the previous site is left "
        "untouched and the exit code is 1.",
        "bounties build --as-of 2026-11-23 --out public/",
    )
    add_root(build)
    add_as_of(build)
    build.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="output folder (default: site/ under the root)",
    )
    build.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help="MkDocs configuration (default: mkdocs.yml under the root)",
    )
    build.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' progress")
    build.set_defaults(run=run_build)

    serve = subcommand(
        commands,
        "serve",
        "Live preview of the site that rebuilds when files under programs/ change.",
        "bounties serve --dev-addr 127.0.0.1:8000",
    )
    add_root(serve)
    add_as_of(serve)
    serve.add_argument("--config", type=Path, default=None, metavar="FILE")
    serve.add_argument(
        "--dev-addr",
        default=None,
        metavar="HOST:PORT",
        help="address to serve on (default: 127.0.0.1:8000)",
    )
    serve.set_defaults(run=run_serve)


def run_build(args: argparse.Namespace) -> int:
    from ..mkdocs_build import BuildFailed, build_site

    root = content_root(args.root)
    config = _config_file(root, args.config)
    out = args.out or root / "site"
    as_of = as_of_day(args)
    started = time.perf_counter()
    try:
        build_site(config, root, out, as_of, args.verbose)
    except BuildFailed:
        print(f"bounties: build failed; {out} was left as it was", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"built {out} as of {as_of} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    from ..mkdocs_build import serve_site

    root = content_root(args.root)
    serve_site(_config_file(root, args.config), root, args.as_of, args.dev_addr)
    return EXIT_OK


def _config_file(root: Path, config: Path | None) -> Path:
    path = config or root / "mkdocs.yml"
    if not path.is_file():
        raise UsageError(f"no MkDocs configuration at {path}; pass --config FILE")
    return path
