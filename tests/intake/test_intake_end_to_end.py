"""Generated form -> body as GitHub renders it -> parse -> validated submission, through the
same command maintainers run (`bounties parse-issue`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from site_builder.cli import main
from site_builder.intake.forms import form_documents
from site_builder.intake.parse import form_fields, parse_issue_body
from submissions_schema import CONSENTS, HAZARD_CHOICES
from tests.conftest import Tree

ANSWERS = {
    "program": "Demo jailbreak bounty",
    "category": "Jailbreak",
    "severity": "high",
    "target": "Demo-1",
    "target_version": "2026-01",
    "summary": "A role-play framing bypasses refusals.\n\n### Not a form heading\n\nStill summary.",
    "reproduction": "1. Open a chat.\n2. Frame the request as fiction.",
    "impact": "Any user gets policy-violating answers.",
    "hazardous_details": HAZARD_CHOICES["withheld"],
    "credit": "alice",
}


def render(form: dict, answers: dict, checked: list[str], newline: str = "\n") -> str:
    """An issue body the way GitHub writes it from a submitted form."""
    blocks = []
    for field in form_fields(form):
        if field.type == "checkboxes":
            lines = [f"- [{'X' if o in checked else ' '}] {o}" for o in field.options]
            blocks.append(f"### {field.label}\n\n" + "\n".join(lines))
        else:
            blocks.append(f"### {field.label}\n\n{answers.get(field.id) or '_No response_'}")
    return newline.join("\n\n".join(blocks).split("\n"))


@pytest.fixture
def form(tree: Tree) -> dict:
    content, _ = tree.validate()
    return yaml.safe_load(form_documents(content)["submit-demo.yml"])


def run(
    tree: Tree, body: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str]:
    path = tmp_path / "body.md"
    path.write_text(body)
    code = main(
        [
            "parse-issue",
            str(path),
            "--root",
            str(tree.root),
            "--as-of",
            "2026-11-23",
            "--title",
            "[demo] Role-play bypass",
            "--author",
            "alice",
            *extra,
        ]
    )
    return code, capsys.readouterr().out


def test_valid_body_becomes_a_submission(
    tree: Tree, form: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = render(form, ANSWERS, list(CONSENTS.values()), newline="\r\n")
    code, out = run(tree, body, tmp_path, capsys, "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["program"] == "demo" and data["category"] == "jailbreak"
    assert data["summary"].endswith("### Not a form heading\n\nStill summary.")
    assert data["consents"] == ["rules", "no_hazards_posted", "safe_harbor"]
    assert data["credit"] == "alice" and data["title"] == "Role-play bypass"


def test_raw_prints_the_field_map(
    tree: Tree, form: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = render(form, ANSWERS, list(CONSENTS.values())[:1])
    code, out = run(tree, body, tmp_path, capsys, "--raw")
    values = json.loads(out)
    assert code == 0
    assert values["severity"] == ["high"]
    assert values["consents"]["selected"] == [next(iter(CONSENTS.values()))]
    assert values == parse_issue_body(body, form).values


def test_problems_are_reported_per_field_with_exit_1(
    tree: Tree, form: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = {**ANSWERS, "severity": "catastrophic", "impact": ""}
    body = render(form, answers, [])
    code, out = run(tree, body, tmp_path, capsys)
    assert code == 1
    lines = out.splitlines()
    assert (
        "severity: 'catastrophic' is not a choice here; use one of: low, medium, high, "
        "critical." in lines
    )
    assert "impact: Impact is required." in lines
    assert any(line.startswith("consents: Tick every consent box") for line in lines)


def test_paused_program_answers_with_the_pause(
    tree: Tree, form: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = render(form, ANSWERS, list(CONSENTS.values()))
    tree.replace("demo/program.yml", "status: open", "status: paused")
    tree.append("demo/program.yml", "pause:\n  reason: Risk review.\n  since: 2026-10-01\n")
    code, out = run(tree, body, tmp_path, capsys, "--json")
    assert code == 1
    assert json.loads(out)[0]["message"].startswith("Demo jailbreak bounty is paused since")


def test_unreadable_body_is_a_usage_error(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse-issue", "/nonexistent/body.md", "--root", str(tree.root)]) == 2
    assert "cannot read" in capsys.readouterr().err
