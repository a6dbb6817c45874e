"""A section's outline as a Tree: moving the cursor previews an item, Enter opens it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from briefcase_tui.domain.text import cut_at_word

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.outline import OutlineNode

NULL_STYLE = Style()
"""No style: widths are measured without one."""

RowFitter = Callable[["OutlineNode", int], str]
"""Shortens a row's label to a number of cells (the agenda keeps its markers)."""


def cut_row(row: OutlineNode, width: int) -> str:
    """The default fit: the label cut after a whole word, with an ellipsis."""
    return cut_at_word(row.label, width)


class SectionTree(Tree[str]):
    """Outline rows; labels are rich `Text` built literally, so corpus text is never markup.

    A row wider than the pane is shortened to fit when drawn (by `fit`), rather than
    clipped at the pane's edge: what is cut is then the end of a title, never the markers
    after it, and the pane never scrolls sideways. Narrowing the pane refits every row.
    """

    @dataclass
    class ItemHighlighted(Message):
        """The cursor rests on an item row."""

        item_id: str
        revealed: bool = False
        """The cursor was moved there by `select_item` (to show an item opened elsewhere), not by
        the user."""

    def __init__(self, label: str, *, id: str | None = None, fit: RowFitter = cut_row) -> None:
        self.fit = fit
        self._rows: dict[int, OutlineNode] = {}
        """The outline row behind each tree node, by node id (set before Tree measures the root)."""
        self._revealing: TreeNode[str] | None = None
        """The node `select_item` last moved the cursor to, until its highlight arrives."""
        super().__init__(Text(label), id=id)
        self.show_root = False
        self.guide_depth = 2

    def set_outline(self, nodes: tuple[OutlineNode, ...], expand_depth: int = 1) -> None:
        """Replace the rows with an outline, opening groups down to `expand_depth`."""
        self.clear()
        self._rows.clear()
        self._add(self.root, nodes, expand_depth)
        self.root.expand()

    def _add(
        self, parent: TreeNode[str], nodes: tuple[OutlineNode, ...], expand_depth: int
    ) -> None:
        for node in nodes:
            if node.children:
                branch = parent.add(Text(node.label), data=node.item_id, expand=expand_depth > 0)
                self._rows[branch.id] = node
                self._add(branch, node.children, expand_depth - 1)
            else:
                leaf = parent.add_leaf(Text(node.label), data=node.item_id)
                self._rows[leaf.id] = node

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        """The row's label (and its open/closed icon), shortened by `fit` to the room left."""
        rendered = super().render_label(node, base_style, style)
        row = self._rows.get(node.id)
        room = self._row_width() - self._indent(node)
        if row is None or self.size.width <= 0 or rendered.cell_len <= room:
            return rendered
        icon = len(rendered.plain) - len(
            Text(node.label) if isinstance(node.label, str) else node.label
        )
        label = Text(self.fit(row, room - rendered[:icon].cell_len))
        label.stylize(style)
        return Text.assemble(rendered[:icon], label)

    def get_label_width(self, node: TreeNode[str]) -> int:
        """A row's cells as the tree measures it: its label's, or the room left when wider.

        `render_label` fits every wider row into that room; measuring without fitting
        spares the agenda fitting every row again each time the tree is rebuilt (twice as
        the corpus arrives), for a width the pane never exceeds either way.
        """
        width = super().render_label(node, NULL_STYLE, NULL_STYLE).cell_len
        if self.size.width <= 0 or node.id not in self._rows:
            return width
        return min(width, self._row_width() - self._indent(node))

    def _row_width(self) -> int:
        """Cells a row may take: the pane less its vertical scrollbar, whether shown yet or not.

        Reserving the scrollbar always keeps a row's fit the same when opening a group
        makes the scrollbar appear (Tree caches drawn rows by the widget's width alone).
        """
        return self.size.width - self.styles.scrollbar_size_vertical

    def _indent(self, node: TreeNode[str]) -> int:
        """Cells of guide lines before a node's row (as `Tree` draws them)."""
        depth = 0
        parent = node.parent
        while parent is not None:
            depth += 1
            parent = parent.parent
        levels = depth if self.show_root else depth - 1
        return max(0, levels) * self.guide_depth

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        """Preview the item under the cursor."""
        event.stop()
        revealed = event.node is self._revealing
        self._revealing = None
        if event.node.data:
            self.post_message(self.ItemHighlighted(event.node.data, revealed=revealed))

    def select_item(self, item_id: str) -> bool:
        """Move the cursor to an item's row, opening its groups; False when not in this tree."""
        found = self._find(self.root, item_id)
        if found is None:
            return False
        parent = found.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.call_after_refresh(self._reveal, found)
        return True

    def _reveal(self, node: TreeNode[str]) -> None:
        """Move the cursor to `node`, marking the highlight it causes as ours, not the user's.

        The highlight arrives later, as a message: by then the user may have gone back or
        followed another link, and a stale highlight must not open its item over theirs.
        """
        self._revealing = node
        self.move_cursor(node, animate=False)

    def _find(self, node: TreeNode[str], item_id: str) -> TreeNode[str] | None:
        if node.data == item_id:
            return node
        for child in node.children:
            found = self._find(child, item_id)
            if found is not None:
                return found
        return None
