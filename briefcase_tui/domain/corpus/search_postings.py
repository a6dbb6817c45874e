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
) -> tuple[list[str], array[int], array[int], array[float], array[int], array[int]]:
    """Per term: items and BM25F scores, best first for a term in more than `read` items (a
    query reads only the start of its list); and the items with it in their title, in order.

    The lists of every term lie end to end in two arrays, items and scores: term number `n` (the
    n-th of the sorted terms, the first list) holds positions `starts[n]` to `starts[n + 1]`. Two
    arrays and a tuple per term took 3 objects per term to hold and to unpickle (1,403 terms on the
    bundled corpus, about 200 KiB of headers); how many items hold a term is the length of its list.
    The items with a term in their title lie end to end the same way, in the last two arrays (a dict
    of an array per term took 96 KiB on the bundled corpus). Item numbers take two bytes each while
    they fit.
    """
    code = "H" if len(weighted) <= 0xFFFF else "I"
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    frequency = dict(Counter(chain.from_iterable(weighted)))  # counted in C, first seen first
    total = len(weighted)
    idf = {
        term: math.log(1 + (total - count + 0.5) / (count + 0.5)) * (K1 + 1)
        for term, count in frequency.items()
    }
    documents_of: dict[str, array[int]] = {term: array(code) for term in frequency}
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
    terms = sorted(frequency)
    starts = array("I", [0])
    documents = array(code)
    scores = array("d")
    title_starts = array("I", [0])
    title_items = array(code)
    for term in terms:
        own, term_scores = documents_of[term], scores_of[term]
        if len(own) > read:
            order = sorted(range(len(term_scores)), key=term_scores.__getitem__, reverse=True)
            own = array(code, [own[i] for i in order])
            term_scores = array("d", [term_scores[i] for i in order])
        documents.extend(own)
        scores.extend(term_scores)
        starts.append(len(documents))
        title_items.extend(titled.get(term, ()))
        title_starts.append(len(title_items))
    return terms, starts, documents, scores, title_starts, title_items
