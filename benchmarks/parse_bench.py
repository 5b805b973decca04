"""Time `parse_issue_body` on github/issue-parser's `example` body with its form.

    .venv/bin/python benchmarks/parse_bench.py [N]

Parses the body N times (default 10,000), form included each time as the bot would, and prints
microseconds per parse (best of 5 runs)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_builder.intake.parse import parse_issue_body  # noqa: E402

EXAMPLE = ROOT / "tests" / "fixtures" / "issue-forms" / "github-issue-parser" / "example"


def measure(count: int, repeats: int = 5) -> float:
    body = (EXAMPLE / "issue.md").read_text(encoding="utf-8")
    template = yaml.safe_load((EXAMPLE / "template.yml").read_text(encoding="utf-8"))
    assert parse_issue_body(body, template).values["sounds"] == ["re", "mi"]
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        for _ in range(count):
            parse_issue_body(body, template)
        best = min(best, time.perf_counter() - began)
    return best / count * 1e6


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(f"parse_issue_body(example): {measure(n):.1f} µs per parse ({n:,} parses, best of 5)")
