"""`brief corpus dump` and `brief corpus check`: the corpus as data, and a corpus folder checked."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefcase_tui.cli import output
from briefcase_tui.cli.state import state_of

app = typer.Typer()
"""The `brief corpus` group."""


@app.command("dump")
def dump(context: typer.Context) -> None:
    """Print the whole corpus as one JSON object."""
    from briefcase_tui.domain.corpus.serialize import corpus_data

    output.print_json(corpus_data(state_of(context).corpus))


@app.command("check")
def check(
    context: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            metavar="DIR",
            help="Corpus folder to check (default: the one in use).",
            show_default=False,
        ),
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            metavar="FOLDER",
            help="Also check every quote and locator against the source texts in FOLDER.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Validate a corpus folder and list every problem, not just the first."""
    from briefcase_tui.domain.corpus.load import check_corpus_against

    target = folder if folder is not None else state_of(context).folder
    problems, report = check_corpus_against(target, sources)
    for problem in problems:
        output.tell(str(problem))
    if problems:
        output.tell(f"{output.counted(len(problems), 'problem')} in {target}")
        raise typer.Exit(1)
    if report is not None:
        quotes = output.counted(report.quotes, "quote")
        locators = output.counted(report.locators, "locator")
        print(f"{target}: ok ({quotes} and {locators} checked against {sources})")
    else:
        print(f"{target}: ok")
