"""Read an issue-form submission back into fields.

GitHub turns a submitted issue form into a Markdown body: one `### <label>` heading per field,
then the answer. The triage bot needs the answers as data, in the same shape that GitHub's own
`@github/issue-parser` (npm 2.0.0) returns, so that anything built on that package's documented
output (and its fixtures, which are our spec) reads ours the same way:

- input / textarea -> the text (omitted when the answer is `_No response_` or empty);
- dropdown -> the list of selected options (`[]` when the answer is `None` / `_No response_`);
- checkboxes -> `{"selected": [...], "unselected": [...]}`;
- a heading followed by nothing at all -> omitted.

Where that package is fragile we are stricter, because hunters type free text into answers:
a section starts only at a `### ` line that is one of the form's labels and that is outside a
code fence, so a `###` line typed inside an answer stays part of that answer; multi-select
answers are split on the form's options rather than on every comma, so options that contain
commas survive. Problems a hunter can fix (a required field left empty, an answer that is not one
of the choices, a field pasted twice) are collected, never raised: one bad field must not hide
the rest of a submission from triage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "BodyProblem",
    "FieldValue",
    "FormField",
    "ParsedBody",
    "field_key",
    "form_fields",
    "form_key",
    "parse_issue_body",
]

FieldValue = str | list[str] | dict[str, list[str]]

# GitHub writes this for an input or textarea left empty, and `None` for an empty dropdown.
_NO_RESPONSE = "_no response_"
_NONE = "none"

# A level-3 ATX heading: up to three spaces of indent, `###`, then a space (or nothing at all).
# `####` and `###text` are not level-3 headings, so they never start a section.
_HEADING = re.compile(r" {0,3}###(?:[ \t]+(.*?))?[ \t]*\Z")
# A code-fence line: three or more backticks or tildes; the rest is the info string.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)\Z")
# A task-list item as GitHub renders checkboxes (`- [X] a`, `- [ ] a`), plus hand edits
# (`- []`, `* [x]`).
_CHECKBOX = re.compile(r"[ \t]*[-*+][ \t]+\[([ xX]?)\](?:[ \t]+(.*?))?[ \t]*\Z")
# What separates multi-select answers (GitHub writes `, `; people editing by hand write `,`).
_SEPARATOR = re.compile(r",[ \t]*")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")


@dataclass(frozen=True)
class FormField:
    """One answerable element of an issue form (markdown elements are not fields)."""

    id: str | None
    type: str
    label: str
    options: tuple[str, ...] = ()
    multiple: bool = False
    render: str | None = None
    required: bool = False
    # Checkbox options marked `required: true` (GitHub requires each one to be ticked).
    required_options: tuple[str, ...] = ()


@dataclass(frozen=True)
class BodyProblem:
    """Something in one field's answer that a hunter should fix (or triage should know)."""

    field: str
    label: str
    message: str


@dataclass(frozen=True)
class ParsedBody:
    """The answers (in `@github/issue-parser`'s shape) and the problems found reading them."""

    values: dict[str, FieldValue]
    problems: list[BodyProblem]


@dataclass(frozen=True)
class _Section:
    title: str
    text: str


# --- the form -------------------------------------------------------------------------------


def form_key(label: str) -> str:
    """The key `@github/issue-parser` uses for a field without an id (and for headings when
    there is no form): lower-case, runs of anything but a-z/0-9 become one `_`, trimmed."""
    key = re.sub(r"[^a-z0-9]", "_", label.strip().lower())
    return re.sub(r"_+", "_", key.strip("_"))


def field_key(field: FormField) -> str:
    """The key of a field's answer in `ParsedBody.values`: its id, else its slugged label."""
    return field.id if field.id is not None else form_key(field.label)


def form_fields(template: Mapping[str, Any]) -> list[FormField]:
    """The answerable fields of an issue form, in order, from its loaded YAML.

    Raises `ValueError` when `template` is not an issue form at all (a programming or
    configuration error, unlike problems in a hunter's answers)."""
    if not isinstance(template, Mapping):
        raise ValueError("Issue template could not be parsed into an object.")
    body = template.get("body")
    if not isinstance(body, list):
        raise ValueError("Issue template is missing a body array property.")
    return [
        _form_field(element)
        for element in body
        if isinstance(element, Mapping) and element.get("type") != "markdown"
    ]


