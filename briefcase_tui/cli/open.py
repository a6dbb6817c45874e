"""`brief open [PACK]`: the app, with a pack open on the pack screen."""

from __future__ import annotations

from typing import Annotated

import typer

from briefcase_tui.cli import tui
from briefcase_tui.cli.state import state_of

app = typer.Typer()
"""Commands of `brief` itself (no group of their own)."""


@app.command("open")
def open_command(
    context: typer.Context,
    pack: Annotated[
        str | None,
        typer.Argument(
            metavar="[PACK]",
            help="A pack to open: its name in the briefs folder, or a path.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Open the app, with PACK open on the pack screen."""
    state = state_of(context)
    # Read once, here (a bad pack is one line and exit 1); the app opens what was read.
    packfile = state.store.load(pack) if pack is not None else None
    tui.open_app(state.corpus_folder, state.briefs_folder, packfile)
