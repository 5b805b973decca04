"""The page generator on its own (no MkDocs): what each page says and links to."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

from site_builder.content.checks import validate
from site_builder.site.generate import generate_site, page_meta
from site_builder.site.model import Page
from site_builder.synthetic import generate
from tests.conftest import AS_OF, Tree


def pages_of(tree: Tree, as_of: date = AS_OF, directory_urls: bool = True) -> dict[str, Page]:
    content, problems = tree.validate(as_of)
    assert not [p for p in problems if p.is_error]
    pages, _ = generate_site(content, as_of, directory_urls)
    return {p.src_uri: p for p in pages}


def test_submit_button_links_to_the_prefilled_issue_form(tree: Tree) -> None:
    body = pages_of(tree)["programs/demo/index.md"].body
    href = body.split('class="md-button md-button--primary bb-submit" href="')[1].split('"')[0]
    url = urlsplit(href.replace("&amp;", "&"))
    assert (url.scheme, url.netloc, url.path) == (
        "https",
        "github.com",
        "/test-org/test-bounties/issues/new",
    )
    query = parse_qs(url.query)
    assert query == {"template": ["submit-demo.yml"], "title": ["[demo] "]}


def test_paused_program_shows_reason_and_no_submit_button(tree: Tree) -> None:
    tree.replace("demo/program.yml", "status: open", "status: paused")
    tree.append(
        "demo/program.yml",
        "pause:\n  reason: Risk review found a new hazard\n  since: 2026-10-01\n",
    )
    body = pages_of(tree)["programs/demo/index.md"].body
    assert "Paused since 2026-10-01" in body and "Risk review found a new hazard" in body
    assert "bb-submit" not in body


def test_overdue_risk_review_banner(tree: Tree) -> None:
    body = pages_of(tree, as_of=date(2027, 3, 2))["programs/demo/index.md"].body
    assert "Risk review overdue" in body
    # The interval is configurable: the banner says which, never "annual" (a named fix).
    assert "The risk review, due every 365 days, was due on 2027-03-01." in body


def test_invite_only_program_is_a_stub(tree: Tree) -> None:
    pages = pages_of(tree)
    stub = pages["programs/club/index.md"].body
    assert "invite-only" in stub and "Write to us with your track record." in stub
    assert "Secret-2" not in stub and "programs/club/rules.md" not in pages


def test_closed_challenges_are_marked(tree: Tree) -> None:
    body = pages_of(tree, as_of=date(2027, 1, 1))["challenges/index.md"].body
    closed = body.split('id="closed"')[1]
    assert "Agent CTF" in closed and "closed <time" in closed


def test_alias_hunters_show_their_alias_only(tree: Tree) -> None:
    pages = pages_of(tree)
    page = pages["hunters/alias-the-builder.md"]
    assert page.title == "The Builder"
    everything = "".join(p.src_uri + p.body + p.title for p in pages.values())
    assert "Bob Example" not in everything
    assert not re.search(r"\bbob\b", everything)  # not the handle either: no page, no link


def test_two_aliases_with_one_address_are_an_error(tree: Tree) -> None:
    tree.write(
        "_hunters/dave.yml",
        "handle: dave\nname: Dave\nleaderboard:\n  show: alias\n  alias: the builder!\n",
    )
    assert tree.errors() == [
        "programs/_hunters/dave.yml:1:1: error: the hunter profile address 'alias-the-builder' "
        "is the same as 'alias-the-builder' (programs/_hunters/bob.yml), in any case (hint: both "
        "would have one address (on case-insensitive file systems at least); rename one)"
    ]


def test_links_follow_use_directory_urls(tree: Tree) -> None:
    body = pages_of(tree, directory_urls=False)["findings/DEMO-1.md"].body
    assert 'href="../programs/demo/index.html"' in body
    assert 'href="../hunters/alice.html"' in body
    body = pages_of(tree)["findings/DEMO-1.md"].body
    assert 'href="../../programs/demo/"' in body and 'href="../../hunters/alice/"' in body


def test_findings_index_is_paginated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = generate(tmp_path / "site", 250)
    content, _ = validate(root, AS_OF)
    pages = {p.src_uri: p for p in generate_site(content, AS_OF)[0]}
    assert {"findings/index.md", "findings/page/2.md", "findings/page/3.md"} <= set(pages)
    first = pages["findings/index.md"].body
    assert first.count("<tr data-program") == 100
    assert 'data-complete="false"' in first and 'aria-current="page">1<' in first
    assert "this page shows 1 to 100" in first
    assert pages["findings/page/3.md"].body.count("<tr data-program") == 52  # 250 + 2 fixtures
    program = pages["programs/demo/index.md"].body
    assert program.count("<tr data-program") == 50
    assert "All 252 disclosed findings of this program" in program


def test_page_meta_is_safe_and_minimal() -> None:
    meta = page_meta(Page("x.md", '<b>"T"</b>', "", description="d & e", searchable=False))
    assert meta == {
        "title": "\u2039b\u203a&quot;T&quot;\u2039/b\u203a",
        "description": "d &amp; e",
        "search": {"exclude": True},
        "hide": ["navigation"],  # a flat navigation: the left sidebar would list only the page
    }


def test_sections_feed_the_table_of_contents(tree: Tree) -> None:
    sections = pages_of(tree)["programs/demo/index.md"].sections()
    assert [anchor for anchor, _ in sections][:4] == [
        "target-systems",
        "how-the-panel-judges",
        "scope",
        "rewards",
    ]


def test_overdue_banner_names_the_configured_interval(tree: Tree) -> None:
    tree.replace("demo/program.yml", "last_review:", "interval_days: 90\n  last_review:")
    body = pages_of(tree, as_of=date(2026, 6, 1))["programs/demo/index.md"].body
    assert "due every 90 days" in body and "annual" not in body


def _board_cells(body: str, board: str) -> list[list[str]]:
    table = body.split(f'data-board="{board}"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S)
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row)]
        for row in rows
    ]


def test_hunter_page_and_leaderboard_agree_on_a_shared_reward(tree: Tree) -> None:
    # Two hunters share 15,001: 7,500.50 each, exactly, on the profile and the board alike
    # (the profile used to floor each share to 7,500).
    tree.replace("demo/findings/DEMO-3.md", "reward: 15000", "reward: 15001")
    pages = pages_of(tree, as_of=date(2027, 1, 8))
    profile = pages["hunters/alice.md"].body
    assert '<span class="bb-stat__value">12,500.50 USD</span>' in profile
    board = _board_cells(pages["leaderboard/index.md"].body, "all-reward")
    assert board[0][1:2] + board[0][3:4] == ["Alice Example", "12,500.50\u00a0USD"]


def test_leaderboard_writes_large_rewards_in_full(tree: Tree) -> None:
    tree.replace("demo/program.yml", "pool: 100000", "pool: 10000000")
    tree.replace("demo/program.yml", "max_per_prize: 20000", "max_per_prize: 2000000")
    tree.replace("demo/program.yml", "max: 10000,", "max: 2000000,")
    tree.replace("demo/findings/DEMO-1.md", "reward: 5000", "reward: 1500000")
    pages = pages_of(tree)
    board = _board_cells(pages["leaderboard/index.md"].body, "all-reward")
    assert board[0][3] == "1,500,000\u00a0USD"  # not 1.5e+06
    assert '<span class="bb-stat__value">1,500,000 USD</span>' in pages["hunters/alice.md"].body


def _submit_button(body: str) -> tuple[str, str]:
    """(href, label) of the program page's Submit button."""
    match = re.search(
        r'class="md-button md-button--primary bb-submit" href="([^"]+)"[^>]*>([^<]+)<', body
    )
    assert match, "no Submit button"
    return match.group(1).replace("&amp;", "&"), match.group(2)


