"""Command palette provider: jump to any item through the domain's search index, to a pack, or to a theme."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Provider
from textual.content import Content

if TYPE_CHECKING:
    from briefcase_tui.tui.app import BriefcaseApp

ITEM_HITS = 20


class ItemsProvider(Provider):
    """Items ranked by the corpus index, the packs of the briefs folder, and Briefcase's themes.

    Item, pack and theme titles are shown with `Content(title)`: `Matcher.highlight` parses
    its input as markup, and a theme's label comes from a user's own file.
    """

    _packs: list[tuple[str, str, Path]] = []

    async def startup(self) -> None:
        """Read the pack titles once per opening of the palette, not once per keystroke."""
        summaries, _ = self.briefcase.pack_store.summaries()
        self._packs = [(s.title, s.name, s.path) for s in summaries]

    def _open_pack(self, path: Path) -> None:
        if self.briefcase.open_pack(path):
            self.briefcase.action_pack_screen()

    @property
    def briefcase(self) -> BriefcaseApp:
        """The app, typed."""
        return cast("BriefcaseApp", self.app)

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
        index = self.briefcase.index
        if index is None:
            return
        from briefcase_tui.domain.corpus.facts import KIND_LABELS

        for rank, hit in enumerate(index.search(query, limit=ITEM_HITS)):
            kind = KIND_LABELS.get(hit.kind, hit.kind)
            yield Hit(
                0.95 - rank * 0.01,
                Content.assemble(hit.title, (f"  {kind}", "dim")),
                partial(self.briefcase.open_item, hit.id),
                text=hit.title,
                help=f"Open this {kind.lower()}",
            )
