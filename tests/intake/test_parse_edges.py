"""Issue-form parsing at the edges: blanks where only one strip can remove them, line endings,
checkbox spellings, heading levels, fences and empty sections.

Each body puts the odd character exactly where a single rule of the parser has to deal with it
(not at the end of a section, where trimming the whole answer would hide a missing rule)."""

from __future__ import annotations

from typing import Any

import pytest

from site_builder.intake.parse import BodyProblem, form_fields, parse_issue_body

FORM: dict[str, Any] = {
    "body": [
        {"type": "markdown", "attributes": {"value": "### Name\n\nNot a field."}},
        {"type": "input", "id": "name", "attributes": {"label": "Name"}},
        {"type": "textarea", "id": "steps", "attributes": {"label": "Steps"}},
        {"type": "textarea", "id": "code", "attributes": {"label": "Code", "render": "py"}},
        {
            "type": "dropdown",
            "id": "model",
            "attributes": {"label": "Model", "options": ["alpha", "beta", "None"]},
        },
        {
            "type": "dropdown",
            "id": "tags",
            "attributes": {"label": "Tags", "multiple": True, "options": ["red", "blue"]},
        },
        {
            "type": "checkboxes",
            "id": "ok",
            "attributes": {"label": "Consent", "options": [{"label": "Yes"}, {"label": "No"}]},
        },
    ]
}
NOT_A_CHECKBOX = "Consent has a line that is not a checkbox ('- [x] option' or '- [ ] option')"


def values(body: str | None, form: dict[str, Any] | None = FORM) -> dict[str, Any]:
    return parse_issue_body(body, form).values


def problems(body: str, form: dict[str, Any] = FORM) -> list[str]:
    return [p.message for p in parse_issue_body(body, form).problems]


def boxes(answer: str) -> dict[str, list[str]]:
    """The Consent answer read from a body whose Consent section is followed by another one,
    so the answer's last line is not the end of the section."""
    return values(f"### Consent\n\n{answer}\n\n### Name\n\nn")["ok"]


# --- blanks around answers -------------------------------------------------------------------


def test_spaces_and_tabs_around_a_one_line_answer_are_trimmed() -> None:
    body = "### Name\n\n  \t Ada Lovelace \t  \n\n### Model\n\n alpha\t\n\n### Steps\n\n\t step \n"
    assert values(body) == {"name": "Ada Lovelace", "model": ["alpha"], "steps": "step"}


def test_a_multi_line_answer_is_trimmed_as_a_whole_and_its_lines_keep_their_spaces() -> None:
    body = "### Steps\n\n   1. open  \n     2. indented  \n\t3. tab \n\n### Name\n\nn"
    assert values(body)["steps"] == "1. open  \n     2. indented  \n\t3. tab"


def test_blank_lines_with_spaces_around_an_answer_are_dropped() -> None:
    assert values("### Name\n  \n\t\nAda\n \t \n\n### Steps\n\ns")["name"] == "Ada"


@pytest.mark.parametrize("empty", ["  _No response_  ", "\t_No response_", "_NO RESPONSE_ \t"])
def test_no_response_with_blanks_around_it_is_no_answer(empty: str) -> None:
    body = f"### Name\n\n{empty}\n\n### Steps\n\n{empty}\n\n### Model\n\n{empty}\n\n### Tags\n\n"
    body += f"{empty}\n\n### Consent\n\n{empty}\n\n### Code\n\n{empty}\n\n### Model\n\nbeta"
    result = parse_issue_body(body, FORM)
    assert result.values == {
        "tags": [],
        "ok": {"selected": [], "unselected": []},
        "model": ["beta"],
    }
    assert [p.field for p in result.problems] == ["model"]  # answered twice


def test_dropdown_none_is_no_selection_unless_none_is_an_option() -> None:
    assert values("### Tags\n\n None \n\n### Name\n\nn")["tags"] == []
    assert values("### Model\n\n None \n\n### Name\n\nn")["model"] == ["None"]


def test_a_single_select_answer_is_never_split() -> None:
    body = "### Model\n\nalpha, beta\n\n### Name\n\nn"
    assert values(body)["model"] == ["alpha, beta"]
    assert problems(body) == [
        "'alpha, beta' is not one of the choices for Model: alpha, beta, None"
    ]


def test_a_multi_select_split_leaves_no_piece_out_of_an_option_it_can_complete() -> None:
    # "c" alone is not an option, so "a, b" + "c" is worse than "a" + "b, c".
    form = {
        "body": [
            {
                "type": "dropdown",
                "id": "pick",
                "attributes": {"label": "Pick", "multiple": True, "options": ["a, b", "b, c", "a"]},
            }
        ]
    }
    assert values("### Pick\n\na, b, c", form) == {"pick": ["a", "b, c"]}
    assert problems("### Pick\n\na, b, c", form) == []


