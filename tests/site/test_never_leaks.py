"""Nothing embargoed, private, redacted or hidden reaches any byte of the built site."""

import json
from pathlib import Path

from tests.site.conftest import site_bytes


def test_no_canary_in_any_output_byte(canary_site: Path) -> None:
    files = site_bytes(canary_site)
    assert len(files) > 20
    leaks = {name: data.count(b"CANARY") for name, data in files.items() if b"CANARY" in data}
    assert leaks == {}
    # File names and addresses too: a hidden or aliased hunter's handle is a canary.
    assert [name for name in files if "CANARY" in name.upper()] == []


def test_private_pages_do_not_exist(canary_site: Path) -> None:
    for private in (
        "findings/DEMO-3",
        "findings/DEMO-4",
        "findings/DEMO-5",
        "findings/DEMO-6",
        "findings/CLUB-1",
        "findings/SEC-1",
        "programs/draft",
        "hunters/CANARY-HIDDEN-HANDLE",
        "hunters/CANARY-ALIAS-HANDLE",
        "programs/club/rules",
    ):
        assert not (canary_site / private).exists(), private


def test_what_is_public_is_there(canary_site: Path) -> None:
    finding = (canary_site / "findings" / "DEMO-1" / "index.html").read_text()
    assert "After the redaction." in finding
    assert "<strong>Redacted</strong>: Exploit chain" in finding
    duplicate = (canary_site / "findings" / "DEMO-2" / "index.html").read_text()
    assert "Same role-play jailbreak" in duplicate
    assert "The Builder" in duplicate  # the alias, never the real name
    assert 'href="../../hunters/alias-the-builder/"' in duplicate  # an address of its own
    assert (canary_site / "hunters" / "alias-the-builder" / "index.html").is_file()
    stub = (canary_site / "programs" / "club" / "index.html").read_text()
    assert "Trusted club" in stub and "Write to us with your track record." in stub
    assert "Secret-2" not in stub


def test_json_and_feeds_list_only_published_findings(canary_site: Path) -> None:
    data = json.loads((canary_site / "api" / "findings.json").read_text())
    assert sorted(f["id"] for f in data["findings"]) == ["DEMO-1", "DEMO-2"]
    feed = (canary_site / "feeds" / "findings.xml").read_text()
    assert feed.count("<entry>") == 2
    assert not (canary_site / "feeds" / "club.xml").exists()
    programs = json.loads((canary_site / "api" / "programs.json").read_text())["programs"]
    club = next(p for p in programs if p["slug"] == "club")
    assert club["summary"] is None and club["tags"] == []
    assert "draft" not in [p["slug"] for p in programs]


def test_sitemap_lists_only_public_pages(canary_site: Path) -> None:
    sitemap = (canary_site / "sitemap.xml").read_text()
    assert "findings/DEMO-1/" in sitemap
    assert "DEMO-3" not in sitemap and "programs/draft" not in sitemap


def test_search_index_holds_no_private_text(canary_site: Path) -> None:
    files = site_bytes(canary_site)
    fragments = [data for name, data in files.items() if name.startswith("pagefind/fragment/")]
    assert len(fragments) >= 10
    text = b"".join(fragments)
    assert b"After the redaction." in text  # the published finding is searchable
    assert b"DEMO-3" not in text and b"SEC-1" not in text and b"CLUB-1" not in text
