"""Three versions of a pack merged entry by entry, as git merges lines: `brief pack merge`.

Two people edit copies of one pack (on two git branches, or on two laptops) and bring them
together. A line-based merge sees TOML; this one sees the pack. Each version is compared
with the common ancestor (`base`): what only one side changed is taken from that side, what
both changed alike is taken once, and what both changed differently is a conflict. A
conflict keeps both sides in the pack (`Conflict`, next to what it is about) so nothing is
lost, and `brief pack validate`, `brief pack show` and the app show it until someone picks.

Identities follow `diff.py`: sections by title (any case), then by the entries they share
(a renamed section); entries by item id, free-standing notes by their text, and a note
whose text one side edited by its place among the notes of its section. Tags merge as sets
(an added tag and a removed one never conflict). The order of sections and of entries
merges like lines: where one side reordered, its order is taken; where both reordered the
same stretch differently, ours is kept and theirs recorded as an `order` conflict.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from briefcase_tui.domain.packs.conflicts import entry_label
from briefcase_tui.domain.packs.models import (
    DETAIL_FIELDS,
    Conflict,
    Entry,
    Pack,
    Section,
)

K = TypeVar("K", bound=Hashable)

EntryKey = tuple[str, str, int]
"""("item", id, n) or ("note", text, n): n tells apart repeats of one id or text."""
SectionKey = tuple[str, str]
"""("base", n) for a section of the base (n its index); ("new", "n:title") for one added, n
counting sections of the same folded title, so two sides adding one title share a key."""

NOTE_EDIT_LIKENESS = 0.5
"""How alike (difflib's ratio) an edited free-standing note must stay to be the same note.
Below it, the edit reads as one note removed and another added."""


@dataclass(frozen=True)
class MergeResult:
    """The merged pack and what the merge could not decide."""

    pack: Pack
    conflicts: int
    """How many conflicts the merged pack holds (already-marked ones included)."""


@dataclass
class _Placed:
    """One entry of one version: where it is and what it says."""

    section: SectionKey
    entry: Entry


@dataclass
class _Version:
    """One of the three versions, keyed so that the same section or entry has the same key."""

    pack: Pack
    section_keys: list[SectionKey]
    entries: dict[EntryKey, _Placed]
    orders: dict[SectionKey, list[EntryKey]]
    """Each section's entries in this version's order."""

    def section(self, key: SectionKey) -> Section | None:
        if key not in self.section_keys:
            return None
        return self.pack.sections[self.section_keys.index(key)]


def merge_packs(base: Pack | None, ours: Pack, theirs: Pack) -> MergeResult:
    """Merge `ours` and `theirs`, two descendants of `base` (None: they share no ancestor)."""
    base_pack = base if base is not None else Pack(title=ours.title)
    base_version = _keyed(base_pack, base_pack)
    our_version = _keyed(ours, base_pack)
    their_version = _keyed(theirs, base_pack)
    _pair_edited_notes(base_version, our_version)
    _pair_edited_notes(base_version, their_version)
    merged = _Merge(base_version, our_version, their_version, base is None).run()
    return MergeResult(merged, merged.conflict_count())


def _keyed(pack: Pack, base: Pack) -> _Version:
    """A version with its sections keyed against the base's and its entries keyed."""
    keys = _section_keys(pack, base)
    entries: dict[EntryKey, _Placed] = {}
    orders: dict[SectionKey, list[EntryKey]] = {}
    seen: Counter[tuple[str, str]] = Counter()
    for key, section in zip(keys, pack.sections, strict=True):
        order = orders.setdefault(key, [])
        for entry in section.entries:
            entry_key = _entry_key(entry, seen)
            entries[entry_key] = _Placed(key, entry)
            order.append(entry_key)
    return _Version(pack, keys, entries, orders)


def _entry_key(entry: Entry, seen: Counter[tuple[str, str]]) -> EntryKey:
    kind, text = ("item", entry.item) if entry.item is not None else ("note", entry.note)
    seen[(kind, text)] += 1
    return (kind, text, seen[(kind, text)])


def _section_keys(pack: Pack, base: Pack) -> list[SectionKey]:
    """Each section's key: the base section it descends from (by title, then shared entries)."""
    by_title: dict[str, int] = {}
    for index, section in enumerate(base.sections):
        by_title.setdefault(section.title.casefold(), index)
    keys: list[SectionKey | None] = [None] * len(pack.sections)
    taken: set[int] = set()
    added: Counter[str] = Counter()
    for index, section in enumerate(pack.sections):
        match = by_title.get(section.title.casefold())
        if match is not None and match not in taken:
            keys[index] = ("base", str(match))
            taken.add(match)
    for index, section in enumerate(pack.sections):
        if keys[index] is not None:
            continue
        mine = _contents(section)
        best, best_shared = None, 0
        for base_index, other in enumerate(base.sections):
            shared = len(mine & _contents(other))
            if base_index not in taken and shared > best_shared:
                best, best_shared = base_index, shared
        if best is not None:
            keys[index] = ("base", str(best))
            taken.add(best)
        else:
            folded = section.title.casefold()
            added[folded] += 1
            keys[index] = ("new", f"{added[folded]}:{folded}")
    return [key for key in keys if key is not None]


def _contents(section: Section) -> set[str]:
    return {e.item if e.item is not None else f"note:{e.note}" for e in section.entries}


def _pair_edited_notes(base: _Version, side: _Version) -> None:
    """Give a free-standing note whose text this side edited the key it had in the base.

    Within one section, the notes the base has and this side lacks are paired in order with
    the notes this side has and the base lacks, when their texts stay alike.
    """
    for section_key, order in list(side.orders.items()):
        gone = [
            key
            for key in base.orders.get(section_key, [])
            if key[0] == "note" and key not in side.entries
        ]
        new = [key for key in order if key[0] == "note" and key not in base.entries]
        for old_key, new_key in zip(gone, new, strict=False):
            ratio = difflib.SequenceMatcher(a=old_key[1], b=new_key[1], autojunk=False).ratio()
            if ratio < NOTE_EDIT_LIKENESS:
                continue
            side.entries[old_key] = side.entries.pop(new_key)
            order[order.index(new_key)] = old_key


class _Merge:
    """One three-way merge, field by field, then the orders."""

    def __init__(self, base: _Version, ours: _Version, theirs: _Version, no_base: bool) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.no_base = no_base
        self.pack_conflicts: list[Conflict] = list(ours.pack.conflicts)
        self.section_conflicts: dict[SectionKey, list[Conflict]] = {}
        self.entry_conflicts: dict[EntryKey, list[Conflict]] = {}
        self.entries: dict[EntryKey, _Placed] = {}

    def run(self) -> Pack:
        details = self._details()
        self._merge_entries()
        sections = self._merge_sections()
        order = self._section_order([key for key, _ in sections])
        by_key = dict(sections)
        return Pack.model_validate(
            {
                **details,
                "conflicts": tuple(self.pack_conflicts),
                "sections": tuple(by_key[key] for key in order),
            }
        )

    # The pack's own fields.

    def _details(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for name in DETAIL_FIELDS:
            # Without a common ancestor every field starts empty, and the title unknown.
            base = None if self.no_base and name == "title" else getattr(self.base.pack, name)
            ours, theirs = getattr(self.ours.pack, name), getattr(self.theirs.pack, name)
            value, conflicted = _three_way(base, ours, theirs)
            if conflicted:
                self._conflict(self.pack_conflicts, name, ours, theirs)
            values[name] = value
        values["corpus_version"] = _three_way(
            self.base.pack.corpus_version,
            self.ours.pack.corpus_version,
            self.theirs.pack.corpus_version,
        )[0]
        return values

    # Entries: presence, section, note, priority, tags.

    def _merge_entries(self) -> None:
        keys = dict.fromkeys([*self.ours.entries, *self.theirs.entries, *self.base.entries])
        for key in keys:
            placed = self._merge_entry(key)
            if placed is not None:
                self.entries[key] = placed

    def _merge_entry(self, key: EntryKey) -> _Placed | None:
        base = self.base.entries.get(key)
        ours, theirs = self.ours.entries.get(key), self.theirs.entries.get(key)
        if ours is None and theirs is None:
            return None
        if ours is None or theirs is None:
            kept = ours if ours is not None else theirs
            assert kept is not None
            if base is None:
                return kept  # added on one side only
            removed_side = self.theirs if ours is not None else self.ours
            if removed_side.section(kept.section) is None and kept.section[0] == "base":
                return kept  # its whole section went: merging the section decides
            if _same_entry(base, kept):
                return None  # removed on one side, untouched on the other
            conflicts = self.entry_conflicts.setdefault(key, list(kept.entry.conflicts))
            ours_side, theirs_side = ("kept", "removed") if ours else ("removed", "kept")
            self._conflict(conflicts, "presence", ours_side, theirs_side)
            return kept
        if ours.section == theirs.section and (
            ours.entry == theirs.entry or (base is not None and base.entry == theirs.entry)
        ):
            return ours  # the common case, and most of a big pack: only ours changed, if any
        if base is not None and ours.section == base.section and ours.entry == base.entry:
            return theirs
        conflicts = self.entry_conflicts.setdefault(key, list(ours.entry.conflicts))
        base_entry = base.entry if base is not None else None
        values: dict[str, object] = {"item": ours.entry.item}
        for name in ("note", "priority"):
            base_value = getattr(base_entry, name) if base_entry is not None else None
            mine, other = getattr(ours.entry, name), getattr(theirs.entry, name)
            value, conflicted = _three_way(base_value, mine, other)
            if conflicted:
                self._conflict(conflicts, name, mine, other)
            values[name] = value
        values["tags"] = _merge_set(
            base_entry.tags if base_entry is not None else (), ours.entry.tags, theirs.entry.tags
        )
        # Which reading of the item was last reviewed is not a choice for people: when both
        # reviewed it, ours stands, and a review against today's corpus settles it anyway.
        values["fingerprint"] = _three_way(
            base_entry.fingerprint if base_entry is not None else None,
            ours.entry.fingerprint,
            theirs.entry.fingerprint,
        )[0]
        section = ours.section
        base_section = base.section if base is not None else None
        if ours.section != theirs.section:
            section, conflicted = _three_way(base_section, ours.section, theirs.section)
            if conflicted:
                self._conflict(
                    conflicts,
                    "section",
                    self._title_of(ours.section),
                    self._title_of(theirs.section),
                )
        values["conflicts"] = tuple(conflicts)
        return _Placed(section, Entry.model_validate(values))

    def _title_of(self, key: SectionKey) -> str:
        for version in (self.ours, self.theirs, self.base):
            section = version.section(key)
            if section is not None:
                return section.title
        return ""

    # Sections: presence, title, intro, entries in order.

    def _merge_sections(self) -> list[tuple[SectionKey, Section]]:
        keys = dict.fromkeys(
            [*self.ours.section_keys, *self.theirs.section_keys, *self.base.section_keys]
        )
        holding: dict[SectionKey, list[EntryKey]] = {}
        for entry_key, placed in self.entries.items():
            holding.setdefault(placed.section, []).append(entry_key)
        merged = []
        for key in keys:
            section = self._merge_section(key, holding.get(key, []))
            if section is not None:
                merged.append((key, section))
        return merged

    def _merge_section(self, key: SectionKey, holding: list[EntryKey]) -> Section | None:
        base = self.base.section(key)
        ours, theirs = self.ours.section(key), self.theirs.section(key)
        conflicts = list(ours.conflicts) if ours is not None else []
        if ours is None or theirs is None:
            kept = ours if ours is not None else theirs
            if kept is None:
                return None
            if base is not None:
                changed = (kept.title, kept.intro) != (base.title, base.intro) or any(
                    not _same_entry(self.base.entries.get(e), self.entries[e]) for e in holding
                )
                if not changed:
                    return None  # removed on one side, untouched on the other
                side = ("kept", "removed") if ours is not None else ("removed", "kept")
                self._conflict(conflicts, "presence", *side)
            title, intro = kept.title, kept.intro
        else:
            title, title_conflict = _three_way(
                base.title if base is not None else None, ours.title, theirs.title
            )
            if title_conflict and ours.title.casefold() != theirs.title.casefold():
                self._conflict(conflicts, "title", ours.title, theirs.title)
            elif title_conflict:
                title = ours.title
            intro, intro_conflict = _three_way(
                base.intro if base is not None else None, ours.intro, theirs.intro
            )
            if intro_conflict:
                self._conflict(conflicts, "intro", ours.intro, theirs.intro)
        order, order_conflict = _merge_order(
            self.base.orders.get(key, []),
            self.ours.orders.get(key, []),
            self.theirs.orders.get(key, []),
            set(holding),
        )
        entries = [self._with_conflicts(e) for e in order]
        if order_conflict is not None:
            ours_order, theirs_order = order_conflict
            self._order_conflict(
                conflicts,
                [self._label(e) for e in ours_order],
                [self._label(e) for e in theirs_order],
            )
        return Section.model_validate(
            {
                "title": title,
                "intro": intro,
                "conflicts": tuple(conflicts),
                "entries": tuple(entries),
            }
        )

    def _with_conflicts(self, key: EntryKey) -> Entry:
        entry = self.entries[key].entry
        conflicts = self.entry_conflicts.get(key)
        if conflicts and tuple(conflicts) != entry.conflicts:
            return entry.model_copy(update={"conflicts": tuple(conflicts)})
        return entry

    def _label(self, key: EntryKey) -> str:
        entry = self.entries[key].entry
        return entry_label(entry)

    def _section_order(self, kept: list[SectionKey]) -> list[SectionKey]:
        order, conflict = _merge_order(
            self.base.section_keys, self.ours.section_keys, self.theirs.section_keys, set(kept)
        )
        if conflict is not None:
            self._order_conflict(
                self.pack_conflicts,
                [self._title_of(k) for k in conflict[0]],
                [self._title_of(k) for k in conflict[1]],
            )
        return order

    # Recording conflicts.

    @staticmethod
    def _conflict(conflicts: list[Conflict], name: str, ours: object, theirs: object) -> None:
        conflict = Conflict.model_validate(
            {"field": name, "ours": _side_text(ours), "theirs": _side_text(theirs)}
        )
        if conflict not in conflicts:
            conflicts.append(conflict)

    @staticmethod
    def _order_conflict(conflicts: list[Conflict], ours: list[str], theirs: list[str]) -> None:
        conflict = Conflict(field="order", ours_order=tuple(ours), theirs_order=tuple(theirs))
        if conflict not in conflicts:
            conflicts.append(conflict)


def _side_text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


T = TypeVar("T")


def _three_way(base: T | None, ours: T, theirs: T) -> tuple[T, bool]:
    """The merged value and whether both sides changed it differently (then ours is kept)."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    return ours, True


def _merge_set(base: Sequence[str], ours: Sequence[str], theirs: Sequence[str]) -> tuple[str, ...]:
    """Tags: one side's when only it changed them; else ours in their order, less what theirs
    removed, then what theirs added."""
    if tuple(ours) == tuple(base) or tuple(theirs) == tuple(base):
        return tuple(theirs if tuple(ours) == tuple(base) else ours)
    removed = set(base) - set(theirs)
    added = [tag for tag in theirs if tag not in base and tag not in ours]
    return tuple([tag for tag in ours if tag not in removed or tag not in base] + added)


def _same_entry(base: _Placed | None, other: _Placed) -> bool:
    """Whether an entry says the same as in the base and sits in the same section."""
    if base is None:
        return False
    return base.section == other.section and _content(base.entry) == _content(other.entry)


def _content(entry: Entry) -> tuple[object, ...]:
    return (entry.item, entry.note, entry.priority, frozenset(entry.tags))


def _merge_order(
    base: list[K], ours: list[K], theirs: list[K], keep: set[K]
) -> tuple[list[K], tuple[list[K], list[K]] | None]:
    """Merge two reorderings of a sequence as diff3 merges lines; returns the order of `keep`.

    Stretches between the elements all three versions keep in place are taken from the side
    that changed them. Where both changed a stretch, what each side inserted, moved in or
    left out combines, so two people each moving a different entry both get their move.
    When both placed one element differently, or one shuffled a stretch the other also
    changed, ours is kept whole and the conflict returned as (our order, their order) of the
    kept elements. Elements kept that a side's order lacks go after the element they follow.
    """
    if ours == base or theirs == base or ours == theirs:
        changed = theirs if ours == base else ours
        return _with_missing(changed, keep, (changed, ours, theirs, base)), None
    merged: list[K] = []
    conflicted = False
    ours_at, theirs_at = _matches(base, ours), _matches(base, theirs)
    anchors = [i for i in range(len(base)) if i in ours_at and i in theirs_at]
    b_prev = o_prev = t_prev = -1
    for b_index in [*anchors, len(base)]:
        o_index = ours_at.get(b_index, len(ours))
        t_index = theirs_at.get(b_index, len(theirs))
        b_chunk = base[b_prev + 1 : b_index]
        o_chunk = ours[o_prev + 1 : o_index]
        t_chunk = theirs[t_prev + 1 : t_index]
        if o_chunk == b_chunk:
            merged.extend(t_chunk)
        elif t_chunk == b_chunk or o_chunk == t_chunk:
            merged.extend(o_chunk)
        else:
            combined = _combine_stretch(b_chunk, o_chunk, t_chunk)
            conflicted = conflicted or combined is None
            merged.extend(o_chunk if combined is None else combined)
        if b_index < len(base):
            merged.append(base[b_index])
        b_prev, o_prev, t_prev = b_index, o_index, t_index
    kept = [k for k in merged if k in keep]
    conflicted = conflicted or len(set(kept)) != len(kept)  # both sides placed one element
    sources = (ours, theirs, base)
    if not conflicted:
        return _with_missing(merged, keep, sources), None
    our_order = _with_missing(ours, keep, sources)
    their_order = _with_missing(theirs, keep, (theirs, ours, base))
    if our_order == their_order:
        return our_order, None
    return our_order, (our_order, their_order)


def _combine_stretch(base: list[K], ours: list[K], theirs: list[K]) -> list[K] | None:
    """A stretch both sides changed, when each only left out and inserted elements: a base
    element stays if both kept it, and each gap gets our insertions, then theirs. None when a
    side reordered elements of the base within the stretch."""
    our_gaps, their_gaps = _gaps(base, ours), _gaps(base, theirs)
    if our_gaps is None or their_gaps is None:
        return None
    (our_kept, our_inserted), (their_kept, their_inserted) = our_gaps, their_gaps
    combined: list[K] = []
    for gap in range(len(base) + 1):
        combined.extend(our_inserted[gap])
        combined.extend(k for k in their_inserted[gap] if k not in our_inserted[gap])
        if gap < len(base) and base[gap] in our_kept and base[gap] in their_kept:
            combined.append(base[gap])
    return combined


def _gaps(base: list[K], side: list[K]) -> tuple[set[K], list[list[K]]] | None:
    """The base elements a side kept, and what it inserted before each one (and at the end);
    None when it kept base elements out of their order."""
    position = {k: i for i, k in enumerate(base)}
    inserted: list[list[K]] = [[] for _ in range(len(base) + 1)]
    kept: set[K] = set()
    cursor = 0
    for key in side:
        at = position.get(key)
        if at is None:
            inserted[cursor].append(key)
        elif at < cursor:
            return None
        else:
            kept.add(key)
            cursor = at + 1
    return kept, inserted


def _with_missing(order: list[K], keep: set[K], sources: tuple[list[K], ...]) -> list[K]:
    """The kept elements of `order` (first occurrences), and each kept element it lacks placed
    after the element it follows in the first source that has it."""
    result = list(dict.fromkeys(k for k in order if k in keep))
    placed = set(result)
    for source in sources:
        for position, key in enumerate(source):
            if key not in keep or key in placed:
                continue
            before = next((k for k in reversed(source[:position]) if k in placed), None)
            result.insert(0 if before is None else result.index(before) + 1, key)
            placed.add(key)
    return result


def _matches(base: Sequence[K], other: Sequence[K]) -> dict[int, int]:
    """For each element of `base` the other sequence kept in order, its index there."""
    matcher = difflib.SequenceMatcher(a=base, b=other, autojunk=False)
    return {
        block.a + offset: block.b + offset
        for block in matcher.get_matching_blocks()
        for offset in range(block.size)
    }