def test_a_multi_select_without_options_is_split_at_every_comma() -> None:
    form = {"body": [{"type": "dropdown", "id": "pick", "attributes": {"label": "Pick"}}]}
    form["body"][0]["attributes"]["multiple"] = True
    assert values("### Pick\n\na, b", form) == {"pick": ["a", "b"]}


def test_a_multi_select_answer_is_split_and_each_choice_trimmed() -> None:
    assert values("### Tags\n\nred ,\tblue\n\n### Name\n\nn")["tags"] == ["red", "blue"]
    assert values("### Tags\n\nred,,blue\n\n### Name\n\nn")["tags"] == ["red", "blue"]


# --- checkbox labels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        "- [x] Yes   \n- [ ] No",
        "- [x] Yes\t\n- [ ] No",
        "- [x] Yes \t \n- [ ] No",
        "- [x]   Yes\n- [ ]\tNo",
        "  - [x] Yes\n\t- [ ] No",
    ],
)
def test_blanks_around_a_checkbox_label_are_not_part_of_it(answer: str) -> None:
    assert boxes(answer) == {"selected": ["Yes"], "unselected": ["No"]}
    assert problems(f"### Consent\n\n{answer}\n\n### Name\n\nn") == []


@pytest.mark.parametrize(
    ("answer", "selected", "unselected"),
    [
        ("- [x] Yes\n- [X] No", ["Yes", "No"], []),
        ("- [ ] Yes\n- [] No", [], ["Yes", "No"]),
        ("* [x] Yes\n+ [X] No", ["Yes", "No"], []),
    ],
)
def test_ticked_is_x_in_either_case_and_blank_or_empty_brackets_are_unticked(
    answer: str, selected: list[str], unselected: list[str]
) -> None:
    assert boxes(answer) == {"selected": selected, "unselected": unselected}


@pytest.mark.parametrize(
    "line",
    ["- [y] Yes", "- [xx] Yes", "-[x] Yes", "- [x]Yes", "x [x] Yes", "- (x) Yes", "[x] Yes"],
)
def test_lines_that_are_not_task_list_items_are_reported_and_not_kept(line: str) -> None:
    body = f"### Consent\n\n- [ ] No\n{line}\n\n### Name\n\nn"
    assert values(body)["ok"] == {"selected": [], "unselected": ["No"]}
    assert problems(body) == [f"{NOT_A_CHECKBOX}: '{line}'"]


def test_an_indented_line_right_after_an_item_continues_its_label() -> None:
    form = {
        "body": [
            {
                "type": "checkboxes",
                "id": "ok",
                "attributes": {"label": "Consent", "options": [{"label": "I agree to the rules"}]},
            },
            {"type": "input", "id": "name", "attributes": {"label": "Name"}},
        ]
    }
    body = "### Consent\n\n- [x] I agree\n  to the  \n\trules   \n\n### Name\n\nn"
    assert values(body, form)["ok"] == {"selected": ["I agree to the rules"], "unselected": []}
    assert problems(body, form) == []


@pytest.mark.parametrize(
    "answer", ["- [x] Yes\n\n  more", "- [x] Yes\nmore", "- [x] Yes\nXmore", "  more\n- [x] Yes"]
)
def test_only_an_indented_line_right_after_an_item_continues_its_label(answer: str) -> None:
    body = f"### Consent\n\n{answer}\n\n### Name\n\nn"
    assert values(body)["ok"] == {"selected": ["Yes"], "unselected": []}
    line = answer.split("\n")[-1 if answer.startswith("-") else 0].strip()
    assert problems(body) == [f"{NOT_A_CHECKBOX}: '{line}'"]


def test_a_required_checkbox_field_needs_at_least_one_tick() -> None:
    form = {"body": [{**FORM["body"][-1], "validations": {"required": True}}]}
    assert problems("### Consent\n\n- [ ] Yes\n- [ ] No", form) == ["Consent is required"]
    assert problems("### Consent\n\n- [ ] Yes\n- [x] No", form) == []


def test_a_checkbox_without_a_label_is_reported() -> None:
    body = "### Consent\n\n- [x]\n- [ ] No\n\n### Name\n\nn"
    assert values(body)["ok"] == {"selected": [""], "unselected": ["No"]}
    assert problems(body) == ["'' is not one of the options for Consent: Yes, No"]


