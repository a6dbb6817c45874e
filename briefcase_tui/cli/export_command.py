"""`brief export`: render packs as Markdown, HTML, JSON or iCalendar, to stdout or to files.

Everything that can be refused is checked before the first byte is written: the output
must not be a pack (nor any `.toml` file), two packs must not land on one file, and with
--strict every id must be in the corpus. Files are written atomically, so a failed export
never leaves a half-written document behind.
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

from briefcase_tui.cli.common import choose_value, state_of
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.cli.state import State
    from briefcase_tui.domain.packs.store import PackFile

STDOUT = "-"


def register(app: typer.Typer) -> None:
    """Add `brief export` to the app."""

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
        output: Annotated[
            str | None,
            typer.Option(
                "--output",
                "-o",
                metavar="FILE|DIR|-",
                help="Where to write: a file (one pack), a folder (an existing one, a path ending in /, "
                "or any path with several packs or --all) getting NAME.EXT per pack, "
                "or - for stdout (the default, one pack only).",
                show_default=False,
            ),
        ] = None,
        format_name: Annotated[
            str,
            typer.Option("--format", "-F", metavar="FORMAT", help="markdown, html, json or ics."),
        ] = "markdown",
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
        from briefcase_tui.domain.export import FORMATS, render_pack

        state = state_of(context)
        chosen_format = choose_value(format_name, list(FORMATS), "--format")
        extension = FORMATS[chosen_format]
        references = packs or []
        to_stdout = output is None or output == STDOUT
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
        folder: Path | None = None
        target: Path | None = None
        if not to_stdout:
            assert output is not None
            as_folder = (
                all_packs
                or len(references) > 1
                or Path(output).is_dir()
                or output.endswith(("/", os.sep))
            )
            if as_folder:
                folder = Path(output)
                if folder.exists() and not folder.is_dir():
                    raise typer.BadParameter(
                        f"{output} is a file; several packs need a folder", param_hint="-o"
                    )
            else:
                target = Path(output)

        loaded, problems = _load(state, references, all_packs)
        outputs = _outputs(loaded, folder, target, extension)
        missing_failed = False
        for packfile in loaded:
            missing = list(
                dict.fromkeys(i for i in packfile.pack.item_ids() if i not in state.corpus)
            )
            if missing:
                count = f"{len(missing)} item{'s' if len(missing) != 1 else ''} not in the corpus: {', '.join(missing)}"
                prefix = "brief" if strict else "brief: warning"
                print(f"{prefix}: {packfile.path}: {count}", file=sys.stderr)
                missing_failed = missing_failed or strict
        if missing_failed:
            raise typer.Exit(1)

        when = dt.datetime.now().astimezone().replace(microsecond=0) if stamp else None
        if to_stdout:
            if loaded:
                _write_stdout(render_pack(loaded[0].pack, state.corpus, chosen_format, stamp=when))
        else:
            from briefcase_tui.domain.storage import atomic_write

            if folder is not None and loaded:
                _make_folder(folder)
            pairs = list(zip(loaded, outputs))
            with _progress(pairs, show=all_packs and sys.stderr.isatty()) as steps:
                for packfile, path in steps:
                    atomic_write(
                        path, render_pack(packfile.pack, state.corpus, chosen_format, stamp=when)
                    )
                    print(path)
        if problems:
            raise typer.Exit(1)


def _load(
    state: State, references: list[str], all_packs: bool
) -> tuple[list[PackFile], list[BriefcaseError]]:
    """The packs to export, and the ones that failed to load (already reported on stderr)."""
    store = state.store
    if all_packs:
        loaded, problems = store.load_all()
        if not loaded and not problems:
            print(f"brief: no packs in {store.folder}", file=sys.stderr)
    else:
        loaded, problems = [], []
        for reference in references:
            try:
                loaded.append(store.load(reference))
            except BriefcaseError as error:
                if len(references) == 1:
                    raise
                problems.append(error)
    for problem in problems:
        print(f"brief: {problem}", file=sys.stderr)
    return loaded, problems


def _outputs(
    loaded: list[PackFile], folder: Path | None, target: Path | None, extension: str
) -> list[Path]:
    """The file each pack goes to, refusing anything that would overwrite a pack or collide."""
    if folder is not None:
        paths = [folder / f"{p.name}{extension}" for p in loaded]
    elif target is not None:
        paths = [target for _ in loaded]
    else:
        return []
    from briefcase_tui.domain.export.target import check_export_folder, refuse_export_target

    inputs = [p.path for p in loaded]
    seen: dict[Path, Path] = {}
    for path, packfile in zip(paths, loaded):
        refuse_export_target(path, inputs)
        if path in seen:
            raise BriefcaseError(
                f"{seen[path]} and {packfile.path} would both be exported here; "
                "export them to different folders",
                path,
            )
        seen[path] = packfile.path
        if folder is None:
            check_export_folder(path)
    return paths


def _make_folder(folder: Path) -> None:
    """Create the output folder itself, but not missing folders above it (a typo should not build a tree)."""
    if folder.is_dir():
        return
    if not folder.parent.is_dir():
        raise BriefcaseError("no such folder", folder.parent)
    try:
        folder.mkdir()
    except OSError as error:
        raise BriefcaseError(f"cannot create folder: {error.strerror or error}", folder) from None


@contextlib.contextmanager
def _progress(
    pairs: list[tuple[PackFile, Path]], show: bool
) -> Iterator[Iterable[tuple[PackFile, Path]]]:
    """A progress bar on stderr for a terminal, and nothing at all otherwise (pipes, tests, logs)."""
    if not show:
        yield pairs
        return
    with typer.progressbar(pairs, label="Exporting", file=sys.stderr) as bar:
        yield bar


def _write_stdout(data: bytes) -> None:
    """Exactly the rendered bytes on stdout (through the text layer only where there is no binary one)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
