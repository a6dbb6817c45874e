"""The app's side of briefing packs: the store, the open pack, and every action that changes a pack.

Kept apart from `app.py` so the app module stays about browsing; `BriefcaseApp` mixes it
in. Every change goes through `PackSession.apply`, in memory and at once, so a burst of
keys never waits for the disk; one background saver at a time then writes the latest
version through the store's atomic save. A save refused because the file changed on disk
comes back as a message and opens the conflict dialog; the change waits in the session
until the user chooses. Quitting, opening another pack and exporting first finish the
save, and the app writes whatever is left as it closes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from briefcase_tui.errors import BriefcaseError
from briefcase_tui.paths import briefs_dir
from briefcase_tui.tui.notices import Severity, say

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.models import Pack
    from briefcase_tui.domain.packs.session import PackEdit, PackSession
    from briefcase_tui.domain.packs.store import PackStore
    from briefcase_tui.tui.dialogs.conflict import ConflictChoice
    from briefcase_tui.tui.dialogs.new_pack import NewPackRequest

PACK_ACTIONS_NEEDING_A_PACK = frozenset({"undo_pack", "redo_pack", "export_pack"})

NOTHING_TO_UNDO = "Nothing to undo: no changes since the pack was opened."
NOTHING_TO_REDO = "Nothing to redo: there is no undone change to bring back."


class PackControl(App[None]):
    """Pack state and actions for `BriefcaseApp`; nothing here runs until a pack is asked for."""

    BINDINGS = [
        Binding(
            "ctrl+y",
            "redo_pack",
            "Redo",
            show=False,
            id="pack-redo",
            tooltip="Redo the last change undone in the open pack",
        ),
    ]

    corpus: Corpus | None

    @dataclass
    class PackSaveRefused(Message):
        """A background save was refused: the file changed on disk since the session read it."""

        session: PackSession

    @dataclass
    class PackSaveFailed(Message):
        """A background save failed for another reason (a full disk, a folder made read-only)."""

        session: PackSession
        problem: str

    def init_packs(self, briefs_folder: Path | None, pack: Path | None) -> None:
        """Remember where packs live (the folder is read only when a pack is first needed)."""
        self.briefs_folder = briefs_folder
        self._pack_store: PackStore | None = None
        self.pack_session: PackSession | None = None
        """The open pack, if any."""
        self.pack_section: int | None = None
        """The section `a` adds to: the one last used in the pack screen; None means the last."""
        self._initial_pack = pack
        self._quit_despite_unsaved = False
        """Set once the user was told a change is not saved; a second quit then goes anyway."""

    @property
    def pack_store(self) -> PackStore:
        """The packs in the briefs folder (`--briefs`, BRIEF_DIR, ./briefs, the data folder)."""
        if self._pack_store is None:
            from briefcase_tui.domain.packs.store import PackStore

            self._pack_store = PackStore(briefs_dir(self.briefs_folder))
        return self._pack_store

    def open_initial_pack(self) -> None:
        """Open the pack given on the command line, on the pack screen; else the one open last time."""
        if self._initial_pack is not None:
            if self.open_pack(self._initial_pack):
                self.action_pack_screen()
            return
        last = self.settings.last_pack  # type: ignore[attr-defined]
        if last and Path(last).is_file():
            self.open_pack(Path(last))

    def _say(self, text: str, *, severity: Severity = "information", title: str = "") -> None:
        say(self, text, title=title, severity=severity, topic=f"pack:{severity}")

    def open_pack(self, reference: str | Path) -> bool:
        """Load a pack and make it the open one; False (and a notice) when it does not load."""
        from briefcase_tui.domain.packs.session import PackSession

        if not self._may_leave_pack():
            return False
        try:
            packfile = self.pack_store.load(reference)
        except BriefcaseError as error:
            self._say(str(error), severity="error", title="Cannot open the pack")
            return False
        self.pack_session = PackSession(self.pack_store, packfile)
        self.pack_section = None
        if packfile.had_comments:
            self._say(
                "This pack has # comments; saving drops them (the backup keeps them).",
                severity="warning",
            )
        self.packs_changed()
        return True

    def _may_leave_pack(self, doing: str = "") -> bool:
        """Finish saving the open pack first; False (with a notice, maybe the conflict dialog) when it cannot.

        Waits for a background save in flight, then writes what is left, so opening
        another pack, making one or quitting never drops a change.
        """
        from briefcase_tui.domain.packs.store import PackChangedOnDisk

        session = self.pack_session
        if session is None:
            return True
        try:
            session.save()
        except PackChangedOnDisk:
            self._say(
                f"Your last change to the open pack is not saved yet: choose what to do with it first{doing}.",
                severity="warning",
            )
            self.packs_changed()
            self.ask_about_conflict()
            return False
        except (BriefcaseError, OSError) as error:
            self._say(
                f"Your last change to the open pack is not saved: {error}{doing}", severity="error"
            )
            return False
        return True

    def edit_pack(self, edit: PackEdit, done: str = "", *, description: str = "") -> bool:
        """Apply an edit to the open pack at once and save it in the background; True when applied.

        A refused edit (`EditError`) is told in a notice and changes nothing. `description`
        names the edit in the undo and redo notices ("move “X” down"); `done` is said now.
        """
        session = self.pack_session
        if session is None:
            return False
        try:
            session.apply(edit, description or done.rstrip("."), save=False)
        except BriefcaseError as error:
            self._say(error.message if error.path is None else str(error), severity="warning")
            return False
        self.packs_changed()
        self._save_soon()
        if done:
            self._say(done)
        return True

    def _save_soon(self) -> None:
        """Start the background saver unless one is running (it will write this version too)."""
        session = self.pack_session
        if session is not None and session.unsaved and session.claim_saver():
            self._save_in_background(session)

    @work(thread=True, group="pack-save", exit_on_error=False)
    def _save_in_background(self, session: PackSession) -> None:
        """Write the latest version of the pack, as often as it changes meanwhile; report a refusal."""
        from briefcase_tui.domain.packs.store import PackChangedOnDisk

        try:
            session.save_latest()
        except PackChangedOnDisk:
            self.post_message(self.PackSaveRefused(session))
        except (BriefcaseError, OSError) as error:
            self.post_message(self.PackSaveFailed(session, str(error)))

    @on(PackSaveRefused)
    def _save_refused(self, message: PackSaveRefused) -> None:
        if message.session is self.pack_session:
            self.packs_changed()
            self.ask_about_conflict()

    @on(PackSaveFailed)
    def _save_failed(self, message: PackSaveFailed) -> None:
        if message.session is self.pack_session:
            self._say(
                f"Not saved: {message.problem}. Your change is kept in memory; the next change tries again.",
                severity="error",
            )

    def on_unmount(self) -> None:
        """The app is closing: write whatever is not on disk yet (a refused save stays refused)."""
        session = self.pack_session
        if session is not None:
            with suppress(BriefcaseError, OSError):
                session.save()

    async def action_quit(self) -> None:
        """Leave, once the open pack is saved; a change the file refused is asked about first."""
        if self._quit_despite_unsaved or self._may_leave_pack(
            doing=", or press q again to quit without it"
        ):
            self.exit()
            return
        self._quit_despite_unsaved = True

    def ask_about_conflict(self, *, pending: bool = True) -> None:
        """The file changed on disk: ask what to do (reload, copy, overwrite, cancel)."""
        from briefcase_tui.tui.dialogs.conflict import ConflictDialog

        session = self.pack_session
        if session is None or any(isinstance(s, ConflictDialog) for s in self.screen_stack):
            return
        self.push_screen(
            ConflictDialog(str(session.packfile.path), pending=pending), self._conflict_decided
        )

    def _conflict_decided(self, choice: ConflictChoice | None) -> None:
        session = self.pack_session
        if session is None:
            return
        try:
            if choice == "reload":
                session.reload()
                self._say("Reloaded from disk.")
            elif choice == "copy":
                copy = session.save_copy()
                self._say(f"Your version is saved as {copy.path.name}; you are now editing it.")
            elif choice == "overwrite":
                session.overwrite()
                self._say("Your version replaced the one on disk (the old one is the backup).")
            elif session.pending is not None:
                self._say(
                    "Your change is kept in memory, not saved. Undo drops it.", severity="warning"
                )
        except BriefcaseError as error:
            self._say(str(error), severity="error")
        if choice in ("reload", "copy", "overwrite"):
            self._quit_despite_unsaved = False
        self.packs_changed()

    def packs_changed(self) -> None:
        """Show the open pack's new state wherever it is on screen."""
        from briefcase_tui.tui.screens.browse import BrowseScreen
        from briefcase_tui.tui.screens.pack import PackScreen

        session = self.pack_session
        if (
            session is not None
            and self.pack_section is not None
            and self.pack_section >= len(session.current.sections)
        ):
            self.pack_section = None
        for screen in self.screen_stack:
            if isinstance(screen, (BrowseScreen, PackScreen)):
                screen.pack_changed()
        self.refresh_bindings()
        if session is not None:
            opened = str(session.packfile.path.resolve())
            if opened != self.settings.last_pack:  # type: ignore[attr-defined]
                self.remember(last_pack=opened)  # type: ignore[attr-defined]

    def add_to_pack(self, item_id: str) -> None:
        """Add an item to the current section of the open pack; with no pack open, choose one first."""
        if self.pack_session is None:
            self.action_open_pack(then=lambda: self.add_to_pack(item_id))
            return
        from briefcase_tui.domain.packs.edit import add_entries
        from briefcase_tui.domain.packs.models import Entry

        session = self.pack_session
        section = self.pack_section
        pack = session.current
        title = (
            self.corpus.get(item_id).title if self.corpus and self.corpus.get(item_id) else item_id
        )  # type: ignore[union-attr]
        where = (
            pack.sections[section].title
            if section is not None
            else (pack.sections[-1].title if pack.sections else "Briefing")
        )
        self.edit_pack(
            lambda p: add_entries(p, [Entry(item=item_id)], section=section),
            done=f"Added “{title}” to {pack.title} › {where}",
            description=f"add “{title}”",
        )

    def cannot_add(self, shown_id: str | None) -> None:
        """Say why `a` added nothing: no item shown, or a source (packs hold corpus items and notes)."""
        from briefcase_tui.domain.corpus.sections import SOURCE_PREFIX

        if shown_id is None:
            text = "Nothing to add: choose an item on the left first."
        elif shown_id.startswith(SOURCE_PREFIX):
            text = (
                "Sources cannot go in a pack: a pack holds corpus items and notes. "
                "Add an item that quotes this source (listed under it) instead."
            )
        else:
            text = f"Nothing to add: {shown_id} is not an item of the corpus."
        self._say(text, severity="warning")

    def action_open_pack(self, then: Callable[[], None] | None = None) -> None:
        """Choose a pack of the briefs folder to open (or make a new one); the open one is marked."""
        from briefcase_tui.tui.dialogs.open_pack import NEW_PACK, open_pack_dialog

        summaries, problems = self.pack_store.summaries()
        session = self.pack_session
        open_path = session.packfile.path if session is not None else None

        def chosen(choice: str | None) -> None:
            if choice == NEW_PACK:
                self.action_new_pack(then=then)
            elif choice and open_path is not None and Path(choice).resolve() == open_path.resolve():
                self._say(f"“{self.current_pack().title}” is already open.")  # type: ignore[union-attr]
                if then is not None:
                    then()
            elif choice and self.open_pack(Path(choice)) and then is not None:
                then()

        self.push_screen(
            open_pack_dialog(summaries, problems, str(self.pack_store.folder), open_path), chosen
        )

    def action_new_pack(self, then: Callable[[], None] | None = None) -> None:
        """Make a new pack, empty or from a template, and open it; a title already taken is refused."""
        from briefcase_tui.tui.dialogs.new_pack import NewPackDialog, template_choices

        def requested(request: NewPackRequest | None) -> None:
            if request is not None and self._create_pack(request) and then is not None:
                then()

        self.push_screen(
            NewPackDialog(template_choices(self.corpus), self._titles_taken()), requested
        )

    def _titles_taken(self) -> dict[str, str]:
        """The packs of the folder by folded title: two packs with one title could not be told apart."""
        from briefcase_tui.tui.dialogs.new_pack import title_key

        summaries, _ = self.pack_store.summaries()
        return {title_key(s.title): s.path.name for s in summaries}

    def _create_pack(self, request: NewPackRequest) -> bool:
        from briefcase_tui.domain.packs.models import Pack
        from briefcase_tui.domain.packs.session import PackSession
        from briefcase_tui.domain.packs.templates import load_templates
        from briefcase_tui.tui.dialogs.new_pack import duplicate_title, title_key

        if not self._may_leave_pack():
            return False
        taken = self._titles_taken().get(title_key(request.title))
        if taken is not None:
            self._say(
                duplicate_title(request.title, taken), severity="warning", title="Pack not made"
            )
            return False
        try:
            if request.template is None or self.corpus is None:
                pack = Pack(title=request.title)
            else:
                template = load_templates()[request.template]
                pack = template.instantiate(self.corpus, request.title, request.params)
            packfile = self.pack_store.create(pack)
        except (BriefcaseError, ValueError) as error:
            self._say(str(error), severity="error", title="Cannot make the pack")
            return False
        self.pack_session = PackSession(self.pack_store, packfile)
        self.pack_section = None
        self._say(f"Made {packfile.path}")
        self.packs_changed()
        return True

    def action_undo_pack(self) -> None:
        """Undo the last change to the open pack, naming it (saved in the background)."""
        self._step_pack(back=True)

    def action_redo_pack(self) -> None:
        """Redo the last change undone, naming it (saved in the background)."""
        self._step_pack(back=False)

    def _step_pack(self, *, back: bool) -> None:
        session = self.pack_session
        if session is None:
            return
        description = session.undo(save=False) if back else session.redo(save=False)
        if description is None:
            self._say(NOTHING_TO_UNDO if back else NOTHING_TO_REDO)
            return
        self.packs_changed()
        self._save_soon()
        self._say(f"{'Undid' if back else 'Redid'}: {description or 'the last change'}")

    def action_pack_screen(self) -> None:
        """Show the open pack (choosing one first if none is open); from the pack screen, go back."""
        from briefcase_tui.tui.screens.pack import PackScreen

        if isinstance(self.screen, PackScreen):
            self.pop_screen()
            return
        if self.pack_session is None:
            self.action_open_pack(then=self.action_pack_screen)
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(PackScreen())

    def action_export_pack(self) -> None:
        """Preview and export the open pack, as the user sees it; in the preview, write it.

        Never a second preview: from the preview (or the palette over it) this asks where
        to write, as `w` does; with a dialog over the preview it does nothing.
        """
        session = self.pack_session
        if session is None or self.corpus is None:
            return
        try:
            from briefcase_tui.tui.screens.export_preview import ExportPreviewScreen
        except ImportError:
            self._say(
                "The export preview is not part of this build yet; use `brief export`.",
                severity="warning",
            )
            return
        if isinstance(self.screen, ExportPreviewScreen):
            self.screen.action_write()
            return
        if any(isinstance(s, ExportPreviewScreen) for s in self.screen_stack):
            return  # the preview is open under a dialog: that dialog comes first
        self._save_soon()
        self.push_screen(
            ExportPreviewScreen(replace(session.packfile, pack=session.current), self.corpus)
        )

    def pack_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The pack actions for the command palette."""
        yield SystemCommand(
            "Open pack", "Open a briefing pack from the briefs folder", self.action_open_pack
        )
        yield SystemCommand(
            "New pack", "Make a briefing pack, empty or from a template", self.action_new_pack
        )
        yield SystemCommand("Pack screen", "Show and edit the open pack", self.action_pack_screen)
        session = self.pack_session
        if session is not None and session.can_undo:
            yield SystemCommand(
                "Undo pack change",
                f"Undo: {session.undo_description or 'the last change'}",
                self.action_undo_pack,
            )
        if session is not None and session.can_redo:
            yield SystemCommand(
                "Redo pack change",
                f"Redo: {session.redo_description or 'the last change'}",
                self.action_redo_pack,
            )
        if session is not None and self.corpus is not None:
            yield SystemCommand(
                "Export pack", "Preview and export the open pack", self.action_export_pack
            )
        shown = getattr(screen, "item_to_add", None)
        if callable(shown) and shown() is not None:
            yield SystemCommand(
                "Add to pack",
                "Add the item shown to the open pack",
                lambda: self.add_to_pack(shown()),
            )

    def current_pack(self) -> Pack | None:
        """The open pack as the user sees it (with any change not yet saved)."""
        return self.pack_session.current if self.pack_session is not None else None
