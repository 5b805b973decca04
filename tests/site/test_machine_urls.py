"""Every address the JSON API, the feeds and security.txt give is a page the site has, with
and without `use_directory_urls` (they used to assume folder addresses and 404 otherwise)."""

from __future__ import annotations

import json
import re

import pytest

from site_builder.site import paths
from site_builder.site.generate import generate_site
from tests.conftest import AS_OF, Tree

BASE = "https://bounties.test/"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_machine_outputs_link_only_to_pages_that_exist(tree: Tree, directory_urls: bool) -> None:
    content, problems = tree.validate()
    assert not [p for p in problems if p.is_error]
    pages, assets = generate_site(content, AS_OF, directory_urls)
    addresses = {BASE + paths.url_of(page.src_uri, directory_urls) for page in pages}
    by_path = {asset.path: str(asset.content) for asset in assets}
    found = []
    for item in json.loads(by_path["api/findings.json"])["findings"]:
        found.append(item["url"])
    for item in json.loads(by_path["api/programs.json"])["programs"]:
        found.append(item["url"])
    for path, text in by_path.items():
        if path.startswith("feeds/"):
            found += re.findall(r'<link href="([^"]+)" rel="alternate"/>', text)
            found += re.findall(r"<id>(https://[^<]+)</id>", text)
    found += re.findall(r"Policy: (\S+)", by_path[".well-known/security.txt"])
    page_links = {url for url in found if not url.endswith(".xml") and url != BASE}
    assert len(page_links) == 5  # two findings, two programs, the policies
    assert sorted(page_links - addresses) == []
    if not directory_urls:
        assert all(url.endswith((".html", ".xml")) or url == BASE for url in found)
