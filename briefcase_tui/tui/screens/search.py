"""Search dialog: ranked results from the whole corpus as you type; Enter opens one.

The query runs in a worker thread, so typing never waits for search on a large corpus; each
keystroke starts a new search and only the latest one's results are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from briefcase_tui.domain.corpus.filters import SearchFilters
from briefcase_tui.domain.corpus.kinds import KIND_LABELS, KINDS
from briefcase_tui.domain.corpus.search_fields import FIELD_LABELS

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.search import SearchIndex, SearchResult

RESULT_LIMIT = 50
HIGHLIGHT = "bold underline"
"""How the words a query matched stand out in a result's title."""


class SearchDialogApp(Protocol):
    """What the search dialog needs of the app."""

    @property
    def index(self) -> SearchIndex | None:
        """The search index, once read."""

    def want_index(self) -> None:
        """Read the index (once), if it is not yet."""


class SearchDialog(ModalScreen[str | None]):
    """Type to search; ↓ to the results; Enter opens the highlighted (or first) one; Esc closes."""

    CSS_PATH = "search.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "close",
            "Close",
            id="search-close",
            tooltip="Close search without opening anything",
        ),
        Binding(
            "down",
            "results",
            "Results",
            show=False,
            id="search-results",
            tooltip="Move from the query to the results",
        ),
        # priority: the query box would otherwise take ctrl+k as "delete to the end of the line".
        Binding(
            "ctrl+k",
            "kind",
            "Kind",
            id="search-kind",
            tooltip="Only show results of one kind",
            priority=True,
        ),
    ]

    @dataclass
    class ResultsFound(Message):
        """A search finished in its worker: its results, with the highlights of each title."""

        generation: int
        result: SearchResult
        highlights: list[list[tuple[int, int]]]

    def __init__(self, query: str = "") -> None:
        super().__init__(id="search")
        self.initial_query = query
        self._generation = 0
        """Counts the searches started; results of any but the latest are dropped."""

    @property
    def briefcase(self) -> SearchDialogApp:
        """The app, as this dialog sees it."""
        return cast("SearchDialogApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            with Horizontal(id="search-row"):
                yield Input(
                    self.initial_query,
                    placeholder="Search: people, places, figures, days…",
                    id="query",
                )
                yield Select(
                    ((Text(KIND_LABELS.get(k, k)), k) for k in KINDS),
                    prompt="Any kind",
                    id="kind",
                    compact=True,
                )
            yield Static(Content(""), id="search-status", markup=False)
            yield OptionList(id="results", markup=False)

    def on_mount(self) -> None:
        """Focus the query and show results for any text already in it."""
        self.query_one("#query", Input).focus()
        self.briefcase.want_index()
        self.refresh_results()
        self.watch(self.query_one("#kind", Select), "expanded", self._kind_list_toggled, init=False)

    def refresh_results(self) -> None:
        """Start searching for the query; says so while the index is still loading."""
        self._generation += 1
        query = self.query_one("#query", Input).value
        status = self.query_one("#search-status", Static)
        index = self.briefcase.index
        if index is None:
            self.query_one("#results", OptionList).clear_options()
            status.update(Content("Building the search index…"))
            return
        if not query.strip():
            self.query_one("#results", OptionList).clear_options()
            status.update(
                Content(
                    "Type to search the whole corpus, in English or French · "
                    "kind:person tag:security day:2025-02-11 · ctrl+k narrows to one kind"
                )
            )
            return
        kind = self.query_one("#kind", Select).value
        filters = SearchFilters(kinds=frozenset({kind})) if isinstance(kind, str) else None
        self._search(self._generation, index, query, filters)

    @work(thread=True, exclusive=True, group="search")
    def _search(
        self, generation: int, index: SearchIndex, query: str, filters: SearchFilters | None
    ) -> None:
        """Run one query off the UI thread and send its results back."""
        result = index.find(query, filters, limit=RESULT_LIMIT)
        highlights = [index.highlights(hit.title, result.terms) for hit in result.hits]
        self.post_message(self.ResultsFound(generation, result, highlights))

    @on(ResultsFound)
    def _show_results(self, message: ResultsFound) -> None:
        """Show a search's results, unless the query changed since it started."""
        if message.generation != self._generation:
            return
        result = message.result
        hits = result.hits
        results = self.query_one("#results", OptionList)
        results.clear_options()
        results.add_options(
            Option(_label(hit.title, spans, hit.kind, hit.field), id=hit.id)
            for hit, spans in zip(hits, message.highlights, strict=True)
        )
        if hits:
            results.highlighted = 0
        count = f"{len(hits)}{'+' if len(hits) == RESULT_LIMIT else ''}"
        notes = [*result.problems]
        if result.did_you_mean:
            notes.append(f"did you mean: {result.did_you_mean}?")
        notes.append(f"{count} result{'s' if len(hits) != 1 else ''}")
        self.query_one("#search-status", Static).update(
            Content(" · ".join([*notes, "Enter opens · ↓ to choose · ctrl+k kind"]))
        )

    @on(Input.Changed, "#query")
    @on(Select.Changed, "#kind")
    def _query_changed(self) -> None:
        self.refresh_results()

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        results = self.query_one("#results", OptionList)
        if results.highlighted is not None and results.option_count:
            self.dismiss(results.get_option_at_index(results.highlighted).id)

    @on(OptionList.OptionSelected, "#results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)

    def action_results(self) -> None:
        """Move focus to the results."""
        results = self.query_one("#results", OptionList)
        if results.option_count:
            results.focus()

    def action_kind(self) -> None:
        """Choose a kind of item to search for; once chosen, focus returns to the results."""
        select = self.query_one("#kind", Select)
        select.focus()
        select.action_show_overlay()

    def _kind_list_toggled(self, expanded: bool) -> None:
        """The kind list closed (a kind chosen, or Esc): back to the results, else the query.

        Deferred: the Select focuses itself as it closes, and its Changed message (which
        refreshes the results) is still on its way.
        """
        if not expanded:
            self.call_after_refresh(self._back_from_kind)

    def _back_from_kind(self) -> None:
        self.refresh_results()
        results = self.query_one("#results", OptionList)
        (results if results.option_count else self.query_one("#query", Input)).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """↓ moves to the results only from the query box."""
        if action == "results":
            return isinstance(self.focused, Input)
        return True


def _label(title: str, spans: list[tuple[int, int]], kind: str, field: str) -> Content:
    """A result's line: its title with the matched words stressed, its kind, and where it
    matched when that is not the title."""
    shown = Content(title)
    for start, end in spans:
        shown = shown.stylize(HIGHLIGHT, start, end)
    where = "" if field == "title" else f" · {FIELD_LABELS[field]}"
    return Content.assemble(shown, (f"  {KIND_LABELS.get(kind, kind)}{where}", "dim"))
