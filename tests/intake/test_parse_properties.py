"""Property tests: any form, any answers, rendered the way GitHub renders them, read back intact.

Answers are drawn to be hostile where hunters are: `###` lines inside answers, blank lines, code
fences (balanced in plain textareas, anything at all inside `render:` textareas), options that
contain commas, every checkbox spelling GitHub or a hand edit produces."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.intake.parse import FieldValue, field_key, form_fields, parse_issue_body

SETTINGS = settings(max_examples=200, deadline=None)

# Answer text: no `#` (headings are drawn on purpose), no backtick or tilde (fences too).
TEXT = string.ascii_letters + string.digits + " .,;:!?'\"()[]{}<>*_-+=/\\|@$%&"
LINE = st.text(alphabet=TEXT, min_size=1, max_size=30).map(str.strip).filter(bool)
WORD = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8).filter(
    lambda w: w != "none"
)
# Options that contain `, ` end in a capitalised word that no option starts with, so a joined
# multi-select answer can be read only one way (as on GitHub, where such forms are unambiguous).
OPTION = st.one_of(
    WORD,
    st.tuples(WORD, WORD).map(" ".join),
    st.tuples(WORD, WORD).map(lambda p: f"{p[0]}, {p[1].capitalize()}"),
)
EMPTY = ("_No response_",)


@dataclass(frozen=True)
class Field:
    """One drawn form element, the hunter's answer, and what parsing must give back."""

    element: dict[str, Any]
    answer: Any  # str | None | list[str] | list[tuple[str, bool]]
    mark: tuple[str, ...] = ()  # how each checkbox is written (`x`, `X`, ` `, ``)

    @property
    def kind(self) -> str:
        if self.element["type"] == "textarea" and "render" in self.element["attributes"]:
            return "render"
        return self.element["type"]

    @property
    def label(self) -> str:
        return self.element["attributes"]["label"]


def render_answer(field: Field, draw_empty: str = "_No response_") -> str:
    """The answer as GitHub writes it under the field's heading."""
    kind, answer = field.kind, field.answer
    if kind == "checkboxes":
        return "\n".join(
            f"- [{mark}] {label}" for (label, _), mark in zip(answer, field.mark, strict=True)
        )
    if kind == "dropdown":
        return ", ".join(answer) if answer else draw_empty
    if not answer:
        return draw_empty
    if kind == "render":
        longest = max((len(line) - len(line.lstrip("`")) for line in answer.split("\n")), default=0)
        fence = "`" * max(3, longest + 1)
        return f"{fence}{field.element['attributes']['render']}\n{answer}\n{fence}"
    return answer


def render_body(fields: list[Field], empties: list[str] | None = None) -> str:
    """`### Label\\n\\nvalue` blocks joined by blank lines, as GitHub renders a submitted form."""
    empties = empties or ["_No response_"] * len(fields)
    return "\n\n".join(
        f"### {f.label}\n\n{render_answer(f, e)}" for f, e in zip(fields, empties, strict=True)
    )


def expected_value(field: Field) -> FieldValue | None:
    """What `@github/issue-parser`'s shape says the answer reads as (None: key omitted)."""
    if field.kind == "checkboxes":
        return {
            "selected": [label for label, ticked in field.answer if ticked],
            "unselected": [label for label, ticked in field.answer if not ticked],
        }
    if field.kind == "dropdown":
        return list(field.answer)
    return field.answer or None


def key_of(field: Field) -> str:
    if "id" in field.element:
        return field.element["id"]
    return "_".join("".join(c if c.isalnum() else " " for c in field.label.lower()).split())


def expected_values(fields: list[Field]) -> dict[str, FieldValue]:
    return {key_of(f): value for f in fields if (value := expected_value(f)) is not None}


