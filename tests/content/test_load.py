"""Loading: each model error is positioned at its key and explained in words."""

from tests.conftest import Tree, only


def test_unknown_key_points_at_the_key_and_suggests_the_closest(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "severity: high", "severty: high")
    problems = tree.problems()
    assert problems == [
        "programs/demo/findings/DEMO-1.md:2:1: error: severity: missing required key 'severity'",
        "programs/demo/findings/DEMO-1.md:4:1: error: severty: unknown key 'severty' "
        "(hint: did you mean 'severity'?)",
    ]


def test_unknown_nested_key_suggests_from_the_nested_model(tree: Tree) -> None:
    tree.replace("demo/program.yml", "  triage_days: 10", "  triage_day: 10")
    assert tree.problems()[1] == (
        "programs/demo/program.yml:40:3: error: response_targets.triage_day: unknown key "
        "'triage_day' (hint: did you mean 'triage_days'?)"
    )


def test_unknown_key_inside_a_mapping_of_models(tree: Tree) -> None:
    tree.replace(
        "demo/program.yml",
        "low, min: 100, max: 500, points: 10}",
        "low, min: 100, max: 500, point: 10}",
    )
    assert "rewards.table[0].point: unknown key 'point' (hint: did you mean 'points'?)" in (
        "\n".join(tree.problems())
    )


def test_literal_typo_lists_choices_and_suggests(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "status: fixed", "status: fixd")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:6:9: error: status: 'fixd' is not allowed here; use "
        "one of: new, triaged, accepted, fixed, wont-fix, duplicate, rejected (hint: did you mean "
        "'fixed'?)"
    )


def test_a_rating_typo_lists_the_programs_scale_and_suggests(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "severity: high", "severity: hihg")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:4:11: error: severity: 'hihg' is not a rating of this "
        "program's severity scale (hint: use one of: critical, high, medium, low; did you mean "
        "'high'?)"
    )


def test_bad_rating_in_a_list_item_is_positioned_at_the_value(tree: Tree) -> None:
    tree.replace("demo/program.yml", "{rating: low,", "{rating: lowest,")
    assert only(tree.problems()).startswith(
        "programs/demo/program.yml:33:16: error: rewards.table[0].rating: 'lowest' is not a rating "
        "of the severity scale"
    )


def test_pattern_mismatch_is_explained_in_words(tree: Tree) -> None:
    tree.replace("demo/program.yml", "currency: USD", "currency: dollars")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:29:13: error: rewards.currency: 'dollars' is not valid here: "
        "expected a three-letter ISO 4217 currency code such as USD"
    )


def test_javascript_url_is_rejected(tree: Tree) -> None:
    tree.replace("demo/program.yml", "url: https://demo.test/", "url: javascript:alert(1)")
    assert "expected an http:// or https:// URL" in only(tree.problems())


def test_empty_value_gets_a_hint(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "title: Role-play jailbreak", "title:")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:3:1: error: title: expected text, found nothing "
        "(an empty value) (hint: the value is empty; fill it in or remove the key)"
    )


def test_reward_as_text_is_a_type_error(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "reward: 5000", 'reward: "$5,000"')
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:13:9: error: reward: expected a whole number, found the "
        "text '$5,000' (hint: write the number without quotes, currency symbols or separators)"
    )


def test_timestamp_is_not_a_date(tree: Tree) -> None:
    tree.replace(
        "demo/findings/DEMO-1.md", "submitted: 2026-02-01", "submitted: 2026-02-01 10:00:00"
    )
    assert only(tree.problems()).startswith(
        "programs/demo/findings/DEMO-1.md:8:12: error: submitted: expected a date (YYYY-MM-DD), "
        "not a date and time"
    )


def test_quoted_iso_date_is_accepted(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "submitted: 2026-02-01", 'submitted: "2026-02-01"')
    assert tree.problems() == []


def test_missing_front_matter(tree: Tree) -> None:
    tree.write("demo/findings/DEMO-9.md", "# Just a heading\n")
    assert only(tree.problems()).startswith(
        "programs/demo/findings/DEMO-9.md:1:1: error: file must start with YAML front matter"
    )


def test_unclosed_front_matter(tree: Tree) -> None:
    tree.write("demo/findings/DEMO-9.md", "---\nid: DEMO-9\n")
    assert only(tree.problems()).startswith(
        "programs/demo/findings/DEMO-9.md:1:1: error: front matter is not closed"
    )


def test_crlf_and_bom_keep_line_numbers(tree: Tree) -> None:
    text = tree.read("demo/findings/DEMO-1.md").replace("severity: high", "severity: hihg")
    tree.path("demo/findings/DEMO-1.md").write_bytes(
        b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    )
    assert only(tree.problems()).startswith("programs/demo/findings/DEMO-1.md:4:11: error:")


def test_not_utf8(tree: Tree) -> None:
    tree.path("_hunters/alice.yml").write_bytes(b"handle: alice\nname: \xff\n")
    assert only(tree.problems()) == (
        "programs/_hunters/alice.yml:2:1: error: file is not valid UTF-8 (hint: save it as UTF-8)"
    )


def test_oversized_file(tree: Tree) -> None:
    tree.append("demo/findings/DEMO-1.md", "x" * 1_000_001)
    assert "file is 1,000," in only(tree.problems())


def test_program_folder_without_program_file(tree: Tree) -> None:
    tree.write("empty/rules.md", "---\ntitle: Rules\n---\n")
    assert only(tree.problems()) == (
        "programs/empty:1:1: error: program folder has no program.yml "
        "(hint: add programs/empty/program.yml or remove the folder)"
    )


def test_invalid_program_slug(tree: Tree) -> None:
    tree.path("demo").rename(tree.path("Demo_Lab"))
    assert "program folder name 'Demo_Lab' is not a valid slug" in only(tree.errors())


def test_stray_files_are_warnings(tree: Tree) -> None:
    tree.write("demo/findings/notes.txt", "scratch")
    tree.write("demo/README.md", "ignored silently")
    assert only(tree.problems()) == (
        "programs/demo/findings/notes.txt:1:1: warning: not a content file here; it is ignored "
        "(hint: findings are Markdown files: <id>.md)"
    )


def test_missing_settings(tree: Tree) -> None:
    tree.path("site.yml").unlink()
    assert only(tree.errors()).startswith("programs/site.yml:1:1: error: missing site settings")


def test_all_errors_are_reported_in_one_run(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "severity: high", "severity: hihg")
    tree.replace("_hunters/bob.yml", "name: Bob Example", "name: yes")
    tree.replace("club/program.yml", "status: open", "status: opne")
    assert len(tree.errors()) == 3
