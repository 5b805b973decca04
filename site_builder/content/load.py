"""Read the files under programs/ into validated records, collecting every problem.

Layout (documented in docs/content-reference.md):

    programs/site.yml                     site-wide settings
    programs/_policies/<id>.yml           disclosure policies
    programs/_hunters/<handle>.yml        hunter profiles
    programs/_challenges/<id>.yml         featured challenges posted elsewhere
    programs/<slug>/program.yml           a program
    programs/<slug>/rules.md              its rules (front matter + Markdown)
    programs/<slug>/invitations.yml       who is invited (invite-only programs; never published)
    programs/<slug>/findings/<id>.md      its findings (front matter + Markdown)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .entries import Content, Entry, FindingEntry, ProgramEntry, RulesEntry, Source
from .finding import Finding
from .messages import problems_from_validation
from .problems import Level, Problem
from .program import Program
from .records import Challenge, Hunter, Invitations, Policy, RulesPage, Settings
from .yamlio import MAX_FILE_BYTES, YamlDocument, YamlProblem, parse_yaml, problem_from

CONTENT_DIR = "programs"
SETTINGS_FILE = "site.yml"
POLICIES_DIR = "_policies"
HUNTERS_DIR = "_hunters"
CHALLENGES_DIR = "_challenges"

M = TypeVar("M", bound=BaseModel)


class Loader:
    """Loads one content root; `problems` collects everything wrong, nothing stops early."""

    def __init__(self, root: Path):
        self.root = root
        self.base = root / CONTENT_DIR
        self.problems: list[Problem] = []

    def load(self) -> Content:
        content = Content(root=str(self.root))
        settings_path = self.base / SETTINGS_FILE
        if settings_path.is_file():
            loaded = self._yaml_record(settings_path, Settings)
            if loaded:
                content.settings, content.settings_source = loaded
        else:
            self._report(
                settings_path,
                0,
                "missing site settings file",
                hint="create programs/site.yml (see docs/content-reference.md)",
            )
        content.policies = self._collection(POLICIES_DIR, Policy, "policy", content)
        content.hunters = self._collection(HUNTERS_DIR, Hunter, "hunter", content)
        content.challenges = self._collection(CHALLENGES_DIR, Challenge, "challenge", content)
        for folder in sorted(self.base.iterdir()):
            if folder.is_dir() and not folder.name.startswith(("_", ".")):
                self._program(folder, content)
            elif folder.is_file() and folder.name not in (SETTINGS_FILE, "README.md"):
                self._stray(folder)
        return content

    def _collection(
        self, name: str, model: type[M], kind: str, content: Content
    ) -> dict[str, Entry[M]]:
        folder = self.base / name
        entries: dict[str, Entry[M]] = {}
        if not folder.is_dir():
            return entries
        for path in sorted(folder.iterdir()):
            if path.suffix != ".yml" or not path.is_file():
                self._stray(path, hint="records here are .yml files")
                continue
            loaded = self._yaml_record(path, model)
            if loaded:
                entries[path.stem] = Entry(path.stem, *loaded)
            else:
                content.invalid.add((kind, path.stem))
        return entries

    def _program(self, folder: Path, content: Content) -> None:
        program_path = folder / "program.yml"
        if not program_path.is_file():
            self._report(
                folder,
                0,
                "program folder has no program.yml",
                hint=f"add {self._display(program_path)} or remove the folder",
            )
            return
        loaded = self._yaml_record(program_path, Program)
        rules = self._markdown_record(folder / "rules.md", RulesPage)
        invitations = None
        if (folder / "invitations.yml").is_file():
            invitations = self._yaml_record(folder / "invitations.yml", Invitations)
        if loaded:
            program, source = loaded
            content.programs[folder.name] = ProgramEntry(
                slug=folder.name,
                program=program,
                source=source,
                rules=RulesEntry(*rules) if rules else None,
                invitations=invitations[0] if invitations else None,
                invitations_source=invitations[1] if invitations else None,
            )
        else:
            content.invalid.add(("program", folder.name))
        for path in sorted(folder.iterdir()):
            if path.name not in ("program.yml", "rules.md", "invitations.yml", "findings"):
                self._stray(path)
        findings_dir = folder / "findings"
        if findings_dir.is_dir():
            for path in sorted(findings_dir.iterdir()):
                if path.suffix != ".md" or not path.is_file():
                    self._stray(path, hint="findings are Markdown files: <id>.md")
                    continue
                record = self._markdown_record(path, Finding)
                if record:
                    content.findings.append(FindingEntry(folder.name, *record))
                else:
                    content.invalid.add(("finding", path.stem))

    def _yaml_record(self, path: Path, model: type[M]) -> tuple[M, Source] | None:
        text = self._read(path)
        if text is None:
            return None
        display = self._display(path)
        doc = self._parse(text, display, 0)
        if doc is None:
            return None
        source = Source(display, doc)
        return self._validate(model, doc, source)

    def _markdown_record(self, path: Path, model: type[M]) -> tuple[M, Source] | None:
        if not path.is_file():
            return None
        text = self._read(path)
        if text is None:
            return None
        display = self._display(path)
        split = split_front_matter(text)
        if split is None:
            opened = text.startswith("---")
            message = (
                "front matter is not closed by a '---' line"
                if opened
                else "file must start with YAML front matter between '---' lines"
            )
            self._report(
                path, 1, message, hint="put '---' on the first line, the fields, then '---'"
            )
            return None
        front, body, body_line = split
        doc = self._parse(front, display, 1)
        if doc is None:
            return None
        return self._validate(model, doc, Source(display, doc, body, body_line))

    def _validate(
        self, model: type[M], doc: YamlDocument, source: Source
    ) -> tuple[M, Source] | None:
        data: Any = doc.data if doc.data is not None else {}
        try:
            record = model.model_validate(data)
        except ValidationError as error:
            self.problems.extend(problems_from_validation(error, doc, model))
            return None
        return record, source

    def _parse(self, text: str, display: str, line_offset: int) -> YamlDocument | None:
        try:
            return parse_yaml(text, display, line_offset)
        except YamlProblem as problem:
            self.problems.append(problem_from(problem, display))
            return None

    def _read(self, path: Path) -> str | None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self._report(path, 0, f"cannot read file: {exc.strerror}")
            return None
        if len(raw) > MAX_FILE_BYTES:
            self._report(
                path,
                0,
                f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}",
                hint="split it, or move large evidence elsewhere and link to it",
            )
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self._report(path, line, "file is not valid UTF-8", hint="save it as UTF-8")
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def _stray(self, path: Path, hint: str = "") -> None:
        if path.name.startswith(".") or path.name == "README.md":
            return
        self._report(
            path, 0, "not a content file here; it is ignored", hint=hint, level=Level.WARNING
        )

    def _report(
        self, path: Path, line: int, message: str, hint: str = "", level: Level = Level.ERROR
    ) -> None:
        self.problems.append(Problem(self._display(path), line, 0, message, hint=hint, level=level))

    def _display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, 1-based line where the body starts), or None without front matter."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            front = "\n".join(lines[1:index]) + "\n"
            return front, "\n".join(lines[index + 1 :]), index + 2
    return None


def load_content(root: Path) -> tuple[Content, list[Problem]]:
    """Load and validate each file under root/programs; cross-file rules are in checks.py."""
    loader = Loader(root)
    content = loader.load()
    return content, loader.problems
