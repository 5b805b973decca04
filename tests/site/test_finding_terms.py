"""A finding page shows the format-2 terms it cites (campaign, prize, bonuses) and where a moved
report came from, naming a program of this site only if that program is public."""

from __future__ import annotations

import pytest

from site_builder.site.generate import generate_site
from tests.conftest import AS_OF, Tree

FINDING = "findings/DEMO-1.md"
TERMS = """\
campaigns:
  - id: spring
    name: Spring jailbreak campaign
    summary: Two weeks on role-play attacks.
    start: 2026-01-20
    end: 2026-02-10
    prizes:
      - {id: spring-best, name: Best spring finding, amount: 1000, winners: 1, points: 5}
"""


def finding_body(tree: Tree) -> str:
    content, problems = tree.validate(AS_OF)
    assert [p.as_text() for p in problems if p.is_error] == []
    pages, _ = generate_site(content, AS_OF, True)
    return {p.src_uri: p.body for p in pages}[FINDING]


def test_campaign_prize_and_bonus_are_shown(tree: Tree) -> None:
    tree.append("demo/program.yml", TERMS)
    tree.replace(
        "demo/program.yml",
        "  table:",
        "  bonuses:\n    - {id: clear, name: Exceptional report, percent: 10}\n  table:",
    )
    tree.replace(
        "demo/findings/DEMO-1.md",
        "reward: 5000",
        "reward: 5000\ncampaign: spring\nprize: spring-best\nbonuses: [clear]",
    )
    body = finding_body(tree)
    assert "<dt>Campaign</dt><dd>Spring jailbreak campaign</dd>" in body
    assert "<dt>Prize</dt><dd>Best spring finding</dd>" in body
    assert "<dt>Bonuses</dt><dd>Exceptional report</dd>" in body


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("Lab security VRP", "Lab security VRP"),  # elsewhere: named as written
        ("club", "another program"),  # invite-only on this site: not named
    ],
)
def test_a_moved_report_says_where_it_came_from(tree: Tree, source: str, shown: str) -> None:
    tree.replace(
        "demo/findings/DEMO-1.md",
        "reward: 5000",
        f"reward: 5000\nmoved_from: {{program: {source}, date: 2026-02-02, reason: safety issue}}",
    )
    body = finding_body(tree)
    assert f"Moved here from {shown}" in body
    assert f"from {shown} on 2026-02-02: safety issue" in body
    if shown != source:
        assert source not in body.replace("clubs", "")
        assert "Trusted club" not in body
    steps = body.split('<ol class="bb-timeline">', 1)[1].split("</ol>", 1)[0]
    assert steps.index("Submitted") < steps.index("Moved here") < steps.index("Triaged")


def test_a_report_moved_from_a_draft_does_not_name_it(tree: Tree) -> None:
    tree.replace("club/program.yml", "status: open", "status: draft")
    tree.replace(
        "demo/findings/DEMO-1.md",
        "reward: 5000",
        "reward: 5000\nmoved_from: {program: club, date: 2026-02-02, reason: wrong program}",
    )
    body = finding_body(tree)
    assert "Moved here from another program" in body
    assert "Trusted club" not in body
