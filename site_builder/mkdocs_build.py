"""Run MkDocs for `bounties build` and `bounties serve`: environment, logging, atomic output.

A failed build leaves the previous site untouched: MkDocs writes into a fresh work folder beside
the output (`.site.building-*`, which also holds the search indexer's scratch files), and the
result replaces the old site only when the whole build has succeeded. Builds into one folder take
turns (a lock on the output's parent folder); the one holding the lock first removes work
folders that a killed build left behind."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from .mkdocs_plugin import AS_OF_ENV, ROOT_ENV, WORK_ENV

try:
    import fcntl
except ImportError:  # Windows: builds are not serialised there
    fcntl = None  # type: ignore[assignment]


# Material for MkDocs prints a boxed notice of its end of life, pointing to its successor, when
# it is imported under the `mkdocs` command (material/templates/__init__.py) unless
# NO_MKDOCS_2_WARNING is set. `bounties` sets it for every build and serve and says it once, in
# one line, with what it means for a site built with this toolkit.
SILENCE_MATERIAL_NOTICE = {"NO_MKDOCS_2_WARNING": "1"}
MATERIAL_END_OF_LIFE = (
    "bounties: note: the Material for MkDocs theme reaches end of life on 2027-05-05; "
    "built sites keep working (see docs/site.md of ai-safety-bounties)"
)


class BuildFailed(Exception):
    """The build stopped; MkDocs (or our plugin) has already logged why."""


def build_site(config_file: Path, root: Path, out: Path, as_of: date, verbose: bool) -> None:
    """Build into a work folder next to `out`, then swap it in."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(out):
        _remove_leftovers(out)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
        staging = work / "site"
        try:
            with _environment(root, as_of, work), _logging(verbose):
                try:
                    config = load_config(config_file=str(config_file), site_dir=str(staging))
                    config.plugins.on_startup(command="build", dirty=False)
                    try:
                        build(config)
                    finally:
                        config.plugins.on_shutdown()
                except (Abort, ConfigurationError) as error:
                    logging.getLogger("mkdocs").error(str(error))
                    raise BuildFailed(str(error)) from None
            _swap(staging, out)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(MATERIAL_END_OF_LIFE, file=sys.stderr, flush=True)


@contextmanager
def _exclusive(out: Path) -> Iterator[None]:
    """Lock the output's parent folder for the build (an advisory lock on the folder itself, so
    no lock file is left behind); another build there waits its turn. The operating system
    releases the lock when a build dies, even by `kill -9`."""
    if fcntl is None:
        yield
        return
    folder = os.open(out.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"bounties: another build into {out.parent} is running; waiting for it to finish",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)  # releases the lock


def _remove_leftovers(out: Path) -> None:
    """Work folders of builds that were killed (only called while holding the lock)."""
    for leftover in out.parent.glob(f".{out.name}.building-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    previous = out.with_name(f".{out.name}.previous")
    if previous.exists():
        if out.exists():
            shutil.rmtree(previous, ignore_errors=True)
        else:  # killed in the middle of the swap: put the last good site back
            previous.rename(out)


def serve_site(config_file: Path, root: Path, as_of: date | None, dev_addr: str | None) -> None:
    from mkdocs.commands.serve import serve

    print(MATERIAL_END_OF_LIFE, file=sys.stderr, flush=True)
    with _environment(root, as_of), _logging(verbose=True):
        serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)


def _swap(staging: Path, out: Path) -> None:
    previous = out.with_name(f".{out.name}.previous")
    if previous.exists():
        shutil.rmtree(previous)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    if previous.exists():
        shutil.rmtree(previous, ignore_errors=True)


@contextmanager
def _environment(root: Path, as_of: date | None, work: Path | None = None) -> Iterator[None]:
    values = {ROOT_ENV: str(root.resolve()), **SILENCE_MATERIAL_NOTICE}
    if work is not None:
        values[WORK_ENV] = str(work)
    if as_of:
        values[AS_OF_ENV] = as_of.isoformat()
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def _logging(verbose: bool) -> Iterator[None]:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    handler.setLevel(logging.INFO if verbose else logging.WARNING)
    ours = logging.getLogger("mkdocs.plugins.bounties")
    ours_handler = logging.StreamHandler(sys.stderr)
    ours_handler.setFormatter(logging.Formatter("%(message)s"))
    ours_handler.addFilter(lambda record: not verbose and record.levelno < logging.WARNING)
    ours.addHandler(ours_handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        ours.removeHandler(ours_handler)
        logger.setLevel(level)
