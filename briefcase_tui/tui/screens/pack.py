"""The pack screen: the open pack's outline on the left, the highlighted entry and its note on the right.

Keys edit the entry under the cursor; every edit goes through the app (`edit_pack`), which
saves it at once and calls `pack_changed` here to redraw. The cursor follows the entry it
moved, so an adviser can press J five times and watch one entry travel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefcase_tui.tui.screens.pack_edits import NO_NOTE_HERE, PackEditsMixin
from briefcase_tui.tui.widgets.note_editor import NoteEditor
from briefcase_tui.tui.widgets.pack_outline import MISSING_MARK, OutlineRow, PackOutline

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.models import Entry, Pack
    from briefcase_tui.tui.app import BriefcaseApp

MOVE_KEYS = Binding.Group("Move", compact=True)
"""J and K share one footer label: at 80 columns every cell counts."""


class PackScreen(PackEditsMixin, Screen[None]):
    """Edit the open pack from the keyboard: reorder, move, annotate, prioritise, tag, remove."""

    CSS_PATH = "pack.tcss"
    BINDINGS = [
        Binding(
            "escape,p",
            "close",
            "Back",
            key_display="p",
            id="pack-close",
            tooltip="Back to browsing",
        ),
        Binding(
            "J,ctrl+down",
            "move_down",
            "Down",
            key_display="J",
            id="pack-move-down",
            group=MOVE_KEYS,
            tooltip="Move the entry down (into the next section at the end)",
        ),
        Binding(
            "K,ctrl+up",
            "move_up",
            "Up",
            key_display="K",
            id="pack-move-up",
            group=MOVE_KEYS,
            tooltip="Move the entry up (into the previous section at the top)",
        ),
        Binding(
            "n",
            "edit_note",
            "Note",
            id="pack-edit-note",
            tooltip="Write the entry's note (Esc saves)",
        ),
        Binding(
            "exclamation_mark",
            "cycle_priority",
            "Prio",
            key_display="!",
            id="pack-priority",
            tooltip="Cycle the priority: must, should, optional, none",
        ),
        Binding(
            "x,delete",
            "remove",
            "Remove",
            key_display="x",
            id="pack-remove",
            tooltip="Remove the entry, or an empty section",
        ),
        # The app's undo, redo and export, repeated here (same ids, so one remap moves both) to come
        # before the app's own keys in the footer: at 80 columns they are what must show.
        Binding(
            "u,ctrl+z",
            "app.undo_pack",
            "Undo",
            key_display="u",
            id="pack-undo",
            tooltip="Undo the last change to the open pack",
        ),
        Binding(
            "ctrl+y", "app.redo_pack", "Redo", id="pack-redo", tooltip="Redo the last change undone"
        ),
        Binding(
            "e",
            "app.export_pack",
            "Export",
            id="pack-export",
            tooltip="Preview and export the open pack",
        ),
        Binding(
            "g",
            "edit_tags",
            "Tags",
            id="pack-tags",
            tooltip="Edit the entry's tags (comma-separated)",
        ),
        Binding(
            "m",
            "move_to_section",
            "To section",
            show=False,
            id="pack-move-to-section",
            tooltip="Move the entry to another section",
        ),
        Binding(
            "A",
            "add_note",
            "Add note",
            show=False,
            id="pack-add-note",
            tooltip="Add a free-standing note after the cursor",
        ),
        Binding(
            "s",
            "add_section",
            "Add section",
            show=False,
            id="pack-add-section",
            tooltip="Add a section after the current one",
        ),
        Binding(
            "r,S",
            "rename_section",
            "Rename section",
            show=False,
            key_display="r",
            id="pack-rename-section",
            tooltip="Rename the current section",
        ),
        Binding(
            "R",
            "rename_pack",
            "Rename pack",
            show=False,
            id="pack-rename",
            tooltip="Give the pack a new title",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(id="pack")
        self.cursor = OutlineRow(0, 0)
        """The row the cursor is on, or should return to after an edit."""

    @property
    def briefcase(self) -> BriefcaseApp:
        """The app, typed."""
        return cast("BriefcaseApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="pack-header", markup=False)
        with Horizontal(id="pack-panes"):
            yield PackOutline(id="pack-outline")
            with Vertical(id="entry-pane"):
                yield Static(Content(""), id="entry-meta", markup=False)
                yield NoteEditor(id="note-editor")
                with VerticalScroll(id="entry-item-scroll"):
                    yield Static(Content(""), id="entry-item", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Draw the pack, start on its first entry, and check whether the file changed meanwhile."""
        session = self.briefcase.pack_session
        if session is not None and self.briefcase.pack_section is not None:
            self.cursor = OutlineRow(self.briefcase.pack_section, 0)
        self.pack_changed()
        self.query_one(PackOutline).focus()
        if session is not None and session.pending is None and session.changed_on_disk():
            self.briefcase.ask_about_conflict(pending=False)

    def pack_changed(self) -> None:
        """Redraw from the open pack (after an edit, an undo, a reload, or the corpus arriving)."""
        pack = self.briefcase.current_pack()
        if pack is None:
            return
        self._show_header(pack)
        self.query_one(PackOutline).show_pack(pack, self._titles(pack), self.cursor)
        self._show_row(self.cursor)

    def _titles(self, pack: Pack) -> dict[str, str] | None:
        corpus = self.briefcase.corpus
        if corpus is None:
            return None
        return {i: item.title for i in pack.item_ids() if (item := corpus.get(i)) is not None}

    def _show_header(self, pack: Pack) -> None:
        session = self.briefcase.pack_session
        assert session is not None
        count = pack.entry_count()
        parts = [
            pack.title,
            session.packfile.path.name,
            f"{count} entr{'y' if count == 1 else 'ies'}",
        ]
        if session.pending is not None:
            parts.append("⚠ not saved: the file changed on disk")
        self.query_one("#pack-header", Static).update(Content(" · ".join(parts)))

    def entry_at(self, row: OutlineRow | None) -> Entry | None:
        """The entry a row points at, if it is an entry row that still exists."""
        pack = self.briefcase.current_pack()
        if pack is None or row is None or row.entry is None or row.section >= len(pack.sections):
            return None
        entries = pack.sections[row.section].entries
        return entries[row.entry] if row.entry < len(entries) else None

    def _show_row(self, row: OutlineRow) -> None:
        """The right pane for a row: an entry's facts, note and item, or a section's summary."""
        pack = self.briefcase.current_pack()
        meta = self.query_one("#entry-meta", Static)
        body = self.query_one("#entry-item", Static)
        editor = self.query_one(NoteEditor)
        if pack is None or not pack.sections:
            meta.update(
                Content(
                    "An empty pack: press s to add a section, or go back (p) and add items with a."
                )
            )
            body.update(Content(""))
            editor.load_note(None, "")
            return
        section = pack.sections[min(row.section, len(pack.sections) - 1)]
        entry = self.entry_at(row)
        if entry is None:
            count = len(section.entries)
            meta.update(
                Content.assemble(
                    ("Section: ", "bold"),
                    section.title,
                    f" · {count} entr{'y' if count == 1 else 'ies'}",
                )
            )
            body.update(Content(section.intro))
            editor.load_note(None, "")
            return
        assert row.entry is not None
        priority = entry.priority or "none"
        tags = ", ".join(entry.tags) if entry.tags else "none"
        meta.update(
            Content.assemble(
                ("Priority: ", "bold"),
                priority,
                ("  Tags: ", "bold"),
                tags,
                ("  Section: ", "bold"),
                section.title,
            )
        )
        if (
            not editor.has_focus
        ):  # never under the user's fingers: a late cursor event must not wipe typing
            editor.load_note((row.section, row.entry), entry.note)
        body.update(self._item_text(entry))

    def _item_text(self, entry: Entry) -> Content:
        from briefcase_tui.tui.widgets.item_view import item_content

        corpus = self.briefcase.corpus
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

    @on(PackOutline.RowHighlighted)
    def _highlighted(self, event: PackOutline.RowHighlighted) -> None:
        self.cursor = event.row
        self.briefcase.pack_section = event.row.section
        self._show_row(event.row)
        self.refresh_bindings()

    @on(PackOutline.RowChosen)
    def _chosen(self, event: PackOutline.RowChosen) -> None:
        if event.row.entry is not None:
            self.action_edit_note()

    @on(NoteEditor.NoteFinished)
    def _note_finished(self, event: NoteEditor.NoteFinished) -> None:
        from briefcase_tui.domain.packs.edit import update_entry

        entry = self.entry_at(OutlineRow(*event.entry))
        if entry is None or entry.note == event.text:
            return
        at = event.entry
        if self.briefcase.edit_pack(
            lambda p: update_entry(p, at, note=event.text),
            done="Note saved.",
            description=f"edit the note on “{self.entry_name(entry)}”",
        ):
            return
        self.query_one(NoteEditor).load_note(
            at, event.text
        )  # refused: keep the words in the editor

    @on(NoteEditor.LeaveRequested)
    def _leave_editor(self) -> None:
        self.set_focus(self.query_one(PackOutline))

    def action_close(self) -> None:
        """Back to browsing."""
        self.app.pop_screen()

    def action_edit_note(self) -> None:
        """Put the cursor in the note editor, at the end of the note; on a section, say why not."""
        editor = self.query_one(NoteEditor)
        if editor.entry is None or self.entry_at(self.cursor) is None:
            self._not_on_a_section(NO_NOTE_HERE)
            return
        # At once, not after a refresh as `focus()` does: keys typed right after `n` are the
        # note's first letters and must never reach the pack screen's bindings (`A`, `x`, …).
        self.set_focus(editor)
        editor.move_cursor(editor.document.end)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No pack keys while writing a note; otherwise every key is offered and says why when it cannot act.

        Keys stay put in the footer as the cursor moves between sections and entries, and
        a key pressed on the wrong row explains itself rather than doing nothing.
        """
        if isinstance(self.focused, NoteEditor):
            return False  # while writing, keys are text; Esc or ctrl+s end the note first
        return action == "close" or self.briefcase.current_pack() is not None
