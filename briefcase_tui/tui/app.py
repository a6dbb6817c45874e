"""BriefcaseApp: holds the corpus, the index, the settings, the history and the pack controller.

One factory, `create_app`, builds it for the CLI, the Pilot tests and the snapshots. The
first screen is painted before any corpus work: the corpus (usually a cached pickle) loads
in a worker thread and arrives by message; then every screen on the stack is told
(`CorpusArrived`). The search index is read only when a search first asks for it
(`want_index`), in a worker too: until then the app holds no index at all.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme

from briefcase_tui.domain.corpus.kinds import SECTIONS
from briefcase_tui.domain.settings import Settings, load_settings, save_settings
from briefcase_tui.errors import BriefcaseError
from briefcase_tui.paths import bundled_themes_dir, config_file, corpus_dir, user_themes_dir
from briefcase_tui.tui import bench_hooks
from briefcase_tui.tui.commands import ItemsProvider
from briefcase_tui.tui.history import History
from briefcase_tui.tui.messages import CorpusArrived, PackChanged
from briefcase_tui.tui.notices import say
from briefcase_tui.tui.pack_controller import PackController
from briefcase_tui.tui.screens.browse import BrowseScreen
from briefcase_tui.tui.theming import (
    DEFAULT_THEME,
    FALLBACK_THEME,
    problems_message,
    register_themes,
)

if TYPE_CHECKING:
    from textual.command import Provider

    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.search import SearchIndex
    from briefcase_tui.domain.packs.store import PackFile
    from briefcase_tui.tui.commands import PaletteApp
    from briefcase_tui.tui.screens.browse import BrowseScreenApp
    from briefcase_tui.tui.screens.pack import PackScreenApp
    from briefcase_tui.tui.screens.search import SearchDialogApp

PACK_ACTIONS_NEEDING_A_PACK = frozenset({"undo_pack", "redo_pack", "export_pack"})


class BriefcaseApp(App[None]):
    """Browse the summit corpus; the state every screen reads lives here."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/browse.tcss"]
    """browse.tcss is read with the app's own: Textual never reads the CSS_PATH of a default
    screen, and a screen made for a mode re-parses every stylesheet twice (about 20 ms before
    the first paint)."""
    TITLE = "Briefcase"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = App.COMMANDS | {
        ItemsProvider
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+y",
            "redo_pack",
            "Redo",
            show=False,
            id="pack-redo",
            tooltip="Redo the last change undone in the open pack",
        ),
        Binding(
            "question_mark,f1", "help", "Keys", key_display="?", id="help", tooltip="List every key"
        ),
        Binding(
            "t",
            "next_theme",
            "Theme",
            id="next-theme",
            tooltip="Switch to the next theme (remembered)",
        ),
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave Briefcase"),
        Binding(
            "o",
            "open_pack",
            "Open pack",
            show=False,
            id="pack-open",
            tooltip="Open a briefing pack",
        ),
        Binding(
            "N",
            "new_pack",
            "New pack",
            show=False,
            id="pack-new",
            tooltip="Make a briefing pack, empty or from a template",
        ),
        Binding(
            "u,ctrl+z",
            "undo_pack",
            "Undo",
            key_display="u",
            id="pack-undo",
            tooltip="Undo the last change to the open pack",
        ),
        Binding(
            "e",
            "export_pack",
            "Export",
            id="pack-export",
            tooltip="Preview and export the open pack",
        ),
    ]

    @dataclass
    class CorpusLoaded(Message):
        """The corpus is validated and ready to browse."""

        corpus: Corpus
        index_loader: Callable[[], SearchIndex]
        """Reads (or builds) the corpus's search index, when a search first wants it."""

    @dataclass
    class IndexLoaded(Message):
        """The search index is ready."""

        index: SearchIndex

    @dataclass
    class IndexFailed(Message):
        """The search index could not be read or built; the message says why."""

        problem: str

    @dataclass
    class LoadFailed(Message):
        """The corpus could not be loaded; the message says where and why."""

        problem: str

    def __init__(
        self,
        corpus_folder: Path,
        *,
        settings_file: Path,
        theme_folders: list[Path],
        corpus: Corpus | None = None,
        briefs_folder: Path | None = None,
        pack: Path | PackFile | None = None,
    ) -> None:
        super().__init__()
        self.packs = PackController(self, briefs_folder, corpus=lambda: self.corpus)
        """The open pack, its store, undo and redo, and its saving."""
        self._keys_without_pack = True
        """Whether the keys were last offered with no pack open."""
        self._pack_asked_for = pack
        """The pack given on the command line: opened at start, on the pack screen."""
        self.corpus_folder = corpus_folder
        self.settings_file = settings_file
        self.corpus: Corpus | None = corpus
        self.index: SearchIndex | None = None
        """The search index, once a search has asked for it and it is read (`want_index`)."""
        self._index_loader: Callable[[], SearchIndex] | None = None
        """How to read the index, known once the corpus is in."""
        self._index_wanted = False
        """A search asked for the index: it is read as soon as the corpus is in."""
        self._index_settled = asyncio.Event()
        """Set once the index is in, or once the corpus failed (no index will come)."""
        self.history = History()
        self._startup_problems: list[str] = []
        self._settings_unreadable = False
        """The settings file did not load: never save over what the user is still fixing."""
        try:
            self.settings = load_settings(settings_file)
        except BriefcaseError as error:
            self.settings = Settings()
            self._startup_problems.append(f"Settings ignored: {error}")
            self._settings_unreadable = True
        self.theme_labels, theme_problems = register_themes(self, theme_folders)
        """Briefcase's own themes, name → human label, in the order `t` cycles through them."""
        if theme_problems:
            self._startup_problems.append(problems_message(theme_problems))
        wanted = self.settings.theme or DEFAULT_THEME
        if wanted not in self.available_themes:
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else FALLBACK_THEME
        self._start_with_theme(wanted)

    def _start_with_theme(self, name: str) -> None:
        """Take the theme as the app's first, before any CSS is read.

        Setting `theme` runs Textual's watcher, which throws away every parsed stylesheet
        and parses them all again once the app runs (about 8 ms before the first paint);
        before that there is nothing to redo: what the watcher does, less the re-parse.
        """
        self.set_reactive(App.theme, name)
        theme = self.current_theme
        self.update_classes(
            {f"-theme-{name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark},
            update=False,
        )
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def get_default_screen(self) -> Screen[Any]:
        """The browse screen, at the bottom of the stack for the whole session."""
        return BrowseScreen()

    @property
    def browse(self) -> BrowseScreen:
        """The base screen, whatever is stacked on it."""
        screen = self.screen_stack[0]
        assert isinstance(screen, BrowseScreen)
        return screen

    async def on_mount(self) -> None:
        """Apply key remaps, report problems once, open the pack asked for.

        A pack asked for is open on the pack screen from the first paint, and the corpus
        starts loading only once it shows (`on_ready`): the pack needs the corpus only for
        its titles, which fill in when it arrives.
        """
        if self.settings.keys:
            from briefcase_tui.domain.keys import usable_remaps

            self.set_keymap(usable_remaps(self.settings.keys))
            self.call_after_refresh(self._check_keymap)
        self.call_after_refresh(self._report_startup_problems)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        bench_hooks.exit_after_first_paint(self)
        if self._pack_asked_for is not None and self.packs.open(self._pack_asked_for):
            from briefcase_tui.tui.screens.pack import PackScreen

            await self.push_screen(PackScreen())
        self.call_after_refresh(self._open_first_pack)

    def on_ready(self) -> None:
        """The first frame is on the terminal: load the corpus once the first screen settles.

        Started at once, the loading thread would take the interpreter from the frames
        that finish the first screen (the tabs' underline, the footer): the corpus came
        about 35 ms sooner, but the first screen was complete 8 ms later. An app given its
        corpus has it on screen already (`BrowseScreen.on_mount`).
        """
        if self.corpus is None:
            self.call_after_refresh(self.load_corpus)
        else:
            self._corpus_in(partial(_index_of, self.corpus))

    def _open_first_pack(self) -> None:
        """With no pack given on the command line (see `on_mount`), the one open last time."""
        if self._pack_asked_for is not None:
            return
        last = self.settings.last_pack
        if last and Path(last).is_file():
            self.packs.open(Path(last))

    def _report_startup_problems(self) -> None:
        """One notice per problem found while starting, once the screen can draw toasts."""
        for problem in self._startup_problems:
            say(
                self,
                problem,
                title="Briefcase",
                severity="warning",
                timeout=10,
                topic=f"startup:{problem}",
            )

    def _check_keymap(self) -> None:
        """Name remapped ids no key has and keys that cannot work (after the first paint)."""
        from briefcase_tui.domain.keys import remap_problems
        from briefcase_tui.tui.keymap import unknown_binding_ids

        unknown = unknown_binding_ids(self.settings.keys)
        problems = [f"names no such key id: {', '.join(unknown)}"] if unknown else []
        problems += [f"{id_}: {why}" for id_, why in remap_problems(self.settings.keys).items()]
        if problems:
            say(
                self,
                f"{self.settings_file}: [keys] {'; '.join(problems)}. "
                "The keys screen (?) lists the ids.",
                title="Key remaps ignored",
                severity="warning",
                timeout=10,
                topic="keymap",
            )

    @work(thread=True, exclusive=True, group="corpus")
    def load_corpus(self) -> None:
        """Read the corpus (cached when possible); its index is read when a search wants it."""
        try:
            from briefcase_tui.domain.corpus.cache import load_indexed_corpus

            corpus, index_loader = load_indexed_corpus(self.corpus_folder)
            for _ in corpus:  # read every stored item here, not on the UI thread as screens walk
                pass
            self.post_message(self.CorpusLoaded(corpus, index_loader))
        except BriefcaseError as error:
            self.post_message(self.LoadFailed(str(error)))

    @on(CorpusLoaded)
    async def _corpus_loaded(self, message: CorpusLoaded) -> None:
        if not self.is_running:  # closing already: its screens are being taken down
            return
        self.corpus = message.corpus
        await self.browse.show_corpus(message.corpus)
        for screen in self.screen_stack:
            screen.post_message(CorpusArrived())
        self.refresh_bindings()
        self._corpus_in(message.index_loader)

    def _corpus_in(self, index_loader: Callable[[], SearchIndex]) -> None:
        """The corpus is on screen: collect garbage again, and read the index if asked for."""
        self._index_loader = index_loader
        _collect_again()
        bench_hooks.exit_when_ready(self)
        if bench_hooks.wants_search_ready():
            self.want_index()
        if self._index_wanted:
            self.load_index(index_loader)

    def want_index(self) -> None:
        """A search needs the index: read it in a worker (once), now or when the corpus is in.

        Most sessions browse and never search; the index (about 2 MiB on the bundled
        corpus, and its modules) is not read for them. At the bundled size it is read in a
        few milliseconds, before the first keystroke of the first search.
        """
        if self._index_wanted:
            return
        self._index_wanted = True
        if self._index_loader is not None:
            self.load_index(self._index_loader)

    async def wait_for_index(self) -> SearchIndex | None:
        """The index, read first if need be; None when the corpus failed to load."""
        self.want_index()
        await self._index_settled.wait()
        return self.index

    @work(thread=True, exclusive=True, group="index")
    def load_index(self, index_loader: Callable[[], SearchIndex]) -> None:
        """Read (or build) the search index off the UI thread."""
        try:
            self.post_message(self.IndexLoaded(index_loader()))
        except (BriefcaseError, OSError) as error:
            self.post_message(self.IndexFailed(str(error)))

    @on(IndexLoaded)
    def _index_loaded(self, message: IndexLoaded) -> None:
        from briefcase_tui.tui.screens.search import SearchDialog

        self.index = message.index
        self._index_settled.set()
        if bench_hooks.wants_search_ready():
            self._mark_search_ready()
        if isinstance(self.screen, SearchDialog):
            self.screen.refresh_results()

    def _mark_search_ready(self) -> None:
        """For the benchmark: mark once the agenda's filters are in too (a frame after)."""
        from briefcase_tui.tui.widgets.agenda_view import AgendaView

        if self.browse.query_one(AgendaView).filters_ready:
            bench_hooks.exit_when_search_ready(self)
        else:
            self.set_timer(0.01, self._mark_search_ready)

    @on(IndexFailed)
    def _index_failed(self, message: IndexFailed) -> None:
        self._index_settled.set()
        say(self, message.problem, title="Cannot search", severity="error", topic="index")

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self._index_settled.set()
        _collect_again()
        if not self.is_running:
            return
        self.browse.show_load_problem(message.problem)
        say(self, message.problem, title="Cannot load the corpus", severity="error", topic="corpus")

    @on(PackChanged)
    def _pack_changed(self) -> None:
        """Offer the keys that apply now; the pack open now is the one to reopen next time.

        The keys change only as a pack opens (`check_action`): refreshing them redraws the
        footer, which on every key of the pack screen cost more than the key itself.
        """
        session = self.packs.session
        if (session is None) != self._keys_without_pack:
            self._keys_without_pack = session is None
            self.refresh_bindings()
        if session is not None:
            opened = str(session.packfile.path.resolve())
            if opened != self.settings.last_pack:
                self.remember(last_pack=opened)

    def on_unmount(self) -> None:
        """The app is closing: write whatever of the open pack is not on disk yet."""
        self.packs.save_before_exit()

    async def action_quit(self) -> None:
        """Leave, once the open pack is saved; a change the file refused is asked about first."""
        if self.packs.may_quit():
            self.exit()

    def _remember_theme(self, theme: Theme) -> None:
        """Save the chosen theme so the next run opens with it."""
        if theme.name != self.settings.theme:
            self.remember(theme=theme.name)

    def remember(self, **changes: object) -> None:
        """Change settings and save them at once (atomically); a failure is one warning, no more."""
        self.settings = self.settings.with_changes(**changes)
        if self._settings_unreadable:
            say(
                self,
                f"Settings kept for this session only: {self.settings_file} has a problem "
                "(see above); fix it and Briefcase saves there again.",
                severity="warning",
                topic="settings",
            )
            return
        try:
            save_settings(self.settings, self.settings_file)
        except (BriefcaseError, OSError) as error:
            say(self, f"Settings not saved: {error}", severity="warning", topic="settings")

    def open_item(self, item_id: str) -> None:
        """Open an item on the browse screen, from anywhere (palette, search)."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.browse.open_item(item_id)

    def action_search(self) -> None:
        """Open the search dialog; a chosen result opens on the browse screen."""
        from briefcase_tui.tui.screens.search import SearchDialog

        if isinstance(self.screen, SearchDialog):
            return

        def opened(item_id: str | None) -> None:
            if item_id:
                self.browse.open_item(item_id)

        self.push_screen(SearchDialog(), opened)

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from briefcase_tui.tui.screens.help import HelpScreen, binding_rows

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(binding_rows(self)))

    @property
    def theme_names(self) -> list[str]:
        """Briefcase's own themes, in the order `t` cycles through them."""
        return list(self.theme_labels)

    def action_next_theme(self) -> None:
        """Cycle through Briefcase's themes."""
        names = self.theme_names or [FALLBACK_THEME]
        position = names.index(self.theme) if self.theme in names else -1
        self.use_theme(names[(position + 1) % len(names)])

    def use_theme(self, name: str) -> None:
        """Switch theme (saved by `_remember_theme`) and say so by the theme's human name."""
        self.theme = name
        say(self, f"Theme: {self.theme_labels.get(name, name)}", timeout=2, topic="theme")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action in the palette; Textual's own are left out.

        Textual's list has its own "Keys" (a help panel, beside our keys screen) and a
        "Theme" picker of every Textual theme; Briefcase offers its own themes only (the
        palette's item provider lists one entry per theme), plus Quit.
        """
        yield SystemCommand("Search", "Search the whole corpus", self.action_search)
        yield SystemCommand("Keys", "List every key and its id", self.action_help)
        yield SystemCommand(
            "Next theme", "Switch to the next Briefcase theme", self.action_next_theme
        )
        yield SystemCommand("Quit", "Leave Briefcase", self.action_quit)
        for section, title in SECTIONS:
            yield SystemCommand(
                f"Section: {title}",
                f"Show the {title} section",
                lambda s=section: self.browse.action_section(s),
            )
        if self.history.can_go_back:
            yield SystemCommand("Back", "Go back to the item shown before", self.browse.action_back)
        if self.history.can_go_forward:
            yield SystemCommand("Forward", "Go forward again", self.browse.action_forward)
        yield from self._pack_commands(screen)

    def _pack_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The pack actions for the command palette."""
        yield SystemCommand(
            "Open pack", "Open a briefing pack from the briefs folder", self.action_open_pack
        )
        yield SystemCommand(
            "New pack", "Make a briefing pack, empty or from a template", self.action_new_pack
        )
        yield SystemCommand("Pack screen", "Show and edit the open pack", self.action_pack_screen)
        session = self.packs.session
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
        if isinstance(screen, BrowseScreen) and (item_id := screen.item_to_add()) is not None:
            yield SystemCommand(
                "Add to pack",
                "Add the item shown to the open pack",
                lambda: self.packs.add(item_id),
            )

    def action_open_pack(self) -> None:
        """Choose a pack of the briefs folder to open, or make a new one."""
        self.packs.choose()

    def action_new_pack(self) -> None:
        """Make a new pack, empty or from a template, and open it."""
        self.packs.new()

    def action_undo_pack(self) -> None:
        """Undo the last change to the open pack, naming it."""
        self.packs.undo()

    def action_redo_pack(self) -> None:
        """Redo the last change undone, naming it."""
        self.packs.redo()

    def action_pack_screen(self) -> None:
        """Show the open pack (choosing one first if none is open); on the pack screen, go back."""
        from briefcase_tui.tui.screens.pack import PackScreen

        if isinstance(self.screen, PackScreen):
            self.pop_screen()
            return
        if self.packs.session is None:
            self.packs.choose(then=self.action_pack_screen)
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(PackScreen())

    def action_export_pack(self) -> None:
        """Preview and export the open pack, as the user sees it; in the preview, write it.

        Never a second preview: from the preview (or the palette over it) this asks where
        to write, as `w` does; with a dialog over the preview it does nothing.
        """
        from briefcase_tui.tui.screens.export_preview import ExportPreviewScreen

        packfile = self.packs.current_packfile()
        if packfile is None or self.corpus is None:
            return
        if isinstance(self.screen, ExportPreviewScreen):
            self.screen.action_write()
            return
        if any(isinstance(s, ExportPreviewScreen) for s in self.screen_stack):
            return  # the preview is open under a dialog: that dialog comes first
        conflicts = packfile.pack.conflict_count()
        if conflicts:
            self.packs.tell(
                f"Not exported: {conflicts} merge conflict{'s' if conflicts != 1 else ''} "
                "to settle first (p, then c): a brief must say one thing, not two.",
                severity="warning",
            )
            return
        self.packs.save_soon()
        self.push_screen(ExportPreviewScreen(packfile, self.corpus))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Pack keys that need an open pack are hidden without one.

        (Undo and redo with nothing to do are offered, and say so.)
        """
        if action in PACK_ACTIONS_NEEDING_A_PACK:
            if self.packs.session is None:
                return False
        return True


def _index_of(corpus: Corpus) -> SearchIndex:
    """The search index of a corpus the app was given (nothing cached to read it from)."""
    from briefcase_tui.domain.corpus.search import SearchIndex

    return SearchIndex(corpus)


def _collect_again() -> None:
    """Once the corpus is in (or failed to load), turn the garbage collector back on if
    `brief` started with it off (cli/launch.py).

    What start-up made is frozen first (`gc.freeze`): it lives as long as the app, and
    the collector then never walks it again.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


if TYPE_CHECKING:

    def _serves_every_screen(
        app: BriefcaseApp,
    ) -> tuple[BrowseScreenApp, PackScreenApp, SearchDialogApp, PaletteApp]:
        """mypy checks here that the app has what each screen and the palette expect of it."""
        return app, app, app, app


def create_app(
    corpus_folder: Path | None = None,
    *,
    settings_file: Path | None = None,
    theme_folders: list[Path] | None = None,
    corpus: Corpus | None = None,
    briefs_folder: Path | None = None,
    pack: Path | PackFile | None = None,
) -> BriefcaseApp:
    """The one way to build the app: for the CLI, the Pilot tests and the snapshots."""
    return BriefcaseApp(
        corpus_dir(corpus_folder),
        settings_file=settings_file or config_file(),
        theme_folders=theme_folders
        if theme_folders is not None
        else [bundled_themes_dir(), user_themes_dir()],
        corpus=corpus,
        briefs_folder=briefs_folder,
        pack=pack,
    )
