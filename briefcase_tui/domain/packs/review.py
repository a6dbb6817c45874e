"""Which entries of a pack read differently in today's corpus, and their review.

Each entry remembers its item's fingerprint from when it was added or last reviewed
(`Entry.fingerprint`). Against the corpus in use, an entry is:

- `current`: its item reads as it did;
- `changed`: its item reads differently (corrected, or another corpus): the reader should
  look again before the brief goes out;
- `vanished`: its item is not in the corpus any more;
- `unreviewed`: the pack was written before Briefcase recorded fingerprints, so nothing is
  known; it loads and exports as before, and a review records today's reading.

Notes of one's own have no item and no status. Reviewing an entry (`accept`) records the
fingerprint of today's reading and the corpus version, as adding it does (`stamp`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from briefcase_tui.domain.corpus.fingerprint import item_fingerprint, item_reading
from briefcase_tui.domain.packs.models import Entry, Pack

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.history import EarlierReading
    from briefcase_tui.domain.corpus.models import ItemBase

Status = Literal["current", "changed", "vanished", "unreviewed"]
EntryAt = tuple[int, int]

STATUS_WORDS: dict[Status, str] = {
    "current": "reviewed",
    "changed": "changed in the corpus since it was added",
    "vanished": "no longer in the corpus",
    "unreviewed": "not reviewed yet",
}
"""How each status reads in a line of `show`, `validate` and the app."""


@dataclass(frozen=True)
class EntryReview:
    """One entry whose item changed or vanished: where it is, and its old and new readings."""

    at: EntryAt
    item: str
    status: Status
    old: EarlierReading | None
    """The reading the entry recorded, when the corpus's history keeps it."""
    new: str | None
    """Today's reading; None when the item vanished."""


def entry_status(entry: Entry, corpus: Corpus) -> Status | None:
    """The entry's status against this corpus; None for a note of one's own."""
    if entry.item is None:
        return None
    if not entry.fingerprint:  # no need to read the item to know
        return "unreviewed" if entry.item in corpus else "vanished"
    return status_with(entry, corpus.get(entry.item), corpus)


def status_with(entry: Entry, item: ItemBase | None, corpus: Corpus) -> Status | None:
    """`entry_status` for an entry whose item was looked up already (None: not in the corpus)."""
    if entry.item is None:
        return None
    if item is None:
        return "vanished"
    if not entry.fingerprint:
        return "unreviewed"
    return "current" if item_fingerprint(item, corpus) == entry.fingerprint else "changed"


def statuses(pack: Pack, corpus: Corpus) -> dict[EntryAt, Status]:
    """Every item entry's status, by place."""
    found: dict[EntryAt, Status] = {}
    for s_index, section in enumerate(pack.sections):
        for e_index, entry in enumerate(section.entries):
            status = entry_status(entry, corpus)
            if status is not None:
                found[(s_index, e_index)] = status
    return found


def to_review(pack: Pack, corpus: Corpus, history: dict[str, EarlierReading]) -> list[EntryReview]:
    """The entries whose item changed or vanished, in pack order, with both readings."""
    reviews = []
    for at, status in statuses(pack, corpus).items():
        if status not in ("changed", "vanished"):
            continue
        entry = pack.sections[at[0]].entries[at[1]]
        assert entry.item is not None
        item = corpus.get(entry.item)
        reviews.append(
            EntryReview(
                at,
                entry.item,
                status,
                history.get(entry.fingerprint),
                item_reading(item, corpus) if item is not None else None,
            )
        )
    return reviews


def item_reading_of(item_id: str, corpus: Corpus) -> str | None:
    """Today's reading of an item, or None when the corpus does not have it."""
    item = corpus.get(item_id)
    return item_reading(item, corpus) if item is not None else None


def stamp(pack: Pack, corpus: Corpus, places: Iterable[EntryAt] | None = None) -> Pack:
    """The pack with today's fingerprint recorded for these entries (all item entries when None).

    Entries whose item is not in the corpus keep what they had: there is nothing to record.
    """
    wanted = None if places is None else set(places)
    sections = []
    changed = False
    for s_index, section in enumerate(pack.sections):
        entries = []
        touched = False
        for e_index, entry in enumerate(section.entries):
            item = corpus.get(entry.item) if entry.item is not None else None
            if item is not None and (wanted is None or (s_index, e_index) in wanted):
                fingerprint = item_fingerprint(item, corpus)
                if fingerprint != entry.fingerprint:
                    entry = entry.model_copy(update={"fingerprint": fingerprint})
                    touched = True
            entries.append(entry)
        # Sections left alone stay the same objects: the app redraws only those that changed.
        sections.append(
            section.model_copy(update={"entries": tuple(entries)}) if touched else section
        )
        changed = changed or touched
    version = corpus.info.version
    if not changed and (version == pack.corpus_version or not version):
        return pack
    return pack.model_copy(
        update={"sections": tuple(sections), "corpus_version": version or pack.corpus_version}
    )


def accept(pack: Pack, corpus: Corpus, places: Iterable[EntryAt] | None = None) -> Pack:
    """The pack with these entries reviewed (every changed or unreviewed one when None)."""
    if places is None:
        places = [at for at, s in statuses(pack, corpus).items() if s in ("changed", "unreviewed")]
    return stamp(pack, corpus, places)


@dataclass(frozen=True)
class ReadingRow:
    """One line of each reading, side by side; `changed` when they differ there."""

    changed: bool
    old: str
    new: str


def side_by_side(old: str | None, new: str | None) -> list[ReadingRow]:
    """Two readings aligned line by line, equal lines paired, differing ones marked."""
    before = old.splitlines() if old is not None else []
    after = new.splitlines() if new is not None else []
    rows = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        left, right = before[a_start:a_end], after[b_start:b_end]
        for index in range(max(len(left), len(right))):
            rows.append(
                ReadingRow(
                    tag != "equal",
                    left[index] if index < len(left) else "",
                    right[index] if index < len(right) else "",
                )
            )
    return rows
