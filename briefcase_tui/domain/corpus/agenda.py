"""The programme as time: day by day in the corpus's time zone, with venues and clashes.

Times are written in each event's own zone (a webinar from London in London time); a
delegate at the summit wants the summit's time, so every start and end is converted to
`corpus.info.timezone`, which the corpus declares. The date moves with the time: 23:30 in
New York is 05:30 the next day in Paris, and the event is listed on that next day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.models import Day, Event, Tag, Venue


@dataclass(frozen=True)
class AgendaFilter:
    """Narrow the agenda to one day, one venue and one tag; None means any."""

    day: dt.date | None = None
    """A day in the corpus's zone, which may be the day after an event's own date."""
    venue: str | None = None
    tag: str | None = None

    def admits(self, event: Event) -> bool:
        """Whether an event passes the venue and tag filters (the agenda checks the day)."""
        return (self.venue is None or event.venue == self.venue) and (
            self.tag is None or self.tag in event.tags
        )


@dataclass(frozen=True)
class AgendaEntry:
    """One event on one day, with its times in the corpus's zone."""

    event: Event
    start: str | None
    """HH:MM in the corpus's zone, on the agenda day the entry is listed under."""
    end: str | None
    """HH:MM, followed by its date (`01:00 Wed 12 Feb`) when that is not the start's day."""
    venue: str
    """The venue's title, or empty when the sources give none."""
    part: tuple[int, int] | None
    """(n, of) for an event over several days: day n of `of`."""
    overlaps: tuple[str, ...]
    """Ids of the other events that day that run at the same time (an untimed event takes the
    whole day)."""


@dataclass(frozen=True)
class AgendaDay:
    """One calendar day of the agenda."""

    date: dt.date
    day: Day | None
    entries: tuple[AgendaEntry, ...]


@dataclass(frozen=True)
class Agenda:
    """Every day from the first to the last on the programme, and the events with no date."""

    days: tuple[AgendaDay, ...]
    undated: tuple[Event, ...]
    zone: str


@dataclass(frozen=True)
class _Occurrence:
    """An event on one of its own dates, its start and end as wall clocks in the corpus's zone."""

    event: Event
    own_date: dt.date
    start: dt.datetime | None
    end: dt.datetime | None

    @property
    def day(self) -> dt.date:
        """The agenda day it is listed under: the day its start falls on in the corpus's zone."""
        return self.start.date() if self.start is not None else self.own_date


def build_agenda(corpus: Corpus, agenda_filter: AgendaFilter = AgendaFilter()) -> Agenda:
    """The agenda, filtered; with no filter, days with nothing on them are kept so gaps show."""
    events = [e for e in corpus.items if isinstance(e, Event)]
    days = {d.date: d for d in corpus.days()}
    zone = corpus.info.timezone
    occurrences = [_occurrence(e, date, zone) for e in events for date in e.dates]
    dates = sorted(set(days) | {o.day for o in occurrences})
    shown = [o for o in occurrences if agenda_filter.admits(o.event)]
    agenda_days: list[AgendaDay] = []
    if dates:
        current = dates[0]
        while current <= dates[-1]:
            if agenda_filter.day is not None and current != agenda_filter.day:
                current += dt.timedelta(days=1)
                continue
            todays = [o for o in shown if o.day == current]
            entries = _entries(corpus, todays)
            unfiltered = agenda_filter == AgendaFilter()
            if entries or (unfiltered and agenda_filter.day is None):
                agenda_days.append(AgendaDay(current, days.get(current), entries))
            current += dt.timedelta(days=1)
    undated = (
        tuple(e for e in events if not e.dates and agenda_filter.admits(e))
        if agenda_filter.day is None
        else ()
    )
    return Agenda(tuple(agenda_days), undated, zone)


def venues_on_programme(corpus: Corpus) -> list[Venue]:
    """Venues some event takes place at, for the venue filter."""
    used = {e.venue for e in corpus.items if isinstance(e, Event) and e.venue}
    return [v for v in corpus.items if isinstance(v, Venue) and v.id in used]


def tags_on_programme(corpus: Corpus) -> list[Tag]:
    """Tags some event carries, for the tag filter."""
    used = {t for e in corpus.items if isinstance(e, Event) for t in e.tags}
    return [t for t in corpus.tags.values() if t.id in used]


def local_moment(clock: str, date: dt.date, from_zone: str, to_zone: str) -> dt.datetime:
    """A wall-clock time on a date moved from one IANA zone to another, date and all.

    The answer is the wall clock in `to_zone` (without a zone attached): 23:30 on 10 February
    in New York is 05:30 on 11 February in Paris.
    """
    hours, minutes = (int(part) for part in clock.split(":"))
    wall = dt.datetime(date.year, date.month, date.day, hours, minutes)
    if from_zone == to_zone:
        return wall
    from zoneinfo import ZoneInfo

    moment = wall.replace(tzinfo=ZoneInfo(from_zone)).astimezone(ZoneInfo(to_zone))
    return moment.replace(tzinfo=None)


def _occurrence(event: Event, date: dt.date, zone: str) -> _Occurrence:
    own = event.timezone or zone
    start = local_moment(event.start, date, own, zone) if event.start else None
    end = local_moment(event.end, date, own, zone) if event.end else None
    return _Occurrence(event, date, start, end)


def _clock(moment: dt.datetime | None, day: dt.date) -> str | None:
    """HH:MM, with the date after it when the moment is not on the agenda day."""
    if moment is None:
        return None
    if moment.date() == day:
        return f"{moment:%H:%M}"
    return f"{moment:%H:%M %a} {moment.day} {moment:%b}"


def _span(occurrence: _Occurrence) -> tuple[str, str]:
    """The HH:MM span it takes on its agenda day, for clashes: an end on a later day is 24:00."""
    start, end = occurrence.start, occurrence.end
    if start is None:
        return ("00:00", "24:00")
    first = f"{start:%H:%M}"
    if end is None:
        return (first, first)
    return (first, f"{end:%H:%M}" if end.date() <= start.date() else "24:00")


def _entries(corpus: Corpus, occurrences: list[_Occurrence]) -> tuple[AgendaEntry, ...]:
    spans = {o.event.id: _span(o) for o in occurrences}
    ordered = sorted(
        occurrences, key=lambda o: (f"{o.start:%H:%M}" if o.start else "", o.event.title)
    )
    entries = []
    for occurrence in ordered:
        event = occurrence.event
        clashes = tuple(
            other.event.id
            for other in ordered
            if other.event.id != event.id and _overlap(spans[event.id], spans[other.event.id])
        )
        part = None
        if len(event.dates) > 1:
            part = (event.dates.index(occurrence.own_date) + 1, len(event.dates))
        venue = corpus.get(event.venue) if event.venue else None
        day = occurrence.day
        entries.append(
            AgendaEntry(
                event,
                _clock(occurrence.start, day),
                _clock(occurrence.end, day),
                venue.title if venue else "",
                part,
                clashes,
            )
        )
    return tuple(entries)


def _overlap(one: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether two HH:MM spans share time; a span that starts and ends at once is a moment."""
    if one[0] == one[1] or other[0] == other[1]:
        return one[0] <= other[1] and other[0] <= one[1]
    return one[0] < other[1] and other[0] < one[1]
