"""Time `bounties validate` on N synthetic findings (default 1,000 and 10,000).

    .venv/bin/python benchmarks/validate_bench.py [N ...]

Prints wall time of the whole command (process start to exit) and of validation in-process.
Target: 10,000 findings validated in <= 1.5 s on a 2-core machine."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_builder.content.checks import validate
from site_builder.synthetic import generate

AS_OF = date(2026, 11, 23)


def measure(count: int, repeats: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "site", count)
        in_process = []
        for _ in range(repeats):
            began = time.perf_counter()
            content, problems = validate(root, AS_OF)
            in_process.append(time.perf_counter() - began)
        errors = [p for p in problems if p.is_error]
        assert not errors, errors[:3]
        assert len(content.findings) == count + 4
        command = [
            sys.executable,
            "-m",
            "site_builder",
            "validate",
            "--root",
            str(root),
            "--as-of",
            AS_OF.isoformat(),
        ]
        whole = []
        for _ in range(repeats):
            began = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            whole.append(time.perf_counter() - began)
    print(
        f"{count:>6} findings: validate() in-process median {statistics.median(in_process):.2f} s;"
        f" `bounties validate` median {statistics.median(whole):.2f} s, best {min(whole):.2f} s"
        f" ({repeats} runs)"
    )


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or [1_000, 10_000]:
        measure(n)
