"""Skill matching and the AVID export."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from site_builder.content.taxonomy import CATEGORIES
from site_builder.scoring.avid import SEP_VIEW, AvidReport
from site_builder.scoring.matching import programs_for_hunter, similar_programs
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


def test_avid_export_validates_against_its_schema(example_site: Path) -> None:
    api = example_site / "api"
    reports = json.loads((api / "findings.avid.json").read_text())["reports"]
    schema = json.loads((api / "avid-report.schema.json").read_text())
    findings = json.loads((api / "findings.json").read_text())["findings"]
    assert len(reports) == len(findings) == 19
    for report in reports:
        jsonschema.validate(report, schema)
        AvidReport.model_validate(report)
    first = next(r for r in reports if r["metadata"]["report_id"] == "EVL-2025-001")
    assert first["impact"]["avid"]["risk_domain"] == ["Security"]
    assert first["impact"]["avid"]["sep_view"] == ["P0400: Safety"]
    assert first["credit"] == [{"lang": "eng", "value": "Mara Okafor"}]
