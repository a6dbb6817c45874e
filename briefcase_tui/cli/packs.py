"""`brief pack new/templates/list/show/validate/diff`: make packs and look at them.

Problems in a pack name the file (and line, when known) on one stderr line, exit status 1;
mistakes in the command line itself exit 2. The edits are in `pack_edits`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from briefcase_tui.cli import output
from briefcase_tui.cli.options import JsonOption, PackArgument, choose_value, date_option
from briefcase_tui.cli.state import state_of
from briefcase_tui.errors import BriefcaseError

app = typer.Typer()
"""Commands of the `brief pack` group."""


@app.command("new")
def new(
    context: typer.Context,
    title: Annotated[
        str,
        typer.Argument(metavar="TITLE", help="The pack's title; its file name is made from it."),
    ],
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            "-f",
            metavar="PATH",
            help="Write the pack here (a .toml path) instead of the briefs folder.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            "-T",
            metavar="NAME",
            help="Start from a template (`brief pack templates` lists them).",
            show_default=False,
        ),
    ] = None,
    params: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            metavar="KEY=VALUE",
            help="A template parameter as KEY=VALUE (just VALUE when the template has one).",
            show_default=False,
        ),
    ] = None,
    audience: Annotated[str, typer.Option(metavar="TEXT", help="Who the pack is for.")] = "",
    meeting: Annotated[str, typer.Option(metavar="TEXT", help="The meeting it prepares for.")] = "",
    date: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="The meeting's date, YYYY-MM-DD.", show_default=False),
    ] = None,
    author: Annotated[str, typer.Option(metavar="TEXT", help="Who wrote it.")] = "",
    summary: Annotated[
        str, typer.Option(metavar="TEXT", help="A summary shown under the title.")
    ] = "",
) -> None:
    """Create a pack in the briefs folder (never replacing one) and print its path."""
    from briefcase_tui.domain.packs.edit import update_details
    from briefcase_tui.domain.packs.models import Pack

    state = state_of(context)
    details: dict[str, Any] = {
        name: value
        for name, value in (
            ("audience", audience),
            ("meeting", meeting),
            ("date", date_option(date, "--date")),
            ("author", author),
            ("summary", summary),
        )
        if value
    }
    if template is None:
        if params:
            raise typer.BadParameter("parameters need a template", param_hint="--param")
        pack = Pack.model_validate({"title": _title_with_words(title), **details})
    else:
        from briefcase_tui.domain.packs.templates import load_templates

        templates = load_templates()
        chosen = templates[choose_value(template, sorted(templates), "--template")]
        values = _template_params(params or [], list(chosen.parameters))
        from briefcase_tui.domain.packs.review import stamp

        pack = stamp(
            chosen.instantiate(state.corpus, _title_with_words(title), values), state.corpus
        )
        if details:
            pack = update_details(pack, **details)
    created = state.store.create(pack, path=file)
    print(created.path)


def _title_with_words(title: str) -> str:
    """The title as given, refused in our words when nothing is left once it is cleaned."""
    from briefcase_tui.domain.text import one_line

    if not one_line(title):
        raise BriefcaseError(
            "a pack needs a title: nothing is left once control characters and spaces are removed"
        )
    return title


def _template_params(given: list[str], names: list[str]) -> dict[str, str]:
    """`--param` values by parameter name; a bare VALUE is allowed when there is one parameter."""
    values: dict[str, str] = {}
    for param in given:
        key, sep, value = param.partition("=")
        if not sep:
            if len(names) != 1:
                expected = ", ".join(names) if names else "none"
                raise typer.BadParameter(
                    f"{param!r} needs the form KEY=VALUE (this template takes: {expected})",
                    param_hint="--param",
                )
            key, value = names[0], param
        name = choose_value(key.strip(), names, "--param") if names else key.strip()
        values[name] = value.strip()
    return values


@app.command("templates")
def templates_command(as_json: JsonOption = False) -> None:
    """List the bundled templates and the parameters each one takes."""
    from briefcase_tui.domain.packs.templates import load_templates

    templates = load_templates()
    if as_json:
        output.print_json(
            [
                {
                    "name": t.name,
                    "description": t.description,
                    "parameters": {
                        k: {"kind": p.kind, "prompt": p.prompt} for k, p in t.parameters.items()
                    },
                }
                for t in templates.values()
            ]
        )
        return
    for name in sorted(templates):
        template = templates[name]
        print(f"{name}: {template.description}")
        for key, parameter in template.parameters.items():
            print(f"    --param {key}=…  ({parameter.kind}) {parameter.prompt}")


@app.command("list")
def list_packs(context: typer.Context, as_json: JsonOption = False) -> None:
    """List the packs in the briefs folder; a malformed pack is reported and the others still
    listed (exit 1)."""
    state = state_of(context)
    summaries, problems = state.store.summaries()
    if as_json:
        output.print_json(
            [
                {
                    "name": s.name,
                    "path": str(s.path),
                    "title": s.title,
                    "sections": s.sections,
                    "entries": s.entries,
                }
                for s in summaries
            ]
        )
    elif summaries:
        print(output.render_pack_list(summaries))
    for problem in problems:
        output.error(problem)
    if problems:
        raise typer.Exit(1)
    if not summaries:
        output.tell(
            f"no packs in {state.briefs} (make one with `brief pack new TITLE`, "
            "or choose another folder with --briefs or BRIEF_DIR)"
        )


@app.command("show")
def show(context: typer.Context, pack: PackArgument, as_json: JsonOption = False) -> None:
    """Show a pack: its details, then sections with numbered entries, notes, priorities and
    tags."""
    state = state_of(context)
    packfile = state.store.load(pack)
    if as_json:
        from briefcase_tui.domain.export.formats import export_format

        json_format = export_format("json")
        output.write_bytes(json_format.render(packfile.pack, state.corpus), text=True)
        return
    print(output.render_pack(packfile.pack, state.corpus))


@app.command("validate")
def validate(
    context: typer.Context,
    packs: Annotated[list[str], typer.Argument(metavar="PACK", help="Pack names or paths.")],
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
) -> None:
    """Check packs against the corpus: unknown ids, repeats, empty or same-titled sections,
    disputed facts.

    Problems go to stderr as `path:line: severity: section S, entry E: message`; a clean
    pack prints `path: ok`. Exit 1 if any pack is malformed or has an error (or, with
    --strict, a warning); a malformed pack does not stop the others being checked. Temporary
    files that interrupted saves left beside the packs are named too (they fail nothing).
    """
    from briefcase_tui.domain.packs.lint import lint_pack
    from briefcase_tui.domain.storage import real_target

    state = state_of(context)
    failed = False
    folders: dict[Path, None] = {}
    for reference in packs:
        try:
            packfile = state.store.load(reference)
            folders[real_target(packfile.path).parent] = None
            text = packfile.path.read_bytes().decode("utf-8", "replace")
        except BriefcaseError as error:
            output.tell(str(error))
            failed = True
            continue
        problems = lint_pack(packfile.pack, state.corpus, text)
        for problem in problems:
            output.tell(output.render_problem(packfile.path, problem))
        errors = sum(p.severity == "error" for p in problems)
        warnings = len(problems) - errors
        if errors or (strict and warnings):
            failed = True
        elif warnings:
            print(f"{packfile.path}: ok ({output.counted(warnings, 'warning')})")
        else:
            print(f"{packfile.path}: ok")
    _tell_leftover_temp_files(list(folders))
    if failed:
        raise typer.Exit(1)


def _tell_leftover_temp_files(folders: list[Path]) -> None:
    """Name each save's temporary file in these folders: debris of a killed save, or a live one."""
    from briefcase_tui.domain.packs.store import PACK_SUFFIX
    from briefcase_tui.domain.storage import STALE_TEMP_SECONDS, stale_temp_files

    minutes = STALE_TEMP_SECONDS // 60
    for folder in folders:
        for temp in stale_temp_files(folder, PACK_SUFFIX, older_than=0):
            output.warning(
                f"{temp}: temporary file of an interrupted save (or of one running now); "
                f"the next save of a pack in this folder removes it once {minutes} minutes old"
            )


@app.command("diff")
def diff(
    context: typer.Context,
    old: Annotated[str, typer.Argument(metavar="A", help="The earlier pack (name or path).")],
    new: Annotated[str, typer.Argument(metavar="B", help="The later pack (name or path).")],
    as_json: JsonOption = False,
) -> None:
    """What changed from pack A to pack B: details, sections and entries (exit 0 whether or not
    they differ).

    Markers: `+` added, `-` removed, `~` changed, `>` moved. Sections are matched by
    title, entries by item id (notes of their own by their text).
    """
    from briefcase_tui.domain.packs.diff import diff_packs

    state = state_of(context)
    changes = diff_packs(state.store.load(old).pack, state.store.load(new).pack)
    if as_json:
        output.print_json(changes.to_data())
        return
    print(output.render_diff(changes))
