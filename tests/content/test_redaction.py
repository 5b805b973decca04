"""Redacted sections (`::: redacted [reason]` … `:::`): which lines are markers, what is cut,
what is reported, and the one-line public summary that feeds and exports print."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.content.redaction import (
    EXACT_FORM,
    RedactionIssue,
    has_redactions,
    public_summary,
    redact,
    redaction_issues,
)

BODY = """Intro.

::: redacted Synthesis route
Step one: CANARY-HAZARD
:::

Outro.
"""


def test_redact_removes_the_text_and_leaves_a_notice() -> None:
    out = redact(BODY)
    assert "CANARY-HAZARD" not in out
    assert "> **Redacted**: Synthesis route" in out
    assert out.startswith("Intro.") and "Outro." in out


def test_redact_replaces_the_section_with_a_notice_paragraph_exactly() -> None:
    assert redact(BODY) == "Intro.\n\n\n> **Redacted**: Synthesis route\n\n\nOutro.\n"


def test_redact_without_a_reason_gives_a_bare_notice() -> None:
    assert redact("a\n::: redacted\nCANARY\n:::\nb") == "a\n\n> **Redacted**\n\nb"


def test_redact_uses_the_given_notice_word() -> None:
    assert redact("::: redacted why\nCANARY\n:::", notice="Removed") == "\n> **Removed**: why\n"


@pytest.mark.parametrize(
    ("marker", "reason"),
    [
        ("::: redacted Synthesis route", "Synthesis route"),
        ("::: redacted   padded   ", "padded"),
        ('::: redacted "quoted"', "quoted"),
        ("::: redacted 'single'", "single"),
        ("::: redacted \"mixed'", "mixed"),
        (":::redacted: colon", "colon"),
        ('::: redacted ""', ""),
        ("::: redacted XSS payload X", "XSS payload X"),  # only spaces and quotes are trimmed
        (":::: redacted: four colons", "four colons"),
        ("::: {.redacted} Pandoc", "Pandoc"),
        ("> - ::: redacted in a list", "in a list"),
        ("::: redact", ""),
        ("::: REDACTED upper case", "upper case"),
    ],
)
def test_the_reason_is_the_rest_of_the_marker_line_trimmed_of_spaces_and_quotes(
    marker: str, reason: str
) -> None:
    notice = "> **Redacted**" + (f": {reason}" if reason else "")
    assert redact(f"{marker}\nCANARY\n:::") == f"\n{notice}\n"


def test_every_section_is_cut_and_text_between_sections_is_kept() -> None:
    body = "a\n::: redacted one\nCANARY-1\n:::\nb\n::: redacted two\nCANARY-2\n:::\nc"
    assert redact(body) == ("a\n\n> **Redacted**: one\n\nb\n\n> **Redacted**: two\n\nc")


def test_a_body_without_markers_is_returned_unchanged() -> None:
    for body in ["", "plain\n\ntext\n", "a ::: b", "::::\n", "x\r\ny\r\n"]:
        assert redact(body) == body


def test_unclosed_section_removes_the_rest() -> None:
    out = redact("a\n::: redacted\nsecret\nmore secret\n")
    assert "secret" not in out
    assert out == "a\n\n> **Redacted**\n"


def test_a_closing_line_with_text_does_not_close_so_the_rest_is_removed() -> None:
    out = redact("::: redacted\nCANARY-1\n::: end\nCANARY-2\n:::x\nCANARY-3")
    assert "CANARY" not in out


def test_a_stray_closing_line_is_kept_as_text() -> None:
    assert redact("a\n:::\nb") == "a\n:::\nb"


def test_crlf_line_endings_are_understood() -> None:
    out = redact("a\r\n::: redacted why\r\nCANARY\r\n:::\r\nb\r\n")
    assert "CANARY" not in out and out.endswith("\nb\n")  # line endings become \\n
    assert "> **Redacted**: why" in out
    assert has_redactions("a\r\n::: redacted\r\nx\r\n:::\r\n")
    assert redaction_issues("a\r\n::: redacted\r\nx\r\n:::\r\n") == []


def test_nested_sections_never_publish_the_rest_of_the_outer_section() -> None:
    body = "a\n::: redacted outer\n::: redacted inner\nx\n:::\nCANARY\n:::\nb"
    assert "CANARY" not in redact(body)
    assert "CANARY" not in public_summary(body, 1000)


def test_lone_carriage_return_line_endings_are_understood() -> None:
    assert "CANARY" not in redact("a\r::: redacted\rCANARY\r:::\rb")


# --- which lines are markers -----------------------------------------------------------------

EXACT_STARTS = ["::: redacted", "::: redacted reason", "::: redacted\r", "::: redacted  "]


@pytest.mark.parametrize("marker", EXACT_STARTS)
def test_the_exact_start_marker_is_recognised_without_issues(marker: str) -> None:
    body = f"a\n{marker}\nCANARY\n:::\nb"
    assert has_redactions(body)
    assert "CANARY" not in redact(body) and redact(body).endswith("\nb")
    assert redaction_issues(body) == []


NEAR_STARTS = [
    "::: redact",
    ":::redacted",
    ":::redact",
    "  :::redact",
    "\t::: redacted reason",
    ":::    redacted",
    "::: REDACTED",
    "::: Redact why",
    "::: redacted: why",
    "::: redaction",
    "::: redactedX",
    "::: redacting",
    ":::redacts",
    ":::\tredacted",
    "::: redacted\u00a0why",  # the exact form separates the reason with a space or a tab
]


@pytest.mark.parametrize("marker", NEAR_STARTS)
def test_near_miss_start_markers_still_cut_but_are_errors(marker: str) -> None:
    body = f"a\n{marker}\nCANARY\n:::\nb"
    assert has_redactions(body)
    assert "CANARY" not in redact(body)
    assert [i.line for i in redaction_issues(body)] == [2]
    assert "looks like a redaction marker but is not one" in redaction_issues(body)[0].message


NOT_MARKERS = [":: redacted", ": redacted", "redacted", "`::: redacted`", "see ``a ::: b``"]


@pytest.mark.parametrize("line", NOT_MARKERS)
def test_lines_without_a_bare_triple_colon_are_text(line: str) -> None:
    body = f"a\n{line}\nb\n"
    assert not has_redactions(body)
    assert redact(body) == body
    assert redaction_issues(body) == []
    # The same line next to a real section: still text, still no issue.
    with_section = body + "::: redacted\nCANARY\n:::"
    assert redact(with_section) == body + "\n> **Redacted**\n"
    assert redaction_issues(with_section) == []


STRAY = ["::: reda", "text ::: redacted", "::: note redacted", "x :::", "::: x", ":::x"]


@pytest.mark.parametrize("line", STRAY)
def test_other_lines_with_a_triple_colon_are_errors_and_cut_nothing(line: str) -> None:
    body = f"a\n{line}\nb\n"
    assert redact(body) == body
    assert [i.line for i in redaction_issues(body)] == [2]


ENDS = [":::", ":::  ", ":::\r"]


@pytest.mark.parametrize("end", ENDS)
def test_end_marker_forms_close_a_section(end: str) -> None:
    body = f"::: redacted\nCANARY\n{end}\nafter"
    assert redact(body).endswith("\nafter")
    assert redaction_issues(body) == []


@pytest.mark.parametrize("end", ["  :::", "\t:::\t", "\u00a0:::", ":::\u00a0", "\u2003:::\u3000"])
def test_an_indented_end_marker_closes_but_is_an_error(end: str) -> None:
    body = f"::: redacted\nCANARY\n{end}\nafter"
    assert redact(body).endswith("\nafter")
    assert [i.line for i in redaction_issues(body)] == [3]


@pytest.mark.parametrize("line", ["::", "::::", "::: x", ":::x", "x :::", "::: :::", "> :::"])
def test_lines_that_only_look_like_an_end_marker_do_not_close(line: str) -> None:
    body = f"::: redacted\nCANARY\n{line}\nCANARY"
    assert "CANARY" not in redact(body)
    assert "redacted section is never closed with ':::'" in [
        i.message for i in redaction_issues(body)
    ]


def test_marker_variants_are_recognised() -> None:
    assert has_redactions("  :::redact\nx\n:::")
    assert has_redactions("> ::: redacted\nx\n:::")
    assert not has_redactions("no markers here")


@pytest.mark.parametrize("body", ["", ":::", "a\n:::\nb", "a ::: redacted", "::: reda\n:::"])
def test_has_redactions_is_false_without_a_start_marker(body: str) -> None:
    assert not has_redactions(body)


def test_has_redactions_finds_a_marker_on_any_line() -> None:
    assert has_redactions("first\nsecond\n::: redacted\nthird")
    assert has_redactions("::: redacted")  # unclosed counts too


# Markdown strips these before it sees a block, so a marker behind them still hides text.
HIDDEN_STARTS = [
    "> ::: redacted",
    "- ::: redacted",
    "* ::: redacted",
    "+ ::: redacted",
    "1. ::: redacted",
    "123456789) ::: redacted",
    "> - 1. ::: redacted",
    "\t>\t::: redacted",
    ":::: redacted",
    "::::::::: redacted",
    "::: {.redacted}",
    ":::{.redacted}",
    "::: .redacted",
    "::: {.REDACTED}",
    "::: { .redacted}",
    ":::\t{.redacted}",
    # Unicode blanks count as blanks wherever a space or tab may stand.
    "\u00a0::: redacted",
    "\u00a0> ::: redacted",
    "-\u00a0::: redacted",
    "> \u2003::: redacted",
    ":::\u00a0{.redacted}",
]


@pytest.mark.parametrize("marker", HIDDEN_STARTS)
def test_markers_in_quotes_lists_longer_fences_and_pandoc_form_cut_and_are_errors(
    marker: str,
) -> None:
    body = f"a\n{marker}\nCANARY\n:::\nb"
    assert has_redactions(body)
    assert redact(body) == "a\n\n> **Redacted**\n\nb"
    assert [i.line for i in redaction_issues(body)] == [2]


@pytest.mark.parametrize("marker", [">::: redacted", "> >::: redacted", ":::\u00a0redacted"])
def test_every_marker_markdown_would_show_as_one_is_cut(marker: str) -> None:
    assert "CANARY" not in redact(f"a\n{marker}\nCANARY\n:::\nb")


# Not a list item, quote or marker to Markdown either: `:::` in the line is an error, nothing cut.
NOT_HIDDEN = ["-::: redacted", "1.::: redacted", "1234567890. ::: redacted", "a ::: redacted"]


@pytest.mark.parametrize("line", NOT_HIDDEN)
def test_text_before_a_marker_that_is_no_list_or_quote_prefix_makes_it_text(line: str) -> None:
    body = f"a\n{line}\nb"
    assert not has_redactions(body)
    assert redact(body) == body
    assert [i.line for i in redaction_issues(body)] == [2]


# --- issues ----------------------------------------------------------------------------------


def test_the_near_miss_message_quotes_the_first_sixty_characters_of_the_line() -> None:
    line = "::: Redact " + "x" * 49 + "TAIL"
    assert [i.message for i in redaction_issues(f"  {line}  \nsecret\n:::")] == [
        f"'{line[:60]}' looks like a redaction marker but is not one; markers are "
        f"{EXACT_FORM} (the text is redacted anyway until you fix it)"
    ]


def test_a_stray_triple_colon_is_reported_with_the_exact_form() -> None:
    assert [(i.line, i.message) for i in redaction_issues("a\nsee ::: here")] == [
        (2, f"':::' in this line looks like a redaction marker; markers are {EXACT_FORM}")
    ]
    assert (
        EXACT_FORM == "'::: redacted [reason]' and ':::' alone, each at the start of its own line"
    )


def test_triple_colons_inside_code_spans_are_not_reported() -> None:
    issues = redaction_issues("a `:::` b ``::: redacted``\n:::\n")
    assert issues == [RedactionIssue(2, "':::' closes no redacted section")]


def test_issue_lines_count_every_line_ending_markdown_knows() -> None:
    issues = redaction_issues("a\r\nb\rc\nd\n:::")
    assert [(i.line, i.message) for i in issues] == [(5, "':::' closes no redacted section")]


def test_issues_for_nested_and_stray_markers() -> None:
    issues = redaction_issues("::: redacted\n::: redacted\n:::\n:::\n:::\n")
    assert [(i.line, i.message) for i in issues] == [
        (
            2,
            "redacted section opened on line 1 is not closed before this one (sections do not "
            "nest)",
        ),
        (5, "':::' closes no redacted section"),
    ]


def test_issue_for_an_unclosed_section_is_at_its_start_line() -> None:
    issues = redaction_issues("a\nb\n::: redacted\nsecret\n")
    assert [(i.line, i.message) for i in issues] == [
        (3, "redacted section is never closed with ':::'")
    ]


def test_a_second_unclosed_start_is_the_one_reported_as_never_closed() -> None:
    issues = redaction_issues("::: redacted\nx\n::: redacted\ny")
    assert [(i.line, i.message) for i in issues] == [
        (1, "redacted section is never closed with ':::'"),
        (
            3,
            "redacted section opened on line 1 is not closed before this one (sections do not "
            "nest)",
        ),
        (3, "redacted section is never closed with ':::'"),
    ]


def test_stray_end_before_any_section_is_reported() -> None:
    issues = redaction_issues(":::\n::: redacted\nx\n:::\n")
    assert [(i.line, i.message) for i in issues] == [(1, "':::' closes no redacted section")]


def test_balanced_sections_have_no_issues() -> None:
    assert redaction_issues(BODY) == []
    assert redaction_issues("::: redacted\na\n:::\n\n::: redacted\nb\n:::") == []
    assert redaction_issues("no markers at all") == []


# --- the public summary ----------------------------------------------------------------------


def test_public_summary_is_the_first_plain_paragraph_without_hazards() -> None:
    body = "## Summary\n\n::: redacted why\nCANARY-HAZARD\n:::\n\nThe model   leaks.\nMore.\n"
    assert public_summary(body, 100) == "The model leaks. More."
    assert public_summary(body, 9) == "The model"
    assert public_summary("# Only a heading\n", 100) == ""


def test_public_summary_never_holds_text_from_a_section_inside_a_paragraph() -> None:
    body = "The model leaks.\n::: redacted\nCANARY\n:::\nMore."
    assert public_summary(body, 1000) == "The model leaks."


def test_public_summary_of_an_unclosed_section_holds_nothing_after_it() -> None:
    assert public_summary("::: redacted why\nCANARY\n\nCANARY again", 1000) == ""


@pytest.mark.parametrize(
    "skipped",
    [
        "# Heading",
        "### Heading",
        "> a quote",
        "```\ncode\n```",
        "```python\ncode\n```",
        "| a | b |\n|---|---|",
        "- a list",
        "* a list",
        "**Bold** opening",
        ":::",
        "::: not a marker",
        "   - an indented list",
        "+ a list",
        "~~~\ncode\n~~~",
        "<!-- an organizer's note -->",
        "<img src=x>",
        "\n",
    ],
)
def test_public_summary_skips_headings_quotes_code_tables_lists_and_markers(
    skipped: str,
) -> None:
    assert public_summary(f"{skipped}\n\nThe plain paragraph.", 1000) == "The plain paragraph."


def test_public_summary_is_plain_text_without_tags_comments_or_entities() -> None:
    body = 'The model <b>leaks</b> <!-- CANARY note --> data: Tom & Jerry <3 "quoted".'
    assert public_summary(body, 1000) == 'The model leaks data: Tom & Jerry <3 "quoted".'


@pytest.mark.parametrize("blank", ["\n\n", "\n \t \n", "\r\n\r\n", "\r\n  \r\n", "\r\r"])
def test_public_summary_splits_paragraphs_at_any_blank_line(blank: str) -> None:
    assert public_summary(f"# Title{blank}The text.", 1000) == "The text."


def test_public_summary_skips_blank_paragraphs() -> None:
    assert public_summary("\n\n\n\n   \n\nText.", 1000) == "Text."


def test_public_summary_joins_the_lines_of_the_paragraph_with_single_spaces() -> None:
    assert public_summary("  One\tline,\n   two   lines.  \n", 1000) == "One line, two lines."


SENTENCE = "The model leaks."  # 16 characters


@pytest.mark.parametrize(
    ("limit", "summary"),
    [
        (len(SENTENCE) + 1, SENTENCE),
        (len(SENTENCE), SENTENCE),
        (len(SENTENCE) - 1, SENTENCE[:-1]),
        (1, "T"),
        (0, ""),
    ],
)
def test_public_summary_is_cut_at_exactly_limit_characters(limit: int, summary: str) -> None:
    assert public_summary(SENTENCE, limit) == summary


def test_the_limit_counts_characters_after_spaces_are_collapsed() -> None:
    assert public_summary("a    b\n\n\nc", 3) == "a b"


# --- properties ------------------------------------------------------------------------------

PLAIN = st.text(alphabet="abc xyz.,!?:-#>*|`'\"\t", min_size=0, max_size=20).filter(
    lambda line: ":::" not in line
)
START = st.builds(
    lambda pad, colon_gap, word, reason: f"{pad}:::{colon_gap}{word}{reason}",
    st.sampled_from(["", " ", "  ", "\t"]),
    st.sampled_from(["", " ", "   "]),
    st.sampled_from(["redacted", "redact", "REDACTED", "Redact"]),
    st.sampled_from(["", " why", " 'quoted'", ": route"]),
)
END = st.sampled_from([":::", " :::", ":::  ", "\t:::"])
SECRET = st.sampled_from(["CANARY", "  CANARY  ", "# CANARY", "The CANARY paragraph."])
SECTION = st.tuples(START, st.lists(st.one_of(SECRET, PLAIN), max_size=4), END).map(
    lambda t: [t[0], "CANARY", *t[1], t[2]]
)
BODY_PARTS = st.lists(st.one_of(PLAIN.map(lambda line: [line]), SECTION), max_size=8)


@settings(max_examples=150, deadline=None)
@given(BODY_PARTS, st.booleans(), st.integers(min_value=0, max_value=200))
def test_no_hazard_in_balanced_sections_ever_reaches_the_output_or_the_summary(
    parts: list[list[str]], unclosed: bool, limit: int
) -> None:
    lines = [line for part in parts for line in part]
    if unclosed:  # a section opened at the end and never closed: everything after it goes
        lines += ["::: redacted", "CANARY", "more CANARY"]
    body = "\n".join(lines)
    assert "CANARY" not in redact(body)
    assert "CANARY" not in public_summary(body, limit)
    messages = [i.message for i in redaction_issues(body)]
    assert ("redacted section is never closed with ':::'" in messages) == unclosed
    # The generated markers include near misses (indented, no space, upper case): errors too.
    assert all("looks like a redaction marker" in m or "never closed" in m for m in messages)
    assert has_redactions(body) == (unclosed or any(len(part) > 1 for part in parts))
