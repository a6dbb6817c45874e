"""What changed between two versions of a pack, in the pack's own terms rather than lines of TOML.

Sections are matched by title (any case); a section whose title changed but which kept
some of its items is reported as renamed. Entries are matched by item id, and free-standing
notes by their text, so an edited note reads as one removed and one added. An entry that
stayed in its section but left its place relative to the others is "moved"; entries that
only shifted because something was inserted before them are not.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from briefcase_tui.domain.packs.models import DETAIL_FIELDS, Entry, Pack, Section

SectionChangeKind = Literal["added", "removed", "renamed", "moved", "intro"]
EntryChangeKind = Literal["added", "removed", "moved", "note", "priority", "tags"]


@dataclass(frozen=True)
class DetailChange:
    """A pack field with a different value."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class SectionChange:
    """A section added, removed, renamed, moved among the others, or with a new intro."""

    kind: SectionChangeKind
    title: str
    """The title in the new pack (the old one for a removed section)."""
    old_title: str = ""
    """For a rename: the title it had."""
    old_position: int | None = None
    """Position among the sections, from 1, before (for moved)."""
    new_position: int | None = None


@dataclass(frozen=True)
class EntryChange:
    """An entry added, removed, moved, or with a changed note, priority or tags."""

    kind: EntryChangeKind
    entry: str
    """The item id, or the note's text for a free-standing note."""
    is_note: bool
    section: str
    """The section it is in (in the new pack; in the old one for a removed entry)."""
    old: str | None = None
    new: str | None = None
    """What changed, as text: section titles and positions, notes, priorities, tags."""


