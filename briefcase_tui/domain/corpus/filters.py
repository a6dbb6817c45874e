"""Filters by kind, tag, day and cited source, shared by listing and search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.models import ItemBase


@dataclass(frozen=True)
class SearchFilters:
    """Narrow items by kind, tag, day or cited source; an empty set means no restriction."""

    kinds: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    days: frozenset[dt.date] = frozenset()
    sources: frozenset[str] = frozenset()

    def admits(
        self, kind: str, tags: frozenset[str], dates: frozenset[dt.date], sources: frozenset[str]
    ) -> bool:
        """Whether an item with these properties passes every filter."""
        return (
            (not self.kinds or kind in self.kinds)
            and (not self.tags or bool(tags & self.tags))
            and (not self.days or bool(dates & self.days))
            and (not self.sources or bool(sources & self.sources))
        )

    def select(self, corpus: Corpus) -> list[ItemBase]:
        """The corpus's items that pass, in corpus order."""
        return [
            item
            for item in corpus.items
            if self.admits(
                item.kind,
                frozenset(item.tags),
                frozenset(corpus.dates_of(item)),
                frozenset(s.id for s in corpus.sources_of(item)),
            )
        ]
