"""A section's outline as a Tree: moving the cursor previews an item, Enter opens it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.outline import OutlineNode


class SectionTree(Tree[str]):
    """Outline rows; labels are rich `Text` built literally, so corpus text is never markup."""

    @dataclass
    class ItemHighlighted(Message):
        """The cursor rests on an item row."""

        item_id: str

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(Text(label), id=id)
        self.show_root = False
        self.guide_depth = 2

    def set_outline(self, nodes: tuple[OutlineNode, ...], expand_depth: int = 1) -> None:
        """Replace the rows with an outline, opening groups down to `expand_depth`."""
        self.clear()
        self._add(self.root, nodes, expand_depth)
        self.root.expand()

    def _add(self, parent: TreeNode[str], nodes: tuple[OutlineNode, ...], expand_depth: int) -> None:
        for node in nodes:
            if node.children:
                branch = parent.add(Text(node.label), data=node.item_id, expand=expand_depth > 0)
                self._add(branch, node.children, expand_depth - 1)
            else:
                parent.add_leaf(Text(node.label), data=node.item_id)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        """Preview the item under the cursor."""
        event.stop()
        if event.node.data:
            self.post_message(self.ItemHighlighted(event.node.data))

    def select_item(self, item_id: str) -> bool:
        """Move the cursor to the row of an item, opening its groups; False when not in this tree."""
        found = self._find(self.root, item_id)
        if found is None:
            return False
        parent = found.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.call_after_refresh(self.move_cursor, found, animate=False)
        return True

    def _find(self, node: TreeNode[str], item_id: str) -> TreeNode[str] | None:
        if node.data == item_id:
            return node
        for child in node.children:
            found = self._find(child, item_id)
            if found is not None:
                return found
        return None
