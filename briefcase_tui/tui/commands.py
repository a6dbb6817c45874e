"""Command palette provider: jump to any item (through the search index), to a pack or a theme."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.command import DiscoveryHit, Hit, Provider
from textual.content import Content

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.style import Style

    from briefcase_tui.domain.corpus.search import SearchIndex
    from briefcase_tui.tui.pack_controller import PackController

ITEM_HITS = 20


class PaletteApp(Protocol):
    """What the palette's provider needs of the app."""

    def want_index(self) -> None:
        """Read the search index (once), if it is not yet."""

    async def wait_for_index(self) -> SearchIndex | None:
        """The search index, read first if need be; None when the corpus failed to load."""

    @property
    def packs(self) -> PackController:
        """The packs of the briefs folder, and the one open."""

    @property
    def theme_labels(self) -> dict[str, str]:
        """Briefcase's own themes, name → human label."""

    def use_theme(self, name: str) -> None:
        """Switch theme."""

    def open_item(self, item_id: str) -> None:
        """Show an item on the browse screen."""

    def action_pack_screen(self) -> None:
        """Show the open pack."""


class ItemsProvider(Provider):
    """Items ranked by the corpus index, the packs of the briefs folder, and Briefcase's themes.

    Item, pack and theme titles are shown with `Content(title)`: `Matcher.highlight` parses
    its input as markup, and a theme's label comes from a user's own file.
    """

    def __init__(self, screen: Screen[Any], match_style: Style | None = None) -> None:
        super().__init__(screen, match_style)
        self._packs: list[tuple[str, str, Path]] = []
        """(title, file name, path) of each pack in the briefs folder."""

    async def startup(self) -> None:
        """Read the pack titles once per opening of the palette, not once per keystroke;
        start reading the search index, if no search has yet, before the first keystroke."""
        self.briefcase.want_index()
        summaries, _ = self.briefcase.packs.store.summaries()
        self._packs = [(s.title, s.name, s.path) for s in summaries]

    def _open_pack(self, path: Path) -> None:
        if self.briefcase.packs.open(path):
            self.briefcase.action_pack_screen()

    @property
    def briefcase(self) -> PaletteApp:
        """The app, as the palette sees it."""
        return cast("PaletteApp", self.app)

    def _themes(self) -> list[tuple[str, str]]:
        """(`Theme: Dark`, name) for each of Briefcase's own themes."""
        return [(f"Theme: {label}", name) for name, label in self.briefcase.theme_labels.items()]

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        """With an empty query: the themes."""
        for title, name in self._themes():
            yield DiscoveryHit(
                Content(title),
                partial(self.briefcase.use_theme, name),
                text=title,
                help=f"Switch to this theme ({name})",
            )

    async def search(self, query: str) -> AsyncIterator[Hit]:
        """Themes matching the query, then the best items."""
        matcher = self.matcher(query)
        for title, name in self._themes():
            score = max(matcher.match(title), matcher.match(f"Theme: {name}"))
            if score > 0:
                yield Hit(
                    score,
                    Content(title),
                    partial(self.briefcase.use_theme, name),
                    text=title,
                    help=f"Switch to this theme ({name})",
                )
        for title, name, path in self._packs:
            score = max(matcher.match(f"Pack: {title}"), matcher.match(f"Pack: {name}"))
            if score > 0:
                yield Hit(
                    score,
                    Content.assemble(("Pack: ", "bold"), title, (f"  {name}", "dim")),
                    partial(self._open_pack, path),
                    text=f"Pack: {title}",
                    help="Open this pack",
                )
        index = await self.briefcase.wait_for_index()
        if index is None:
            return
        from briefcase_tui.domain.corpus.kinds import KIND_LABELS

        for rank, hit in enumerate(index.search(query, limit=ITEM_HITS)):
            kind = KIND_LABELS.get(hit.kind, hit.kind)
            yield Hit(
                0.95 - rank * 0.01,
                Content.assemble(hit.title, (f"  {kind}", "dim")),
                partial(self.briefcase.open_item, hit.id),
                text=hit.title,
                help=f"Open this {kind.lower()}",
            )
