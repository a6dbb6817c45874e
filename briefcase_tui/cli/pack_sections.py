"""`brief pack section PACK add/rename/remove`: the sections of a pack, one edit per command."""

from __future__ import annotations

from typing import Annotated

import typer

from briefcase_tui.cli import output
from briefcase_tui.cli.options import PackArgument, SectionArgument
from briefcase_tui.cli.pack_edits import edit_pack

app = typer.Typer(
    help="Add, rename or remove a section of a pack: `brief pack section PACK add TITLE`.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
"""The `brief pack section` group."""

_PACK_KEY = "briefcase.section_pack"


@app.callback()
def section_group(context: typer.Context, pack: PackArgument) -> None:
    """Add, rename or remove a section of a pack."""
    context.meta[_PACK_KEY] = pack


def _section_pack(context: typer.Context) -> str:
    """The PACK the group was given, before the section command's name."""
    pack: str = context.meta[_PACK_KEY]
    return pack


@app.command("add")
def section_add(
    context: typer.Context,
    title: Annotated[
        str,
        typer.Argument(metavar="TITLE", help="The new section's title (unique in the pack)."),
    ],
    intro: Annotated[
        str, typer.Option("--intro", metavar="TEXT", help="A paragraph shown under the title.")
    ] = "",
    at: Annotated[
        int | None,
        typer.Option(
            "--at",
            metavar="N",
            min=1,
            help="Its position among the sections, from 1 (default: last).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Add an empty section."""
    from briefcase_tui.domain.packs.edit import add_section

    position = None if at is None else at - 1
    _, path = edit_pack(
        context,
        _section_pack(context),
        lambda old: add_section(old, title, intro, position),
        f"add section {title!r}",
    )
    output.tell(f"added section {title!r} to {path}")


@app.command("rename")
def section_rename(
    context: typer.Context,
    section: SectionArgument,
    new_title: Annotated[str, typer.Argument(metavar="NEW", help="The new title.")],
) -> None:
    """Give a section a new title."""
    from briefcase_tui.domain.packs.edit import find_section, rename_section

    _, path = edit_pack(
        context,
        _section_pack(context),
        lambda old: rename_section(old, find_section(old, section), new_title),
        f"rename section {section!r}",
    )
    output.tell(f"renamed section {section!r} to {new_title!r} in {path}")


@app.command("remove")
def section_remove(
    context: typer.Context,
    section: SectionArgument,
    with_entries: Annotated[
        bool, typer.Option("--with-entries", help="Also remove the entries it holds.")
    ] = False,
) -> None:
    """Remove a section; one that holds entries needs --with-entries."""
    from briefcase_tui.domain.packs.edit import find_section, remove_section

    _, path = edit_pack(
        context,
        _section_pack(context),
        lambda old: remove_section(old, find_section(old, section), with_entries=with_entries),
        f"remove section {section!r}",
    )
    output.tell(f"removed section {section!r} from {path}")
