"""Plain names for the words `program.yml` uses: a program's model and who may take part.

One mapping, shown wherever a program is (cards, program pages, the programs index, the About
and How to submit pages), so a visitor never has to guess what `panel-judged` means."""

from __future__ import annotations

from dataclasses import dataclass

# The About page's section that explains the models, linked from other pages.
MODELS_ANCHOR = "how-programs-work"


@dataclass(frozen=True)
class Label:
    """A slug as visitors read it: a short label and one sentence saying what it means."""

    slug: str
    label: str
    explanation: str


PROGRAM_MODELS: tuple[Label, ...] = (
    Label(
        "evals-based",
        "Capability thresholds",
        "Show a model crossing a published capability threshold, measured with a named evaluation.",
    ),
    Label(
        "panel-judged",
        "Judged by a panel",
        "An expert panel judges each finding against the program's published criteria.",
    ),
    Label(
        "trusted-hunters",
        "Trusted hunters",
        "Invited hunters test with deeper access to the systems; only they may submit.",
    ),
)

PARTICIPATION: tuple[Label, ...] = (
    Label("public", "Open to everyone", "Anyone may submit."),
    Label(
        "application",
        "By application",
        "The program is public, but only approved applicants may submit.",
    ),
    Label(
        "invite-only",
        "Invite-only",
        "Only invited hunters take part; the site shows only the program's name, organizer "
        "and how to apply.",
    ),
)

_MODELS = {label.slug: label for label in PROGRAM_MODELS}
_PARTICIPATION = {label.slug: label for label in PARTICIPATION}


def model_label(slug: str) -> Label:
    """The program model `slug` as visitors read it."""
    return _MODELS[slug]


def participation_label(slug: str) -> Label:
    """Who may take part, as visitors read it."""
    return _PARTICIPATION[slug]
