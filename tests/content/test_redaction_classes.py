"""Redaction fails closed as a class: whatever form a marker takes, the text is cut, and
anything but the exact form is an error; every contributed Markdown field is redacted and
checked, not only write-ups; summaries come from rendered, sanitised, redacted text."""

from __future__ import annotations

import pytest

from site_builder.content.redaction import public_summary, redact, redaction_issues
from site_builder.site.generate import generate_site
from tests.conftest import AS_OF, Tree

SECRET = "CANARY-REDACTED-TEXT"

NEAR_MISSES = [
    "> ::: redacted",
    "> > ::: redacted why",
    "- ::: redacted",
    "* ::: redacted",
    "1. ::: redacted",
    "3) ::: redacted",
    "- > ::: redacted",
    ":::: redacted",
    "::::{.redacted}",
    "::: {.redacted}",
    ":::redacted",
    "  ::: redacted",
    "\t::: redacted",
    "::: Redacted",
    "::: REDACTED",
    "::: redact",
    ":::   redacted",
]


@pytest.mark.parametrize("marker", NEAR_MISSES)
def test_any_form_of_marker_cuts_the_text(marker: str) -> None:
    body = f"Intro.\n\n{marker}\n{SECRET}\n:::\n\nOutro."
    out = redact(body)
    assert SECRET not in out and "Intro." in out and "Outro." in out
    # Closed only by a plain ':::': a closing line in the marker's own form closes nothing.
    prefixed = marker.split(":::")[0] + ":::"
    if prefixed.strip() != ":::":
        out = redact(f"Intro.\n\n{marker}\n{SECRET}\n{prefixed}\n\n{SECRET}")
        assert SECRET not in out and "Intro." in out


@pytest.mark.parametrize("marker", NEAR_MISSES)
def test_any_form_but_the_exact_one_is_an_error_on_its_line(marker: str) -> None:
    body = f"Intro.\n\n{marker}\n{SECRET}\n:::\n"
    issues = redaction_issues(body)
    assert issues and issues[0].line == 3
    assert "looks like a redaction marker but is not one" in issues[0].message


@pytest.mark.parametrize("closing", ["::::", "> :::", "- :::", " :::x"])
def test_a_near_miss_closing_line_is_an_error(closing: str) -> None:
    issues = redaction_issues(f"::: redacted\n{SECRET}\n{closing}\n")
    assert [i.line for i in issues] == [3] or 3 in [i.line for i in issues]


@pytest.mark.parametrize("line", ["see ::: there", "text ::: redacted", "a:::b", "`x` ::: `y`"])
def test_any_other_line_with_three_colons_is_an_error(line: str) -> None:
    issues = redaction_issues(f"Intro.\n{line}\n")
    assert [i.line for i in issues] == [2]


def test_the_syntax_named_in_inline_code_is_no_error() -> None:
    assert redaction_issues("Wrap it in `::: redacted` and `:::` lines, or ``::: x``.\n") == []


def test_the_exact_form_is_no_error() -> None:
    assert (
        redaction_issues(f"a\n::: redacted Why\n{SECRET}\n:::\nb\n::: redacted\nx\n:::  \n") == []
    )


def test_nested_sections_cut_the_whole_outer_section() -> None:
    body = f"a\n::: redacted\nx\n::: redacted\ny\n:::\n{SECRET}\n:::\nb"
    out = redact(body)
    assert SECRET not in out and out.endswith("b")
    assert any("do not nest" in i.message for i in redaction_issues(body))


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_every_markdown_line_ending_is_understood(newline: str) -> None:
    body = newline.join(["a", "::: redacted", SECRET, ":::", "b"])
    assert SECRET not in redact(body) and redaction_issues(body) == []


def test_an_unclosed_section_is_an_error_and_removes_the_rest() -> None:
    body = f"a\n> ::: redacted\n{SECRET}\nmore {SECRET}\n"
    assert SECRET not in redact(body)
    assert "never closed" in redaction_issues(body)[-1].message


