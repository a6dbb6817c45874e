"""The pack screen: the open pack's outline on the left, the highlighted entry and its note right.

Keys edit the entry under the cursor: `PackEdits` decides what a key does, and this
screen carries it out through the pack controller, which applies the edit at once, saves
it in the background and posts `PackChanged`, on which this screen redraws. The cursor
follows the entry it moved, so an adviser can press J five times and watch one entry travel.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefcase_tui.tui import bench_hooks
from briefcase_tui.tui.messages import CorpusArrived, PackChanged
from briefcase_tui.tui.screens.pack_edits import (
    NO_NOTE_HERE,
    Notice,
    PackEdits,
    PlannedEdit,
    Question,
    Step,
)
from briefcase_tui.tui.screens.pack_tallies import PackTallies
from briefcase_tui.tui.widgets.entry_pane import EntryPane
from briefcase_tui.tui.widgets.note_editor import NoteEditor
from briefcase_tui.tui.widgets.pack_outline import OutlineRow, PackOutline, entry_at

if TYPE_CHECKING:
    from pathlib import Path

    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.history import EarlierReading
    from briefcase_tui.domain.packs.models import Pack, Section
    from briefcase_tui.tui.pack_controller import PackController

MOVE_KEYS = Binding.Group("Move", compact=True)
"""J and K share one footer label: at 80 columns every cell counts."""


class _CorpusTitles(Mapping[str, str]):
    """The corpus's titles by item id, read on demand."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus

    def __getitem__(self, item_id: str) -> str:
        item = self._corpus.get(item_id)
        if item is None:
            raise KeyError(item_id)
        return item.title

    def __iter__(self) -> Iterator[str]:
        return (item.id for item in self._corpus)

    def __len__(self) -> int:
        return len(self._corpus)


class PackScreenApp(Protocol):
    """What the pack screen needs of the app."""

    @property
    def corpus(self) -> Corpus | None:
        """The corpus, once loaded (for titles)."""

    @property
    def packs(self) -> PackController:
        """The open pack and its changes."""

    @property
    def corpus_folder(self) -> Path:
        """The corpus folder in use (its history lives there)."""


