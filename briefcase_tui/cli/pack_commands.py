"""`brief pack ...`: make, inspect and edit packs. Thin commands over `domain.packs`.

Every edit loads the pack with its fingerprint, applies one pure edit and saves atomically,
keeping the previous version as a hidden backup; a pack changed on disk in between is refused.
Problems in a pack name the file (and line, when known) on one stderr line, exit status 1;
mistakes in the command line itself exit 2.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from briefcase_tui.cli.corpus_commands import _choose, _print_json, _state
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.cli.state import State
    from briefcase_tui.domain.packs.models import Entry, Pack
    from briefcase_tui.domain.packs.store import PackFile

PackArgument = Annotated[
    str, typer.Argument(metavar="PACK", help="A pack's name in the briefs folder, or the path of a pack file.")
]
EntryArgument = Annotated[
    str, typer.Argument(metavar="ENTRY", help="An item id in the pack, or an entry's number as `brief pack show` prints it.")
]
SectionArgument = Annotated[
    str, typer.Argument(metavar="SECTION", help="A section's title (any case) or its number from 1.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
PriorityOption = Annotated[
    Optional[str], typer.Option("--priority", "-p", help="must, should or optional.", show_default=False)
]
TagsOption = Annotated[
    Optional[list[str]], typer.Option("--tag", "-t", help="Your own label for the entry (repeatable).", show_default=False)
]


def _pack_error(error: BriefcaseError, path: Path) -> BriefcaseError:
    """An edit's error, located in the pack file it was about."""
    if error.path is None:
        return BriefcaseError(error.message, path)
    return error


