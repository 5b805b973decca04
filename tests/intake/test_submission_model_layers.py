"""The submission model (submissions_schema/) is built on the content package's shared types;
the content package never imports it back, so there is no import loop between them."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import REPO_ROOT

SHARED_TYPES = {
    "site_builder.content.base",
    "site_builder.content.taxonomy",
    "site_builder.content.types",
}


def _imported_modules(source: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def test_the_submission_model_uses_only_the_shared_content_types() -> None:
    for path in (REPO_ROOT / "submissions_schema").glob("*.py"):
        ours = {
            module
            for module in _imported_modules(path.read_text(encoding="utf-8"))
            if module.split(".")[0] == "site_builder"
        }
        assert ours <= SHARED_TYPES, f"{path.name} imports {sorted(ours - SHARED_TYPES)}"


def test_the_content_package_never_imports_the_submission_model() -> None:
    paths = sorted((REPO_ROOT / "site_builder" / "content").glob("*.py"))
    for path in paths:  # not even lazily, inside a function
        imported = _imported_modules(path.read_text(encoding="utf-8"))
        assert not {m for m in imported if m.split(".")[0] == "submissions_schema"}, path.name
    # nor through another package
    modules = [f"site_builder.content.{path.stem}" for path in paths]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'submissions_schema'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
