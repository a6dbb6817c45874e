"""The one way into the terminal app, and the one CLI module that imports it (only when called).

A bare `brief` (through `launch`), the root command with no subcommand and `brief open` all
open the app here. Importing this module imports nothing else, so the bare command reaches
the app without loading Typer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.store import PackFile


def open_app(
    corpus_folder: Path | None,
    briefs_folder: Path | None = None,
    pack: PackFile | None = None,
) -> None:
    """Run the terminal app on a corpus folder (None: `BRIEF_CORPUS`, then the bundled corpus).

    `briefs_folder` is where packs are found (None: BRIEF_DIR, ./briefs, the data folder);
    `pack`, a pack already read (so a big one is not read twice), opens on the pack screen.
    """
    from briefcase_tui.tui.app import create_app

    create_app(corpus_folder, briefs_folder=briefs_folder, pack=pack).run()
