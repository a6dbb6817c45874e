"""The merge conflicts a pack holds: found in pack order, told in words, resolved one at a time.

`brief pack merge` leaves a `Conflict` beside whatever two versions changed differently
(see `merge.py`). This module is what the rest of Briefcase needs to show them and let a
person pick: `pack_conflicts` numbers them from 1 in the order they appear in the file,
`describe` says where each one is and what each side says, and `resolve` applies the side
picked and removes the conflict. Every resolution is a pure edit, so undo and redo, the
locked save and the re-applied edit after a lost race work as for any other edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from briefcase_tui.domain.packs.edit import EditError
from briefcase_tui.domain.packs.models import Conflict, Entry, Pack, Section

R = TypeVar("R")
M = TypeVar("M", Pack, Section, Entry)

Side = Literal["ours", "theirs"]
SIDES: tuple[Side, ...] = ("ours", "theirs")
NOTE_LABEL = "note: "
"""How an order conflict names a free-standing note: this prefix, then the note's text."""


@dataclass(frozen=True)
class PlacedConflict:
    """A conflict and where it is: the pack, one of its sections, or one entry of a section."""

    number: int
    """From 1, in the order the conflicts appear in the pack file."""
    conflict: Conflict
    section: int | None = None
    entry: int | None = None
    index: int = 0
    """Its place among the conflicts of the same record."""


def pack_conflicts(pack: Pack) -> list[PlacedConflict]:
    """Every conflict in the pack, numbered in file order (the pack's, then section by section)."""
    found: list[PlacedConflict] = []

    def add(conflicts: tuple[Conflict, ...], section: int | None, entry: int | None) -> None:
        for index, conflict in enumerate(conflicts):
            found.append(PlacedConflict(len(found) + 1, conflict, section, entry, index))

    add(pack.conflicts, None, None)
    for s_index, section in enumerate(pack.sections):
        add(section.conflicts, s_index, None)
        for e_index, entry in enumerate(section.entries):
            add(entry.conflicts, s_index, e_index)
    return found


def entry_label(entry: Entry) -> str:
    """How an order conflict names an entry: its item id, or `note: ` and the note's text."""
    return entry.item if entry.item is not None else f"{NOTE_LABEL}{entry.note}"


def subject(pack: Pack, placed: PlacedConflict) -> str:
    """What the conflict is about, in words: `the pack's summary`, `“X”'s note in “Programme”`."""
    name = placed.conflict.field
    if placed.section is None:
        return "the order of the sections" if name == "order" else f"the pack's {name}"
    section = pack.sections[placed.section]
    if placed.entry is None:
        what = {
            "order": "the order of the entries",
            "presence": "whether to keep it",
        }.get(name, f"its {name}")
        return f"section “{section.title}”: {what}"
    entry = section.entries[placed.entry]
    label = entry.item if entry.item is not None else _short(f"note “{entry.note}”")
    what = {"presence": "whether to keep it", "section": "which section it goes in"}.get(
        name, f"its {name}"
    )
    return f"{label} in “{section.title}”: {what}"


def side_text(conflict: Conflict, side: Side) -> str:
    """One side of a conflict as a person reads it: `(none)` for an empty value."""
    if conflict.field == "order":
        order = conflict.ours_order if side == "ours" else conflict.theirs_order
        return ", ".join(_short(label, 40) for label in order)
    value = conflict.ours if side == "ours" else conflict.theirs
    return value if value else "(none)"


def describe(pack: Pack, placed: PlacedConflict) -> str:
    """One line: `event-a in “Programme”: its note: ours “…” / theirs “…”`."""
    conflict = placed.conflict
    return (
        f"{subject(pack, placed)}: "
        f"ours “{_short(side_text(conflict, 'ours'))}” / "
        f"theirs “{_short(side_text(conflict, 'theirs'))}”"
    )


def resolve(pack: Pack, number: int, side: Side) -> Pack:
    """The pack with conflict `number` settled on one side, and that conflict gone."""
    conflicts = pack_conflicts(pack)
    if not conflicts:
        raise EditError("the pack has no merge conflicts")
    if not 1 <= number <= len(conflicts):
        raise EditError(f"no conflict {number}: the pack has conflicts 1 to {len(conflicts)}")
    placed = conflicts[number - 1]
    return _settle(pack, placed, side)


