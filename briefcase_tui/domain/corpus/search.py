"""Ranked full-text search over the corpus, built once per corpus.

BM25F-style scoring over weighted fields (title, aliases, names, tags, summary, quotes),
case- and accent-insensitive, with Snowball stems (`regulating` finds `regulation`), a
French/English glossary (`sécurité` finds security), typo tolerance (`enviroment`) and prefix
matching so results follow each keystroke. The order says what the query meant: an exact
title, alias or id first, then items holding the query as a phrase, then items whose title
holds every query word, then the rest by score; a question word puts the kind it asks for
first. Scores per (term, item) are computed when the index is built, so a query only adds
numbers up.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
import re
from array import array
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import replace
from typing import Any, TypeVar

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.filters import SearchFilters
from briefcase_tui.domain.corpus.glossary import GLOSSARY_FACTOR, Glossary
from briefcase_tui.domain.corpus.kinds import KINDS
from briefcase_tui.domain.corpus.query import FilterVocabulary, dates_in, merged, parse_query
from briefcase_tui.domain.corpus.search_types import FIELDS, SearchHit, SearchResult, SearchSettings
from briefcase_tui.domain.corpus.spelling import closest_words
from briefcase_tui.domain.text import fold, stem, stem_french, word_spans, words

__all__ = ["SearchHit", "SearchIndex", "SearchResult", "SearchSettings"]
"""The results and settings live in `search_types`; callers import them from here too."""

PREFIX_FACTOR = 0.7
"""A word that only starts a query word scores less than the word itself."""
TYPO_FACTOR = 0.6
"""A word found by correcting a typo scores less than one typed right."""
MAX_EXPANSIONS = {1: 8, 2: 24}
"""A short prefix matches many words; keep the most common ones so a keystroke stays cheap."""
DEFAULT_EXPANSIONS = 48
TITLE_COVERAGE_BOOST = 1.0
"""An item whose title is mostly query words gains up to this much of its score again."""
POSTINGS_READ = 1000
"""When only the best few results are wanted, a query word is read in at most this many
items (its best scoring ones, for the terms that stand for it in order of weight): on a
50,000-item corpus a common word would otherwise cost milliseconds per keystroke for items
that never reach the screen."""
PHRASE_CHECKED = 200
"""How many of the best candidates are checked for holding the query as a phrase."""
_PLAIN_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""An id as the corpus format writes them (lower-case letters and digits between hyphens):
its folded words are its parts, found without folding it."""
_NO_ENTRY = " "
"""The French stem given to a corpus word whose real one keys no glossary entry: no word
holds a space, so it meets no entry either."""


class _Slot:
    """One query word (or glossary phrase) and the index terms that may stand for it.

    A plain class: a dataclass's generated methods cost memory in every session that searches.
    """

    __slots__ = ("corrected", "meaning", "partial", "terms", "typed")

    def __init__(self, typed: str, terms: dict[str, float], meaning: str = "") -> None:
        self.typed = typed
        self.terms = terms
        self.corrected: str | None = None
        self.partial: set[str] = set()
        """Terms of words the typed word only begins: they count as half a title match."""
        self.meaning = meaning
        """The words it stands for in English: the typed word, or its glossary entry's main
        form."""


class _StemTable(dict[str, str]):
    """Folded word → English stem, stemming a word the first time it is looked up."""

    def __missing__(self, word: str) -> str:
        found = stem(word)
        if found == word:
            found = word  # the word itself, held (and pickled) once rather than twice
        self[word] = found
        return found


H = TypeVar("H", bound=Hashable)


def _shared(values: Iterable[H]) -> list[H]:
    """The values, each distinct one held once: most items share their tags, days and
    sources with others, and the index then holds (and unpickles) one set per value, not
    one per item (bundled corpus: 879 sets, 230 KiB, down to a few dozen; 293 source
    names down to 4)."""
    made: dict[H, H] = {}
    return [made.setdefault(found, found) for found in values]


