"""Static SVG charts, generated at build time: no JavaScript, no CDN. Colours come from the
page (`currentColor` and Material's CSS variables), so the same SVG reads well in light and dark
palettes; each chart carries a title and description for screen readers and is followed on the
page by its data as a table."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..content.entries import Content, FindingEntry
from ..content.taxonomy import TAXONOMY
from ..content.types import SEVERITIES

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 300, 100, 90, 16


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    labels: list[str]
    values: list[float]
    unit: str = "findings"

    def svg(self) -> str:
        return bar_chart(self)


def charts_for(findings: list[FindingEntry], content: Content, scope: str) -> list[Chart]:
    """The four charts for a scope (a program slug, or 'site')."""
    months = _months([f.finding.disclose_on for f in findings if f.finding.disclose_on])
    per_month = Counter(
        f.finding.disclose_on.strftime("%Y-%m") for f in findings if f.finding.disclose_on
    )
    rewards: Counter[str] = Counter()
    currencies = set()
    for entry in findings:
        if entry.finding.disclose_on:
            rewards[entry.finding.disclose_on.strftime("%Y-%m")] += entry.finding.reward
            currencies.add(content.programs[entry.program_slug].program.rewards.currency)
    severity = Counter(  # priorities and a program's own ratings counted as severities
        content.programs[f.program_slug].program.rewards.severity_of(f.finding.severity)
        for f in findings
    )
    category = Counter(f.finding.category for f in findings)
    categories = sorted(category, key=lambda k: (-category[k], k))
    unit = "/".join(sorted(currencies)) or "reward"
    return [
        Chart(
            f"{scope}-per-month",
            "Findings disclosed per month",
            f"Number of findings disclosed in each month, {_span(months)}.",
            months,
            [per_month[m] for m in months],
        ),
        Chart(
            f"{scope}-severity",
            "Disclosed findings by severity",
            "Number of disclosed findings at each severity.",
            list(SEVERITIES),
            [severity[s] for s in SEVERITIES],
        ),
        Chart(
            f"{scope}-category",
            "Disclosed findings by category",
            "Number of disclosed findings in each category.",
            [TAXONOMY[k].label for k in categories],
            [category[k] for k in categories],
        ),
        Chart(
            f"{scope}-rewards",
            "Rewards per month (by disclosure date)",
            f"Rewards of the findings disclosed in each month, in {unit}.",
            months,
            [rewards[m] for m in months],
            unit=unit,
        ),
    ]


def bar_chart(chart: Chart) -> str:
    title_id, desc_id = f"{chart.key}-title", f"{chart.key}-desc"
    parts = [
        f'<svg class="bb-chart" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(chart.title)}</title>',
        f'<desc id="{desc_id}">{escape(_describe(chart))}</desc>',
    ]
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    top = max(chart.values, default=0) or 1
    parts.append(
        f'<line class="bb-axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - 8}" '
        f'y2="{TOP + plot_h}"/>'
    )
    for tick in (0, top / 2, top):
        y = TOP + plot_h - plot_h * tick / top
        parts.append(
            f'<text class="bb-tick" x="{LEFT - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{number_text(tick)}</text>'
        )
    count = max(len(chart.values), 1)
    slot = plot_w / count
    bar = max(min(slot * 0.7, 48), 1)
    every = max(1, round(count / 12))
    for index, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        x = LEFT + index * slot + (slot - bar) / 2
        height = plot_h * value / top
        parts.append(
            f'<rect class="bb-bar" x="{x:.1f}" y="{TOP + plot_h - height:.1f}" '
            f'width="{bar:.1f}" height="{height:.1f}"><title>{escape(label)}: '
            f"{number_text(value)}</title></rect>"
        )
        if index % every == 0:
            cx = LEFT + index * slot + slot / 2
            parts.append(
                f'<text class="bb-label" x="{cx:.1f}" y="{TOP + plot_h + 14}" '
                f'text-anchor="end" transform="rotate(-35 {cx:.1f} '
                f'{TOP + plot_h + 14})">{escape(_short(label))}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _describe(chart: Chart) -> str:
    if not chart.values or not any(chart.values):
        return f"{chart.description} No data yet."
    pairs = ", ".join(
        f"{label}: {number_text(value)}"
        for label, value in zip(chart.labels, chart.values, strict=True)
        if value
    )
    return f"{chart.description} {pairs}."


def _months(days: list[date]) -> list[str]:
    if not days:
        return []
    first, last = min(days), max(days)
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _span(months: list[str]) -> str:
    return f"{months[0]} to {months[-1]}" if months else "none yet"


def _short(label: str) -> str:
    return label if len(label) <= 16 else label[:15] + "\u2026"


def number_text(value: float) -> str:
    """A number as chart labels write it: whole numbers with separators, else one decimal."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def escape(text: str) -> str:
    """Text made safe inside SVG markup and attribute values."""
    return html.escape(text, quote=True)
