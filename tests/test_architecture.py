"""The architecture, checked from the source: the import graph between packages has no cycle
and follows the declared layers, and no function in site_builder/ grows past 50 lines.

Every import counts, including those inside functions and under `if TYPE_CHECKING:`: a
deferred import is still a dependency. Each test lists every violation at once."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_ROOTS = ("site_builder", "submissions_schema", "benchmarks", "tests")

# The product's packages, lowest layer first. A unit may import units of lower layers only.
# A unit is a top-level package, a subpackage of site_builder or a module directly in it;
# "site_builder" alone is the package's __init__ (its version number).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("site_builder", "site_builder.content"),
    ("site_builder.clock", "submissions_schema", "site_builder.skeleton", "site_builder.synthetic"),
    # imports: other platforms' exports read into finding files; it needs only the content model.
    ("site_builder.scoring", "site_builder.intake", "site_builder.imports"),
    ("site_builder.site", "site_builder.bot"),
    ("site_builder.mkdocs_plugin",),
    ("site_builder.mkdocs_build",),
    ("site_builder.commands",),
    ("site_builder.cli",),
    ("site_builder.__main__",),
)
# Consumers of the product: the product never imports them, and they never import each other.
CONSUMERS = ("benchmarks", "tests")
# submissions_schema shares field types with findings and nothing else of the content model.
NARROW_IMPORTS = {
    "submissions_schema": (
        "site_builder.content.base",
        "site_builder.content.taxonomy",
        "site_builder.content.types",
    ),
}
MAX_FUNCTION_LINES = 50

LAYER_OF = {unit: index for index, layer in enumerate(LAYERS) for unit in layer}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module (or the package a name was imported from)
    line: int

    @property
    def source_unit(self) -> str:
        return unit_of(self.module)

    @property
    def target_unit(self) -> str:
        return unit_of(self.target)

    def __str__(self) -> str:
        return f"{self.module} imports {self.target} (line {self.line})"


def unit_of(module: str) -> str:
    parts = module.split(".")
    if parts[0] != "site_builder" or len(parts) == 1:
        return parts[0]
    return f"site_builder.{parts[1]}"


def module_files() -> dict[str, Path]:
    """Dotted module name -> source file, for every Python file of the source roots."""
    modules = {}
    for root in SOURCE_ROOTS:
        for path in sorted((REPO / root).rglob("*.py")):
            parts = path.relative_to(REPO).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def imports_of(module: str, path: Path, known: set[str]) -> Iterator[Import]:
    """Every import of a project module in the file, with relative imports resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(package, node.module, node.level)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield Import(module, submodule if submodule in known else base, node.lineno)


def _absolute(package: str, name: str | None, level: int) -> str:
    if level == 0:
        return name or ""
    parts = package.split(".")
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, name] if name else base)


def project_imports() -> list[Import]:
    """Imports between different units of this project (the standard library and third-party
    packages left out)."""
    modules = module_files()
    known = set(modules)
    found = []
    for module, path in modules.items():
        for item in imports_of(module, path, known):
            if item.target_unit in SOURCE_ROOTS and item.target_unit != item.source_unit:
                found.append(item)
    return found


def may_import(unit: str) -> str:
    below = [u for layer in LAYERS[: LAYER_OF[unit]] for u in layer]
    return f"it may import only {', '.join(below)}" if below else "it is the lowest layer"


def layer_violation(item: Import) -> str | None:
    source, target = item.source_unit, item.target_unit
    if source in CONSUMERS:
        if target in CONSUMERS:
            return f"{item}: {source} must not import {target} (both only use the product)"
        return None
    if source not in LAYER_OF:
        return f"{item}: {source} is in no layer; add it to LAYERS in tests/test_architecture.py"
    if target in CONSUMERS:
        return f"{item}: the product must not import {target}"
    if target not in LAYER_OF:
        return f"{item}: {target} is in no layer; add it to LAYERS in tests/test_architecture.py"
    if LAYER_OF[target] >= LAYER_OF[source]:
        return f"{item}: {source} must not import {target}; {may_import(source)}"
    narrow = NARROW_IMPORTS.get(source)
    if narrow and target.startswith("site_builder.") and item.target not in narrow:
        return f"{item}: {source} may import only {', '.join(narrow)} of site_builder"
    return None