# --- line endings -----------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings_read_like_lf(newline: str) -> None:
    body = (
        "### Name\n\n Ada \n\n### Steps\n\none  \n  two\n\n### Consent\n\n- [x] Yes \t\n- [ ] No"
        "\n\n### Tags\n\nred, blue\n"
    )
    assert (
        values(body.replace("\n", newline))
        == values(body)
        == {
            "name": "Ada",
            "steps": "one  \n  two",
            "ok": {"selected": ["Yes"], "unselected": ["No"]},
            "tags": ["red", "blue"],
        }
    )


def test_mixed_line_endings_in_one_body() -> None:
    body = "### Name\r\n\r\nAda\r\n\r\n### Steps\n\none\r\ntwo\rthree\n"
    assert values(body) == {"name": "Ada", "steps": "one\ntwo\nthree"}


# --- headings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["### Name", "###\tName", "###   Name", "   ### Name", "### Name \t", "### Name\u00a0"],
)
def test_level_three_heading_spellings_start_a_section(heading: str) -> None:
    assert values(f"{heading}\n\nAda") == {"name": "Ada"}
    assert values(f"{heading}\n\nAda", None) == {"name": "Ada"}


@pytest.mark.parametrize(
    "heading", ["## Name", "#### Name", "###Name", "    ### Name", "\t### Name", "x ### Name"]
)
def test_other_lines_with_hashes_do_not_start_a_section(heading: str) -> None:
    body = f"### Steps\n\nfirst\n{heading}\nlast"
    assert values(body) == {"steps": f"first\n{heading}\nlast"}
    assert values(body, None) == {"steps": f"first\n{heading}\nlast"}


def test_a_heading_must_match_a_label_exactly() -> None:
    body = "### Steps\n\ns\n\n### name\n\nlower\n\n### Names\n\nplural"
    assert values(body) == {"steps": "s\n\n### name\n\nlower\n\n### Names\n\nplural"}


def test_a_heading_without_text_is_not_a_field() -> None:
    body = "### Steps\n\ns\n\n###\n\nx\n\n### ?!\n\ny\n\n### Name\n\nAda"
    assert values(body) == {"steps": "s\n\n###\n\nx\n\n### ?!\n\ny", "name": "Ada"}
    # Without a form every heading starts a section; one that slugs to nothing is dropped.
    assert values(body, None) == {"steps": "s", "name": "Ada"}


def test_an_answer_may_start_right_under_its_heading() -> None:
    assert values("### Name\nAda\n### Steps\ns") == {"name": "Ada", "steps": "s"}


# --- the form ---------------------------------------------------------------------------------


def test_markdown_elements_of_the_form_are_not_fields() -> None:
    assert [f.id for f in form_fields(FORM)] == ["name", "steps", "code", "model", "tags", "ok"]


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (["body"], "Issue template could not be parsed into an object."),
        ({"title": "x"}, "Issue template is missing a body array property."),
    ],
)
def test_what_is_not_an_issue_form_is_refused_with_a_clear_message(
    template: Any, message: str
) -> None:
    with pytest.raises(ValueError) as raised:
        form_fields(template)
    assert str(raised.value) == message


def test_only_a_textarea_renders_its_answer_as_code() -> None:
    form = {"body": [{"type": "input", "id": "v", "attributes": {"label": "V", "render": "sh"}}]}
    assert form_fields(form)[0].render is None
    assert values("### V\n\n```sh\nx\n```", form) == {"v": "```sh\nx\n```"}


def test_a_field_with_an_empty_id_is_keyed_by_its_label() -> None:
    form = {"body": [{"type": "input", "id": "", "attributes": {"label": "Model Name"}}]}
    assert values("### Model Name\n\nm", form) == {"model_name": "m"}


def test_checkbox_options_written_as_plain_strings_are_labels() -> None:
    form = {
        "body": [
            {"type": "checkboxes", "id": "ok", "attributes": {"label": "OK", "options": [" a "]}}
        ]
    }
    assert form_fields(form)[0].options == ("a",)
    assert problems("### OK\n\n- [x] a", form) == []


# --- empty sections ---------------------------------------------------------------------------


def test_an_empty_section_is_omitted_and_does_not_swallow_the_next_one() -> None:
    body = "### Name\n### Steps\n\ns\n\n### Model\n \t\n### Consent\n\n- [x] Yes"
    assert values(body) == {"steps": "s", "ok": {"selected": ["Yes"], "unselected": []}}
    assert values(body, None) == {"steps": "s", "consent": "- [x] Yes"}


