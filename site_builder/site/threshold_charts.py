"""The capability thresholds of an evals-based program, charted: each threshold's line and the
published measurements that crossed it, by disclosure date, as static SVG (no script). Each point
links to its finding; the SVG carries a title and a description, and the page repeats the points
as a table.

Only `PublicSite` is read, never the content as a whole: the measurement of an embargoed or
unpublished finding cannot be drawn, counted or described."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..content.entries import FindingEntry, ProgramEntry
from ..content.models_in_depth import Threshold
from . import paths
from .charts import escape, number_text
from .views import PublicSite

WIDTH, HEIGHT = 560, 250
LEFT, RIGHT, TOP, BOTTOM = 52, 20, 30, 46
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
NONE_YET = "No published measurement has crossed it yet."


@dataclass(frozen=True)
class CrossingPoint:
    """A published finding whose measurement crossed the threshold."""

    finding_id: str
    title: str
    href: str
    measured: float
    disclosed: date

    @property
    def measured_text(self) -> str:
        return f"{self.measured:g}"

    @property
    def label(self) -> str:
        measured = f"measured {self.measured_text}, disclosed {self.disclosed}"
        return f"{self.finding_id}: {self.title}, {measured}"


@dataclass(frozen=True)
class ThresholdChart:
    """One threshold's chart, as the program page shows it."""

    key: str
    capability: str
    metric: str
    rule: str
    points: tuple[CrossingPoint, ...]
    title: str
    description: str
    caption: str
    svg: Markup


