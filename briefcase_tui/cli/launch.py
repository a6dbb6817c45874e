"""The `brief` entry point: a bare `brief` opens the app without loading Typer.

Typer (and the pydantic it imports) costs about a fifth of a second before the first
screen; the bare command has nothing to parse but an optional `--corpus DIR` and
`--briefs DIR`, so it goes straight to the app. Every other command line goes to the Typer app unchanged.
"""

from __future__ import annotations

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


def bare_corpus_folder(arguments: list[str]) -> tuple[bool, Path | None]:
    """Whether the arguments only open the app, and the `--corpus` folder if one is given."""
    bare, corpus, _ = bare_folders(arguments)
    return bare, corpus


def main() -> None:
    """Open the app for a bare `brief`; hand anything else to the Typer app."""
    bare, corpus, briefs = bare_folders(sys.argv[1:])
    if bare and not any(folder is not None and folder.is_file() for folder in (corpus, briefs)):
        from briefcase_tui.cli.open import open_app

        try:
            open_app(corpus, briefs)
        except KeyboardInterrupt:
            sys.exit(130)
        return
    from briefcase_tui.cli.app import main as typer_main

    typer_main()
