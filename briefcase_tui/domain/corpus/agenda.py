"""The programme as time: day by day in the corpus's time zone, with venues and clashes.

Times are written in each event's own zone (a webinar from London in London time); a
delegate at the summit wants the summit's time, so every start and end is converted to
`corpus.info.timezone`, which the corpus declares.
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
    venue: str | None = None
    tag: str | None = None

    def admits(self, event: Event) -> bool:
        """Whether an event passes every filter."""
        return (
            (self.day is None or self.day in event.dates)
            and (self.venue is None or event.venue == self.venue)
            and (self.tag is None or self.tag in event.tags)
        )


@dataclass(frozen=True)
class AgendaEntry:
    """One event on one day, with its times in the corpus's zone."""

    event: Event
    start: str | None
    end: str | None
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


def build_agenda(corpus: Corpus, agenda_filter: AgendaFilter = AgendaFilter()) -> Agenda:
    """The agenda, filtered; with no filter, days with nothing on them are kept so gaps show."""
    events = [e for e in corpus.items if isinstance(e, Event)]
    days = {d.date: d for d in corpus.days()}
    dates = sorted(set(days) | {date for e in events for date in e.dates})
    zone = corpus.info.timezone
    shown = [e for e in events if agenda_filter.admits(e)]
    agenda_days: list[AgendaDay] = []
    if dates:
        current = dates[0]
        while current <= dates[-1]:
            if agenda_filter.day is not None and current != agenda_filter.day:
                current += dt.timedelta(days=1)
                continue
            todays = [e for e in shown if current in e.dates]
            entries = _entries(corpus, todays, current, zone)
            unfiltered = agenda_filter == AgendaFilter()
            if entries or (unfiltered and agenda_filter.day is None):
                agenda_days.append(AgendaDay(current, days.get(current), entries))
            current += dt.timedelta(days=1)
    undated = tuple(e for e in shown if not e.dates) if agenda_filter.day is None else ()
    return Agenda(tuple(agenda_days), undated, zone)


def venues_on_programme(corpus: Corpus) -> list[Venue]:
    """Venues some event takes place at, for the venue filter."""
    used = {e.venue for e in corpus.items if isinstance(e, Event) and e.venue}
    return [v for v in corpus.items if isinstance(v, Venue) and v.id in used]


def tags_on_programme(corpus: Corpus) -> list[Tag]:
    """Tags some event carries, for the tag filter."""
    used = {t for e in corpus.items if isinstance(e, Event) for t in e.tags}
    return [t for t in corpus.tags.values() if t.id in used]


def local_time(clock: str, date: dt.date, from_zone: str, to_zone: str) -> str:
    """A wall-clock time on a date moved from one IANA zone to another, as HH:MM."""
    if from_zone == to_zone:
        return clock
    from zoneinfo import ZoneInfo

    hours, minutes = (int(part) for part in clock.split(":"))
    moment = dt.datetime(
        date.year, date.month, date.day, hours, minutes, tzinfo=ZoneInfo(from_zone)
    )
    return f"{moment.astimezone(ZoneInfo(to_zone)):%H:%M}"


def _entries(
    corpus: Corpus, events: list[Event], date: dt.date, zone: str
) -> tuple[AgendaEntry, ...]:
    spans: dict[str, tuple[str, str]] = {}
    times: dict[str, tuple[str | None, str | None]] = {}
    for event in events:
        own = event.timezone or zone
        start = local_time(event.start, date, own, zone) if event.start else None
        end = local_time(event.end, date, own, zone) if event.end else None
        times[event.id] = (start, end)
        spans[event.id] = (
            start or "00:00",
            end or (start if start and not event.start else "24:00"),
        )
        if start and not end:
            spans[event.id] = (start, start)
    ordered = sorted(events, key=lambda e: (times[e.id][0] or "", e.title))
    entries = []
    for event in ordered:
        first, last = spans[event.id]
        clashes = tuple(
            other.id
            for other in ordered
            if other.id != event.id and _overlap((first, last), spans[other.id])
        )
        part = (event.dates.index(date) + 1, len(event.dates)) if len(event.dates) > 1 else None
        venue = corpus.get(event.venue) if event.venue else None
        start, end = times[event.id]
        entries.append(AgendaEntry(event, start, end, venue.title if venue else "", part, clashes))
    return tuple(entries)


def _overlap(one: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether two HH:MM spans share time; a span that starts and ends at once is a moment."""
    if one[0] == one[1] or other[0] == other[1]:
        return one[0] <= other[1] and other[0] <= one[1]
    return one[0] < other[1] and other[0] < one[1]