@dataclass(frozen=True)
class Frame:
    """The ranges the axes show, and where a day and a value fall in the plot."""

    first: date
    last: date
    ticks: tuple[float, ...]

    def x(self, day: date) -> float:
        days = (self.last - self.first).days or 1
        return LEFT + PLOT_W * (day - self.first).days / days

    def y(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        return TOP + PLOT_H * (high - value) / (high - low)


def threshold_charts(
    site: PublicSite, entry: ProgramEntry, link: paths.Linker
) -> list[ThresholdChart]:
    """One chart per threshold of the program, from its published findings only; all share one
    time axis (the program's start to the build date) so they read side by side."""
    published = site.findings_by_program.get(entry.slug, [])
    crossings = {t.id: _crossings(t, published, link) for t in entry.program.thresholds}
    days = [p.disclosed for points in crossings.values() for p in points]
    first = min([entry.program.duration.start, *days])
    last = max([site.as_of, first, *days])  # a program may start after the build date
    return [_chart(t, crossings[t.id], first, last) for t in entry.program.thresholds]


def _crossings(
    threshold: Threshold, findings: list[FindingEntry], link: paths.Linker
) -> tuple[CrossingPoint, ...]:
    points = [
        CrossingPoint(
            f.id, f.finding.title, link.href(paths.finding(f.id)), claim.measured, disclosed
        )
        for f in findings
        if (claim := f.finding.threshold)
        and claim.id == threshold.id
        and threshold.crossed_by(claim.measured)
        and (disclosed := f.finding.disclose_on)
    ]
    return tuple(sorted(points, key=lambda p: (p.disclosed, p.finding_id)))


def _chart(
    threshold: Threshold, points: tuple[CrossingPoint, ...], first: date, last: date
) -> ThresholdChart:
    values = [threshold.value, *(p.measured for p in points)]
    frame = Frame(first, last, nice_ticks(min(0, *values), max(values)))
    rule = f"{threshold.metric} {threshold.direction} {threshold.value:g}"
    evaluation = threshold.evaluation
    title = f"{threshold.capability}: threshold and published crossings"
    description = (
        f"Threshold: {rule}, measured with {evaluation.name} {evaluation.version}. "
        f"{_count_sentence(points)}{_point_list(points)}"
    )
    key = f"threshold-{threshold.id}"
    svg = Markup(render_svg(key, title, description, threshold, points, frame))
    caption = (
        f"{_count_sentence(points)} Shown by disclosure date; each point links to its finding."
        if points
        else NONE_YET
    )
    return ThresholdChart(
        key, threshold.capability, threshold.metric, rule, points, title, description, caption, svg
    )


def _count_sentence(points: tuple[CrossingPoint, ...]) -> str:
    if not points:
        return NONE_YET
    if len(points) == 1:
        return "1 published measurement has crossed it."
    return f"{len(points)} published measurements have crossed it."


def _point_list(points: tuple[CrossingPoint, ...]) -> str:
    listed = "; ".join(
        f"{p.finding_id} measured {p.measured_text}, disclosed {p.disclosed}" for p in points
    )
    return f" {listed}." if listed else ""


def nice_ticks(low: float, high: float, count: int = 4) -> tuple[float, ...]:
    """Round tick values (steps of 1, 2 or 5 times a power of ten) that cover low..high with
    headroom, so a point at the top is not drawn on the frame."""
    high = high + (high - low) * 0.1 if high > low else low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    start, stop = math.floor(low / step), math.ceil(high / step)
    return tuple(i * step for i in range(start, stop + 1))


def render_svg(
    key: str,
    title: str,
    description: str,
    threshold: Threshold,
    points: tuple[CrossingPoint, ...],
    frame: Frame,
) -> str:
    """The chart as inline SVG. A group (not an image) because its points are links; what is
    only drawing is hidden from screen readers, which get the title and description."""
    return "".join(
        [
            f'<svg class="bb-chart bb-threshold-chart" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="group" aria-labelledby="{key}-title" '
            f'aria-describedby="{key}-desc" xmlns="http://www.w3.org/2000/svg">',
            f'<title id="{key}-title">{escape(title)}</title>',
            f'<desc id="{key}-desc">{escape(description)}</desc>',
            '<g aria-hidden="true">',
            _threshold_band(threshold, frame),
            _axes(threshold.metric, frame),
            _threshold_line(threshold, frame),
            "</g>",
            *(_point(p, i, frame) for i, p in enumerate(points)),
            "</svg>",
        ]
    )


def _threshold_band(threshold: Threshold, frame: Frame) -> str:
    """The crossing side of the line, shaded: above it, or below it."""
    line = frame.y(threshold.value)
    top, bottom = (TOP, line) if threshold.direction == "above" else (line, TOP + PLOT_H)
    return (
        f'<rect class="bb-threshold-band" x="{LEFT}" y="{top:.1f}" width="{PLOT_W}" '
        f'height="{bottom - top:.1f}" fill="currentColor" fill-opacity="0.07"/>'
    )


def _threshold_line(threshold: Threshold, frame: Frame) -> str:
    y = frame.y(threshold.value)
    label_y = y - 6 if threshold.direction == "above" else y + 15
    return (
        f'<line class="bb-threshold-line" x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + PLOT_W}" '
        f'y2="{y:.1f}" stroke="currentColor" stroke-width="2" stroke-dasharray="6 4"/>'
        f'<text class="bb-threshold-label" x="{LEFT + PLOT_W - 4}" y="{label_y:.1f}" '
        f'text-anchor="end">threshold {threshold.value:g}, crossed {threshold.direction}</text>'
    )


def _axes(metric: str, frame: Frame) -> str:
    bottom = TOP + PLOT_H
    parts = [
        f'<text class="bb-axis-title" x="{LEFT}" y="{TOP - 12}">{escape(_short(metric))}</text>',
        f'<line class="bb-axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}" '
        'stroke="currentColor"/>',
        f'<line class="bb-axis" x1="{LEFT}" y1="{bottom}" x2="{LEFT + PLOT_W}" y2="{bottom}" '
        'stroke="currentColor"/>',
    ]
    for tick in frame.ticks:
        parts.append(
            f'<text class="bb-tick" x="{LEFT - 6}" y="{frame.y(tick) + 4:.1f}" '
            f'text-anchor="end">{number_text(tick)}</text>'
        )
    parts += _date_labels(frame)
    return "".join(parts)


def _date_labels(frame: Frame) -> list[str]:
    """The first and last day, and each new year between them where there is room."""
    y = TOP + PLOT_H + 16
    labels = [
        (frame.first, frame.first.isoformat(), "start"),
        (frame.last, frame.last.isoformat(), "end"),
    ]
    for year in range(frame.first.year + 1, frame.last.year + 1):
        x = frame.x(date(year, 1, 1))
        if LEFT + 90 < x < LEFT + PLOT_W - 90:
            labels.append((date(year, 1, 1), str(year), "middle"))
    parts = [
        f'<text class="bb-label" x="{frame.x(day):.1f}" y="{y}" '
        f'text-anchor="{anchor}">{text}</text>'
        for day, text, anchor in labels
    ]
    parts.append(
        f'<text class="bb-axis-title" x="{LEFT + PLOT_W / 2:.1f}" y="{y + 22}" '
        'text-anchor="middle">disclosure date</text>'
    )
    return parts


def _point(point: CrossingPoint, index: int, frame: Frame) -> str:
    """A link to the finding: a dot, its id beside it (alternately above and below, so that
    neighbours do not overlap), and its full label as the link's name and tooltip."""
    x, y = frame.x(point.disclosed), frame.y(point.measured)
    near_right = x > LEFT + PLOT_W - 130
    label_x, anchor = (x - 9, "end") if near_right else (x + 9, "start")
    label_y = min(max(y - 8 if index % 2 == 0 else y + 16, TOP + 10), TOP + PLOT_H - 4)
    label = escape(point.label)
    return (
        f'<a class="bb-point-link" href="{escape(point.href)}" aria-label="{label}">'
        f"<title>{label}</title>"
        f'<circle class="bb-point" cx="{x:.1f}" cy="{y:.1f}" r="6" fill="currentColor"/>'
        f'<text class="bb-point-label" x="{label_x:.1f}" y="{label_y:.1f}" '
        f'text-anchor="{anchor}" aria-hidden="true">{escape(point.finding_id)}</text></a>'
    )


def _short(text: str, length: int = 48) -> str:
    return text if len(text) <= length else text[: length - 1] + "\u2026"
