"""HackerOne's report JSON (API v1, JSON:API with relationships inlined) as imported findings.

Accepts one report (`{"data": {...}}` or the bare `{"id": ..., "type": "report", ...}`) or a
list (`{"data": [...]}`). Every mapping decision is in docs/import.md; in short, nothing is
guessed in the hunter's or the public's disfavour: the report's text goes into a redacted
section, an unknown reporter stays anonymous, and only a report HackerOne disclosed gets a
`disclose_on` (and only when it may be published here at all)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from ..content.finding import PUBLISHABLE_STATUSES
from ..content.problems import Level
from ..content.types import SEVERITIES
from .files import notes_section, private_section
from .ids import hackerone_id
from .records import ImportedFinding, ImportProblem, ImportResult, Target

# HackerOne state -> our status (before the bounty rule in `_status`).
STATES: dict[str, str] = {
    "new": "new",
    "pending-program-review": "new",
    "needs-more-info": "new",  # "triaged" when it was triaged before the question
    "triaged": "triaged",
    "retesting": "triaged",
    "resolved": "fixed",
    "duplicate": "rejected",  # the original is not in the report; see docs/import.md
    "not-applicable": "rejected",
    "informative": "rejected",
    "spam": "rejected",
}
# CWE ids with an obvious category here; anything else is `other`, with a note.
CWE_CATEGORIES: dict[str, str] = {
    "cwe-1427": "prompt-injection",  # Improper Neutralization of Input Used for LLM Prompting
    "cwe-1426": "output-handling",  # Improper Validation of Generative AI Output
    "cwe-1039": "adversarial-input",  # inadequate handling of adversarial input perturbations
    "cwe-400": "unbounded-consumption",  # Uncontrolled Resource Consumption
    "cwe-770": "unbounded-consumption",  # Allocation of Resources Without Limits or Throttling
    "cwe-359": "privacy",  # Exposure of Private Personal Information
    "cwe-1395": "supply-chain",  # Dependency on Vulnerable Third-Party Component
}
# Words in a weakness name (HackerOne lists the OWASP LLM Top 10 by name) -> category.
WEAKNESS_WORDS: tuple[tuple[str, str], ...] = (
    ("system prompt leak", "system-prompt-leakage"),
    ("prompt injection", "prompt-injection"),
    ("jailbreak", "jailbreak"),
    ("output handling", "output-handling"),
    ("poisoning", "data-poisoning"),
    ("model denial of service", "unbounded-consumption"),
    ("unbounded consumption", "unbounded-consumption"),
    ("model theft", "model-extraction"),
    ("model extraction", "model-extraction"),
    ("excessive agency", "agent-misbehaviour"),
    ("sensitive information disclosure", "data-leakage"),
    ("misinformation", "misinformation"),
    ("vector and embedding", "embedding-weakness"),
    ("supply chain", "supply-chain"),
)
_REPORT_ID = re.compile(r"[0-9]{1,20}")


def is_hackerone(data: Any) -> bool:
    """Whether parsed JSON has the shape of a HackerOne report response."""
    if not isinstance(data, dict):
        return False
    inner = data.get("data")
    if isinstance(inner, list):
        return all(isinstance(item, dict) and item.get("type") == "report" for item in inner)
    if isinstance(inner, dict):
        return inner.get("type") == "report"
    return data.get("type") == "report"


def read_hackerone(data: Any, target: Target) -> ImportResult:
    result = ImportResult()
    if not is_hackerone(data):
        result.problems.append(
            ImportProblem(
                "file",
                "not a HackerOne report response",
                hint='expected {"data": [reports]}, {"data": report} or a report '
                '{"id": ..., "type": "report", "attributes": ...}',
            )
        )
        return result
    for position, report in _reports(data):
        _Report(report, position, target).read_into(result)
    return result


def _reports(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(position in the input, report) for each report of a response."""
    inner = data.get("data")
    if isinstance(inner, list):
        return [(f"data[{index}]", report) for index, report in enumerate(inner)]
    if isinstance(inner, dict):
        return [("data", inner)]
    return [("report", data)]


