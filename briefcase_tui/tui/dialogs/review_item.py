"""An item that changed in the corpus since it went into the pack: old reading beside today's.

The dialog only shows and asks: Accept records today's reading as reviewed, Esc decides
later. Lines that differ are marked with ≠ and in bold, never by colour alone. All text is
`Content`, so corpus text is never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.review import ReadingRow

CHANGED_MARK = "≠ "


class ReviewItemDialog(ModalScreen[str | None]):
    """Old and new readings of one item, side by side; "accept" when the new one is accepted."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "Later", id="review-later", tooltip="Decide later"),
    ]

    def __init__(
        self,
        title: str,
        headings: tuple[str, str],
        rows: list[ReadingRow],
        *,
        can_accept: bool = True,
    ) -> None:
        super().__init__(classes="dialog")
        self.heading = title
        self.headings = headings
        self.rows = rows
        self.can_accept = can_accept

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="review-box"):
            yield Static(Content.styled(self.heading, "bold"), classes="dialog-title", markup=False)
            with Horizontal(id="review-columns"):
                for side, heading in enumerate(self.headings):
                    with VerticalScroll(classes="review-side"):
                        yield Static(Content.styled(heading, "bold underline"), markup=False)
                        yield Static(self._side(side), markup=False)
            with Horizontal(id="review-buttons"):
                if self.can_accept:
                    yield Button(
                        Content("Accept today's reading"), id="review-accept", variant="primary"
                    )
                yield Button(Content("Later"), id="review-later-button")

    def _side(self, side: int) -> Content:
        parts: list[Content] = []
        for row in self.rows:
            text = row.old if side == 0 else row.new
            if row.changed:
                parts.append(Content.styled(CHANGED_MARK + text, "bold"))
            else:
                parts.append(Content("  " + text))
        return Content("\n").join(parts)

    def on_mount(self) -> None:
        """Start on Accept when there is something to accept."""
        self.query_one("#review-accept" if self.can_accept else "#review-later-button").focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss("accept" if event.button.id == "review-accept" else None)

    def action_later(self) -> None:
        """Close; the entry stays marked until reviewed."""
        self.dismiss(None)
