"""Opening the terminal app: the one place the CLI imports Textual, and only when called."""

from __future__ import annotations

from pathlib import Path


def open_app(
    corpus_folder: Path | None, briefs_folder: Path | None = None, pack: Path | None = None
) -> None:
    """Run the terminal app on a corpus folder (None: `BRIEF_CORPUS`, then the bundled corpus).

    `briefs_folder` is where packs are found (None: BRIEF_DIR, ./briefs, the data folder);
    `pack`, a pack file already checked to load, opens on the pack screen.
    """
    from briefcase_tui.tui.app import create_app

    create_app(corpus_folder, briefs_folder=briefs_folder, pack=pack).run()
