from site_builder.content.redaction import has_redactions, redact, redaction_issues

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


def test_unclosed_section_removes_the_rest() -> None:
    out = redact("a\n::: redacted\nsecret\nmore secret\n")
    assert "secret" not in out


def test_marker_variants_are_recognised() -> None:
    assert has_redactions("  :::redact\nx\n:::")
    assert not has_redactions("no markers here")


def test_issues_for_nested_and_stray_markers() -> None:
    issues = redaction_issues("::: redacted\n::: redacted\n:::\n:::\n")
    assert [(i.line, i.message) for i in issues] == [
        (2, "redacted section opened on line 1 is not closed before this one"),
        (4, "':::' closes no redacted section"),
    ]


def test_public_summary_is_the_first_plain_paragraph_without_hazards() -> None:
    from site_builder.content.redaction import public_summary

    body = "## Summary\n\n::: redacted why\nCANARY-HAZARD\n:::\n\nThe model   leaks.\nMore.\n"
    assert public_summary(body, 100) == "The model leaks. More."
    assert public_summary(body, 9) == "The model"
    assert public_summary("# Only a heading\n", 100) == ""
