"""The `brief` entry point: a bare `brief` opens the app without loading Typer.

Typer (and the pydantic it imports) costs about a fifth of a second before the first
screen; the bare command has nothing to parse but an optional `--corpus DIR`, so it goes
straight to the app. Every other command line goes to the Typer app unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path


def bare_corpus_folder(arguments: list[str]) -> tuple[bool, Path | None]:
    """Whether the arguments only open the app, and the `--corpus` folder if one is given."""
    if not arguments:
        return True, None
    if len(arguments) == 2 and arguments[0] == "--corpus" and not arguments[1].startswith("-"):
        return True, Path(arguments[1])
    if len(arguments) == 1 and arguments[0].startswith("--corpus=") and len(arguments[0]) > len("--corpus="):
        return True, Path(arguments[0].removeprefix("--corpus="))
    return False, None


def main() -> None:
    """Open the app for a bare `brief`; hand anything else to the Typer app."""
    bare, folder = bare_corpus_folder(sys.argv[1:])
    if bare and (folder is None or not folder.is_file()):
        from briefcase_tui.cli.open import open_app

        try:
            open_app(folder)
        except KeyboardInterrupt:
            sys.exit(130)
        return
    from briefcase_tui.cli.app import main as typer_main

    typer_main()
