"""Time `bounties build` on N synthetic findings against a plain `mkdocs build` (Material,
its default search plugin) of the same number of Markdown pages.

    .venv/bin/python benchmarks/build_bench.py [N ...]      (default: 1000 10000)

Reports both times and their ratio, the largest HTML page, and what one search query
downloads (Pagefind: its entry, script and wasm, the index chunk for a word and the fragments
of the first results) against Material's single search index."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_builder.synthetic import generate

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"
RESULTS_SHOWN = 5  # Pagefind's default UI loads fragments for the first results only

# The same theme features and the same nav shape as the bounty site, so the comparison
# measures our work (validation, generation, sanitising, search) and not a bigger nav.
PLAIN_CONFIG = """\
site_name: Plain
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
  features: [navigation.tabs, navigation.top, content.code.copy]
plugins:
  - search
markdown_extensions: [admonition, attr_list, {toc: {permalink: true}}]
nav:
  - Home: index.md
  - Programs: programs.md
  - Findings: findings.md
  - Hunters: hunters.md
  - Policies: policies.md
  - Challenges: challenges.md
  - Search: search.md
"""


def run(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    began = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
    return time.perf_counter() - began


def ours(tmp: Path, count: int) -> tuple[float, Path]:
    root = generate(tmp / "ours", count)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    (root / "site_docs").mkdir()
    seconds = run(
        [sys.executable, "-m", "site_builder", "build", "--root", str(root), "--as-of", AS_OF], root
    )
    return seconds, root / "site"


def plain(tmp: Path, count: int) -> tuple[float, Path]:
    root = tmp / "plain"
    docs = root / "docs" / "findings"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(PLAIN_CONFIG)
    for name in ("index", "programs", "findings", "hunters", "policies", "challenges", "search"):
        (root / "docs" / f"{name}.md").write_text(f"# {name.capitalize()}\n")
    source = generate(tmp / "plain-source", count) / "programs" / "demo" / "findings"
    for path in source.iterdir():
        body = path.read_text().split("---\n", 2)[2]
        title = path.stem
        (docs / path.name).write_text(f"---\ntitle: {title}\n---\n\n# {title}\n{body}")
    seconds = run([sys.executable, "-m", "mkdocs", "build", "-q"], root)
    return seconds, root / "site"


def largest_page(site: Path) -> tuple[int, str]:
    sizes = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")]
    return max(sizes)


def pagefind_query_bytes(site: Path) -> int:
    bundle = site / "pagefind"
    fixed = sum(
        (bundle / name).stat().st_size
        for name in ("pagefind-entry.json", "pagefind.js", "pagefind-ui.js", "pagefind-ui.css")
    )
    wasm = max(p.stat().st_size for p in bundle.glob("wasm.*.pagefind"))
    meta = max(p.stat().st_size for p in bundle.glob("pagefind.*.pf_meta"))
    chunk = max(p.stat().st_size for p in (bundle / "index").iterdir())
    fragments = sorted((p.stat().st_size for p in (bundle / "fragment").iterdir()), reverse=True)[
        :RESULTS_SHOWN
    ]
    return fixed + wasm + meta + chunk + sum(fragments)


def measure(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ours_s, ours_site = ours(tmp, count)
        plain_s, plain_site = plain(tmp, count)
        size, page = largest_page(ours_site)
        query = pagefind_query_bytes(ours_site)
        material_index = (plain_site / "search" / "search_index.json").stat().st_size
        pages = sum(1 for _ in ours_site.rglob("*.html"))
        print(
            f"{count:>6} findings: bounties build {ours_s:6.1f} s ({pages} pages), plain mkdocs "
            f"{plain_s:6.1f} s, ratio {ours_s / plain_s:.2f}; largest page {size / 1024:.0f} KB "
            f"({page}); one search query downloads at most {query / 1024:.0f} KB "
            f"(Material's index: {material_index / 1024 / 1024:.1f} MB)",
            flush=True,
        )


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or [1_000, 10_000]:
        measure(n)
