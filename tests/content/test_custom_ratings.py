"""`rewards.scale: custom`: a program rates findings on its own scale (Google's S1, S2, A1...),
each rating placed among the severities for filters and charts across programs."""

from __future__ import annotations

from site_builder.content.rewards import base_points
from site_builder.site.charts import charts_for
from site_builder.site.views import build_views
from tests.conftest import AS_OF, Tree, only
from tests.format2_trees import TABLE

P = "demo/program.yml"
D1 = "demo/findings/DEMO-1.md"
CUSTOM = (
    "  scale: custom\n"
    "  ratings:\n"
    "    - {id: S1, name: Rogue actions, severity: critical}\n"
    "    - {id: A1, name: Phishing enablement, severity: medium}\n"
    "  table:\n"
    "    - {rating: S1, min: 1000, max: 20000, points: 100}\n"
    "    - {rating: A1, min: 0, max: 20000, points: 20}\n"
)


def custom_tree(tree: Tree) -> Tree:
    tree.replace(P, TABLE, CUSTOM)
    for finding in ("DEMO-1", "DEMO-2", "DEMO-3"):
        path = f"demo/findings/{finding}.md"
        text = tree.read(path)
        for old in ("severity: high", "severity: medium", "severity: low", "severity: critical"):
            text = text.replace(old, "severity: A1")
        tree.write(path, text)
    return tree


def test_a_custom_scale_validates_and_scores(tree: Tree) -> None:
    custom_tree(tree).replace(D1, "severity: A1", "severity: S1")
    content, problems = tree.validate(AS_OF)
    assert [p.as_text() for p in problems if p.is_error] == []
    demo = content.programs["demo"].program
    points = {
        f.id: base_points(demo, f.finding) for f in content.findings if f.program_slug == "demo"
    }
    assert points["DEMO-1"] == 100  # the S1 row's points
    assert {points["DEMO-2"], points["DEMO-3"]} == {20}  # the A1 row's
    rewards = content.programs["demo"].program.rewards
    assert rewards.scale_ratings() == ("A1", "S1")
    assert rewards.severity_of("S1") == "critical" and rewards.severity_of("A1") == "medium"


def test_custom_ratings_count_as_their_severity_in_charts(tree: Tree) -> None:
    custom_tree(tree).replace(D1, "severity: A1", "severity: S1")
    content, _ = tree.validate(AS_OF)
    site = build_views(content, AS_OF)
    [severity] = [c for c in charts_for(site.findings, content, "all") if c.key == "all-severity"]
    counts = dict(zip(severity.labels, severity.values, strict=True))
    published = {f.finding.severity for f in site.findings}
    assert counts["critical"] == sum(f.finding.severity == "S1" for f in site.findings)
    assert counts["medium"] == sum(f.finding.severity == "A1" for f in site.findings)
    assert published <= {"S1", "A1"}


def test_a_rating_outside_the_custom_scale(tree: Tree) -> None:
    custom_tree(tree).replace(D1, "severity: A1", "severity: A2")
    assert only(tree.errors()) == (
        "programs/demo/findings/DEMO-1.md:4:11: error: severity: 'A2' is not a rating of this "
        "program's custom scale (hint: use one of: S1, A1)"
    )


def test_a_custom_scale_needs_its_ratings(tree: Tree) -> None:
    tree.replace(P, TABLE, "  scale: custom\n" + TABLE)
    assert "scale custom needs the program's ratings" in "\n".join(tree.errors())


def test_ratings_on_a_built_in_scale_are_an_error(tree: Tree) -> None:
    tree.replace(P, TABLE, "  ratings:\n    - {id: S1, severity: critical}\n" + TABLE)
    assert "rewards.ratings is only read with scale custom, not severity" in "\n".join(
        tree.errors()
    )


def test_a_custom_rating_listed_twice(tree: Tree) -> None:
    custom_tree(tree).replace(
        P,
        "    - {id: A1, name: Phishing enablement, severity: medium}\n",
        "    - {id: A1, severity: medium}\n    - {id: A1, severity: low}\n",
    )
    assert only(tree.errors()) == (
        "programs/demo/program.yml:36:12: error: rewards.ratings[2].id: rating 'A1' twice"
    )
