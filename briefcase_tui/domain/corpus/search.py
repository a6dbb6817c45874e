"""Ranked full-text search over the corpus, built once per corpus.

BM25F-style scoring over weighted fields (title, aliases, names, tags, summary, quotes),
case- and accent-insensitive, with light stemming (`investing` finds `investment`) and
prefix matching so results can follow each keystroke. Items whose title holds every query
word come first, the closest titles first among them; a question word puts the kind it
asks for first ("who" people, "how many" figures). Scores per (term, item) are computed
when the index is built, so a query only adds numbers up.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.filters import SearchFilters
from briefcase_tui.domain.corpus.kinds import KIND_OF
from briefcase_tui.domain.corpus.models import ItemBase
from briefcase_tui.domain.text import stem, words
from briefcase_tui.paths import SEARCH_SETTINGS_FILE

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
MAX_EXPANSIONS = {1: 8, 2: 24}
"""A short prefix matches many words; keep the most common ones so a keystroke stays cheap."""
DEFAULT_EXPANSIONS = 48
TITLE_COVERAGE_BOOST = 1.0
"""An item whose title is mostly query words gains up to this much of its score again."""


@dataclass(frozen=True)
class SearchHit:
    """One ranked result."""

    id: str
    kind: str
    title: str
    score: float


@dataclass(frozen=True)
class SearchSettings:
    """How queries are read: words to ignore and question words that hint at a kind."""

    stopwords: frozenset[str] = frozenset()
    intents: dict[str, frozenset[str]] = field(default_factory=dict)
    kind_weights: dict[str, float] = field(default_factory=dict)
    """Kinds that gather other items (a day) or restate them (a figure) weigh less."""

    @classmethod
    def load(cls, path: Path = SEARCH_SETTINGS_FILE) -> SearchSettings:
        """Read the settings from their data file."""
        import tomllib

        with path.open("rb") as handle:
            data = tomllib.load(handle)
        return cls(
            stopwords=frozenset(words(" ".join(data.get("stopwords", [])))),
            intents={word: frozenset(kinds) for word, kinds in data.get("intents", {}).items()},
            kind_weights={
                kind: float(weight) for kind, weight in data.get("kind_weights", {}).items()
            },
        )


class SearchIndex:
    """An inverted index of one corpus; build once, query many times."""

    def __init__(self, corpus: Corpus, settings: SearchSettings | None = None) -> None:
        self.settings = SearchSettings.load() if settings is None else settings
        items = corpus.items
        self._ids = [item.id for item in items]
        self._kinds = [item.kind for item in items]
        self._titles = [item.title for item in items]
        self._tags = [frozenset(item.tags) for item in items]
        self._dates = [frozenset(corpus.dates_of(item)) for item in items]
        self._sources = [frozenset(s.id for s in corpus.sources_of(item)) for item in items]
        self._primary_source = [item.quotes[0].source if item.quotes else "" for item in items]
        self._source_words = {
            word: source_id
            for source_id in corpus.sources
            for word in words(source_id.replace("-", " "))
        }
        """A query word naming a source (`statement`, `tech7`, `commentary`) puts that source's
        items first."""
        self._kind_weight = array(
            "d", (self.settings.kind_weights.get(k, 1.0) for k in self._kinds)
        )
        weighted: list[dict[str, float]] = []
        lengths: list[float] = []
        title_stems: list[set[str]] = []
        surface: dict[str, str] = {}
        for item in items:
            fields = _fields(item, corpus)
            counts: dict[str, float] = {}
            length = 0.0
            for name, text in fields.items():
                weight = FIELD_WEIGHTS[name]
                for word in words(text):
                    term = surface.get(word)
                    if term is None:
                        term = surface[word] = stem(word)
                    counts[term] = counts.get(term, 0.0) + weight
                    length += weight
            weighted.append(counts)
            lengths.append(length)
            title_stems.append({stem(w) for w in words(fields["title"] + " " + fields["aliases"])})
        self._title_sizes = array("I", (len(w) or 1 for w in title_stems))
        self._years = tuple(sorted({date.year for dates in self._dates for date in dates}))
        """The years the corpus's dates fall in: a query's "11 February" is read in them."""
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        frequency: dict[str, int] = {}
        for counts in weighted:
            for term in counts:
                frequency[term] = frequency.get(term, 0) + 1
        total = len(weighted)
        postings: dict[str, tuple[array[int], array[float]]] = {}
        in_titles: dict[str, array[int]] = {}
        for number, counts in enumerate(weighted):
            norm = K1 * (1 - B + B * lengths[number] / (average or 1.0))
            for term, tf in counts.items():
                idf = math.log(1 + (total - frequency[term] + 0.5) / (frequency[term] + 0.5))
                documents, scores = postings.setdefault(term, (array("I"), array("d")))
                documents.append(number)
                scores.append(idf * tf * (K1 + 1) / (tf + norm))
                if term in title_stems[number]:
                    in_titles.setdefault(term, array("I")).append(number)
        self._postings = postings
        """Stem → (item numbers, precomputed BM25F scores): compact arrays, quick to cache and
        read."""
        self._in_titles = in_titles
        """Stem → numbers of the items whose title or aliases hold it."""
        self._words = sorted(surface)
        """Every word as written (folded), for prefix matching as the user types."""
        self._stem_of = surface
        self._frequency = frequency

    def __len__(self) -> int:
        return len(self._ids)

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int | None = 20
    ) -> list[SearchHit]:
        """Items matching the query, best first; ties keep corpus order."""
        all_words = words(query)
        tokens = self.query_terms(query)
        if not tokens:
            return []
        hinted = frozenset().union(*(self.settings.intents.get(w, frozenset()) for w in all_words))
        scores: dict[int, float] = {}
        matched: dict[int, int] = {}
        title_matches: dict[int, int] = {}
        for position, token in enumerate(tokens):
            best: dict[int, float] = {}
            title_hit: set[int] = set()
            for term, factor in self._expand(token, prefix=position == len(tokens) - 1):
                documents, term_scores = self._postings[term]
                for number, score in zip(documents, term_scores, strict=True):
                    value = score * factor
                    if value > best.get(number, 0.0):
                        best[number] = value
                title_hit.update(self._in_titles.get(term, ()))
            for number, value in best.items():
                scores[number] = scores.get(number, 0.0) + value
                matched[number] = matched.get(number, 0) + 1
            for number in title_hit:
                title_matches[number] = title_matches.get(number, 0) + 1
        wanted = len(tokens)

        dates = _dates_in(query, self._years)
        named_sources = {self._source_words[w] for w in all_words if w in self._source_words}

        def ranking(number: int) -> tuple[bool, bool, bool, float, int]:
            in_title = title_matches.get(number, 0)
            score = scores[number] * matched[number] / wanted
            score *= 1 + TITLE_COVERAGE_BOOST * min(1.0, in_title / self._title_sizes[number])
            score *= self._kind_weight[number]
            wanted_kind = (not hinted or self._kinds[number] in hinted) and (
                not named_sources or self._primary_source[number] in named_sources
            )
            on_the_day = (
                bool(dates) and self._kinds[number] == "day" and bool(self._dates[number] & dates)
            )
            return (on_the_day, in_title >= wanted and wanted_kind, wanted_kind, score, -number)

        candidates = (ranking(n) for n in scores if self._passes(n, filters))
        ranked = (
            heapq.nlargest(limit, candidates)
            if limit is not None
            else sorted(candidates, reverse=True)
        )
        return [
            SearchHit(
                self._ids[-negated], self._kinds[-negated], self._titles[-negated], round(score, 4)
            )
            for _, _, _, score, negated in ranked
        ]

    def query_terms(self, query: str) -> list[str]:
        """The words of a query that count: stopwords dropped unless nothing else is left."""
        terms = words(query)
        kept = [t for t in terms if t not in self.settings.stopwords]
        return kept or terms

    def _expand(self, token: str, prefix: bool) -> Iterable[tuple[str, float]]:
        """The indexed stems a query word stands for: its own, and those of words it begins."""
        own = stem(token)
        if own in self._postings:
            yield own, 1.0
        if not prefix and own in self._postings:
            return
        start = bisect.bisect_left(self._words, token)
        candidates: dict[str, None] = {}
        for word in self._words[start:]:
            if not word.startswith(token):
                break
            term = self._stem_of[word]
            if term != own:
                candidates[term] = None
        most = MAX_EXPANSIONS.get(len(token), DEFAULT_EXPANSIONS)
        chosen: Iterable[str] = candidates
        if len(candidates) > most:
            chosen = heapq.nlargest(most, candidates, key=lambda t: self._frequency[t])
        for term in chosen:
            yield term, PREFIX_FACTOR

    def _passes(self, number: int, filters: SearchFilters | None) -> bool:
        return filters is None or filters.admits(
            self._kinds[number], self._tags[number], self._dates[number], self._sources[number]
        )


_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\b|\b([a-z]{3,9})\s+(\d{1,2})\b"
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _dates_in(query: str, years: tuple[int, ...]) -> frozenset[dt.date]:
    """Dates a query names (`11 February`, `Feb 11`, `2025-02-11`), so that day comes first.

    A date without a year is taken in each year the corpus's own dates fall in.
    """
    text = query.casefold()
    found: set[dt.date] = set()
    for match in _ISO_DATE.finditer(text):
        try:
            found.add(dt.date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            pass
    for match in _DAY_MONTH.finditer(text):
        day, month = (match[1], match[2]) if match[1] else (match[4], match[3])
        number = next((n for name, n in _MONTHS.items() if name.startswith(month)), None)
        if number is not None:
            for year in years:
                try:
                    found.add(dt.date(year, number, int(day)))
                except ValueError:
                    pass
    return frozenset(found)


def _fields(item: ItemBase, corpus: Corpus) -> dict[str, str]:
    """The searchable text of an item by field."""
    names: list[str] = [item.kind]
    kind = KIND_OF[item.kind]
    for name in kind.searched:
        value = getattr(item, name)
        if name in kind.references:
            linked = corpus.get(value) if isinstance(value, str) else None
            value = linked.title if linked is not None else None
        if isinstance(value, str):
            names.append(value)
    for date in corpus.dates_of(item):
        names.append(f"{date:%B} {date.day} {date.isoformat()}")
    if item.set_id in corpus.sets:
        names.append(corpus.sets[item.set_id].title)
    names.extend(source.id.replace("-", " ") for source in corpus.sources_of(item))
    tag_labels = [corpus.tags[t].label if t in corpus.tags else t for t in item.tags]
    return {
        "title": item.title,
        "aliases": " ".join(item.aliases),
        "names": " ".join(names),
        "tags": " ".join(tag_labels),
        "summary": item.summary,
        "quotes": " ".join(q.text for q in item.quotes),
    }
