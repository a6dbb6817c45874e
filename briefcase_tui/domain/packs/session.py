"""An open pack being edited: every edit saved at once, undo by earlier versions, conflicts kept.

The app edits a pack one keystroke at a time, so each edit is saved straight away (an
adviser on a train can lose power at any moment) through the store's atomic save. Packs
are immutable values, so undo is a stack of earlier packs, each saved again when undone.

When the file changed on disk behind the session, the store refuses the save. The edit is
not lost: it waits in `pending` while the user chooses between reloading (dropping it),
saving it as a copy, or overwriting the other version. Until then `current` is the pack
the user sees and further edits build on it.
"""

from __future__ import annotations

from collections.abc import Callable

from briefcase_tui.domain.packs.edit import update_details
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.packs.store import PackChangedOnDisk, PackFile, PackStore
from briefcase_tui.domain.storage import changed_since

UNDO_DEPTH = 100
"""Earlier versions kept for undo; a day's editing fits, memory stays small."""

PackEdit = Callable[[Pack], Pack]
"""A pure edit: takes a pack, returns a new one (see `packs/edit.py`)."""


class PackSession:
    """One pack open for editing: the file as last saved, an unsaved version if a save was refused."""

    def __init__(self, store: PackStore, packfile: PackFile) -> None:
        self.store = store
        self.packfile = packfile
        """The file and the pack as last read or written."""
        self.pending: Pack | None = None
        """The user's version that could not be saved because the file changed on disk."""
        self._undo: list[Pack] = []

    @property
    def pack(self) -> Pack:
        """The pack as it is in the file (as far as this session knows)."""
        return self.packfile.pack

    @property
    def current(self) -> Pack:
        """The pack the user sees: the unsaved version when there is one."""
        return self.pending if self.pending is not None else self.packfile.pack

    @property
    def can_undo(self) -> bool:
        """Whether there is an unsaved change to drop or an earlier version to go back to."""
        return self.pending is not None or bool(self._undo)

    def apply(self, edit: PackEdit) -> Pack:
        """Apply an edit to the current pack and save it; returns the new pack.

        An edit that raises (`EditError`) changes nothing. An edit that changes nothing
        writes nothing. A refused save raises `PackChangedOnDisk` with the new pack kept
        in `pending`.
        """
        base = self.current
        new = edit(base)
        if new == base:
            return base
        self._save(new)
        return new

    def retitle(self, title: str) -> Pack:
        """Give the pack a new title; the file keeps its name, so commands and links still find it."""
        return self.apply(lambda pack: update_details(pack, title=title))

    def undo(self) -> Pack:
        """Go back one step: drop an unsaved change, or save the version before the last save."""
        if self.pending is not None:
            self.pending = None
            return self.pack
        if not self._undo:
            return self.pack
        previous = self._undo.pop()
        try:
            self._save(previous, remember=False)
        except PackChangedOnDisk:
            self._undo.append(previous)
            raise
        return previous

    def overwrite(self) -> Pack:
        """Save the unsaved version over the file even though it changed: only when the user chose to."""
        if self.pending is None:
            return self.pack
        self._save(self.pending, force=True)
        return self.pack

    def reload(self) -> Pack:
        """Forget local changes and read the file again; undo starts afresh from the file's version."""
        self.packfile = self.store.load(self.packfile.path)
        self.pending = None
        self._undo.clear()
        return self.pack

    def save_copy(self) -> PackFile:
        """Save the current version as `name-copy.toml` beside the file and carry on editing the copy.

        The other version on disk is left exactly as it is.
        """
        self.packfile = self.store.save_copy(self.current, self.packfile.path)
        self.pending = None
        self._undo.clear()
        return self.packfile

    def changed_on_disk(self) -> bool:
        """Whether someone else changed (or removed) the file since this session read or wrote it."""
        fingerprint = self.packfile.fingerprint
        return fingerprint is not None and changed_since(self.packfile.path, fingerprint)

    def _save(self, pack: Pack, *, force: bool = False, remember: bool = True) -> None:
        before = self.packfile.pack
        try:
            self.packfile = self.store.save(self.packfile, pack, force=force)
        except PackChangedOnDisk:
            self.pending = pack
            raise
        self.pending = None
        if remember:
            self._undo.append(before)
            del self._undo[:-UNDO_DEPTH]
