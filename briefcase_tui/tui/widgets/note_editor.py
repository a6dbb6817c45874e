"""The editor of one entry's note: a TextArea that reports its text when the writer is done.

Done means leaving the editor (Esc, Tab or a click elsewhere) or ctrl+s; the screen
saves. Reporting on leaving rather than on every keystroke keeps one undo step per note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea


class NoteEditor(TextArea):
    """Edits the note of the entry at `entry`; posts `NoteFinished` when the writer is done."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "finish",
            "Save note",
            id="note-save",
            tooltip="Save the note and keep writing",
        ),
        Binding(
            "escape",
            "leave",
            "Done",
            id="note-done",
            tooltip="Save the note and go back to the outline",
        ),
    ]

    @dataclass
    class NoteFinished(Message):
        """The writer is done with the note of the entry at (section, entry)."""

        entry: tuple[int, int]
        text: str

    @dataclass
    class LeaveRequested(Message):
        """The writer asked to go back to the outline."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            "",
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            placeholder="No note yet: write one here.",
        )
        self.entry: tuple[int, int] | None = None
        """The entry whose note is loaded; None when a section is highlighted."""

    def load_note(self, entry: tuple[int, int] | None, text: str) -> None:
        """Load an entry's note, the cursor at its end (None: nothing to edit, the editor is off).

        At the end, because a note is reopened to add to it: typing should follow the last
        word, not push the first one along.
        """
        self.entry = entry
        if text != self.text:
            self.load_text(text)
            self.move_cursor(self.document.end)
        else:  # the same words (an entry moved): the document stays, and costs nothing to redo
            self.history.clear()
            self.move_cursor(self.document.end)
        self.disabled = entry is None

    def action_finish(self) -> None:
        """Report the note as it stands."""
        if self.entry is not None:
            self.post_message(self.NoteFinished(self.entry, self.text))

    def action_leave(self) -> None:
        """Ask to go back to the outline (leaving reports the note)."""
        self.post_message(self.LeaveRequested())

    def on_blur(self) -> None:
        """Leaving the editor saves the note."""
        self.action_finish()
