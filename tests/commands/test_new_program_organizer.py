"""`bounties new program` names the site's organization, not "Your organization": the site's
operator, else the organizer all existing programs share, else the site title."""

from __future__ import annotations

import pytest

from site_builder.cli import main
from site_builder.content.scaffold import DEFAULT_ORGANIZER, site_organizer
from tests.conftest import Tree


def organizer_of_new_program(tree: Tree, *extra: str) -> str:
    assert main(["new", "program", "fresh", "--root", str(tree.root), *extra]) == 0
    text = tree.read("fresh/program.yml")
    return text.split("organizer:\n  name: ", 1)[1].split("\n", 1)[0]


def test_the_organizer_every_program_shares(tree: Tree) -> None:
    assert organizer_of_new_program(tree) == '"Demo Lab"'


def test_the_sites_operator_comes_first(tree: Tree) -> None:
    tree.append("site.yml", "operator:\n  name: Safety Collective\n")
    assert organizer_of_new_program(tree) == '"Safety Collective"'


def test_the_site_title_when_programs_disagree(tree: Tree) -> None:
    tree.replace("club/program.yml", "name: Demo Lab", "name: Club Lab")
    assert organizer_of_new_program(tree) == '"Test bounties"'


def test_an_explicit_organizer_wins(tree: Tree) -> None:
    assert organizer_of_new_program(tree, "--organizer", "Acme") == '"Acme"'


def test_the_new_program_validates_without_errors(tree: Tree) -> None:
    organizer_of_new_program(tree)
    assert [p for p in tree.errors() if "programs/fresh/" in p] == []


@pytest.mark.parametrize(
    ("settings", "programs", "organizer"),
    [
        ({"operator": {"name": " Ops "}, "title": "T"}, [], "Ops"),
        ({"operator": {"name": ""}, "title": "T"}, [{"organizer": {"name": "Lab"}}], "Lab"),
        ({"title": "T"}, [{"organizer": {"name": "A"}}, {"organizer": {"name": "B"}}], "T"),
        ({"title": "T"}, [{"organizer": "not a mapping"}], "T"),
        (None, [], DEFAULT_ORGANIZER),
        ({"title": 3}, [None], DEFAULT_ORGANIZER),
    ],
)
def test_site_organizer(settings: object, programs: list[object], organizer: str) -> None:
    assert site_organizer(settings, programs) == organizer
