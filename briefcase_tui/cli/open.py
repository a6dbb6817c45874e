"""Opening the terminal app: the one place the CLI imports Textual, and only when called."""

from __future__ import annotations

from pathlib import Path


def open_app(corpus_folder: Path | None) -> None:
    """Run the terminal app on a corpus folder (None: `BRIEF_CORPUS`, then the bundled corpus)."""
    from briefcase_tui.tui.app import create_app

    create_app(corpus_folder).run()
