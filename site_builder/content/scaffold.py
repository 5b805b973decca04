"""Starter files for a new program, valid as written and marked for the organizer to edit."""

from __future__ import annotations

from datetime import date

PROGRAM_TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/program.schema.json
# A new program, created by `bounties new program`. Edit every field, then set status: open.
# Field reference: docs/content-reference.md
format: 1
name: {name}
summary: >-
  One or two sentences on what hunters should look for and why it matters.
model: {model}            # evals-based | panel-judged | trusted-hunters
organizer:
  name: {organizer}
  contact:
    email: safety@example.org   # a monitored address
    monitored_by: Safety team
status: draft             # draft | open | paused | closed; drafts are never published
participation: public     # public | invite-only (then add `apply:`)
duration:
  start: {start}
  # end: YYYY-MM-DD        # leave out for an ongoing program
deployment_stage: post-deployment   # pre-deployment | post-deployment
access:
  level: public-api       # public-api | private-api | extended
targets:
  - name: Example model
    version: "1.0"
    access: Public chat API
scope:
  in_scope:
    - item: Jailbreaks that produce content the usage policy forbids
      reason: The core risk this program exists to find
  out_of_scope:
    - item: Outputs that are merely rude or off-topic
      reason: Not a safety issue
prize_criteria: |
  Describe what earns a prize: reproducibility, severity, novelty.
rewards:
  currency: USD
  tiers:
    low: {{min: 100, max: 500, points: 10}}
    medium: {{min: 500, max: 2000, points: 25}}
    high: {{min: 2000, max: 10000, points: 50}}
    critical: {{min: 10000, max: 25000, points: 100}}
disclosure_policy: {policy}
response_targets:
  first_response_days: 3
  triage_days: 10
  bounty_days: 30
risk_review:
  level: medium
  last_review: {start}
  interval_days: 365
tags: []
skills_wanted: []
"""

RULES_TEMPLATE = """\
---
title: Rules
updated: {start}
---

# Rules of {name}

Replace this page with the rules hunters must follow:

- who may take part, and how to get access;
- what testing is allowed (rate limits, no harm to real users);
- how to report, and what must never be posted publicly;
- how rewards are decided and paid.
"""


def program_files(
    slug: str, name: str, model: str, organizer: str, policy: str, start: date
) -> dict[str, str]:
    """Relative path under programs/ -> text, for a new draft program."""
    values = {
        "name": _yaml_text(name),
        "model": model,
        "organizer": _yaml_text(organizer),
        "policy": policy,
        "start": start.isoformat(),
    }
    return {
        f"{slug}/program.yml": PROGRAM_TEMPLATE.format(**values),
        f"{slug}/rules.md": RULES_TEMPLATE.format(**{**values, "name": name}),
    }


def _yaml_text(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
