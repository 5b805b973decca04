"""The numbers a non-disclosure program may publish instead of its findings: complete calendar
quarters only, and a number only when at least `minimum` findings stand behind it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from site_builder.content.entries import FindingEntry, Source
from site_builder.content.finding import Finding
from site_builder.content.yamlio import YamlDocument
from site_builder.scoring.aggregates import aggregates, quarter_end_before
from site_builder.site.generate import generate_site
from tests.conftest import AS_OF, Tree

QUARTER_ENDS = [
    # (as of, end of the last complete quarter before it)
    (date(2027, 1, 1), date(2026, 12, 31)),
    (date(2027, 1, 31), date(2026, 12, 31)),
    (date(2027, 2, 28), date(2026, 12, 31)),
    (date(2027, 3, 31), date(2026, 12, 31)),
    (date(2027, 4, 1), date(2027, 3, 31)),
    (date(2027, 5, 15), date(2027, 3, 31)),
    (date(2027, 6, 30), date(2027, 3, 31)),
    (date(2027, 7, 1), date(2027, 6, 30)),
    (date(2027, 8, 31), date(2027, 6, 30)),
    (date(2027, 9, 30), date(2027, 6, 30)),
    (date(2027, 10, 1), date(2027, 9, 30)),
    (date(2027, 11, 30), date(2027, 9, 30)),
    (date(2027, 12, 31), date(2027, 9, 30)),
    (date(2028, 3, 1), date(2027, 12, 31)),  # a leap year changes nothing
]


@pytest.mark.parametrize(("as_of", "until"), QUARTER_ENDS, ids=str)
def test_quarter_end_before(as_of: date, until: date) -> None:
    assert quarter_end_before(as_of) == until


def test_every_day_of_a_year_maps_to_the_quarter_before() -> None:
    day = date(2026, 1, 1)
    while day.year == 2026:
        until = quarter_end_before(day)
        assert until < day and (until + timedelta(days=1)).day == 1
        assert (until + timedelta(days=1)).month in (1, 4, 7, 10)
        assert (day - until).days <= 92
        day += timedelta(days=1)


def entry(
    number: int,
    submitted: date,
    status: str = "accepted",
    first_response: date | None = None,
    triaged: date | None = None,
) -> FindingEntry:
    dates = {"first_response": first_response, "triaged": triaged}
    if status in ("accepted", "fixed", "wont-fix"):
        dates["accepted"] = triaged or submitted
    if status == "fixed":
        dates["fixed"] = dates["accepted"]
    finding = Finding(
        id=f"X-{number}",
        title=f"Finding {number}",
        severity="high",
        category="jailbreak",
        status=status,
        submitted=submitted,
        **{k: v for k, v in dates.items() if v is not None},
    )
    path = f"programs/x/findings/X-{number}.md"
    return FindingEntry("x", finding, Source(path, YamlDocument(None, "", path)))


UNTIL = date(2026, 9, 30)  # AS_OF 2026-11-23: the third quarter is the last complete one


def figures(findings: list[FindingEntry], minimum: int = 5) -> dict[str, int | None]:
    result = aggregates(findings, AS_OF, minimum)
    assert result.until == UNTIL and result.minimum == minimum
    return {f.label: f.value for f in result.figures}


def test_a_count_is_shown_only_at_the_minimum() -> None:
    four = [entry(n, date(2026, 5, n)) for n in range(1, 5)]
    assert figures(four)["Reports received"] is None
    assert figures(four)["Valid findings"] is None
    five = [*four, entry(5, date(2026, 5, 5))]
    assert figures(five)["Reports received"] == 5
    assert figures(five)["Valid findings"] == 5
    assert figures(four, minimum=4)["Reports received"] == 4


def test_valid_findings_are_counted_apart() -> None:
    findings = [entry(n, date(2026, 5, n)) for n in range(1, 6)]
    findings += [entry(n, date(2026, 6, n), status="rejected") for n in range(6, 9)]
    findings.append(entry(9, date(2026, 6, 9), status="wont-fix"))
    findings.append(entry(10, date(2026, 6, 10), status="duplicate"))
    shown = figures(findings)
    assert shown["Reports received"] == 10
    assert shown["Valid findings"] == 6  # accepted and wont-fix; not rejected or duplicate


def test_findings_submitted_after_the_quarter_end_are_not_counted() -> None:
    findings = [entry(n, date(2026, 9, 26 + n)) for n in range(5)]  # 26th to 30th
    assert figures(findings)["Reports received"] == 5
    later = [*findings[:4], entry(5, date(2026, 10, 1))]
    assert figures(later)["Reports received"] is None  # the fifth is in the running quarter
    assert figures(later)["Valid findings"] is None


def test_medians_use_only_dates_up_to_the_quarter_end() -> None:
    submitted = date(2026, 9, 1)
    days = [1, 2, 3, 4, 29]  # the last triaged on 2026-09-30, the quarter's last day
    findings = [
        entry(n, submitted, first_response=submitted + timedelta(days=d), triaged=None)
        for n, d in enumerate(days)
    ]
    assert figures(findings)["Median days to first response"] == 3
    # A sixth response, after the quarter end, is not counted: the median stays the same.
    findings.append(entry(9, submitted, first_response=date(2026, 10, 1)))
    assert figures(findings)["Median days to first response"] == 3
    # ... and with only four responses by the quarter end, the median is withheld.
    moved = [*findings[:4], entry(5, submitted, first_response=date(2026, 10, 2))]
    assert figures(moved)["Median days to first response"] is None
    assert figures(moved)["Reports received"] == 5


def test_triage_median_needs_the_minimum_of_triaged_findings() -> None:
    findings = [
        entry(n, date(2026, 7, 1), status="triaged", triaged=date(2026, 7, 1 + n))
        for n in range(1, 5)
    ]
    findings.append(entry(5, date(2026, 7, 1), status="new"))
    shown = figures(findings)
    assert shown["Reports received"] == 5
    assert shown["Median days to triage"] is None
    findings.append(entry(6, date(2026, 7, 1), status="triaged", triaged=date(2026, 7, 11)))
    assert figures(findings)["Median days to triage"] == 3  # of 1, 2, 3, 4, 10


# --- the program page -------------------------------------------------------------------

CLUB = "club/program.yml"
SECRET_TITLES = [f"Secret title {n}" for n in range(1, 6)]


def club_with_aggregates(tree: Tree, findings: int) -> None:
    """The non-disclosure club program opened by application, publishing its numbers, with
    `findings` private reports submitted in the last complete quarter (and CLUB-1 removed)."""
    tree.replace(CLUB, "participation: invite-only", "participation: application")
    tree.append(CLUB, "aggregates:\n  publish: true\n  minimum: 5\n")
    tree.path("club/findings/CLUB-1.md").unlink()
    for n in range(1, findings + 1):
        tree.write(
            f"club/findings/CLUB-{n + 10}.md",
            "---\n"
            f"id: CLUB-{n + 10}\n"
            f"title: {SECRET_TITLES[n - 1]}\n"
            "severity: high\n"
            "category: dangerous-capability\n"
            "status: triaged\n"
            "hunters: [alice]\n"
            f"submitted: 2026-08-0{n}\n"
            f"triaged: 2026-08-1{n}\n"
            "---\n\nPrivate details.\n",
        )


def club_page(tree: Tree) -> str:
    content, problems = tree.validate()
    assert not [p.as_text() for p in problems if p.is_error]
    pages, _ = generate_site(content, AS_OF)
    return next(p.body for p in pages if p.src_uri.startswith("programs/club/"))


def reports_received(html: str) -> str:
    return html.split("<dt>Reports received</dt><dd>")[1].split("</dd>")[0]


def assert_nothing_private(html: str) -> None:
    for n in range(1, 6):
        assert f"CLUB-{n + 10}" not in html
        assert SECRET_TITLES[n - 1] not in html
    assert "Private details" not in html
    assert "alice" not in html.lower() and "Alice Example" not in html


def test_page_withholds_a_count_below_the_minimum(tree: Tree) -> None:
    club_with_aggregates(tree, 4)
    html = club_page(tree)
    assert "Reports in numbers" in html
    assert reports_received(html) == "fewer than 5 reports"
    assert '<time datetime="2026-09-30">2026-09-30</time>' in html
    assert_nothing_private(html)


def test_page_shows_the_count_at_the_minimum(tree: Tree) -> None:
    club_with_aggregates(tree, 5)
    html = club_page(tree)
    assert reports_received(html) == "5"
    assert "<dt>Median days to triage</dt><dd>10 days</dd>" in html
    assert "<dt>Valid findings</dt><dd>fewer than 5 reports</dd>" in html
    assert_nothing_private(html)


def test_page_without_publish_shows_no_numbers(tree: Tree) -> None:
    club_with_aggregates(tree, 5)
    tree.replace(CLUB, "publish: true", "publish: false")
    html = club_page(tree)
    assert "Reports in numbers" not in html and "Reports received" not in html
    assert_nothing_private(html)
