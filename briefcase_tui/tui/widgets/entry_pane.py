"""The pack screen's right pane: the highlighted entry's facts, its note editor and its item.

On a section title it shows the section's entry count and introduction instead. All text is
`Content`, so pack and corpus text is never markup. The note editor reports its text by
message; the pane only shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefcase_tui.tui.widgets.item_view import item_content
from briefcase_tui.tui.widgets.note_editor import NoteEditor
from briefcase_tui.tui.widgets.pack_outline import MISSING_MARK, OutlineRow, entry_at

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.models import Entry, Pack

EMPTY_PACK_HINT = "An empty pack: press s to add a section, or go back (p) and add items with a."


class EntryPane(Vertical):
    """Facts, note and item of one entry (or a section's summary), top to bottom.

    Each part is redrawn only when what it shows changed: a key that moves an entry leaves
    its facts and its item as they were, and redrawing them cost more than the move.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._meta_from: tuple[object, ...] | None = None
        """What the facts line was last drawn from (None: draw it again)."""
        self._body_from: tuple[object, ...] | None = None
        """What the item text was last drawn from (None: draw it again)."""

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="entry-meta", markup=False)
        yield NoteEditor(id="note-editor")
        with VerticalScroll(id="entry-item-scroll"):
            yield Static(Content(""), id="entry-item", markup=False)

    def show(
        self,
        pack: Pack | None,
        row: OutlineRow,
        corpus: Corpus | None,
        *,
        conflicts: bool = True,
    ) -> None:
        """Show the row's entry, or the summary of the section it is in.

        `conflicts` False says the pack holds no merge conflict, so none is looked for (on a
        pack of 10,000 entries looking costs milliseconds a key).
        """
        meta = self.query_one("#entry-meta", Static)
        body = self.query_one("#entry-item", Static)
        editor = self.query_one(NoteEditor)
        if pack is None or not pack.sections:
            self._meta_from = self._body_from = None
            meta.update(Content(EMPTY_PACK_HINT))
            body.update(Content(""))
            editor.load_note(None, "")
            return
        section = pack.sections[min(row.section, len(pack.sections) - 1)]
        entry = entry_at(pack, row)
        if entry is None or row.entry is None:
            self._meta_from = self._body_from = None
            count = len(section.entries)
            meta.update(
                Content.assemble(
                    ("Section: ", "bold"),
                    section.title,
                    f" · {count} entr{'y' if count == 1 else 'ies'}",
                    *(conflict_lines(pack, row.section, None) if conflicts else []),
                )
            )
            body.update(Content(section.intro))
            editor.load_note(None, "")
            return
        meta_from = None if conflicts else (entry, section.title, corpus)
        if meta_from is None or meta_from != self._meta_from:
            self._meta_from = meta_from
            meta.update(self._facts(entry, section.title, corpus, pack, row, conflicts))
        # Never under the user's fingers: a late cursor event must not wipe their typing.
        if not editor.has_focus:
            editor.load_note((row.section, row.entry), entry.note)
        body_from = (entry.item, corpus)
        if body_from != self._body_from:
            self._body_from = body_from
            body.update(item_text(entry, corpus))

    @staticmethod
    def _facts(
        entry: Entry,
        section_title: str,
        corpus: Corpus | None,
        pack: Pack,
        row: OutlineRow,
        conflicts: bool,
    ) -> Content:
        """The entry's facts line: priority, tags, section, and what a review or merge left."""
        assert row.entry is not None
        return Content.assemble(
            ("Priority: ", "bold"),
            entry.priority or "none",
            ("  Tags: ", "bold"),
            ", ".join(entry.tags) if entry.tags else "none",
            ("  Section: ", "bold"),
            section_title,
            *review_line(entry, corpus),
            *(conflict_lines(pack, row.section, row.entry) if conflicts else []),
        )


def review_line(entry: Entry, corpus: Corpus | None) -> list[tuple[str, str] | str]:
    """A line when the entry's item changed in the corpus since it was added."""
    if corpus is None:
        return []
    from briefcase_tui.domain.packs.review import entry_status

    if entry_status(entry, corpus) != "changed":
        return []
    return [
        ("\nΔ Changed", "bold reverse"),
        (" in the corpus since it was added: v compares and records today's reading", "bold"),
    ]


def conflict_lines(pack: Pack, section: int, entry: int | None) -> list[tuple[str, str] | str]:
    """Under the row's facts, each merge conflict about it with both sides, and the key."""
    from briefcase_tui.domain.packs.conflicts import pack_conflicts, side_text

    parts: list[tuple[str, str] | str] = []
    for placed in pack_conflicts(pack):
        if (placed.section, placed.entry) != (section, entry):
            continue
        conflict = placed.conflict
        parts += [
            ("\n⚠ Conflict ", "bold reverse"),
            (f"{placed.number} over its {conflict.field} (c keeps one side)", "bold"),
            ("\n  ours: ", "bold"),
            side_text(conflict, "ours"),
            ("\n  theirs: ", "bold"),
            side_text(conflict, "theirs"),
        ]
    return parts


def item_text(entry: Entry, corpus: Corpus | None) -> Content:
    """What the pane shows under the note: the entry's corpus item, or why there is none."""
    if entry.item is None:
        return Content("A note of your own (no corpus item).")
    if corpus is None:
        return Content(f"{entry.item} (the corpus is still loading)")
    item = corpus.get(entry.item)
    if item is None:
        return Content.assemble(
            (MISSING_MARK, "bold reverse"),
            f": {entry.item} is not in the corpus. The entry and its note are kept.",
        )
    return item_content(item, corpus)
