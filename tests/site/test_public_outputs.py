"""What the generated site (pages and machine-readable files, without MkDocs) may show: policies
of public programs only, and hunters only as their profiles ask."""

from __future__ import annotations

import json

from site_builder.site.generate import generate_site
from tests.conftest import AS_OF, Tree


def outputs_of(tree: Tree) -> dict[str, str]:
    """Every generated page body and asset text, by source path, on AS_OF."""
    content, problems = tree.validate()
    assert not [p for p in problems if p.is_error]
    pages, assets = generate_site(content, AS_OF)
    return {**{p.src_uri: p.body for p in pages}, **{a.path: a.content for a in assets}}


def findings_api(outputs: dict[str, str]) -> dict[str, dict[str, object]]:
    return {f["id"]: f for f in json.loads(outputs["api/findings.json"])["findings"]}


# -- disclosure policies: a page only for a policy that a public program uses ------------------


def test_a_policy_used_only_by_an_invite_only_program_gets_no_page(tree: Tree) -> None:
    outputs = outputs_of(tree)  # 'secret' (Never published) is used by the club alone
    assert "policies/coordinated.md" in outputs
    assert "policies/secret.md" not in outputs
    assert not [path for path, text in outputs.items() if "Never published" in text]


def test_a_policy_gets_its_page_once_a_public_program_uses_it(tree: Tree) -> None:
    tree.replace("club/program.yml", "participation: invite-only", "participation: public")
    outputs = outputs_of(tree)
    assert "policies/secret.md" in outputs
    assert "Never published" in outputs["policies/index.md"]


def test_a_policy_used_only_by_a_draft_program_gets_no_page(tree: Tree) -> None:
    tree.replace("demo/program.yml", "status: open", "status: draft")
    for finding in tree.path("demo/findings").iterdir():
        finding.unlink()  # a draft's findings may not be scheduled for disclosure
    outputs = outputs_of(tree)
    assert "policies/coordinated.md" not in outputs
    assert "Coordinated disclosure" not in outputs["policies/index.md"]


def test_a_policy_page_does_not_name_the_invite_only_programs_using_it(tree: Tree) -> None:
    tree.replace("club/program.yml", "disclosure_policy: secret", "disclosure_policy: coordinated")
    page = outputs_of(tree)["policies/coordinated.md"]
    assert "Demo jailbreak bounty" in page and "Trusted club" not in page


# -- hunter credit: the public credit label, never the raw handle of a hidden hunter ----------


def test_a_hidden_hunter_is_credited_as_anonymous_in_the_api(tree: Tree) -> None:
    tree.append("_hunters/alice.yml", "leaderboard:\n  show: hidden\n")
    outputs = outputs_of(tree)
    api = outputs["api/findings.json"]
    assert findings_api(outputs)["DEMO-1"]["hunters"] == ["an anonymous hunter"]
    assert "alice" not in api.lower()
    assert "Alice Example" not in api


def test_a_hidden_hunter_is_credited_as_anonymous_on_the_finding_page(tree: Tree) -> None:
    tree.append("_hunters/alice.yml", "leaderboard:\n  show: hidden\n")
    page = outputs_of(tree)["findings/DEMO-1.md"]
    assert "an anonymous hunter" in page
    assert "alice" not in page.lower()


def test_a_hidden_hunter_appears_in_no_output_at_all(tree: Tree) -> None:
    tree.append("_hunters/alice.yml", "leaderboard:\n  show: hidden\n")
    outputs = outputs_of(tree)
    assert "findings/DEMO-1.md" in outputs  # alice's finding is published
    assert not [path for path, text in outputs.items() if "alice" in (path + text).lower()]


def test_the_api_credits_hunters_by_name_or_alias_not_by_handle(tree: Tree) -> None:
    api = findings_api(outputs_of(tree))
    assert api["DEMO-1"]["hunters"] == ["Alice Example"]  # show: name (the default)
    assert api["DEMO-2"]["hunters"] == ["The Builder"]  # show: alias
