"""`brief pack add/remove/move/note/set`: one edit of a pack per command.

Each command opens the pack in a `PackSession` (the same load-edit-save loop the app uses),
applies one pure edit and saves it atomically, keeping the previous version as a hidden
backup. When another writer saved the pack in between, the edit is applied again to what
that writer left, or refused with the reason when it no longer applies there. An edit that
changes nothing writes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from briefcase_tui.cli import output
from briefcase_tui.cli.options import EntryArgument, PackArgument, choose_value
from briefcase_tui.cli.state import state_of
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.models import Entry, Pack
    from briefcase_tui.domain.packs.store import PackFile, PackStore

app = typer.Typer()
"""Edit commands of the `brief pack` group."""

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


EDIT_ATTEMPTS = 10
"""How many times an edit is applied to a fresh copy of a pack that other writers keep
changing. Each lost race means another writer saved in between, so ten in a row takes a
crowd of writers on one pack; then the edit is refused, never lost."""


def edit_pack(
    context: typer.Context, reference: str, change: Callable[[Pack], Pack], description: str
) -> tuple[Pack, Path]:
    """Open a pack, apply one edit and save it; returns the pack as saved and its file.

    When another writer saved the pack between our read and our save, the store refuses
    the save; the edit is then applied again to the pack as that writer left it, as a person
    would redo it, so both edits are kept. An edit that no longer applies there (the entry
    it named was removed, say) is refused with the reason, and nothing is written. An edit's
    error is located in the pack file it was about.
    """
    from briefcase_tui.domain.packs.store import PackChangedOnDisk

    store = state_of(context).store
    for attempt in range(1, EDIT_ATTEMPTS + 1):
        try:
            return _edit_once(store, reference, change, description, retried=attempt > 1)
        except PackChangedOnDisk as error:
            changed = error
    raise BriefcaseError(
        f"changed on disk since it was loaded, {EDIT_ATTEMPTS} times in a row as this edit was "
        "applied again; nothing was written, try again",
        changed.path,
    )


def _edit_once(
    store: PackStore,
    reference: str,
    change: Callable[[Pack], Pack],
    description: str,
    *,
    retried: bool,
) -> tuple[Pack, Path]:
    """One read-edit-save of `edit_pack`; raises PackChangedOnDisk when it lost a race."""
    from briefcase_tui.domain.packs.session import PackSession

    session = PackSession.open(store, reference)
    opened = session.packfile
    try:
        pack = session.apply(change, description, save=False)
    except BriefcaseError as error:
        message = error.message
        if retried:
            message = (
                "changed on disk while this edit was being saved, "
                f"and it no longer applies: {message}"
            )
        if error.path is None or retried:
            raise BriefcaseError(message, opened.path) from None
        raise
    if session.save():
        _warn_comments(opened)
    return pack, opened.path


def _warn_comments(packfile: PackFile) -> None:
    """A save drops the file's comments; say where the previous version, comments and all, is."""
    from briefcase_tui.domain.packs.store import backup_path

    if packfile.had_comments:
        output.warning(
            f"{packfile.path}: its comments are not kept; "
            f"the previous version is in {backup_path(packfile.path)}"
        )


def _make_entry(**data: Any) -> Entry:
    """An entry from command-line values; a bad value is a usage error."""
    from briefcase_tui.domain.packs.edit import describe_invalid
    from briefcase_tui.domain.packs.models import Entry

    try:
        return Entry.model_validate(data)
    except ValueError as error:
        raise typer.BadParameter(describe_invalid(error)) from None


def _priority(value: str | None, allow_none: bool = False) -> str | None:
    """A --priority value checked against the known priorities (and `none`, where it clears)."""
    from briefcase_tui.domain.packs.models import PRIORITIES

    if value is None:
        return None
    choices = [*PRIORITIES, "none"] if allow_none else list(PRIORITIES)
    return choose_value(value, choices, "--priority")


@app.command("add")
def add(
    context: typer.Context,
    pack: PackArgument,
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="ID", help="Corpus ids to add, in this order.", show_default=False),
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
    from briefcase_tui.domain.corpus.fingerprint import item_fingerprint

    chosen_priority = _priority(priority)
    corpus = state.corpus
    fingerprints = {item_id: item_fingerprint(corpus.item(item_id), corpus) for item_id in ids}
    extra: dict[str, Any] = {"tags": tuple(tags or ())}
    if chosen_priority is not None:
        extra["priority"] = chosen_priority
    entries = (
        [
            _make_entry(item=item_id, note=note or "", fingerprint=fingerprints[item_id], **extra)
            for item_id in ids
        ]
        if ids
        else [_make_entry(note=note, **extra)]
    )

    def change(old: Pack) -> Pack:
        index = None
        if section is not None:
            try:
                index = find_section(old, section)
            except BriefcaseError as error:
                if not new_section:
                    message = f"{error.message}; pass --new-section to create it"
                    raise BriefcaseError(message) from None
                old = add_section(old, section)
                index = len(old.sections) - 1
        added = add_entries(old, entries, index, None if at is None else at - 1)
        if corpus.info.version and ids:
            added = added.model_copy(update={"corpus_version": corpus.info.version})
        return added

    what = ", ".join(ids) if ids else "a note"
    after, path = edit_pack(context, pack, change, f"add {what}")
    where = section if section is not None else after.sections[-1].title
    output.tell(f"added {what} to {where!r} in {path}")


@app.command("remove")
def remove(context: typer.Context, pack: PackArgument, entry: EntryArgument) -> None:
    """Remove one entry from a pack."""
    from briefcase_tui.domain.packs.edit import find_entry, remove_entry

    _, path = edit_pack(
        context, pack, lambda old: remove_entry(old, find_entry(old, entry)), f"remove {entry}"
    )
    output.tell(f"removed {entry} from {path}")


@app.command("move")
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
    from briefcase_tui.domain.packs.edit import find_entry, find_section, move_entry

    if to is None and section is None:
        raise typer.BadParameter(
            "say where: --to N, --section S, or both", param_hint="--to / --section"
        )

    def change(old: Pack) -> Pack:
        at = find_entry(old, entry)
        target = None if section is None else find_section(old, section)
        return move_entry(old, at, target, None if to is None else to - 1)

    _, path = edit_pack(context, pack, change, f"move {entry}")
    output.tell(f"moved {entry} in {path}")


@app.command("note")
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

    done = "cleared" if not value.strip() else "set"
    _, path = edit_pack(context, pack, change, f"{done} the note of {entry}")
    output.tell(f"{done} the note of {entry} in {path}")


@app.command("set")
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
    chosen = _priority(priority, allow_none=True)

    def change(old: Pack) -> Pack:
        at = find_entry(old, entry)
        current = old.sections[at[0]].entries[at[1]]
        changes: dict[str, Any] = {}
        if chosen is not None:
            changes["priority"] = None if chosen == "none" else chosen
        if tags or clear_tags:
            changes["tags"] = (*(() if clear_tags else current.tags), *(tags or ()))
        return update_entry(old, at, **changes)

    _, path = edit_pack(context, pack, change, f"update {entry}")
    output.tell(f"updated {entry} in {path}")