class _Report:
    """One report being mapped; problems and notes collect as its fields are read."""

    def __init__(self, raw: dict[str, Any], position: str, target: Target):
        self.raw, self.position, self.target = raw, position, target
        attributes = raw.get("attributes")
        self.attributes: dict[str, Any] = attributes if isinstance(attributes, dict) else {}
        self.report_id = str(raw.get("id", ""))
        self.id = hackerone_id(self.report_id) if _REPORT_ID.fullmatch(self.report_id) else ""
        self.problems: list[ImportProblem] = []
        self.notes: list[str] = []

    def read_into(self, result: ImportResult) -> None:
        if not self.id:
            self.error("id", f"report id '{self.report_id}' is not a number")
            result.problems += self.problems
            return
        front = self.front_matter()
        result.problems += self.problems
        if not any(p.is_error for p in self.problems):
            result.findings.append(ImportedFinding(self.id, self.position, front, self.body()))

    def front_matter(self) -> dict[str, Any]:
        title = self.attributes.get("title")
        if not isinstance(title, str) or not title.strip():
            self.error("title", "the report has no title")
        submitted = self.day("created_at", "submitted")
        if self.attributes.get("created_at") is None:
            self.error("submitted", "the report has no created_at date")
        reward = _reward(self)
        status = _status(self, reward)
        front: dict[str, Any] = {
            "id": self.id,
            "title": title.strip() if isinstance(title, str) else title,
            "severity": _severity(self),
            "category": _category(self),
            "status": status,
            "hunters": _hunters(self),
            "submitted": submitted,
        }
        front.update(_dates(self, status, reward))
        front["reward"] = reward
        return front

    def body(self) -> str:
        """A public line naming the source; the report's text and the notes, redacted."""
        link = f"https://hackerone.com/reports/{self.report_id}"
        parts = [f"Imported from [HackerOne report {self.report_id}]({link})."]
        text = self.attributes.get("vulnerability_information")
        if isinstance(text, str) and text.strip():
            parts.append(private_section("Report text imported from HackerOne", text))
        if self.notes:
            parts.append(notes_section(self.notes))
        return "\n\n".join(parts)

    def related(self, name: str) -> dict[str, Any]:
        """The attributes of an inlined relationship, or {} when it is missing."""
        relationships = self.raw.get("relationships")
        relation = relationships.get(name) if isinstance(relationships, dict) else None
        data = relation.get("data") if isinstance(relation, dict) else None
        attributes = data.get("attributes") if isinstance(data, dict) else None
        return attributes if isinstance(attributes, dict) else {}

    def day(self, attribute: str, field: str) -> date | None:
        """A timestamp as its day in UTC; None when absent, with an error when unreadable."""
        value = self.attributes.get(attribute)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            self.error(field, f"{attribute} '{value}' is not an ISO 8601 timestamp")
            return None
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).date()

    def error(self, field: str, message: str, hint: str = "") -> None:
        self.problems.append(ImportProblem(self.position, message, self.id, field, hint))

    def note(self, field: str, message: str, hint: str = "") -> None:
        """A decision the organizer should look at: a warning now, and a note in the file."""
        self.problems.append(
            ImportProblem(self.position, message, self.id, field, hint, level=Level.WARNING)
        )
        self.notes.append(f"{field}: {message}" + (f" ({hint})" if hint else ""))


def _severity(report: _Report) -> str:
    rating = report.related("severity").get("rating")
    if rating in SEVERITIES:
        return str(rating)
    if rating is None or rating == "none":
        what = "no severity rating" if rating is None else "the rating 'none'"
        report.note("severity", f"HackerOne gives {what}; recorded as low", hint="confirm it")
        return "low"
    report.error(
        "severity",
        f"unknown HackerOne severity rating '{rating}'",
        hint="ratings: none, low, medium, high, critical",
    )
    return "low"


def _status(report: _Report, reward: int) -> str:
    state = report.attributes.get("state")
    if state not in STATES:
        hint = f"known: {', '.join(STATES)}"
        report.error("status", f"unknown HackerOne state '{state}'", hint=hint)
        return "new"
    status = STATES[str(state)]
    if state == "needs-more-info" and report.attributes.get("triaged_at"):
        status = "triaged"
    if state == "duplicate":
        report.note(
            "status",
            "closed as a duplicate on HackerOne; recorded as rejected",
            hint="if the original is recorded here, set status: duplicate and duplicate_of",
        )
    if reward and status in ("new", "triaged"):
        report.note(
            "status",
            f"HackerOne state is {state} but a bounty was paid; recorded as accepted",
        )
        status = "accepted"
    return status


