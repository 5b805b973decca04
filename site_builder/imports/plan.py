"""What an import would write: one file per finding, created or (with `--update`) replaced,
refused when that would overwrite a file unasked or reuse another program's id; and the
problems of the would-be tree traced back to the input records that caused them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..content.entries import Content
from ..content.problems import Problem
from .files import finding_path, finding_text
from .records import ImportedFinding, ImportProblem

Action = Literal["create", "update", "unchanged"]


@dataclass(frozen=True)
class PlannedFile:
    finding: ImportedFinding
    path: str  # relative to the content root, forward slashes
    text: str
    action: Action


def plan_files(
    root: Path, content: Content, slug: str, findings: list[ImportedFinding], update: bool
) -> tuple[list[PlannedFile], list[ImportProblem]]:
    elsewhere = {f.id: f.source.path for f in content.findings if f.program_slug != slug}
    planned: list[PlannedFile] = []
    problems: list[ImportProblem] = []
    seen: dict[str, str] = {}
    for finding in findings:
        if finding.id in seen:
            message = f"id {finding.id} is also at {seen[finding.id]}"
            problems.append(_refused(finding, message, "ids are unique; keep one record each"))
            continue
        seen[finding.id] = finding.position
        if finding.id in elsewhere:
            message = f"id {finding.id} is already used by {elsewhere[finding.id]}"
            problems.append(_refused(finding, message, "ids are unique across all programs"))
            continue
        path, text = finding_path(slug, finding.id), finding_text(finding)
        existing = root / path
        if not existing.exists():
            planned.append(PlannedFile(finding, path, text, "create"))
        elif update:
            same = existing.read_text(encoding="utf-8") == text
            planned.append(PlannedFile(finding, path, text, "unchanged" if same else "update"))
        else:
            hint = "pass --update to replace it, losing any edits made to it since, or leave "
            problems.append(_refused(finding, f"{path} already exists", hint + "this record out"))
    return planned, problems


def _refused(finding: ImportedFinding, message: str, hint: str) -> ImportProblem:
    return ImportProblem(finding.position, message, record=finding.id, field="id", hint=hint)


def traced(problems: list[Problem], planned: list[PlannedFile]) -> list[ImportProblem]:
    """Problems of the would-be tree as problems of the input records whose files they are in.
    Errors in other files (a rule spanning files) keep their own path; warnings there were
    there before (the content was valid), so they are left out."""
    by_path = {p.path: p for p in planned}
    out = []
    for problem in problems:
        file = by_path.get(problem.file)
        if file is None and problem.is_error:
            out.append(
                ImportProblem(
                    f"{problem.file}:{max(problem.line, 1)}",
                    f"{problem.message} (with the imported findings)",
                    field=problem.field,
                    hint=problem.hint,
                    level=problem.level,
                )
            )
            continue
        if file is None:
            continue
        field = problem.field or ("write-up" if problem.line > _front_lines(file.text) else "")
        out.append(
            ImportProblem(
                file.finding.position,
                problem.message,
                record=file.finding.id,
                field=field,
                hint=problem.hint,
                level=problem.level,
            )
        )
    return out


def _front_lines(text: str) -> int:
    """Lines up to and including the `---` that closes the front matter."""
    lines = text.split("\n")
    return lines.index("---", 1) + 1 if "---" in lines[1:] else len(lines)
