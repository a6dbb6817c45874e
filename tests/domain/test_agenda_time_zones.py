"""The agenda converts an event's times into the corpus's zone, and its date along with them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcase_tui.domain.corpus.agenda import AgendaEntry, AgendaFilter, build_agenda
from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.models import CorpusInfo, Event

ZONES = (
    "UTC",
    "Europe/Paris",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "America/St_Johns",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
)
"""Zones on both sides of the date line, with half-hour offsets and daylight saving both ways."""


def one_event_corpus(
    zone: str, event_zone: str, date: dt.date, start: str, end: str | None
) -> Corpus:
    """A corpus in `zone` holding one event on `date` from `start` to `end` in `event_zone`."""
    event = Event(
        kind="event",
        id="event-x",
        title="X",
        summary="An event far away.",
        dates=(date,),
        start=start,
        end=end,
        timezone=event_zone,
    )
    info = CorpusInfo(title="A summit", timezone=zone)
    return Corpus(info=info, sources={}, tags={}, sets={}, items=(event,))


def only_entry(corpus: Corpus) -> tuple[dt.date, AgendaEntry]:
    """The agenda day the one event is listed under, and its entry there."""
    [(day, entry)] = [(d.date, e) for d in build_agenda(corpus).days for e in d.entries]
    return day, entry


def test_an_evening_in_new_york_is_the_next_morning_in_paris() -> None:
    late = one_event_corpus("Europe/Paris", "America/New_York", dt.date(2025, 2, 10), "23:30", None)
    day, entry = only_entry(late)
    assert (day, entry.start) == (dt.date(2025, 2, 11), "05:30")
    assert build_agenda(late, AgendaFilter(day=dt.date(2025, 2, 11))).days[0].entries
    assert not build_agenda(late, AgendaFilter(day=dt.date(2025, 2, 10))).days


def test_an_end_on_another_day_than_the_start_shows_its_date() -> None:
    evening = one_event_corpus(
        "Europe/Paris", "America/New_York", dt.date(2025, 2, 10), "17:00", "19:30"
    )
    day, entry = only_entry(evening)
    assert (day, entry.start, entry.end) == (dt.date(2025, 2, 10), "23:00", "01:30 Tue 11 Feb")


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    event_zone=st.sampled_from(ZONES),
    date=st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
    start=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    minutes=st.none() | st.integers(0, 23 * 60),
)
def test_the_agenda_keeps_the_date_with_the_time_across_zones_and_daylight_saving(
    zone: str,
    event_zone: str,
    date: dt.date,
    start: dt.time,
    minutes: int | None,
) -> None:
    end_clock = None
    if minutes is not None:
        end_clock = (dt.datetime.combine(date, start) + dt.timedelta(minutes=minutes)).time()
        if end_clock < start:
            end_clock = None  # an event's end is on its start's own date
    own = ZoneInfo(event_zone)
    starts = dt.datetime.combine(date, start, own).astimezone(ZoneInfo(zone))
    day, entry = only_entry(
        one_event_corpus(
            zone,
            event_zone,
            date,
            f"{start:%H:%M}",
            f"{end_clock:%H:%M}" if end_clock else None,
        )
    )
    assert day == starts.date(), "listed on the day it starts in the corpus's zone"
    assert entry.start == f"{starts:%H:%M}"
    if end_clock is None:
        assert entry.end is None
        return
    ends = dt.datetime.combine(date, end_clock, own).astimezone(ZoneInfo(zone))
    if ends.date() == starts.date():
        assert entry.end == f"{ends:%H:%M}"
    else:
        assert entry.end == f"{ends:%H:%M} {ends:%a} {ends.day} {ends:%b}"
