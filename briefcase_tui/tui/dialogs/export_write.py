"""The write dialog of the export preview: where to write, with refusals and an overwrite check.

It decides nothing on disk: it checks the typed path against the export rules and answers
with the path to write, or None. The preview screen does the write, so one place reports
write errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from briefcase_tui.domain.export.plan import refuse_contradicting_extension
from briefcase_tui.domain.export.target import refuse_export_target
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.domain.export.formats import ExportFormat

HINT = "Enter writes · Esc cancels. The pack itself is never changed."


class ExportWriteDialog(ModalScreen[Path | None]):
    """Ask where to write an export; Enter (or Write) confirms.

    A second Enter replaces an existing file.
    """

    CSS_PATH = "export_write.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="export-write-cancel",
            tooltip="Close without writing anything",
        ),
    ]

    def __init__(self, default: Path, pack_path: Path, export_format: ExportFormat) -> None:
        super().__init__(id="export-write")
        self.default = default
        self.pack_path = pack_path
        self.export_format = export_format
        self._overwrite_confirmed_for: Path | None = None
        """The existing file the user has been warned about; Enter again with it replaces it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="export-write-box"):
            yield Static(
                Content(f"Write the {self.export_format.label} export to"),
                id="export-write-title",
                markup=False,
            )
            yield Input(str(self.default), id="export-path", select_on_focus=False)
            yield Static(Content(HINT), id="export-write-message", markup=False)
            with Horizontal(id="export-write-buttons"):
                yield Button(Content("Write"), id="export-write-confirm", variant="primary")
                yield Button(Content("Cancel"), id="export-write-cancel-button")

    def on_mount(self) -> None:
        """Start in the path box, cursor at the end, so Enter accepts the default at once."""
        path_input = self.query_one("#export-path", Input)
        path_input.focus()
        path_input.cursor_position = len(path_input.value)

    @property
    def target(self) -> Path:
        """The typed path, with `~` expanded."""
        return Path(self.query_one("#export-path", Input).value.strip()).expanduser()

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        """A new path needs its own checks: forget a confirmation given for the old one."""
        self._overwrite_confirmed_for = None
        self._say(HINT)
        self.query_one("#export-write-confirm", Button).label = Content("Write")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-write-confirm")
    def action_confirm(self) -> None:
        """Answer with the path, unless refused or replacing a file not agreed to lose."""
        text = self.query_one("#export-path", Input).value
        target = self.target
        try:
            if not text.strip():
                raise BriefcaseError("give a file name to write the export to")
            refuse_export_target(target, [self.pack_path])
            refuse_contradicting_extension(target, self.export_format)
        except BriefcaseError as error:
            self._say(f"Not written: {error}", error=True)
            self.query_one("#export-path", Input).focus()
            return
        if target.exists() and self._overwrite_confirmed_for != target:
            self._overwrite_confirmed_for = target
            self._say(
                f"{target} already exists. Exports are derived from the pack, "
                "so replacing it loses only changes made to that file by hand. "
                "Enter again to replace it.",
                error=True,
            )
            self.query_one("#export-write-confirm", Button).label = Content("Replace")
            return
        self.dismiss(target)

    @on(Button.Pressed, "#export-write-cancel-button")
    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)

    def _say(self, text: str, *, error: bool = False) -> None:
        """Show a hint, a refusal or a warning under the path, as literal text."""
        message = self.query_one("#export-write-message", Static)
        message.update(Content(text))
        message.set_class(error, "-warning")
