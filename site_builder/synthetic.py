"""A synthetic content tree of N findings, for benchmarks, tests and organizers trying the
toolkit at scale.

The tree is a small valid site (a public and an invite-only program, two disclosure policies,
two hunters, a challenge and four hand-written findings) plus N generated findings in the public
program. The same count and seed always give the same files. To try the toolkit at scale,
call `generate(Path("big-site"), 10_000)`, then run `bounties validate --root big-site`."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from .content.load import CONTENT_DIR

SEVERITIES = ("low", "medium", "high", "critical")
TIERS = {"low": 300, "medium": 1000, "high": 5000, "critical": 15000}
CATEGORIES = ("jailbreak", "prompt-injection", "data-leakage", "agent-misbehaviour", "privacy")
FIRST_SUBMISSION = date(2024, 1, 1)  # the public program's start
SUBMISSION_SPREAD_DAYS = 900
FINDINGS_DIR = "demo/findings"  # under programs/: the public program's findings

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

# The small valid site the findings are added to: relative path under programs/ -> text.
BASE_FILES = {
    "site.yml": """\
format: 2
title: Test bounties
demonstration: true  # fictional test content: placeholder addresses are fine
description: A minimal valid site used by the tests.
base_url: https://bounties.test/
contact:
  email: security@bounties.test
repository: test-org/test-bounties
content_repository:
  public: false
""",
    "_policies/coordinated.yml": """\
name: Coordinated disclosure
model: coordinated
embargo_days: 90
published_parts: Summary, impact and fix; never reproduction details.
safe_harbor: We will not pursue hunters who follow the rules.
private_channel:
  email: private@bounties.test
""",
    "_policies/secret.yml": """\
name: Never published
model: non-disclosure
embargo_days: 0
published_parts: Nothing.
safe_harbor: We will not pursue hunters who follow the rules.
private_channel:
  url: https://bounties.test/private
""",
    "_hunters/alice.yml": """\
handle: alice
name: Alice Example
skills: [red-teaming, prompt-injection]
""",
    "_hunters/bob.yml": """\
handle: bob
name: Bob Example
skills: [agent-security]
leaderboard:
  show: alias
  alias: The Builder
""",
    "_challenges/ctf.yml": """\
title: Agent CTF
host: Example Evals
url: https://ctf.example.org/
deadline: 2026-12-31
prize: 10,000 USD
tags: [agent-security]
""",
    "demo/program.yml": """\
format: 2
name: Demo jailbreak bounty
summary: Find jailbreaks in the demo model.
model: panel-judged
organizer:
  name: Demo Lab
  url: https://demo.test/
  contact:
    email: bounty@demo.test
status: open
participation: public
duration:
  start: 2024-01-01
deployment_stage: post-deployment
access:
  level: public-api
targets:
  - name: Demo-1
    version: "2026-01"
    access: Public chat API
scope:
  in_scope:
    - item: Universal jailbreaks
      reason: Core risk
  out_of_scope:
    - item: Rude outputs
      reason: Not a safety issue
prize_criteria: Reproducible, severe, novel.
rewards:
  currency: USD
  pool: 100000
  max_per_prize: 20000
  scale: severity
  table:
    - {rating: low, min: 100, max: 500, points: 10}
    - {rating: medium, min: 500, max: 2000, points: 25}
    - {rating: high, min: 2000, max: 10000, points: 50}
    - {rating: critical, min: 10000, max: 20000, points: 100}
disclosure_policy: coordinated
response_targets:
  first_response_days: 3
  triage_days: 10
  bounty_days: 30
risk_review:
  level: medium
  last_review: 2026-03-01
tags: [jailbreak]
skills_wanted: [red-teaming]
panel:
  members:
    - {name: Judge A, handle: judge-a}
    - {name: Judge B, handle: judge-b}
    - {name: Judge C, handle: judge-c}
  criteria:
    - id: harm
      description: Real-world harm enabled
    - id: novelty
      description: New or a known variant
  decision:
    rule: majority
    quorum: 2
""",
    "demo/rules.md": """\
---
title: Rules
updated: 2026-01-01
---

# Rules

Be kind.
""",
    "demo/findings/DEMO-1.md": """\
---
id: DEMO-1
title: Role-play jailbreak
severity: high
category: jailbreak
status: fixed
hunters: [alice]
submitted: 2026-02-01
triaged: 2026-02-03
accepted: 2026-02-05
fixed: 2026-03-01
disclose_on: 2026-05-06
reward: 5000
affected:
  - name: Demo-1
    version: "2026-01"
---

## Summary

A role-play prompt bypasses the refusal policy.
""",
    "demo/findings/DEMO-2.md": """\
---
id: DEMO-2
title: Same role-play jailbreak
severity: high
category: jailbreak
status: duplicate
duplicate_of: DEMO-1
hunters: [bob]
submitted: 2026-02-02
disclose_on: 2026-05-06
---

Same as DEMO-1.
""",
    "demo/findings/DEMO-3.md": """\
---
id: DEMO-3
title: Tool-call escape
severity: critical
category: agent-misbehaviour
status: accepted
hunters: [alice, bob]
submitted: 2026-10-01
accepted: 2026-10-10
disclose_on: 2027-01-08
reward: 15000
---

Embargoed write-up.
""",
    "club/program.yml": """\
format: 2
name: Trusted club
summary: Invite-only testing of an unreleased model.
model: trusted-hunters
organizer:
  name: Demo Lab
  contact:
    url: https://demo.test/contact
status: open
participation: invite-only
apply: Write to us with your track record.
duration:
  start: 2026-01-01
  end: 2027-01-01
deployment_stage: pre-deployment
access:
  level: extended
  extended: [activations]
targets:
  - name: Secret-2
    version: "0.1"
    access: Private endpoint
scope:
  in_scope:
    - item: Dangerous capabilities
      reason: Pre-deployment check
prize_criteria: Anything over a threshold.
rewards:
  currency: EUR
  scale: severity
  table:
    - {rating: high, min: 1000, max: 5000, points: 50}
disclosure_policy: secret
response_targets:
  first_response_days: 1
  triage_days: 5
  bounty_days: 30
risk_review:
  level: high
  last_review: 2026-08-01
  interval_days: 180
submit:
  channel: private-issues
  repository: test-org/test-intake
""",
    "club/invitations.yml": """\
invited:
  - hunter: alice
    since: 2026-01-01
    until: 2026-12-31
    access:
      - kind: activations
        until: 2026-06-30
""",
    "club/findings/CLUB-1.md": """\
---
id: CLUB-1
title: Private finding
severity: high
category: dangerous-capability
status: triaged
hunters: [alice]
submitted: 2026-03-01
triaged: 2026-03-02
---

Private.
""",
}


def generate(root: Path, count: int, seed: int = 7) -> Path:
    """Write the small site plus `count` synthetic findings under root (replacing whatever was
    there); returns root."""
    if root.exists():
        shutil.rmtree(root)
    programs = root / CONTENT_DIR
    for relative, text in BASE_FILES.items():
        _write(programs / relative, text)
    rng = random.Random(seed)
    for n in range(count):
        submitted = FIRST_SUBMISSION + timedelta(days=rng.randrange(SUBMISSION_SPREAD_DAYS))
        finding_id = f"SYN-{n:06d}"
        _write(programs / FINDINGS_DIR / f"{finding_id}.md", _finding(finding_id, n, submitted))
    return root


def _finding(finding_id: str, n: int, submitted: date) -> str:
    severity = SEVERITIES[n % 4]
    return FINDING.format(
        id=finding_id,
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


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
