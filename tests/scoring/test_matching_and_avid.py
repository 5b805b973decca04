"""Skill matching and the AVID export."""

from __future__ import annotations

import json
from pathlib import Path

from site_builder.content.taxonomy import CATEGORIES
from site_builder.scoring.matching import programs_for_hunter, similar_programs
from site_builder.site.exports.avid import SEP_VIEW
from tests.conftest import Tree


def test_hunter_matches_open_public_programs_by_shared_skills(tree: Tree) -> None:
    content, _ = tree.validate()
    programs = list(content.programs.values())
    matches = programs_for_hunter(["red-teaming", "jailbreak", "cooking"], programs)
    assert [(m.program.slug, m.shared) for m in matches] == [("demo", ("jailbreak", "red-teaming"))]
    assert programs_for_hunter(["cooking"], programs) == []
    tree.replace("demo/program.yml", "status: open", "status: closed")
    content, _ = tree.validate()
    assert programs_for_hunter(["red-teaming"], list(content.programs.values())) == []


def test_similar_programs_exclude_invite_only_and_self(tree: Tree) -> None:
    content, _ = tree.validate()
    programs = list(content.programs.values())
    assert similar_programs(content.programs["demo"], programs) == []
    tree.write(
        "other/program.yml",
        tree.read("demo/program.yml")
        .replace("name: Demo jailbreak bounty", "name: Other bounty")
        .replace("tags: [jailbreak]", "tags: [jailbreak, agents]"),
    )
    content, _ = tree.validate()
    similar = similar_programs(content.programs["demo"], list(content.programs.values()))
    assert [(m.program.slug, m.shared) for m in similar] == [
        ("other", ("jailbreak", "red-teaming"))
    ]


def test_every_category_maps_to_the_avid_taxonomy() -> None:
    assert set(SEP_VIEW) == set(CATEGORIES)


def test_avid_export_has_one_report_per_published_finding_in_order(example_site: Path) -> None:
    api = example_site / "api"
    reports = json.loads((api / "findings.avid.json").read_text())["reports"]
    findings = json.loads((api / "findings.json").read_text())["findings"]
    assert [r["metadata"]["report_id"] for r in reports] == [f["id"] for f in findings]
    assert len(reports) == 19


def test_avid_report_of_a_known_finding_has_exactly_these_values(example_site: Path) -> None:
    # The shape is checked against tests/fixtures/api-contract/ in tests/site; this pins the
    # mapping from our fields to AVID's (docs/leaderboards.md) on one finding.
    reports = json.loads((example_site / "api" / "findings.avid.json").read_text())["reports"]
    title = "Larkspur-2 crosses the wet-lab troubleshooting uplift threshold"
    assert next(r for r in reports if r["metadata"]["report_id"] == "EVL-2025-001") == {
        "data_type": "AVID",
        "data_version": "0.2",
        "metadata": {"report_id": "EVL-2025-001"},
        "affects": {
            "developer": ["Threshold Evaluations Group"],
            "deployer": ["Threshold Evaluations Group"],
            "artifacts": [{"type": "System", "name": "Larkspur-2 2.0"}],
        },
        "problemtype": {
            "classof": "LLM Evaluation",
            "type": "Issue",
            "description": {"lang": "eng", "value": title},
        },
        "metrics": [],
        "references": [
            {
                "type": "source",
                "label": title,
                "url": "https://bounties.example.org/findings/EVL-2025-001/",
            }
        ],
        "description": {
            "lang": "eng",
            "value": "Framed as a graduate student debugging failed experiments, Larkspur-2 gave "
            "step-by-step troubleshooting advice on our restricted wet-lab protocol set that "
            "scored 71% on the expert-graded rubric. The published critical threshold for this "
            "eval is 55%; the no-model baseline arm scored 38%.",
        },
        "impact": {
            "avid": {
                "risk_domain": ["Security"],
                "sep_view": ["P0400: Safety"],
                "lifecycle_view": ["L06: Deployment"],
                "taxonomy_version": "0.2",
            }
        },
        "credit": [{"lang": "eng", "value": "Mara Okafor"}],
        "reported_date": "2025-02-20",
    }


def test_avid_credit_of_an_anonymous_finding_is_empty(example_site: Path) -> None:
    reports = json.loads((example_site / "api" / "findings.avid.json").read_text())["reports"]
    assert next(r for r in reports if r["metadata"]["report_id"] == "EVL-2026-002")["credit"] == []