def _form_field(element: Mapping[str, Any]) -> FormField:
    attributes = element.get("attributes") or {}
    validations = element.get("validations") or {}
    kind = str(element.get("type", ""))
    raw_id = element.get("id")
    render = attributes.get("render") if kind == "textarea" else None
    return FormField(
        id=str(raw_id) if raw_id not in (None, "") else None,
        type=kind,
        label=str(attributes.get("label") or "").strip(),
        options=_options(kind, attributes.get("options") or ()),
        multiple=kind == "dropdown" and bool(attributes.get("multiple", False)),
        render=str(render) if render else None,
        required=bool(validations.get("required", False)),
        required_options=_required_options(kind, attributes.get("options") or ()),
    )


def _options(kind: str, options: Iterable[Any]) -> tuple[str, ...]:
    """Dropdown options are strings; checkbox options are `{label, required}` mappings."""
    if kind == "checkboxes":
        return tuple(
            str(o.get("label", "")).strip() if isinstance(o, Mapping) else str(o).strip()
            for o in options
        )
    if kind == "dropdown":
        return tuple(str(o).strip() for o in options)
    return ()


def _required_options(kind: str, options: Iterable[Any]) -> tuple[str, ...]:
    if kind != "checkboxes":
        return ()
    return tuple(
        str(o.get("label", "")).strip()
        for o in options
        if isinstance(o, Mapping) and o.get("required")
    )


# --- the body -------------------------------------------------------------------------------


