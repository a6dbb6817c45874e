"""A briefing pack: the adviser's chosen items, in sections and in order, with their notes.

Packs are documents people write and edit by hand, so the models are strict in the ways
that protect their work: unknown keys are refused (a typo must not vanish on the next
save), types are not coerced, and text is cleaned the same way every time so that saving
and loading a pack gives back exactly the same pack.

This module deliberately does not use `from __future__ import annotations`: with real
annotations pydantic need not evaluate strings when the classes are created, which saves
about 10 ms on every `brief` command.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from briefcase_tui.domain.text import clean_user_text, one_line

FORMAT_VERSION = 1
"""The pack format this version writes and the newest it reads."""

PRIORITIES: tuple[str, ...] = ("must", "should", "optional")
"""How much an entry matters to the reader, most first."""
EntryPriority = Literal["must", "should", "optional"]

PackText = Annotated[str, Field(strict=True), AfterValidator(clean_user_text)]
"""Free text (notes, intros, summaries): may span lines; control characters removed."""
PackLine = Annotated[str, Field(strict=True), AfterValidator(one_line)]
"""A one-line field such as the audience or the author."""
PackTitle = Annotated[PackLine, Field(min_length=1)]
ItemRef = Annotated[
    str,
    Field(strict=True),
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
]
"""The id of a corpus item, in the corpus's id syntax."""
FreeTag = Annotated[PackLine, Field(min_length=1)]
Fingerprint = Annotated[
    str, Field(strict=True), StringConstraints(pattern=r"^(?:[0-9a-f]{16})?$", max_length=16)
]
"""An item's fingerprint: 16 hexadecimal digits, or empty."""


class PackRecord(BaseModel):
    """Base of the pack models: frozen, refusing unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


DETAIL_FIELDS: tuple[str, ...] = ("title", "audience", "meeting", "date", "author", "summary")
"""The pack's own fields, after `format` and before the sections."""

CONFLICT_FIELDS: dict[str, tuple[str, ...]] = {
    "pack": (*DETAIL_FIELDS, "order"),
    "section": ("title", "intro", "presence", "order"),
    "entry": ("note", "priority", "presence", "section"),
}
"""What a merge conflict may be about at each level of a pack."""
ConflictField = Literal[
    "title",
    "audience",
    "meeting",
    "date",
    "author",
    "summary",
    "intro",
    "note",
    "priority",
    "presence",
    "section",
    "order",
]
PRESENCE_SIDES: tuple[str, ...] = ("kept", "removed")
"""The sides of a `presence` conflict: one side removed what the other changed."""


class Conflict(PackRecord):
    """Where two versions merged by `brief pack merge` changed the same thing differently.

    The pack holds our side (or, for `presence`, the thing one side removed and the other
    changed, so nothing is lost) until someone picks. A side is a field's value as text (a
    date as YYYY-MM-DD, an unset priority as ""), "kept" or "removed" for `presence`, a
    section title for `section`; an `order` conflict keeps each side's order as a list of
    entries (item ids, `note: text`) or section titles.
    """

    field: ConflictField
    ours: PackText = ""
    theirs: PackText = ""
    ours_order: tuple[PackText, ...] = ()
    theirs_order: tuple[PackText, ...] = ()

    @model_validator(mode="after")
    def _sides_fit_the_field(self) -> "Conflict":
        is_order = self.field == "order"
        if is_order != bool(self.ours_order or self.theirs_order) or (
            is_order and (self.ours or self.theirs)
        ):
            raise ValueError(
                "a conflict about order has ours_order and theirs_order; "
                "any other has ours and theirs"
            )
        for side in (self.ours, self.theirs):
            if self.field == "priority" and side not in (*PRIORITIES, ""):
                raise ValueError(f"conflict side {side!r}: expected one of {', '.join(PRIORITIES)}")
            if self.field == "presence" and side not in PRESENCE_SIDES:
                raise ValueError(f"conflict side {side!r}: expected kept or removed")
            if self.field == "date" and side and not _is_iso_date(side):
                raise ValueError(f"conflict side {side!r}: expected a date such as 2025-02-10")
        return self


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _conflicts_fit(level: str, conflicts: tuple[Conflict, ...]) -> None:
    """Refuse a conflict about something this level of a pack does not have."""
    allowed = CONFLICT_FIELDS[level]
    for conflict in conflicts:
        if conflict.field not in allowed:
            raise ValueError(
                f"a {level} conflict is about one of {', '.join(allowed)}, not {conflict.field!r}"
            )


