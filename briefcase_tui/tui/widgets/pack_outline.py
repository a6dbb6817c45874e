"""A pack's outline as a Tree: sections, and under each its entries with priority and title.

Labels are rich `Text` built literally, so titles, notes and section names typed by
anyone are never read as markup. The widget only shows and reports the cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.models import Entry, Pack, Section

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


FOLDED_FROM = 2000
"""A pack of more entries opens with its sections folded; a section unfolds when it is opened
or the cursor goes into it. Rows cost about 0.2 ms each to make: 10,000 took seconds."""
PATCHED_MOST = 4
"""Sections an update patches at most (an edit changes one or two); more are drawn afresh."""

ChangedIn = Callable[[int, "Section"], frozenset[int]]
"""Which entries of a section (by index) to mark as changed in the corpus since added."""


def _none_changed(s_index: int, section: Section) -> frozenset[int]:
    return frozenset()


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


def _marked(label: Text, changed: bool) -> Text:
    """An entry's label, led by CHANGED_MARK when its item changed in the corpus since added."""
    return Text.assemble((CHANGED_MARK, "bold reverse"), " ", label) if changed else label


def section_label(section: Section) -> Text:
    """A section's row: its title in bold and how many entries it holds, marked first when a
    merge left something about it undecided."""
    label = Text.assemble((section.title, "bold"), (f"  {len(section.entries)}", "dim"))
    return Text.assemble(_conflict_mark(), label) if section.conflicts else label


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
        self._shown: tuple[Pack, bool] | None = None
        """The pack the rows show, and whether they show titles (the corpus had arrived)."""
        self._titles: Mapping[str, str] | None = None
        self._filled: set[int] = set()
        """The sections whose entries have rows (in a folded outline, those opened so far)."""
        self._changed_in: ChangedIn = _none_changed
        """Asked, section by section as rows are made, which entries to mark as changed."""

    def show_pack(
        self,
        pack: Pack,
        titles: Mapping[str, str] | None,
        cursor: OutlineRow | None = None,
        changed_in: ChangedIn | None = None,
    ) -> None:
        """Show this pack's rows; put the cursor on `cursor` (or the row nearest).

        After an edit only the rows of the sections that changed are touched (edits keep the
        sections and entries they leave alone), so a key on a pack of 10,000 entries redraws
        a row or two, not the whole outline; a new pack, a section added or removed, or the
        titles arriving rebuild it all. A pack over FOLDED_FROM entries shows its sections
        folded, but for the cursor's. `changed_in` says which entries of a section to mark
        (their item changed in the corpus since they were added); it is asked only for the
        sections whose rows are made, so a folded section costs nothing until it opens.
        """
        shown = self._shown
        self._changed_in = changed_in or _none_changed
        if (
            shown is not None
            and len(shown[0].sections) == len(pack.sections) == len(self.root.children)
            and shown[1] == (titles is not None)
            and sum(a is not b for a, b in zip(shown[0].sections, pack.sections, strict=True))
            <= PATCHED_MOST
        ):
            self._patch(shown[0], pack, titles)
        else:
            self._rebuild(pack, titles)
        self._shown = (pack, titles is not None)
        self._titles = titles
        if cursor is not None:
            self._wanted = cursor
            self._move_to_wanted()

    def _rebuild(self, pack: Pack, titles: Mapping[str, str] | None) -> None:
        self.clear()
        self._filled = set()
        folded = pack.entry_count() > FOLDED_FROM
        for s_index, section in enumerate(pack.sections):
            branch = self.root.add(
                section_label(section),
                data=OutlineRow(s_index),
                expand=not folded,
                allow_expand=bool(section.entries) or not folded,
            )
            if not folded:
                self._fill(branch, section, titles)
        self.root.expand()

    def _fill(
        self, branch: TreeNode[OutlineRow], section: Section, titles: Mapping[str, str] | None
    ) -> None:
        """Give a section's row the rows of its entries."""
        assert branch.data is not None
        s_index = branch.data.section
        marked = self._changed_in(s_index, section)
        for e_index, entry in enumerate(section.entries):
            branch.add_leaf(
                _marked(entry_label(entry, titles), e_index in marked),
                data=OutlineRow(s_index, e_index),
            )
        self._filled.add(s_index)

    def _patch(self, before: Pack, after: Pack, titles: Mapping[str, str] | None) -> None:
        """Relabel or refill the sections that differ between two versions of a pack."""
        for s_index, (old, new) in enumerate(zip(before.sections, after.sections, strict=True)):
            if old is new:
                continue
            branch = self.root.children[s_index]
            if old.title != new.title or len(old.entries) != len(new.entries):
                branch.set_label(section_label(new))
            if s_index not in self._filled:
                branch.allow_expand = bool(new.entries)
                continue
            if len(old.entries) == len(new.entries) == len(branch.children):
                marked = self._changed_in(s_index, new)
                pairs = zip(branch.children, old.entries, new.entries, strict=True)
                for e_index, (leaf, was, now) in enumerate(pairs):
                    if was is not now:
                        leaf.set_label(_marked(entry_label(now, titles), e_index in marked))
                continue
            branch.remove_children()
            self._fill(branch, new, titles)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[OutlineRow]) -> None:
        """A folded section opened: give it its entries' rows now."""
        event.stop()
        self._unfold(event.node)

    def _unfold(self, branch: TreeNode[OutlineRow]) -> bool:
        """Give a folded section its entries' rows and open it; False if it had them already."""
        row, shown = branch.data, self._shown
        if row is None or row.entry is not None or row.section in self._filled or shown is None:
            return False
        self._fill(branch, shown[0].sections[row.section], self._titles)
        branch.expand()
        return True

    def _move_to_wanted(self) -> None:
        """Move to the row the latest `show_pack` asked for, unfolding its section, at once.

        At once, so the frame that shows an edit (or the pack, on opening) has the cursor
        where it belongs: a cursor placed a refresh later cost a frame a key, and on opening
        it let the corpus load start before the pack was whole. Rows just added get their
        lines counted here (`get_node_at_line` builds them) rather than at the next refresh.
        A widget not laid out yet moves again once it is, to scroll the cursor into view.
        """
        sections = self.root.children
        wanted = self._wanted
        if wanted.entry is not None and sections:
            self._unfold(sections[min(wanted.section, len(sections) - 1)])
        target = self._nearest(wanted)
        if target is None:
            return
        self.get_node_at_line(0)
        if self.size.height:
            self.move_cursor(target)
        else:  # scrolling a widget of no size yet would hide the rows above the cursor
            self.cursor_line = target.line
            self.call_after_refresh(self._move_to_wanted_later, wanted)

    def _move_to_wanted_later(self, wanted: OutlineRow) -> None:
        """Once laid out, scroll to the cursor row, unless a later drawing asked for another."""
        if wanted == self._wanted and (target := self._nearest(wanted)) is not None:
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
