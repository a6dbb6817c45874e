"""The `brief` command: the global options, the command tree assembled, errors mapped to exit codes.

Each command module defines its own Typer app; this module only puts them together. Nothing
here imports Textual: `brief export` and friends must stay fast, and the app is imported
only when a command opens it (`cli.tui`).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Annotated

import typer

from briefcase_tui import __version__
from briefcase_tui.cli import (
    corpus,
    corpus_history,
    export,
    items,
    now,
    open,
    output,
    pack_edits,
    pack_merge,
    pack_review,
    pack_sections,
    packs,
    tui,
)
from briefcase_tui.cli.state import State
from briefcase_tui.errors import BriefcaseError

app = typer.Typer(
    name="brief",
    help="Browse a summit's corpus offline and build briefing packs.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(items.app)
app.add_typer(now.app)
app.add_typer(export.app)
app.add_typer(open.app)
corpus_app = typer.Typer(
    help="Inspect the corpus: dump it as JSON, check a corpus folder, record its history.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
corpus_app.add_typer(corpus.app)
corpus_app.add_typer(corpus_history.app)
app.add_typer(corpus_app, name="corpus")
pack_app = typer.Typer(
    help="Make and edit briefing packs: the items you chose, in sections, with your notes.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
pack_app.add_typer(packs.app)
pack_app.add_typer(pack_edits.app)
pack_app.add_typer(pack_merge.app)
pack_app.add_typer(pack_review.app)
pack_app.add_typer(pack_sections.app, name="section")
app.add_typer(pack_app, name="pack")


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
            help="Folder of packs (default: BRIEF_DIR, else ./briefs if it exists, "
            "else the user data folder).",
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
    """Browse a summit's corpus offline and build briefing packs."""
    context.obj = State(corpus_folder=corpus, briefs_folder=briefs)
    if context.invoked_subcommand is None:
        tui.open_app(corpus, briefs)


def main() -> None:
    """Run the command line; user errors become one stderr line and exit status 1."""
    try:
        app_for(sys.argv[1:])(prog_name="brief")
    except BriefcaseError as error:
        output.error(error)
        sys.exit(1)
    except BrokenPipeError:
        output.silence_stdout()
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
    slim = _only(app, name) if name is not None else None
    return slim if slim is not None else app


def _only(typer_app: typer.Typer, name: str) -> typer.Typer | None:
    """A copy of the app holding only the command or group called `name`, if it has one.

    Commands merged in from a nameless group (`add_typer` without a name) are looked
    for inside it.
    """
    commands = [c for c in typer_app.registered_commands if c.name == name]
    groups = []
    for group in typer_app.registered_groups:
        if isinstance(group.name, str):
            if group.name == name:
                groups.append(group)
        elif group.typer_instance is not None:
            inner = _only(group.typer_instance, name)
            if inner is not None:
                slim_group = copy.copy(group)
                slim_group.typer_instance = inner
                groups.append(slim_group)
    if not (commands or groups):
        return None
    slim = copy.copy(typer_app)
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
