"""`brief pack add/remove/move/note/set` and `brief pack section`: one pure edit per command, saved safely."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from briefcase_tui.cli.common import state_of
from briefcase_tui.cli.pack_common import (
    EntryArgument,
    PackArgument,
    PriorityOption,
    SectionArgument,
    TagsOption,
    edit_and_save,
    locate_section,
    make_entry,
    priority_value,
    report_done,
)

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.models import Pack


def register(pack_app: typer.Typer) -> None:
    """Add the editing commands to `brief pack`."""

    @pack_app.command("add")
    def add(
        context: typer.Context,
        pack: PackArgument,
        ids: Annotated[
            list[str] | None,
            typer.Argument(
                metavar="ID", help="Corpus ids to add, in this order.", show_default=False
            ),
        ] = None,
        section: Annotated[
            str | None,
            typer.Option(
                "--section",
                "-s",
                metavar="SECTION",
                help="The section to add to: title or number (default: the last one). "
                "It must exist unless --new-section is given.",
                show_default=False,
            ),
        ] = None,
        new_section: Annotated[
            bool,
            typer.Option(
                "--new-section",
                help="Create the --section at the end of the pack if it does not exist yet.",
            ),
        ] = False,
        note: Annotated[
            str | None,
            typer.Option(
                "--note",
                "-n",
                metavar="TEXT",
                help="Your note on the item; with no ID, a note of its own.",
                show_default=False,
            ),
        ] = None,
        priority: PriorityOption = None,
        tags: TagsOption = None,
        at: Annotated[
            int | None,
            typer.Option(
                "--at",
                metavar="N",
                min=1,
                help="Position in the section, from 1 (default: the end).",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """Add corpus items (or, with no ID and a --note, a note of its own) to a section of a pack.

        Unknown ids, or an item already in the pack, change nothing. A --section that does
        not exist is an error with a suggestion, so a typo never makes a stray section;
        pass --new-section to create it.
        """
        from briefcase_tui.domain.packs.edit import add_entries, add_section, find_section
        from briefcase_tui.errors import BriefcaseError as Error

        state = state_of(context)
        ids = ids or []
        if not ids and note is None:
            raise typer.BadParameter(
                "give at least one ID, or a --note to add a note of its own", param_hint="ID"
            )
        if len(ids) > 1 and note is not None:
            raise typer.BadParameter(
                "one note fits one item: add the items one by one", param_hint="--note"
            )
        if new_section and section is None:
            raise typer.BadParameter(
                "--new-section needs the --section title", param_hint="--new-section"
            )
        chosen_priority = priority_value(priority)
        for item_id in ids:
            state.corpus.item(item_id)
        extra: dict[str, Any] = {"tags": tuple(tags or ())}
        if chosen_priority is not None:
            extra["priority"] = chosen_priority
        entries = (
            [make_entry(item=item_id, note=note or "", **extra) for item_id in ids]
            if ids
            else [make_entry(note=note, **extra)]
        )

        def change(old: Pack) -> Pack:
            index = None
            if section is not None:
                try:
                    index = find_section(old, section)
                except Error as error:
                    if not new_section:
                        raise Error(f"{error.message}; pass --new-section to create it") from None
                    old = add_section(old, section)
                    index = len(old.sections) - 1
            return add_entries(old, entries, index, None if at is None else at - 1)

        _, after, path = edit_and_save(state, pack, change)
        where = section if section is not None else after.sections[-1].title
        what = ", ".join(ids) if ids else "a note"
        report_done(f"added {what} to {where!r} in {path}")

    @pack_app.command("remove")
    def remove(context: typer.Context, pack: PackArgument, entry: EntryArgument) -> None:
        """Remove one entry from a pack."""
        from briefcase_tui.domain.packs.edit import find_entry, remove_entry

        _, _, path = edit_and_save(
            state_of(context), pack, lambda old: remove_entry(old, find_entry(old, entry))
        )
        report_done(f"removed {entry} from {path}")

    @pack_app.command("move")
    def move(
        context: typer.Context,
        pack: PackArgument,
        entry: EntryArgument,
        to: Annotated[
            int | None,
            typer.Option(
                "--to",
                metavar="N",
                min=1,
                help="New position within the target section, from 1.",
                show_default=False,
            ),
        ] = None,
        section: Annotated[
            str | None,
            typer.Option(
                "--section",
                "-s",
                metavar="SECTION",
                help="Move into this section (title or number); without --to it goes last.",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """Move an entry to another place in its section (--to) or to another section (--section)."""
        from briefcase_tui.domain.packs.edit import find_entry, move_entry

        if to is None and section is None:
            raise typer.BadParameter(
                "say where: --to N, --section S, or both", param_hint="--to / --section"
            )

        def change(old: Pack) -> Pack:
            at = find_entry(old, entry)
            target = None if section is None else locate_section(old, section)
            return move_entry(old, at, target, None if to is None else to - 1)

        _, _, path = edit_and_save(state_of(context), pack, change)
        report_done(f"moved {entry} in {path}")

    @pack_app.command("note")
    def note_command(
        context: typer.Context,
        pack: PackArgument,
        entry: EntryArgument,
        text: Annotated[
            str,
            typer.Argument(
                metavar="TEXT", help='The note; `-` reads it from standard input; "" clears it.'
            ),
        ],
    ) -> None:
        """Set or clear the note on an entry."""
        from briefcase_tui.domain.packs.edit import EditError, find_entry, update_entry

        value = sys.stdin.read().rstrip("\r\n") if text == "-" else text

        def change(old: Pack) -> Pack:
            at = find_entry(old, entry)
            if old.sections[at[0]].entries[at[1]].is_note and not value.strip():
                raise EditError(
                    f"entry {entry} is a note of its own; remove it with `brief pack remove` instead"
                )
            return update_entry(old, at, note=value)

        _, _, path = edit_and_save(state_of(context), pack, change)
        report_done(f"{'cleared' if not value.strip() else 'set'} the note of {entry} in {path}")

    @pack_app.command("set")
    def set_command(
        context: typer.Context,
        pack: PackArgument,
        entry: EntryArgument,
        priority: Annotated[
            str | None,
            typer.Option(
                "--priority",
                "-p",
                metavar="PRIORITY",
                help="must, should, optional, or none to clear it.",
                show_default=False,
            ),
        ] = None,
        tags: Annotated[
            list[str] | None,
            typer.Option(
                "--tag",
                "-t",
                metavar="TAG",
                help="Add this label (repeatable).",
                show_default=False,
            ),
        ] = None,
        clear_tags: Annotated[
            bool, typer.Option("--clear-tags", help="Remove every label first.")
        ] = False,
    ) -> None:
        """Change an entry's priority or labels."""
        from briefcase_tui.domain.packs.edit import find_entry, update_entry

        if priority is None and not tags and not clear_tags:
            raise typer.BadParameter(
                "nothing to change: give --priority, --tag or --clear-tags",
                param_hint="--priority / --tag",
            )
        chosen = priority_value(priority, allow_none=True)

        def change(old: Pack) -> Pack:
            at = find_entry(old, entry)
            current = old.sections[at[0]].entries[at[1]]
            changes: dict[str, Any] = {}
            if chosen is not None:
                changes["priority"] = None if chosen == "none" else chosen
            if tags or clear_tags:
                changes["tags"] = (*(() if clear_tags else current.tags), *(tags or ()))
            return update_entry(old, at, **changes)

        _, _, path = edit_and_save(state_of(context), pack, change)
        report_done(f"updated {entry} in {path}")

    section_app = typer.Typer(
        help="Add, rename or remove a section of a pack: `brief pack section PACK add TITLE`.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    pack_app.add_typer(section_app, name="section")

    @section_app.callback()
    def section_group(context: typer.Context, pack: PackArgument) -> None:
        """Add, rename or remove a section of a pack."""
        context.meta["briefcase.section_pack"] = pack

    def _section_pack(context: typer.Context) -> str:
        return context.meta["briefcase.section_pack"]  # type: ignore[no-any-return]

    @section_app.command("add")
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

        _, _, path = edit_and_save(
            state_of(context),
            _section_pack(context),
            lambda old: add_section(old, title, intro, None if at is None else at - 1),
        )
        report_done(f"added section {title!r} to {path}")

    @section_app.command("rename")
    def section_rename(
        context: typer.Context,
        section: SectionArgument,
        new_title: Annotated[str, typer.Argument(metavar="NEW", help="The new title.")],
    ) -> None:
        """Give a section a new title."""
        from briefcase_tui.domain.packs.edit import rename_section

        _, _, path = edit_and_save(
            state_of(context),
            _section_pack(context),
            lambda old: rename_section(old, locate_section(old, section), new_title),
        )
        report_done(f"renamed section {section!r} to {new_title!r} in {path}")

    @section_app.command("remove")
    def section_remove(
        context: typer.Context,
        section: SectionArgument,
        with_entries: Annotated[
            bool, typer.Option("--with-entries", help="Also remove the entries it holds.")
        ] = False,
    ) -> None:
        """Remove a section; one that holds entries needs --with-entries."""
        from briefcase_tui.domain.packs.edit import remove_section

        _, _, path = edit_and_save(
            state_of(context),
            _section_pack(context),
            lambda old: remove_section(
                old, locate_section(old, section), with_entries=with_entries
            ),
        )
        report_done(f"removed section {section!r} from {path}")
