"""Back/forward history of the items a person opened, like a web browser's. No Textual."""

from __future__ import annotations


class History:
    """Visited ids with a cursor: a visit drops what is ahead; back and forward move the cursor."""

    def __init__(self) -> None:
        self._entries: list[str] = []
        self._position = -1

    @property
    def current(self) -> str | None:
        """The id on screen, or None before anything was opened."""
        return self._entries[self._position] if self._position >= 0 else None

    @property
    def can_go_back(self) -> bool:
        """Whether there is an earlier item."""
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        """Whether back was used and there is a later item."""
        return self._position < len(self._entries) - 1

    def visit(self, item_id: str) -> None:
        """Open an item: it becomes current and anything forward of it is forgotten."""
        if item_id == self.current:
            return
        del self._entries[self._position + 1 :]
        self._entries.append(item_id)
        self._position += 1

    def replace(self, item_id: str) -> None:
        """Change the current entry in place (moving the cursor down a list is not a new visit)."""
        if self._position < 0:
            self.visit(item_id)
        else:
            self._entries[self._position] = item_id
            del self._entries[self._position + 1 :]

    def back(self) -> str | None:
        """Step back; returns the id now current."""
        if self.can_go_back:
            self._position -= 1
        return self.current

    def forward(self) -> str | None:
        """Step forward; returns the id now current."""
        if self.can_go_forward:
            self._position += 1
        return self.current