def test_a_required_field_left_empty_is_reported_even_when_its_heading_is_there() -> None:
    form = {"body": [{**FORM["body"][1], "validations": {"required": True}}, FORM["body"][2]]}
    result = parse_issue_body("### Name\n\n \n\n### Steps\n\ns", form)
    assert result.values == {"steps": "s"}
    assert result.problems == [BodyProblem("name", "Name", "Name is required")]


def test_an_empty_repeated_section_does_not_erase_the_first_answer() -> None:
    body = "### Name\n\nAda\n\n### Steps\n\ns\n\n### Name\n\n"
    result = parse_issue_body(body, FORM)
    assert result.values == {"name": "Ada", "steps": "s"}
    assert [p.field for p in result.problems] == ["name"]


def test_a_repeated_no_response_section_erases_the_first_answer() -> None:
    # The last section is the one used; `_No response_` says "no answer" explicitly.
    body = "### Name\n\nAda\n\n### Name\n\n_No response_"
    assert values(body) == {}


# --- code fences ------------------------------------------------------------------------------


def test_a_heading_between_two_separate_code_blocks_starts_a_section() -> None:
    body = "### Steps\n\n```\na\n```\n\n### Name\n\nAda\n\n```\nb\n```"
    assert values(body) == {"steps": "```\na\n```", "name": "Ada\n\n```\nb\n```"}


def test_a_closing_fence_may_be_followed_by_blanks() -> None:
    body = "### Steps\n\n```\n### Name\n```  \t\n\n### Name\n\nAda"
    assert values(body) == {"steps": "```\n### Name\n```", "name": "Ada"}


@pytest.mark.parametrize("fence", ["``", "~~", "    ```", "\t```"])
def test_lines_that_are_not_fences_do_not_hide_headings(fence: str) -> None:
    body = f"### Steps\n\nfirst\n{fence}\n### Name\nAda\n{fence}"
    assert values(body) == {"steps": f"first\n{fence}", "name": f"Ada\n{fence}"}


def test_a_fence_indented_up_to_three_spaces_hides_headings() -> None:
    body = "### Steps\n\nfirst\n   ```\n### Name\n   ```\n\n### Model\n\nalpha"
    assert values(body) == {"steps": "first\n   ```\n### Name\n   ```", "model": ["alpha"]}


def test_a_tilde_fence_may_have_backticks_in_its_info_string() -> None:
    body = "### Steps\n\n~~~ a`b\n### Name\n~~~\n\n### Model\n\nalpha"
    assert values(body) == {"steps": "~~~ a`b\n### Name\n~~~", "model": ["alpha"]}


def test_a_shorter_fence_after_an_unclosable_longer_one_still_hides_headings() -> None:
    body = "### Steps\n\n````\nopen\n\n```\n### Name\n```\n\n### Model\n\nalpha"
    assert values(body) == {"steps": "````\nopen\n\n```\n### Name\n```", "model": ["alpha"]}


def test_an_unclosable_fence_of_one_kind_does_not_stop_the_other_kind() -> None:
    body = "### Steps\n\n```\nopen\n\n~~~\n### Name\n~~~\n\n### Model\n\nalpha"
    assert values(body) == {"steps": "```\nopen\n\n~~~\n### Name\n~~~", "model": ["alpha"]}


@pytest.mark.parametrize(
    ("steps", "name"),
    [
        ("```\n### Name\n```", "Ada"),  # right under the heading, heading right after it
        ("```\na\n```\n```\n### Name\n```", "Ada"),  # a fence right after another
        ("```\na\n```\nb\n```\n### Name\n```", "Ada"),  # a second fence further on
        ("```\n```", "Ada\n```\nb\n```"),  # an empty fence closes at once
    ],
)
def test_fences_anywhere_in_an_answer_are_found(steps: str, name: str) -> None:
    body = f"### Steps\n{steps}\n### Name\n{name}"
    assert values(body) == {"steps": steps, "name": name}


def test_a_fence_on_the_first_line_of_the_body_hides_headings() -> None:
    assert values("```\n### Name\n```\n### Steps\ns") == {"steps": "s"}


def test_a_label_heading_on_the_last_line_after_a_fence_is_an_empty_section() -> None:
    body = "### Steps\n```\nx\n```\nmore\n### Name"
    result = parse_issue_body(body, FORM)
    assert result.values == {"steps": "```\nx\n```\nmore"}
    assert result.problems == []


def test_a_render_answer_keeps_text_around_a_fence_that_does_not_span_it() -> None:
    assert values("### Code\n\n```py\nx\n```\nafter")["code"] == "```py\nx\n```\nafter"
    assert values("### Code\n\n```py\nx\n~~~")["code"] == "```py\nx\n~~~"
    assert values("### Code\n\n```")["code"] == "```"
