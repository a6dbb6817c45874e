"""BM25F scores per (term, item), computed once when the index is built.

Each item's words are weighted by the field they stand in, and scored against the whole
corpus (how rare the word, how long the item); a query then only adds these numbers up.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from itertools import chain

FIELD_WEIGHTS: dict[str, float] = {
    "title": 4.0,
    "aliases": 3.0,
    "names": 2.0,
    "tags": 1.5,
    "summary": 1.0,
    "quotes": 0.6,
}
"""How much a word counts by where it stands: a title hit outweighs a passing mention."""
K1 = 1.2
B = 0.75


def build_postings(
    weighted: list[dict[str, float]],
    lengths: list[float],
    title_stems: list[set[str]],
    read: int,
) -> tuple[dict[str, tuple[array[int], array[float]]], dict[str, frozenset[int]], dict[str, int]]:
    """Per term: items and BM25F scores, best first for a term in more than `read` items (a
    query reads only the start of its list); the items with it in their title; and how many
    items hold it."""
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    frequency = dict(Counter(chain.from_iterable(weighted)))  # counted in C, first seen first
    total = len(weighted)
    idf = {
        term: math.log(1 + (total - count + 0.5) / (count + 0.5)) * (K1 + 1)
        for term, count in frequency.items()
    }
    documents_of: dict[str, array[int]] = {term: array("I") for term in frequency}
    scores_of: dict[str, array[float]] = {term: array("d") for term in frequency}
    adders = {
        term: (documents_of[term].append, scores_of[term].append, idf[term]) for term in frequency
    }
    """Per term, what the loop below needs of it, found with one lookup."""
    titled: dict[str, list[int]] = {}
    for number, counts in enumerate(weighted):  # every (term, item): keep the body lean
        norm = K1 * (1 - B + B * lengths[number] / (average or 1.0))
        for term, tf in counts.items():
            add_document, add_score, term_idf = adders[term]
            add_document(number)
            add_score(term_idf * tf / (tf + norm))
        for term in title_stems[number]:
            titled.setdefault(term, []).append(number)
    postings = {term: (documents_of[term], scores_of[term]) for term in frequency}
    for term, (documents, scores) in postings.items():
        if len(documents) > read:
            order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
            postings[term] = (
                array("I", [documents[i] for i in order]),
                array("d", [scores[i] for i in order]),
            )
    return postings, {term: frozenset(numbers) for term, numbers in titled.items()}, frequency
