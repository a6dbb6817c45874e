"""The loaded corpus: typed lookups and the relations between items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from briefcase_tui.domain.corpus.kinds import KIND_OF
from briefcase_tui.domain.corpus.models import (
    Caveat,
    CorpusInfo,
    Day,
    ItemBase,
    RecommendationSet,
    Source,
    Tag,
)
from briefcase_tui.errors import UnknownItemError


@dataclass(frozen=True)
class Corpus:
    """Every source, tag, set, item and caveat, with indexes built once on load.

    Links in the data are written one way; `related()` answers both ways, because a
    delegate reading a workstream wants its envoy and one reading the envoy wants the
    workstream.
    """

    info: CorpusInfo
    sources: dict[str, Source]
    tags: dict[str, Tag]
    sets: dict[str, RecommendationSet]
    items: tuple[ItemBase, ...]
    caveats: tuple[Caveat, ...] = ()
    _by_id: dict[str, ItemBase] = field(init=False, repr=False, compare=False)
    _related: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _caveats_by_item: dict[str, tuple[Caveat, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id = {item.id: item for item in self.items}
        related: dict[str, dict[str, None]] = {item.id: {} for item in self.items}
        for item in self.items:
            for target in _references(item):
                if target in by_id and target != item.id:
                    related[item.id][target] = None
                    related[target][item.id] = None
        caveats: dict[str, list[Caveat]] = {}
        for caveat in self.caveats:
            for item_id in caveat.items:
                caveats.setdefault(item_id, []).append(caveat)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_related", {k: tuple(v) for k, v in related.items()})
        object.__setattr__(self, "_caveats_by_item", {k: tuple(v) for k, v in caveats.items()})

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._by_id

    def __iter__(self) -> Iterator[ItemBase]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, item_id: str) -> ItemBase | None:
        """The item with this id, or None."""
        return self._by_id.get(item_id)

    def item(self, item_id: str) -> ItemBase:
        """The item with this id; an unknown id raises with "did you mean" suggestions."""
        found = self._by_id.get(item_id)
        if found is None:
            raise UnknownItemError(item_id, self.suggest(item_id))
        return found

    def suggest(self, item_id: str, limit: int = 3) -> list[str]:
        """Ids that look like a mistyped one: near spellings, or ids that contain it."""
        import difflib  # only an error path needs it

        close = difflib.get_close_matches(item_id, self._by_id, n=limit, cutoff=0.6)
        if len(close) < limit and len(item_id) >= 3:
            close += [i for i in self._by_id if item_id in i and i not in close][
                : limit - len(close)
            ]
        return close

    def of_kind(self, *kinds: str) -> list[ItemBase]:
        """Items of the given kinds, in corpus order."""
        return [item for item in self.items if item.kind in kinds]

    def related(self, item_id: str) -> list[ItemBase]:
        """Items linked to or from this one, in the order the links were written."""
        return [self._by_id[i] for i in self._related.get(item_id, ())]

    def caveats_for(self, item_id: str) -> tuple[Caveat, ...]:
        """The disagreements recorded about this item."""
        return self._caveats_by_item.get(item_id, ())

    def sources_of(self, item: ItemBase) -> list[Source]:
        """The sources an item quotes, including through its caveats, in citation order."""
        ids: dict[str, None] = {q.source: None for q in item.quotes}
        for caveat in self.caveats_for(item.id):
            ids.update({side.source: None for side in caveat.sides})
        return [self.sources[i] for i in ids if i in self.sources]

    def dates_of(self, item: ItemBase) -> tuple[dt.date, ...]:
        """The calendar dates an item falls on, for filtering by day."""
        field_name = KIND_OF[item.kind].dates
        if not field_name:
            return ()
        dates: dt.date | tuple[dt.date, ...] = getattr(item, field_name)
        return dates if isinstance(dates, tuple) else (dates,)

    def days(self) -> list[Day]:
        """The programme days in date order."""
        return sorted((i for i in self.items if isinstance(i, Day)), key=lambda d: d.date)


def _references(item: ItemBase) -> Iterable[str]:
    """Every id an item points at: its links and its kind's reference fields."""
    yield from item.links
    for name in KIND_OF[item.kind].references:
        value = getattr(item, name)
        if isinstance(value, str):
            yield value
