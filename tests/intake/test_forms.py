"""Generated issue forms: one per open public program, valid by GitHub's own schemas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_builder.cli import main
from site_builder.intake.forms import form_documents
from tests.conftest import REPO_ROOT, Tree, only


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "check_jsonschema",
        "--builtin-schema",
        schema,
        *map(str, files),
    ]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_committed_forms_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["forms", "--check", "--root", str(REPO_ROOT)])
    assert code == 0, "forms are stale: run `bounties forms`\n" + capsys.readouterr().err


def test_committed_forms_validate_against_githubs_schemas() -> None:
    folder = REPO_ROOT / ".github" / "ISSUE_TEMPLATE"
    forms = sorted([*folder.glob("submit-*.yml"), *folder.glob("apply-*.yml")])
    assert len(forms) == 3
    result = check_jsonschema("vendor.github-issue-forms", *forms)
    assert result.returncode == 0, result.stdout + result.stderr
    result = check_jsonschema("vendor.github-issue-config", folder / "config.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_catches_an_invalid_form(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "name: x\ndescription: y\nbody:\n  - type: dropdown\n    id: a\n"
        "    attributes:\n      label: A\n"
    )
    assert check_jsonschema("vendor.github-issue-forms", bad).returncode == 1


def intro(form: dict[str, Any]) -> str:
    """The text at the top of a form, above the fields."""
    first = form["body"][0]
    assert first["type"] == "markdown"
    return str(first["attributes"]["value"])


def reproduction_help(form: dict[str, Any]) -> str:
    fields = {f.get("id"): f for f in form["body"]}
    return str(fields["reproduction"]["attributes"]["description"])


def test_only_open_public_programs_get_a_form(tree: Tree) -> None:
    content, _ = tree.validate()
    assert sorted(form_documents(content)) == ["apply-club.yml", "config.yml", "submit-demo.yml"]
    tree.replace("demo/program.yml", "status: open", "status: closed")
    content, _ = tree.validate()
    assert sorted(form_documents(content)) == ["apply-club.yml", "config.yml"]


def test_form_preselects_its_program_and_offers_its_severities(tree: Tree) -> None:
    content, _ = tree.validate()
    form = yaml.safe_load(form_documents(content)["submit-demo.yml"])
    fields = {e["id"]: e for e in form["body"] if "id" in e}
    assert fields["program"]["attributes"]["options"] == ["Demo jailbreak bounty"]
    assert fields["program"]["attributes"]["default"] == 0
    assert fields["severity"]["attributes"]["options"] == ["low", "medium", "high", "critical"]
    assert fields["target"]["attributes"]["options"] == ["Demo-1"]
    assert form["labels"] == ["submission", "program:demo"]
    assert all(o["required"] for o in fields["consents"]["attributes"]["options"])


def test_a_public_form_says_the_issue_is_public_and_where_hazards_go(tree: Tree) -> None:
    content, _ = tree.validate()
    form = yaml.safe_load(form_documents(content)["submit-demo.yml"])
    assert intro(form) == (
        "**Demo jailbreak bounty** (Demo Lab). Read the program's rules and scope before "
        "submitting.\n\n**This issue is public.** Never paste hazardous details (working "
        "exploit chains, uplift content, personal data): describe them at a safe level here and "
        "send the details through the private channel: private@bounties.test."
    )
    assert reproduction_help(form) == (
        "Enough for the triage team to reproduce, without hazardous details."
    )


def test_a_form_never_names_a_private_address_it_does_not_know(tree: Tree) -> None:
    """The policy's private channel has no address (an error the validator reports): the form
    still points at the private channel, without inventing an address."""
    tree.replace(
        "_policies/coordinated.yml",
        "private_channel:\n  email: private@bounties.test",
        "private_channel: {}",
    )
    tree.append("demo/program.yml", "submit:\n  channel: public-issues\n  summary_only: true\n")
    content, problems = tree.validate()
    assert "the private reporting channel needs an email or a url" in only(
        [p.as_text() for p in problems]
    )
    form = yaml.safe_load(form_documents(content)["submit-demo.yml"])
    assert intro(form).endswith("send the details through the private channel.")
    assert reproduction_help(form).endswith("Send the full reproduction to the private channel.")


def test_an_invite_only_program_never_gets_a_public_form(tree: Tree) -> None:
    """Even when its channel is wrongly set to public issues (the validator's error ignored)."""
    tree.replace(
        "club/program.yml",
        "  channel: private-issues\n  repository: test-org/test-intake\n",
        "  channel: public-issues\n",
    )
    content, problems = tree.validate()
    assert any("an invite-only program cannot take submissions" in p.message for p in problems)
    assert "submit-club.yml" not in form_documents(content)
    links = yaml.safe_load(form_documents(content)["config.yml"])["contact_links"]
    assert [link["name"] for link in links] == ["Private report: Demo jailbreak bounty"]


def test_forms_command_writes_and_checks(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms", "--root", str(tree.root)]) == 0
    folder = tree.root / ".github" / "ISSUE_TEMPLATE"
    assert (folder / "submit-demo.yml").is_file()
    assert main(["forms", "--check", "--root", str(tree.root)]) == 0
    tree.replace(
        "demo/program.yml",
        "status: open",
        "status: paused\npause:\n  reason: Review\n  since: 2026-10-01",
    )
    assert main(["forms", "--check", "--root", str(tree.root)]) == 1
    assert "submit-demo.yml: no longer generated" in capsys.readouterr().out
    assert main(["forms", "--root", str(tree.root)]) == 0
    assert not (folder / "submit-demo.yml").exists()


def test_open_invite_only_programs_get_an_application_form(tree: Tree) -> None:
    content, _ = tree.validate()
    form = yaml.safe_load(form_documents(content)["apply-club.yml"])
    assert form["labels"] == ["application", "program:club"]
    assert "Secret-2" not in yaml.safe_dump(form)  # nothing of the private systems
    assert "submit-club.yml" not in form_documents(content)


def test_a_private_intake_repository_gets_its_own_forms(tree: Tree, tmp_path: Path) -> None:
    content, _ = tree.validate()
    intake = form_documents(content, "test-org/test-intake")
    assert sorted(intake) == ["config.yml", "submit-club.yml"]  # never in the public repository
    form = yaml.safe_load(intake["submit-club.yml"])
    assert intro(form) == (
        "**Trusted club** (Demo Lab). Read the program's rules and scope before submitting.\n\n"
        "**This repository is private, but not only to you:** the maintainers and every invited "
        "hunter can read this issue. Never paste hazardous details (working exploit chains, "
        "uplift content, personal data) here: send them through the private channel: "
        "https://bounties.test/private."
    )
    assert "submit-club.yml" not in form_documents(content)
    out = tmp_path / "intake-forms"
    args = ["forms", "--root", str(tree.root), "--repository", "test-org/test-intake"]
    assert main([*args, "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["config.yml", "submit-club.yml"]
    result = check_jsonschema("vendor.github-issue-forms", out / "submit-club.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_a_site_repository_the_intake_repository_gets_only_its_own_forms(
    tree: Tree,
) -> None:
    """The public program has no repository yet: its form, the application form and the other
    programs' links belong to the site's repository, not to the private intake repository."""
    tree.replace("site.yml", "repository: test-org/test-bounties\n", "")
    content, _ = tree.validate()
    intake = form_documents(content, "test-org/test-intake")
    assert sorted(intake) == ["config.yml", "submit-club.yml"]
    links = yaml.safe_load(intake["config.yml"])["contact_links"]
    assert [link["name"] for link in links] == ["Private report: Trusted club"]
    assert sorted(form_documents(content)) == ["apply-club.yml", "config.yml", "submit-demo.yml"]


def test_summary_only_form_asks_for_an_outline_and_names_the_private_channel(tree: Tree) -> None:
    tree.append("demo/program.yml", "submit:\n  channel: public-issues\n  summary_only: true\n")
    content, _ = tree.validate()
    form = yaml.safe_load(form_documents(content)["submit-demo.yml"])
    fields = {f.get("id"): f for f in form["body"]}
    assert fields["reproduction"]["attributes"]["description"] == (
        "A high-level outline only: no prompts, code, transcripts or steps that give uplift. "
        "Send the full reproduction to the private channel: private@bounties.test."
    )


PRIVATE_REPORT_ABOUT = "A private report: only you and the maintainers can read it."
PLATFORM_ABOUT = "This program takes reports on its own platform, not as issues."


@pytest.mark.parametrize(
    ("block", "name", "url", "about"),
    [
        (
            "  channel: private-reports\n",
            "Report privately: Demo jailbreak bounty",
            "https://github.com/test-org/test-bounties/security/advisories/new",
            PRIVATE_REPORT_ABOUT,
        ),
        (
            "  channel: external\n  url: https://h1.example/demo\n  instructions: There.\n",
            "Submit: Demo jailbreak bounty",
            "https://h1.example/demo",
            PLATFORM_ABOUT,
        ),
        (
            "  channel: external\n  url: mailto:r@lab.example\n  instructions: There.\n",
            "Submit: Demo jailbreak bounty",
            "https://bounties.test/programs/demo/",
            PLATFORM_ABOUT,
        ),
        (
            # a repository named for a platform's program is not where its reports go
            "  channel: external\n  url: https://h1.example/demo\n  instructions: There.\n"
            "  repository: test-org/test-bounties\n",
            "Submit: Demo jailbreak bounty",
            "https://h1.example/demo",
            PLATFORM_ABOUT,
        ),
    ],
)
def test_programs_that_take_reports_elsewhere_get_a_link_not_a_form(
    tree: Tree, block: str, name: str, url: str, about: str
) -> None:
    tree.append("demo/program.yml", "submit:\n" + block)
    content, problems = tree.validate()
    assert not [p for p in problems if p.is_error]
    documents = form_documents(content)
    assert "submit-demo.yml" not in documents
    links = yaml.safe_load(documents["config.yml"])["contact_links"]
    assert links[-1] == {"name": name, "url": url, "about": about}


@pytest.mark.parametrize(
    ("block", "prefix"),
    [
        ("  channel: private-reports\n", "Report privately: "),
        (
            "  channel: external\n  url: https://h1.example/demo\n  instructions: There.\n",
            "Submit: ",
        ),
    ],
)
def test_contact_link_names_are_cut_to_200_characters(tree: Tree, block: str, prefix: str) -> None:
    """As the forms' names are: a program name may be up to 300 characters long."""
    long_name = "Demo jailbreak bounty " + "x" * 250
    tree.replace("demo/program.yml", "name: Demo jailbreak bounty", f"name: {long_name}")
    tree.append("demo/program.yml", "submit:\n" + block)
    content, _ = tree.validate()
    name = yaml.safe_load(form_documents(content)["config.yml"])["contact_links"][-1]["name"]
    assert name == (prefix + long_name)[:200]
