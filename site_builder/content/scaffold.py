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
{model_block}{submit_block}tags: []
skills_wanted: []
"""

MODEL_BLOCKS = {
    "evals-based": """\
thresholds:                # TEMPLATE: the capability thresholds hunters try to cross
  - id: example-threshold
    capability: Example dangerous capability
    evaluation: {name: Example eval, version: "1.0", harness: Example harness}
    metric: accuracy (%)
    value: 50
    direction: above       # above | below
    evidence: The full eval log and transcripts, sent privately.
""",
    "panel-judged": """\
panel:                     # TEMPLATE: who judges, on what, and how they decide
  members: [panel-member-1, panel-member-2, panel-member-3]
  criteria:
    - id: harm
      description: How much real-world harm the behaviour enables
    - id: novelty
      description: Whether it is new or a variant of a known issue
  decision:
    rule: majority         # majority | mean-score (then add bar: 3.5)
    quorum: 2
""",
    "trusted-hunters": """\
apply: |                   # TEMPLATE: who may apply and how (shown on the public stub)
  Write to us with your track record; we invite hunters for a fixed period.
""",
}

# Where findings are filed (docs/setups.md): a public issue form unless the model needs privacy.
SUBMIT_BLOCKS = {
    "evals-based": """\
submit:                    # capability reports can carry uplift: public issues take a summary
  channel: public-issues   # public-issues | private-issues | private-reports | external
  summary_only: true
""",
    "panel-judged": """\
submit:
  channel: public-issues   # public-issues | private-issues | private-reports | external
""",
    "trusted-hunters": """\
submit:                    # TEMPLATE: invited hunters file issues in a private repository
  channel: private-issues
  repository: your-org/your-intake
""",
}

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
        "model_block": MODEL_BLOCKS.get(model, ""),
        "submit_block": SUBMIT_BLOCKS.get(model, ""),
    }
    program = PROGRAM_TEMPLATE.format(**values)
    if model == "trusted-hunters":
        program = program.replace(
            "participation: public     # public | invite-only (then add `apply:`)",
            "participation: invite-only",
        )
    return {
        f"{slug}/program.yml": program,
        f"{slug}/rules.md": RULES_TEMPLATE.format(**{**values, "name": name}),
    }


def _yaml_text(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
