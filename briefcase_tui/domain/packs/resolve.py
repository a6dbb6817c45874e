"""A pack joined to the corpus: each entry with the item it names, and the ids the corpus lacks.

Exports, `pack show` and the app all read a pack through this one view, so an id that is
no longer in the corpus is handled the same way everywhere: kept, shown, and flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.models import ItemBase
from briefcase_tui.domain.packs.models import Entry, Pack, Section


@dataclass(frozen=True)
class ResolvedEntry:
    """An entry with its corpus item (None for a free-standing note or a missing id)."""

    entry: Entry
    item: ItemBase | None
    number: int
    """Its number from 1 in pack order, as `brief pack show` prints it."""

    @property
    def missing(self) -> bool:
        """The entry names an id the corpus does not have."""
        return self.entry.item is not None and self.item is None


@dataclass(frozen=True)
class ResolvedSection:
    """A section with its resolved entries."""

    section: Section
    entries: tuple[ResolvedEntry, ...]


@dataclass(frozen=True)
class ResolvedPack:
    """A pack read against a corpus."""

    pack: Pack
    sections: tuple[ResolvedSection, ...]
    missing: tuple[str, ...]
    """Ids not in the corpus, in pack order, each once."""

    def entries(self) -> list[ResolvedEntry]:
        """Every entry in pack order."""
        return [entry for section in self.sections for entry in section.entries]


_LAST: list[tuple[Pack, Corpus, ResolvedPack]] = []
"""The last pack resolved, with its corpus: an export plans and then renders the same pack,
and both would look up every item again (0.2 s for 50,000 entries). Both are immutable."""


def resolve_pack(pack: Pack, corpus: Corpus) -> ResolvedPack:
    """Look up every entry's item in the corpus."""
    if _LAST and _LAST[0][0] is pack and _LAST[0][1] is corpus:
        return _LAST[0][2]
    resolved = _resolve(pack, corpus)
    _LAST[:] = [(pack, corpus, resolved)]
    return resolved


def _resolve(pack: Pack, corpus: Corpus) -> ResolvedPack:
    number = 0
    sections: list[ResolvedSection] = []
    missing: dict[str, None] = {}
    for section in pack.sections:
        entries: list[ResolvedEntry] = []
        for entry in section.entries:
            number += 1
            item = corpus.get(entry.item) if entry.item is not None else None
            if entry.item is not None and item is None:
                missing[entry.item] = None
            entries.append(ResolvedEntry(entry, item, number))
        sections.append(ResolvedSection(section, tuple(entries)))
    return ResolvedPack(pack, tuple(sections), tuple(missing))
