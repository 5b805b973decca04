"""Turn pydantic's validation errors into problems an organizer can act on: positioned at the
right line, worded as sentences, with a hint (closest valid key, how to quote a YAML value)."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .suggest import closest
from .types import URL_PATTERN
from .yamlio import YamlDocument

PATTERN_WORDS = {
    r"^[a-z0-9][a-z0-9-]{0,62}$": "lowercase letters, digits and hyphens, starting with a "
    "letter or digit",
    r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$": "a GitHub handle (letters, digits and hyphens)",
    r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$": "letters, digits, '.', '_' and '-' (max 64)",
    URL_PATTERN: "an http:// or https:// URL",
    r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$": "an email address",
    r"^[a-z0-9][a-z0-9-]{0,40}$": "a tag: lowercase letters, digits and hyphens",
    r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$": "a repository as owner/name",
    r"^[A-Z]{3}$": "a three-letter ISO 4217 currency code such as USD",
}
_YAML_BOOLEANS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


def problems_from_validation(
    error: ValidationError, doc: YamlDocument, model: type[BaseModel]
) -> list[Problem]:
    """One problem per pydantic error, positioned in `doc`."""
    return [_problem(detail, doc, model) for detail in error.errors(include_url=False)]


def _problem(detail: Any, doc: YamlDocument, model: type[BaseModel]) -> Problem:
    loc = tuple(part for part in detail["loc"] if part != "[key]")
    is_key = "[key]" in detail["loc"]
    kind = detail["type"]
    field = dotted(loc)
    line, col, _ = doc.locate(loc, at_key=kind == "extra_forbidden" or is_key)
    message, hint = _wording(detail, loc, doc, model)
    return Problem(doc.file, line, col, message, field=field, hint=hint)


def _wording(
    detail: Any, loc: tuple[str | int, ...], doc: YamlDocument, model: type[BaseModel]
) -> tuple[str, str]:
    kind, value = detail["type"], detail.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        return f"unknown key '{name}'", _closest(name, _keys_at(model, loc[:-1]), "did you mean")
    if kind == "missing":
        return f"missing required key '{loc[-1]}'", ""
    if kind == "literal_error" and loc == ("format",):
        return (
            f"content format {value} is not one this version of bounties reads (1 and 2)",
            "for a newer format, upgrade the package: pip install -U ai-safety-bounties",
        )
    if kind == "literal_error":
        expected = _literal_choices(detail)
        message = f"'{value}' is not allowed here; use one of: {', '.join(expected)}"
        return message, _closest(str(value), expected, "did you mean")
    if kind == "string_pattern_mismatch":
        pattern = detail.get("ctx", {}).get("pattern", "")
        words = PATTERN_WORDS.get(pattern, f"text matching {pattern}")
        return f"'{value}' is not valid here: expected {words}", ""
    if kind in {"string_type", "int_type", "date_type", "list_type", "dict_type", "model_type"}:
        return _type_message(kind, value, doc.scalar_source(loc))
    if kind in {"too_short", "string_too_short"} and value in ("", [], {}):
        return "must not be empty", ""
    return _sentence(detail["msg"]), ""


def _type_message(kind: str, value: Any, source: str | None) -> tuple[str, str]:
    wanted = {
        "string_type": "text",
        "int_type": "a whole number",
        "date_type": "a date (YYYY-MM-DD)",
        "list_type": "a list",
        "dict_type": "a mapping of keys to values",
        "model_type": "a mapping of keys to values",
    }[kind]
    found = _describe(value)
    hint = ""
    if isinstance(value, bool) and kind == "string_type":
        hint = f"YAML reads an unquoted {source or str(value).lower()} as true/false; quote it"
        if source and source.lower() in _YAML_BOOLEANS:
            hint = f"YAML reads an unquoted {source} as a boolean; write it in quotes: '{source}'"
    elif isinstance(value, float | int) and not isinstance(value, bool) and kind == "string_type":
        shown = source or str(value)
        hint = f"YAML reads {shown} as a number ({value!r}); write it in quotes: '{shown}'"
    elif isinstance(value, float) and kind == "int_type":
        hint = "use a whole number without a decimal point"
    elif isinstance(value, str) and kind == "int_type":
        hint = "write the number without quotes, currency symbols or separators"
    elif value is None:
        hint = "the value is empty; fill it in or remove the key"
    return f"expected {wanted}, found {found}", hint


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text '{value[:60]}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _sentence(message: str) -> str:
    message = message.removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def _literal_choices(detail: Any) -> list[str]:
    expected = detail.get("ctx", {}).get("expected", "")
    return [part.strip(" '") for part in expected.replace(" or ", ", ").split(",") if part.strip()]


def _closest(name: str, choices: Iterable[str], lead: str) -> str:
    match = closest(name, choices)
    return f"{lead} '{match}'?" if match else ""


def dotted(loc: Sequence[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _keys_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """Valid keys of the model found by following `loc` through the field annotations."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        cls = _model_in(current)
        if cls is None:
            if _is_mapping(current):
                current = typing.get_args(_strip(current))[1]
                continue
            return []
        field = cls.model_fields.get(str(part))
        if field is None:
            return []
        current = field.annotation
    cls = _model_in(current)
    return list(cls.model_fields) if cls else []


def _strip(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _is_mapping(annotation: Any) -> bool:
    return typing.get_origin(_strip(annotation)) is dict


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside Optional[...], list[...] or Annotated[...], if any."""
    annotation = _strip(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None
