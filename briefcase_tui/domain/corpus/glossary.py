"""The summit's words in English and French, matched in a query in either language.

Delegates type French (`sécurité`, `avenir du travail`) into a corpus written in English, and
English into a French venue's name (`library` for `Bibliothèque`). Each entry of the glossary
in `data/search.toml` gathers the words for one idea; a query word or phrase that is any of
them stands for all of them. Words meet by their stems, so `observatoires` finds the entry of
`observatoire`, and the entry's main English form is searched as a phrase of words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefcase_tui.domain.text import words

GLOSSARY_FACTOR = 0.9
"""A word found through the glossary scores a little less than the word as typed."""


@dataclass(frozen=True)
class GlossaryEntry:
    """The words for one idea, in each language; the first English one is the main form."""

    en: tuple[str, ...]
    fr: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Expansion:
    """What a matched glossary entry stands for in the index (tuples and slots: a glossary of
    73 entries took 65 KiB of sets and instance dicts)."""

    slots: tuple[str, ...]
    """The index term of each word of the main form."""
    alternatives: tuple[str, ...]
    """Index terms of the entry's one-word forms in either language: another way to say it."""
    main: str
    """The main form's folded words, stopwords and all, to compare with titles."""


class Glossary:
    """Glossary entries keyed by the stems of their words, built once with the index."""

    def __init__(
        self,
        entries: tuple[GlossaryEntry, ...],
        stopwords: frozenset[str],
        stem_en: Callable[[str], str],
        stem_fr: Callable[[str], str],
    ) -> None:
        self._keys: dict[tuple[str, ...], int] = {}
        self._expansions: list[Expansion] = []
        found_words: set[str] = set()
        for number, entry in enumerate(entries):
            alternatives: set[str] = set()
            for language, phrases in (("en", entry.en), ("fr", entry.fr)):
                stem = stem_en if language == "en" else stem_fr
                for phrase in phrases:
                    kept = [w for w in words(phrase) if w not in stopwords]
                    found_words.update(kept)
                    if kept:
                        self._keys.setdefault(tuple(stem(w) for w in kept), number)
                    if len(kept) == 1:
                        alternatives.add(stem_en(kept[0]))
            main = [w for w in words(entry.en[0]) if w not in stopwords] if entry.en else []
            slots = tuple(stem_en(w) for w in main)
            main_form = " ".join(words(entry.en[0])) if entry.en else ""
            self._expansions.append(Expansion(slots, tuple(sorted(alternatives)), main_form))
        self.words = tuple(sorted(found_words))
        """Every folded word of every entry, to correct typos towards (a tuple: a set of them
        would take ten times the memory, and they are only read together)."""
        self.longest = max((len(key) for key in self._keys), default=0)
        """The most words an entry has: how far ahead a query is matched."""

    def key_stems(self) -> set[str]:
        """Every stem an entry is keyed by: a word whose stem is none of them meets no entry."""
        return {stem for key in self._keys for stem in key}

    def match(self, en_stems: list[str], fr_stems: list[str]) -> tuple[int, Expansion] | None:
        """The longest entry the words start with, as (words matched, expansion), or None."""
        for size in range(min(self.longest, len(en_stems)), 0, -1):
            number = self._keys.get(tuple(en_stems[:size]))
            if number is None:
                number = self._keys.get(tuple(fr_stems[:size]))
            if number is not None:
                return size, self._expansions[number]
        return None


def read_entries(data: object) -> tuple[GlossaryEntry, ...]:
    """The glossary entries of the search settings' `[[glossary]]` tables."""
    if not isinstance(data, list):
        return ()
    return tuple(
        GlossaryEntry(tuple(entry.get("en", ())), tuple(entry.get("fr", ())))
        for entry in data
        if isinstance(entry, dict)
    )