@dataclass(frozen=True)
class PackDiff:
    """Everything that differs between two packs."""

    details: list[DetailChange] = field(default_factory=list)
    sections: list[SectionChange] = field(default_factory=list)
    entries: list[EntryChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """The packs say the same thing."""
        return not (self.details or self.sections or self.entries)

    def to_data(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "details": [vars(c) for c in self.details],
            "sections": [vars(c) for c in self.sections],
            "entries": [vars(c) for c in self.entries],
        }


EntryKey = tuple[str, str, int]
"""("item", id, 0) or ("note", text, n): n tells apart notes with the same text."""


def diff_packs(a: Pack, b: Pack) -> PackDiff:
    """The changes that turn pack `a` into pack `b`."""
    result = PackDiff()
    for name in DETAIL_FIELDS:
        old, new = getattr(a, name), getattr(b, name)
        if old != new:
            result.details.append(DetailChange(name, _text(old), _text(new)))
    pairs = _match_sections(a, b, result)
    _diff_entries(a, b, pairs, result)
    return result


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _keys(pack: Pack) -> dict[EntryKey, tuple[int, int]]:
    """Each entry's key and place (section, entry)."""
    keys: dict[EntryKey, tuple[int, int]] = {}
    notes: Counter[str] = Counter()
    for s_index, section in enumerate(pack.sections):
        for e_index, entry in enumerate(section.entries):
            keys[_key(entry, notes)] = (s_index, e_index)
    return keys


def _key(entry: Entry, notes: Counter[str]) -> EntryKey:
    if entry.item is not None:
        return ("item", entry.item, 0)
    notes[entry.note] += 1
    return ("note", entry.note, notes[entry.note])


def _section_keys(section: Section) -> set[str]:
    return {e.item if e.item is not None else f"note:{e.note}" for e in section.entries}


def _match_sections(a: Pack, b: Pack, result: PackDiff) -> dict[int, int]:
    """Pair sections of `a` with those of `b` (by title, then by shared entries); record changes."""
    pairs: dict[int, int] = {}
    b_by_title = {s.title.casefold(): i for i, s in reversed(list(enumerate(b.sections)))}
    for a_index, section in enumerate(a.sections):
        b_index = b_by_title.get(section.title.casefold())
        if b_index is not None and b_index not in pairs.values():
            pairs[a_index] = b_index
    renamed: set[int] = set()
    for a_index, section in enumerate(a.sections):
        if a_index in pairs:
            continue
        mine = _section_keys(section)
        best, best_shared = None, 0
        for b_index, other in enumerate(b.sections):
            if b_index in pairs.values():
                continue
            shared = len(mine & _section_keys(other))
            if shared > best_shared:
                best, best_shared = b_index, shared
        if best is not None:
            pairs[a_index] = best
            renamed.add(a_index)
    for a_index, section in enumerate(a.sections):
        if a_index not in pairs:
            result.sections.append(SectionChange("removed", section.title))
    for b_index, section in enumerate(b.sections):
        if b_index not in pairs.values():
            result.sections.append(SectionChange("added", section.title))
    in_old_order = sorted(pairs)
    order = _moved(in_old_order, [pairs[i] for i in in_old_order])
    for a_index in in_old_order:
        b_index = pairs[a_index]
        old, new = a.sections[a_index], b.sections[b_index]
        if a_index in renamed or old.title != new.title:
            result.sections.append(SectionChange("renamed", new.title, old_title=old.title))
        if a_index in order:
            result.sections.append(
                SectionChange(
                    "moved", new.title, old_position=a_index + 1, new_position=b_index + 1
                )
            )
        if old.intro != new.intro:
            result.sections.append(SectionChange("intro", new.title))
    return pairs


def _moved(keys: list[Any], new_positions: list[int]) -> set[Any]:
    """Keys whose relative order changed: those outside the longest run kept in order."""
    ranked = sorted(range(len(new_positions)), key=lambda i: new_positions[i])
    matcher = difflib.SequenceMatcher(a=list(range(len(keys))), b=ranked, autojunk=False)
    kept = {
        index
        for block in matcher.get_matching_blocks()
        for index in range(block.a, block.a + block.size)
    }
    return {key for index, key in enumerate(keys) if index not in kept}


def _diff_entries(a: Pack, b: Pack, pairs: dict[int, int], result: PackDiff) -> None:
    old_keys, new_keys = _keys(a), _keys(b)
    for key, (s_index, _) in old_keys.items():
        if key not in new_keys:
            result.entries.append(
                EntryChange("removed", key[1], key[0] == "note", a.sections[s_index].title)
            )
    for key, (s_index, _) in new_keys.items():
        if key not in old_keys:
            result.entries.append(
                EntryChange("added", key[1], key[0] == "note", b.sections[s_index].title)
            )
    # Within each pair of sections, entries that stayed together but changed their order.
    stayed: dict[int, list[EntryKey]] = {}
    for key, (s_old, _) in old_keys.items():
        if key in new_keys and pairs.get(s_old) == new_keys[key][0]:
            stayed.setdefault(s_old, []).append(key)
    reordered: set[EntryKey] = set()
    for keys in stayed.values():
        reordered |= _moved(keys, [new_keys[k][1] for k in keys])
    for key, (s_old, e_old) in old_keys.items():
        if key not in new_keys:
            continue
        s_new, e_new = new_keys[key]
        is_note = key[0] == "note"
        title = b.sections[s_new].title
        if pairs.get(s_old) != s_new:
            result.entries.append(
                EntryChange("moved", key[1], is_note, title, old=a.sections[s_old].title, new=title)
            )
        elif key in reordered:
            result.entries.append(
                EntryChange("moved", key[1], is_note, title, old=str(e_old + 1), new=str(e_new + 1))
            )
        old_entry, new_entry = a.sections[s_old].entries[e_old], b.sections[s_new].entries[e_new]
        if old_entry.note != new_entry.note:
            result.entries.append(
                EntryChange("note", key[1], is_note, title, old=old_entry.note, new=new_entry.note)
            )
        if old_entry.priority != new_entry.priority:
            result.entries.append(
                EntryChange(
                    "priority",
                    key[1],
                    is_note,
                    title,
                    old=old_entry.priority,
                    new=new_entry.priority,
                )
            )
        if set(old_entry.tags) != set(new_entry.tags):
            result.entries.append(
                EntryChange(
                    "tags",
                    key[1],
                    is_note,
                    title,
                    old=", ".join(old_entry.tags),
                    new=", ".join(new_entry.tags),
                )
            )
