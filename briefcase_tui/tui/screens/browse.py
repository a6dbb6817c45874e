"""The main screen: sections on the left, the chosen item on the right, history and search keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, OptionList, Select, Static, Tab, Tabs, Tree

from briefcase_tui.domain.corpus.kinds import SECTION_OF_KIND, SECTIONS, SOURCE_PREFIX, SectionId
from briefcase_tui.tui.messages import PackChanged
from briefcase_tui.tui.widgets.agenda_view import AgendaView
from briefcase_tui.tui.widgets.item_view import ItemView
from briefcase_tui.tui.widgets.quiet_footer import QuietFooter
from briefcase_tui.tui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.tui.history import History
    from briefcase_tui.tui.pack_controller import PackController

HISTORY_KEYS = Binding.Group("Back/Forward", compact=True)
"""When both apply, the footer shows `[]` once with one description: it must fit 80 columns."""

FILTER_ACTIONS = {"filter_day", "filter_venue", "filter_tag", "clear_filters"}
"""Actions that only apply to the programme's agenda."""


class BrowseScreenApp(Protocol):
    """What the browse screen needs of the app."""

    @property
    def corpus(self) -> Corpus | None:
        """The corpus, once loaded."""

    @property
    def history(self) -> History:
        """The items opened, for back and forward."""

    @property
    def packs(self) -> PackController:
        """The open pack, for `a` and the status line."""

    def action_search(self) -> None:
        """Open the search dialog."""

    def action_pack_screen(self) -> None:
        """Show the open pack."""