class Entry(PackRecord):
    """One thing in a section: a corpus item with the author's note, or a note on its own."""

    item: ItemRef | None = None
    """The corpus item; None for a free-standing note."""
    note: PackText = ""
    """The author's words about the item, shown as theirs in every export."""
    priority: EntryPriority | None = None
    tags: tuple[FreeTag, ...] = ()
    """The author's own labels, not the corpus's tags."""
    fingerprint: Fingerprint = ""
    """The item's fingerprint when the entry was added or last reviewed (see
    `corpus/fingerprint.py`); empty in packs written before Briefcase recorded it."""
    conflicts: tuple[Conflict, ...] = ()
    """What a merge could not decide about this entry, until someone picks a side."""

    @model_validator(mode="after")
    def _has_content(self) -> "Entry":
        if self.item is None and not self.note.strip():
            raise ValueError("an entry needs an item id or a note")
        if len(set(self.tags)) != len(self.tags):
            object.__setattr__(self, "tags", tuple(dict.fromkeys(self.tags)))
        _conflicts_fit("entry", self.conflicts)
        return self

    @property
    def is_note(self) -> bool:
        """A free-standing note rather than a corpus item."""
        return self.item is None


class Section(PackRecord):
    """A titled group of entries, in the author's order."""

    title: PackTitle
    intro: PackText = ""
    conflicts: tuple[Conflict, ...] = ()
    """What a merge could not decide about the section itself (title, intro, order)."""
    entries: tuple[Entry, ...] = ()

    @model_validator(mode="after")
    def _conflicts_are_about_sections(self) -> "Section":
        _conflicts_fit("section", self.conflicts)
        return self


class Pack(PackRecord):
    """A whole briefing pack."""

    format: Annotated[int, Field(strict=True, ge=1)] = FORMAT_VERSION
    title: PackTitle
    audience: PackLine = ""
    meeting: PackLine = ""
    date: Annotated[dt.date | None, Field(strict=True)] = None
    """The day of the meeting the pack prepares for."""
    author: PackLine = ""
    summary: PackText = ""
    corpus_version: PackLine = ""
    """The corpus release its entries' fingerprints were last taken from."""
    conflicts: tuple[Conflict, ...] = ()
    """What a merge could not decide about the pack's details or its order of sections."""
    sections: tuple[Section, ...] = ()

    @model_validator(mode="after")
    def _conflicts_are_about_the_pack(self) -> "Pack":
        _conflicts_fit("pack", self.conflicts)
        return self

    def item_ids(self) -> list[str]:
        """Every corpus id the pack refers to, in order, repeats included."""
        return [e.item for s in self.sections for e in s.entries if e.item is not None]

    def locate(self, item_id: str) -> tuple[int, int] | None:
        """(section index, entry index) of the first entry for this item, or None."""
        for s_index, section in enumerate(self.sections):
            for e_index, entry in enumerate(section.entries):
                if entry.item == item_id:
                    return s_index, e_index
        return None

    def entry_count(self) -> int:
        """How many entries the pack holds, notes included."""
        return sum(len(s.entries) for s in self.sections)

    def conflict_count(self) -> int:
        """How many merge conflicts wait for someone to pick a side."""
        return (
            len(self.conflicts)
            + sum(len(s.conflicts) for s in self.sections)
            + sum(len(e.conflicts) for s in self.sections for e in s.entries)
        )


PACK_FIELDS: dict[str, tuple[str, ...]] = {
    "pack": tuple(Pack.model_fields),
    "section": tuple(Section.model_fields),
    "entry": tuple(Entry.model_fields),
    "conflict": tuple(Conflict.model_fields),
}
"""The keys each level of a pack file may hold, for "did you mean" hints."""