def test_private_reports_button_opens_githubs_private_report_form(tree: Tree) -> None:
    tree.append("demo/program.yml", "submit:\n  channel: private-reports\n")
    body = pages_of(tree)["programs/demo/index.md"].body
    assert _submit_button(body) == (
        "https://github.com/test-org/test-bounties/security/advisories/new",
        "Report privately",
    )
    assert "only you and the program&#39;s maintainers can read it" in body


def test_external_button_points_at_the_platform_with_its_instructions(tree: Tree) -> None:
    tree.append(
        "demo/program.yml",
        "submit:\n  channel: external\n  url: mailto:reports@lab.example\n"
        "  instructions: 'Encrypt with **our key**. <script>x()</script>'\n",
    )
    body = pages_of(tree)["programs/demo/index.md"].body
    assert _submit_button(body) == ("mailto:reports@lab.example", "Email your report")
    instructions = body.split('class="bb-md bb-submit-instructions">')[1].split("</div>")[0]
    assert "<strong>our key</strong>" in instructions and "<script" not in instructions


def test_summary_only_program_says_its_issues_carry_a_summary_only(tree: Tree) -> None:
    tree.append("demo/program.yml", "submit:\n  channel: public-issues\n  summary_only: true\n")
    body = pages_of(tree)["programs/demo/index.md"].body
    assert _submit_button(body)[1] == "Submit a finding"
    assert "carry a non-hazardous summary only" in body


def test_a_public_program_with_private_issues_says_who_reads_them(tree: Tree) -> None:
    tree.append(
        "demo/program.yml", "submit:\n  channel: private-issues\n  repository: test-org/intake\n"
    )
    body = pages_of(tree)["programs/demo/index.md"].body
    href, label = _submit_button(body)
    assert href.startswith("https://github.com/test-org/intake/issues/new?")
    assert label == "Submit a finding (invited hunters)"
    assert "every invited hunter can read them" in body


def test_the_invite_only_stub_never_names_the_intake_repository(tree: Tree) -> None:
    pages = pages_of(tree)
    stub = pages["programs/club/index.md"].body
    assert "Invited hunters submit through the private channel named in their invitation" in stub
    everything = "".join(p.body for p in pages.values())
    assert "test-intake" not in everything
