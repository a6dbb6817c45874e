"""PackController: the open pack, the store it comes from, undo and redo, and saving it.

A plain object the app holds as `app.packs`; it holds no widgets. Every change goes
through the domain's `PackSession.apply`, in memory and at once, so a burst of keys never
waits for the disk; one background saver at a time then writes the latest version through
the store's atomic save. A save refused because the file changed on disk opens the
conflict dialog; the change waits in the session until the user chooses. Opening another
pack, making one, quitting and exporting first finish the save, and `save_before_exit`
writes whatever is left as the app closes.

After every change it posts `PackChanged` to the app and to the screens the user can see
(the top one and those a dialog leaves in view); a screen hidden under another is told
when it is shown again, so a key on the pack screen never redraws what nobody sees. What it
has to tell the user it says in a notice.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from briefcase_tui.errors import BriefcaseError
from briefcase_tui.paths import briefs_dir
from briefcase_tui.tui.messages import PackChanged
from briefcase_tui.tui.notices import Severity, say

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.timer import Timer

    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.models import Pack
    from briefcase_tui.domain.packs.session import PackEdit, PackSession
    from briefcase_tui.domain.packs.store import PackFile, PackStore
    from briefcase_tui.tui.dialogs.conflict import ConflictChoice
    from briefcase_tui.tui.dialogs.new_pack import NewPackRequest

NOTHING_TO_UNDO = "Nothing to undo: no changes since the pack was opened."
NOTHING_TO_REDO = "Nothing to redo: there is no undone change to bring back."
INTO = "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
"""Leads from a pack's title to its section's in the notice of an item added."""
SAVE_GROUP = "pack-save"
"""The worker group of the background saver (one at a time)."""
SAVE_AFTER = 0.1
"""Seconds without a change before the background saver writes the pack."""


class PackController:
    """The app's packs: nothing here reads the briefs folder until a pack is asked for."""

    def __init__(
        self,
        app: App[Any],
        briefs_folder: Path | None,
        corpus: Callable[[], Corpus | None],
    ) -> None:
        self._app = app
        """For notices, dialogs, the saver's thread and `PackChanged`; never its widgets."""
        self._briefs_folder = briefs_folder
        self._corpus = corpus
        """The corpus, once loaded: for the titles notices name and for templates."""
        self._store: PackStore | None = None
        self.session: PackSession | None = None
        """The open pack, if any."""
        self.section: int | None = None
        """The section `a` adds to: the one last used in the pack screen; None means the last."""
        self._quit_despite_unsaved = False
        """Set once the user was told a change is not saved; a second quit then goes anyway."""
        self._save_timer: Timer | None = None
        """The save waiting for the keys to pause, if any."""
        self._owed: WeakSet[Screen[Any]] = WeakSet()
        """Screens hidden when the pack changed: told when they are shown again."""
        self._watching_screens = False

    @property
    def store(self) -> PackStore:
        """The packs in the briefs folder (`--briefs`, BRIEF_DIR, ./briefs, the data folder)."""
        if self._store is None:
            from briefcase_tui.domain.packs.store import PackStore

            self._store = PackStore(briefs_dir(self._briefs_folder))
        return self._store

    @property
    def current(self) -> Pack | None:
        """The open pack as the user sees it (with any change not yet saved)."""
        return self.session.current if self.session is not None else None

    def current_packfile(self) -> PackFile | None:
        """The open pack's file holding the pack as the user sees it (what an export shows)."""
        session = self.session
        return replace(session.packfile, pack=session.current) if session is not None else None

    def tell(self, text: str, *, severity: Severity = "information", title: str = "") -> None:
        """A notice about packs; the next one of the same severity takes its place."""
        say(self._app, text, title=title, severity=severity, topic=f"pack:{severity}")

    def _changed(self) -> None:
        """Keep the section `a` adds to inside the pack; tell the screens and the app."""
        pack = self.current
        if pack is not None and self.section is not None and self.section >= len(pack.sections):
            self.section = None
        in_view = True
        for screen in reversed(self._app.screen_stack):
            if in_view:
                screen.post_message(PackChanged())
                self._owed.discard(screen)
                in_view = screen.is_modal  # a dialog leaves the screen under it in view
            else:
                self._owed.add(screen)
        self._app.post_message(PackChanged())
        if self._owed and not self._watching_screens:
            self._app.screen_change_signal.subscribe(self._app, self._shown)
            self._watching_screens = True

    def _shown(self, screen: Screen[Any]) -> None:
        """A screen came back on top: tell it (and those it leaves in view) the news it missed."""
        for below in reversed(self._app.screen_stack):
            if below in self._owed:
                self._owed.discard(below)
                below.post_message(PackChanged())
            if not below.is_modal:
                break

    def open(self, reference: str | Path | PackFile) -> bool:
        """Load a pack (or take one read already) and make it the open one; False (and a
        notice) when it does not load."""
        from briefcase_tui.domain.packs.session import PackSession
        from briefcase_tui.domain.packs.store import PackFile

        if not self.may_leave():
            return False
        try:
            packfile = reference if isinstance(reference, PackFile) else self.store.load(reference)
        except BriefcaseError as error:
            self.tell(str(error), severity="error", title="Cannot open the pack")
            return False
        self.session = PackSession(self.store, packfile)
        self.section = None
        if packfile.had_comments:
            self.tell(
                "This pack has # comments; saving drops them (the backup keeps them).",
                severity="warning",
            )
        self._changed()
        return True

    def may_leave(self, doing: str = "") -> bool:
        """Finish saving the open pack first; False (with a notice, maybe the conflict dialog) when
        it cannot.

        Waits for a background save in flight, then writes what is left, so opening
        another pack, making one or quitting never drops a change.
        """
        from briefcase_tui.domain.packs.store import PackChangedOnDisk

        session = self.session
        if session is None:
            return True
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        try:
            session.save()
        except PackChangedOnDisk:
            self.tell(
                "Your last change to the open pack is not saved yet: "
                f"choose what to do with it first{doing}.",
                severity="warning",
            )
            self._changed()
            self.ask_about_conflict()
            return False
        except (BriefcaseError, OSError) as error:
            self.tell(
                f"Your last change to the open pack is not saved: {error}{doing}", severity="error"
            )
            return False
        return True

    def may_quit(self) -> bool:
        """Whether the app may close: the pack is saved, or the user was told and quits again."""
        if self._quit_despite_unsaved or self.may_leave(
            doing=", or press q again to quit without it"
        ):
            return True
        self._quit_despite_unsaved = True
        return False

    def edit(self, edit: PackEdit, done: str = "", *, description: str = "") -> bool:
        """Apply an edit to the open pack at once and save it in the background; True when applied.

        A refused edit (`EditError`) is told in a notice and changes nothing. `description`
        names the edit in the undo and redo notices ("move “X” down"); `done` is said now.
        """
        session = self.session
        if session is None:
            return False
        try:
            session.apply(edit, description or done.rstrip("."), save=False)
        except BriefcaseError as error:
            self.tell(error.message if error.path is None else str(error), severity="warning")
            return False
        self._changed()
        self.save_soon()
        if done:
            self.tell(done)
        return True

    def undo(self) -> None:
        """Undo the last change to the open pack, naming it (saved in the background)."""
        self._step(back=True)

    def redo(self) -> None:
        """Redo the last change undone, naming it (saved in the background)."""
        self._step(back=False)

    def _step(self, *, back: bool) -> None:
        session = self.session
        if session is None:
            return
        description = session.undo(save=False) if back else session.redo(save=False)
        if description is None:
            self.tell(NOTHING_TO_UNDO if back else NOTHING_TO_REDO)
            return
        self._changed()
        self.save_soon()
        self.tell(f"{'Undid' if back else 'Redid'}: {description or 'the last change'}")

    def save_soon(self) -> None:
        """Save in the background once the keys pause for SAVE_AFTER seconds.

        A key is drawn first and written after: a save of a big pack takes longer than a
        frame (90 ms at 10,000 entries) and, started at once, would share the interpreter
        with the drawing of the key that asked for it. Keys pressed meanwhile push the save
        back, so a burst costs one write. Leaving the pack or the app writes at once.
        """
        session = self.session
        if session is None or not session.unsaved:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self._app.set_timer(SAVE_AFTER, self._start_saver, name="save-pack")

    @property
    def save_waiting(self) -> bool:
        """Whether a save is due (SAVE_AFTER has not passed yet) or being written."""
        return self._save_timer is not None or any(
            worker.group == SAVE_GROUP and not worker.is_finished for worker in self._app.workers
        )

    def _start_saver(self) -> None:
        """Start the background saver unless one is running (it will write this version too)."""
        self._save_timer = None
        session = self.session
        if session is not None and session.unsaved and session.claim_saver():
            self._app.run_worker(
                partial(self._save_latest, session),
                name="save-pack",
                group=SAVE_GROUP,
                thread=True,
                exit_on_error=False,
            )

    def _save_latest(self, session: PackSession) -> None:
        """In the saver's thread: write the latest version, as often as it changes meanwhile.

        A refusal or a failure is handed back to the app's thread (`call_later` is safe from
        another thread) to be told there.
        """
        from briefcase_tui.domain.packs.store import PackChangedOnDisk

        try:
            session.save_latest()
        except PackChangedOnDisk:
            self._app.call_later(self._save_refused, session)
        except (BriefcaseError, OSError) as error:
            self._app.call_later(self._save_failed, session, str(error))

    def _save_refused(self, session: PackSession) -> None:
        if session is self.session:
            self._changed()
            self.ask_about_conflict()

    def _save_failed(self, session: PackSession, problem: str) -> None:
        if session is self.session:
            self.tell(
                f"Not saved: {problem}. "
                "Your change is kept in memory; the next change tries again.",
                severity="error",
            )

    def save_before_exit(self) -> None:
        """The app is closing: write whatever is not on disk yet (a refused save stays refused)."""
        session = self.session
        if session is not None:
            with suppress(BriefcaseError, OSError):
                session.save()

    def ask_about_conflict(self, *, pending: bool = True) -> None:
        """The file changed on disk: ask what to do (reload, copy, overwrite, cancel)."""
        from briefcase_tui.tui.dialogs.conflict import ConflictDialog

        session = self.session
        if session is None or any(isinstance(s, ConflictDialog) for s in self._app.screen_stack):
            return
        self._app.push_screen(
            ConflictDialog(str(session.packfile.path), pending=pending), self._conflict_decided
        )

    def _conflict_decided(self, choice: ConflictChoice | None) -> None:
        session = self.session
        if session is None:
            return
        try:
            if choice == "reload":
                session.reload()
                self.tell("Reloaded from disk.")
            elif choice == "copy":
                copy = session.save_copy()
                self.tell(f"Your version is saved as {copy.path.name}; you are now editing it.")
            elif choice == "overwrite":
                session.overwrite()
                self.tell("Your version replaced the one on disk (the old one is the backup).")
            elif session.pending is not None:
                self.tell(
                    "Your change is kept in memory, not saved. Undo drops it.", severity="warning"
                )
        except BriefcaseError as error:
            self.tell(str(error), severity="error")
        if choice in ("reload", "copy", "overwrite"):
            self._quit_despite_unsaved = False
        self._changed()

    def add(self, item_id: str) -> None:
        """Add an item to the section `a` adds to; with no pack open, choose one first."""
        session = self.session
        if session is None:
            self.choose(then=lambda: self.add(item_id))
            return
        from briefcase_tui.domain.packs.edit import add_entries
        from briefcase_tui.domain.packs.models import Entry

        section = self.section
        pack = session.current
        corpus = self._corpus()
        item = corpus.get(item_id) if corpus is not None else None
        title = item.title if item is not None else item_id
        where = (
            pack.sections[section].title
            if section is not None
            else (pack.sections[-1].title if pack.sections else "Briefing")
        )

        def added(p: Pack) -> Pack:
            grown = add_entries(p, [Entry(item=item_id)], section=section)
            if corpus is None:
                return grown
            from briefcase_tui.domain.packs.review import stamp

            place = grown.locate(item_id)
            return stamp(grown, corpus, [place] if place is not None else [])

        self.edit(
            added,
            done=f"Added “{title}” to {pack.title} {INTO} {where}",
            description=f"add “{title}”",
        )

    def cannot_add(self, shown_id: str | None) -> None:
        """Say why `a` added nothing: no item shown, or a source (packs hold items and notes)."""
        from briefcase_tui.domain.corpus.kinds import SOURCE_PREFIX

        if shown_id is None:
            text = "Nothing to add: choose an item on the left first."
        elif shown_id.startswith(SOURCE_PREFIX):
            text = (
                "Sources cannot go in a pack: a pack holds corpus items and notes. "
                "Add an item that quotes this source (listed under it) instead."
            )
        else:
            text = f"Nothing to add: {shown_id} is not an item of the corpus."
        self.tell(text, severity="warning")

    def choose(self, then: Callable[[], None] | None = None) -> None:
        """Ask which pack of the briefs folder to open (or to make a new one); `then` follows."""
        from briefcase_tui.tui.dialogs.open_pack import NEW_PACK, open_pack_dialog

        summaries, problems = self.store.summaries()
        session = self.session
        open_path = session.packfile.path if session is not None else None

        def chosen(choice: str | None) -> None:
            if choice == NEW_PACK:
                self.new(then=then)
            elif (
                choice
                and session is not None
                and open_path is not None
                and Path(choice).resolve() == open_path.resolve()
            ):
                self.tell(f"“{session.current.title}” is already open.")
                if then is not None:
                    then()
            elif choice and self.open(Path(choice)) and then is not None:
                then()

        self._app.push_screen(
            open_pack_dialog(summaries, problems, str(self.store.folder), open_path), chosen
        )

    def new(self, then: Callable[[], None] | None = None) -> None:
        """Ask for a new pack, empty or from a template, and open it; a title taken is refused."""
        from briefcase_tui.tui.dialogs.new_pack import NewPackDialog, template_choices

        def requested(request: NewPackRequest | None) -> None:
            if request is not None and self._create(request) and then is not None:
                then()

        self._app.push_screen(
            NewPackDialog(template_choices(self._corpus()), self._titles_taken()), requested
        )

    def _titles_taken(self) -> dict[str, str]:
        """The folder's packs by folded title: two packs of one title could not be told apart."""
        from briefcase_tui.tui.dialogs.new_pack import title_key

        summaries, _ = self.store.summaries()
        return {title_key(s.title): s.path.name for s in summaries}

    def _create(self, request: NewPackRequest) -> bool:
        from briefcase_tui.domain.packs.models import Pack
        from briefcase_tui.domain.packs.session import PackSession
        from briefcase_tui.domain.packs.templates import load_templates
        from briefcase_tui.tui.dialogs.new_pack import duplicate_title, title_key

        if not self.may_leave():
            return False
        taken = self._titles_taken().get(title_key(request.title))
        if taken is not None:
            self.tell(
                duplicate_title(request.title, taken), severity="warning", title="Pack not made"
            )
            return False
        corpus = self._corpus()
        try:
            if request.template is None or corpus is None:
                pack = Pack(title=request.title)
            else:
                template = load_templates()[request.template]
                from briefcase_tui.domain.packs.review import stamp

                pack = stamp(template.instantiate(corpus, request.title, request.params), corpus)
            packfile = self.store.create(pack)
        except (BriefcaseError, ValueError) as error:
            self.tell(str(error), severity="error", title="Cannot make the pack")
            return False
        self.session = PackSession(self.store, packfile)
        self.section = None
        self.tell(f"Made {packfile.path}")
        self._changed()
        return True
