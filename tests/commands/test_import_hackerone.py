"""HackerOne's report JSON -> finding fields, one mapping at a time, starting from real API
responses (tests/fixtures/imports/README.md) changed in memory."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest

from site_builder.content.redaction import redact, redaction_issues
from site_builder.imports.hackerone import read_hackerone
from site_builder.imports.records import ImportResult, Target
from tests.conftest import FIXTURES

IMPORTS = FIXTURES / "imports"
TARGET = Target("demo", "USD", frozenset({"alice", "bob"}), may_publish=True)


def response(name: str = "hackerone-report.json") -> dict[str, Any]:
    return json.loads((IMPORTS / name).read_text(encoding="utf-8"))


def report(name: str = "hackerone-report.json") -> dict[str, Any]:
    """The first report of a fixture, for a test to change."""
    return copy.deepcopy(response(name)["data"][0])


def read(*reports: dict[str, Any], target: Target = TARGET) -> ImportResult:
    return read_hackerone({"data": list(reports)}, target)


def front(item: dict[str, Any], target: Target = TARGET) -> dict[str, Any]:
    result = read(item, target=target)
    assert [p for p in result.problems if p.is_error] == [], result.problems
    return result.findings[0].front


def messages(result: ImportResult, level: str = "") -> list[str]:
    return [
        f"{p.field}: {p.message}" for p in result.problems if not level or p.level.value == level
    ]


def test_the_real_response_maps_to_a_private_new_finding() -> None:
    result = read_hackerone(response(), TARGET)
    [finding] = result.findings
    assert (finding.id, finding.position) == ("H1-1297733", "data[0]")
    assert finding.front == {
        "id": "H1-1297733",
        "title": "Do not use depreciated function isSecure",
        "severity": "medium",
        "category": "other",
        "status": "new",
        "hunters": [],
        "submitted": date(2021, 8, 10),
        "first_response": date(2021, 8, 10),
        "reward": 0,
    }
    assert messages(result, "warning") == [
        "category: weakness 'Use of Inherently Dangerous Function' (cwe-242) has no obvious "
        "category here; recorded as other",
        "hunters: reporter 'jahnvi_crest' has no hunter profile here; recorded as anonymous",
    ]


def test_the_real_bounty_response_maps_to_an_accepted_rewarded_finding() -> None:
    [finding] = read_hackerone(response("hackerone-report-with-bounty.json"), TARGET).findings
    assert finding.front == {
        "id": "H1-1295856",
        "title": "Demo report: XSS in checker_program H1B home page",
        "severity": "low",
        "category": "unbounded-consumption",  # CWE-770
        "status": "accepted",  # state new, but a bounty was paid
        "hunters": [],
        "submitted": date(2021, 8, 9),
        "first_response": date(2021, 8, 10),
        "accepted": date(2021, 9, 1),
        "rewarded": date(2021, 9, 1),
        "reward": 100,
    }


@pytest.mark.parametrize(
    ("shape", "position"),
    [
        (lambda r: {"data": [r]}, "data[0]"),
        (lambda r: {"data": r}, "data"),
        (lambda r: r, "report"),
    ],
)
def test_a_list_a_single_response_and_a_bare_report_are_read(shape: Any, position: str) -> None:
    [finding] = read_hackerone(shape(report()), TARGET).findings
    assert (finding.id, finding.position) == ("H1-1297733", position)


@pytest.mark.parametrize(
    ("state", "triaged_at", "status"),
    [
        ("new", None, "new"),
        ("pending-program-review", None, "new"),
        ("needs-more-info", None, "new"),
        ("needs-more-info", "2021-08-11T10:00:00.000Z", "triaged"),
        ("triaged", "2021-08-11T10:00:00.000Z", "triaged"),
        ("retesting", "2021-08-11T10:00:00.000Z", "triaged"),
        ("duplicate", None, "rejected"),
        ("not-applicable", None, "rejected"),
        ("informative", None, "rejected"),
        ("spam", None, "rejected"),
    ],
)
def test_state_to_status(state: str, triaged_at: str | None, status: str) -> None:
    item = report()
    item["attributes"].update(state=state, triaged_at=triaged_at)
    mapped = front(item)
    assert mapped["status"] == status
    assert mapped.get("triaged") == (date(2021, 8, 11) if triaged_at else None)


def test_resolved_is_fixed_accepted_at_triage_and_fixed_when_closed() -> None:
    item = report()
    item["attributes"].update(
        state="resolved",
        triaged_at="2021-08-11T10:00:00.000Z",
        closed_at="2021-09-20T10:00:00.000Z",
    )
    mapped = front(item)
    assert (mapped["status"], mapped["triaged"], mapped["accepted"], mapped["fixed"]) == (
        "fixed",
        date(2021, 8, 11),
        date(2021, 8, 11),
        date(2021, 9, 20),
    )


def test_resolved_without_triage_is_accepted_at_the_earliest_sign() -> None:
    item = report("hackerone-report-with-bounty.json")
    item["attributes"].update(state="resolved", closed_at="2021-08-20T10:00:00.000Z")
    mapped = front(item)
    assert (mapped["accepted"], mapped["fixed"], mapped["rewarded"]) == (
        date(2021, 8, 20),
        date(2021, 8, 20),
        date(2021, 9, 1),
    )


def test_a_duplicate_says_how_to_name_its_original() -> None:
    item = report()
    item["attributes"]["state"] = "duplicate"
    result = read(item)
    assert "status: closed as a duplicate on HackerOne; recorded as rejected" in messages(result)
    assert "duplicate_of" in result.findings[0].body


def test_timestamps_become_the_day_in_utc() -> None:
    item = report()
    item["attributes"]["created_at"] = "2021-08-10T23:30:00-05:00"
    item["attributes"]["first_program_activity_at"] = "2021-08-11T06:00:00"  # no zone: UTC
    mapped = front(item)
    assert (mapped["submitted"], mapped["first_response"]) == (date(2021, 8, 11), date(2021, 8, 11))


@pytest.mark.parametrize(
    ("rating", "severity", "warned"),
    [
        ("low", "low", False),
        ("medium", "medium", False),
        ("high", "high", False),
        ("critical", "critical", False),
        ("none", "low", True),
        (None, "low", True),
    ],
)
def test_rating_to_severity(rating: str | None, severity: str, warned: bool) -> None:
    item = report()
    if rating is None:
        del item["relationships"]["severity"]
    else:
        item["relationships"]["severity"]["data"]["attributes"]["rating"] = rating
    result = read(item)
    assert result.findings[0].front["severity"] == severity
    assert any(p.field == "severity" for p in result.problems) == warned


@pytest.mark.parametrize(
    ("cwe", "name", "category"),
    [
        ("cwe-1427", "Improper Neutralization of Input Used for LLM Prompting", "prompt-injection"),
        ("cwe-1426", "Improper Validation of Generative AI Output", "output-handling"),
        (
            "cwe-770",
            "Allocation of Resources Without Limits or Throttling",
            "unbounded-consumption",
        ),
        ("cwe-359", "Exposure of Private Personal Information", "privacy"),
        (None, "LLM01: Prompt Injection", "prompt-injection"),
        (None, "LLM08: Excessive Agency", "agent-misbehaviour"),
        (None, "LLM10: Model Theft", "model-extraction"),
        ("cwe-79", "Cross-site Scripting (XSS) - Stored", "other"),
    ],
)
def test_weakness_to_category(cwe: str | None, name: str, category: str) -> None:
    item = report()
    item["relationships"]["weakness"]["data"]["attributes"].update(external_id=cwe, name=name)
    result = read(item)
    assert result.findings[0].front["category"] == category
    assert any(p.field == "category" for p in result.problems) == (category == "other")


def bounty(amount: str, bonus: str = "0.00", currency: str = "USD") -> dict[str, Any]:
    return {
        "id": "1",
        "type": "bounty",
        "attributes": {
            "awarded_amount": amount,
            "awarded_bonus_amount": bonus,
            "awarded_currency": currency,
        },
    }


def test_bounties_add_up_amounts_and_bonuses() -> None:
    item = report("hackerone-report-with-bounty.json")
    item["relationships"]["bounties"]["data"] += [bounty("250.00", "50.00"), bounty("0.00")]
    assert front(item)["reward"] == 400


@pytest.mark.parametrize(
    ("bounties", "message"),
    [
        ([bounty("100.00", currency="EUR")], "bounty 1 was paid in EUR; program demo pays in USD"),
        ([bounty("100.50")], "the bounties add up to 100.50; rewards here are whole amounts"),
        ([bounty("lots")], "bounty 1: awarded_amount 'lots' is not an amount"),
        ([bounty("-5.00")], "bounty 1: awarded_amount '-5.00' is not an amount"),
    ],
)
def test_bounties_that_cannot_be_a_reward_are_errors(
    bounties: list[dict[str, Any]], message: str
) -> None:
    item = report()
    item["relationships"]["bounties"]["data"] = bounties
    result = read(item)
    assert f"reward: {message}" in messages(result, "error")
    assert result.findings == []


def test_a_reporter_with_a_profile_is_credited() -> None:
    item = report()
    item["relationships"]["reporter"]["data"]["attributes"]["username"] = "alice"
    result = read(item)
    assert result.findings[0].front["hunters"] == ["alice"]
    assert not any(p.field == "hunters" for p in result.problems)


def test_a_reporter_without_a_profile_is_named_only_inside_the_redacted_notes() -> None:
    [finding] = read(report()).findings
    assert "jahnvi_crest" in finding.body
    assert "jahnvi_crest" not in redact(finding.body)


@pytest.mark.parametrize(
    ("state", "may_publish", "disclose_on"),
    [
        ("resolved", True, date(2021, 10, 1)),
        ("resolved", False, None),  # a non-disclosure policy or a program not public
        ("informative", True, None),  # rejected: never published
    ],
)
def test_disclosed_at_is_disclose_on_only_where_it_may_take_effect(
    state: str, may_publish: bool, disclose_on: date | None
) -> None:
    item = report()
    item["attributes"].update(
        state=state,
        triaged_at="2021-08-11T10:00:00.000Z",
        closed_at="2021-09-01T10:00:00.000Z",
        disclosed_at="2021-10-01T10:00:00.000Z",
    )
    target = Target("demo", "USD", frozenset(), may_publish=may_publish)
    result = read(item, target=target)
    assert result.findings[0].front.get("disclose_on") == disclose_on
    assert any(p.field == "disclose_on" for p in result.problems)


def test_an_undisclosed_report_gets_no_disclose_on() -> None:
    assert "disclose_on" not in front(report())


def test_the_report_text_is_redacted_and_cannot_break_out() -> None:
    item = report()
    item["attributes"]["vulnerability_information"] = (
        "Step 1: the payload.\n:::\nLEAKED if the section closed early\n::: redacted x\n::::"
    )
    [finding] = read(item).findings
    assert redaction_issues(finding.body) == []
    public = redact(finding.body)
    assert "payload" not in public
    assert "LEAKED" not in public
    assert public.startswith(
        "Imported from [HackerOne report 1297733](https://hackerone.com/reports/1297733)."
    )


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda r: r["attributes"].update(title=""), "title", "the report has no title"),
        (lambda r: r["attributes"].pop("created_at"), "submitted", "the report has no created_at"),
        (
            lambda r: r["attributes"].update(created_at="10/08/2021"),
            "submitted",
            "created_at '10/08/2021' is not an ISO 8601 timestamp",
        ),
        (
            lambda r: r["attributes"].update(state="archived"),
            "status",
            "unknown HackerOne state 'archived'",
        ),
        (
            lambda r: r["relationships"]["severity"]["data"]["attributes"].update(rating="p1"),
            "severity",
            "unknown HackerOne severity rating 'p1'",
        ),
        (lambda r: r.update(id="../1"), "id", "report id '../1' is not a number"),
    ],
)
def test_bad_reports_are_errors_with_their_field(change: Any, field: str, message: str) -> None:
    item = report()
    change(item)
    result = read(report("hackerone-report-with-bounty.json"), item)
    [problem] = [p for p in result.problems if p.is_error]
    assert (problem.position, problem.field) == ("data[1]", field)
    assert problem.message.startswith(message)
    assert [f.id for f in result.findings] == ["H1-1295856"]


def test_json_that_is_not_a_report_response_is_refused() -> None:
    result = read_hackerone({"data": [{"type": "user"}]}, TARGET)
    [problem] = result.problems
    assert (problem.position, problem.message) == ("file", "not a HackerOne report response")
