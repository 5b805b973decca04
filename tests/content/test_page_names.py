"""Names that become page addresses cannot take a generated page's address, in any case."""

from __future__ import annotations

import pytest

from site_builder.content.page_names import RESERVED_NAMES
from site_builder.site.generate import SharedAddressError, _refuse_shared_addresses
from site_builder.site.model import Page
from tests.conftest import Tree


def _rename_finding(tree: Tree, new_id: str) -> None:
    text = tree.read("demo/findings/DEMO-3.md").replace("id: DEMO-3", f"id: {new_id}")
    tree.path("demo/findings/DEMO-3.md").unlink()
    tree.write(f"demo/findings/{new_id}.md", text)


@pytest.mark.parametrize("name", ["index", "INDEX", "Index", "page", "README", "readme"])
def test_a_finding_named_like_a_generated_page_is_an_error(tree: Tree, name: str) -> None:
    _rename_finding(tree, name)
    assert tree.errors() == [
        f"programs/demo/findings/{name}.md:1:1: error: the finding id '{name}' is the address "
        "of a generated page (hint: rename the file; reserved names (in any case): index, page, "
        "README)"
    ]


@pytest.mark.parametrize("name", RESERVED_NAMES)
def test_a_hunter_named_like_a_generated_page_is_an_error(tree: Tree, name: str) -> None:
    text = tree.read("_hunters/alice.yml").replace("handle: alice", f"handle: {name}")
    tree.path("_hunters/alice.yml").unlink()
    tree.write(f"_hunters/{name}.yml", text)
    errors = tree.errors()
    assert f"programs/_hunters/{name}.yml:1:1: error: the hunter handle '{name}'" in errors[0]


def test_a_policy_named_index_is_an_error(tree: Tree) -> None:
    tree.write("_policies/index.yml", tree.read("_policies/coordinated.yml"))
    assert any(
        e.startswith("programs/_policies/index.yml:1:1: error: the policy id 'index'")
        for e in tree.errors()
    )


def test_a_program_named_page_is_an_error(tree: Tree) -> None:
    tree.path("club").rename(tree.path("page"))
    assert any(
        e.startswith("programs/page/program.yml:1:1: error: the program slug 'page'")
        for e in tree.errors()
    )


def test_names_that_differ_only_in_case_are_an_error(tree: Tree) -> None:
    _rename_finding(tree, "demo-1")
    errors = tree.errors()
    assert (
        "programs/demo/findings/demo-1.md:1:1: error: the finding id 'demo-1' is the same as "
        "'DEMO-1' (programs/demo/findings/DEMO-1.md), in any case"
    ) in errors[0]


def test_ordinary_names_that_contain_reserved_words_are_fine(tree: Tree) -> None:
    _rename_finding(tree, "index-2")
    assert tree.errors() == []


def test_the_generator_refuses_two_pages_with_one_address() -> None:
    pages = [
        Page("findings/index.md", "Findings", "", in_nav=True),
        Page("findings/page/2.md", "Findings, page 2", ""),
        Page("findings/README.md", "A finding", ""),
    ]
    with pytest.raises(SharedAddressError, match="would share /findings/"):
        _refuse_shared_addresses(pages)
    with pytest.raises(SharedAddressError, match="would share /hunters/alice/"):
        _refuse_shared_addresses(
            [Page("hunters/Alice.md", "A", ""), Page("hunters/alice.md", "a", "")]
        )
    _refuse_shared_addresses(pages[:2])
