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

import copy
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .entries import Content, Entry, FindingEntry, ProgramEntry, RulesEntry, Source
from .finding import Finding
from .messages import problems_from_validation
from .problems import Level, Problem
from .program import FORMAT_VERSION, Program
from .read_files import ReadFile, front_text, read_many
from .records import Challenge, Hunter, Invitations, Policy, RulesPage, Settings
from .upgrade import needs_upgrade, upgrade_program, upgrade_settings
from .yamlio import YamlDocument

CONTENT_DIR = "programs"
SETTINGS_FILE = "site.yml"
POLICIES_DIR = "_policies"
HUNTERS_DIR = "_hunters"
CHALLENGES_DIR = "_challenges"
PROGRAM_FILES = ("program.yml", "rules.md", "invitations.yml", "findings")

M = TypeVar("M", bound=BaseModel)


@dataclass
class _Plan:
    """Every content file found, in a stable order, before any is read."""

    settings: str | None = None
    collections: dict[str, list[str]] = field(default_factory=dict)
    programs: dict[str, dict[str, str]] = field(default_factory=dict)
    findings: dict[str, list[str]] = field(default_factory=dict)


class Loader:
    """Loads one content root; `problems` collects everything wrong, nothing stops early."""

    def __init__(self, root: Path):
        self.root = root
        self.prefix = os.path.join(str(root), "")
        self.base = os.path.join(self.prefix, CONTENT_DIR)
        self.problems: list[Problem] = []
        self.read: dict[str, ReadFile] = {}

    def load(self) -> Content:
        plan = self._discover()
        wanted = [plan.settings] if plan.settings else []
        wanted += [p for paths in plan.collections.values() for p in paths]
        for files in plan.programs.values():
            wanted += [
                files[name]
                for name in ("program.yml", "rules.md", "invitations.yml")
                if name in files
            ]
        wanted += [p for paths in plan.findings.values() for p in paths]
        items = [(p, self._display(p), p.endswith(".md")) for p in wanted]
        self.read = {r.path: r for r in read_many(items)}
        return self._build(plan)

    def _build(self, plan: _Plan) -> Content:
        content = Content(root=str(self.root))
        if plan.settings:
            loaded = self._record(plan.settings, Settings, upgrade_settings)
            if loaded:
                content.settings, content.settings_source = loaded
        else:
            self._report(
                os.path.join(self.base, SETTINGS_FILE),
                "missing site settings file",
                hint="create programs/site.yml (see docs/content-reference.md)",
            )
        content.policies = self._collection(plan, POLICIES_DIR, Policy, "policy", content)
        content.hunters = self._collection(plan, HUNTERS_DIR, Hunter, "hunter", content)
        content.challenges = self._collection(plan, CHALLENGES_DIR, Challenge, "challenge", content)
        for slug, files in plan.programs.items():
            self._program(slug, files, content)
        for slug, paths in plan.findings.items():
            for path in paths:
                record = self._record(path, Finding)
                if record:
                    content.findings.append(FindingEntry(slug, *record))
                else:
                    content.invalid.add(("finding", _stem(path)))
        return content

    def _discover(self) -> _Plan:
        plan = _Plan()
        if not _inside(self.base, str(self.root)):
            self._report(
                self.base,
                f"{CONTENT_DIR}/ is a link to a folder outside the repository; nothing was read",
                hint="keep the content in the repository itself",
            )
            return plan
        for entry in self._entries(self.base):
            if entry.is_dir():
                if entry.name in (POLICIES_DIR, HUNTERS_DIR, CHALLENGES_DIR):
                    plan.collections[entry.name] = self._files(
                        entry.path, ".yml", "records here are .yml files"
                    )
                elif not entry.name.startswith(("_", ".")):
                    self._discover_program(entry.path, entry.name, plan)
                else:
                    self._stray(entry.path)
            elif entry.name == SETTINGS_FILE:
                plan.settings = entry.path
            else:
                self._stray(entry.path)
        return plan

    def _discover_program(self, folder: str, slug: str, plan: _Plan) -> None:
        files = {}
        findings = None
        for entry in self._entries(folder):
            if entry.name == "findings" and entry.is_dir():
                findings = entry.path
            elif entry.name in PROGRAM_FILES and entry.is_file():
                files[entry.name] = entry.path
            else:
                self._stray(entry.path)
        plan.programs[slug] = files
        if findings is not None:
            plan.findings[slug] = self._files(
                findings, ".md", "findings are Markdown files: <id>.md"
            )

    def _files(self, folder: str, suffix: str, stray_hint: str) -> list[str]:
        """The folder's files ending in `suffix`; anything else is reported as stray."""
        found = []
        for entry in self._entries(folder):
            if entry.name.endswith(suffix) and entry.is_file():
                found.append(entry.path)
            else:
                self._stray(entry.path, hint=stray_hint)
        return found

    def _collection(
        self, plan: _Plan, name: str, model: type[M], kind: str, content: Content
    ) -> dict[str, Entry[M]]:
        entries: dict[str, Entry[M]] = {}
        for path in plan.collections.get(name, []):
            loaded = self._record(path, model)
            if loaded:
                entries[_stem(path)] = Entry(_stem(path), *loaded)
            else:
                content.invalid.add((kind, _stem(path)))
        return entries

    def _program(self, slug: str, files: dict[str, str], content: Content) -> None:
        if "program.yml" not in files:
            folder = os.path.join(self.base, slug)
            self._report(
                folder,
                "program folder has no program.yml",
                hint=f"add {self._display(os.path.join(folder, 'program.yml'))} or "
                "remove the folder",
            )
            return
        loaded = self._record(files["program.yml"], Program, upgrade_program)
        rules = self._record(files["rules.md"], RulesPage) if "rules.md" in files else None
        invitations = None
        if "invitations.yml" in files:
            invitations = self._record(files["invitations.yml"], Invitations)
        if not loaded:
            content.invalid.add(("program", slug))
            return
        content.programs[slug] = ProgramEntry(
            slug=slug,
            program=loaded[0],
            source=loaded[1],
            rules=RulesEntry(*rules) if rules else None,
            invitations=invitations[0] if invitations else None,
            invitations_source=invitations[1] if invitations else None,
        )

    def _record(
        self,
        path: str,
        model: type[M],
        upgrade: Callable[[dict[str, Any]], None] | None = None,
    ) -> tuple[M, Source] | None:
        read = self.read[path]
        if read.problem:
            self.problems.append(read.problem)
            return None
        data = read.data
        if upgrade is not None and needs_upgrade(data):
            data = copy.deepcopy(data)
            upgrade(data)
            self.problems.append(
                Problem(
                    read.display,
                    1,
                    1,
                    f"written in content format 1; read as format {FORMAT_VERSION}",
                    field="format",
                    hint="run `bounties upgrade` to rewrite it (comments are kept); format 1 is "
                    "read until the next major version",
                    level=Level.NOTICE,
                )
            )
        offset = 1 if read.markdown else 0
        doc = YamlDocument(
            data=read.data,
            text=None,
            file=read.display,
            line_offset=offset,
            reread=functools.partial(front_text, path, read.markdown),
        )
        try:
            record = model.model_validate(data if data is not None else {})
        except ValidationError as error:
            self.problems.extend(problems_from_validation(error, doc, model))
            return None
        return record, Source(read.display, doc, read.body, read.body_line, read.marked)

    def _entries(self, folder: str) -> list[os.DirEntry[str]]:
        """The folder's entries, symbolic links left out with an error: a link can publish a
        file from anywhere (another program's invitations, a file outside the repository)."""
        kept = []
        for entry in _listing(folder):
            if entry.is_symlink():
                self._report(
                    entry.path,
                    "symbolic links are not followed in content; this one was not read",
                    hint="copy the file here instead",
                )
            else:
                kept.append(entry)
        return kept

    def _stray(self, path: str, hint: str = "") -> None:
        name = os.path.basename(path)
        if name.startswith(".") or name == "README.md":
            return
        self._report(path, "not a content file here; it is ignored", hint=hint, level=Level.WARNING)

    def _report(self, path: str, message: str, hint: str = "", level: Level = Level.ERROR) -> None:
        self.problems.append(Problem(self._display(path), 0, 0, message, hint=hint, level=level))

    def _display(self, path: str) -> str:
        """Path relative to the root, with forward slashes, as shown in every message."""
        relative = path[len(self.prefix) :] if path.startswith(self.prefix) else path
        return relative.replace(os.sep, "/")


def _listing(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: entry.name)


def _inside(path: str, root: str) -> bool:
    """Whether `path`, with every link followed, lies within `root`."""
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    return real == real_root or real.startswith(os.path.join(real_root, ""))


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def load_content(root: Path) -> tuple[Content, list[Problem]]:
    """Load and validate each file under root/programs; cross-file rules are in checks.py."""
    loader = Loader(root)
    content = loader.load()
    return content, loader.problems
