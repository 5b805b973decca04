"""The YAML reader: duplicate keys, aliases, tags and YAML 1.1 surprises become problems."""

import pytest

from site_builder.content.yamlio import YamlProblem, parse_yaml
from tests.conftest import Tree, only


def test_duplicate_key_names_both_lines(tree: Tree) -> None:
    tree.append("_policies/coordinated.yml", "embargo_days: 30\n")
    assert only(tree.problems()) == (
        "programs/_policies/coordinated.yml:8:1: error: duplicate key 'embargo_days' "
        "(first defined on line 3) (hint: YAML keeps only one of them; remove or merge the other)"
    )


def test_duplicate_key_in_front_matter_counts_lines_from_file_start(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "reward: 5000\n", "reward: 5000\nreward: 6000\n")
    assert only(tree.problems()).startswith(
        "programs/demo/findings/DEMO-1.md:14:1: error: duplicate key 'reward' "
        "(first defined on line 13)"
    )


def test_aliases_are_refused(tree: Tree) -> None:
    tree.replace("demo/program.yml", "tags: [jailbreak]", "tags: &t [jailbreak]\nskills: *t")
    problem = only(tree.problems())
    assert problem.startswith("programs/demo/program.yml:45:7: error: anchors and aliases")


def test_syntax_error_has_line(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "hunters: [alice]", "hunters: [alice")
    problem = only(tree.problems())
    assert problem == (
        "programs/demo/findings/DEMO-1.md:8:10: error: YAML syntax error: did not find expected "
        "',' or ']' (while parsing a flow sequence started on line 7) (hint: check the "
        "indentation, brackets and quoting around these lines)"
    )


def test_python_tags_are_not_constructed() -> None:
    with pytest.raises(YamlProblem, match="could not determine a constructor"):
        parse_yaml("a: !!python/object/apply:os.system ['true']\n", "x.yml")


def test_impossible_date_is_an_error_not_a_crash(tree: Tree) -> None:
    tree.replace("demo/program.yml", "last_review: 2026-03-01", "last_review: 2026-13-01")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:44:16: error: cannot read the value '2026-13-01': month must "
        "be in 1..12 (hint: dates are YYYY-MM-DD with a real month and day; quote other text)"
    )


def test_yaml_no_becomes_a_type_error_with_quoting_hint(tree: Tree) -> None:
    tree.replace("_hunters/alice.yml", "name: Alice Example", "name: no")
    assert only(tree.problems()) == (
        "programs/_hunters/alice.yml:2:7: error: name: expected text, found the boolean false "
        "(hint: YAML reads an unquoted no as a boolean; write it in quotes: 'no')"
    )


def test_yaml_version_number_becomes_a_type_error(tree: Tree) -> None:
    tree.replace("demo/program.yml", 'version: "2026-01"', "version: 1.10")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:18:14: error: targets[0].version: expected text, found the "
        "number 1.1 (hint: YAML reads 1.10 as a number (1.1); write it in quotes: '1.10')"
    )


def test_locate_points_at_value_or_key() -> None:
    doc = parse_yaml("a: 1\nb:\n  c: [x, y]\n  d:\n", "f.yml", line_offset=2)
    assert doc.locate(("b", "c", 1)) == (5, 10, True)
    assert doc.locate(("b", "c"), at_key=True) == (5, 3, True)
    assert doc.locate(("b", "d")) == (6, 3, True)
    assert doc.locate(("b", "missing")) == (5, 3, False)
