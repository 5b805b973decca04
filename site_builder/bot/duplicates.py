"""Likely duplicates, explained: word overlap (Jaccard) between a submission and the program's
recorded findings, with the shared words shown."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[a-z0-9][a-z0-9-]{2,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "that",
        "this",
        "from",
        "into",
        "when",
        "than",
        "then",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "its",
        "it's",
        "not",
        "but",
        "you",
        "your",
        "our",
        "their",
        "they",
        "them",
        "can",
        "could",
        "would",
        "should",
        "will",
        "about",
        "over",
        "under",
        "after",
        "before",
        "which",
        "while",
        "where",
        "what",
        "who",
        "how",
        "all",
        "any",
        "model",
        "models",
        "prompt",
        "prompts",
    ]
)
THRESHOLD = 0.2
TOP = 3


@dataclass(frozen=True)
class Similar:
    label: str
    score: float
    shared: tuple[str, ...]


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def likely_duplicates(text: str, candidates: list[tuple[str, str]]) -> list[Similar]:
    """Candidates are (label, text); the best few above THRESHOLD, best first."""
    mine = words(text)
    found = []
    for label, other in candidates:
        theirs = words(other)
        if not mine or not theirs:
            continue
        shared = mine & theirs
        score = len(shared) / len(mine | theirs)
        if score >= THRESHOLD:
            found.append(Similar(label, score, tuple(sorted(shared))))
    found.sort(key=lambda s: (-s.score, s.label))
    return found[:TOP]
