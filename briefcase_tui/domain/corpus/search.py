"""Ranked full-text search over the corpus, built once per corpus.

BM25F-style scoring over weighted fields (title, aliases, names, tags, summary, quotes),
case- and accent-insensitive, with prefix matching so results can follow each keystroke.
Items whose title holds every query word come first. Scores per (term, item) are computed
when the index is built, so a query only adds numbers up.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.models import ItemBase
from briefcase_tui.domain.text import words
from briefcase_tui.paths import STOPWORDS_FILE

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
PREFIX_FACTOR = 0.7
"""A word that only starts a query word scores less than the word itself."""
MAX_EXPANSIONS = 48
"""A short prefix matches many words; keep the most common ones so a keystroke stays cheap."""


@dataclass(frozen=True)
class SearchHit:
    """One ranked result."""

    id: str
    kind: str
    title: str
    score: float


@dataclass(frozen=True)
class SearchFilters:
    """Narrow results by kind, tag, day or cited source; empty means no restriction."""

    kinds: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    days: frozenset[dt.date] = frozenset()
    sources: frozenset[str] = frozenset()


def load_stopwords(path: Path = STOPWORDS_FILE) -> frozenset[str]:
    """Words too common to rank by (the, of, what ...), from a data file."""
    with path.open("rb") as handle:
        return frozenset(words(" ".join(tomllib.load(handle)["words"])))


class SearchIndex:
    """An inverted index of one corpus; build once, query many times."""

    def __init__(self, corpus: Corpus, stopwords: frozenset[str] | None = None) -> None:
        self.stopwords = load_stopwords() if stopwords is None else stopwords
        self._ids = [item.id for item in corpus.items]
        self._kinds = [item.kind for item in corpus.items]  # type: ignore[attr-defined]
        self._titles = [item.title for item in corpus.items]
        self._tags = [frozenset(item.tags) for item in corpus.items]
        self._dates = [frozenset(corpus.dates_of(item)) for item in corpus.items]
        self._sources = [frozenset(s.id for s in corpus.sources_of(item)) for item in corpus.items]
        self._title_terms: list[frozenset[str]] = []
        weighted: list[dict[str, float]] = []
        lengths: list[float] = []
        for item in corpus.items:
            fields = _fields(item, corpus)
            counts: dict[str, float] = {}
            length = 0.0
            for name, text in fields.items():
                weight = FIELD_WEIGHTS[name]
                for term in words(text):
                    counts[term] = counts.get(term, 0.0) + weight
                    length += weight
            weighted.append(counts)
            lengths.append(length)
            self._title_terms.append(frozenset(words(fields["title"] + " " + fields["aliases"])))
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        document_frequency: dict[str, int] = {}
        for counts in weighted:
            for term in counts:
                document_frequency[term] = document_frequency.get(term, 0) + 1
        total = len(weighted)
        self._postings: dict[str, dict[int, float]] = {}
        for number, counts in enumerate(weighted):
            norm = K1 * (1 - B + B * lengths[number] / (average or 1.0))
            for term, tf in counts.items():
                df = document_frequency[term]
                idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
                self._postings.setdefault(term, {})[number] = idf * tf * (K1 + 1) / (tf + norm)
        self._vocabulary = sorted(self._postings)
        self._frequency = document_frequency

    def __len__(self) -> int:
        return len(self._ids)

    def search(self, query: str, filters: SearchFilters | None = None, limit: int | None = 20) -> list[SearchHit]:
        """Items matching the query, best first; ties keep corpus order."""
        tokens = self.query_terms(query)
        if not tokens:
            return []
        scores: dict[int, float] = {}
        matched: dict[int, int] = {}
        in_title: dict[int, int] = {}
        for position, token in enumerate(tokens):
            is_last = position == len(tokens) - 1
            best: dict[int, float] = {}
            title_hit: set[int] = set()
            for term, factor in self._expand(token, prefix=is_last or token not in self._postings):
                for number, score in self._postings[term].items():
                    value = score * factor
                    if value > best.get(number, 0.0):
                        best[number] = value
                    if term in self._title_terms[number]:
                        title_hit.add(number)
            for number, value in best.items():
                scores[number] = scores.get(number, 0.0) + value
                matched[number] = matched.get(number, 0) + 1
            for number in title_hit:
                in_title[number] = in_title.get(number, 0) + 1
        wanted = len(tokens)
        ranked = sorted(
            (
                (in_title.get(n, 0) == wanted, scores[n] * matched[n] / wanted, -n)
                for n in scores
                if self._passes(n, filters)
            ),
            reverse=True,
        )
        if limit is not None:
            ranked = ranked[:limit]
        return [
            SearchHit(self._ids[-negated], self._kinds[-negated], self._titles[-negated], round(score, 4))
            for _, score, negated in ranked
        ]

    def query_terms(self, query: str) -> list[str]:
        """The words of a query that count: stopwords dropped unless nothing else is left."""
        terms = words(query)
        kept = [t for t in terms if t not in self.stopwords]
        return kept or terms

    def _expand(self, token: str, prefix: bool) -> Iterable[tuple[str, float]]:
        """The indexed terms a query word stands for: itself, and words it begins."""
        if token in self._postings:
            yield token, 1.0
        if not prefix:
            return
        start = bisect.bisect_left(self._vocabulary, token)
        candidates: list[str] = []
        for term in self._vocabulary[start:]:
            if not term.startswith(token):
                break
            if term != token:
                candidates.append(term)
        if len(candidates) > MAX_EXPANSIONS:
            candidates = sorted(candidates, key=lambda t: -self._frequency[t])[:MAX_EXPANSIONS]
        for term in candidates:
            yield term, PREFIX_FACTOR

    def _passes(self, number: int, filters: SearchFilters | None) -> bool:
        if filters is None:
            return True
        return (
            (not filters.kinds or self._kinds[number] in filters.kinds)
            and (not filters.tags or bool(self._tags[number] & filters.tags))
            and (not filters.days or bool(self._dates[number] & filters.days))
            and (not filters.sources or bool(self._sources[number] & filters.sources))
        )


def _fields(item: ItemBase, corpus: Corpus) -> dict[str, str]:
    """The searchable text of an item by field."""
    names: list[str] = [item.kind]  # type: ignore[attr-defined]
    for attribute in ("role", "organiser", "audience", "city", "country", "category", "focus",
                      "listed_as", "measures", "unit", "when", "host", "publisher", "location",
                      "announced_by"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            names.append(value)
    for attribute in ("venue", "envoy", "priority"):
        target = getattr(item, attribute, None)
        if isinstance(target, str):
            linked = corpus.get(target)
            if linked is not None:
                names.append(linked.title)
    for date in corpus.dates_of(item):
        names.append(f"{date:%B} {date.day} {date.isoformat()}")
    tag_labels = [corpus.tags[t].label if t in corpus.tags else t for t in item.tags]
    return {
        "title": item.title,
        "aliases": " ".join(item.aliases),
        "names": " ".join(names),
        "tags": " ".join(tag_labels),
        "summary": item.summary,
        "quotes": " ".join(q.text for q in item.quotes),
    }
