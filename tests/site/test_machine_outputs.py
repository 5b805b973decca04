"""JSON API, Atom feeds and security.txt of the example site.

The JSON API is checked against the hand-written contract in tests/fixtures/api-contract/, not
against the schemas the site generates from its own models (those always agree with the output)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import AS_OF, FIXTURES

ATOM = "{http://www.w3.org/2005/Atom}"
CONTRACT = FIXTURES / "api-contract"
DOCUMENTS = ("programs", "findings", "findings-index", "leaderboards", "stats", "findings.avid")
GENERATED_SCHEMAS = ("avid-report.schema.json", "finding.schema.json", "program.schema.json")
PUBLIC_PROGRAMS = [
    "aurora-red-team-panel",
    "citydesk-assistant-2025",
    "threshold-capability-evals",
    "wayfarer-agent-bounty",
]


def contract(name: str) -> Draft202012Validator:
    schema = json.loads((CONTRACT / f"{name}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def api(site: Path, name: str) -> Any:
    return json.loads((site / "api" / f"{name}.json").read_text())


def violations(name: str, document: object) -> list[str]:
    return [
        f"/{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in contract(name).iter_errors(document)
    ]


def test_every_api_document_has_a_hand_written_contract(example_site: Path) -> None:
    written = sorted(p.name for p in (example_site / "api").iterdir())
    assert written == sorted([f"{name}.json" for name in DOCUMENTS] + list(GENERATED_SCHEMAS))
    contracts = sorted(p.name for p in CONTRACT.glob("*.schema.json"))
    assert contracts == sorted(f"{name}.schema.json" for name in DOCUMENTS)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_api_document_follows_the_hand_written_contract(example_site: Path, name: str) -> None:
    assert violations(name, api(example_site, name)) == []


def object_schemas(schema: object) -> Iterator[dict[str, Any]]:
    """Every sub-schema that describes an object with named fields."""
    if isinstance(schema, dict):
        types = schema.get("type")
        if "properties" in schema and (types == "object" or "object" in (types or [])):
            yield schema
        for value in schema.values():
            yield from object_schemas(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from object_schemas(value)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_contract_objects_are_closed_and_require_every_field(name: str) -> None:
    schema = json.loads((CONTRACT / f"{name}.schema.json").read_text())
    objects = list(object_schemas(schema))
    assert objects
    for obj in objects:
        assert obj.get("additionalProperties") is False, sorted(obj["properties"])
        assert sorted(obj.get("required", [])) == sorted(obj["properties"])


def test_contract_rejects_a_renamed_an_extra_or_a_missing_field(example_site: Path) -> None:
    finding = api(example_site, "findings")["findings"][0]
    renamed = {("hunter_handles" if k == "hunters" else k): v for k, v in finding.items()}
    extra = {**finding, "handle": "mokafor"}
    missing = {k: v for k, v in finding.items() if k != "disclosed"}
    for bad in (renamed, extra, missing):
        assert violations("findings", {"findings": [bad]}) != []
    assert violations("findings", {"findings": [finding]}) == []


def test_a_known_finding_is_published_with_exactly_these_values(example_site: Path) -> None:
    findings = api(example_site, "findings")["findings"]
    assert next(f for f in findings if f["id"] == "EVL-2025-001") == {
        "id": "EVL-2025-001",
        "title": "Larkspur-2 crosses the wet-lab troubleshooting uplift threshold",
        "url": "https://bounties.example.org/findings/EVL-2025-001/",
        "program": "threshold-capability-evals",
        "severity": "critical",
        "category": "dangerous-capability",
        "category_label": "Dangerous capability over an eval threshold",
        "owasp_llm": None,
        "vrt": "ai_application_security.ai_safety",
        "status": "fixed",
        "hunters": ["Mara Okafor"],
        "submitted": "2025-02-20",
        "disclosed": "2025-06-18",
        "fixed": "2025-05-02",
        "reward": 95000,
        "currency": "USD",
    }
    rows = api(example_site, "findings-index")["rows"]
    assert next(r for r in rows if r[0] == "EVL-2025-001") == [
        "EVL-2025-001",
        "Larkspur-2 crosses the wet-lab troubleshooting uplift threshold",
        "threshold-capability-evals",
        "critical",
        "dangerous-capability",
        2025,
        "2025-06-18",
        "findings/EVL-2025-001/",
    ]


def test_api_lists_the_disclosed_findings_newest_first(example_site: Path) -> None:
    findings = api(example_site, "findings")["findings"]
    assert len(findings) == 19
    disclosed = [f["disclosed"] for f in findings]
    assert disclosed == sorted(disclosed, reverse=True)
    assert disclosed[0] <= AS_OF.isoformat()
    rows = api(example_site, "findings-index")["rows"]
    assert [r[0] for r in rows] == [f["id"] for f in findings]


def test_credit_labels_are_names_or_aliases_never_handles(example_site: Path) -> None:
    # Handles are mokafor, quietfox (alias Quiet Fox), hpark-sec (hidden: anonymous), ...
    labels = {"Arjun Mehta", "Elin Lindqvist", "Mara Okafor", "Quiet Fox", "Wanjiru Karanja"}
    findings = api(example_site, "findings")["findings"]
    assert {h for f in findings for h in f["hunters"]} == labels | {"an anonymous hunter"}
    boards = api(example_site, "leaderboards")
    ranked = {row["hunter"] for row in boards["overall"]["all"]["points"]}
    assert ranked <= labels | {"an anonymous hunter"} and "Mara Okafor" in ranked


def test_invite_only_program_is_listed_as_a_stub(example_site: Path) -> None:
    programs = api(example_site, "programs")["programs"]
    assert {p["participation"] for p in programs} == {"public", "invite-only"}
    stub = next(p for p in programs if p["slug"] == "deepwell-trusted-access")
    assert stub == {
        "slug": "deepwell-trusted-access",
        "name": "Deepwell Trusted Access Program",
        "url": "https://bounties.example.org/programs/deepwell-trusted-access/",
        "organizer": "Sable Ridge Research",
        "model": "trusted-hunters",
        "status": "open",
        "participation": "invite-only",
        "summary": None,
        "currency": None,
        "max_reward": None,
        "tags": [],
    }


def test_per_program_numbers_cover_exactly_the_public_programs(example_site: Path) -> None:
    stats = api(example_site, "stats")
    assert stats["as_of"] == AS_OF.isoformat()
    assert sorted(stats["programs"]) == PUBLIC_PROGRAMS
    assert sorted(api(example_site, "leaderboards")) == sorted(["overall", *PUBLIC_PROGRAMS])


def test_atom_feed_lists_newest_first(example_site: Path) -> None:
    root = ET.parse(example_site / "feeds" / "findings.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 19
    published = [e.find(f"{ATOM}published").text for e in entries]  # type: ignore[union-attr]
    assert published == sorted(published, reverse=True)
    link = entries[0].find(f"{ATOM}link").get("href")  # type: ignore[union-attr]
    assert link.startswith("https://bounties.example.org/findings/")


def test_per_program_feeds_exist_for_public_programs_only(example_site: Path) -> None:
    feeds = sorted(p.name for p in (example_site / "feeds").iterdir())
    assert "deepwell-trusted-access.xml" not in feeds
    assert "threshold-capability-evals.xml" in feeds


def test_security_txt_follows_rfc_9116(example_site: Path) -> None:
    text = (example_site / ".well-known" / "security.txt").read_text()
    fields = dict(line.split(": ", 1) for line in text.strip().splitlines())
    assert fields["Contact"].startswith(("mailto:", "https://"))
    assert fields["Expires"] == "2027-05-22T00:00:00Z"  # as_of + 180 days
    assert fields["Canonical"] == "https://bounties.example.org/.well-known/security.txt"
    assert fields["Policy"] == "https://bounties.example.org/policies/"
