"""Static SVG charts: text alternatives, no script, numbers that match the data."""

from __future__ import annotations

import re
from pathlib import Path

from site_builder.scoring.public import published
from site_builder.site.charts import charts_for
from tests.conftest import AS_OF, Tree
from tests.site.html_checks import executable_parts


def test_charts_count_published_findings_only(tree: Tree) -> None:
    content, _ = tree.validate()
    charts = {c.key: c for c in charts_for(published(content, AS_OF), content, "site")}
    per_month = charts["site-per-month"]
    assert (per_month.labels, per_month.values) == (["2026-05"], [2])  # DEMO-1 and DEMO-2
    assert charts["site-severity"].values == [0, 0, 2, 0]
    assert charts["site-rewards"].values == [5000]
    assert charts["site-rewards"].unit == "USD"


def test_empty_scope_gives_empty_charts_with_a_description() -> None:
    from site_builder.content.entries import Content

    chart = charts_for([], Content(root="."), "empty")[0]
    assert chart.labels == [] and "No data yet." in chart.svg()


def test_every_chart_has_a_text_alternative_and_no_script(example_site: Path) -> None:
    page = (example_site / "charts" / "index.html").read_text()
    svgs = re.findall(r"<svg class=\"bb-chart\".*?</svg>", page, re.S)
    assert len(svgs) == 4
    for svg in svgs:
        assert 'role="img"' in svg and "aria-labelledby=" in svg
        assert re.search(r"<title id=\"[^\"]+\">[^<]+</title><desc id=\"[^\"]+\">[^<]+</desc>", svg)
        assert executable_parts(svg) == []
    assert page.count('<details class="bb-chart-data">') == 4
    assert (example_site / "charts" / "aurora-red-team-panel" / "index.html").is_file()
