"""From parsed issue-form fields to a validated Submission, checked against the current
content, with one message per field that a hunter can act on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from submissions_schema import CONSENTS, HAZARD_CHOICES, Submission

from ..content.entries import Content, ProgramEntry
from ..content.publish import program_is_listed
from ..content.taxonomy import TAXONOMY
from ..content.types import SEVERITIES
from .forms import LABELS as FORM_LABELS
from .forms import threshold_label

_HANDLE = re.compile(r"^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$")
_TITLE_PREFIX = re.compile(r"^\s*\[[a-z0-9-]+\]\s*")
# How messages name the fields: by the form's labels, and the title.
LABELS = {**FORM_LABELS, "title": "Title"}


@dataclass(frozen=True)
class SubmissionProblem:
    field: str
    message: str

    @property
    def label(self) -> str:
        return LABELS.get(self.field, self.field)


@dataclass(frozen=True)
class Intake:
    submission: Submission | None
    problems: list[SubmissionProblem]
    program: ProgramEntry | None = None


def build_submission(
    values: dict[str, Any], *, title: str, content: Content, author: str, as_of: date
) -> Intake:
    """Validate parsed fields (the @github/issue-parser shape) into a Submission."""
    problems: list[SubmissionProblem] = []

    def problem(field: str, message: str) -> None:
        problems.append(SubmissionProblem(field, message))

    program = _program(values, content, problem)
    if program is not None:
        _program_open(program, author, as_of, problem)
    data: dict[str, Any] = {"program": program.slug if program else None}
    data["title"] = _TITLE_PREFIX.sub("", title or "").strip()
    if not data["title"]:
        problem("title", "Give the issue a short, public-safe title after the [program] prefix.")
    categories = (program.program.categories if program else None) or list(TAXONOMY)
    data["category"] = _choice(
        values, "category", {TAXONOMY[k].label: k for k in categories}, problem
    )
    ratings = program.program.rewards.rated_ratings() if program else SEVERITIES
    data["severity"] = _choice(values, "severity", {r: r for r in ratings}, problem)
    targets = {t.name: t.name for t in program.program.targets} if program else {}
    data["target"] = _choice(values, "target", targets, problem) if program else None
    for field in ("target_version", "summary", "reproduction", "impact"):
        data[field] = _text(values, field, problem)
    data["hazardous_details"] = _choice(
        values, "hazardous_details", {v: k for k, v in HAZARD_CHOICES.items()}, problem
    )
    data.update(_threshold(values, program, data.get("category"), problem))
    data["credit"] = _credit(values, problem)
    data["consents"] = _consents(values, problem)
    if problems:
        return Intake(None, problems, program)
    try:
        return Intake(Submission.model_validate(data), [], program)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            field = str(detail["loc"][0]) if detail["loc"] else "submission"
            problem(field, f"{LABELS.get(field, field)}: {detail['msg']}")
        return Intake(None, problems, program)


def _program(values: dict[str, Any], content: Content, problem: Any) -> ProgramEntry | None:
    chosen = _first(values.get("program"))
    if not chosen:
        problem("program", "Choose the program this finding is for.")
        return None
    for entry in content.programs.values():
        if chosen in (entry.program.name, entry.slug) and program_is_listed(entry):
            return entry
    problem(
        "program",
        f"There is no program called '{chosen}'. Use the Submit button on the "
        "program's page so the right form is used.",
    )
    return None


def _program_open(entry: ProgramEntry, author: str, as_of: date, problem: Any) -> None:
    program = entry.program
    if program.status == "paused" and program.pause:
        problem(
            "program",
            f"{program.name} is paused since {program.pause.since}: "
            f"{program.pause.reason} New submissions are not accepted until it reopens.",
        )
    elif program.status != "open":
        problem("program", f"{program.name} is {program.status} and does not accept submissions.")
    elif program.duration.end and program.duration.end < as_of:
        problem("program", f"{program.name} ended on {program.duration.end}.")
    elif program.is_gated and not _invited(entry, author, as_of):
        # Never reveal who is invited: the same answer for everyone who is not.
        problem(
            "program",
            f"{program.name} accepts submissions only from invited or approved hunters. See "
            "the program's page for how to apply.",
        )


def _invited(entry: ProgramEntry, author: str, as_of: date) -> bool:
    invited = entry.invitations.invited if entry.invitations else []
    return any(i.hunter.lower() == author.lower() and i.active(as_of) for i in invited)


def _choice(
    values: dict[str, Any], field: str, choices: dict[str, str], problem: Any
) -> str | None:
    chosen = _first(values.get(field))
    if not chosen:
        problem(field, f"Choose a {LABELS[field].lower()}.")
        return None
    if chosen not in choices:
        problem(field, f"'{chosen}' is not a choice here; use one of: {', '.join(choices)}.")
        return None
    return choices[chosen]


def _text(values: dict[str, Any], field: str, problem: Any) -> str | None:
    text = values.get(field)
    if not isinstance(text, str) or not text.strip():
        problem(field, f"{LABELS[field]} is required.")
        return None
    return text.strip()


def _threshold(
    values: dict[str, Any], program: ProgramEntry | None, category: str | None, problem: Any
) -> dict[str, Any]:
    """Evals-based programs: a dangerous-capability claim names a threshold it really crosses."""
    if program is None or program.program.model != "evals-based":
        return {}
    thresholds = {threshold_label(t): t for t in program.program.thresholds}
    chosen = _first(values.get("threshold"))
    threshold = thresholds.get(chosen or "")
    if threshold is None:
        if category == "dangerous-capability":
            problem("threshold", "Choose the threshold this finding crosses.")
        return {}
    raw = values.get("measured")
    try:
        measured = float(str(raw).strip().rstrip("%"))
    except ValueError:
        problem("measured", f"'{raw}' is not a number; write the measured value, e.g. 71.")
        return {}
    evidence = values.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        problem("evidence", "Name the evidence (eval log or transcript) you sent privately.")
        return {}
    if not threshold.crossed_by(measured):
        word = "above" if threshold.direction == "above" else "below"
        problem(
            "measured",
            f"{measured:g} does not cross '{threshold.id}': it must be {word} "
            f"{threshold.value:g} ({threshold.metric}).",
        )
        return {}
    return {"threshold": threshold.id, "measured": measured, "evidence": evidence.strip()}


def _credit(values: dict[str, Any], problem: Any) -> str | None:
    text = values.get("credit")
    if not isinstance(text, str) or text.strip().lower() in ("", "anonymous", "none"):
        return None
    match = _HANDLE.match(text.strip())
    if not match:
        problem(
            "credit", f"'{text.strip()}' is not a GitHub handle; write your handle or 'anonymous'."
        )
        return None
    return match.group(1)


def _consents(values: dict[str, Any], problem: Any) -> list[str]:
    box = values.get("consents")
    selected = box.get("selected", []) if isinstance(box, dict) else []
    keys = [key for key, text in CONSENTS.items() if text in selected]
    missing = [text for key, text in CONSENTS.items() if key not in keys]
    if missing:
        problem("consents", "Tick every consent box: " + "; ".join(f"'{m}'" for m in missing) + ".")
    return keys


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        return value[0].strip() if value else None
    if isinstance(value, str):
        return value.strip() or None
    return None
