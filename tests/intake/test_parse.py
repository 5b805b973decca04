"""Issue bodies read back into fields, checked against other projects' real fixtures.

The `github-issue-parser` fixtures (GitHub's own parser) are the spec for the shape; the
others are real bodies written through other projects' forms (see
tests/fixtures/issue-forms/SOURCES.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_builder.intake.parse import (
    BodyProblem,
    FormField,
    field_key,
    form_fields,
    form_key,
    parse_issue_body,
)

FORMS = Path(__file__).parent.parent / "fixtures" / "issue-forms"
GITHUB = FORMS / "github-issue-parser"
QISKIT = FORMS / "qiskit-ecosystem"
ZENTERED = FORMS / "issue-forms-body-parser"
STEFANBUCK = FORMS / "stefanbuck-github-issue-parser"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(read(path))


def load_json(path: Path) -> Any:
    return json.loads(read(path))


def messages(body: str | None, template: dict[str, Any] | None) -> list[str]:
    return [p.message for p in parse_issue_body(body, template).problems]


EXAMPLE_TEMPLATE = load_yaml(GITHUB / "example" / "template.yml")
EXAMPLE_BODY = read(GITHUB / "example" / "issue.md")
EXAMPLE_VALUES = load_json(GITHUB / "example" / "parsed-issue.json")


def form_of(*ids: str) -> dict[str, Any]:
    """The example form cut down to the given fields (so other required fields stay quiet)."""
    return {"body": [e for e in EXAMPLE_TEMPLATE["body"] if e.get("id") in ids]}


def sections(body: str) -> list[str]:
    """The `### ` sections of a body whose answers hold no blank-line-then-`### ` text."""
    first, *rest = body.strip().split("\n\n### ")
    return [first, *("### " + part for part in rest)]


# --- github/issue-parser fixtures: the spec ----------------------------------------------------


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("blank", "parsed-issue.json"),
        ("example", "parsed-issue.json"),
        ("extra", "parsed-issue-template.json"),
        ("header", "parsed-issue.json"),
        ("invalid", "parsed-issue.json"),
        ("missing", "parsed-issue.json"),
        ("no-ids", "parsed-issue.json"),
    ],
)
def test_matches_github_issue_parser_with_template(case: str, expected: str) -> None:
    folder = GITHUB / case
    result = parse_issue_body(read(folder / "issue.md"), load_yaml(folder / "template.yml"))
    assert result.values == load_json(folder / expected)


@pytest.mark.parametrize(
    ("case", "expected"),
    [("no-template", "parsed-issue.json"), ("extra", "parsed-issue-no-template.json")],
)
def test_matches_github_issue_parser_without_template(case: str, expected: str) -> None:
    folder = GITHUB / case
    result = parse_issue_body(read(folder / "issue.md"))
    assert result.values == load_json(folder / expected)
    assert result.problems == []


def test_values_keep_the_order_of_the_body() -> None:
    assert list(parse_issue_body(EXAMPLE_BODY, EXAMPLE_TEMPLATE).values) == list(EXAMPLE_VALUES)


def test_a_complete_answer_has_no_problems() -> None:
    assert parse_issue_body(EXAMPLE_BODY, EXAMPLE_TEMPLATE).problems == []


def test_missing_answers_are_reported_per_required_field() -> None:
    result = parse_issue_body(
        read(GITHUB / "missing" / "issue.md"), load_yaml(GITHUB / "missing" / "template.yml")
    )
    assert result.problems == [
        BodyProblem("name", "Model Name", "Model Name is required"),
        BodyProblem("id", "Ersilia ID", "Ersilia ID is required"),
        BodyProblem("code", "Code", "Code is required"),
        BodyProblem("license", "License", "License is required"),
    ]


def test_problem_names_the_label_when_the_field_has_no_id() -> None:
    template = load_yaml(GITHUB / "no-ids" / "template.yml")
    assert parse_issue_body("", template).problems[0] == BodyProblem(
        "The Name of the Thing", "The Name of the Thing", "The Name of the Thing is required"
    )


@pytest.mark.parametrize("case", ["example", "no-ids"])
def test_form_fields_agree_with_github_parse_template(case: str) -> None:
    fields = form_fields(load_yaml(GITHUB / case / "template.yml"))
    expected = load_json(GITHUB / case / "parsed-template.json")
    assert [field_key(f) for f in fields] == list(expected)
    for field in fields:
        spec = expected[field_key(field)]
        assert (field.label, field.type, field.required) == (
            spec["label"],
            spec["type"],
            spec["required"],
        )
        if field.type == "dropdown":
            assert field.multiple == spec["multiple"]
            assert list(field.options) == spec["options"]
        if field.type == "checkboxes":
            assert list(field.options) == [o["label"] for o in spec["options"]]
            assert list(field.required_options) == [
                o["label"] for o in spec["options"] if o["required"]
            ]


def test_form_fields_reads_render_and_skips_markdown() -> None:
    fields = form_fields(EXAMPLE_TEMPLATE)
    assert len(fields) == 14
    assert fields[8] == FormField(
        id="code", type="textarea", label="The Code of the Thing", render="js", required=True
    )
    assert fields[0].render is None


@pytest.mark.parametrize("template", [["body"], "title: x", {"title": "Test"}, {"body": "x"}])
def test_form_fields_rejects_what_is_not_an_issue_form(template: Any) -> None:
    with pytest.raises(ValueError, match="Issue template"):
        form_fields(template)


def test_form_key_slugs_like_github() -> None:
    assert form_key("  Is the Thing a Thing? ") == "is_the_thing_a_thing"
    assert form_key("C++ / Rust -- both!") == "c_rust_both"
    assert form_key("???") == ""


# --- empty bodies and layout tolerance -------------------------------------------------------


@pytest.mark.parametrize("body", [None, "", "\n\n", "   "])
def test_empty_body(body: str | None) -> None:
    assert parse_issue_body(body).values == {}
    result = parse_issue_body(body, EXAMPLE_TEMPLATE)
    assert result.values == {}
    assert [p.field for p in result.problems] == [
        "name", "color", "sounds", "description", "code", "is-thing", "read-team", "write-team",
    ]  # fmt: skip


def test_crlf_body() -> None:
    result = parse_issue_body(EXAMPLE_BODY.replace("\n", "\r\n"), EXAMPLE_TEMPLATE)
    assert result.values == EXAMPLE_VALUES
    assert result.problems == []


def test_trailing_spaces_on_heading_lines() -> None:
    body = EXAMPLE_BODY.replace("### The Color of the Thing\n", "### The Color of the Thing  \t\n")
    body = body.replace("### Read Team\n", "###   Read Team \n")
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == EXAMPLE_VALUES


def test_text_before_the_first_heading_is_ignored() -> None:
    body = "Hi triage team!\n\n## My report\n\n" + EXAMPLE_BODY
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == EXAMPLE_VALUES


def test_reordered_sections() -> None:
    parts = sections(EXAMPLE_BODY)
    result = parse_issue_body("\n\n".join(reversed(parts)), EXAMPLE_TEMPLATE)
    assert result.values == EXAMPLE_VALUES
    assert next(iter(result.values)) == "write-team"
    assert result.problems == []


def test_deleted_sections() -> None:
    parts = [p for p in sections(EXAMPLE_BODY) if "Color" not in p and "Nickname" not in p]
    result = parse_issue_body("\n\n".join(parts), EXAMPLE_TEMPLATE)
    expected = {k: v for k, v in EXAMPLE_VALUES.items() if k not in ("color", "nickname")}
    assert result.values == expected
    assert result.problems == [
        BodyProblem("color", "The Color of the Thing", "The Color of the Thing is required")
    ]


def test_headings_indented_up_to_three_spaces() -> None:
    body = "   ### Read Team\n\nr\n\n    ### Write Team\n\nw"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {
        "read-team": "r\n\n    ### Write Team\n\nw"
    }


def test_level_three_headings_only() -> None:
    body = "## Read Team\n\nnot-this\n\n#### Write Team\n\nnor-this\n\n###Read Team\n\nno"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {}
    assert parse_issue_body(body).values == {}


def test_heading_that_is_not_a_label_stays_in_the_answer() -> None:
    body = "### Read Team\n\nreaders\n\n### Notes\n\nmore\n\n### Write Team\n\nwriters"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {
        "read-team": "readers\n\n### Notes\n\nmore",
        "write-team": "writers",
    }


# --- code fences -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("```", "```"), ("```markdown", "```"), ("~~~", "~~~"), ("````md", "`````"), ("~~~~", "~~~~")],
)
def test_label_heading_inside_a_fence_stays_in_the_answer(opening: str, closing: str) -> None:
    answer = f"Like this:\n\n{opening}\n### Read Team\n\nfake\n{closing}\n\nDone."
    body = EXAMPLE_BODY.replace("- Note\n- Another note\n- Lots of notes", answer)
    result = parse_issue_body(body, EXAMPLE_TEMPLATE)
    assert result.values == {**EXAMPLE_VALUES, "notes": answer}
    assert result.problems == []


@pytest.mark.parametrize(("opening", "wrong"), [("```", "~~~"), ("````", "```"), ("~~~", "~~~~ x")])
def test_closing_fence_must_match_the_opening(opening: str, wrong: str) -> None:
    # `wrong` does not close the fence, so the `### Write Team` after it is still code.
    code = f"{opening}\nr\n{wrong}\n### Write Team\n{opening}"
    body = f"### Read Team\n\n{code}\n\n### Write Team\n\nw"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {"read-team": code, "write-team": "w"}


def test_a_fence_that_never_closes_is_text() -> None:
    body = "### Read Team\n\n```\nr\n~~~\n\n### Write Team\n\nw"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {
        "read-team": "```\nr\n~~~",
        "write-team": "w",
    }


def test_fence_with_backticks_in_its_info_string_is_not_a_fence() -> None:
    body = "### Read Team\n\n``` a`b\n### Write Team\n\nw\n```"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {
        "read-team": "``` a`b",
        "write-team": "w\n```",
    }


def test_an_unclosed_fence_does_not_swallow_later_fields() -> None:
    body = EXAMPLE_BODY.replace("- Note\n", "```python\nprint(1)\n- Note\n")
    result = parse_issue_body(body, EXAMPLE_TEMPLATE)
    assert result.values["notes"] == "```python\nprint(1)\n- Note\n- Another note\n- Lots of notes"
    assert result.values["write-team"] == "IssueOps-Demo-Writers"


def test_a_field_whose_heading_is_only_inside_a_code_block_is_reported() -> None:
    body = "### Read Team\n\n```\nr\n### Write Team\n\nw\n```"
    result = parse_issue_body(body, {"body": EXAMPLE_TEMPLATE["body"][-2:]})
    assert result.values == {"read-team": "```\nr\n### Write Team\n\nw\n```"}
    assert result.problems == [
        BodyProblem(
            "write-team",
            "Write Team",
            "'### Write Team' is inside a code block, so Write Team was not read;"
            " close the code fence above it.",
        ),
        BodyProblem("write-team", "Write Team", "Write Team is required"),
    ]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("```js\nconst a = 1\n```", "const a = 1"),
        ("```\n  indented()\n\n  twice()\n```", "  indented()\n\n  twice()"),
        ("~~~js\ncode\n~~~", "code"),
        ("````js\n```\ninner\n```\n````", "```\ninner\n```"),
        ("```js\n\nx\n\n```", "x"),
        ("no fence at all", "no fence at all"),
        ("```js\nnot closed", "```js\nnot closed"),
        ("text\n```js\nx\n```", "text\n```js\nx\n```"),
    ],
)
def test_render_textarea_fence_is_removed(answer: str, expected: str) -> None:
    body = f"### The Code of the Thing\n\n{answer}\n\n### Read Team\n\nr"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {"code": expected, "read-team": "r"}


def test_fence_is_kept_in_a_textarea_without_render() -> None:
    body = "### The Notes About the Thing\n\n```\nnote\n```"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {"notes": "```\nnote\n```"}


@pytest.mark.parametrize("answer", ["```js\n```", "```js\n\n```", "_No response_", "~~~\n~~~"])
def test_empty_render_textarea_is_omitted(answer: str) -> None:
    body = f"### The String Method of the Code of the Thing\n\n{answer}"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {}


# --- answers by type -------------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["_No response_", "_no response_", ""])
def test_empty_text_answer_is_omitted(answer: str) -> None:
    body = f"### The Nickname of the Thing\n\n{answer}\n\n### Read Team\n\nr"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {"read-team": "r"}


def test_none_is_a_real_text_answer() -> None:
    # Upstream also drops a typed "None" from inputs; GitHub only writes it for dropdowns.
    body = "### The Nickname of the Thing\n\nNone"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {"nickname": "None"}


def test_escaped_no_response_stays_text() -> None:
    body = "### The Nickname of the Thing\n\n\\_No response\\_"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {"nickname": "\\_No response\\_"}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("None", []), ("_No response_", []), ("re, mi", ["re", "mi"]), ("re,mi", ["re", "mi"])],
)
def test_multi_select_answers(answer: str, expected: list[str]) -> None:
    body = f"### The Sounds of the Thing\n\n{answer}"
    assert parse_issue_body(body, EXAMPLE_TEMPLATE).values == {"sounds": expected}


COMMA_FORM = {
    "body": [
        {
            "type": "dropdown",
            "id": "pick",
            "attributes": {
                "label": "Pick",
                "multiple": True,
                "options": ["a, b", "a", "b, c", "c", "1,000 tokens", "None"],
            },
        },
        {
            "type": "dropdown",
            "id": "one",
            "attributes": {"label": "One", "options": ["Yes, always", "No, never"]},
            "validations": {"required": True},
        },
    ]
}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("a, b", ["a, b"]),
        ("a, b, c", ["a, b", "c"]),
        ("a, b, c, c", ["a, b", "c", "c"]),
        ("a, 1,000 tokens", ["a", "1,000 tokens"]),
        ("b, c, a", ["b, c", "a"]),
        ("None", ["None"]),
        ("a, None", ["a", "None"]),
    ],
)
def test_multi_select_options_that_contain_commas(answer: str, expected: list[str]) -> None:
    result = parse_issue_body(f"### Pick\n\n{answer}\n\n### One\n\nYes, always", COMMA_FORM)
    assert result.values == {"pick": expected, "one": ["Yes, always"]}
    assert result.problems == []


def test_split_prefers_a_split_where_every_piece_is_an_option() -> None:
    # Greedy "a, b" first would leave "x" stranded; "a" + "b, x" is not possible either, so
    # exactly one piece is not an option whichever way: the longest options win.
    result = parse_issue_body("### Pick\n\na, b, x", COMMA_FORM)
    assert result.values == {"pick": ["a, b", "x"]}
    assert messages("### Pick\n\na, b, c", COMMA_FORM) == ["One is required"]


def test_dropdown_value_not_among_the_choices() -> None:
    result = parse_issue_body("### Pick\n\na, zebra\n\n### One\n\nMaybe", COMMA_FORM)
    assert result.values == {"pick": ["a", "zebra"], "one": ["Maybe"]}
    assert result.problems == [
        BodyProblem(
            "pick", "Pick", "'zebra' is not one of the choices for Pick: a, b, a, b, c, c, "
            "1,000 tokens, None",
        ),
        BodyProblem(
            "one", "One", "'Maybe' is not one of the choices for One: Yes, always, No, never"
        ),
    ]  # fmt: skip


def test_single_select_is_not_split() -> None:
    assert parse_issue_body("### One\n\nNo, never", COMMA_FORM).values == {"one": ["No, never"]}


@pytest.mark.parametrize(
    ("answer", "selected", "unselected"),
    [
        ("- [x] Yes\n- [ ] Sometimes\n- [ ] No", ["Yes"], ["Sometimes", "No"]),
        ("- [X] Yes\n- [] Sometimes\n- [X] No", ["Yes", "No"], ["Sometimes"]),
        ("* [x] Yes \t\n+ [ ] No  ", ["Yes"], ["No"]),  # blanks after a label, not only at the end
        ("- [ ] Yes\n\n- [ ] No", [], ["Yes", "No"]),
        ("_No response_", [], []),
        ("None", [], []),
    ],
)
def test_checkbox_answers(answer: str, selected: list[str], unselected: list[str]) -> None:
    result = parse_issue_body(f"### Is the Thing Useful?\n\n{answer}", form_of("is-thing-useful"))
    assert result.values == {"is-thing-useful": {"selected": selected, "unselected": unselected}}
    assert result.problems == []


def test_checkbox_label_not_in_the_form() -> None:
    body = "### Is the Thing Useful?\n\n- [x] Very\n- [ ] No"
    result = parse_issue_body(body, form_of("is-thing-useful"))
    assert result.values == {"is-thing-useful": {"selected": ["Very"], "unselected": ["No"]}}
    assert result.problems == [
        BodyProblem(
            "is-thing-useful",
            "Is the Thing Useful?",
            "'Very' is not one of the options for Is the Thing Useful?: Yes, Sometimes, No",
        )
    ]


def test_text_that_is_not_a_checkbox_is_reported_not_kept() -> None:
    body = "### Is the Thing Useful?\n\n- [x] Yes\nI think so"
    result = parse_issue_body(body, form_of("is-thing-useful"))
    assert result.values == {"is-thing-useful": {"selected": ["Yes"], "unselected": []}}
    assert [p.message for p in result.problems] == [
        "Is the Thing Useful? has a line that is not a checkbox ('- [x] option' or"
        " '- [ ] option'): 'I think so'"
    ]


def test_required_checkbox_left_unticked() -> None:
    body = "### Is the Thing a Thing?\n\n- [ ] Yes\n- [x] No"
    unticked = BodyProblem(
        "is-thing", "Is the Thing a Thing?", "'Yes' must be checked in Is the Thing a Thing?"
    )
    assert parse_issue_body(body, form_of("is-thing")).problems == [unticked]
    assert parse_issue_body("", form_of("is-thing")).problems == [unticked]


def test_heading_twice_keeps_the_last_answer() -> None:
    body = "### Read Team\n\nfirst\n\n### Write Team\n\nw\n\n### Read Team\n\nsecond"
    result = parse_issue_body(body, form_of("read-team", "write-team"))
    assert result.values == {"read-team": "second", "write-team": "w"}
    duplicate = BodyProblem(
        "read-team",
        "Read Team",
        "Read Team appears more than once; keep a single '### Read Team' section"
        " (the last one was used).",
    )
    assert result.problems == [duplicate]
    without = parse_issue_body(body)
    assert without.values == {"read_team": "second", "write_team": "w"}
    assert without.problems == [BodyProblem("read_team", "Read Team", duplicate.message)]


# --- real bodies from other projects ---------------------------------------------------------

QISKIT_FORM = load_yaml(QISKIT / "01_submission.yml")
QISKIT_TERMS = "I agree to follow [Qiskit's Code of Conduct](https://qisk.it/coc)"
QISKIT_DESCRIPTION = (
    "Compile bananas into Qiskit quantum circuits. Supports all modern devices, including"
    " Musa \u00d7 paradisiaca."
)


def test_qiskit_submission() -> None:
    result = parse_issue_body(read(QISKIT / "issue.md"), QISKIT_FORM)
    assert result.values == {
        "name": "Qiskit Banana Compiler",
        "description": QISKIT_DESCRIPTION,  # `render: text` fence removed
        "contact_info": "author@banana-compiler.org",
        "category": ["circuit manipulation"],
        "labels": ["error mitigation", "quantum information", "optimization"],
        "interfaces": ["Python"],
        "maturity": ["production-ready"],
        "source_url": "https://github.com/somebody/banana-compiler",
        "home_url": "https://banana-compiler.org",
        "docs_url": "https://banana-compiler.org/documentation",
        "package_urls": "https://pypi.org/project/banana-compiler\n"
        "https://pypi.org/project/banana-compiler-hpc\n"
        "https://crates.io/crates/rusty-banana-compiler\n"
        "https://marketplace.visualstudio.com/items?itemName=banana-code-assistance",
        "paper_url": "https://arxiv.org/abs/5555.22222",
        "terms": {"selected": [QISKIT_TERMS], "unselected": []},
    }
    # The body predates the current form: its category and checkbox text changed since.
    assert [(p.field, p.message[:40]) for p in result.problems] == [
        ("category", "'circuit manipulation' is not one of the"),
        ("terms", "'I agree to follow [Qiskit's Code of Con"),
        ("terms", "'I agree to follow the [Qiskit Code of C"),
    ]
    assert result.problems[-1].message == (
        "'I agree to follow the [Qiskit Code of Conduct](https://qisk.it/coc)' must be checked"
        " in Code of Conduct"
    )


def test_qiskit_empty_answers() -> None:
    result = parse_issue_body(read(QISKIT / "issue_2.md"), QISKIT_FORM)
    assert result.values == {
        "name": "Qiskit Banana Compiler",
        "description": QISKIT_DESCRIPTION,
        "category": ["circuit manipulation"],
        "labels": [],  # multi-select `_No response_`
        "interfaces": ["Other"],
        "maturity": ["production-ready"],
        "source_url": "https://github.com/somebody/banana-compiler",
        # contact_info, home_url, docs_url, paper_url: `_No response_`; package_urls: empty fence
        "terms": {"selected": [QISKIT_TERMS], "unselected": []},
    }
    assert [p.field for p in result.problems] == ["category", "interfaces", "terms", "terms"]


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("issue_extra.md", ["### Additional submission notes", "Other notes that can be ignored"]),
        ("issue_skip.md", ["### skip checks", "COC: This project does not need to agree the CoC"]),
    ],
)
def test_qiskit_heading_not_in_the_form(name: str, extra: list[str]) -> None:
    result = parse_issue_body(read(QISKIT / name), QISKIT_FORM)
    # It lands in the last field (checkboxes), whose unexpected lines are reported, not kept.
    assert result.values["terms"] == {"selected": [QISKIT_TERMS], "unselected": []}
    assert result.values["category"] == ["SDK"]
    assert "package_urls" not in result.values  # an empty `render: text` fence
    stray = [p.message for p in result.problems if "not a checkbox" in p.message]
    assert stray[:2] == [
        "Code of Conduct has a line that is not a checkbox ('- [x] option' or '- [ ] option'):"
        f" '{line}'"
        for line in extra
    ]
    # Without the form, the extra heading is a field of its own.
    assert form_key(extra[0].removeprefix("### ")) in parse_issue_body(read(QISKIT / name)).values


def test_qiskit_body_against_a_different_form() -> None:
    # The update form has only two of these labels: every other heading is answer text.
    result = parse_issue_body(read(QISKIT / "issue.md"), load_yaml(QISKIT / "02_update.yml"))
    assert result.values["member_name"] == "Qiskit Banana Compiler"
    description = result.values["description"]
    assert isinstance(description, str)
    assert description.startswith("```text\nCompile bananas")
    assert description.endswith("### Code of Conduct\n\n- [x] " + QISKIT_TERMS)
    assert result.problems == []


EVENT_FORM = {
    "body": [
        {"type": "textarea", "id": "event", "attributes": {"label": "Event Description"}},
        {"type": "input", "id": "location", "attributes": {"label": "Location"}},
        {
            "type": "checkboxes",
            "id": "mixed",
            "attributes": {
                "label": "Mixed Task List",
                "options": [{"label": x} for x in ["checked", "unchecked", "checked 2"]],
            },
        },
        {
            "type": "textarea",
            "id": "repositories",
            "attributes": {"label": "Repositories", "render": "csv"},
        },
        {"type": "input", "id": "visibility", "attributes": {"label": "Visibility"}},
        {"type": "input", "id": "description", "attributes": {"label": "Repository description"}},
        *(
            {"type": "input", "id": f"repo_{key}", "attributes": {"label": f"Repository {key}"}}
            for key in ("visibility", "justification", "access")
        ),
        {"type": "input", "id": "notes", "attributes": {"label": "Repository notes"}},
    ]
}


ZENTERED_EVENT = (
    "![image](https://github.com/cyprus-developer-community/events/assets/5837296/"
    "528716ea-a59a-41dc-a30f-77f642c25a3f)\n\n"
    "Welcome to the CDC - Cyprus Developer Community! Join us for our monthly Larnaka\n"
    "meet & greet event. Meet likeminded people, discuss topics we would like to hear\n"
    "about in upcoming talks, welcome potential speakers, discuss all things tech and\n"
    "have fun!\n\n"
    "#### Notice with regards to COVID:\n\n"
    "All attendees must follow measures in accordance with Ministry of Health\n"
    "directives. https://www.pio.gov.cy/coronavirus/eng"
)


def test_zentered_event_body_with_a_form() -> None:
    result = parse_issue_body(read(ZENTERED / "test-issue-1.md"), EVENT_FORM)
    assert result.values == {
        "event": ZENTERED_EVENT,  # its `####` sub-heading stays in the answer
        # Headings not in this form stay in the answer above them.
        "location": "[Cafe Nero Finikoudes, Larnaka](https://goo.gl/maps/Bzjxdeat3BSdsUSVA)"
        "\n\n### Date\n\n11.03.2022\n\n### Time\n\n16:00\n\n### Duration\n\n2h"
        "\n\n### List Item Checked\n\n- [x] I agree to follow this projects [Code of Conduct]()"
        "\n\n### List Item Unchecked\n\n- [ ] I agree to follow this projects"
        " [Code of Conduct]()",
        "mixed": {
            "selected": ["checked", "checked 2", "checked 3"],
            "unselected": ["unchecked", "unchecked 2"],
        },
        "repositories": "https://example.com/repository-1\nhttps://example.com/repository-2",
        "visibility": "Internal\n\n### Repository name\n\ncheck_underscores_2",
        # description and repo_justification: `_No response_`
        "repo_visibility": "Internal",
        "repo_access": "@tinyfists/under_scores",
        "notes": "\\_No response\\_",  # escaped: a real answer
    }
    assert [p.message for p in result.problems] == [
        "'checked 3' is not one of the options for Mixed Task List: checked, unchecked, checked 2",
        "'unchecked 2' is not one of the options for Mixed Task List: checked, unchecked,"
        " checked 2",
    ]


def test_zentered_event_bodies_without_a_form() -> None:
    first = parse_issue_body(read(ZENTERED / "test-issue-1.md")).values
    assert list(first) == [
        "event_description", "location", "date", "time", "duration", "list_item_checked",
        "list_item_unchecked", "mixed_task_list", "repositories", "visibility", "repository_name",
        "repository_description", "repository_visibility", "repository_justification",
        "repository_access", "repository_notes",
    ]  # fmt: skip
    assert first["event_description"] == ZENTERED_EVENT
    assert first["repository_description"] == "_No response_"
    assert first["repository_notes"] == "\\_No response\\_"
    assert first["repositories"] == (
        "```csv\nhttps://example.com/repository-1\nhttps://example.com/repository-2\n```"
    )
    third = parse_issue_body(read(ZENTERED / "test-issue-3.md")).values
    assert list(third) == [
        "event_description", "location", "date", "time", "duration", "code_of_conduct",
        "broadcast_by_gitevents",
    ]  # fmt: skip
    description = third["event_description"]
    assert isinstance(description, str)
    assert description.endswith(
        "New year, new event! We're going to start 2023 with a blast.\n\n#### Agenda\n\n"
        "- 17.30h Welcome\n- 18.00h https://github.com/cyprus-developer-community/talks/issues/5"
        "\n- 18.30h Networking & Discussion\n"
        "- 19.30h https://github.com/cyprus-developer-community/talks/issues/6\n"
        "- 20.00h Networking & Discussion"
    )


def test_front_matter_is_not_a_form_body() -> None:
    body = read(ZENTERED / "test-issue-2.md")
    assert parse_issue_body(body).values == {}
    assert parse_issue_body(body, EVENT_FORM) == parse_issue_body("", EVENT_FORM)


def test_checkbox_in_another_markdown_style_with_a_wrapped_label() -> None:
    body = load_json(ZENTERED / "issue.json")["issue"]["body"]
    form = {
        "body": [{"type": "checkboxes", "id": "coc", "attributes": {"label": "List Item Checked"}}]
    }
    assert parse_issue_body(body, form).values == {
        "coc": {
            "selected": ["I agree to follow this projects [Code of Conduct]()"],
            "unselected": [],
        }
    }


@pytest.mark.parametrize(
    "case",
    [
        "blank",
        "full-example",
        "multiple-paragraphs",
        "paragraph-confusing-hashes",
        "paragraph-ignore-backticks",
        "paragraph-ignore-backticks-sh",
        "readme-example",
    ],
)
def test_agrees_with_stefanbuck_parser(case: str) -> None:
    """Their shape lists only the ticked checkboxes; everything else carries over."""
    folder = STEFANBUCK / case
    body_file = folder / "issue-body.md"
    body = read(body_file) if body_file.exists() else ""
    values = parse_issue_body(body, load_yaml(folder / "form.yml")).values
    theirs = {k: v["selected"] if isinstance(v, dict) else v for k, v in values.items()}
    assert theirs == load_json(folder / "expected.json")


def test_a_body_from_another_form_reads_as_nothing() -> None:
    folder = STEFANBUCK / "mismatched-parsing"
    body = read(folder / "issue-body.md")
    result = parse_issue_body(body, load_yaml(folder / "form.yml"))
    assert result.values == {}
    assert messages(body, load_yaml(folder / "form.yml")) == [
        "What's your favorite dish? is required"
    ]
    # stefanbuck's parser falls back to the headings; so does ours without a form.
    expected = load_json(folder / "expected.json")
    without = parse_issue_body(body).values
    assert list(without) == list(expected)
    assert without["what_browsers_are_you_seeing_the_problem_on"] == "Chrome, Safari"
    assert (
        without["and_with_that"]
        == "- [] Never give up\n- [X] Hot Dog is a Sandwich\n- [x] Another item"
    )
