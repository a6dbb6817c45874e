"""`brief export`: render packs in any export format, to stdout or to files.

The domain's export plan checks everything that can be refused before the first byte is
written: the output must not be a pack (nor any `.toml` file), two packs must not land on
one file, and with --strict every id must be in the corpus. Files are written atomically,
so a failed export never leaves a half-written document behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefcase_tui.cli import output
from briefcase_tui.cli.options import choose_value
from briefcase_tui.cli.state import State, state_of
from briefcase_tui.domain.export.formats import (
    EXPORT_FORMATS,
    accepted_names,
    export_format,
    extension_names,
    format_names,
)
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.domain.export.plan import PlannedExport
    from briefcase_tui.domain.packs.store import PackFile

app = typer.Typer()
"""Commands of `brief` itself (no group of their own)."""

STDOUT = "-"
_NAMES = format_names()
_ALIASES = ", ".join(f"{alias} for {f.name}" for f in EXPORT_FORMATS for alias in f.aliases)


@app.command("export")
def export(
    context: typer.Context,
    packs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PACK",
            help="Pack names in the briefs folder, or paths of pack files.",
            show_default=False,
        ),
    ] = None,
    output_path: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE|DIR|-",
            help="Where to write: a file (one pack), a folder (an existing one, a path ending "
            "in /, or any path with several packs or --all) getting NAME.EXT per pack, "
            "or - for stdout (the default, one pack only).",
            show_default=False,
        ),
    ] = None,
    format_name: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-F",
            metavar="FORMAT",
            help=f"{', '.join(_NAMES[:-1])} or {_NAMES[-1]} ({_ALIASES}). Without it, the "
            f"extension of -o FILE decides ({', '.join(extension_names())}); any other "
            "name, a folder or stdout gets markdown. A format the extension contradicts "
            "is refused.",
            show_default=False,
        ),
    ] = None,
    all_packs: Annotated[
        bool, typer.Option("--all", help="Export every pack in the briefs folder into -o DIR.")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Ids not in the corpus are an error (nothing is written), not a warning.",
        ),
    ] = False,
    stamp: Annotated[
        bool,
        typer.Option(
            "--stamp",
            help="Include the time of export (otherwise the output depends only "
            "on the pack and the corpus).",
        ),
    ] = False,
) -> None:
    """Export packs. Never overwrites a pack or any .toml file.

    Exit 1 when a pack is malformed (the others are still exported), when --strict finds
    ids missing from the corpus, or when a file cannot be written; 2 for a usage mistake.
    """
    from briefcase_tui.domain.export.plan import choose_export_format, plan_export

    state = state_of(context)
    named = None
    if format_name is not None:
        named = export_format(choose_value(format_name, accepted_names(), "--format", _NAMES))
    references = packs or []
    folder, target = _destination(output_path, references, all_packs)
    try:
        chosen = choose_export_format(named, target)
    except BriefcaseError as error:
        raise typer.BadParameter(
            f"{format_name} contradicts {error}", param_hint="--format"
        ) from None
    if chosen.kind == "binary" and folder is None and target is None and sys.stdout.isatty():
        raise typer.BadParameter(
            f"a {chosen.label} export is binary, not for a terminal: write it to a file "
            f"with -o NAME{chosen.extension}, or redirect standard output",
            param_hint="-o",
        )
    loaded, problems = _load(state, references, all_packs)
    plan = plan_export(loaded, state.corpus, chosen, folder=folder, target=target)
    for planned in plan.with_missing():
        missing = f"{output.counted(len(planned.missing), 'item')} not in the corpus"
        message = f"{planned.source.path}: {missing}: {', '.join(planned.missing)}"
        if strict:
            output.error(message)
        else:
            output.warning(message)
    if strict and plan.with_missing():
        raise typer.Exit(1)

    when = dt.datetime.now().astimezone().replace(microsecond=0) if stamp else None
    if folder is None and target is None:
        for planned in plan.exports:
            pieces = plan.pieces(planned, state.corpus, stamp=when)
            output.write_pieces(pieces, text=chosen.kind == "text")
    else:
        plan.make_folder()
        with _progress(plan.exports, show=all_packs and sys.stderr.isatty()) as steps:
            for planned in steps:
                print(plan.write_pieces(planned, plan.pieces(planned, state.corpus, stamp=when)))
    if problems:
        raise typer.Exit(1)


def _destination(
    output_path: str | None, references: list[str], all_packs: bool
) -> tuple[Path | None, Path | None]:
    """The folder to export into, or the one file to write; neither for stdout.

    Combinations that cannot work are usage errors, before any pack is read.
    """
    to_stdout = output_path is None or output_path == STDOUT
    if all_packs and references:
        raise typer.BadParameter("give pack names or --all, not both", param_hint="--all")
    if not all_packs and not references:
        raise typer.BadParameter(
            "name a pack to export, or pass --all with -o DIR", param_hint="PACK"
        )
    if all_packs and to_stdout:
        raise typer.BadParameter(
            "--all writes one file per pack: give a folder with -o DIR", param_hint="-o"
        )
    if len(references) > 1 and to_stdout:
        raise typer.BadParameter(
            "several packs cannot share stdout: give a folder with -o DIR", param_hint="-o"
        )
    if output_path is None or to_stdout:
        return None, None
    as_folder = (
        all_packs
        or len(references) > 1
        or Path(output_path).is_dir()
        or output_path.endswith(("/", os.sep))
    )
    if not as_folder:
        return None, Path(output_path)
    folder = Path(output_path)
    if folder.exists() and not folder.is_dir():
        raise typer.BadParameter(
            f"{output_path} is a file; several packs need a folder", param_hint="-o"
        )
    return folder, None


def _load(
    state: State, references: list[str], all_packs: bool
) -> tuple[list[PackFile], list[BriefcaseError]]:
    """The packs to export, and the ones that failed to load (reported on stderr at once)."""
    store = state.store
    if all_packs:
        found, problems = store.load_all()
        if not found and not problems:
            output.error(f"no packs in {store.folder}")
        loaded = []
        for packfile in found:
            try:
                loaded.append(_settled(packfile))
            except BriefcaseError as error:
                problems.append(error)
    else:
        loaded, problems = [], []
        for reference in references:
            try:
                loaded.append(_settled(store.load(reference)))
            except BriefcaseError as error:
                if len(references) == 1:
                    raise
                problems.append(error)
    for problem in problems:
        output.error(problem)
    return loaded, problems


def _settled(packfile: PackFile) -> PackFile:
    """The pack, unless a merge left conflicts in it: a brief must say one thing, not two."""
    conflicts = packfile.pack.conflict_count()
    if conflicts:
        raise BriefcaseError(
            f"{output.counted(conflicts, 'merge conflict')} to settle before exporting "
            f"(`brief pack resolve {packfile.path}` lists them)",
            packfile.path,
        )
    return packfile


@contextlib.contextmanager
def _progress(exports: Iterable[PlannedExport], show: bool) -> Iterator[Iterable[PlannedExport]]:
    """A progress bar on stderr for a terminal; nothing at all for pipes, tests and logs."""
    if not show:
        yield exports
        return
    with typer.progressbar(exports, label="Exporting", file=sys.stderr) as bar:
        yield bar
