"""JSON API, Atom feeds and security.txt of the example site."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

ATOM = "{http://www.w3.org/2005/Atom}"


def test_api_matches_its_schemas(example_site: Path) -> None:
    api = example_site / "api"
    findings = json.loads((api / "findings.json").read_text())["findings"]
    programs = json.loads((api / "programs.json").read_text())["programs"]
    finding_schema = json.loads((api / "finding.schema.json").read_text())
    program_schema = json.loads((api / "program.schema.json").read_text())
    for item in findings:
        jsonschema.validate(item, finding_schema)
    for item in programs:
        jsonschema.validate(item, program_schema)
    assert len(findings) == 19
    assert {p["participation"] for p in programs} == {"public", "invite-only"}
    assert all(f["disclosed"] <= "2026-11-23" for f in findings)


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