class BrowseScreen(Screen[None]):
    """Browse the corpus by section; the detail pane follows the cursor and the links."""

    CSS_PATH = "browse.tcss"
    AUTO_FOCUS = "#tree-programme"
    """The programme's tree has the focus from the start: given first to the tabs (the first
    focusable widget), it moved on at once, restyling every tab twice before the first paint."""
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(number),
                f"section('{section}')",
                title,
                show=False,
                id=f"section-{section}",
                tooltip=f"Show the {title} section",
            )
            for number, (section, title) in enumerate(SECTIONS, start=1)
        ),
        Binding("slash", "search", "Search", id="search", tooltip="Search the whole corpus"),
        Binding(
            "left_square_bracket,alt+left",
            "back",
            "Back",
            key_display="[",
            id="back",
            tooltip="Go back to the item shown before",
            group=HISTORY_KEYS,
        ),
        Binding(
            "right_square_bracket,alt+right",
            "forward",
            "Forward",
            key_display="]",
            id="forward",
            tooltip="Go forward again after going back",
            group=HISTORY_KEYS,
        ),
        # The app's `t`, kept out of this footer so every key that applies fits 80 columns.
        Binding(
            "t",
            "app.next_theme",
            "Theme",
            show=False,
            id="next-theme",
            tooltip="Switch to the next theme (remembered)",
        ),
        Binding(
            "d",
            "filter_day",
            "Day",
            show=False,
            id="agenda-filter-day",
            tooltip="Filter the agenda by day",
        ),
        Binding(
            "v",
            "filter_venue",
            "Venue",
            show=False,
            id="agenda-filter-venue",
            tooltip="Filter the agenda by venue",
        ),
        Binding(
            "g",
            "filter_tag",
            "Tag",
            show=False,
            id="agenda-filter-tag",
            tooltip="Filter the agenda by tag",
        ),
        Binding(
            "x",
            "clear_filters",
            "Clear filters",
            show=False,
            id="agenda-clear-filters",
            tooltip="Show the whole programme again",
        ),
        Binding(
            "a",
            "add_to_pack",
            "Add",
            id="pack-add",
            tooltip="Add the item shown to the open pack's current section",
        ),
        Binding(
            "p", "pack_screen", "Pack", id="pack-screen", tooltip="Show and edit the open pack"
        ),
    ]

    def __init__(self) -> None:
        super().__init__(id="browse")
        self._last_from_tree = False

    @property
    def briefcase(self) -> BrowseScreenApp:
        """The app, as this screen sees it."""
        return cast("BrowseScreenApp", self.app)

    def compose(self) -> ComposeResult:
        yield Tabs(
            *(Tab(Content(title), id=f"tab-{section}") for section, title in SECTIONS),
            id="sections",
        )
        with Horizontal(id="panes"):
            with ContentSwitcher(initial="pane-programme", id="section-panes"):
                yield AgendaView(id="pane-programme")  # the other sections mount when first shown
            yield ItemView(id="item-view")
        yield Static(Content("Loading the corpus…"), id="status", markup=False)
        yield QuietFooter(id="keys")

    async def on_mount(self) -> None:
        """Start on the programme's tree; the corpus arrives later from a worker."""
        self.query_one("#tree-programme", SectionTree).focus()
        if self.briefcase.corpus is not None:
            await self.show_corpus(self.briefcase.corpus)

    async def show_corpus(self, corpus: Corpus) -> None:
        """Fill the programme once the corpus is loaded; the other sections wait to be shown.

        A section's tree is made the first time it is shown or an item in it is revealed
        (`_tree_of`): building all seven held the corpus off the screen for longer than
        the programme took.
        """
        self.query_one(AgendaView).set_corpus(corpus)
        wanted = cast(SectionId, self.query_one("#sections", Tabs).active.removeprefix("tab-"))
        if wanted != "programme":
            self._show_section(wanted)
        self._show_status()

    def show_load_problem(self, problem: str) -> None:
        """Say in the status line why the corpus did not load."""
        self.query_one("#status", Static).update(Content(f"Cannot load the corpus: {problem}"))

    @on(PackChanged)
    def _show_status(self) -> None:
        """The status line: the open pack (title and entries), the corpus, the help key."""
        corpus = self.briefcase.corpus
        pack = self.briefcase.packs.current
        if pack is not None:
            count = pack.entry_count()
            parts = [
                f"Pack: {pack.title}",
                f"{count} entr{'y' if count == 1 else 'ies'}",
                "p edits it",
            ]
        elif corpus is not None:
            parts = [corpus.info.title, f"{len(corpus)} items"]
        else:
            parts = ["Loading the corpus…"]
        parts.append("? for keys")
        self.query_one("#status", Static).update(Content(" · ".join(parts)))
        self.refresh_bindings()

    def item_to_add(self) -> str | None:
        """The item `a` would add: the one shown in the detail pane (sources are not pack items)."""
        shown = self.query_one(ItemView).shown_id
        if shown is None or shown.startswith(SOURCE_PREFIX) or self.briefcase.corpus is None:
            return None
        return shown if self.briefcase.corpus.get(shown) is not None else None

    def action_add_to_pack(self) -> None:
        """Add the item shown to the open pack (choosing a pack first if none is open), or say why
        not."""
        item_id = self.item_to_add()
        if item_id is None:
            self.briefcase.packs.cannot_add(self.query_one(ItemView).shown_id)
        else:
            self.briefcase.packs.add(item_id)

    def action_pack_screen(self) -> None:
        """Show the open pack."""
        self.briefcase.action_pack_screen()

    @property
    def section(self) -> SectionId:
        """The section on show."""
        current = self.query_one("#section-panes", ContentSwitcher).current or "pane-programme"
        return cast(SectionId, current.removeprefix("pane-"))

    def _show_section(self, section: SectionId) -> None:
        """Show a section's pane, its tree made first if it is not yet."""
        self._tree_of(section)
        self.query_one("#section-panes", ContentSwitcher).current = f"pane-{section}"

    def _tree_of(self, section: SectionId) -> SectionTree:
        """A section's tree, made and filled from the corpus the first time it is asked for."""
        if section == "programme":
            return self.query_one("#tree-programme", SectionTree)
        switcher = self.query_one("#section-panes", ContentSwitcher)
        made = next((pane for pane in switcher.children if pane.id == f"pane-{section}"), None)
        if isinstance(made, SectionTree):
            return made
        from briefcase_tui.domain.corpus.outline import section_outline

        tree = SectionTree(dict(SECTIONS)[section], id=f"pane-{section}")
        tree.display = False
        corpus = self.briefcase.corpus
        if corpus is not None:
            tree.set_outline(section_outline(corpus, section), 1)
        switcher.mount(tree)
        return tree

    def action_section(self, section: SectionId) -> None:
        """Switch to a section and put the cursor in its tree."""
        self.query_one("#sections", Tabs).active = f"tab-{section}"
        if self.briefcase.corpus is not None:
            tree = self._tree_of(section)
            if self.is_current:
                self.set_focus(tree)  # at once: `2` then `↓` typed fast moves in the new section
            else:
                tree.focus()  # from the palette: focus lands once this screen is back on top

    @on(events.ScreenResume)
    def _focus_the_section_on_show(self) -> None:
        """Back on top (after the palette, a dialog), the cursor is in the section on show.

        Textual gives the focus back to the widget that had it, which a palette command may
        just have hidden by switching section; keys sent to a hidden widget would do nothing.
        """
        focused = self.focused
        if self.briefcase.corpus is None:
            return
        if focused is None or not all(node.display for node in focused.ancestors_with_self):
            self.set_focus(self._tree_of(self.section))

    @on(Tabs.TabActivated, "#sections")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        section = cast(SectionId, (event.tab.id or "tab-programme").removeprefix("tab-"))
        if self.briefcase.corpus is not None:  # before it arrives only the programme exists
            self._show_section(section)
        self.refresh_bindings()

    def open_item(self, target_id: str, *, record: bool = True, reveal: bool = True) -> None:
        """Show an item in the detail pane, record it in the history, reveal it in its section."""
        corpus = self.briefcase.corpus
        if corpus is None:
            return
        if record:
            self.briefcase.history.visit(target_id)
        self._last_from_tree = False
        self.query_one(ItemView).show(target_id, corpus)
        if reveal:
            self._reveal(target_id, corpus)
        self.refresh_bindings()

    def _reveal(self, target_id: str, corpus: Corpus) -> None:
        if target_id.startswith(SOURCE_PREFIX):
            section: SectionId = "sources"
        else:
            item = corpus.get(target_id)
            if item is None:
                return
            kind: str = item.kind
            section = SECTION_OF_KIND.get(kind, "programme")
        tree = self._tree_of(section)
        if section != self.section:
            self.query_one("#sections", Tabs).active = f"tab-{section}"
        tree.select_item(target_id)

    @on(SectionTree.ItemHighlighted)
    def _previewed(self, event: SectionTree.ItemHighlighted) -> None:
        """Moving the cursor shows the item; consecutive moves are one history entry, not many."""
        corpus = self.briefcase.corpus
        if corpus is None or event.revealed or event.item_id == self.query_one(ItemView).shown_id:
            return
        history = self.briefcase.history
        if self._last_from_tree:
            history.replace(event.item_id)
        else:
            history.visit(event.item_id)
        self._last_from_tree = True
        self.query_one(ItemView).show(event.item_id, corpus)
        self.refresh_bindings()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[str]) -> None:
        """Enter on an item row moves into its links, where Enter follows one."""
        if event.node.data and not event.node.children:
            made = self.query("#related")  # made with the first item shown
            related = made.only_one(OptionList) if made else None
            if related is not None and related.display and related.option_count:
                if related.highlighted is None:
                    related.highlighted = 0
                related.focus()

    @on(ItemView.ItemChosen)
    def _followed(self, event: ItemView.ItemChosen) -> None:
        self.open_item(event.item_id)

    def action_back(self) -> None:
        """Show the previous item."""
        target = self.briefcase.history.back()
        if target:
            self.open_item(target, record=False)

    def action_forward(self) -> None:
        """Show the next item after going back."""
        target = self.briefcase.history.forward()
        if target:
            self.open_item(target, record=False)

    def action_search(self) -> None:
        """Open the search dialog; the chosen result opens here."""
        self.briefcase.action_search()

    def _open_filter(self, select_id: str) -> None:
        for select in self.query(select_id).results(Select):
            select.focus()
            select.action_show_overlay()

    def action_filter_day(self) -> None:
        """Choose a day to show."""
        self._open_filter("#agenda-day")

    def action_filter_venue(self) -> None:
        """Choose a venue to show."""
        self._open_filter("#agenda-venue")

    def action_filter_tag(self) -> None:
        """Choose a tag to show."""
        self._open_filter("#agenda-tag")

    def action_clear_filters(self) -> None:
        """Show the whole programme."""
        self.query_one(AgendaView).clear_filters()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what does not apply: history moves with nowhere to go, agenda filters elsewhere."""
        if action == "back":
            return self.briefcase.history.can_go_back
        if action == "forward":
            return self.briefcase.history.can_go_forward
        if action == "add_to_pack":  # shown for a source too: `a` says why it cannot be added
            return self.query_one(ItemView).shown_id is not None
        if action in FILTER_ACTIONS:
            return self.section == "programme" and self.query_one(AgendaView).filters_ready
        return True
