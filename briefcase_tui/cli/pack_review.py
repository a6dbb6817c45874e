"""`brief pack review`: the entries whose item changed in the corpus, old and new side by side.

A pack remembers how each item read when it was added (`Entry.fingerprint`). When the
corpus is corrected or replaced, this command lists every entry whose item now reads
differently, with the earlier reading (kept in the corpus's history) beside today's, and
`--accept` records today's reading as reviewed. Listing exits 0; `brief pack validate`
is the check that fails.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from briefcase_tui.cli import output
from briefcase_tui.cli.options import PackArgument
from briefcase_tui.cli.pack_edits import edit_pack
from briefcase_tui.cli.state import state_of

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.models import Pack
    from briefcase_tui.domain.packs.review import EntryReview

app = typer.Typer()
"""The review command of the `brief pack` group."""

GUTTER = " │ "
CHANGED_MARK = "≠"
"""Leads a line that differs between the two readings; equal lines lead with a space."""


@app.command("review")
def review(
    context: typer.Context,
    pack: PackArgument,
    accept: Annotated[
        list[str] | None,
        typer.Option(
            "--accept",
            metavar="ENTRY",
            help="Record today's reading of this entry as reviewed (item id or number; "
            "repeatable); `all` for every changed or unreviewed entry.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show entries whose item changed in the corpus since they were added, old beside new.

    Lines marked ≠ differ. With --accept, record today's reading as reviewed.
    """
    from briefcase_tui.domain.corpus.history import load_history
    from briefcase_tui.domain.packs.review import statuses, to_review

    state = state_of(context)
    corpus = state.corpus
    if accept:
        _accept(context, pack, accept)
        return
    packfile = state.store.load(pack)
    reviews = to_review(packfile.pack, corpus, load_history(state.folder))
    width = output.width()
    for entry_review in reviews:
        print(_side_by_side(packfile.pack, entry_review, corpus.info.version, width))
        print()
    waiting = sum(s == "unreviewed" for s in statuses(packfile.pack, corpus).values())
    if not reviews and not waiting:
        print(f"{packfile.path}: every item reads as it did when added or last reviewed")
        return
    changed = sum(r.status == "changed" for r in reviews)
    parts = [f"{output.counted(changed, 'entry', 'entries')} changed"]
    vanished = len(reviews) - changed
    if vanished:
        parts.append(f"{vanished} no longer in the corpus")
    if waiting:
        parts.append(f"{waiting} not reviewed yet (written before Briefcase recorded readings)")
    print(f"{packfile.path}: {', '.join(parts)}")
    if changed or waiting:
        print(f"record today's readings: brief pack review {pack} --accept all (or --accept ENTRY)")


def _accept(context: typer.Context, pack: str, accepted: list[str]) -> None:
    from briefcase_tui.domain.packs.edit import find_entry
    from briefcase_tui.domain.packs.review import accept

    corpus = state_of(context).corpus

    def change(old: Pack) -> Pack:
        if "all" in accepted:
            return accept(old, corpus)
        return accept(old, corpus, [find_entry(old, reference) for reference in accepted])

    what = "every entry" if "all" in accepted else ", ".join(accepted)
    _, path = edit_pack(context, pack, change, f"review {what}")
    print(f"{path}: today's reading recorded for {what} (corpus {corpus.info.version or '?'})")


def _side_by_side(pack: Pack, entry_review: EntryReview, version: str, width: int) -> str:
    """The entry's heading, then its old and new readings in two columns."""
    from briefcase_tui.domain.packs.review import STATUS_WORDS, side_by_side

    section, entry = entry_review.at
    lines = [
        f"{entry_review.item} (section {section + 1} “{pack.sections[section].title}”, "
        f"entry {entry + 1}): {STATUS_WORDS[entry_review.status]}"
    ]
    column = max((width - len(GUTTER) - 2) // 2, 20)
    old_version = entry_review.old.version if entry_review.old is not None else ""
    old_head = f"as added (corpus {old_version or pack.corpus_version or '?'})"
    new_head = f"today (corpus {version or '?'})"
    old = (
        entry_review.old.text
        if entry_review.old is not None
        else "(the earlier reading is not kept in this corpus's history)"
    )
    new = entry_review.new if entry_review.new is not None else "(gone)"
    lines.append(_row(" ", old_head, new_head, column))
    for row in side_by_side(old, new):
        lines.append(_row(CHANGED_MARK if row.changed else " ", row.old, row.new, column))
    return "\n".join(lines)


def _row(mark: str, left: str, right: str, column: int) -> str:
    """One logical line of each side, wrapped to the column width, joined by the gutter."""
    import textwrap

    left_lines = textwrap.wrap(left, column) or [""]
    right_lines = textwrap.wrap(right, column) or [""]
    rows = []
    for index in range(max(len(left_lines), len(right_lines))):
        lead = mark if index == 0 else " "
        one = left_lines[index] if index < len(left_lines) else ""
        two = right_lines[index] if index < len(right_lines) else ""
        rows.append(f"{lead} {one.ljust(column)}{GUTTER}{two}".rstrip())
    return "\n".join(rows)
