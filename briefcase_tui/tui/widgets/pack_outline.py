"""A pack's outline as a Tree: sections, and under each its entries with priority and title.

Labels are rich `Text` built literally, so titles, notes and section names typed by
anyone are never read as markup. The widget only shows and reports the cursor.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.models import Entry, Pack

PRIORITY_MARKS = {"must": "●", "should": "◐", "optional": "○"}
"""One character per priority, most to least; the entry pane spells the word."""
MISSING_MARK = "✗ missing"
"""Ids the corpus lacks are flagged by a symbol and a word, never by colour alone."""
NOTE_MARK = "✎"
"""An entry for a corpus item that carries the user's note."""
OWN_NOTE_MARK = "¶"
"""A note of the user's own, with no corpus item: a paragraph of theirs, not an annotated item."""
CHANGED_MARK = "Δ changed"
"""Before an entry whose item changed in the corpus since it was added (v compares)."""
CONFLICT_MARK = "⚠ conflict"
"""Before a row that a merge left undecided: a symbol and a word, never colour alone."""


@dataclass(frozen=True)
class OutlineRow:
    """Where a row points: a section, or an entry in it (indexes from 0)."""

    section: int
    entry: int | None = None


def entry_at(pack: Pack | None, row: OutlineRow | None) -> Entry | None:
    """The entry a row points at, if it is an entry row that still exists."""
    if pack is None or row is None or row.entry is None or row.section >= len(pack.sections):
        return None
    entries = pack.sections[row.section].entries
    return entries[row.entry] if row.entry < len(entries) else None


def entry_label(entry: Entry, titles: Mapping[str, str] | None) -> Text:
    """`●✎ Title`, `◐  Title`, `○¶ first line of a note of one's own`, or `✗ missing id`.

    Two marks lead each row in fixed columns: the priority, then `✎` when an item carries
    the user's note (or `¶` for a note of one's own), so titles line up and either mark
    can be scanned for down the list. `titles` is None while the corpus loads.
    """
    label = _entry_text(entry, titles)
    return Text.assemble(_conflict_mark(), label) if entry.conflicts else label


def _entry_text(entry: Entry, titles: Mapping[str, str] | None) -> Text:
    mark = PRIORITY_MARKS.get(entry.priority or "", " ")
    if entry.item is None:
        first_line = entry.note.strip().splitlines()[0] if entry.note.strip() else ""
        return Text.assemble(mark, (f"{OWN_NOTE_MARK} ", "bold"), (first_line, "italic"))
    noted = (f"{NOTE_MARK} ", "bold") if entry.note.strip() else ("  ", "")
    if titles is None:
        return Text.assemble(mark, noted, entry.item)
    title = titles.get(entry.item)
    if title is None:
        return Text.assemble(mark, noted, (MISSING_MARK, "bold reverse"), f" {entry.item}")
    return Text.assemble(mark, noted, title)


def _conflict_mark() -> Text:
    """First on the row, so that no width of terminal cuts it off."""
    return Text.assemble((CONFLICT_MARK, "bold reverse"), " ")


class PackOutline(Tree[OutlineRow]):
    """Sections and entries of one pack; the cursor row is reported as `RowHighlighted`."""

    @dataclass
    class RowHighlighted(Message):
        """The cursor rests on a section or an entry."""

        row: OutlineRow

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "choose",
            "Open",
            show=False,
            id="pack-outline-choose",
            tooltip="Write the highlighted entry's note",
        ),
    ]

    @dataclass
    class RowChosen(Message):
        """Enter chose a section or an entry.

        A click only moves the cursor, so the mouse never lands in an editor.
        """

        row: OutlineRow

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Pack"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = False
        self._wanted = OutlineRow(0, 0)

    def show_pack(
        self,
        pack: Pack,
        titles: Mapping[str, str] | None,
        cursor: OutlineRow | None = None,
        changed: Container[tuple[int, int]] = (),
    ) -> None:
        """Replace the rows with this pack's; put the cursor on `cursor` (or the row nearest).

        Entries at the places in `changed` are marked: their item changed in the corpus.
        """
        self.clear()
        for s_index, section in enumerate(pack.sections):
            count = len(section.entries)
            label = Text.assemble((section.title, "bold"), (f"  {count}", "dim"))
            if section.conflicts:
                label = Text.assemble(_conflict_mark(), label)
            branch = self.root.add(label, data=OutlineRow(s_index), expand=True)
            for e_index, entry in enumerate(section.entries):
                label = entry_label(entry, titles)
                if (s_index, e_index) in changed:
                    label = Text.assemble((CHANGED_MARK, "bold reverse"), " ", label)
                branch.add_leaf(label, data=OutlineRow(s_index, e_index))
        self.root.expand()
        if cursor is not None:
            self._wanted = cursor
            self.call_after_refresh(self._move_to_wanted)

    def _move_to_wanted(self) -> None:
        """Move to the row the latest `show_pack` asked for.

        On a busy machine a move asked for by an earlier drawing can run after a later one
        (a key pressed just as the screen opened): it must not put back a row since replaced.
        """
        target = self._nearest(self._wanted)
        if target is not None:
            self.move_cursor(target)

    def _nearest(self, row: OutlineRow) -> TreeNode[OutlineRow] | None:
        sections = self.root.children
        if not sections:
            return None
        section = sections[min(row.section, len(sections) - 1)]
        if row.entry is None or not section.children:
            return section
        return section.children[min(row.entry, len(section.children) - 1)]

    @property
    def row(self) -> OutlineRow | None:
        """The row under the cursor."""
        node = self.cursor_node
        return node.data if node is not None else None

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[OutlineRow]) -> None:
        """Report the row under the cursor."""
        event.stop()
        if event.node.data is not None:
            self.post_message(self.RowHighlighted(event.node.data))

    def action_choose(self) -> None:
        """Report the row under the cursor as chosen."""
        if self.row is not None:
            self.post_message(self.RowChosen(self.row))

    def on_tree_node_selected(self, event: Tree.NodeSelected[OutlineRow]) -> None:
        """A click selects in a Tree; here it only moves the cursor."""
        event.stop()
