"""Starter files for a new program or finding, valid as written and marked for the organizer to
edit."""

from __future__ import annotations

import re
from datetime import date

# Marks what the organizer still has to fill in. `bounties validate` warns on every one left, so
# `--strict` fails until the starter text is replaced (placeholder_checks.py).
TEMPLATE_MARKER = "TEMPLATE:"

PROGRAM_TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/program.schema.json
# A new program, created by `bounties new program`. Edit every field and remove each TEMPLATE
# comment (`bounties validate --strict` lists those left), then set status: open.
# Field reference: docs/content-reference.md
format: 2
name: {name}
summary: >-               # TEMPLATE: what hunters should look for, for cards and feeds
  One or two sentences on what hunters should look for and why it matters.
model: {model}            # evals-based | panel-judged | trusted-hunters
organizer:
  name: {organizer}{organizer_note}
  contact:
    email: safety@example.org   # TEMPLATE: a monitored address
    monitored_by: Safety team
status: draft             # draft | open | paused | closed; drafts are never published
participation: public     # public | application | invite-only (then add `apply:`)
duration:
  start: {start}
  # end: YYYY-MM-DD        # leave out for an ongoing program
deployment_stage: post-deployment   # pre-deployment | post-deployment
access:
  level: public-api       # public-api | private-api | extended
targets:                  # TEMPLATE: the systems hunters may test
  - name: Example model
    version: "1.0"
    access: Public chat API
scope:                    # TEMPLATE: what is worth reporting, and what is not
  in_scope:
    - item: Jailbreaks that produce content the usage policy forbids
      reason: The core risk this program exists to find
  out_of_scope:
    - item: Outputs that are merely rude or off-topic
      reason: Not a safety issue
prize_criteria: |         # TEMPLATE: what earns a prize
  Describe what earns a prize: reproducibility, severity, novelty.
rewards:
  currency: USD
  scale: severity          # severity (low..critical) | priority (P1..P5)
  columns: none            # none | target-tier | category: what else the reward depends on
  table:                   # range and leaderboard points per rating (and column)
    - {{rating: low, min: 100, max: 500, points: 10}}
    - {{rating: medium, min: 500, max: 2000, points: 25}}
    - {{rating: high, min: 2000, max: 10000, points: 50}}
    - {{rating: critical, min: 10000, max: 25000, points: 100}}
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

# The organizer named when nothing better is known; marked so that it is not published as is.
DEFAULT_ORGANIZER = "Your organization"
ORGANIZER_NOTE = "   # TEMPLATE: who runs the program"

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
  members:                 # name, and the GitHub handle members rule with
    - {name: Panel member 1, handle: panel-member-1}
    - {name: Panel member 2, handle: panel-member-2}
    - {name: Panel member 3, handle: panel-member-3}
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

TEMPLATE: replace this page with the rules hunters must follow:

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
        "organizer_note": ORGANIZER_NOTE if organizer == DEFAULT_ORGANIZER else "",
        "policy": policy,
        "start": start.isoformat(),
        "model_block": MODEL_BLOCKS.get(model, ""),
        "submit_block": SUBMIT_BLOCKS.get(model, ""),
    }
    program = PROGRAM_TEMPLATE.format(**values)
    if model == "trusted-hunters":
        program = program.replace(
            "participation: public     # public | application | invite-only (then add `apply:`)",
            "participation: invite-only",
        )
    return {
        f"{slug}/program.yml": program,
        f"{slug}/rules.md": RULES_TEMPLATE.format(**{**values, "name": name}),
    }


def site_organizer(settings: object, programs: list[object]) -> str:
    """Who a new program is organized by, from what the site already says (site.yml and the
    program.yml files as raw YAML data, so that a mistake elsewhere in a file does not lose the
    answer): the site's operator, else the organizer every existing program names, else the
    site's title."""
    operator = _get(settings, "operator", "name")
    if isinstance(operator, str) and operator.strip():
        return operator.strip()
    organizers = [_get(program, "organizer", "name") for program in programs]
    names = {name.strip() for name in organizers if isinstance(name, str) and name.strip()}
    if len(names) == 1:
        return names.pop()
    title = _get(settings, "title")
    return title.strip() if isinstance(title, str) and title.strip() else DEFAULT_ORGANIZER


def _get(data: object, *keys: str) -> object:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


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
