"""Small modal dialogs: ask for a line of text, pick one of a list, decide about a changed file.

Each dialog only asks: it returns the answer through `dismiss` and leaves the doing to
the screen or app that asked. Every label is `Content`, so pack text is never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

ConflictChoice = Literal["reload", "copy", "overwrite", "cancel"]
"""What to do with an edit that a changed file refused."""

CLOSE = Binding(
    "escape", "cancel", "Cancel", id="dialog-cancel", tooltip="Close without changing anything"
)


class TextDialog(ModalScreen[str | None]):
    """One line of text (a title, tags); Enter accepts, Esc cancels; returns None when cancelled."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [CLOSE]

    def __init__(
        self, title: str, value: str = "", *, placeholder: str = "", hint: str = ""
    ) -> None:
        super().__init__(classes="dialog")
        self.heading = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Content.styled(self.heading, "bold"), classes="dialog-title", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="dialog-input")
            yield Static(
                Content(self.hint or "Enter accepts · Esc cancels"),
                classes="dialog-hint",
                markup=False,
            )

    @on(Input.Submitted, "#dialog-input")
    def _accepted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one of a list (sections, packs); returns the chosen option's id, or None."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [CLOSE]

    def __init__(
        self,
        title: str,
        choices: list[tuple[str, str]],
        *,
        hint: str = "",
        disabled: Sequence[str] = (),
    ) -> None:
        super().__init__(classes="dialog")
        self.heading = title
        self.choices = choices
        """(id, label) pairs; labels are shown literally."""
        self.unavailable = list(disabled)
        """Lines shown but not choosable (problems), literally."""
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Content.styled(self.heading, "bold"), classes="dialog-title", markup=False)
            options = [Option(Content(label), id=choice_id) for choice_id, label in self.choices]
            options += [Option(Content(f"✗ {line}"), disabled=True) for line in self.unavailable]
            yield OptionList(*options, id="dialog-choices", markup=False)
            yield Static(
                Content(self.hint or "Enter chooses · Esc cancels"),
                classes="dialog-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        """Start on the first choice."""
        choices = self.query_one("#dialog-choices", OptionList)
        if self.choices:
            choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected, "#dialog-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)


class ConflictDialog(ModalScreen[ConflictChoice]):
    """The pack changed on disk: reload it, save mine as a copy, overwrite it, or decide later.

    Overwrite is a separate, explicit button: it throws away someone else's version.
    With `pending=False` (noticed on showing the pack, before any edit) only reload or
    keep working are offered.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
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
                f"{self.path} changed on disk since Briefcase read it, so your last change was not saved.\n"
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
        choice = (event.button.id or "conflict-cancel").removeprefix("conflict-")
        self.dismiss(choice)  # type: ignore[arg-type]

    def action_cancel(self) -> None:
        """Decide later; the change stays in memory."""
        self.dismiss("cancel")
