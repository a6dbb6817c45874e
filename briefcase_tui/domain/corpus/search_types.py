"""What search is given (its settings) and what it gives back (hits, with why they matched)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefcase_tui.domain.corpus.glossary import GlossaryEntry
from briefcase_tui.domain.corpus.glossary import read_entries as read_glossary
from briefcase_tui.domain.text import words
from briefcase_tui.paths import SEARCH_SETTINGS_FILE

FIELDS = ("title", "aliases", "names", "tags", "summary", "quotes")
"""The fields search reads, from the one that weighs most to the one that weighs least."""
FIELD_LABELS = {
    "title": "title",
    "aliases": "other names",
    "names": "names and places",
    "tags": "tags",
    "summary": "summary",
    "quotes": "quotes",
}
"""How a field is named when search says where an item matched. (Both live here, with the
hits that name them, so a search reads them without importing what builds the index.)"""


@dataclass(frozen=True)
class SearchHit:
    """One ranked result, with why it matched."""

    id: str
    kind: str
    title: str
    score: float
    field: str = "title"
    """The field its best-scoring word stands in (title, aliases, names, tags, summary,
    quotes)."""
    exact: bool = False
    """The query is the item's title, an alias or its id."""
    phrase: bool = False
    """The item holds the query's words side by side."""


@dataclass(frozen=True)
class SearchResult:
    """The hits of a query and what the user should know about it."""

    hits: list[SearchHit]
    terms: frozenset[str] = frozenset()
    """The index terms the query stood for: what to highlight in a result."""
    did_you_mean: str | None = None
    """The query with its misspelt words corrected, when some were."""
    problems: tuple[str, ...] = ()
    """Filters in the query the corpus cannot satisfy."""


@dataclass(frozen=True)
class SearchSettings:
    """How queries are read: words to ignore, question words, kind weights and the glossary."""

    stopwords: frozenset[str] = frozenset()
    intents: dict[str, frozenset[str]] = field(default_factory=dict)
    kind_weights: dict[str, float] = field(default_factory=dict)
    """Kinds that gather other items (a day) or restate them (a figure) weigh less."""
    glossary: tuple[GlossaryEntry, ...] = ()

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
            glossary=read_glossary(data.get("glossary", [])),
        )
