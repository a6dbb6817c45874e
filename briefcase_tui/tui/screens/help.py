"""The keys screen, made from the bindings in force: key, what it does, and its id for remapping."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefcase_tui.paths import config_file


def binding_rows(app: App[Any]) -> list[tuple[str, str, str]]:
    """(keys, description, id) of every enabled binding in force, one row per binding.

    Briefcase's own bindings (the ones with ids, which the settings can remap) come
    first; the focused widget's built-in keys follow, with an empty id.
    """
    rows: dict[str, tuple[list[str], str, str]] = {}
    for active in app.screen.active_bindings.values():
        binding = active.binding
        if not active.enabled or not binding.description:
            continue
        key = binding.id or f"action:{binding.action}"
        keys, _, _ = rows.setdefault(key, ([], binding.description, binding.id or ""))
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    ordered = sorted(rows.values(), key=lambda row: not row[2])
    return [(" ".join(keys), description, binding_id) for keys, description, binding_id in ordered]


class HelpScreen(ModalScreen[None]):
    """Lists every key of the screen below; Esc, q or ? closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark,f1",
            "close",
            "Close",
            id="help-close",
            tooltip="Close the keys screen",
        ),
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__(id="help")
        self.rows = rows

    def compose(self) -> ComposeResult:
        key_width = max((len(key) for key, _, _ in self.rows), default=4) + 2
        text_width = max((len(text) for _, text, _ in self.rows), default=10) + 2
        lines = [Content.styled("Keys", "bold"), Content("")]
        lines.append(Content.styled(f"{'Key':<{key_width}}{'Does':<{text_width}}Id", "bold"))
        lines += [
            Content(f"{key:<{key_width}}{text:<{text_width}}{binding_id}")
            for key, text, binding_id in self.rows
        ]
        lines += [
            Content(""),
            Content("Mouse: click tabs, rows and links; scroll with the wheel."),
            Content("Tab / shift+tab move between panes; ctrl+p opens the command palette."),
            Content(""),
            Content(f"Remap a key in {config_file()} under [keys], by id:"),
            Content('  [keys]\n  search = "ctrl+f"'),
        ]
        with VerticalScroll(id="help-box"):
            yield Static(Content("\n").join(lines), markup=False)

    def action_close(self) -> None:
        """Back to where the keys were asked for."""
        self.dismiss(None)
