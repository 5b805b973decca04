"""Hazardous text in an issue: noticing it, and taking it out of public view as far as GitHub
allows.

In a public repository the bot moves such an issue to a private intake repository when one is
configured (GitHub's `transferIssue`; comments move with it and the old address redirects),
and otherwise replaces the issue's text with its public summary, locks it and labels it
`sensitive`. Neither removes everything: the issue's edit history keeps the earlier text for
anyone who can read the repository until someone with write access deletes each revision in the
web interface, and notification emails sent when the issue was opened cannot be recalled."""

from __future__ import annotations

import re
from typing import Any

from submissions_schema import HAZARD_CHOICES

from ..content.channels import Channel
from ..content.entries import Content
from ..content.records import Policy
from ..content.redaction import has_redactions, redact
from ..intake.forms import LABELS
from .gateway import Gateway, GatewayError
from .model import Actions, Issue

# Opens a body the bot has replaced: later runs see the removal was done (and never ask the
# hunter to fill in the fields it removed). Forging it only empties the forger's own issue.
SCRUBBED = "<!-- bounties-bot:hazard-removed -->"
LOCK_REASON = "off-topic"
SUMMARY_LIMIT = 2000
_FENCED = re.compile(r"(`{3,}|~{3,}).*?(\1|\Z)", re.S)
REMOVED_NOTE = (
    "_The rest of this report was removed by the bounties bot because it may contain hazardous "
    "details. The details go to the program's private channel, not to this issue._"
)


def hazard_reasons(values: dict[str, Any], policy: Policy | None, body: str) -> list[str]:
    """Why the issue may hold hazardous text (empty: no reason to think so). Read from the
    form's raw answers, so that a submission that does not validate is caught too."""
    reasons = []
    if policy is not None and policy.model == "non-disclosure":
        reasons.append("the program's disclosure policy is non-disclosure")
    answer = _first(values.get("hazardous_details"))
    if _says_included(answer):
        reasons.append("the form says hazardous details are included")
    elif answer == HAZARD_CHOICES["withheld"] and _pasted(values, body):
        reasons.append("hazardous details exist and the issue seems to hold them")
    if is_scrubbed(body):
        reasons.append("hazardous details were already removed from the issue")
    return reasons


def _says_included(answer: str | None) -> bool:
    """Any yes that is not the withheld answer counts as included (fail closed)."""
    if not answer:
        return False
    included = HAZARD_CHOICES.get("included")
    if included is not None and answer == included:
        return True
    return answer.lower().startswith("yes") and answer != HAZARD_CHOICES["withheld"]


def _pasted(values: dict[str, Any], body: str) -> bool:
    """Heuristic, erring on the side of caution: long code blocks, redaction markers or a very
    long reproduction suggest the details were pasted after all."""
    fenced = sum(len(block) for block in re.findall(r"```.*?```", body, re.S))
    reproduction = values.get("reproduction")
    long_steps = isinstance(reproduction, str) and len(reproduction) > 4000
    return has_redactions(body) or fenced > 800 or long_steps


def is_scrubbed(body: str) -> bool:
    return body.lstrip().startswith(SCRUBBED)


def intake_repository(channel: Channel | None, content: Content, here: str | None) -> str | None:
    """The private repository a hazardous public issue moves to: the program's own intake
    repository, else the site's (`intake_repository` in site.yml).
    None when there is none, or when it is not another repository of this one's owner (GitHub
    transfers issues only between repositories of one owner)."""
    own = channel.repository if channel and channel.kind == "private-issues" else None
    site = content.settings.intake_repository if content.settings else None
    owner = (here or "").partition("/")[0].casefold()
    for candidate in (own, site):
        if (
            isinstance(candidate, str)
            and owner
            and candidate.partition("/")[0].casefold() == owner
            and candidate.casefold() != (here or "").casefold()
        ):
            return candidate
    return None


def scrubbed_body(program_name: str | None, summary: Any) -> str:
    """The issue text that stays public: the program and the public summary, without code
    blocks or redacted sections, and a note saying the rest was removed."""
    kept = summary if isinstance(summary, str) else ""
    kept = _FENCED.sub("(code block removed)", redact(kept, "Removed")).strip()
    if len(kept) > SUMMARY_LIMIT:
        kept = kept[: SUMMARY_LIMIT - 1].rstrip() + "…"
    parts = [SCRUBBED]
    if program_name:
        parts += [f"### {LABELS['program']}", "", program_name, ""]
    parts += [f"### {LABELS['summary']}", "", kept or "_No response_", "", "---", "", REMOVED_NOTE]
    return "\n".join(parts) + "\n"


def move(gateway: Gateway, issue: Issue, target: str, actions: Actions) -> bool:
    """Transfer the issue to `target`; False, with the reason logged, when GitHub refuses
    (e.g. the token cannot write to both repositories). The gateway's messages name no
    repository: a public repository's run log is public."""
    try:
        gateway.transfer_issue(issue.number, target)
    except GatewayError as error:
        actions.add(f"moving #{issue.number} failed: {error}")
        return False
    actions.add(f"#{issue.number} moved to the intake repository")
    return True


def hide(gateway: Gateway, issue: Issue, body: str, actions: Actions) -> None:
    """Replace the issue's text and lock it; each step only if it is not done yet."""
    if issue.body != body:
        gateway.rewrite_issue_body(issue.number, body)
        actions.add(f"hazardous text removed from #{issue.number}")
    if gateway.lock_issue(issue.number, LOCK_REASON):
        actions.add(f"#{issue.number} locked")


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None
