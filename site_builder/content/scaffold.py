"""Starter files for a new program or finding, valid as written and marked for the organizer to
edit."""

from __future__ import annotations

import re
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


FINDING_TEMPLATE = """\
---
# A finding recorded by `bounties new finding`: edit the TEMPLATE lines. It stays private until
# it has a disclose_on date and a status that may be published (docs/disclosure.md).
# Field reference: docs/content-reference.md
id: {id}
title: {title}
severity: {severity}  # TEMPLATE: one of this program's tiers: {tiers}
category: other  # TEMPLATE: a category of the taxonomy (docs/content-reference.md)
status: new  # new | triaged | accepted | fixed | wont-fix | duplicate | rejected
hunters: {hunters}  # handles in programs/_hunters/; empty: an anonymous finding
submitted: {submitted}
# first_response: YYYY-MM-DD
# triaged: YYYY-MM-DD  # needed from status triaged on
# accepted: YYYY-MM-DD  # needed from status accepted on
# fixed: YYYY-MM-DD  # needed for status fixed
# disclose_on: YYYY-MM-DD  # public from this day if status and policy allow; else leave out
reward: 0
---

## Summary

TEMPLATE: one or two sentences for the public: what the finding is and why it matters. No
reproduction details: once published, this paragraph is the finding's summary in feeds.

## Details

::: redacted Reproduction details
TEMPLATE: the prompts, transcripts and steps. This section is cut before anything is rendered;
in a public content repository it is still readable in git, so keep only a placeholder there.
:::

## Impact

TEMPLATE: who could be harmed, and how badly.

## Fix

TEMPLATE: what was changed, or why it will not be.
"""

_NUMBERED = re.compile(r"(?P<prefix>.*?)(?P<number>[0-9]+)")


def finding_file(
    finding_id: str, title: str, severity: str, tiers: list[str], hunters: list[str], day: date
) -> str:
    """A new finding, status new, that validates as written and is never published as is."""
    return FINDING_TEMPLATE.format(
        id=finding_id,
        title=_yaml_text(title),
        severity=severity,
        tiers=", ".join(tiers),
        hunters=f"[{', '.join(hunters)}]",
        submitted=day.isoformat(),
    )


def next_finding_id(
    program: list[tuple[str, date]], taken: set[str], slug: str, skip: tuple[str, ...]
) -> str:
    """The next id of the program's own series. `program` holds its findings' (id, submitted);
    the series is that of the latest submitted one whose id ends in a number (ids starting
    with a `skip` prefix, made by importers, are no series of ours). The number is one past the
    highest of the series anywhere in `taken`, padded as they are. Without a series: SLUG-1."""
    own = [(day, fid) for fid, day in program if not fid.startswith(skip) and _series(fid)]
    prefix = _series(max(own)[1])[0] if own else f"{slug[:50].upper()}-"
    numbers = [s[1] for s in map(_series, taken) if s and s[0] == prefix]
    width = max((len(n) for n in numbers), default=1)
    number = max((int(n) for n in numbers), default=0) + 1
    while f"{prefix}{number:0{width}d}" in taken:
        number += 1
    return f"{prefix}{number:0{width}d}"


def _series(finding_id: str) -> tuple[str, str] | None:
    match = _NUMBERED.fullmatch(finding_id)
    return (match["prefix"], match["number"]) if match else None