def parse_issue_body(body: str | None, template: Mapping[str, Any] | None = None) -> ParsedBody:
    """Read an issue body written from an issue form.

    With the form (`template`, the loaded YAML), keys are field ids and values are typed per
    field; without it, every `### ` heading becomes a key (slugged, as `@github/issue-parser`
    does with `slugify`) and every value is the raw answer text."""
    lines = (body or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if template is None:
        return _parse_without_form(lines)
    return _parse_with_form(lines, form_fields(template))


def _parse_without_form(lines: list[str]) -> ParsedBody:
    values: dict[str, FieldValue] = {}
    problems: list[BodyProblem] = []
    sections, _ = _sections(lines, lambda title: True)
    seen: set[str] = set()
    for section in sections:
        key = form_key(section.title)
        if not key:
            continue
        if key in seen:
            problems.append(_duplicate(key, section.title))
        seen.add(key)
        if section.text:
            values[key] = section.text
    return ParsedBody(values, problems)


def _parse_with_form(lines: list[str], fields: list[FormField]) -> ParsedBody:
    by_label: dict[str, FormField] = {}
    for field in fields:
        by_label.setdefault(field.label, field)
    values: dict[str, FieldValue] = {}
    problems: list[BodyProblem] = []
    sections, fenced = _sections(lines, by_label.__contains__)
    seen: set[str] = set()
    for section in sections:
        field = by_label[section.title]
        key = field_key(field)
        if key in seen:
            problems.append(_duplicate(_problem_field(field), field.label))
        seen.add(key)
        if not section.text:  # a heading with nothing under it: skipped, as upstream does
            continue
        value, found = _format(field, section.text)
        problems.extend(found)
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value
    problems.extend(_hidden_in_code(fenced, by_label, seen))
    problems.extend(_missing_required(fields, values))
    return ParsedBody(values, problems)


def _sections(
    lines: list[str], starts_section: Callable[[str], bool]
) -> tuple[list[_Section], list[str]]:
    """Split the body at heading lines accepted by `starts_section`, outside code fences.

    Returns the sections (text before the first heading is not an answer, so it is dropped)
    and the titles of accepted headings that sat inside a fence (for a problem report)."""
    inside = _fenced_lines(lines)
    starts: list[tuple[int, str]] = []
    fenced: list[str] = []
    for index, line in enumerate(lines):
        if "###" not in line:
            continue
        match = _HEADING.match(line)
        if match is None:
            continue
        title = (match.group(1) or "").strip()
        if not starts_section(title):
            continue
        if inside[index]:
            fenced.append(title)
        else:
            starts.append((index, title))
    sections = []
    for number, (index, title) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        sections.append(_Section(title, "\n".join(lines[index + 1 : end]).strip()))
    return sections, fenced


def _fence_opener(line: str) -> tuple[str, int] | None:
    """(fence character, length) if `line` opens a code fence, as CommonMark defines it."""
    if "``" not in line and "~~" not in line:
        return None
    match = _FENCE.match(line)
    if match is None:
        return None
    fence = match.group(1)
    if fence[0] == "`" and "`" in match.group(2):
        return None  # a backtick fence's info string may not contain backticks
    return fence[0], len(fence)


def _closes(line: str, char: str, length: int) -> bool:
    match = _FENCE.match(line)
    return (
        match is not None
        and match.group(1)[0] == char
        and len(match.group(1)) >= length
        and not match.group(2).strip()
    )


def _fenced_lines(lines: list[str]) -> list[bool]:
    """Which lines belong to a closed code fence (the fence lines included).

    CommonMark lets an unclosed fence run to the end of the document; here it does not count
    at all, so one stray ``` in an answer cannot swallow every field after it."""
    inside = [False] * len(lines)
    # For each fence character, the shortest opener seen to have no closer after it: any later
    # opener at least that long cannot be closed either, which keeps scanning linear.
    unclosable: dict[str, int] = {}
    index = 0
    while index < len(lines):
        opener = _fence_opener(lines[index])
        if opener is not None and opener[1] < unclosable.get(opener[0], 1 << 30):
            end = next(
                (j for j in range(index + 1, len(lines)) if _closes(lines[j], *opener)), None
            )
            if end is not None:
                inside[index : end + 1] = [True] * (end + 1 - index)
                index = end + 1
                continue
            unclosable[opener[0]] = opener[1]
        index += 1
    return inside


# --- one answer -----------------------------------------------------------------------------


def _format(field: FormField, text: str) -> tuple[FieldValue | None, list[BodyProblem]]:
    """Type one non-empty answer by its field; None means "no answer" (the key is omitted)."""
    if field.type == "dropdown":
        return _dropdown_value(field, text)
    if field.type == "checkboxes":
        return _checkboxes_value(field, text)
    return _text_value(field, text), []


def _text_value(field: FormField, text: str) -> str | None:
    """Inputs and textareas: `_No response_` is no answer; a `render:` textarea's answer comes
    wrapped in a code fence, which is GitHub's formatting, not the hunter's, so it is removed."""
    if text.lower() == _NO_RESPONSE:
        return None
    if field.render is not None:
        text = _unwrap_fence(text)
    return text or None


def _unwrap_fence(text: str) -> str:
    """The inside of a fence that spans the whole answer; other text is returned unchanged."""
    lines = text.split("\n")
    opener = _fence_opener(lines[0])
    if len(lines) < 2 or opener is None or not _closes(lines[-1], *opener):
        return text
    inner = "\n".join(lines[1:-1]).rstrip()
    return _LEADING_BLANK_LINES.sub("", inner)  # keep the first line's indentation


def _dropdown_value(field: FormField, text: str) -> tuple[list[str], list[BodyProblem]]:
    """Dropdowns: `None` / `_No response_` is an empty selection (unless `None` is really one
    of the options); several selections are joined with `, ` and are split on the options."""
    if text.lower() in (_NONE, _NO_RESPONSE) and text not in field.options:
        return [], []
    if not field.multiple or text in field.options:
        chosen = [text]
    else:
        chosen = _split_choices(text, field.options)
    options = set(field.options)
    problems = [
        _problem(
            field,
            f"'{value}' is not one of the choices for {field.label}: " + ", ".join(field.options),
        )
        for value in chosen
        if value not in options
    ]
    return chosen, problems


def _split_choices(text: str, options: tuple[str, ...]) -> list[str]:
    """Split a multi-select answer into options, even when options contain commas.

    The answer is cut at every comma into pieces; consecutive pieces are joined back when
    together they form an option. Of all ways to do that, take the one with the fewest pieces
    left that are not options, preferring longer options first (as GitHub cannot produce an
    ambiguous answer unless one option is other options joined by `, `)."""
    separators = list(_SEPARATOR.finditer(text))
    starts = [0] + [m.end() for m in separators]
    ends = [m.start() for m in separators] + [len(text)]
    count = len(starts)
    known = set(options)
    widest = max((len(_SEPARATOR.findall(o)) for o in options), default=0)
    # best[i] = (pieces that are not options in the best split of pieces i.., next start)
    best: list[tuple[int, int]] = [(0, count)] * (count + 1)
    for first in range(count - 1, -1, -1):
        choice: tuple[int, int] | None = None
        for last in range(min(count - 1, first + widest), first - 1, -1):
            piece = text[starts[first] : ends[last]].strip()
            if piece in known:
                cost = 0
            elif last == first:
                cost = 1
            else:
                continue
            total = cost + best[last + 1][0]
            if choice is None or total < choice[0]:
                choice = (total, last + 1)
        assert choice is not None  # the single piece is always a candidate
        best[first] = choice
    chosen: list[str] = []
    first = 0
    while first < count:
        following = best[first][1]
        piece = text[starts[first] : ends[following - 1]].strip()
        if piece:
            chosen.append(piece)
        first = following
    return chosen


def _checkboxes_value(
    field: FormField, text: str
) -> tuple[dict[str, list[str]], list[BodyProblem]]:
    """Checkboxes: `- [X] label` is selected, `- [ ] label` (or `- []`) is not."""
    boxes: dict[str, list[str]] = {"selected": [], "unselected": []}
    if text.lower() in (_NONE, _NO_RESPONSE):
        return boxes, []
    items: list[tuple[bool, str]] = []
    problems: list[BodyProblem] = []
    continues = False  # an indented line right after an item continues its label
    for line in text.split("\n"):
        match = _CHECKBOX.match(line)
        if match is not None:
            items.append((match.group(1) in ("x", "X"), match.group(2) or ""))
            continues = True
        elif not line.strip():
            continues = False
        elif continues and line[0] in " \t":
            checked, label = items[-1]
            items[-1] = (checked, f"{label} {line.strip()}")
        else:
            problems.append(
                _problem(
                    field,
                    f"{field.label} has a line that is not a checkbox"
                    f" ('- [x] option' or '- [ ] option'): '{line.strip()}'",
                )
            )
    options = set(field.options)
    for checked, label in items:
        boxes["selected" if checked else "unselected"].append(label)
        if label not in options:
            problems.append(
                _problem(
                    field,
                    f"'{label}' is not one of the options for "
                    f"{field.label}: " + ", ".join(field.options),
                )
            )
    return boxes, problems


# --- problems -------------------------------------------------------------------------------


def _problem_field(field: FormField) -> str:
    return field.id if field.id is not None else field.label


def _problem(field: FormField, message: str) -> BodyProblem:
    return BodyProblem(_problem_field(field), field.label, message)


def _duplicate(name: str, label: str) -> BodyProblem:
    return BodyProblem(
        name,
        label,
        f"{label} appears more than once; keep a single '### {label}' section"
        " (the last one was used).",
    )


def _hidden_in_code(
    titles: list[str], by_label: Mapping[str, FormField], seen: set[str]
) -> list[BodyProblem]:
    """A field whose heading only appears inside a code block was not read: most likely a
    code fence above it was left open, which also breaks how GitHub displays the issue."""
    problems = []
    for title in dict.fromkeys(titles):
        field = by_label[title]
        if field_key(field) not in seen:
            seen.add(field_key(field))
            problems.append(
                _problem(
                    field,
                    f"'### {title}' is inside a code block, so"
                    f" {title} was not read; close the code fence above it.",
                )
            )
    return problems


def _missing_required(
    fields: list[FormField], values: Mapping[str, FieldValue]
) -> list[BodyProblem]:
    """Required fields left empty or left out, and required checkboxes left unticked (GitHub
    enforces both in the form, but an issue body can be edited after it is submitted)."""
    problems = []
    for field in fields:
        value = values.get(field_key(field))
        if field.required and _is_empty(value):
            problems.append(_problem(field, f"{field.label} is required"))
        selected = value.get("selected", []) if isinstance(value, dict) else []
        problems.extend(
            _problem(field, f"'{option}' must be checked in {field.label}")
            for option in field.required_options
            if option not in selected
        )
    return problems


def _is_empty(value: FieldValue | None) -> bool:
    if isinstance(value, dict):
        return not value.get("selected")
    return not value
