""" "Did you mean" finds a category by meaning (the taxonomy's synonyms, label and description),
then by spelling; other fields get the same logic without the taxonomy."""

from __future__ import annotations

import pytest

from site_builder.content.suggest import Choice, best_choice, closest, stem
from site_builder.content.taxonomy import CATEGORIES, TAXONOMY
from tests.conftest import Tree, only


@pytest.mark.parametrize(
    ("value", "meant"),
    [
        ("rogue-action", "agent-misbehaviour"),  # spelt most like model-extraction
        ("agent-hijacking", "agent-misbehaviour"),
        ("excessive_agency", "agent-misbehaviour"),
        ("agent-misbehavior", "agent-misbehaviour"),
        ("pii-leak", "privacy"),
        ("personal-data-leak", "privacy"),
        ("hallucination", "misinformation"),
        ("halucinations", "misinformation"),  # a misspelt synonym
        ("jailbrake", "jailbreak"),  # spelling alone
        ("prompt-injections", "prompt-injection"),
        ("Prompt Injection", "prompt-injection"),
        ("xpia", "prompt-injection"),
        ("prompt-extraction", "system-prompt-leakage"),
        ("model-weights-theft", "model-extraction"),
        ("bio-weapon-uplift", "dangerous-capability"),
        ("cbrn", "dangerous-capability"),
        ("denial of service", "unbounded-consumption"),
        ("toxic-output", "harmful-content"),
        ("data-leak", "data-leakage"),
        ("poison", "data-poisoning"),
        ("sql-injection", "output-handling"),
        ("gender-bias", "bias"),
    ],
)
def test_a_category_is_found_by_meaning(value: str, meant: str) -> None:
    assert closest(value, CATEGORIES) == meant


def test_an_exact_synonym_beats_any_number_of_shared_words() -> None:
    candidates = [
        Choice("wordy", (), {"rogue": 9, "action": 9}),
        Choice("meant", ("rogue-action",)),
    ]
    assert best_choice("Rogue_Action", candidates) == "meant"


def test_nothing_is_suggested_for_nonsense() -> None:
    assert closest("qqq-zzz", CATEGORIES) is None


def test_an_unknown_category_in_a_finding_gets_the_meant_one(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-1.md", "category: jailbreak", "category: rogue-action")
    problem = only(tree.errors())
    text = tree.read("demo/findings/DEMO-1.md")
    line = text[: text.index("rogue-action")].count("\n") + 1
    assert problem.startswith(f"programs/demo/findings/DEMO-1.md:{line}:11: error: category: ")
    assert problem.endswith("(hint: did you mean 'agent-misbehaviour'?)")


def test_other_fields_get_no_taxonomy() -> None:
    """`misc` is a synonym of the category `other`, but not of a status that is also `other`."""
    assert closest("misc", ["other", "jailbreak"]) == "other"
    assert closest("misc", ["other", "new"]) is None


@pytest.mark.parametrize(
    ("value", "choices", "meant"),
    [
        ("acepted", ["new", "triaged", "accepted", "fixed", "wont-fix"], "accepted"),
        ("won't fix", ["new", "triaged", "accepted", "fixed", "wont-fix"], "wont-fix"),
        ("invite_only", ["public", "application", "invite-only"], "invite-only"),
        ("Disclose_On", ["disclose_on", "submitted"], "disclose_on"),
        ("first_responce_days", ["first_response_days", "triage_days"], "first_response_days"),
        ("zzz", ["name", "contact", "url"], None),
    ],
)
def test_other_fields_by_words_then_spelling(
    value: str, choices: list[str], meant: str | None
) -> None:
    assert closest(value, choices) == meant


def test_an_unknown_key_still_gets_the_closest_key(tree: Tree) -> None:
    tree.replace("demo/program.yml", "prize_criteria:", "prize_critera:")
    assert any("did you mean 'prize_criteria'?" in p for p in tree.errors())


def test_every_synonym_leads_to_its_category() -> None:
    for category, info in TAXONOMY.items():
        for synonym in info.synonyms:
            assert closest(synonym, CATEGORIES) == category, synonym


def test_no_synonym_is_claimed_twice_or_shadows_a_category() -> None:
    synonyms = [s for info in TAXONOMY.values() for s in info.synonyms]
    assert len(synonyms) == len(set(synonyms))
    assert not set(synonyms) & set(CATEGORIES)


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [("injections", "injection"), ("hijacking", "hijack"), ("access", "access"), ("dos", "dos")],
)
def test_stem(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed
