"""The detail pane: an item (or source) as literal text, and its related items as links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefcase_tui.domain.corpus.kinds import SOURCE_PREFIX

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.models import ItemBase, Source

CAVEAT_MARK = "⚠ Sources disagree:"
"""Caveats are marked by a symbol and words, never by colour alone."""
HEADING = "bold"


def _heading(text: str) -> Content:
    return Content.styled(text, HEADING)


def citation(corpus: Corpus, source_id: str, locator: str) -> Content:
    """`— publisher, "title" (kind of source), locator`, all literal."""
    source = corpus.sources.get(source_id)
    if source is None:
        return Content(f"— {source_id}")
    where = f", {locator}" if locator else ""
    return Content.assemble(
        "— ", f"{source.publisher}, “{source.title}” ", (f"({source.kind_label})", "italic"), where
    )


def item_content(item: ItemBase, corpus: Corpus) -> Content:
    """An item as a page: title, kind, facts, summary, aliases, quotes, caveats, sources."""
    from briefcase_tui.domain.corpus.facts import inferences, item_facts
    from briefcase_tui.domain.corpus.kinds import KIND_LABELS

    kind: str = item.kind
    lines: list[Content] = [
        _heading(item.title),
        Content.styled(f"{KIND_LABELS.get(kind, kind)} · {item.id}", "dim"),
        Content(""),
    ]
    for label, value in item_facts(item, corpus):
        lines.append(Content.assemble((f"{label}: ", "bold"), value))
    reasons = inferences(item)
    if reasons:
        lines += [Content(""), Content.styled("Inferred, not stated by a quote", "bold")]
        lines += [Content(f"  • {label}: {reason}") for label, reason in reasons]
    lines += [Content(""), Content(item.summary)]
    if item.aliases:
        lines += [
            Content(""),
            Content.assemble(("Also known as: ", "bold"), ", ".join(item.aliases)),
        ]
    if item.quotes:
        lines += [Content(""), _heading("Quotes")]
        for number, quote in enumerate(item.quotes, start=1):
            lines.append(Content(f"[{number}] “{quote.text}”"))
            lines.append(Content.assemble("    ", citation(corpus, quote.source, quote.locator)))
    for caveat in corpus.caveats_for(item.id):
        lines += [
            Content(""),
            Content.assemble((CAVEAT_MARK, "bold reverse"), " ", (caveat.topic, "bold")),
        ]
        lines.append(Content(caveat.summary))
        for side in caveat.sides:
            claim = f"{side.claim}: " if side.claim else ""
            lines.append(Content(f"  • {claim}“{side.text}”"))
            lines.append(Content.assemble("      ", citation(corpus, side.source, side.locator)))
    return Content("\n").join(lines)


def source_content(source: Source) -> Content:
    """A source of the corpus: who published it, what kind it is, how far to trust it."""
    lines = [
        _heading(source.title),
        Content.styled(f"Source · {source.kind_label} · {source.id}", "dim"),
        Content(""),
        Content.assemble(("Publisher: ", "bold"), source.publisher),
        Content.assemble(("Kind: ", "bold"), source.kind_label),
    ]
    if source.date:
        lines.append(Content.assemble(("Date: ", "bold"), source.date))
    if source.date_note:
        lines.append(Content.assemble(("Note on date: ", "bold"), source.date_note))
    lines += [Content(""), Content.assemble(("Reliability: ", "bold"), source.reliability)]
    return Content("\n").join(lines)


def related_of(target_id: str, corpus: Corpus) -> list[ItemBase]:
    """Items to offer as links: related items, or for a source the items that quote it."""
    if target_id.startswith(SOURCE_PREFIX):
        from briefcase_tui.domain.corpus.filters import SearchFilters

        source_id = target_id.removeprefix(SOURCE_PREFIX)
        return SearchFilters(sources=frozenset({source_id})).select(corpus)
    return corpus.related(target_id)


class ItemView(VerticalScroll):
    """Shows one item; Enter (or a click) on a related item posts ItemChosen."""

    @dataclass
    class ItemChosen(Message):
        """A related item was chosen to be opened."""

        item_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            Content("Choose an item on the left, or press / to search."),
            id="item-body",
            markup=False,
        )
        yield Static(Content(""), id="related-heading", markup=False)

    def _related_list(self) -> OptionList:
        """The list of links, made with the first item shown: the first screen has none."""
        made = self.query("#related")
        if made:
            return made.only_one(OptionList)
        related = OptionList(id="related", markup=False)
        self.mount(related)
        return related

    def show(self, target_id: str, corpus: Corpus) -> None:
        """Render an item or a source (`source:<id>`) and list its links."""
        from briefcase_tui.domain.corpus.kinds import KIND_LABELS

        self.shown_id = target_id
        body = self.query_one("#item-body", Static)
        if target_id.startswith(SOURCE_PREFIX):
            source = corpus.sources.get(target_id.removeprefix(SOURCE_PREFIX))
            body.update(
                source_content(source) if source else Content(f"Unknown source {target_id}")
            )
            heading = "Items quoting this source"
        else:
            item = corpus.get(target_id)
            body.update(
                item_content(item, corpus) if item else Content(f"Unknown item {target_id}")
            )
            heading = "Related (Enter opens)"
        related = related_of(target_id, corpus)
        options = self._related_list()
        options.clear_options()
        links = []
        for other in related:
            kind: str = other.kind
            links.append(
                Option(Content(f"→ {other.title} ({KIND_LABELS.get(kind, kind)})"), id=other.id)
            )
        options.add_options(links)
        options.display = bool(related)
        self.query_one("#related-heading", Static).update(
            Content.styled(f"{heading} · {len(related)}", "bold") if related else Content("")
        )
        self.scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#related")
    def _related_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ItemChosen(event.option.id))
