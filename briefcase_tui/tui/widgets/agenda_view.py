"""The programme as time: filters by day, venue and tag over a day-by-day tree of events."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Select

from typing import TYPE_CHECKING

from briefcase_tui.tui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.agenda import AgendaEntry, AgendaFilter
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.outline import OutlineNode

OVERLAP_MARK = "⇄ overlaps"
"""Clashes are marked by a symbol and a word, never by colour alone."""


def entry_label(entry: AgendaEntry) -> str:
    """`11:00–12:00 Title · Venue · day 1 of 2 · ⇄ overlaps 2`."""
    if entry.start:
        when = entry.start + (f"–{entry.end}" if entry.end else "")
    else:
        when = "all day"
    parts = [f"{when}  {entry.event.title}"]
    if entry.venue:
        parts.append(entry.venue)
    if entry.part:
        parts.append(f"day {entry.part[0]} of {entry.part[1]}")
    if entry.overlaps:
        parts.append(f"{OVERLAP_MARK} {len(entry.overlaps)}")
    return " · ".join(parts)


def agenda_outline(corpus: Corpus, agenda_filter: AgendaFilter) -> tuple[OutlineNode, ...]:
    """The agenda as outline rows: days (with their Day item) holding events, then the undated."""
    from briefcase_tui.domain.corpus.agenda import AgendaFilter, build_agenda
    from briefcase_tui.domain.corpus.facts import format_date
    from briefcase_tui.domain.corpus.outline import OutlineNode, section_outline

    agenda = build_agenda(corpus, agenda_filter)
    nodes: list[OutlineNode] = []
    for day in agenda.days:
        label = format_date(day.date)
        if not day.entries:
            label += " · nothing on the programme"
        children = tuple(OutlineNode(entry_label(e), e.event.id) for e in day.entries)
        nodes.append(OutlineNode(label, day.day.id if day.day else None, children))
    if agenda.undated:
        undated = tuple(OutlineNode(e.title, e.id) for e in agenda.undated)
        nodes.append(OutlineNode(f"No date in the sources ({len(undated)})", None, undated))
    if agenda_filter == AgendaFilter():
        nodes.extend(section_outline(corpus, "programme"))
    return tuple(nodes)


class AgendaView(Vertical):
    """Filters and the day-by-day tree; changing a filter posts FiltersChanged and redraws."""

    @dataclass
    class FiltersChanged(Message):
        """The agenda now shows only what passes this filter."""

        agenda_filter: AgendaFilter

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus: Corpus | None = None
        self.agenda_filter: AgendaFilter | None = None
        """None until the corpus arrives (the agenda module is imported only then)."""

    def compose(self) -> ComposeResult:
        yield SectionTree("Programme", id="tree-programme")

    def set_corpus(self, corpus: Corpus) -> None:
        """Add the filters, filled from the corpus, and draw the whole agenda.

        The filters are mounted only now: three Select widgets cost the first screen more
        than anything else on it, and they have nothing to offer before the corpus.
        """
        from briefcase_tui.domain.corpus.agenda import (
            AgendaFilter,
            build_agenda,
            tags_on_programme,
            venues_on_programme,
        )
        from briefcase_tui.domain.corpus.facts import format_date

        self.agenda_filter = AgendaFilter()
        self.corpus = corpus
        days = build_agenda(corpus).days
        filters: list[Widget] = [
            Select([(Text(format_date(d.date)), d.date) for d in days if d.entries],
                   prompt="Any day", id="agenda-day", compact=True),
            Select([(Text(v.title), v.id) for v in venues_on_programme(corpus)],
                   prompt="Any venue", id="agenda-venue", compact=True),
            Select([(Text(t.label), t.id) for t in tags_on_programme(corpus)],
                   prompt="Any tag", id="agenda-tag", compact=True),
        ]
        if not self.query(Select):
            self.mount(*filters, before=self.query_one(SectionTree))
        self.redraw()

    def redraw(self) -> None:
        """Rebuild the tree for the current filter."""
        from briefcase_tui.domain.corpus.agenda import AgendaFilter

        if self.corpus is None or self.agenda_filter is None:
            return
        filtered = self.agenda_filter != AgendaFilter()
        self.query_one(SectionTree).set_outline(agenda_outline(self.corpus, self.agenda_filter), 1 if not filtered else 2)

    def clear_filters(self) -> None:
        """Show the whole programme again."""
        for select in self.query(Select):
            select.clear()

    @on(Select.Changed)
    def _filter_changed(self, event: Select.Changed) -> None:
        event.stop()
        from briefcase_tui.domain.corpus.agenda import AgendaFilter

        if self.corpus is None:
            return

        def value(select_id: str) -> object:
            chosen = self.query_one(select_id, Select).value
            return None if chosen is Select.NULL else chosen

        self.agenda_filter = AgendaFilter(
            day=value("#agenda-day"), venue=value("#agenda-venue"), tag=value("#agenda-tag")  # type: ignore[arg-type]
        )
        self.redraw()
        self.post_message(self.FiltersChanged(self.agenda_filter))
