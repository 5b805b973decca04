"""The closest valid value for a mistaken one, for "did you mean" hints: a known synonym first,
then the words it shares with a choice, then spelling.

Spelling alone picks the wrong word when the organizer used another name for the same thing
(`rogue-action` is spelt most like `model-extraction`, but it is an agent misbehaving). So a
choice is also matched by its words and, for taxonomy categories, by the category's synonyms,
label and description. Other fields (statuses, models, keys) get the same logic without the
taxonomy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from .taxonomy import TAXONOMY

# How much one shared word says about a choice, by where the choice has it.
NAME_WEIGHT = 3  # in the choice itself, or in one of its synonyms
LABEL_WEIGHT = 2  # in a category's label
DESCRIPTION_WEIGHT = 1  # in a category's description
PHRASE_WEIGHT = 2  # per word of a name or synonym found whole in the value
MIN_WORD_SCORE = 2  # a description word alone is too weak to suggest anything
MIN_SPELLING = 0.6  # difflib's own cutoff for close matches

_STOP_WORDS = frozenset(
    ("the", "and", "for", "with", "its", "that", "this", "from", "into", "than", "not", "any")
)


@dataclass(frozen=True)
class Choice:
    """A valid value with the names and words that point to it."""

    name: str
    synonyms: tuple[str, ...] = ()
    words: Mapping[str, int] | None = None  # stem -> weight; None: from name and synonyms


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice `value` most likely meant, or None when nothing is close enough. Categories of
    the taxonomy are matched by their synonyms, label and description too (only when every
    choice is a category, so another field's `other` is not taken for the category)."""
    names = list(choices)
    if not names:
        return None
    if set(names) <= set(TAXONOMY):
        return best_choice(value, [_category(name) for name in names])
    return best_choice(value, [Choice(name) for name in names])


def best_choice(value: str, candidates: list[Choice]) -> str | None:
    normal = _normal(value)
    for candidate in candidates:
        if normal in map(_normal, (candidate.name, *candidate.synonyms)):
            return candidate.name
    stems = {stem(word) for word in words_of(value) if len(word) > 2} - _STOP_WORDS
    # Shared words first, spelling to break ties; the first listed wins a complete tie.
    scores = [(_word_score(stems, c), _spelling(normal, c)) for c in candidates]
    best = max(range(len(candidates)), key=lambda i: scores[i])
    words, spelling = scores[best]
    if words >= MIN_WORD_SCORE or spelling >= MIN_SPELLING:
        return candidates[best].name
    return None


def _category(name: str) -> Choice:
    info = TAXONOMY[name]
    words: dict[str, int] = {}
    for text, weight in (
        (info.description, DESCRIPTION_WEIGHT),
        (info.label, LABEL_WEIGHT),
        (" ".join((name, *info.synonyms)), NAME_WEIGHT),
    ):
        words.update({stem(word): weight for word in words_of(text)})
    return Choice(name, info.synonyms, words)


def _word_score(stems: set[str], choice: Choice) -> int:
    """Weights of the value's words found in the choice, plus a bonus for each of the choice's
    names (itself or a synonym) whose words all appear in the value."""
    names = (choice.name, *choice.synonyms)
    vocabulary = choice.words
    if vocabulary is None:
        vocabulary = {stem(w): NAME_WEIGHT for n in names for w in words_of(n)}
    score = sum(vocabulary.get(word, 0) for word in stems)
    for name in names:
        phrase = {stem(word) for word in words_of(name)}
        if phrase and phrase <= stems:
            score += PHRASE_WEIGHT * len(phrase)
    return score


def _spelling(normal: str, choice: Choice) -> float:
    """How alike the value is spelt to the choice or its closest synonym (0 to 1)."""
    names = (choice.name, *choice.synonyms)
    return max(SequenceMatcher(None, normal, _normal(name)).ratio() for name in names)


def _normal(text: str) -> str:
    """`Prompt Injection`, `prompt_injection` and `prompt-injection` alike."""
    return "-".join(words_of(text))


def words_of(text: str) -> list[str]:
    """Lowercase words of `text`, split at anything that is not a letter or digit."""
    return re.findall(r"[a-z0-9]+", text.lower())


def stem(word: str) -> str:
    """A crude stem, enough to meet `injections` with `injection` and `hijacking` with
    `hijack`."""
    for suffix, keep in (("ing", 4), ("ed", 4), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word