def expected_problems(fields: list[Field]) -> list[str]:
    problems = []
    for field in fields:
        value = expected_value(field)
        if field.element.get("validations", {}).get("required") and not value:
            problems.append(f"{field.label} is required")
        if field.kind == "checkboxes":
            required = [o["label"] for o in field.element["attributes"]["options"] if o["required"]]
            ticked = {label for label, on in field.answer if on}
            problems += [
                f"'{o}' must be checked in {field.label}" for o in required if o not in ticked
            ]
    return problems


def template_of(fields: list[Field], note: str) -> dict[str, Any]:
    intro = {"type": "markdown", "attributes": {"value": f"### {note}\n\nRead this first."}}
    return {"name": "Form", "description": "d", "body": [intro, *(f.element for f in fields)]}


# --- drawing a form and its answers ----------------------------------------------------------


def not_a_label(labels: set[str]) -> Any:
    """A `###` line typed into an answer, which must not spell one of the form's labels."""
    return LINE.map(lambda s: "### " + s).filter(lambda h: h[4:] not in labels)


def fenced_block(draw: Any, labels: list[str]) -> str:
    """A balanced fence whose content may hold `### <label>` lines (which must not split)."""
    char = draw(st.sampled_from("`~"))
    opening = char * draw(st.integers(3, 5))
    closing = opening + char * draw(st.integers(0, 2))
    info = draw(st.one_of(st.just(""), WORD))
    inner = draw(st.lists(st.one_of(LINE, st.sampled_from(labels).map("### ".__add__)), max_size=3))
    return "\n".join([opening + info, *inner, closing])


def textarea_answer(draw: Any, labels: list[str]) -> str | None:
    blocks = []
    for _ in range(draw(st.integers(0, 4))):
        block = draw(
            st.sampled_from(["paragraph", "heading", "subheading", "fence", "blank-lines"])
        )
        if block == "paragraph":
            blocks.append("\n".join(draw(st.lists(LINE, min_size=1, max_size=3))))
        elif block == "heading":
            blocks.append(draw(not_a_label(set(labels))))
        elif block == "subheading":
            blocks.append(draw(st.sampled_from(["#### ", "## ", "# "])) + draw(LINE))
        elif block == "fence":
            blocks.append(fenced_block(draw, labels))
        else:
            blocks.append(draw(LINE) + "\n\n\n" + draw(LINE))
    text = "\n\n".join(blocks)
    return text if text.lower() not in ("_no response_", "") else None


def render_answer_text(draw: Any, labels: list[str]) -> str | None:
    """Anything at all inside a `render:` fence: labels, fences, indentation, blank lines."""
    line = st.one_of(
        LINE,
        LINE.map(lambda s: "    " + s),
        st.just(""),
        st.sampled_from(labels).map("### ".__add__),
        st.sampled_from(["```", "```python", "````", "~~~", "~~~~", "`````"]),
    )
    lines = draw(st.lists(line, max_size=6))
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines) or None


def options_of(draw: Any, most: int) -> list[str]:
    return draw(st.lists(OPTION, min_size=1, max_size=most, unique=True))


@st.composite
def forms(draw: Any) -> list[Field]:
    count = draw(st.integers(1, 6))
    labels = [
        draw(st.text(alphabet=TEXT, min_size=1, max_size=20).map(str.strip).filter(bool)) + f" {n}"
        for n in range(count)
    ]
    fields = []
    for n, label in enumerate(labels):
        kind = draw(
            st.sampled_from(["input", "textarea", "render", "dropdown", "multi", "checkboxes"])
        )
        element: dict[str, Any] = {"type": kind, "attributes": {"label": label}}
        if draw(st.booleans()):
            element["id"] = f"field-{n}"
        if kind != "checkboxes" and draw(st.booleans()):
            element["validations"] = {"required": True}
        attributes = element["attributes"]
        mark: tuple[str, ...] = ()
        if kind == "input":
            answer = draw(st.one_of(st.none(), LINE, not_a_label(set(labels))))
        elif kind == "textarea":
            answer = textarea_answer(draw, labels)
        elif kind == "render":
            element["type"] = "textarea"
            attributes["render"] = draw(st.sampled_from(["text", "python", "shell", "js"]))
            answer = render_answer_text(draw, labels)
        elif kind in ("dropdown", "multi"):
            element["type"] = "dropdown"
            attributes["options"] = options_of(draw, 6)
            attributes["multiple"] = kind == "multi"
            picks = [o for o in attributes["options"] if draw(st.booleans())]
            answer = picks if kind == "multi" else picks[:1]
        else:
            names = draw(st.lists(LINE, min_size=1, max_size=4, unique=True))
            ticks = [draw(st.booleans()) for _ in names]
            attributes["options"] = [{"label": o, "required": draw(st.booleans())} for o in names]
            answer = list(zip(names, ticks, strict=True))
            mark = tuple(draw(st.sampled_from(["x", "X"] if t else [" ", ""])) for t in ticks)
        fields.append(Field(element, answer, mark))
    return fields


# --- properties ------------------------------------------------------------------------------


@SETTINGS
@given(forms(), st.lists(st.sampled_from(["_No response_", "None", "_no response_"]), min_size=6))
def test_answers_round_trip(fields: list[Field], empty: list[str]) -> None:
    # GitHub writes `None` for an empty dropdown and `_No response_` for other empty answers;
    # both spellings must read as empty for dropdowns, and `_No response_` for text.
    empties = [
        e if f.kind == "dropdown" else "_No response_" for f, e in zip(fields, empty, strict=False)
    ]
    body = render_body(fields, empties)
    result = parse_issue_body(body, template_of(fields, fields[0].label))
    assert result.values == expected_values(fields)
    assert [p.message for p in result.problems] == expected_problems(fields)


@SETTINGS
@given(forms(), st.randoms(use_true_random=False), st.data())
def test_layout_does_not_change_answers(
    fields: list[Field], shuffle: random.Random, data: st.DataObject
) -> None:
    kept = [f for f in fields if data.draw(st.booleans(), label=f"keep {f.label}")]
    shuffle.shuffle(kept)
    trailing = st.sampled_from(["", " ", "  \t"])  # spaces after the heading text
    blocks = [f"### {f.label}{data.draw(trailing)}\n\n{render_answer(f)}" for f in kept]
    body = data.draw(st.sampled_from(["", "Preamble a hunter typed.\n\n"])) + "\n\n".join(blocks)
    if data.draw(st.booleans(), label="crlf"):
        body = body.replace("\n", "\r\n")
    values = parse_issue_body(body, template_of(fields, "Notes")).values
    assert values == expected_values(kept)


@SETTINGS
@given(st.text(alphabet=TEXT + "#`~ \n\r\t-[]x", max_size=300), st.data())
def test_any_text_parses_without_raising(text: str, data: st.DataObject) -> None:
    fields = data.draw(forms())
    labels = [f.label for f in fields]
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(0, 4))):
        at = data.draw(st.integers(0, len(lines)))
        lines.insert(at, "### " + data.draw(st.sampled_from(labels)))
    template = template_of(fields, "x")
    result = parse_issue_body("\n".join(lines), template)
    assert [field_key(f) for f in form_fields(template)] == [key_of(f) for f in fields]
    kinds = {key_of(f): f.kind for f in fields}
    for key, value in result.values.items():
        kind = kinds[key]
        if kind == "checkboxes":
            assert isinstance(value, dict)
            assert set(value) == {"selected", "unselected"}
            assert all(isinstance(v, str) for v in value["selected"] + value["unselected"])
        elif kind == "dropdown":
            assert isinstance(value, list)
            assert all(isinstance(v, str) and v for v in value)
        else:
            assert isinstance(value, str)
            assert value
            assert kind == "render" or value == value.strip()
    names = {f.element.get("id", f.label) for f in fields}
    assert {p.field for p in result.problems} <= names
    assert all(p.message for p in parse_issue_body("\n".join(lines)).problems)
