"""The two plain questions: a line of text, or one choice of a list.

Each dialog only asks: it returns the answer through `dismiss` and leaves the doing to
the screen or controller that asked. Every label is `Content`, so pack text is never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

CLOSE = Binding(
    "escape", "cancel", "Cancel", id="dialog-cancel", tooltip="Close without changing anything"
)


class TextDialog(ModalScreen[str | None]):
    """One line of text (a title, tags); Enter accepts, Esc cancels; returns None when cancelled."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [CLOSE]

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
    BINDINGS: ClassVar[list[BindingType]] = [CLOSE]

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
