"""The floor for first-paint timings: a Textual app that shows one line of text.

It has the same benchmark hook as Briefcase: with BRIEF_BENCH_EXIT_ON_PAINT=FILE it writes
FILE once its first screen is painted, then exits.
"""

import os
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App[None]):
    """One line of text."""

    def compose(self) -> ComposeResult:
        yield Static("Hello from a minimal Textual app.")

    def on_mount(self) -> None:
        marker = os.environ.get("BRIEF_BENCH_EXIT_ON_PAINT")
        if marker:
            self.call_after_refresh(self._painted, marker)

    def _painted(self, marker: str) -> None:
        Path(marker).write_text("painted", encoding="utf-8")
        self.exit()


if __name__ == "__main__":
    Minimal().run()
