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


class PackRecord(BaseModel):
    """Base of the pack models: frozen, refusing unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Entry(PackRecord):
    """One thing in a section: a corpus item with the author's note, or a note on its own."""

    item: ItemRef | None = None
    """The corpus item; None for a free-standing note."""
    note: PackText = ""
    """The author's words about the item, shown as theirs in every export."""
    priority: EntryPriority | None = None
    tags: tuple[FreeTag, ...] = ()
    """The author's own labels, not the corpus's tags."""

    @model_validator(mode="after")
    def _has_content(self) -> "Entry":
        if self.item is None and not self.note.strip():
            raise ValueError("an entry needs an item id or a note")
        if len(set(self.tags)) != len(self.tags):
            object.__setattr__(self, "tags", tuple(dict.fromkeys(self.tags)))
        return self

    @property
    def is_note(self) -> bool:
        """A free-standing note rather than a corpus item."""
        return self.item is None


class Section(PackRecord):
    """A titled group of entries, in the author's order."""

    title: PackTitle
    intro: PackText = ""
    entries: tuple[Entry, ...] = ()


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
    sections: tuple[Section, ...] = ()

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


PACK_FIELDS: dict[str, tuple[str, ...]] = {
    "pack": tuple(Pack.model_fields),
    "section": tuple(Section.model_fields),
    "entry": tuple(Entry.model_fields),
}
"""The keys each level of a pack file may hold, for "did you mean" hints."""
