"""The three models in depth: thresholds (evals-based) and panels (panel-judged)."""

from __future__ import annotations

from typing import Any

import yaml

from site_builder.intake.forms import form_documents
from site_builder.intake.submission import build_submission
from site_builder.site.generate import generate_site
from submissions_schema import CONSENTS, HAZARD_CHOICES
from tests.conftest import AS_OF, Tree, only

THRESHOLDS = """thresholds:
  - id: bio
    capability: Wet-lab uplift
    evaluation: {name: BioEval, version: "2", harness: Inspect}
    metric: accuracy (%)
    value: 55
    direction: above
    evidence: eval log
  - id: refusals
    capability: Refusal robustness
    evaluation: {name: RefuseBench, version: "1", harness: Inspect}
    metric: refusal rate (%)
    value: 90
    direction: below
    evidence: eval log
"""


def make_evals(tree: Tree) -> None:
    text = tree.read("demo/program.yml").replace("model: panel-judged", "model: evals-based")
    text = text.split("panel:\n")[0] + THRESHOLDS
    # Capability reports may carry uplift: the public form takes a summary only.
    text += "submit:\n  channel: public-issues\n  summary_only: true\n"
    tree.write("demo/program.yml", text)
    tree.replace("demo/findings/DEMO-1.md", "category: jailbreak", "category: dangerous-capability")


def claim(tree: Tree, text: str) -> None:
    tree.replace("demo/findings/DEMO-1.md", "reward: 5000", "reward: 5000\n" + text)


def test_evals_program_needs_thresholds(tree: Tree) -> None:
    tree.write(
        "demo/program.yml",
        tree.read("demo/program.yml")
        .replace("model: panel-judged", "model: evals-based")
        .split("panel:\n")[0],
    )
    assert "an evals-based program must declare its capability thresholds" in only(tree.errors())


def test_threshold_finding_must_name_and_cross_a_threshold(tree: Tree) -> None:
    make_evals(tree)
    assert "must name the threshold it crosses" in only(tree.errors())
    claim(tree, "threshold: {id: bio, measured: 71, evidence: log 7}")
    assert tree.errors() == []


def test_threshold_not_crossed(tree: Tree) -> None:
    make_evals(tree)
    claim(tree, "threshold: {id: bio, measured: 55, evidence: log 7}")
    assert only(tree.errors()).endswith(
        "error: threshold.measured: measured 55 does not cross threshold 'bio' (must be above 55 "
        "accuracy (%))"
    )


def test_threshold_below_direction_and_unknown_threshold(tree: Tree) -> None:
    make_evals(tree)
    claim(tree, "threshold: {id: refusals, measured: 80.5, evidence: log 7}")
    assert tree.errors() == []
    tree.replace("demo/findings/DEMO-1.md", "id: refusals", "id: refusal")
    assert "no threshold 'refusal' in program demo (hint: thresholds: bio, refusals)" in only(
        tree.errors()
    )


def test_panel_rules(tree: Tree) -> None:
    tree.replace("demo/program.yml", "    quorum: 2", "    quorum: 5")
    assert "quorum 5 is more than the members who can vote (3 with a GitHub handle)" in only(
        tree.errors()
    )
    tree.replace(
        "demo/program.yml",
        "    rule: majority\n    quorum: 5",
        "    rule: mean-score\n    quorum: 2",
    )
    assert "rule mean-score needs a bar" in only(tree.errors())


def test_program_page_shows_thresholds_with_crossings(tree: Tree) -> None:
    make_evals(tree)
    claim(tree, "threshold: {id: bio, measured: 71, evidence: log 7}")
    content, _ = tree.validate()
    pages = {p.src_uri: p for p in generate_site(content, AS_OF)[0]}
    body = pages["programs/demo/index.md"].body
    assert "Capability thresholds" in body
    assert '<td>1</td><td><time datetime="2026-05-06">2026-05-06</time></td>' in body
    assert "<td>0</td><td>-</td>" in body  # refusals: never crossed
    finding = pages["findings/DEMO-1.md"].body
    assert "measured <strong>71</strong>" in finding


def intake(tree: Tree, **changes: Any):  # type: ignore[no-untyped-def]
    content, _ = tree.validate()
    form = yaml.safe_load(form_documents(content)["submit-demo.yml"])
    fields = {e["id"]: e for e in form["body"] if "id" in e}
    values: dict[str, Any] = {
        "program": ["Demo jailbreak bounty"],
        "category": ["Dangerous capability over an eval threshold"],
        "severity": ["high"],
        "target": ["Demo-1"],
        "target_version": "1",
        "summary": "s",
        "reproduction": "r",
        "impact": "i",
        "hazardous_details": [HAZARD_CHOICES["withheld"]],
        "consents": {"selected": list(CONSENTS.values()), "unselected": []},
        "threshold": [fields["threshold"]["attributes"]["options"][0]],
        "measured": "71",
        "evidence": "log sent 2026-11-20",
    }
    values.update(changes)
    return build_submission(values, title="[demo] x", content=content, author="alice", as_of=AS_OF)


def test_evals_form_asks_for_the_threshold_and_the_bot_checks_it(tree: Tree) -> None:
    make_evals(tree)
    result = intake(tree)
    assert result.problems == []
    assert (result.submission.threshold, result.submission.measured) == ("bio", 71.0)
    below = intake(tree, measured="40")
    assert [p.message for p in below.problems] == [
        "40 does not cross 'bio': it must be above 55 (accuracy (%))."
    ]
    assert [p.field for p in intake(tree, measured="lots").problems] == ["measured"]
    assert [
        p.field for p in intake(tree, threshold=["None (not a threshold finding)"]).problems
    ] == ["threshold"]


def test_finding_page_shows_how_the_panel_decided(tree: Tree) -> None:
    claim(
        tree,
        "panel_decision:\n  outcome: accept\n  decided: '2026-02-05'\n  votes: "
        "{judge-a: accept, judge-b: accept}\n  rationale: Severe and new.",
    )
    content, problems = tree.validate()
    assert problems == []
    pages = {p.src_uri: p for p in generate_site(content, AS_OF)[0]}
    body = pages["findings/DEMO-1.md"].body
    assert "How the panel decided" in body and "2 to accept, 0 to reject" in body
    assert "Severe and new." in body
