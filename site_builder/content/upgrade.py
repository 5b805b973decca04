"""Content format 1 -> 2, as one transform of the parsed YAML mapping.

The same function upgrades a file in memory when it is loaded (so format-1 content keeps
validating, with a notice) and rewrites it for `bounties upgrade`, where the mapping is a
ruamel.yaml round-trip map and comments and key order are kept. Only the shape changes, never
a value, so an upgraded tree publishes the same findings and the same leaderboard numbers:

- `format: 1` (or absent) becomes `format: 2`;
- program.yml: `rewards.tiers` ({severity: {min, max, points}}) becomes `rewards.scale: severity`
  and `rewards.table` ([{rating, min, max, points}], same order, where `tiers` was);
- program.yml: `panel.members` ([handle]) becomes [{handle: handle}].
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from .program import FORMAT_VERSION


def needs_upgrade(data: object) -> bool:
    """Whether a parsed settings or program file is older than the current format: it says
    `format: 1`, or it has no `format` and a format-1 shape (a file without `format` that is
    already shaped as format 2 is read as it is)."""
    if not isinstance(data, MutableMapping):
        return False
    version = data.get("format")
    if version is None:
        return _shaped_as_format_1(data)
    return isinstance(version, int) and not isinstance(version, bool) and version < FORMAT_VERSION


def _shaped_as_format_1(data: MutableMapping[str, Any]) -> bool:
    rewards, panel = data.get("rewards"), data.get("panel")
    if isinstance(rewards, MutableMapping) and "tiers" in rewards:
        return True
    members = panel.get("members") if isinstance(panel, MutableMapping) else None
    return isinstance(members, list) and any(isinstance(m, str) for m in members)


def upgrade_settings(data: MutableMapping[str, Any]) -> None:
    _set_format(data)


def upgrade_program(data: MutableMapping[str, Any]) -> None:
    """Rewrite a format-1 program mapping to format 2, in place. Anything that is not shaped as
    format 1 expects is left as it is, for the validator to report."""
    _set_format(data)
    rewards = data.get("rewards")
    if isinstance(rewards, MutableMapping) and isinstance(rewards.get("tiers"), MutableMapping):
        _tiers_to_table(rewards)
    panel = data.get("panel")
    if isinstance(panel, MutableMapping) and isinstance(panel.get("members"), list):
        members = panel["members"]
        for index, member in enumerate(members):
            if isinstance(member, str):
                members[index] = _mapping_like(members, {"handle": member})
        if hasattr(members, "fa"):
            members.fa.set_block_style()


def _set_format(data: MutableMapping[str, Any]) -> None:
    if "format" in data:
        data["format"] = FORMAT_VERSION
    else:
        _insert(data, 0, "format", FORMAT_VERSION)


def _tiers_to_table(rewards: MutableMapping[str, Any]) -> None:
    tiers = rewards["tiers"]
    rows = []
    for rating, tier in tiers.items():
        row: dict[str, Any] = {"rating": rating}
        if isinstance(tier, MutableMapping):
            row.update(tier)
        else:
            row["tier"] = tier  # not format 1 either: keep it visible to the validator
        rows.append(_mapping_like(tiers, row, flow=True))
    position = list(rewards).index("tiers")
    table = _sequence_like(tiers, rows)
    _move_comments(tiers, table)
    if "scale" not in rewards:
        _insert(rewards, position, "scale", "severity")
        position += 1
    _replace(rewards, "tiers", position, "table", table)


def _insert(data: MutableMapping[str, Any], position: int, key: str, value: Any) -> None:
    insert: Callable[[int, str, Any], None] | None = getattr(data, "insert", None)
    if insert is not None:
        insert(position, key, value)
        return
    items = list(data.items())
    items.insert(position, (key, value))
    data.clear()
    data.update(items)


def _replace(data: MutableMapping[str, Any], old: str, position: int, key: str, value: Any) -> None:
    """Put `key: value` where `old` was, keeping the comment that followed `old`."""
    comments = getattr(data, "ca", None)
    kept = comments.items.pop(old, None) if comments is not None else None
    del data[old]
    _insert(data, position, key, value)
    if kept is not None:
        comments.items[key] = kept


def _mapping_like(model: object, values: dict[str, Any], flow: bool = False) -> Any:
    """A plain dict, or a ruamel map (in flow style when asked) when upgrading a ruamel tree."""
    if not hasattr(model, "ca"):
        return dict(values)
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap(values)
    if flow:
        mapping.fa.set_flow_style()
    return mapping


def _sequence_like(model: object, rows: list[Any]) -> Any:
    if not hasattr(model, "ca"):
        return rows
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq(rows)


def _move_comments(tiers: Any, table: Any) -> None:
    """Carry each tier's end-of-line comment over to its table row (ruamel trees only)."""
    comments = getattr(tiers, "ca", None)
    if comments is None:
        return
    for index, rating in enumerate(tiers):
        token = comments.items.get(rating)
        if token and len(token) > 2 and token[2] is not None:
            table.ca.items[index] = [token[2], None]


def sequence_indent(text: str) -> tuple[int, int]:
    """(sequence, offset) indentation of a file's first block list, so that a round trip
    writes lists as the file already does (ruamel.yaml applies one style to every list)."""
    previous_indent = None
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if stripped.startswith("- ") and previous_indent is not None and indent >= previous_indent:
            offset = indent - previous_indent
            return offset + 2, offset
        previous_indent = indent if stripped.rstrip().endswith(":") else None
    return 4, 2
