"""What the `brief pack` commands share: argument types, the load-edit-save cycle, option checks."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from briefcase_tui.cli.common import choose_value
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.cli.state import State
    from briefcase_tui.domain.packs.models import Entry, Pack
    from briefcase_tui.domain.packs.store import PackFile

PackArgument = Annotated[
    str,
    typer.Argument(
        metavar="PACK", help="A pack's name in the briefs folder, or the path of a pack file."
    ),
]
EntryArgument = Annotated[
    str,
    typer.Argument(
        metavar="ENTRY",
        help="An item id in the pack, or an entry's number as `brief pack show` prints it.",
    ),
]
SectionArgument = Annotated[
    str,
    typer.Argument(metavar="SECTION", help="A section's title (any case) or its number from 1."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
PriorityOption = Annotated[
    str | None,
    typer.Option(
        "--priority", "-p", metavar="PRIORITY", help="must, should or optional.", show_default=False
    ),
]
TagsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="TAG",
        help="Your own label for the entry (repeatable).",
        show_default=False,
    ),
]


def located_in_pack(error: BriefcaseError, path: Path) -> BriefcaseError:
    """An edit's error, located in the pack file it was about."""
    if error.path is None:
        return BriefcaseError(error.message, path)
    return error


def make_entry(**data: Any) -> Entry:
    """An entry from command-line values; a bad value is a usage error."""
    from briefcase_tui.domain.packs.edit import describe_invalid
    from briefcase_tui.domain.packs.models import Entry

    try:
        return Entry.model_validate(data)
    except ValueError as error:
        raise typer.BadParameter(describe_invalid(error)) from None


def warn_comments(packfile: PackFile) -> None:
    from briefcase_tui.domain.packs.store import backup_path

    if packfile.had_comments:
        print(
            f"brief: warning: {packfile.path}: its comments are not kept; "
            f"the previous version is in {backup_path(packfile.path)}",
            file=sys.stderr,
        )


def edit_and_save(
    state: State, reference: str, change: Callable[[Pack], Pack]
) -> tuple[Pack, Pack, Path]:
    """Load a pack, apply one edit, save it; returns the pack before and after, and its path."""
    packfile = state.store.load(reference)
    try:
        new_pack = change(packfile.pack)
    except BriefcaseError as error:
        raise located_in_pack(error, packfile.path) from None
    state.store.save(packfile, new_pack)
    warn_comments(packfile)
    return packfile.pack, new_pack, packfile.path


def locate_section(pack: Pack, reference: str) -> int:
    from briefcase_tui.domain.packs.edit import find_section

    return find_section(pack, reference)


def priority_value(value: str | None, allow_none: bool = False) -> str | None:
    from briefcase_tui.domain.packs.models import PRIORITIES

    if value is None:
        return None
    choices = [*PRIORITIES, "none"] if allow_none else list(PRIORITIES)
    return choose_value(value, choices, "--priority")


def report_done(message: str) -> None:
    """What an edit did, on stderr: stdout stays for data."""
    print(message, file=sys.stderr)
