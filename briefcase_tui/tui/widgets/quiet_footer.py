"""The browse screen's key line: Textual's compact Footer drawn as one widget.

Why not `Footer`: it mounts a widget per key and mounts them all again on every change of
the keys that apply, restyling each; on the browse screen that was the costliest thing
before the first paint, and the keys then appeared a frame after the rest. This draws
the same line (keys, descriptions, a group's keys sharing one description, the palette
key docked right) from the screen's active bindings, in the first frame; a click runs
the key under the pointer, and hovering a key shows its tooltip.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widget import Widget

SEPARATOR = "▏"
"""Before the palette key, as Footer's `border-left: vkey` draws it."""


@dataclass(frozen=True)
class KeySpan:
    """Where one key sits in the line, and what it does."""

    start: int
    end: int
    key: str
    enabled: bool
    tooltip: str


class QuietFooter(Widget, can_focus=False):
    """The keys that apply on this screen, on one line; Textual's compact Footer, drawn at once."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "quiet-footer--key",
        "quiet-footer--description",
        "quiet-footer--item",
        "quiet-footer--separator",
    }
    DEFAULT_CSS = """
    QuietFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .quiet-footer--item {
            background: $footer-item-background;
        }
        .quiet-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .quiet-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .quiet-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[KeySpan] = []
        self.content_width = 0
        """Cells the keys need (the palette key included): at most the width, or some are cut."""

    def on_mount(self) -> None:
        """Redraw whenever the keys that apply change (focus, state, a remap)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        """Stop listening to a screen that is going away."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def _shown(self) -> tuple[list[list[tuple[Binding, bool, str]]], tuple[Binding, bool] | None]:
        """The bindings to show, one list per action (as Footer groups them), and the palette's."""
        active = self.screen.active_bindings
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, _ = active[self.app.COMMAND_PALETTE_BINDING]
            palette = (binding, enabled)
        return list(by_action.values()), palette

    def render(self) -> Text:
        """The line: each key bold, its description after a space, one cell between keys."""
        item = self.get_component_rich_style("quiet-footer--item")
        key_style = item + self.get_component_rich_style("quiet-footer--key")
        description_style = item + self.get_component_rich_style("quiet-footer--description")
        dim = Style(dim=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[KeySpan] = []
        actions, palette = self._shown()

        def key(binding: Binding, enabled: bool, tooltip: str, description: str) -> None:
            start = line.cell_len
            shown = self.app.get_key_display(binding)
            muted = dim if not enabled else Style()
            line.append(shown, key_style + muted)
            if description:
                line.append(f" {description}", description_style + muted)
            spans.append(KeySpan(start, line.cell_len, binding.key, enabled, tooltip))

        for group, members in groupby(actions, lambda bindings: bindings[0][0].group):
            grouped = list(members)
            if group is not None and len(grouped) > 1:
                for bindings in grouped:
                    binding, enabled, tooltip = bindings[0]
                    key(binding, enabled, tooltip or binding.description, "")
                line.append(" ")
                line.append(group.description, description_style)
                line.append(" ")
            else:
                for bindings in grouped:
                    binding, enabled, tooltip = bindings[0]
                    key(binding, enabled, tooltip, binding.description)
                    line.append(" ")
        self.content_width = line.cell_len
        if palette is not None:
            binding, enabled = palette
            tail = Text(no_wrap=True, end="")
            tail.append(SEPARATOR, item + self.get_component_rich_style("quiet-footer--separator"))
            start = len(tail)
            tail.append(self.app.get_key_display(binding), key_style)
            tail.append(f" {binding.description}", description_style)
            tail.append(" ")
            width = self.size.width
            gap = max(0, width - line.cell_len - tail.cell_len)
            self.content_width += tail.cell_len
            line.append(" " * gap)
            offset = line.cell_len
            line.append_text(tail)
            spans.append(
                KeySpan(
                    offset + start,
                    line.cell_len - 1,
                    binding.key,
                    enabled,
                    binding.tooltip or binding.description,
                )
            )
        self._spans = spans
        return line

    def _span_at(self, x: int) -> KeySpan | None:
        return next((span for span in self._spans if span.start <= x < span.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Show the tooltip of the key under the pointer."""
        span = self._span_at(event.x)
        self.tooltip = span.tooltip if span is not None and span.tooltip else None

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it (a key that does not apply rings the bell)."""
        span = self._span_at(event.x)
        if span is None:
            return
        if span.enabled:
            self.app.simulate_key(span.key)
        else:
            self.app.bell()