def unit_graph(imports: list[Import]) -> dict[str, dict[str, Import]]:
    """unit -> imported unit -> the first import that makes the edge."""
    graph: dict[str, dict[str, Import]] = {}
    for item in imports:
        graph.setdefault(item.source_unit, {}).setdefault(item.target_unit, item)
    return graph


def cycles(graph: dict[str, dict[str, Import]]) -> list[list[str]]:
    """The strongly connected components with more than one unit (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(unit: str) -> None:
        index[unit] = lowest[unit] = len(index)
        stack.append(unit)
        for target in graph.get(unit, {}):
            if target not in index:
                visit(target)
                lowest[unit] = min(lowest[unit], lowest[target])
            elif target in stack:
                lowest[unit] = min(lowest[unit], index[target])
        if lowest[unit] == index[unit]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == unit:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for unit in sorted(graph):
        if unit not in index:
            visit(unit)
    return found


def cycle_message(component: list[str], graph: dict[str, dict[str, Import]]) -> str:
    edges = [
        str(graph[source][target])
        for source in component
        for target in component
        if target in graph.get(source, {})
    ]
    return f"import cycle between {', '.join(component)}: " + "; ".join(edges)


def test_no_import_cycle_between_packages() -> None:
    graph = unit_graph(project_imports())
    problems = [cycle_message(component, graph) for component in cycles(graph)]
    assert not problems, "\n".join(problems)


def test_imports_follow_the_layers() -> None:
    problems = [p for p in map(layer_violation, project_imports()) if p]
    assert not problems, "\n".join(problems)


def test_every_product_unit_is_in_a_layer() -> None:
    units = {unit_of(m) for m in module_files() if unit_of(m) not in CONSUMERS}
    assert units <= set(LAYER_OF), f"in no layer: {sorted(units - set(LAYER_OF))}"


def test_no_function_is_longer_than_50_lines() -> None:
    long = []
    for path in sorted((REPO / "site_builder").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if length > MAX_FUNCTION_LINES:
                    where = path.relative_to(REPO).as_posix()
                    long.append(f"{where}:{node.lineno} {node.name}: {length} lines")
    assert not long, f"over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(long)


def test_the_checker_sees_deferred_and_relative_imports(tmp_path: Path) -> None:
    source = tmp_path / "views.py"
    source.write_text(
        "from ..content import entries\nfrom . import paths\n\n"
        "def late():\n    from site_builder.bot.triage import handle\n"
    )
    known = {"site_builder.content.entries", "site_builder.site.paths"}
    found = [item.target for item in imports_of("site_builder.site.views", source, known)]
    assert found == [
        "site_builder.content.entries",
        "site_builder.site.paths",
        "site_builder.bot.triage",
    ]
    upward = Import("site_builder.content.schemas", "submissions_schema", 37)
    assert layer_violation(upward) == (
        "site_builder.content.schemas imports submissions_schema (line 37): site_builder.content "
        "must not import submissions_schema; it is the lowest layer"
    )


def test_the_checker_finds_a_cycle() -> None:
    imports = [
        Import("site_builder.site.views", "site_builder.bot.triage", 3),
        Import("site_builder.bot.triage", "site_builder.site.views", 5),
        Import("site_builder.bot.triage", "site_builder.content.entries", 6),
    ]
    graph = unit_graph(imports)
    assert [cycle_message(c, graph) for c in cycles(graph)] == [
        "import cycle between site_builder.bot, site_builder.site: site_builder.bot.triage imports "
        "site_builder.site.views (line 5); site_builder.site.views imports "
        "site_builder.bot.triage (line 3)"
    ]
