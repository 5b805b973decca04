"""Generate a content root with N synthetic findings, for benchmarks."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "minimal"
SEVERITIES = ("low", "medium", "high", "critical")
TIERS = {"low": 300, "medium": 1000, "high": 5000, "critical": 15000}
CATEGORIES = ("jailbreak", "prompt-injection", "data-leakage", "agent-misbehaviour", "privacy")
FINDING = """\
---
id: {id}
title: Synthetic finding {n} in the demo model
severity: {severity}
category: {category}
status: fixed
hunters: [{hunter}]
submitted: {submitted}
first_response: {first}
triaged: {triaged}
accepted: {accepted}
fixed: {fixed}
rewarded: {fixed}
disclose_on: {disclose}
reward: {reward}
affected:
  - name: Demo-1
    version: "2026-01"
tags: [synthetic]
---

## Summary

Synthetic finding number {n}. A role-play prompt in {category} style bypasses the refusal policy
of the demo model under conditions described here in a few sentences of ordinary prose.

## Impact

Moderate: the model produces content its policy forbids.

## Fix

The refusal classifier was retrained.
"""


def generate(root: Path, count: int, seed: int = 7) -> Path:
    """Write the minimal fixture plus `count` findings under root; returns root."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(FIXTURE, root)
    program = root / "programs" / "demo" / "program.yml"
    program.write_text(program.read_text().replace("start: 2026-01-01", "start: 2024-01-01"))
    findings = root / "programs" / "demo" / "findings"
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    for n in range(count):
        submitted = start + timedelta(days=rng.randrange(900))
        severity = SEVERITIES[n % 4]
        text = FINDING.format(
            id=f"SYN-{n:06d}",
            n=n,
            severity=severity,
            category=CATEGORIES[n % 5],
            hunter=("alice", "bob")[n % 2],
            submitted=submitted,
            first=submitted + timedelta(days=1),
            triaged=submitted + timedelta(days=3),
            accepted=submitted + timedelta(days=5),
            fixed=submitted + timedelta(days=20),
            disclose=submitted + timedelta(days=95),
            reward=TIERS[severity],
        )
        (findings / f"SYN-{n:06d}.md").write_text(text, encoding="utf-8")
    return root