def _validation_message(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):
        first = errors(include_url=False)[0]
        field = ".".join(str(p) for p in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        return f"{field}: {message}" if field else message
    return str(error)


def _entry(**data: Any) -> Entry:
    from briefcase_tui.domain.packs.models import Entry

    try:
        return Entry.model_validate(data)
    except ValueError as error:
        raise typer.BadParameter(_validation_message(error)) from None


def _warn_comments(packfile: PackFile) -> None:
    from briefcase_tui.domain.packs.store import backup_path

    if packfile.had_comments:
        print(
            f"brief: warning: {packfile.path}: its comments are not kept; "
            f"the previous version is in {backup_path(packfile.path)}",
            file=sys.stderr,
        )


def _edit(state: State, reference: str, change: Callable[[Pack], Pack]) -> tuple[Pack, Pack, Path]:
    """Load a pack, apply one edit, save it; returns the pack before and after, and its path."""
    packfile = state.store.load(reference)
    try:
        new_pack = change(packfile.pack)
    except BriefcaseError as error:
        raise _pack_error(error, packfile.path) from None
    state.store.save(packfile, new_pack)
    _warn_comments(packfile)
    return packfile.pack, new_pack, packfile.path


def _locate_section(pack: Pack, reference: str) -> int:
    from briefcase_tui.domain.packs.edit import find_section

    return find_section(pack, reference)


def _priority(value: str | None, allow_none: bool = False) -> str | None:
    from briefcase_tui.domain.packs.models import PRIORITIES

    if value is None:
        return None
    choices = [*PRIORITIES, "none"] if allow_none else list(PRIORITIES)
    return _choose(value, choices, "--priority")


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD", param_hint="--date") from None


def _done(message: str) -> None:
    """What an edit did, on stderr: stdout stays for data."""
    print(message, file=sys.stderr)


def register(pack_app: typer.Typer) -> None:  # noqa: C901 - one closure per command, each thin
    """Add the pack commands to `brief pack`."""

    @pack_app.command("new")
    def new(
        context: typer.Context,
        title: Annotated[str, typer.Argument(metavar="TITLE", help="The pack's title; its file name is made from it.")],
        file: Annotated[
            Optional[Path],
            typer.Option("--file", "-f", help="Write the pack here (a .toml path) instead of the briefs folder.",
                         dir_okay=False, show_default=False),
        ] = None,
        template: Annotated[
            Optional[str], typer.Option("--template", "-T", help="Start from a template (`brief pack templates` lists them).",
                                        show_default=False)
        ] = None,
        params: Annotated[
            Optional[list[str]],
            typer.Option("--param", help="A template parameter as KEY=VALUE (just VALUE when the template has one).",
                         show_default=False),
        ] = None,
        audience: Annotated[str, typer.Option(help="Who the pack is for.")] = "",
        meeting: Annotated[str, typer.Option(help="The meeting it prepares for.")] = "",
        date: Annotated[Optional[str], typer.Option(help="The meeting's date, YYYY-MM-DD.", show_default=False)] = None,
        author: Annotated[str, typer.Option(help="Who wrote it.")] = "",
        summary: Annotated[str, typer.Option(help="A summary shown under the title.")] = "",
    ) -> None:
        """Create a pack in the briefs folder (never replacing one) and print its path."""
        from briefcase_tui.domain.packs.edit import update_details
        from briefcase_tui.domain.packs.models import Pack

        state = _state(context)
        details: dict[str, Any] = {
            name: value
            for name, value in (("audience", audience), ("meeting", meeting), ("date", _date(date)),
                                ("author", author), ("summary", summary))
            if value
        }
        if template is None:
            if params:
                raise typer.BadParameter("parameters need a template", param_hint="--param")
            try:
                pack = Pack.model_validate({"title": title, **details})
            except ValueError as error:
                raise typer.BadParameter(_validation_message(error), param_hint="TITLE") from None
        else:
            from briefcase_tui.domain.packs.templates import load_templates

            templates = load_templates()
            chosen = templates[_choose(template, sorted(templates), "--template")]
            values = _template_params(params or [], list(chosen.parameters))
            pack = chosen.instantiate(state.corpus, title, values)
            if details:
                pack = update_details(pack, **details)
        created = state.store.create(pack, path=file)
        print(created.path)

    def _template_params(given: list[str], names: list[str]) -> dict[str, str]:
        values: dict[str, str] = {}
        for param in given:
            key, sep, value = param.partition("=")
            if not sep:
                if len(names) != 1:
                    expected = ", ".join(names) if names else "none"
                    raise typer.BadParameter(f"{param!r} needs the form KEY=VALUE (this template takes: {expected})",
                                             param_hint="--param")
                key, value = names[0], param
            values[_choose(key.strip(), names, "--param") if names else key.strip()] = value.strip()
        return values

    @pack_app.command("templates")
    def templates_command(as_json: JsonOption = False) -> None:
        """List the bundled templates and the parameters each one takes."""
        from briefcase_tui.domain.packs.templates import load_templates

        templates = load_templates()
        if as_json:
            _print_json([
                {"name": t.name, "description": t.description,
                 "parameters": {k: {"kind": p.kind, "prompt": p.prompt} for k, p in t.parameters.items()}}
                for t in templates.values()
            ])
            return
        for name in sorted(templates):
            template = templates[name]
            print(f"{name}: {template.description}")
            for key, parameter in template.parameters.items():
                print(f"    --param {key}=…  ({parameter.kind}) {parameter.prompt}")

    @pack_app.command("list")
    def list_packs(context: typer.Context, as_json: JsonOption = False) -> None:
        """List the packs in the briefs folder; a malformed pack is reported and the others still listed (exit 1)."""
        state = _state(context)
        summaries, problems = state.store.summaries()
        if as_json:
            _print_json([{"name": s.name, "path": str(s.path), "title": s.title, "sections": s.sections,
                          "entries": s.entries} for s in summaries])
        elif summaries:
            from briefcase_tui.cli.pack_output import render_pack_list

            print(render_pack_list(summaries))
        for problem in problems:
            print(f"brief: {problem}", file=sys.stderr)
        if problems:
            raise typer.Exit(1)
        if not summaries:
            print(f"no packs in {state.briefs} (make one with `brief pack new TITLE`, "
                  "or choose another folder with --briefs or BRIEF_DIR)", file=sys.stderr)

    @pack_app.command("show")
    def show(context: typer.Context, pack: PackArgument, as_json: JsonOption = False) -> None:
        """Show a pack: its details, then sections with numbered entries, notes, priorities and tags."""
        state = _state(context)
        packfile = state.store.load(pack)
        if as_json:
            from briefcase_tui.cli.export_command import _write_stdout
            from briefcase_tui.domain.export import render_pack

            data = render_pack(packfile.pack, state.corpus, "json")
            _write_stdout(data)
            return
        from briefcase_tui.cli.pack_output import render_pack as render_text

        print(render_text(packfile.pack, state.corpus))

    @pack_app.command("add")
    def add(
        context: typer.Context,
        pack: PackArgument,
        ids: Annotated[
            Optional[list[str]], typer.Argument(metavar="ID", help="Corpus ids to add, in this order.", show_default=False)
        ] = None,
        section: Annotated[
            Optional[str],
            typer.Option("--section", "-s", help="The section to add to: title or number (default: the last one). "
                         "It must exist unless --new-section is given.", show_default=False),
        ] = None,
        new_section: Annotated[
            bool, typer.Option("--new-section", help="Create the --section at the end of the pack if it does not exist yet.")
        ] = False,
        note: Annotated[
            Optional[str], typer.Option("--note", "-n", help="Your note on the item; with no ID, a note of its own.",
                                        show_default=False)
        ] = None,
        priority: PriorityOption = None,
        tags: TagsOption = None,
        at: Annotated[
            Optional[int], typer.Option("--at", min=1, help="Position in the section, from 1 (default: the end).",
                                        show_default=False)
        ] = None,
    ) -> None:
        """Add corpus items (or, with no ID and a --note, a note of its own) to a section of a pack.

        Unknown ids, or an item already in the pack, change nothing. A --section that does
        not exist is an error with a suggestion, so a typo never makes a stray section;
        pass --new-section to create it.
        """
        from briefcase_tui.domain.packs.edit import add_entries, add_section, find_section
        from briefcase_tui.errors import BriefcaseError as Error

        state = _state(context)
        ids = ids or []
        if not ids and note is None:
            raise typer.BadParameter("give at least one ID, or a --note to add a note of its own", param_hint="ID")
        if len(ids) > 1 and note is not None:
            raise typer.BadParameter("one note fits one item: add the items one by one", param_hint="--note")
        if new_section and section is None:
            raise typer.BadParameter("--new-section needs the --section title", param_hint="--new-section")
        chosen_priority = _priority(priority)
        for item_id in ids:
            state.corpus.item(item_id)
        extra: dict[str, Any] = {"tags": tuple(tags or ())}
        if chosen_priority is not None:
            extra["priority"] = chosen_priority
        entries = (
            [_entry(item=item_id, note=note or "", **extra) for item_id in ids]
            if ids else [_entry(note=note, **extra)]
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

        _, after, path = _edit(state, pack, change)
        where = section if section is not None else after.sections[-1].title
        what = ", ".join(ids) if ids else "a note"
        _done(f"added {what} to {where!r} in {path}")

    @pack_app.command("remove")
    def remove(context: typer.Context, pack: PackArgument, entry: EntryArgument) -> None:
        """Remove one entry from a pack."""
        from briefcase_tui.domain.packs.edit import find_entry, remove_entry

        _, _, path = _edit(_state(context), pack, lambda old: remove_entry(old, find_entry(old, entry)))
        _done(f"removed {entry} from {path}")

    @pack_app.command("move")
    def move(
        context: typer.Context,
        pack: PackArgument,
        entry: EntryArgument,
        to: Annotated[
            Optional[int], typer.Option("--to", min=1, help="New position within the target section, from 1.",
                                        show_default=False)
        ] = None,
        section: Annotated[
            Optional[str], typer.Option("--section", "-s", help="Move into this section (title or number); "
                                        "without --to it goes last.", show_default=False)
        ] = None,
    ) -> None:
        """Move an entry to another place in its section (--to) or to another section (--section)."""
        from briefcase_tui.domain.packs.edit import find_entry, move_entry

        if to is None and section is None:
            raise typer.BadParameter("say where: --to N, --section S, or both", param_hint="--to / --section")

        def change(old: Pack) -> Pack:
            at = find_entry(old, entry)
            target = None if section is None else _locate_section(old, section)
            return move_entry(old, at, target, None if to is None else to - 1)

        _, _, path = _edit(_state(context), pack, change)
        _done(f"moved {entry} in {path}")

    @pack_app.command("note")
    def note_command(
        context: typer.Context,
        pack: PackArgument,
        entry: EntryArgument,
        text: Annotated[str, typer.Argument(help="The note; `-` reads it from standard input; \"\" clears it.")],
    ) -> None:
        """Set or clear the note on an entry."""
        from briefcase_tui.domain.packs.edit import EditError, find_entry, update_entry

        value = sys.stdin.read().rstrip("\r\n") if text == "-" else text

        def change(old: Pack) -> Pack:
            at = find_entry(old, entry)
            if old.sections[at[0]].entries[at[1]].is_note and not value.strip():
                raise EditError(f"entry {entry} is a note of its own; remove it with `brief pack remove` instead")
            return update_entry(old, at, note=value)

        _, _, path = _edit(_state(context), pack, change)
        _done(f"{'cleared' if not value.strip() else 'set'} the note of {entry} in {path}")

    @pack_app.command("set")
    def set_command(
        context: typer.Context,
        pack: PackArgument,
        entry: EntryArgument,
        priority: Annotated[
            Optional[str], typer.Option("--priority", "-p", help="must, should, optional, or none to clear it.",
                                        show_default=False)
        ] = None,
        tags: Annotated[
            Optional[list[str]], typer.Option("--tag", "-t", help="Add this label (repeatable).", show_default=False)
        ] = None,
        clear_tags: Annotated[bool, typer.Option("--clear-tags", help="Remove every label first.")] = False,
    ) -> None:
        """Change an entry's priority or labels."""
        from briefcase_tui.domain.packs.edit import find_entry, update_entry

        if priority is None and not tags and not clear_tags:
            raise typer.BadParameter("nothing to change: give --priority, --tag or --clear-tags",
                                     param_hint="--priority / --tag")
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

        _, _, path = _edit(_state(context), pack, change)
        _done(f"updated {entry} in {path}")

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
        title: Annotated[str, typer.Argument(help="The new section's title (unique in the pack).")],
        intro: Annotated[str, typer.Option("--intro", help="A paragraph shown under the title.")] = "",
        at: Annotated[
            Optional[int], typer.Option("--at", min=1, help="Its position among the sections, from 1 (default: last).",
                                        show_default=False)
        ] = None,
    ) -> None:
        """Add an empty section."""
        from briefcase_tui.domain.packs.edit import add_section

        _, _, path = _edit(_state(context), _section_pack(context),
                           lambda old: add_section(old, title, intro, None if at is None else at - 1))
        _done(f"added section {title!r} to {path}")

    @section_app.command("rename")
    def section_rename(
        context: typer.Context,
        section: SectionArgument,
        new_title: Annotated[str, typer.Argument(metavar="NEW", help="The new title.")],
    ) -> None:
        """Give a section a new title."""
        from briefcase_tui.domain.packs.edit import rename_section

        _, _, path = _edit(_state(context), _section_pack(context),
                           lambda old: rename_section(old, _locate_section(old, section), new_title))
        _done(f"renamed section {section!r} to {new_title!r} in {path}")

    @section_app.command("remove")
    def section_remove(
        context: typer.Context,
        section: SectionArgument,
        with_entries: Annotated[bool, typer.Option("--with-entries", help="Also remove the entries it holds.")] = False,
    ) -> None:
        """Remove a section; one that holds entries needs --with-entries."""
        from briefcase_tui.domain.packs.edit import remove_section

        _, _, path = _edit(_state(context), _section_pack(context),
                           lambda old: remove_section(old, _locate_section(old, section), with_entries=with_entries))
        _done(f"removed section {section!r} from {path}")

    @pack_app.command("validate")
    def validate(
        context: typer.Context,
        packs: Annotated[list[str], typer.Argument(metavar="PACK", help="Pack names or paths.")],
        strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    ) -> None:
        """Check packs against the corpus: unknown ids, repeats, empty or same-titled sections, disputed facts.

        Problems go to stderr as `path:line: severity: section S, entry E: message`; a clean
        pack prints `path: ok`. Exit 1 if any pack is malformed or has an error (or, with
        --strict, a warning); a malformed pack does not stop the others being checked.
        """
        from briefcase_tui.cli.pack_output import render_problem
        from briefcase_tui.domain.packs.lint import lint_pack

        state = _state(context)
        failed = False
        for reference in packs:
            try:
                packfile = state.store.load(reference)
                text = packfile.path.read_bytes().decode("utf-8", "replace")
            except BriefcaseError as error:
                print(error, file=sys.stderr)
                failed = True
                continue
            problems = lint_pack(packfile.pack, state.corpus, text)
            for problem in problems:
                print(render_problem(packfile.path, problem), file=sys.stderr)
            errors = sum(p.severity == "error" for p in problems)
            warnings = len(problems) - errors
            if errors or (strict and warnings):
                failed = True
            elif warnings:
                print(f"{packfile.path}: ok ({warnings} warning{'s' if warnings != 1 else ''})")
            else:
                print(f"{packfile.path}: ok")
        if failed:
            raise typer.Exit(1)

    @pack_app.command("diff")
    def diff(
        context: typer.Context,
        old: Annotated[str, typer.Argument(metavar="A", help="The earlier pack (name or path).")],
        new: Annotated[str, typer.Argument(metavar="B", help="The later pack (name or path).")],
        as_json: JsonOption = False,
    ) -> None:
        """What changed from pack A to pack B: details, sections and entries (exit 0 whether or not they differ).

        Markers: `+` added, `-` removed, `~` changed, `>` moved. Sections are matched by
        title, entries by item id (notes of their own by their text).
        """
        from briefcase_tui.domain.packs.diff import diff_packs

        state = _state(context)
        changes = diff_packs(state.store.load(old).pack, state.store.load(new).pack)
        if as_json:
            print(json.dumps(changes.to_data(), ensure_ascii=False, indent=2))
            return
        from briefcase_tui.cli.pack_output import render_diff

        print(render_diff(changes))

