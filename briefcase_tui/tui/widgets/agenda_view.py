"""The programme as time: filters by day, venue and tag over a day-by-day tree of events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Select

from briefcase_tui.domain.text import cell_width, cut_at_word
from briefcase_tui.tui.widgets.section_tree import SectionTree, cut_row

if TYPE_CHECKING:
    import datetime as dt

    from briefcase_tui.domain.corpus.agenda import Agenda, AgendaEntry, AgendaFilter
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.now import NowAndNext
    from briefcase_tui.domain.corpus.outline import OutlineNode

OVERLAP_MARK = "⇄ overlaps"
"""Clashes are marked by a symbol and a word, never by colour alone."""
TIME_SPAN = "\N{EN DASH}"
"""Between an event's start and end: `11:00` to `12:00` reads as one span."""
MIN_TITLE = 12
"""Cells of title worth keeping "all day" and the clash count for; below it they make room."""


def entry_parts(entry: AgendaEntry) -> tuple[str, str, str, list[str]]:
    """An entry's words apart: when, title, venue, and its markers (`day 1 of 2`, `⇄ overlaps 2`).

    When is the start, the span to the end if there is one, or "all day".
    """
    if entry.start:
        when = entry.start + (f"{TIME_SPAN}{entry.end}" if entry.end else "")
    else:
        when = "all day"
    marks = []
    if entry.part:
        marks.append(f"day {entry.part[0]} of {entry.part[1]}")
    if entry.overlaps:
        marks.append(f"{OVERLAP_MARK} {len(entry.overlaps)}")
    return when, entry.event.title, entry.venue, marks


def entry_label(entry: AgendaEntry) -> str:
    """When, two spaces, then title, venue and markers apart: `Title · Venue · day 1 of 2`."""
    when, title, venue, marks = entry_parts(entry)
    return " · ".join([f"{when}  {title}", *([venue] if venue else []), *marks])


def fit_entry_label(entry: AgendaEntry, width: int) -> str:
    """The entry's row in `width` cells, its markers always kept.

    What gives way, in order: the venue (the detail pane names it), then the end of the
    title (cut after a word, with "…"), then "all day" and the clash count once the title
    would shrink below `MIN_TITLE`. A timed event always keeps its time.
    """
    full = entry_label(entry)
    if cell_width(full) <= width:
        return full
    when, title, _, marks = entry_parts(entry)
    heads = [f"{when}  "] + ([] if entry.start else [""])
    tails = [" · ".join(["", *marks]) if marks else ""]
    if entry.overlaps:
        tails.append(" · ".join(["", *marks[:-1], OVERLAP_MARK]))
    for least in (MIN_TITLE, 2):
        for head in heads:
            for tail in tails:
                room = width - cell_width(head) - cell_width(tail)
                if room >= min(least, cell_width(title)):
                    return head + cut_at_word(title, room) + tail
    return cut_at_word(heads[-1] + title + tails[-1], width)


def agenda_outline(
    corpus: Corpus, agenda_filter: AgendaFilter, agenda: Agenda | None = None
) -> tuple[tuple[OutlineNode, ...], dict[tuple[str, str | None], AgendaEntry]]:
    """The agenda as outline rows (days, with their Day item, holding events; then the undated),
    and the entry behind each event row, by (label, id), so a row can be refitted to any width.

    `agenda` is the one already built for this filter, if any (it is not built again).
    """
    from briefcase_tui.domain.corpus.agenda import AgendaFilter, build_agenda
    from briefcase_tui.domain.corpus.facts import format_date
    from briefcase_tui.domain.corpus.outline import OutlineNode, section_outline

    if agenda is None:
        agenda = build_agenda(corpus, agenda_filter)
    nodes: list[OutlineNode] = []
    entries: dict[tuple[str, str | None], AgendaEntry] = {}
    for day in agenda.days:
        label = format_date(day.date)
        if not day.entries:
            label += " · nothing on the programme"
        children = []
        for entry in day.entries:
            row = OutlineNode(entry_label(entry), entry.event.id)
            entries[(row.label, row.item_id)] = entry
            children.append(row)
        nodes.append(OutlineNode(label, day.day.id if day.day else None, tuple(children)))
    if agenda.undated:
        undated = tuple(OutlineNode(e.title, e.id) for e in agenda.undated)
        nodes.append(OutlineNode(f"No date in the sources ({len(undated)})", None, undated))
    if agenda_filter == AgendaFilter():
        nodes.extend(section_outline(corpus, "programme"))
    return tuple(nodes), entries