class SearchIndex:
    """An inverted index of one corpus; build once, query many times (and pickle)."""

    def __init__(self, corpus: Corpus, settings: SearchSettings | None = None) -> None:
        # Only building the index needs these (and the models `search_fields` imports).
        from briefcase_tui.domain.corpus.search_fields import searchable_texts
        from briefcase_tui.domain.corpus.search_postings import FIELD_WEIGHTS, build_postings

        self.settings = SearchSettings.load() if settings is None else settings
        stopwords = self.settings.stopwords
        items = corpus.items
        self._ids = [item.id for item in items]
        self._kinds = [item.kind for item in items]
        self._titles = [item.title for item in items]
        self._tags = _shared(frozenset(item.tags) for item in items)
        item_dates = [corpus.dates_of(item) for item in items]
        item_sources = [corpus.sources_of(item) for item in items]
        self._dates = _shared(map(frozenset, item_dates))
        self._sources = _shared(frozenset(s.id for s in sources) for sources in item_sources)
        self._primary_source = _shared(
            item.quotes[0].source if item.quotes else "" for item in items
        )
        self._source_words = {
            word: source_id
            for source_id in corpus.sources
            for word in words(source_id.replace("-", " "))
        }
        """A query word naming a source (`statement`, `tech7`, `commentary`) puts that source's
        items first."""
        self._vocabulary = FilterVocabulary(
            frozenset(KINDS),
            {
                **{fold(t.label).replace("-", " "): t.id for t in corpus.tags.values()},
                **{t.replace("-", " "): t for t in corpus.tags},
            },
            frozenset(corpus.sources),
        )
        self._kind_weight = array(
            "d", (self.settings.kind_weights.get(k, 1.0) for k in self._kinds)
        )
        self._stems: dict[str, str] = {}
        """Folded word → English stem, for every word of the corpus: a query rarely needs the
        stemmer (whose import costs 35 ms) at all."""
        weighted: list[dict[str, float]] = []
        lengths: list[float] = []
        title_stems: list[set[str]] = []
        exact: dict[str, list[int]] = {}
        texts: list[str] = []
        stems = _StemTable()
        stem_of = stems.__getitem__
        weights = tuple(FIELD_WEIGHTS[name] for name in FIELDS)
        halves, rest = _half_units(weights)
        # The loop below runs for every word of the corpus: words are stemmed and counted in C
        # (map over the stem table, Counter), and only distinct stems reach Python. The fields
        # weighing a whole number of halves are counted together, each field's stems repeated
        # as many times as it has halves: those sums are exact, so they equal the sums taken
        # field by field in floating point. The remaining fields are added after, in order.
        for number, item in enumerate(items):
            found = [
                words(text)
                for text in searchable_texts(item, corpus, item_dates[number], item_sources[number])
            ]
            length = 0.0
            for weight, field_words in zip(weights, found, strict=True):
                length += weight * len(field_words)
            stemmed = [list(map(stem_of, field_words)) for field_words in found]
            units: list[str] = []
            for times, field_stems in zip(halves, stemmed, strict=False):
                if field_stems:
                    units += field_stems * times
            counts: dict[str, float] = {term: n / 2 for term, n in Counter(units).items()}
            for weight, field_stems in zip(rest, stemmed[len(halves) :], strict=True):
                if field_stems:
                    get = counts.get
                    counts.update(
                        {t: get(t, 0.0) + weight * n for t, n in Counter(field_stems).items()}
                    )
            weighted.append(counts)
            lengths.append(length)
            folded = [" ".join(field_words) for field_words in found]
            texts.append(" | ".join(folded))
            title_stems.append({*stemmed[0], *stemmed[1]} - stopwords)
            title = item.title
            exact.setdefault(folded[0], []).append(number)
            cut = title.split(" (")[0]
            named = folded[0] if cut == title else " ".join(words(cut))
            exact.setdefault(named, []).append(number)
            for name in item.aliases:
                exact.setdefault(" ".join(words(name)), []).append(number)
            ident = item.id  # an id's words are its parts between hyphens
            key = ident.replace("-", " ") if _PLAIN_ID.fullmatch(ident) else " ".join(words(ident))
            exact.setdefault(key, []).append(number)
        self._stems.update(stems)
        for tag in corpus.tags.values():
            titled_as_tag = exact.get(" ".join(words(tag.label)), [])
            exact.setdefault(" ".join(words(tag.id)), []).extend(titled_as_tag)
        """A tag's id stands for the item titled with its label (`work`: Future of Work)."""
        self._texts = texts
        """Each item's folded words by field, to check a phrase."""
        self._exact: dict[str, int | tuple[int, ...]] = {
            key: numbers[0] if len(numbers) == 1 else tuple(numbers)
            for key, numbers in exact.items()
            if key
        }
        """Title, name, alias or id → its item's number, or their numbers when several share it
        (a tuple for each of the 418 keys of one item took 20 KiB)."""
        self._title_sizes = array("I", (len(w) or 1 for w in title_stems))
        self._years = tuple(sorted({date.year for dates in self._dates for date in dates}))
        """The years the corpus's dates fall in: a query's "11 February" is read in them."""
        (
            self._terms,
            self._posting_starts,
            self._posting_items,
            scores,
            self._title_starts,
            self._title_items,
        ) = build_postings(weighted, lengths, title_stems, POSTINGS_READ)
        """Every term, sorted: its place is its number (see `_term`); its items and scores lie in
        `_posting_items` and `_posting_scores` from `_posting_starts[number]` to
        `_posting_starts[number + 1]`, the items with it in their title in `_title_items` from
        `_title_starts[number]` to `_title_starts[number + 1]`."""
        self._posting_scores = memoryview(scores.tobytes()).cast("d")
        """The scores as a view of bytes: pickled as those bytes and read back without a copy
        (an array is read as bytes, then copied: 100 KiB more at the peak of a read)."""
        self._words = sorted(self._stems)
        """Every word as written (folded), for prefix matching as the user types."""
        self._title_sets: dict[str, frozenset[int]] = {}
        """Title items as sets, for the terms asked for so far (see `_titled`)."""
        self._french: dict[str, str] = {}
        self._glossary = Glossary(self.settings.glossary, stopwords, self._stem, self._stem_fr)
        self.settings = replace(self.settings, glossary=())
        """The glossary's entries live on in `_glossary`: the index does not keep them twice."""
        self._spellings: list[str] | None = None
        """The words a typo is corrected towards, made at the first typo (see `_spelling`)."""
        for word in self._words:
            self._stem_fr(word)
        keyed = self._glossary.key_stems()
        self._french = {word: found for word, found in self._french.items() if found in keyed}
        """French stems that key a glossary entry, by word; a corpus word missing here has
        none (see `_french_stem`): 2,045 stems, 260 KiB, down to the 207 that count."""

    def __len__(self) -> int:
        return len(self._ids)

    def __getstate__(self) -> dict[str, object]:
        """What is pickled: everything but what queries made (see `_titled`, `_spelling`)."""
        return {
            **self.__dict__,
            "_title_sets": {},
            "_spellings": None,
            "_posting_scores": self._posting_scores.obj,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        """The pickled state, the scores viewed again as numbers (see `_posting_scores`)."""
        self.__dict__.update(state)
        self._posting_scores = memoryview(state["_posting_scores"]).cast("d")

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int | None = 20
    ) -> list[SearchHit]:
        """Items matching the query, best first; ties keep corpus order."""
        return self.find(query, filters, limit).hits

    def find(
        self, query: str, filters: SearchFilters | None = None, limit: int | None = 20
    ) -> SearchResult:
        """The hits of a query, with the terms to highlight, a correction and filter problems."""
        parsed = parse_query(query, self._vocabulary)
        chosen = merged(filters, parsed.filters)
        all_words = words(parsed.text)
        slots = self._slots(self.query_terms(parsed.text))
        terms = frozenset(t for slot in slots for t in slot.terms)
        corrected = [s for s in slots if s.corrected]
        did_you_mean = None
        if corrected:
            replaced = {s.typed: s.corrected for s in corrected}
            did_you_mean = " ".join(replaced.get(w, w) or w for w in all_words)
        if not slots or not terms:
            only_filters = not all_words and chosen != SearchFilters()
            hits = self._filtered(chosen, limit) if only_filters else []
            return SearchResult(hits, terms, did_you_mean, parsed.problems)
        hinted = frozenset().union(*(self.settings.intents.get(w, frozenset()) for w in all_words))
        scores, matched, in_title = self._score(slots, limit)
        query_key = " ".join(all_words)
        meant = " ".join(dict.fromkeys(slot.meaning for slot in slots))
        exact = {*self._exactly(query_key), *self._exactly(meant)}
        dates = dates_in(parsed.text, self._years)
        named = {self._source_words[w] for w in all_words if w in self._source_words}
        numbers: Iterable[int] = scores
        if limit is not None and len(slots) > 1:
            numbers = _most_matched(matched, limit)
        if chosen != SearchFilters():
            numbers = [n for n in numbers if self._passes(n, chosen)]
        for phrase in (" ".join(p) for p in parsed.phrases):
            numbers = [n for n in numbers if phrase in self._texts[n]]
        keys = self._keys(numbers, scores, matched, in_title, len(slots), exact, hinted, named)
        if dates:
            keys = [(k[0], self._on_the_day(-k[-1], dates), *k[2:]) for k in keys]
        ranked = self._phrases_first(
            sorted(keys, reverse=True)
            if limit is None
            else heapq.nlargest(max(limit, PHRASE_CHECKED), keys),
            meant.split() if meant != query_key else all_words,
        )
        if limit is not None:
            ranked = ranked[:limit]
        hits = [
            SearchHit(
                self._ids[-key[-1]],
                self._kinds[-key[-1]],
                self._titles[-key[-1]],
                round(key[-2], 4),
                self._field_of(-key[-1], terms),
                key[0],
                phrase,
            )
            for phrase, key in ranked
        ]
        return SearchResult(hits, terms, did_you_mean, parsed.problems)

    def _exactly(self, key: str) -> tuple[int, ...]:
        """The items a query names exactly (by title, name, alias or id)."""
        found = self._exact.get(key, ())
        return (found,) if isinstance(found, int) else found

    def _keys(
        self,
        numbers: Iterable[int],
        scores: dict[int, float],
        matched: dict[int, int],
        in_title: dict[int, float],
        wanted: int,
        exact: set[int],
        hinted: frozenset[str],
        named: set[str],
    ) -> list[tuple[bool, bool, bool, bool, float, int]]:
        """Sort keys: exact match, the day a date names (filled in later), every word in the
        title (of the kind asked for), the kind asked for, then score; ties keep corpus order.
        Written for speed: it runs for every match."""
        sizes, weights, kinds, sources = (
            self._title_sizes, self._kind_weight, self._kinds, self._primary_source,
        )  # fmt: skip
        keys = []
        for number in numbers:
            title = in_title.get(number, 0.0)
            coverage = title / sizes[number]
            score = scores[number] * matched[number] / wanted * weights[number]
            score *= 1 + TITLE_COVERAGE_BOOST * (coverage if coverage < 1 else 1.0)
            kind_ok = (not hinted or kinds[number] in hinted) and (
                not named or sources[number] in named
            )
            titled = kind_ok and title >= wanted - 0.01
            keys.append((number in exact, False, titled, kind_ok, score, -number))
        return keys

    def _on_the_day(self, number: int, dates: frozenset[dt.date]) -> bool:
        """A query naming a date puts that date's day first."""
        return self._kinds[number] == "day" and bool(self._dates[number] & dates)

    def _field_of(self, number: int, terms: frozenset[str]) -> str:
        """The weightiest field holding a word the query matched: where to say it matched."""
        for name, text in zip(FIELDS, self._texts[number].split(" | "), strict=False):
            if any(self._stems.get(word) in terms for word in text.split()):
                return name
        return FIELDS[0]

    def highlights(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Where the words of a text that the query matched stand: (start, end) pairs."""
        return [(a, b) for a, b, word in word_spans(text) if self._stem(word) in terms]

    def query_terms(self, query: str) -> list[str]:
        """The words of a query that count: stopwords dropped; of a query of stopwords only,
        the last word, which may be the start of the word the user is typing."""
        terms = words(query)
        kept = [t for t in terms if t not in self.settings.stopwords]
        return kept or terms[-1:]

    def _stem(self, word: str) -> str:
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = stem(word)
        return found

    def _stem_fr(self, word: str) -> str:
        found = self._french.get(word)
        if found is None:
            found = self._french[word] = stem_french(word)
        return found

    def _french_stem(self, word: str) -> str:
        """The French stem of a query word, as far as the glossary can tell: the index holds
        only the stems that key an entry, so a corpus word it lacks gets one that keys none."""
        found = self._french.get(word)
        if found is not None:
            return found
        at = bisect.bisect_left(self._words, word)
        if at < len(self._words) and self._words[at] == word:
            return _NO_ENTRY
        return stem_french(word)

    def _spelling(self) -> list[str]:
        """The words a typo is corrected towards: the corpus's and the glossary's, in order.

        Made at the first typo rather than kept in the index: most sessions never make one.
        """
        if self._spellings is None:
            self._spellings = sorted({*self._words, *self._glossary.words})
        return self._spellings

    def _slots(self, tokens: list[str], correct: bool = True) -> list[_Slot]:
        """Each query word, or glossary phrase, with the index terms that stand for it."""
        slots: list[_Slot] = []
        position = 0
        while position < len(tokens):
            rest = tokens[position:]
            last = position == len(tokens) - 1
            found = self._glossary.match(
                [self._stems.get(w) or stem(w) for w in rest[: self._glossary.longest]],
                [self._french_stem(w) for w in rest[: self._glossary.longest]],
            )
            if found is not None:
                size, expansion = found
                typed = rest[:size]
                for number, term in enumerate(expansion.slots):
                    slot = _Slot(
                        " ".join(typed),
                        {term: 1.0} if self._term(term) >= 0 else {},
                        meaning=expansion.main,
                    )
                    if number == 0 and size == 1:
                        own = self._stem(typed[0])
                        if self._term(own) >= 0:
                            slot.terms[own] = 1.0  # the word as typed counts in full
                        for term in expansion.alternatives:
                            if self._term(term) >= 0:
                                slot.terms.setdefault(term, GLOSSARY_FACTOR)
                    slots.append(slot)
                if last and size == 1:  # still being typed: the words it begins count too
                    for term, factor in self._prefixed(rest[0], self._stem(rest[0])):
                        if term not in slots[-1].terms:
                            slots[-1].terms[term] = factor
                            slots[-1].partial.add(term)
                position += size
                continue
            slots.append(self._word_slot(rest[0], last, correct))
            position += 1
        return slots

    def _word_slot(self, word: str, last: bool, correct: bool) -> _Slot:
        """A word not in the glossary: its stem, the words it begins, or its correction."""
        own = self._stem(word)
        slot = _Slot(word, {own: 1.0} if self._term(own) >= 0 else {}, meaning=word)
        if last or not slot.terms:
            for term, factor in self._prefixed(word, own):
                if term not in slot.terms:
                    slot.terms[term] = factor
                    slot.partial.add(term)
        if slot.terms or not correct:
            return slot
        for correction in closest_words(word, self._spelling()):
            fixed = self._slots([correction], correct=False)
            for term, factor in fixed[0].terms.items() if len(fixed) == 1 else ():
                slot.terms.setdefault(term, factor * TYPO_FACTOR)
            if slot.terms and slot.corrected is None:
                slot.corrected = correction
                slot.meaning = fixed[0].meaning if len(fixed) == 1 else correction
        return slot

    def _prefixed(self, token: str, own: str) -> Iterable[tuple[str, float]]:
        """The stems of the words a query word begins, the most common ones when there are many."""
        start = bisect.bisect_left(self._words, token)
        candidates: dict[str, None] = {}
        for word in self._words[start:]:
            if not word.startswith(token):
                break
            term = self._stems[word]
            if term != own:
                candidates[term] = None
        most = MAX_EXPANSIONS.get(len(token), DEFAULT_EXPANSIONS)
        chosen: Iterable[str] = candidates
        if len(candidates) > most:
            chosen = heapq.nlargest(most, candidates, key=self._items_holding)
        for term in chosen:
            yield term, PREFIX_FACTOR

    def _titled(self, term: str) -> frozenset[int] | None:
        """The items with this term in their title, as a set made the first time it is asked
        for: the index holds them as arrays, 4 bytes an item (a set of 10,000 numbers takes
        over 600 KiB), and a session asks for a few terms."""
        found = self._title_sets.get(term)
        if found is None:
            number = self._term(term)
            if number < 0:
                return None
            start, end = self._title_starts[number], self._title_starts[number + 1]
            if start == end:
                return None
            found = self._title_sets[term] = frozenset(self._title_items[start:end])
        return found

    def _term(self, term: str) -> int:
        """The number of an index term, or -1 when no item holds it: its place among the
        sorted terms, found by bisection (a dict of them took 68 KiB of table and numbers)."""
        terms = self._terms
        at = bisect.bisect_left(terms, term)
        return at if at < len(terms) and terms[at] == term else -1

    def _items_holding(self, term: str) -> int:
        """How many items hold this term (the length of its postings)."""
        number = self._term(term)
        return self._posting_starts[number + 1] - self._posting_starts[number]

    def _score(
        self, slots: list[_Slot], limit: int | None
    ) -> tuple[dict[int, float], dict[int, int], dict[int, float]]:
        """Per item: summed score, query words matched, and title words matched."""
        scores: dict[int, float] = {}
        matched: dict[int, int] = {}
        in_title: dict[int, float] = {}
        for slot in slots:
            best: dict[int, float] = {}
            budget = POSTINGS_READ if limit is not None else len(self._ids)
            read_terms: list[str] = []
            for term, factor in sorted(slot.terms.items(), key=lambda pair: -pair[1]):
                if budget <= 0:
                    break
                read_terms.append(term)
                term_number = self._term(term)
                start = self._posting_starts[term_number]
                read = min(budget, self._posting_starts[term_number + 1] - start)
                budget -= read
                documents = self._posting_items[start : start + read]
                term_scores = self._posting_scores[start : start + read]
                if not best:
                    best = dict(zip(documents, map(factor.__mul__, term_scores), strict=True))
                    continue
                get = best.get
                for number, score in zip(documents, term_scores, strict=True):
                    value = score * factor
                    if value > get(number, 0.0):
                        best[number] = value
            if not scores:
                scores, matched = best, dict.fromkeys(best, 1)
            else:
                for number, value in best.items():
                    scores[number] = scores.get(number, 0.0) + value
                    matched[number] = matched.get(number, 0) + 1
            title_hit: dict[int, float] = {}
            for term in read_terms:
                weight = 0.5 if term in slot.partial else 1.0
                titled = self._titled(term)
                if titled is None:
                    continue
                for number in titled.intersection(best):
                    if weight > title_hit.get(number, 0.0):
                        title_hit[number] = weight
            for number, weight in title_hit.items():
                in_title[number] = in_title.get(number, 0.0) + weight
        return scores, matched, in_title

    def _phrases_first(
        self, ranked: list[tuple[bool, bool, bool, bool, float, int]], query_words: list[str]
    ) -> list[tuple[bool, tuple[bool, bool, bool, bool, float, int]]]:
        """The ranking, with the best candidates that hold the query as a phrase moved up.

        A phrase in the title or another name comes right after an exact match; a phrase in
        the text comes after the items whose title holds every word, before the rest.
        """
        if len(query_words) < 2:
            return [(False, key) for key in ranked]
        phrase = f" {' '.join(query_words)} "
        head: list[tuple[int, tuple[bool, bool, bool, bool, float, int]]] = []
        for key in ranked[:PHRASE_CHECKED]:
            text = f" {self._texts[-key[-1]]} "
            level = 0
            if phrase in text:
                title, names, _, _ = text.split(" | ", 3)
                level = 2 if phrase in f"{title} {names} " else 1
            head.append((level, key))
        head.sort(
            key=lambda pair: (pair[1][0], pair[0] == 2, *pair[1][1:3], pair[0], *pair[1][3:]),
            reverse=True,
        )
        return [(level > 0, key) for level, key in head] + [
            (False, key) for key in ranked[PHRASE_CHECKED:]
        ]

    def _filtered(self, filters: SearchFilters, limit: int | None) -> list[SearchHit]:
        """Every item the filters admit, in corpus order: a query of filters only."""
        numbers = (n for n in range(len(self._ids)) if self._passes(n, filters))
        return [
            SearchHit(self._ids[n], self._kinds[n], self._titles[n], 0.0)
            for n in itertools.islice(numbers, limit)
        ]

    def _passes(self, number: int, filters: SearchFilters) -> bool:
        return filters.admits(
            self._kinds[number], self._tags[number], self._dates[number], self._sources[number]
        )


def _half_units(weights: tuple[float, ...]) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """The leading field weights as whole numbers of halves, and the weights after them.

    Sums of halves are exact in floating point (far below 2**52), whatever their order.
    """
    halves: list[int] = []
    for weight in weights:
        if not (weight * 2).is_integer() or weight <= 0:
            break
        halves.append(int(weight * 2))
    return tuple(halves), weights[len(halves) :]


def _most_matched(matched: dict[int, int], limit: int) -> Iterable[int]:
    """The items matching the most query words, when there are enough of them to fill a page.

    An item missing a word scores at most a fraction of one that has them all, so with a
    page's worth of complete matches the rest cannot reach the page: skip ranking them.
    """
    most = max(matched.values(), default=0)
    best = [n for n, count in matched.items() if count == most]
    return best if len(best) >= limit else matched
