"""Capability thresholds charted on evals-based program pages (issue 17): one static SVG per
threshold, plotting only published measurements, each linking to its finding, with a text
alternative and the same points as a table."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from site_builder.content.checks import validate
from site_builder.site.generate import generate_site
from site_builder.site.views import build_views
from tests.conftest import AS_OF, REPO_ROOT, Tree
from tests.site.html_checks import executable_parts

EXAMPLE = "programs/threshold-capability-evals/index.html"
EVALS_PAGE = "programs/evals/index.md"

EVALS_PROGRAM = """\
name: Evals test bounty
summary: Cross a capability threshold.
model: evals-based
organizer:
  name: Evals Lab
  contact:
    email: evals@demo.test
status: open
participation: public
duration:
  start: 2026-01-01
deployment_stage: post-deployment
access:
  level: public-api
targets:
  - name: Eval-1
    version: "1"
    access: Public chat API
scope:
  in_scope:
    - item: Threshold crossings
      reason: Core risk
prize_criteria: Crosses a threshold.
rewards:
  currency: USD
  tiers:
    critical: {min: 1000, max: 2000, points: 100}
disclosure_policy: coordinated
response_targets:
  first_response_days: 3
  triage_days: 10
  bounty_days: 30
risk_review:
  level: high
  last_review: 2026-03-01
thresholds:
  - id: uplift
    capability: Uplift on the test eval
    evaluation: {name: UpliftEval, version: "1.0", harness: Inspect}
    metric: accuracy (%)
    value: 50
    direction: above
    evidence: Eval log.
  - id: refusals
    capability: Refusal collapse
    evaluation: {name: RefusalEval, version: "2.0", harness: Inspect}
    metric: refusal rate (%)
    value: 20
    direction: below
    evidence: Eval log.
  - id: untouched
    capability: Nobody got here
    evaluation: {name: QuietEval, version: "3.0", harness: Inspect}
    metric: tasks solved
    value: 4
    direction: above
    evidence: Trajectories.
submit:
  channel: public-issues
  summary_only: true
"""


def _finding(finding_id: str, threshold: str, measured: float, disclose_on: str) -> str:
    return f"""\
---
id: {finding_id}
title: Finding {finding_id}
severity: critical
category: dangerous-capability
status: accepted
hunters: [alice]
submitted: 2026-02-01
accepted: 2026-02-10
disclose_on: {disclose_on}
threshold:
  id: {threshold}
  measured: {measured}
  evidence: eval log (private)
---

Write-up of {finding_id}.
"""


@pytest.fixture
def evals_tree(tree: Tree) -> Tree:
    """The minimal tree plus an evals-based program: a published and an embargoed crossing of
    `uplift`, a published crossing of `refusals` (direction below), nothing over `untouched`."""
    tree.write("evals/program.yml", EVALS_PROGRAM)
    tree.write("evals/findings/EV-PUB-1.md", _finding("EV-PUB-1", "uplift", 73.5, "2026-06-01"))
    tree.write("evals/findings/EV-EMB-9.md", _finding("EV-EMB-9", "uplift", 91.25, "2027-02-01"))
    tree.write("evals/findings/EV-LOW-2.md", _finding("EV-LOW-2", "refusals", 7.5, "2026-08-15"))
    return tree


def _evals_page(tree: Tree) -> str:
    content, problems = tree.validate()
    assert [p.as_text() for p in problems if p.is_error] == []
    pages, _ = generate_site(content, AS_OF, True)
    return {p.src_uri: p for p in pages}[EVALS_PAGE].body


def _charts(html: str) -> dict[str, str]:
    """Each threshold chart's SVG, by threshold id."""
    found = re.findall(
        r'(<svg class="bb-chart bb-threshold-chart".*?aria-labelledby="threshold-([a-z0-9-]+)'
        r'-title".*?</svg>)',
        html,
        re.S,
    )
    return {key: svg for svg, key in found}


def _points(svg: str) -> list[tuple[str, str]]:
    """(href, finding id) of each plotted point."""
    return re.findall(
        r'<a class="bb-point-link" href="([^"]+)".*?class="bb-point-label"[^>]*>([^<]+)</text></a>',
        svg,
    )


def _text_alternative(svg: str) -> str:
    title = re.search(r'<title id="[^"]+-title">([^<]+)</title>', svg)
    desc = re.search(r'<desc id="[^"]+-desc">([^<]+)</desc>', svg)
    assert title and desc and 'aria-describedby="' in svg
    return f"{title.group(1)} {desc.group(1)}"


