"""Edits of the minimal tree (tests/fixtures/minimal) that put content format 2 to use: the
demo program with rewards by target tier or by category, campaigns and prizes, and a program
using every format-2 field at once. Shared by the checks and the scoring tests."""

from __future__ import annotations

from tests.conftest import Tree

P = "demo/program.yml"
CLUB = "club/program.yml"
D1 = "demo/findings/DEMO-1.md"
D2 = "demo/findings/DEMO-2.md"
D3 = "demo/findings/DEMO-3.md"

TABLE = (
    "  table:\n"
    "    - {rating: low, min: 100, max: 500, points: 10}\n"
    "    - {rating: medium, min: 500, max: 2000, points: 25}\n"
    "    - {rating: high, min: 2000, max: 10000, points: 50}\n"
    "    - {rating: critical, min: 10000, max: 20000, points: 100}\n"
)
TARGETS = 'targets:\n  - name: Demo-1\n    version: "2026-01"\n    access: Public chat API\n'
TIERED_TARGETS = (
    "target_tiers:\n"
    "  - id: flagship\n"
    "    name: Flagship models\n"
    "  - id: standard\n"
    "    name: Standard models\n"
    f"{TARGETS}"
    "    tier: flagship\n"
    "  - name: Demo-mini\n"
    "    access: Public chat API\n"
    "    tier: standard\n"
)
TIERED_TABLE = (
    "  columns: target-tier\n"
    "  table:\n"
    "    - {rating: high, column: flagship, min: 2000, max: 10000, points: 50}\n"
    "    - {rating: high, column: standard, min: 1000, max: 5000, points: 20}\n"
    "    - {rating: critical, column: flagship, min: 10000, max: 20000, points: 100}\n"
    "    - {rating: critical, column: standard, min: 5000, max: 10000, points: 40}\n"
)
CATEGORY_TABLE = (
    "  columns: category\n"
    "  table:\n"
    "    - {rating: high, column: jailbreak, min: 2000, max: 10000, points: 50}\n"
    "    - {rating: critical, column: jailbreak, min: 10000, max: 20000, points: 100}\n"
    "    - {rating: critical, column: agent-misbehaviour, min: 5000, max: 15000, points: 70}\n"
)
CATEGORY_ROW = "    - {{rating: low, column: {}, min: 100, max: 500, points: 5}}\n"
AFFECTED_DEMO_1 = 'affected:\n  - name: Demo-1\n    version: "2026-01"\n'
MEMBERS = "members: [{handle: judge-a}, {handle: judge-b}, {handle: judge-c}]"
CAMPAIGN = (
    "campaigns:\n"
    "  - id: spring\n"
    "    name: Spring\n"
    "    summary: Spring push.\n"
    "    start: 2026-03-01\n"
    "    end: 2026-05-31\n"
)
SPRING_PRIZE = (
    "    prizes:\n"
    "      - {id: spring-first, name: First in spring, amount: 1000, winners: 1, points: 30}\n"
)


def tiered(tree: Tree) -> None:
    """The demo program with rewards by target tier; every finding names its target."""
    tree.replace(P, TARGETS, TIERED_TARGETS)
    tree.replace(P, TABLE, TIERED_TABLE)
    tree.replace(D2, "disclose_on: 2026-05-06\n", "disclose_on: 2026-05-06\n" + AFFECTED_DEMO_1)
    tree.replace(D3, "reward: 15000\n", "reward: 15000\n" + AFFECTED_DEMO_1)


def rewards_extra(tree: Tree, text: str) -> None:
    """Add lines at the end of the demo program's `rewards:` mapping."""
    tree.replace(P, "disclosure_policy: coordinated", text + "disclosure_policy: coordinated")


def with_categories(tree: Tree, categories: str = "[jailbreak, agent-misbehaviour]") -> None:
    tree.replace(P, "prize_criteria:", f"categories: {categories}\nprize_criteria:")


def finding_extra(tree: Tree, path: str, text: str) -> None:
    """Add front-matter lines after the finding's `reward:` line."""
    text_now = tree.read(path)
    line = next(line for line in text_now.splitlines() if line.startswith("reward:"))
    tree.replace(path, line + "\n", line + "\n" + text)


