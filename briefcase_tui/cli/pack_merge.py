"""`brief pack merge` and `brief pack resolve`: packs merged entry by entry, conflicts settled.

`merge` is the git merge driver of packs (see the README): git hands it the common
ancestor, our version and theirs as three files, and reads the result from our file. Exit
status 0 means merged cleanly; 1 means conflicts were marked in the pack (git then reports
the file as conflicted), or the merge could not be made (one line says why, and our file is
left as it was). `resolve` lists the conflicts of a pack and settles them, one or all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefcase_tui.cli import output
from briefcase_tui.cli.options import PackArgument, choose_value
from briefcase_tui.cli.pack_edits import edit_pack
from briefcase_tui.cli.state import state_of
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.conflicts import Side
    from briefcase_tui.domain.packs.models import Pack
    from briefcase_tui.domain.storage import Fingerprint

app = typer.Typer()
"""The merge commands of the `brief pack` group."""


@app.command("merge")
def merge(
    base: Annotated[
        Path,
        typer.Argument(
            metavar="BASE",
            help="The version both sides started from (an empty file: none).",
            show_default=False,
        ),
    ],
    ours: Annotated[
        Path,
        typer.Argument(
            metavar="OURS", help="Our version; the merge is written here.", show_default=False
        ),
    ],
    theirs: Annotated[
        Path,
        typer.Argument(metavar="THEIRS", help="Their version.", show_default=False),
    ],
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the merge here instead of into OURS (`-` for standard output).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Merge two versions of a pack entry by entry (git's merge driver for packs).

    Edits to different entries or fields combine; where both sides changed the same thing
    differently, both are kept, marked as a conflict in the pack for `brief pack resolve`,
    `brief pack show` or the app. Exit 0 when merged cleanly, 1 when conflicts were marked
    (or the merge failed: OURS is then untouched).
    """
    from briefcase_tui.domain.packs.codec import encode_pack
    from briefcase_tui.domain.packs.merge import merge_packs

    base_pack = _read(base, allow_empty=True)
    ours_pack, ours_data, fingerprint = _read_ours(ours)
    theirs_pack = _read(theirs)
    assert ours_pack is not None and theirs_pack is not None
    result = merge_packs(base_pack, ours_pack, theirs_pack)
    data = ours_data if result.pack == ours_pack else encode_pack(result.pack)
    if output_file is not None and str(output_file) == "-":
        output.write_bytes(data, text=True)
    elif output_file is not None:
        _write(output_file, data, None)
    elif data != ours_data:
        _write(ours, data, fingerprint)
    if result.conflicts:
        where = "standard output" if str(output_file) == "-" else (output_file or ours)
        output.tell(
            f"{where}: merged with {output.counted(result.conflicts, 'conflict')} marked in "
            f"the pack; `brief pack resolve {where}` lists them and keeps the side you pick "
            "(or pick in the app)"
        )
        raise typer.Exit(1)


def _read(path: Path, *, allow_empty: bool = False) -> Pack | None:
    from briefcase_tui.domain.packs.codec import decode_pack
    from briefcase_tui.domain.packs.layout import MAX_PACK_BYTES
    from briefcase_tui.domain.storage import read_bytes

    data = read_bytes(_file(path), MAX_PACK_BYTES)
    if allow_empty and not data.strip():
        return None  # git gives an empty ancestor when both sides added the file
    return decode_pack(data, path)


def _read_ours(path: Path) -> tuple[Pack, bytes, Fingerprint]:
    from briefcase_tui.domain.packs.codec import decode_pack
    from briefcase_tui.domain.packs.layout import MAX_PACK_BYTES
    from briefcase_tui.domain.storage import read_with_fingerprint

    data, fingerprint = read_with_fingerprint(_file(path), MAX_PACK_BYTES)
    return decode_pack(data, path), data, fingerprint


def _file(path: Path) -> Path:
    """The path, when it names a file that can be read; else a one-line error naming it."""
    from briefcase_tui.domain.tomlio import why_not_a_file

    if path.is_file():
        return path
    raise BriefcaseError(why_not_a_file(path) or "no such file", path)


def _write(path: Path, data: bytes, fingerprint: Fingerprint | None) -> None:
    """Write the merge atomically; OURS only if nobody changed it while we merged.

    A pack file (`.toml`) keeps its previous version as the usual hidden backup; git's own
    temporary files do not need one.
    """
    from briefcase_tui.domain.packs.store import PackChangedOnDisk, backup_path
    from briefcase_tui.domain.storage import atomic_write, changed_since, folder_lock, real_target

    target = real_target(path)
    backup = backup_path(target) if target.suffix == ".toml" and target.exists() else None
    with folder_lock(target.parent):
        if fingerprint is not None and changed_since(path, fingerprint):
            raise PackChangedOnDisk(path)
        atomic_write(target, data, backup=backup)


@app.command("resolve")
def resolve(
    context: typer.Context,
    pack: PackArgument,
    conflict: Annotated[
        str | None,
        typer.Argument(
            metavar="CONFLICT",
            help="The conflict's number as listed, or `all`.",
            show_default=False,
        ),
    ] = None,
    side: Annotated[
        str | None,
        typer.Argument(
            metavar="SIDE", help="`ours` or `theirs`: the side to keep.", show_default=False
        ),
    ] = None,
) -> None:
    """List a pack's merge conflicts, or settle one (or all) on our side or theirs.

    With only PACK, each conflict is listed with its number and both sides. `brief pack
    resolve PACK 2 theirs` keeps their side of conflict 2; `all ours` keeps ours everywhere.
    """
    from briefcase_tui.domain.packs.conflicts import describe, pack_conflicts, resolve_all
    from briefcase_tui.domain.packs.conflicts import resolve as resolve_one

    state = state_of(context)
    if conflict is None:
        packfile = state.store.load(pack)
        found = pack_conflicts(packfile.pack)
        if not found:
            print(f"{packfile.path}: no merge conflicts")
            return
        for placed in found:
            print(f"{placed.number}. {describe(packfile.pack, placed)}")
        print(f"pick a side: brief pack resolve {pack} N ours|theirs (or `all ours`, `all theirs`)")
        return
    if side is None:
        raise typer.BadParameter("say which side to keep: ours or theirs", param_hint="SIDE")
    chosen = _side(side)
    if conflict == "all":
        saved, path = edit_pack(
            context,
            pack,
            lambda p: resolve_all(p, chosen),
            f"keep {chosen} in every conflict",
        )
    else:
        if not conflict.isdigit():
            raise typer.BadParameter(
                f"{conflict!r} is not a conflict number or `all`", param_hint="CONFLICT"
            )
        number = int(conflict)
        saved, path = edit_pack(
            context,
            pack,
            lambda p: resolve_one(p, number, chosen),
            f"keep {chosen} in conflict {number}",
        )
    left = saved.conflict_count()
    tail = f"; {output.counted(left, 'conflict')} left" if left else "; no conflicts left"
    print(f"{path}: kept {chosen}{tail}")


def _side(value: str) -> Side:
    """`ours` or `theirs`; anything else is a usage error with a hint."""
    return "ours" if choose_value(value, ["ours", "theirs"], "SIDE") == "ours" else "theirs"