def _table_after(html: str, key: str) -> list[tuple[str, str, str]]:
    """(href, measured, disclosed) rows of the data table that follows a threshold's chart."""
    start = html.index(f'<h3 id="threshold-{key}">')
    end = html.find("<h3 ", start + 1)
    section = html[start : end if end != -1 else len(html)]
    table = section.split('<table class="bb-threshold-data">', 1)
    if len(table) == 1:
        return []
    return re.findall(
        r'<tr><td><a href="([^"]+)">.*?</td><td>([^<]+)</td><td><time datetime="([^"]+)"',
        table[1].split("</table>", 1)[0],
    )


def test_example_program_charts_each_threshold_with_published_points(example_site: Path) -> None:
    html = (example_site / EXAMPLE).read_text(encoding="utf-8")
    content, _ = validate(REPO_ROOT, AS_OF)
    program = content.programs["threshold-capability-evals"].program
    published = {f.id for f in build_views(content, AS_OF).findings}
    charts = _charts(html)
    assert list(charts) == [t.id for t in program.thresholds]
    plotted = [point for svg in charts.values() for point in _points(svg)]
    assert plotted, "the example has published crossings"
    for href, finding_id in plotted:
        assert finding_id in published
        target = posixpath.normpath(posixpath.join(posixpath.dirname(EXAMPLE), href))
        assert target == f"findings/{finding_id}"
        assert (example_site / target / "index.html").is_file()
    for svg in charts.values():
        assert executable_parts(svg) == []


def test_example_embargoed_crossing_is_not_charted(example_site: Path) -> None:
    html = (example_site / EXAMPLE).read_text(encoding="utf-8")
    cyber = _charts(html)["cyber-range"]  # its only crossing, EVL-2026-003, is embargoed
    assert _points(cyber) == [] and "EVL-2026-003" not in html
    assert "No published measurement has crossed it yet." in _text_alternative(cyber)


def test_embargoed_measurement_never_appears_on_the_page(evals_tree: Tree) -> None:
    html = _evals_page(evals_tree)
    uplift = _charts(html)["uplift"]
    assert [finding_id for _, finding_id in _points(uplift)] == ["EV-PUB-1"]
    assert "EV-EMB-9" not in html and "91.25" not in html
    assert "1 published measurement has crossed it." in _text_alternative(uplift)


def test_a_point_links_to_its_finding_page(evals_tree: Tree) -> None:
    content, _ = evals_tree.validate()
    pages = {p.src_uri for p in generate_site(content, AS_OF, True)[0]}
    for href, finding_id in _points(_charts(_evals_page(evals_tree))["uplift"]):
        target = posixpath.normpath(posixpath.join("programs/evals", href))
        assert target == f"findings/{finding_id}" and f"{target}.md" in pages


def test_direction_below_plots_the_measurement_under_the_line(evals_tree: Tree) -> None:
    svg = _charts(_evals_page(evals_tree))["refusals"]
    assert [finding_id for _, finding_id in _points(svg)] == ["EV-LOW-2"]
    line_y = float(re.search(r'class="bb-threshold-line"[^>]* y1="([\d.]+)"', svg).group(1))
    point_y = float(re.search(r'class="bb-point" cx="[\d.]+" cy="([\d.]+)"', svg).group(1))
    assert point_y > line_y  # SVG y grows downwards: below the threshold line
    band_y = float(re.search(r'class="bb-threshold-band"[^>]* y="([\d.]+)"', svg).group(1))
    assert band_y == line_y  # the crossing side shaded is the one under the line
    assert "refusal rate (%) below 20" in _text_alternative(svg)


def test_text_alternative_names_the_value_and_the_crossing_count(evals_tree: Tree) -> None:
    charts = _charts(_evals_page(evals_tree))
    uplift = _text_alternative(charts["uplift"])
    assert "accuracy (%) above 50" in uplift and "1 published measurement has crossed it." in uplift
    assert "EV-PUB-1 measured 73.5, disclosed 2026-06-01" in uplift
    untouched = _text_alternative(charts["untouched"])
    assert "tasks solved above 4" in untouched
    assert "No published measurement has crossed it yet." in untouched


def test_uncrossed_threshold_shows_its_line_and_says_so(evals_tree: Tree) -> None:
    html = _evals_page(evals_tree)
    svg = _charts(html)["untouched"]
    assert 'class="bb-threshold-line"' in svg and _points(svg) == []
    assert "<figcaption>No published measurement has crossed it yet.</figcaption>" in html
    assert _table_after(html, "untouched") == []


def test_data_table_lists_the_plotted_points(evals_tree: Tree) -> None:
    html = _evals_page(evals_tree)
    for key, svg in _charts(html).items():
        rows = _table_after(html, key)
        assert [href for href, _, _ in rows] == [href for href, _ in _points(svg)]
    assert _table_after(html, "uplift") == [("../../findings/EV-PUB-1/", "73.5", "2026-06-01")]
    assert _table_after(html, "refusals") == [("../../findings/EV-LOW-2/", "7.5", "2026-08-15")]
