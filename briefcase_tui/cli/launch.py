"""Where a `brief` process starts (the console script and `python -m briefcase_tui`).

It sets up the process, then sends a bare `brief` straight to the app without loading
Typer: Typer (and the pydantic it imports) costs about a fifth of a second before the
first screen, and the bare command has nothing to parse but an optional `--corpus DIR`
and `--briefs DIR`. Every other command line goes to the Typer app unchanged.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

BARE_OPTIONS = ("--corpus", "--briefs")
"""The only options a bare `brief` takes, each once, as `--name DIR` or `--name=DIR`."""


def bare_folders(arguments: list[str]) -> tuple[bool, Path | None, Path | None]:
    """Whether the arguments only open the app, and the `--corpus` and `--briefs` folders given."""
    folders: dict[str, Path] = {}
    rest = list(arguments)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in BARE_OPTIONS or name in folders:
            return False, None, None
        if not equals:
            if not rest or rest[0].startswith("-"):
                return False, None, None
            value = rest.pop(0)
        if not value:
            return False, None, None
        folders[name] = Path(value)
    return True, folders.get("--corpus"), folders.get("--briefs")


def main() -> None:
    """Start `brief`: open the app for a bare `brief`, hand anything else to the Typer app."""
    # pydantic looks up plugins through package metadata the first time it builds a
    # validator: about 15 ms on every run, for plugins Briefcase never uses.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    bare, corpus, briefs = bare_folders(sys.argv[1:])
    if bare and not any(folder is not None and folder.is_file() for folder in (corpus, briefs)):
        # Until the corpus is on screen, nearly every object made is kept (modules,
        # classes, styles, widgets, items): the garbage collector would walk them again
        # and again for nothing (a sixth of the time to first paint on a busy machine).
        # The app freezes them and turns it back on once the corpus is in.
        gc.disable()
        from briefcase_tui.cli.tui import open_app

        try:
            open_app(corpus, briefs)
        except KeyboardInterrupt:
            sys.exit(130)
        return
    from briefcase_tui.cli.app import main as command_line

    command_line()
