"""Pure edits of a pack: each takes a pack and returns a new one, leaving the original untouched.

Because packs are immutable values, the app's undo is simply the previous pack, the CLI
and the app share every rule here, and an edit that fails changes nothing.
Sections and entries are addressed by index (0-based); `find_section` and `find_entry`
turn what a person types (a title, an id, a number counted from 1) into indexes.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any, TypeVar

from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.errors import BriefcaseError

DEFAULT_SECTION_TITLE = "Briefing"
"""The section made for the first item added to a pack that has none."""

EntryAt = tuple[int, int]
"""(section index, entry index) of an entry."""


class EditError(BriefcaseError):
    """An edit that cannot be made: an unknown section or entry, a duplicate, a bad position."""


def _with_sections(pack: Pack, sections: Sequence[Section]) -> Pack:
    return pack.model_copy(update={"sections": tuple(sections)})


def _with_entries(section: Section, entries: Sequence[Entry]) -> Section:
    return section.model_copy(update={"entries": tuple(entries)})


def _check_section(pack: Pack, index: int) -> None:
    if not 0 <= index < len(pack.sections):
        raise EditError(f"there is no section {index + 1}; the pack has {len(pack.sections)}")


def _check_entry(pack: Pack, at: EntryAt) -> None:
    _check_section(pack, at[0])
    if not 0 <= at[1] < len(pack.sections[at[0]].entries):
        raise EditError(f"section {at[0] + 1} has no entry {at[1] + 1}")


def find_section(pack: Pack, reference: str) -> int:
    """The index of the section a person named: its title (any case) or its number from 1."""
    wanted = reference.strip().casefold()
    for index, section in enumerate(pack.sections):
        if section.title.casefold() == wanted:
            return index
    if reference.strip().isdigit():
        number = int(reference)
        if 1 <= number <= len(pack.sections):
            return number - 1
    titles = [s.title for s in pack.sections]
    close = difflib.get_close_matches(reference, titles, n=1, cutoff=0.5)
    if close:
        hint = f" (did you mean {close[0]!r}?)"
    elif titles:
        hint = f" (sections: {', '.join(repr(t) for t in titles)})"
    else:
        hint = " (the pack has no sections yet)"
    raise EditError(f"no section {reference!r} in the pack{hint}")


def find_entry(pack: Pack, reference: str) -> EntryAt:
    """Where an entry is: by its item id, or by its number from 1 in pack order (notes included)."""
    found = pack.locate(reference)
    if found is not None:
        return found
    if reference.isdigit():
        number = int(reference)
        for s_index, section in enumerate(pack.sections):
            if number <= len(section.entries):
                if number >= 1:
                    return s_index, number - 1
                break
            number -= len(section.entries)
    close = difflib.get_close_matches(reference, pack.item_ids(), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise EditError(f"no entry {reference!r} in the pack{hint}")


def add_entries(
    pack: Pack, entries: Sequence[Entry], section: int | None = None, position: int | None = None
) -> Pack:
    """Add entries to a section (the last one by default), at a position or at the end.

    An item already in the pack is refused: one pack mentions each item once, and the
    author's note for it lives in one place.
    """
    for entry in entries:
        found = pack.locate(entry.item) if entry.item is not None else None
        if found is not None:
            s_index, _ = found
            raise EditError(
                f"{entry.item!r} is already in the pack, "
                f"in section {pack.sections[s_index].title!r}"
            )
    ids = [e.item for e in entries if e.item is not None]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise EditError(f"{repeated[0]!r} is given more than once")
    if not pack.sections:
        pack = add_section(pack, DEFAULT_SECTION_TITLE)
    index = len(pack.sections) - 1 if section is None else section
    _check_section(pack, index)
    target = pack.sections[index]
    at = len(target.entries) if position is None else max(0, min(position, len(target.entries)))
    new_entries = [*target.entries[:at], *entries, *target.entries[at:]]
    sections = list(pack.sections)
    sections[index] = _with_entries(target, new_entries)
    return _with_sections(pack, sections)


def remove_entry(pack: Pack, at: EntryAt) -> Pack:
    """The pack without the entry at this place."""
    _check_entry(pack, at)
    sections = list(pack.sections)
    entries = list(sections[at[0]].entries)
    del entries[at[1]]
    sections[at[0]] = _with_entries(sections[at[0]], entries)
    return _with_sections(pack, sections)


def move_entry(
    pack: Pack, at: EntryAt, section: int | None = None, position: int | None = None
) -> Pack:
    """Move an entry to another section and/or position (0-based; past the end means last)."""
    _check_entry(pack, at)
    target_section = at[0] if section is None else section
    _check_section(pack, target_section)
    entry = pack.sections[at[0]].entries[at[1]]
    without = remove_entry(pack, at)
    if position is None:
        position = len(without.sections[target_section].entries) if section is not None else at[1]
    target = without.sections[target_section]
    position = max(0, min(position, len(target.entries)))
    sections = list(without.sections)
    sections[target_section] = _with_entries(
        target, [*target.entries[:position], entry, *target.entries[position:]]
    )
    return _with_sections(pack, sections)


def shift_entry(pack: Pack, at: EntryAt, step: int) -> tuple[Pack, EntryAt]:
    """Move an entry one place up (-1) or down (+1), crossing into the next section at an edge.

    Returns the new pack and where the entry now is, so a cursor can follow it.
    """
    _check_entry(pack, at)
    s_index, e_index = at
    count = len(pack.sections[s_index].entries)
    new_index = e_index + step
    if 0 <= new_index < count:
        return move_entry(pack, at, position=new_index), (s_index, new_index)
    neighbour = s_index + (1 if step > 0 else -1)
    if not 0 <= neighbour < len(pack.sections):
        return pack, at
    position = 0 if step > 0 else len(pack.sections[neighbour].entries)
    return move_entry(pack, at, section=neighbour, position=position), (neighbour, position)


def update_entry(pack: Pack, at: EntryAt, **changes: Any) -> Pack:
    """The pack with one entry's note, priority or tags changed (validated like a loaded file)."""
    _check_entry(pack, at)
    entry = pack.sections[at[0]].entries[at[1]]
    data = {name: getattr(entry, name) for name in Entry.model_fields}
    data.update(changes)
    try:
        new_entry = Entry.model_validate(data)
    except ValueError as error:
        raise EditError(describe_invalid(error)) from None
    sections = list(pack.sections)
    entries = list(sections[at[0]].entries)
    entries[at[1]] = new_entry
    sections[at[0]] = _with_entries(sections[at[0]], entries)
    return _with_sections(pack, sections)


