"""The pack changed on disk under an unsaved change: ask what to do with it."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

ConflictChoice = Literal["reload", "copy", "overwrite", "cancel"]
"""What to do with an edit that a changed file refused."""
BUTTON_CHOICES: dict[str, ConflictChoice] = {
    "conflict-reload": "reload",
    "conflict-copy": "copy",
    "conflict-overwrite": "overwrite",
    "conflict-cancel": "cancel",
}
"""The choice each button makes."""


class ConflictDialog(ModalScreen[ConflictChoice]):
    """The pack changed on disk: reload it, save mine as a copy, overwrite it, or decide later.

    Overwrite is a separate, explicit button: it throws away someone else's version.
    With `pending=False` (noticed on showing the pack, before any edit) only reload or
    keep working are offered.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="conflict-cancel",
            tooltip="Keep my change in memory, decide later",
        ),
    ]

    def __init__(self, path: str, *, pending: bool = True) -> None:
        super().__init__(classes="dialog")
        self.path = path
        self.pending = pending

    def compose(self) -> ComposeResult:
        if self.pending:
            text = (
                f"{self.path} changed on disk since Briefcase read it, "
                "so your last change was not saved.\n"
                "It is kept in memory until you choose."
            )
        else:
            text = f"{self.path} changed on disk since Briefcase read it (edited elsewhere?)."
        with Vertical(classes="dialog-box", id="conflict-box"):
            yield Static(
                Content.styled("Pack changed on disk", "bold"), classes="dialog-title", markup=False
            )
            yield Static(Content(text), id="conflict-text", markup=False)
            with Horizontal(id="conflict-buttons"):
                if self.pending:
                    yield Button(
                        Content("Reload from disk"),
                        id="conflict-reload",
                        tooltip="Discard my change",
                    )
                    yield Button(
                        Content("Save mine as a copy"), id="conflict-copy", variant="primary"
                    )
                    yield Button(Content("Overwrite"), id="conflict-overwrite", variant="error")
                    yield Button(Content("Cancel"), id="conflict-cancel")
                else:
                    yield Button(
                        Content("Reload from disk"), id="conflict-reload", variant="primary"
                    )
                    yield Button(Content("Keep mine"), id="conflict-cancel")

    def on_mount(self) -> None:
        """The safe choice has the focus: a copy loses nothing."""
        safe = "#conflict-copy" if self.pending else "#conflict-reload"
        self.query_one(safe, Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(BUTTON_CHOICES.get(event.button.id or "", "cancel"))

    def action_cancel(self) -> None:
        """Decide later; the change stays in memory."""
        self.dismiss("cancel")
