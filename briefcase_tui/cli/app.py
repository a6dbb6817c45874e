"""The `brief` command: the Typer app, global options, and the mapping of errors to exit codes.

Nothing here imports Textual: `brief export` and friends must stay fast. The app is
imported only when a command opens it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from briefcase_tui import __version__
from briefcase_tui.cli import corpus_commands
from briefcase_tui.cli.state import State
from briefcase_tui.errors import BriefcaseError

app = typer.Typer(
    name="brief",
    help="Browse the 2025 Paris AI Action Summit offline and build briefing packs.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
corpus_app = typer.Typer(
    help="Inspect the corpus: dump it as JSON or check a corpus folder.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(corpus_app, name="corpus")
corpus_commands.register(app, corpus_app)


def _print_version(value: bool) -> None:
    if value:
        print(f"brief {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    context: typer.Context,
    corpus: Annotated[
        Optional[Path],
        typer.Option(
            "--corpus",
            help="Corpus folder to use instead of the bundled one (also BRIEF_CORPUS).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", callback=_print_version, is_eager=True),
    ] = False,
) -> None:
    """Browse the 2025 Paris AI Action Summit offline and build briefing packs."""
    context.obj = State(corpus_folder=corpus)
    if context.invoked_subcommand is None:
        open_app(corpus)


def open_app(corpus_folder: Path | None) -> None:
    """Run the terminal app; Textual is imported only then, so other commands stay fast."""
    from briefcase_tui.cli.open import open_app as run_app

    run_app(corpus_folder)


def main() -> None:
    """Entry point: run the app; user errors become one stderr line and exit status 1."""
    try:
        app(prog_name="brief")
    except BriefcaseError as error:
        print(f"brief: {error}", file=sys.stderr)
        sys.exit(1)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)


def _silence_stdout() -> None:
    """After the reader of our output went away, send the rest nowhere instead of failing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
