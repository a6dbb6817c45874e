"""An open pack being edited: edits applied at once, saved atomically, undo and redo by version.

The one load-edit-save loop: the app keeps a session open while the user edits, and each
`brief pack` edit command opens one, applies its edit and saves.

Packs are immutable values, so undo is a stack of earlier packs and redo a stack of the
packs undone, each step carrying a description ("move “X” down") for the notice that
reports it. A new edit clears the redo stack.

`apply`, `undo` and `redo` change the pack the user sees at once. With `save=True` (the
default, for scripts and tests) they also write it through the store's atomic save; the
app passes `save=False` and lets one background saver at a time (`claim_saver`, then
`save_latest`) write the latest version, so fifty quick moves cost one or two writes, not
fifty, and never hold up a keystroke. Every write, whichever thread makes it, goes through
`save`, which takes one lock, so two writes never overlap.

When the file changed on disk behind the session, the store refuses the save. The user's
version is not lost: it stays `current` (and is reported as `pending`) while the user
chooses between reloading (dropping it), saving it as a copy, or overwriting the other
version. Further edits build on it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefcase_tui.domain.packs.edit import update_details
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.packs.store import PackChangedOnDisk, PackFile, PackStore
from briefcase_tui.domain.storage import changed_since

UNDO_DEPTH = 100
"""Earlier versions kept for undo; a day's editing fits, memory stays small."""

PackEdit = Callable[[Pack], Pack]
"""A pure edit: takes a pack, returns a new one (see `packs/edit.py`)."""


@dataclass(frozen=True)
class Step:
    """One version on the undo or redo stack, and what the edit next to it did."""

    pack: Pack
    description: str
    """What the edit did, in the words of a notice: `move “X” down`."""


