"""Now and next: what is on at each venue at a moment of the summit, and what comes after.

A delegate's first question on the day is "what is on now, and next, and where". The moment
is a wall clock in the corpus's time zone (the summit's), like every time of the agenda.
Before the summit the answer is how long until its first day, which it opens on; after it,
the last day. An event without times is on all day; one with a start and no end is on for
`OPEN_ENDED` after its start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from briefcase_tui.domain.corpus.agenda import AgendaEntry, build_agenda
from briefcase_tui.domain.corpus.corpus import Corpus

NO_VENUE = "Venue not given"
"""Where events the sources give no venue for are gathered."""
OPEN_ENDED = dt.timedelta(hours=1)
"""How long an event with a start and no end counts as on."""

Phase = Literal["before", "during", "after"]


class BadMoment(ValueError):
    """A moment that is not a date and time (`2025-02-10T14:00`)."""


@dataclass(frozen=True)
class Upcoming:
    """An entry of the agenda on its day."""

    day: dt.date
    entry: AgendaEntry


@dataclass(frozen=True)
class VenueNow:
    """One venue's events on now, and the first one after them."""

    venue: str
    now: tuple[AgendaEntry, ...]
    next: Upcoming | None


@dataclass(frozen=True)
class NowAndNext:
    """The summit at one moment: which phase, which day to open, and each venue's events."""

    moment: dt.datetime
    """The wall clock in the corpus's zone."""
    zone: str
    phase: Phase
    day: dt.date
    """The agenda day to open: today during the summit, else its first or last day."""
    first_day: dt.date
    last_day: dt.date
    venues: tuple[VenueNow, ...]

    def headline(self) -> str:
        """One line saying where the moment stands: `Summit day 7 of 8 · Mon 10 Feb 14:00`."""
        clock = f"{self.moment:%a} {self.moment.day} {self.moment:%b %Y %H:%M} ({self.zone})"
        if self.phase == "before":
            days = (self.first_day - self.moment.date()).days
            return (
                f"{clock} · the summit starts in {days} day{'s' if days != 1 else ''}, "
                f"on {self.first_day:%a} {self.first_day.day} {self.first_day:%B}"
            )
        if self.phase == "after":
            return f"{clock} · the summit ended on {self.last_day:%a} {self.last_day.day} " + (
                f"{self.last_day:%B %Y}"
            )
        number = (self.day - self.first_day).days + 1
        total = (self.last_day - self.first_day).days + 1
        return f"{clock} · summit day {number} of {total}"


def parse_moment(text: str, zone: str) -> dt.datetime:
    """A moment typed as `2025-02-10T14:00` (or with a space, or with an offset), as a wall
    clock in the corpus's zone; anything else raises BadMoment."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadMoment(f"{text!r} is not a date and time (write 2025-02-10T14:00)") from None
    if moment.tzinfo is not None:
        from zoneinfo import ZoneInfo

        moment = moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    return moment


def current_moment(zone: str) -> dt.datetime:
    """The wall clock now in the corpus's zone."""
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(zone)).replace(tzinfo=None, second=0, microsecond=0)


def now_and_next(corpus: Corpus, moment: dt.datetime) -> NowAndNext:
    """What is on at each venue at this moment, and what comes next there."""
    agenda = build_agenda(corpus)
    dated = [day for day in agenda.days if day.entries]
    if not dated:
        today = moment.date()
        return NowAndNext(moment, agenda.zone, "during", today, today, today, ())
    first, last = dated[0].date, dated[-1].date
    today = moment.date()
    phase: Phase = "before" if today < first else "after" if today > last else "during"
    open_day = first if phase == "before" else last if phase == "after" else today
    venues: dict[str, tuple[list[AgendaEntry], list[Upcoming]]] = {}
    for day in agenda.days:
        for entry in day.entries:
            now, later = venues.setdefault(entry.venue or NO_VENUE, ([], []))
            start, end = _span(day.date, entry)
            if start <= moment < end:
                now.append(entry)
            elif start > moment:
                later.append(Upcoming(day.date, entry))
    shown = tuple(
        VenueNow(venue, tuple(now), _first_new(now, later))
        for venue, (now, later) in venues.items()
        if now or later
    )
    ordered = sorted(shown, key=lambda v: (v.venue == NO_VENUE, not v.now, v.venue))
    return NowAndNext(moment, agenda.zone, phase, open_day, first, last, tuple(ordered))


def _span(day: dt.date, entry: AgendaEntry) -> tuple[dt.datetime, dt.datetime]:
    """When an entry starts and ends as wall clocks; untimed entries take the whole day."""
    midnight = dt.datetime.combine(day, dt.time())
    if entry.start is None:
        return midnight, midnight + dt.timedelta(days=1)
    start = midnight + _clock(entry.start)
    if entry.end is None:
        return start, start + OPEN_ENDED
    end = midnight + _clock(entry.end)
    if " " in entry.end or end <= start:  # `01:00 Wed 12 Feb`: it ends on a later day
        end += dt.timedelta(days=1)
    return start, end


def _clock(text: str) -> dt.timedelta:
    hours, minutes = text.split(" ")[0].split(":")
    return dt.timedelta(hours=int(hours), minutes=int(minutes))


def _first_new(now: list[AgendaEntry], later: list[Upcoming]) -> Upcoming | None:
    """The first event after those on now, skipping later days of an event already on."""
    on = {entry.event.id for entry in now}
    return min((u for u in later if u.entry.event.id not in on), key=_starts, default=None)


def _starts(upcoming: Upcoming) -> tuple[dt.date, str]:
    """Sort key: day, then time (an untimed event comes first on its day)."""
    return upcoming.day, upcoming.entry.start or ""