def _dates(report: _Report, status: str, reward: int) -> dict[str, date]:
    """The lifecycle dates our status needs, from HackerOne's timestamps."""
    first_response = report.day("first_program_activity_at", "first_response")
    triaged = report.day("triaged_at", "triaged")
    awarded = report.day("bounty_awarded_at", "rewarded")
    closed = report.day("closed_at", "fixed")
    dates = {"first_response": first_response, "triaged": triaged}
    if status in ("accepted", "fixed"):
        # HackerOne's triage is its validation; without one, the earliest sign of acceptance.
        dates["accepted"] = triaged or min((d for d in (awarded, closed) if d), default=None)
    if status == "fixed":
        dates["fixed"] = closed
    if reward:
        dates["rewarded"] = awarded
    dates["disclose_on"] = _disclosure(report, status)
    return {key: value for key, value in dates.items() if value is not None}


def _disclosure(report: _Report, status: str) -> date | None:
    disclosed = report.day("disclosed_at", "disclose_on")
    if disclosed is None:
        return None
    if status in PUBLISHABLE_STATUSES and report.target.may_publish:
        report.note(
            "disclose_on",
            f"disclosed on HackerOne on {disclosed}: published here from that day",
            hint="the report's text stays redacted; unwrap what may be public",
        )
        return disclosed
    report.note(
        "disclose_on",
        f"disclosed on HackerOne on {disclosed}, but a {status} finding of program "
        f"{report.target.slug} is never published here; disclose_on left out",
    )
    return None


def _reward(report: _Report) -> int:
    """The bounties paid (amount and bonus), in the program's currency and whole units."""
    relationships = report.raw.get("relationships")
    bounties = relationships.get("bounties") if isinstance(relationships, dict) else None
    items = bounties.get("data") if isinstance(bounties, dict) else None
    total = Decimal(0)
    for index, bounty in enumerate(items if isinstance(items, list) else []):
        bounty = bounty if isinstance(bounty, dict) else {}
        attributes = bounty.get("attributes")
        attributes = attributes if isinstance(attributes, dict) else {}
        name = f"bounty {bounty.get('id') or index + 1}"
        amount = sum((_money(report, name, attributes, key) for key in _AWARDED), Decimal(0))
        currency = attributes.get("awarded_currency")
        if amount and currency != report.target.currency:
            report.error(
                "reward",
                f"{name} was paid in {currency or 'an unstated currency'}; program "
                f"{report.target.slug} pays in {report.target.currency}",
                hint="convert it and import through the JSON/CSV layout, or record it by hand",
            )
        total += amount
    if total != total.to_integral_value():
        report.error("reward", f"the bounties add up to {total}; rewards here are whole amounts")
    return int(total)


_AWARDED = ("awarded_amount", "awarded_bonus_amount")


def _money(report: _Report, name: str, attributes: dict[str, Any], key: str) -> Decimal:
    value = attributes.get(key)
    if value is None:
        return Decimal(0)
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount < 0 or isinstance(value, bool):
        report.error("reward", f"{name}: {key} '{value}' is not an amount")
        return Decimal(0)
    return amount


def _hunters(report: _Report) -> list[str]:
    username = report.related("reporter").get("username")
    if isinstance(username, str) and username in report.target.hunters:
        return [username]
    who = f"reporter '{username}' has no hunter profile here" if username else "no reporter"
    report.note(
        "hunters",
        f"{who}; recorded as anonymous",
        hint="to credit them, add their profile in programs/_hunters/ and list it in hunters",
    )
    return []


def _category(report: _Report) -> str:
    weakness = report.related("weakness")
    cwe = str(weakness.get("external_id") or "").lower()
    name = str(weakness.get("name") or "")
    if cwe in CWE_CATEGORIES:
        return CWE_CATEGORIES[cwe]
    for words, category in WEAKNESS_WORDS:
        if words in name.lower():
            return category
    described = f"weakness '{name}' ({cwe or 'no CWE'})" if name or cwe else "no weakness"
    report.note("category", f"{described} has no obvious category here; recorded as other")
    return "other"