class PackScreen(Screen[None]):
    """Edit the open pack from the keyboard: reorder, move, annotate, prioritise, tag, remove."""

    CSS_PATH = "pack.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
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
            "v",
            "review_entry",
            "Review",
            show=False,
            id="pack-review-entry",
            tooltip="Compare the entry's item with how it read when added; record today's",
        ),
        Binding(
            "c",
            "settle_conflict",
            "Settle conflict",
            show=False,
            id="pack-settle-conflict",
            tooltip="Keep one side of a merge conflict (the one at the cursor, else the first)",
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
        self._drawn: tuple[object, ...] = ()
        """What the screen was last drawn from (see `_drawn_from`)."""
        self._header = ""
        """The header line as last drawn."""
        self._tallies = PackTallies()
        """Conflict counts and changed-entry marks, kept per section between keys."""
        self.edits = PackEdits(
            lambda: self.packs.current, lambda: self.briefcase.corpus, self._history
        )

    @property
    def briefcase(self) -> PackScreenApp:
        """The app, as this screen sees it."""
        return cast("PackScreenApp", self.app)

    @property
    def packs(self) -> PackController:
        """The open pack and its changes."""
        return self.briefcase.packs

    def _history(self) -> dict[str, EarlierReading]:
        """The corpus's earlier readings, read when a review asks for them."""
        from briefcase_tui.domain.corpus.history import load_history
        from briefcase_tui.errors import BriefcaseError

        try:
            return load_history(self.briefcase.corpus_folder)
        except BriefcaseError as error:
            self.packs.tell(f"The corpus history cannot be read: {error}", severity="warning")
            return {}

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="pack-header", markup=False)
        with Horizontal(id="pack-panes"):
            yield PackOutline(id="pack-outline")
            yield EntryPane(id="entry-pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Draw the pack, start on its first entry, and check whether the file changed meanwhile."""
        session = self.packs.session
        if session is not None and self.packs.section is not None:
            self.cursor = OutlineRow(self.packs.section, 0)
        self._redraw()
        self.query_one(PackOutline).focus()
        bench_hooks.exit_when_pack_shown(self.app)
        if session is not None and session.pending is None and session.changed_on_disk():
            self.packs.ask_about_conflict(pending=False)

    def _drawn_from(self) -> tuple[object, ...]:
        """What the screen shows depends on: the pack, its file, a change waiting, the corpus."""
        session = self.packs.session
        if session is None:
            return ()
        waiting = session.pending is not None
        return (session.current, session.packfile.path, waiting, self.briefcase.corpus is None)

    @on(PackChanged)
    @on(CorpusArrived)
    def _news(self) -> None:
        """An undo, a reload, a refused save, the corpus arriving: redraw if it shows here.

        This screen's own edits are drawn at once (`_carry_out`), so their news finds
        nothing left to draw.
        """
        if self._drawn_from() != self._drawn:
            self._redraw()

    def _redraw(self) -> None:
        """Draw the open pack, the cursor on `cursor`."""
        pack = self.packs.current
        if pack is None:
            return
        self._drawn = self._drawn_from()
        self._show_header(pack)
        self.query_one(PackOutline).show_pack(
            pack, self._titles(pack), self.cursor, self._changed_in
        )
        self._show_row(self.cursor)

    def _titles(self, pack: Pack) -> Mapping[str, str] | None:
        """Item titles by id, looked up as rows are drawn (not all 10,000 of a big pack first)."""
        corpus = self.briefcase.corpus
        return None if corpus is None else _CorpusTitles(corpus)

    def _changed_in(self, s_index: int, section: Section) -> frozenset[int]:
        """The entries of a section whose item changed in the corpus since they were added."""
        return self._tallies.changed_in(s_index, section, self.briefcase.corpus)

    def _show_header(self, pack: Pack) -> None:
        """The header line; left alone when it reads the same (most keys change nothing in it)."""
        session = self.packs.session
        assert session is not None
        count = pack.entry_count()
        parts = [
            pack.title,
            session.packfile.path.name,
            f"{count} entr{'y' if count == 1 else 'ies'}",
        ]
        conflicts = self._tallies.conflict_count(pack)
        if conflicts:  # first, where no width of terminal cuts it off
            parts.insert(0, f"⚠ {conflicts} merge conflict{'s' if conflicts != 1 else ''} (c)")
        if session.pending is not None:
            parts.append("⚠ not saved: the file changed on disk")
        text = " · ".join(parts)
        if text != self._header:
            self._header = text
            self.query_one("#pack-header", Static).update(Content(text))

    def _show_row(self, row: OutlineRow) -> None:
        """The right pane for a row: an entry's facts, note and item, or a section's summary."""
        pack = self.packs.current
        conflicts = self._tallies.conflict_count(pack) if pack is not None else 0
        self.query_one(EntryPane).show(pack, row, self.briefcase.corpus, conflicts=conflicts > 0)

    def _carry_out(self, step: Step | None) -> bool:
        """Apply a planned edit, say a notice, or ask and carry out the answer; True if applied."""
        if isinstance(step, Notice):
            self.packs.tell(step.text, severity=step.severity)
        elif isinstance(step, Question):
            question = step

            def answered(answer: str | None) -> None:
                self._carry_out(question.answered(answer))

            self.app.push_screen(question.dialog, answered)
        elif isinstance(step, PlannedEdit):
            if step.cursor is not None:
                self.cursor = step.cursor
            if self.packs.edit(step.edit, done=step.done, description=step.description):
                # At once, not on the news: a highlight still on its way from before the edit
                # would otherwise move the cursor off the entry that just moved.
                self._redraw()
                return True
        return False

    @on(PackOutline.RowHighlighted)
    def _highlighted(self, event: PackOutline.RowHighlighted) -> None:
        if event.row != self.query_one(PackOutline).row:
            return  # news of a row the cursor has already left: a later message follows
        self.cursor = event.row
        self.packs.section = event.row.section
        self._show_row(event.row)

    @on(PackOutline.RowChosen)
    def _chosen(self, event: PackOutline.RowChosen) -> None:
        if event.row.entry is not None:
            self.action_edit_note()

    @on(NoteEditor.NoteFinished)
    def _note_finished(self, event: NoteEditor.NoteFinished) -> None:
        planned = self.edits.note(event.entry, event.text)
        if planned is not None and not self._carry_out(planned):
            # Refused: keep the words in the editor.
            self.query_one(NoteEditor).load_note(event.entry, event.text)

    @on(NoteEditor.LeaveRequested)
    def _leave_editor(self) -> None:
        self.set_focus(self.query_one(PackOutline))

    def action_close(self) -> None:
        """Back to browsing."""
        self.app.pop_screen()

    def action_edit_note(self) -> None:
        """Put the cursor in the note editor, at the end of the note; on a section, say why not."""
        editor = self.query_one(NoteEditor)
        if editor.entry is None or entry_at(self.packs.current, self.cursor) is None:
            self._carry_out(self.edits.not_on_a_section(NO_NOTE_HERE))
            return
        # At once, not after a refresh as `focus()` does: keys typed right after `n` are the
        # note's first letters and must never reach the pack screen's bindings (`A`, `x`, …).
        self.set_focus(editor)
        editor.move_cursor(editor.document.end)

    def action_move_up(self) -> None:
        """Move the entry one place up, into the previous section from the top."""
        self._carry_out(self.edits.shift(self.cursor, -1))

    def action_move_down(self) -> None:
        """Move the entry one place down, into the next section from the bottom."""
        self._carry_out(self.edits.shift(self.cursor, 1))

    def action_cycle_priority(self) -> None:
        """Next priority: must → should → optional → none → must."""
        self._carry_out(self.edits.cycle_priority(self.cursor))

    def action_edit_tags(self) -> None:
        """Edit the entry's own tags, comma-separated."""
        self._carry_out(self.edits.edit_tags(self.cursor))

    def action_move_to_section(self) -> None:
        """Move the entry to the end of another section, chosen from a list."""
        self._carry_out(self.edits.move_to_section(self.cursor))

    def action_remove(self) -> None:
        """Remove the entry under the cursor, or the section if it is empty (else say why not)."""
        self._carry_out(self.edits.remove(self.cursor))

    def action_review_entry(self) -> None:
        """Compare the entry's item with how it read when added; record today's reading."""
        self._carry_out(self.edits.review_entry(self.cursor))

    def action_settle_conflict(self) -> None:
        """Keep one side of a merge conflict: the one at the cursor, else the first."""
        self._carry_out(self.edits.settle_conflict(self.cursor))

    def action_add_note(self) -> None:
        """Add a note of your own (no corpus item) after the cursor."""
        self._carry_out(self.edits.add_note(self.cursor))

    def action_add_section(self) -> None:
        """Add a section after the current one."""
        self._carry_out(self.edits.add_section(self.cursor))

    def action_rename_section(self) -> None:
        """Give the current section a new title."""
        self._carry_out(self.edits.rename_section(self.cursor))

    def action_rename_pack(self) -> None:
        """Give the pack a new title (the file keeps its name)."""
        self._carry_out(self.edits.rename_pack())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No pack keys while writing a note; otherwise every key is offered and explains itself.

        Keys stay put in the footer as the cursor moves between sections and entries, and
        a key pressed on the wrong row says why it cannot act rather than doing nothing.
        """
        if isinstance(self.focused, NoteEditor):
            return False  # while writing, keys are text; Esc or ctrl+s end the note first
        return action == "close" or self.packs.current is not None