# Every contributed Markdown field, end to end through validation and the page generator.

FIELDS = [
    ("demo/program.yml", "prize_criteria: Reproducible, severe, novel.", "prize_criteria"),
    (
        "_policies/coordinated.yml",
        "safe_harbor: We will not pursue hunters who follow the rules.",
        "safe_harbor",
    ),
]


def _block(marker: str) -> str:
    return f"|-\n  Public part.\n\n  {marker}\n  {SECRET}\n  :::\n\n  After."


@pytest.mark.parametrize(("file", "line", "key"), FIELDS)
def test_a_redacted_section_in_any_field_is_cut_from_every_page(
    tree: Tree, file: str, line: str, key: str
) -> None:
    tree.replace(file, line, f"{key}: {_block('::: redacted Hazard')}")
    content, problems = tree.validate()
    assert [p.as_text() for p in problems if p.is_error] == []
    pages, assets = generate_site(content, AS_OF)
    assert all(SECRET not in p.body and SECRET not in p.title for p in pages)
    assert all(SECRET not in str(a.content) for a in assets)
    assert any("Redacted</strong>: Hazard" in p.body for p in pages)


@pytest.mark.parametrize(("file", "line", "key"), FIELDS)
def test_a_near_miss_in_any_field_is_an_error_at_that_field(
    tree: Tree, file: str, line: str, key: str
) -> None:
    tree.replace(file, line, f"{key}: {_block('> ::: redacted')}")
    errors = tree.errors()
    assert (
        len(errors) == 1 and f": error: {key}: line 3 of this text: '> ::: redacted' " in errors[0]
    )


def test_a_hunter_bio_is_redacted_and_checked(tree: Tree) -> None:
    tree.append("_hunters/alice.yml", f"bio: {_block('::: redacted')}\n")
    content, problems = tree.validate()
    assert not [p for p in problems if p.is_error]
    pages, _ = generate_site(content, AS_OF)
    assert all(SECRET not in p.body for p in pages)
    tree.replace("_hunters/alice.yml", "  ::: redacted", "  :::: redacted")
    assert "bio: line 3 of this text" in tree.errors()[0]


def test_rules_are_redacted_and_checked(tree: Tree) -> None:
    tree.append("demo/rules.md", f"\n::: redacted\n{SECRET}\n:::\n")
    content, problems = tree.validate()
    assert not [p for p in problems if p.is_error]
    pages, _ = generate_site(content, AS_OF)
    assert all(SECRET not in p.body for p in pages)
    tree.append("demo/rules.md", f"\n- ::: redacted\n{SECRET}\n:::\n")
    assert any(e.startswith("programs/demo/rules.md:") for e in tree.errors())


# Summaries (Atom feeds, AVID) come from the rendered, sanitised, redacted paragraph.


@pytest.mark.parametrize(
    "body",
    [
        "<!-- From issue #77; organizer note: CANARY-NOTE -->\n\nThe real summary.",
        "<!-- CANARY-NOTE\nspanning lines -->\nThe real summary.",
        "The real <!-- CANARY-NOTE --> summary.",
        "<b>The</b> real [summary](https://x.example/).",
        "The real summary.<script>CANARY-NOTE</script>",
        f"::: redacted\n{SECRET}\n:::\n\nThe real summary.",
    ],
)
def test_summaries_hold_only_the_visible_text(body: str) -> None:
    summary = public_summary(body, 200)
    assert "CANARY" not in summary and "<" not in summary and "](" not in summary
    assert " ".join(summary.split()) == "The real summary."


def test_a_summary_is_cut_to_its_limit() -> None:
    assert public_summary("word " * 100, 20) == ("word " * 100).strip()[:20]


def test_colons_around_a_code_span_are_not_joined_into_a_marker() -> None:
    assert redaction_issues(":`x`::\n::`y`:\n") == []
