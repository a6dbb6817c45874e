"""The `brief` command: the Typer app, global options, and the mapping of errors to exit codes.

Nothing here imports Textual: `brief export` and friends must stay fast. The app is
imported only when a command opens it.
"""

from __future__ import annotations

import copy
import os
import sys

# pydantic looks up plugins through package metadata the first time it builds a validator:
# about 15 ms on every run, for plugins Briefcase never uses.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
from pathlib import Path
from typing import Annotated

import typer

from briefcase_tui import __version__
from briefcase_tui.cli import corpus_commands, export_command, pack_commands, pack_edit_commands
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
pack_app = typer.Typer(
    help="Make and edit briefing packs: the items you chose, in sections, with your notes.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(pack_app, name="pack")
pack_commands.register(pack_app)
pack_edit_commands.register(pack_app)
export_command.register(app)


def _print_version(value: bool) -> None:
    if value:
        print(f"brief {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    context: typer.Context,
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            metavar="DIR",
            help="Corpus folder to use instead of the bundled one (also BRIEF_CORPUS).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    briefs: Annotated[
        Path | None,
        typer.Option(
            "--briefs",
            metavar="DIR",
            help="Folder of packs (default: BRIEF_DIR, else ./briefs if it exists, else the user data folder).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_print_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Browse the 2025 Paris AI Action Summit offline and build briefing packs."""
    context.obj = State(corpus_folder=corpus, briefs_folder=briefs)
    if context.invoked_subcommand is None:
        open_app(corpus, briefs)


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
    state: State = context.find_root().obj
    path = state.store.load(pack).path if pack is not None else None
    open_app(state.corpus_folder, state.briefs_folder, path)


def open_app(
    corpus_folder: Path | None, briefs_folder: Path | None = None, pack: Path | None = None
) -> None:
    """Run the terminal app; Textual is imported only then, so other commands stay fast."""
    from briefcase_tui.cli.open import open_app as run_app

    run_app(corpus_folder, briefs_folder, pack)


def main() -> None:
    """Entry point: run the app; user errors become one stderr line and exit status 1."""
    try:
        app_for(sys.argv[1:])(prog_name="brief")
    except BriefcaseError as error:
        print(f"brief: {error}", file=sys.stderr)
        sys.exit(1)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)


_ROOT_OPTIONS_WITH_VALUES = frozenset({"--corpus", "--briefs"})


def app_for(arguments: list[str]) -> typer.Typer:
    """The app with only the command the arguments name, or the whole app when unsure.

    Typer turns every registered command into a Click command on each run (about 10 ms
    for all of ours); a script calling `brief export` in a loop should pay only for
    `export`. Help, a mistyped command or no command gets the whole app.
    """
    name = _command_word(arguments)
    commands = [c for c in app.registered_commands if c.name == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if name is None or not (commands or groups):
        return app
    slim = copy.copy(app)
    slim.registered_commands = commands
    slim.registered_groups = groups
    return slim


def _command_word(arguments: list[str]) -> str | None:
    """The first argument that is neither a root option nor its value: the command's name."""
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument in _ROOT_OPTIONS_WITH_VALUES:
            skip = True
        elif not argument.startswith("-"):
            return argument
    return None


def _silence_stdout() -> None:
    """After the reader of our output went away, send the rest nowhere instead of failing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