FULL_PROGRAM = """\
format: 2
name: Full format 2 program
summary: Every field of content format 2 at once.
model: panel-judged
organizer:
  name: Full Lab
  url: https://full.test/
  contact:
    email: bounty@full.test
status: open
participation: application
apply: Apply with a short research plan at https://full.test/apply.
eligibility:
  minimum_age: 18
  excluded_countries: [CU, IR, KP, SY]
  excluded: [Employees of Full Lab and their families]
  requirements: [Identity verification before payment]
legal:
  nda: true
  terms_url: https://full.test/terms
  jurisdiction: Laws of England and Wales
  export_controls: No participation from embargoed countries
  other: [Findings stay confidential]
duration:
  start: 2026-01-01
  end: 2026-12-31
deployment_stage: post-deployment
access:
  level: public-api
target_tiers:
  - id: flagship
    name: Flagship models
    description: The largest models
  - id: standard
    name: Standard models
targets:
  - name: Full-1
    version: "2026-01"
    access: Public chat API
    tier: flagship
  - name: Full-mini
    access: Public chat API
    tier: standard
scope:
  in_scope:
    - item: Universal jailbreaks and agent hijacks
      reason: Core risk
categories: [jailbreak, agent-misbehaviour]
conditions:
  - requirement: An agent hijack must reproduce at least half of the time
    categories: [agent-misbehaviour]
    min_reproduction_percent: 50
  - requirement: Tested only with accounts the researcher owns
prize_criteria: Reproducible, severe, novel.
rewards:
  currency: USD
  pool: 200000
  max_per_prize: 50000
  scale: priority
  columns: target-tier
  table:
    - {rating: P1, column: flagship, min: 10000, max: 20000, points: 100}
    - {rating: P1, column: standard, min: 5000, max: 10000, points: 60}
    - {rating: P2, column: flagship, min: 2000, max: 10000, points: 50}
    - {rating: P2, column: standard, min: 1000, max: 5000, points: 25}
  bonuses:
    - id: exceptional-report
      name: Exceptional report quality
      percent: 25
      cap: 2000
      description: A clear, minimal reproduction
  prizes:
    - id: first-universal
      name: First universal jailbreak
      amount: 25000
      winners: 1
      points: 100
      description: One prompt clears every level
disclosure_policy: secret
response_targets:
  first_response_days: 3
  triage_days: 10
  bounty_days: 30
risk_review:
  level: medium
  last_review: 2026-06-01
tags: [jailbreak, agents]
skills_wanted: [red-teaming]
submit:
  channel: private-issues
  repository: test-org/full-intake
scoring:
  points_percent: 150
panel:
  members:
    - name: Dr. Ama Osei
      handle: dr-osei
      affiliation: Full University
    - handle: judge-b
    - name: Dr. Lee, without a handle
  criteria:
    - id: harm
      description: Real-world harm enabled
  decision:
    rule: majority
    quorum: 2
campaigns:
  - id: spring-push
    name: Spring push
    summary: Agent hijacks of the small model.
    start: 2026-03-01
    end: 2026-05-31
    targets: [Full-mini]
    categories: [agent-misbehaviour]
    prizes:
      - id: spring-first
        name: First agent hijacks in spring
        amount: 5000
        winners: 2
        points: 30
        description: The first two valid hijacks
aggregates:
  publish: true
  minimum: 5
"""
FULL_INVITATIONS = """\
invited:
  - hunter: alice
    since: 2026-01-01
  - hunter: bob
    since: 2026-01-01
"""
# P1 on a flagship target: 20000 + 25% capped at 2000 + the 25000 prize = 47000, the ceiling.
FULL_1 = """\
---
id: FULL-1
title: Universal jailbreak of every level
severity: P1
category: jailbreak
status: accepted
hunters: [alice]
submitted: 2026-02-01
triaged: 2026-02-03
accepted: 2026-02-10
reward: 47000
prize: first-universal
bonuses: [exceptional-report]
affected:
  - name: Full-1
    version: "2026-01"
moved_from:
  program: demo
  date: 2026-02-02
  reason: A universal jailbreak belongs to this program
---

One prompt.
"""
# P2 on a standard target in the spring campaign: 5000 + its 5000 prize = 10000, the ceiling.
FULL_2 = """\
---
id: FULL-2
title: Agent hijack of the small model
severity: P2
category: agent-misbehaviour
status: fixed
hunters: [bob]
submitted: 2026-04-01
triaged: 2026-04-02
accepted: 2026-04-05
fixed: 2026-04-20
reward: 10000
campaign: spring-push
prize: spring-first
affected:
  - name: Full-mini
    version: "2026-03"
---

Hijack.
"""


def write_full_program(tree: Tree) -> None:
    """A program using every format-2 field, with two findings citing its terms."""
    tree.write("full/program.yml", FULL_PROGRAM)
    tree.write("full/invitations.yml", FULL_INVITATIONS)
    tree.write("full/findings/FULL-1.md", FULL_1)
    tree.write("full/findings/FULL-2.md", FULL_2)