class PackSession:
    """One pack open for editing: the version the user sees, the file as last saved, undo, redo."""

    def __init__(self, store: PackStore, packfile: PackFile) -> None:
        self.store = store
        self.packfile = packfile
        """The file and the pack as last read or written."""
        self._current = packfile.pack
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self.refused = False
        """The last save was refused because the file changed on disk; a good save clears it."""
        self._state = threading.RLock()
        """Guards the versions and stacks: the UI thread edits while a saver thread writes."""
        self._writing = threading.Lock()
        """One write at a time, whichever thread asks."""
        self._saver_active = False

    @classmethod
    def open(cls, store: PackStore, reference: str | Path) -> PackSession:
        """Load a pack (its name in the store's folder, or a path) and open it for editing."""
        return cls(store, store.load(reference))

    @property
    def pack(self) -> Pack:
        """The pack as it is in the file (as far as this session knows)."""
        return self.packfile.pack

    @property
    def current(self) -> Pack:
        """The pack the user sees, saved or not."""
        return self._current

    @property
    def unsaved(self) -> bool:
        """Whether the pack the user sees differs from the one last written."""
        with self._state:
            return self._current is not self.packfile.pack and self._current != self.packfile.pack

    @property
    def pending(self) -> Pack | None:
        """The user's version that could not be saved because the file changed on disk, if any."""
        with self._state:
            return self._current if self.refused and self.unsaved else None

    @property
    def can_undo(self) -> bool:
        """Whether there is an earlier version to go back to."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone version to go forward to again."""
        return bool(self._redo)

    @property
    def undo_description(self) -> str | None:
        """What `undo` would undo, or None when there is nothing to undo."""
        with self._state:
            return self._undo[-1].description if self._undo else None

    @property
    def redo_description(self) -> str | None:
        """What `redo` would redo, or None when there is nothing to redo."""
        with self._state:
            return self._redo[-1].description if self._redo else None

    def apply(self, edit: PackEdit, description: str = "", *, save: bool = True) -> Pack:
        """Apply an edit to the current pack, and save it unless `save=False`; returns the new pack.

        An edit that raises (`EditError`) changes nothing. An edit that changes nothing
        writes nothing and leaves undo and redo alone. A new edit clears the redo stack. A
        refused save raises `PackChangedOnDisk` with the new pack kept as `pending`.
        """
        with self._state:
            base = self._current
            new = edit(base)
            if new == base:
                return base
            self._undo.append(Step(base, description))
            del self._undo[:-UNDO_DEPTH]
            self._redo.clear()
            self._current = new
        if save:
            self.save()
        return new

    def retitle(self, title: str) -> Pack:
        """Retitle the pack; the file keeps its name, so commands and links still find it."""
        return self.apply(
            lambda pack: update_details(pack, title=title), f"rename the pack to “{title}”"
        )

    def undo(self, *, save: bool = True) -> str | None:
        """Go back one version, saved unless `save=False`; returns what was undone, or None."""
        with self._state:
            if not self._undo:
                return None
            step = self._undo.pop()
            self._redo.append(Step(self._current, step.description))
            self._current = step.pack
        if save:
            self.save()
        return step.description

    def redo(self, *, save: bool = True) -> str | None:
        """Go forward again to the version last undone; returns what was redone, None if nothing."""
        with self._state:
            if not self._redo:
                return None
            step = self._redo.pop()
            self._undo.append(Step(self._current, step.description))
            self._current = step.pack
        if save:
            self.save()
        return step.description

    def save(self, *, force: bool = False) -> bool:
        """Write the current version if it is not on disk yet; True when something was written.

        Refused with `PackChangedOnDisk` (and `refused` set) when the file changed since it
        was read, unless `force` (the user chose to overwrite after being told). Safe to
        call from any thread: writes never overlap, and the newest version is the one
        written.
        """
        with self._writing:
            with self._state:
                if not self.unsaved:
                    return False
                pack, base = self._current, self.packfile
            try:
                saved = self.store.save(base, pack, force=force)
            except PackChangedOnDisk:
                with self._state:
                    self.refused = True
                raise
            with self._state:
                self.packfile = saved
                self.refused = False
            return True

    def claim_saver(self) -> bool:
        """True when the caller should start a background saver (`save_latest`); False if one runs.

        The claim and the saver's decision to stop are made under the same lock, so an
        edit made as a saver finishes is always written by it or by the next one.
        """
        with self._state:
            if self._saver_active:
                return False
            self._saver_active = True
            return True

    def save_latest(self) -> None:
        """For the one claimed saver: save until the version on disk is the latest, then stop.

        A refused or failed save ends the saver (its exception propagates); the next
        edit claims a new one, which tries again.
        """
        try:
            while True:
                with self._state:
                    if not self.unsaved:
                        self._saver_active = False
                        return
                self.save()
        except BaseException:
            with self._state:
                self._saver_active = False
            raise

    def overwrite(self) -> Pack:
        """Save over the file even though it changed on disk: only when the user chose to."""
        self.save(force=True)
        return self.pack

    def reload(self) -> Pack:
        """Forget local changes and read the file again; undo and redo start afresh from it."""
        with self._writing:
            packfile = self.store.load(self.packfile.path)
            with self._state:
                self.packfile = packfile
                self._current = packfile.pack
                self.refused = False
                self._undo.clear()
                self._redo.clear()
        return self.pack

    def save_copy(self) -> PackFile:
        """Save the current version as `name-copy.toml` beside the file and go on editing the copy.

        The other version on disk is left exactly as it is. Undo and redo carry on: they
        are the user's own versions, now saved to the copy.
        """
        with self._writing:
            with self._state:
                pack, original = self._current, self.packfile.path
            copy = self.store.save_copy(pack, original)
            with self._state:
                self.packfile = copy
                self.refused = False
        return copy

    def changed_on_disk(self) -> bool:
        """Whether another program changed (or removed) the file since the session read it.

        The session reads the file when it opens, and takes what it wrote as read.
        """
        fingerprint = self.packfile.fingerprint
        return fingerprint is not None and changed_since(self.packfile.path, fingerprint)
