"""Strict YAML reading: safe loader (libyaml when present), duplicate keys and aliases refused,
and positions for any field path, computed only when an error needs one."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from .problems import Problem

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 1_000_000
# Content needs a few levels of nesting and numbers far below a quintillion; past these limits a
# file is an error with its position (Python would otherwise raise RecursionError or refuse to
# convert a 5,000-digit integer, and the command would stop with a traceback).
MAX_DEPTH = 64
MAX_INT_CHARS = 24


class YamlProblem(Exception):
    """A YAML-level mistake (syntax, duplicate key, alias), with its 0-based mark."""

    def __init__(self, message: str, line: int, col: int, hint: str = ""):
        super().__init__(message)
        self.message, self.line, self.col, self.hint = message, line, col, hint


_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _TIMESTAMP = (
    _TAG + t for t in ("str", "null", "bool", "int", "timestamp")
)
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_BOOLEANS = {
    "yes": True,
    "Yes": True,
    "YES": True,
    "true": True,
    "True": True,
    "TRUE": True,
    "on": True,
    "On": True,
    "ON": True,
    "no": False,
    "No": False,
    "NO": False,
    "false": False,
    "False": False,
    "FALSE": False,
    "off": False,
    "Off": False,
    "OFF": False,
}
_BaseEventLoader: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class _Builder:
    """Builds Python values from libyaml's event stream with YAML 1.1's implicit types, as
    PyYAML's safe loader would, but refusing duplicate keys, anchors and aliases (PyYAML keeps
    the last duplicate silently, and aliases can expand exponentially once validated).

    Walking events directly is about three times faster than PyYAML's composer and
    constructor, which matters at 10,000 findings."""

    def __init__(self, line_offset: int):
        self.line_offset = line_offset
        self.fallback = yaml.constructor.SafeConstructor()
        self.depth = 0

    def document(self, next_event: Callable[[], yaml.Event]) -> Any:
        next_event()  # StreamStart
        first = next_event()
        if isinstance(first, yaml.StreamEndEvent):
            return None
        data = self.value(next_event(), next_event)
        next_event()  # DocumentEnd
        extra = next_event()
        if not isinstance(extra, yaml.StreamEndEvent):
            raise _problem(
                extra,
                "only one YAML document is allowed per file",
                "remove the extra '---' separator",
            )
        return data

    def value(self, event: yaml.Event, next_event: Callable[[], yaml.Event]) -> Any:
        kind = type(event)
        if event.anchor is not None:  # aliases carry the anchor they refer to
            raise _problem(
                event,
                "anchors and aliases (&name / *name) are not supported in content files",
                "write the value out in full",
            )
        if kind is yaml.ScalarEvent:
            return self.scalar(event)
        if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _problem(
                    event,
                    f"values are nested more than {MAX_DEPTH} levels deep",
                    "content files need only a few levels; check for unclosed brackets",
                )
            try:
                if kind is yaml.MappingStartEvent:
                    self.check_tag(event, "map")
                    return self.mapping(next_event)
                self.check_tag(event, "seq")
                items = []
                item = next_event()
                while type(item) is not yaml.SequenceEndEvent:
                    items.append(self.value(item, next_event))
                    item = next_event()
                return items
            finally:
                self.depth -= 1
        raise _problem(event, f"unexpected YAML {kind.__name__}")

    def mapping(self, next_event: Callable[[], yaml.Event]) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_lines: dict[Any, int] = {}
        while True:
            key_event = next_event()
            if type(key_event) is yaml.MappingEndEvent:
                return result
            if type(key_event) is not yaml.ScalarEvent:
                raise _problem(key_event, "mapping keys must be plain values")
            key = key_event.value
            if (
                key_event.tag is not None
                or not key_event.implicit[0]
                or (_implicit_tag(key) is not _STR)
            ):
                key = self.scalar(key_event)
            if key in first_lines:
                first = first_lines[key] + 1 + self.line_offset
                raise _problem(
                    key_event,
                    f"duplicate key '{key_event.value}' (first defined on line {first})",
                    "YAML keeps only one of them; remove or merge the other",
                )
            first_lines[key] = key_event.start_mark.line
            event = next_event()
            if (
                type(event) is yaml.ScalarEvent
                and event.tag is None
                and event.anchor is None
                and (not event.implicit[0] or _implicit_tag(event.value) is _STR)
            ):
                result[key] = event.value  # the common case, without the general dispatch
            else:
                result[key] = self.value(event, next_event)

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        value, tag = event.value, event.tag
        if tag is None:
            tag = _implicit_tag(value) if event.implicit[0] else _STR
        elif tag == "!":
            tag = _STR
        if tag is _STR or tag == _STR:
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _BOOLEANS[value]
        if tag == _INT:
            if len(value) > MAX_INT_CHARS:
                raise _problem(
                    event,
                    f"the number {value[:12]}… has {len(value)} characters; too large",
                    f"numbers in content files have at most {MAX_INT_CHARS} characters",
                )
            if value.isdigit():
                return int(value)
        if tag == _TIMESTAMP and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass  # reported with PyYAML's own message below
        if tag in (_INT, _TAG + "float", _TIMESTAMP):
            node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark)
            return self._call(event, lambda: self.fallback.construct_object(node))
        if tag == _TAG + "merge":
            raise _problem(
                event,
                "merge keys (<<) are not supported in content files",
                "write the values out in full",
            )
        raise _unknown_tag(event, tag)

    @staticmethod
    def check_tag(event: yaml.Event, kind: str) -> None:
        tag = getattr(event, "tag", None)
        if tag not in (None, "!", _TAG + kind):
            raise _unknown_tag(event, tag)

    @staticmethod
    def _call(event: yaml.ScalarEvent, make: Any) -> Any:
        try:
            return make()
        except (ValueError, TypeError, OverflowError) as exc:
            # `2026-13-01` resolves as a timestamp that Python then cannot build.
            raise _problem(
                event,
                f"cannot read the value '{event.value}': {exc}",
                "dates are YYYY-MM-DD with a real month and day; quote other text",
            ) from None


@functools.lru_cache(maxsize=8192)
def _implicit_tag(value: str) -> str:
    """YAML 1.1 type of a plain scalar, by PyYAML's own resolver table (cached: keys and
    common values repeat across thousands of files)."""
    candidates = _IMPLICIT.get(value[0] if value else "", ())
    for tag, pattern in candidates:
        if pattern.match(value):
            return tag
    for tag, pattern in _IMPLICIT.get(None, ()):
        if pattern.match(value):
            return tag
    return _STR


def _problem(event: yaml.Event, message: str, hint: str = "") -> YamlProblem:
    return YamlProblem(message, event.start_mark.line, event.start_mark.column, hint)


def _unknown_tag(event: yaml.Event, tag: object) -> YamlProblem:
    return _problem(
        event,
        f"could not determine a constructor for the tag '{tag}'",
        "content files use plain YAML values only",
    )


@dataclass
class YamlDocument:
    """Parsed YAML and a way back to its text, so error positions can be found later.

    The text is kept, or re-read on demand through `reread` (loading 10,000 findings need not
    hold 10,000 texts for the few that have errors)."""

    data: Any
    text: str | None
    file: str
    line_offset: int = 0
    reread: Callable[[], str] | None = field(default=None, repr=False)
    _root: yaml.Node | None = field(default=None, repr=False)

    def locate(self, loc: Sequence[str | int], at_key: bool = False) -> tuple[int, int, bool]:
        """1-based (line, col) of the deepest node on `loc`, and whether the whole path exists.

        With `at_key`, a path ending in a mapping key gives the key's position (for unknown keys).
        """
        node = self._root_node()
        if node is None:
            return (self.line_offset + 1, 1, False)
        mark = node.start_mark
        for index, part in enumerate(loc):
            child, key_mark = _child(node, part)
            if child is None:
                return (self.line_offset + mark.line + 1, mark.column + 1, False)
            last = index == len(loc) - 1
            use_key = key_mark is not None and (_is_null(child) or (at_key and last))
            node, mark = child, key_mark if use_key else child.start_mark
        return (self.line_offset + mark.line + 1, mark.column + 1, True)

    def scalar_source(self, loc: Sequence[str | int]) -> str | None:
        """The raw text of a scalar as written, e.g. `no` or `1.10`, to explain YAML's typing."""
        node = self._root_node()
        for part in loc:
            if node is None:
                return None
            node, _ = _child(node, part)
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def _root_node(self) -> yaml.Node | None:
        if self._root is None:
            text = self.text if self.text is not None or self.reread is None else self.reread()
            self._root = yaml.compose(text or "", Loader=_BaseLoader)
        return self._root


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, Any]:
    """The child at `part` and, inside a mapping, the mark of its key."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                return value_node, key_node.start_mark
        return None, None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part], None
    return None, None


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def parse_yaml(text: str, file: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document strictly; raise YamlProblem with a 0-based position on mistakes."""
    try:
        loader = _BaseEventLoader(text)
        try:
            data = _Builder(line_offset).document(loader.get_event)
        finally:
            loader.dispose()
    except YamlProblem as problem:
        problem.line += line_offset
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line, mark.column) if mark else (0, 0)
        message = str(exc.problem or "unreadable YAML")
        if exc.context and exc.context_mark:
            started = exc.context_mark.line + 1 + line_offset
            message += f" ({exc.context} started on line {started})"
        raise YamlProblem(
            f"YAML syntax error: {message}",
            line + line_offset,
            col,
            "check the indentation, brackets and quoting around these lines",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML error: {exc}", line_offset, 0) from None
    return YamlDocument(data=data, text=text, file=file, line_offset=line_offset)


def problem_from(exc: YamlProblem, file: str) -> Problem:
    return Problem(
        file=file, line=exc.line + 1, col=exc.col + 1, message=exc.message, hint=exc.hint
    )