def add_section(pack: Pack, title: str, intro: str = "", position: int | None = None) -> Pack:
    """A new, empty section, at the end unless a position is given; titles are unique."""
    section = _validated(Section, title=title, intro=intro)
    if any(s.title.casefold() == section.title.casefold() for s in pack.sections):
        raise EditError(f"the pack already has a section {section.title!r}")
    sections = list(pack.sections)
    at = len(sections) if position is None else max(0, min(position, len(sections)))
    sections.insert(at, section)
    return _with_sections(pack, sections)


def rename_section(pack: Pack, index: int, title: str) -> Pack:
    """The section with a new title, still unique in the pack."""
    _check_section(pack, index)
    renamed = _validated(
        Section, title=title, intro=pack.sections[index].intro, entries=pack.sections[index].entries
    )
    if any(
        i != index and s.title.casefold() == renamed.title.casefold()
        for i, s in enumerate(pack.sections)
    ):
        raise EditError(f"the pack already has a section {renamed.title!r}")
    sections = list(pack.sections)
    sections[index] = renamed
    return _with_sections(pack, sections)


def remove_section(pack: Pack, index: int, *, with_entries: bool = False) -> Pack:
    """The pack without a section; one that still holds entries needs `with_entries=True`."""
    _check_section(pack, index)
    section = pack.sections[index]
    if section.entries and not with_entries:
        count = len(section.entries)
        raise EditError(
            f"section {section.title!r} holds {count} entr{'y' if count == 1 else 'ies'}; "
            "move them first or remove it with its entries"
        )
    return _with_sections(pack, [s for i, s in enumerate(pack.sections) if i != index])


def move_section(pack: Pack, index: int, position: int) -> Pack:
    """Move a whole section to another position."""
    _check_section(pack, index)
    sections = list(pack.sections)
    section = sections.pop(index)
    sections.insert(max(0, min(position, len(sections))), section)
    return _with_sections(pack, sections)


def update_details(pack: Pack, **changes: Any) -> Pack:
    """The pack with new metadata: title, audience, meeting, date, author or summary."""
    allowed = {"title", "audience", "meeting", "date", "author", "summary"}
    unknown = set(changes) - allowed
    if unknown:
        raise EditError(f"unknown pack field {sorted(unknown)[0]!r}")
    data = {name: getattr(pack, name) for name in Pack.model_fields}
    data.update(changes)
    return _validated(Pack, **data)


_Model = TypeVar("_Model", Pack, Section, Entry)


def _validated(model: type[_Model], **data: Any) -> _Model:
    try:
        return model.model_validate(data)
    except ValueError as error:
        raise EditError(describe_invalid(error)) from None


def describe_invalid(error: ValueError) -> str:
    """One readable line from a validation error: `field: message`."""
    errors = getattr(error, "errors", None)
    if callable(errors):
        first = errors(include_url=False)[0]
        field = ".".join(str(p) for p in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        return f"{field}: {message}" if field else message
    return str(error)