class AgendaView(Vertical):
    """Filters and the day-by-day tree; changing a filter redraws the tree."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus: Corpus | None = None
        self.agenda_filter: AgendaFilter | None = None
        """None until the corpus arrives (the agenda module is imported only then)."""
        self._entries: dict[tuple[str, str | None], AgendaEntry] = {}
        self.now: NowAndNext | None = None
        """Where the summit stands at the moment the corpus arrived."""
        self._day_ids: dict[dt.date, str] = {}
        self.filters_ready = False
        """The day, venue and tag filters are mounted (a frame after the agenda is drawn)."""

    def compose(self) -> ComposeResult:
        yield SectionTree("Programme", id="tree-programme", fit=self._fit_row)

    def _fit_row(self, row: OutlineNode, width: int) -> str:
        """Event rows keep their markers when cut; other rows are cut after a word."""
        entry = self._entries.get((row.label, row.item_id))
        return fit_entry_label(entry, width) if entry is not None else cut_row(row, width)

    def set_corpus(self, corpus: Corpus) -> None:
        """Draw the whole agenda and where the summit stands; the filters follow a frame later.

        The three filter Selects cost the corpus's first frame more than the rest of it
        (about 20 ms of widgets and styles, as much as the agenda itself): their rows are
        kept for them, empty, and they are mounted once the agenda is drawn
        (`_add_filters`). Their keys wait for them (`filters_ready`).
        """
        from briefcase_tui.domain.corpus.agenda import AgendaFilter, build_agenda
        from briefcase_tui.tui.widgets.now_panel import NowPanel, now_lines, summit_now

        self.agenda_filter = AgendaFilter()
        self.corpus = corpus
        agenda = build_agenda(corpus)
        days = agenda.days
        self._day_ids = {d.date: d.day.id for d in days if d.day is not None}
        self.now, problem = summit_now(corpus)
        lines = now_lines(self.now) + ([problem] if problem else [])
        if not self.query("#agenda-filters"):
            self.mount(
                Vertical(id="agenda-filters"),
                NowPanel(lines, id="agenda-now"),
                before=self.query_one(SectionTree),
            )
            self.call_after_refresh(self._add_filters, [d.date for d in days if d.entries])
        self.redraw(agenda)
        self._open_on_now()

    def _add_filters(self, days: list[dt.date]) -> None:
        """Mount the day, venue and tag filters, filled from the corpus, in the rows kept."""
        from briefcase_tui.domain.corpus.agenda import tags_on_programme, venues_on_programme
        from briefcase_tui.domain.corpus.facts import format_date

        corpus = self.corpus
        row = self.query_one("#agenda-filters")
        if corpus is None or not row.is_attached:  # the app is closing
            return
        row.mount(
            Select(
                [(Text(format_date(day)), day) for day in days],
                prompt="Any day",
                id="agenda-day",
                compact=True,
            ),
            Select(
                [(Text(v.title), v.id) for v in venues_on_programme(corpus)],
                prompt="Any venue",
                id="agenda-venue",
                compact=True,
            ),
            Select(
                [(Text(t.label), t.id) for t in tags_on_programme(corpus)],
                prompt="Any tag",
                id="agenda-tag",
                compact=True,
            ),
        )
        self.call_after_refresh(self._filters_mounted)

    def _filters_mounted(self) -> None:
        self.filters_ready = True

    def _open_on_now(self) -> None:
        """During the summit, put the cursor on what is on now (or next) today, else on the
        day; before or after it, the first or last day is the one shown."""
        now = self.now
        if now is None:
            return
        tree = self.query_one(SectionTree)
        if now.phase == "during":
            today = [e for v in now.venues for e in v.now] + [
                v.next.entry for v in now.venues if v.next and v.next.day == now.day
            ]
            targets = [e.event.id for e in today] + [self._day_ids.get(now.day, "")]
            any(tree.select_item(target) for target in targets if target)
        elif now.phase == "after" and now.day in self._day_ids:
            tree.select_item(self._day_ids[now.day])

    def redraw(self, agenda: Agenda | None = None) -> None:
        """Rebuild the tree for the current filter (`agenda`: the one built for it already)."""
        from briefcase_tui.domain.corpus.agenda import AgendaFilter

        if self.corpus is None or self.agenda_filter is None:
            return
        filtered = self.agenda_filter != AgendaFilter()
        for panel in self.query("#agenda-now"):
            panel.display = not filtered  # "now" is about the whole programme
        rows, self._entries = agenda_outline(self.corpus, self.agenda_filter, agenda)
        self.query_one(SectionTree).set_outline(rows, 1 if not filtered else 2)

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

        def value(select_id: str) -> Any:  # a Select's values have no type of their own
            chosen = self.query_one(select_id, Select).value
            return None if chosen is Select.NULL else chosen

        self.agenda_filter = AgendaFilter(
            day=value("#agenda-day"),
            venue=value("#agenda-venue"),
            tag=value("#agenda-tag"),
        )
        self.redraw()