def resolve_all(pack: Pack, side: Side) -> Pack:
    """The pack with every conflict settled on the same side."""
    if not pack_conflicts(pack):
        raise EditError("the pack has no merge conflicts")
    while conflicts := pack_conflicts(pack):
        pack = _settle(pack, conflicts[0], side)
    return pack


def _settle(pack: Pack, placed: PlacedConflict, side: Side) -> Pack:
    conflict = placed.conflict
    value = conflict.ours if side == "ours" else conflict.theirs
    order = conflict.ours_order if side == "ours" else conflict.theirs_order
    if placed.section is None:
        rest = _without(pack.conflicts, placed.index)
        if conflict.field == "order":
            ordered = _reordered(pack.sections, order, lambda s: s.title)
            return _updated(pack, conflicts=rest, sections=ordered)
        return _updated(pack, conflicts=rest, **{conflict.field: _detail_value(conflict, value)})
    sections = list(pack.sections)
    section = sections[placed.section]
    if placed.entry is None:
        rest = _without(section.conflicts, placed.index)
        if conflict.field == "presence" and value == "removed":
            del sections[placed.section]
            return _updated(pack, sections=tuple(sections))
        changes: dict[str, object] = {"conflicts": rest}
        if conflict.field == "order":
            changes["entries"] = _reordered(section.entries, order, entry_label)
        elif conflict.field in ("title", "intro"):
            changes[conflict.field] = value
        sections[placed.section] = _updated(section, **changes)
        return _updated(pack, sections=tuple(sections))
    entries = list(section.entries)
    entry = entries[placed.entry]
    rest = _without(entry.conflicts, placed.index)
    if conflict.field == "presence" and value == "removed":
        del entries[placed.entry]
        sections[placed.section] = _updated(section, entries=tuple(entries))
        return _updated(pack, sections=tuple(sections))
    if conflict.field == "section":
        return _moved_to(pack, placed, _updated(entry, conflicts=rest), value)
    changes = {"conflicts": rest}
    if conflict.field == "note":
        changes["note"] = value
    elif conflict.field == "priority":
        changes["priority"] = value or None
    entries[placed.entry] = _updated(entry, **changes)
    sections[placed.section] = _updated(section, entries=tuple(entries))
    return _updated(pack, sections=tuple(sections))


def _detail_value(conflict: Conflict, value: str) -> object:
    if conflict.field == "date":
        return dt.date.fromisoformat(value) if value else None
    return value


def _moved_to(pack: Pack, placed: PlacedConflict, entry: Entry, title: str) -> Pack:
    """The entry moved to the end of the section with this title (made if it is gone)."""
    assert placed.section is not None and placed.entry is not None
    sections = list(pack.sections)
    here = sections[placed.section]
    target = next(
        (i for i, s in enumerate(sections) if s.title.casefold() == title.casefold()), None
    )
    if target == placed.section:
        entries = list(here.entries)
        entries[placed.entry] = entry
        sections[placed.section] = _updated(here, entries=tuple(entries))
        return _updated(pack, sections=tuple(sections))
    remaining = tuple(e for i, e in enumerate(here.entries) if i != placed.entry)
    sections[placed.section] = _updated(here, entries=remaining)
    if target is None:
        sections.append(Section(title=title, entries=(entry,)))
    else:
        sections[target] = _updated(sections[target], entries=(*sections[target].entries, entry))
    return _updated(pack, sections=tuple(sections))


def _reordered(
    records: tuple[R, ...], order: tuple[str, ...], label: Callable[[R], str]
) -> tuple[R, ...]:
    """Records in the order of their labels; those the order does not name follow, in place."""
    rank = {name: position for position, name in enumerate(order)}
    indexed = list(enumerate(records))
    indexed.sort(key=lambda pair: (rank.get(label(pair[1]), len(rank) + pair[0]), pair[0]))
    return tuple(record for _, record in indexed)


def _without(conflicts: tuple[Conflict, ...], index: int) -> tuple[Conflict, ...]:
    return conflicts[:index] + conflicts[index + 1 :]


def _updated(record: M, **changes: object) -> M:
    """A copy with these fields changed, validated like a loaded file."""
    data = {name: getattr(record, name) for name in type(record).model_fields}
    data.update(changes)
    return type(record).model_validate(data)


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
