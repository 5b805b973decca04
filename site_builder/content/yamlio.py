"""Strict YAML reading: safe loader (libyaml when present), duplicate keys and aliases refused,
and positions for any field path, computed only when an error needs one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 1_000_000


class YamlProblem(Exception):
    """A YAML-level mistake (syntax, duplicate key, alias), with its 0-based mark."""

    def __init__(self, message: str, line: int, col: int, hint: str = ""):
        super().__init__(message)
        self.message, self.line, self.col, self.hint = message, line, col, hint


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that refuses duplicate keys and aliases (PyYAML keeps the last duplicate
    silently, and aliases can expand exponentially once validated)."""

    line_offset = 0

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            mark = node.start_mark
            raise YamlProblem(
                "anchors and aliases (&name / *name) are not supported in content files",
                mark.line,
                mark.column,
                "write the value out in full",
            )
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as exc:
            # libyaml resolves `2026-13-01` as a timestamp that Python then cannot build.
            mark = node.start_mark
            raise YamlProblem(
                f"cannot read the value '{getattr(node, 'value', '')}': {exc}",
                mark.line,
                mark.column,
                "dates are YYYY-MM-DD with a real month and day; quote other text",
            ) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, yaml.Node] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            if key_node.value in seen:
                first = seen[key_node.value].start_mark
                raise YamlProblem(
                    f"duplicate key '{key_node.value}' "
                    f"(first defined on line {first.line + 1 + self.line_offset})",
                    key_node.start_mark.line,
                    key_node.start_mark.column,
                    "YAML keeps only one of them; remove or merge the other",
                )
            seen[key_node.value] = key_node
        return super().construct_mapping(node, deep)


@dataclass
class YamlDocument:
    """Parsed YAML with the text it came from, so error positions can be found later."""

    data: Any
    text: str
    file: str
    line_offset: int = 0
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
            self._root = yaml.compose(self.text, Loader=_BaseLoader)
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
    loader = _StrictLoader(text)
    loader.line_offset = line_offset
    try:
        data = loader.get_single_data()
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
    finally:
        loader.dispose()
    return YamlDocument(data=data, text=text, file=file, line_offset=line_offset)


def problem_from(exc: YamlProblem, file: str) -> Problem:
    return Problem(
        file=file, line=exc.line + 1, col=exc.col + 1, message=exc.message, hint=exc.hint
    )
