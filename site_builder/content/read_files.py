"""Read content files into plain data: bytes -> text -> front matter split -> YAML.

This is the expensive part of loading, so for thousands of files it runs in worker processes
(plain data crosses the process boundary cheaply; validated models stay in the main process)."""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
from dataclasses import dataclass
from typing import Any

from .problems import Problem
from .scaffold import TEMPLATE_MARKER
from .yamlio import MAX_FILE_BYTES, YamlProblem, parse_yaml, problem_from

PARALLEL_FROM = 1500  # files; below this, starting a worker costs more than it saves


@dataclass(slots=True)
class ReadFile:
    """One content file read and parsed; `problem` set when it could not be."""

    path: str
    display: str
    markdown: bool
    data: Any = None
    body: str = ""
    body_line: int = 1
    problem: Problem | None = None
    marked: bool = False  # the text holds a TEMPLATE marker (comments included)


def read_file(path: str, display: str, markdown: bool) -> ReadFile:
    result = ReadFile(path, display, markdown)
    try:
        text = read_text(path)
        result.marked = TEMPLATE_MARKER in text
        front, line_offset = text, 0
        if markdown:
            front, result.body, result.body_line = split_or_raise(text)
            line_offset = 1
        result.data = parse_yaml(front, display, line_offset).data
    except YamlProblem as problem:
        result.problem = problem_from(problem, display)
    return result


def front_text(path: str, markdown: bool) -> str:
    """The YAML text of a file again (for positioning an error found after loading)."""
    text = read_text(path)
    return split_or_raise(text)[0] if markdown else text


def read_text(path: str) -> str:
    """UTF-8 text with BOM removed and newlines normalised; YamlProblem on unreadable files."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
            if len(raw) > MAX_FILE_BYTES:
                size = os.fstat(handle.fileno()).st_size
                raise YamlProblem(
                    f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
                    -1,
                    -1,
                    "split it, or move large evidence elsewhere and link to it",
                )
    except OSError as exc:
        raise YamlProblem(f"cannot read file: {exc.strerror}", -1, -1) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n")
        raise YamlProblem("file is not valid UTF-8", line, -1, "save it as UTF-8") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def split_or_raise(text: str) -> tuple[str, str, int]:
    split = split_front_matter(text)
    if split is None:
        message = (
            "front matter is not closed by a '---' line"
            if text.startswith("---")
            else "file must start with YAML front matter between '---' lines"
        )
        raise YamlProblem(message, 0, 0, "put '---' on the first line, the fields, then '---'")
    return split


# A line that closes front matter: `---` or `...`, then only whitespace (one regular expression
# search instead of a Python loop over every line: this runs once per finding).
_CLOSING_LINE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, 1-based line where the body starts), or None without front matter."""
    if not text.startswith("---"):
        return None
    first_end = text.find("\n")
    if first_end < 0 or text[:first_end].rstrip() != "---":
        return None
    closing = _CLOSING_LINE.search(text, first_end + 1)
    if closing is None:
        return None
    line = text.count("\n", 0, closing.start()) + 1  # of the closing line
    return text[first_end + 1 : closing.start()], text[closing.end() + 1 :], line + 1


def read_many(items: list[tuple[str, str, bool]]) -> list[ReadFile]:
    """read_file for each (path, display, markdown), in order; for many files on Linux, worker
    processes read part of them (fork start, so they begin with everything already imported)."""
    workers = _worker_count(len(items))
    if workers == 0:
        return _read_chunk(items)
    # The main process takes a larger share instead of waiting idle: workers also pickle.
    share = len(items) * 9 // (10 * (workers + 1))
    chunks = [items[i * share : (i + 1) * share] for i in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending = [pool.apply_async(_read_chunk, (chunk,)) for chunk in chunks]
        mine = _read_chunk(items[workers * share :])
        return [read for job in pending for read in job.get()] + mine


def _read_chunk(items: list[tuple[str, str, bool]]) -> list[ReadFile]:
    return [read_file(*item) for item in items]


def _worker_count(files: int) -> int:
    if files < PARALLEL_FROM or not sys.platform.startswith("linux"):
        return 0
    if os.environ.get("BOUNTIES_NO_PARALLEL"):
        return 0
    return max(0, min(len(os.sched_getaffinity(0)), 4) - 1)
