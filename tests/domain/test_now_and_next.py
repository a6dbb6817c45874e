"""Now and next: what a delegate sees at a moment of the summit, in the summit's time zone."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.now import BadMoment, now_and_next, parse_moment

ZONE = "Europe/Paris"


def test_during_the_summit_each_venue_says_what_is_on_and_what_comes_next(
    corpus: Corpus,
) -> None:
    answer = now_and_next(corpus, dt.datetime(2025, 2, 10, 14, 0))
    assert answer.phase == "during" and answer.day == dt.date(2025, 2, 10)
    palais = next(v for v in answer.venues if v.venue == "Grand Palais")
    assert [e.event.id for e in palais.now] == ["event-grand-palais-main-summit"]
    assert palais.next is not None
    assert (palais.next.day, palais.next.entry.event.id) == (
        dt.date(2025, 2, 11),
        "event-government-officials-day",
    )
    assert answer.headline() == "Mon 10 Feb 2025 14:00 (Europe/Paris) · summit day 7 of 8"


def test_a_timed_event_is_on_only_between_its_start_and_end_in_the_summit_zone(
    corpus: Corpus,
) -> None:
    # The webinar is 10:00-11:00 London time: 11:00-12:00 in Paris.
    def online_now(hour: int, minute: int) -> list[str]:
        answer = now_and_next(corpus, dt.datetime(2025, 2, 4, hour, minute))
        online = [v for v in answer.venues if v.venue == "Online"]
        return [e.event.id for venue in online for e in venue.now]

    assert online_now(10, 30) == []
    assert online_now(11, 0) == ["event-pre-summit-webinar"]
    assert online_now(11, 59) == ["event-pre-summit-webinar"]
    assert online_now(12, 0) == []


def test_before_the_summit_it_says_how_long_and_opens_the_first_day(corpus: Corpus) -> None:
    answer = now_and_next(corpus, dt.datetime(2025, 1, 20, 9, 0))
    assert answer.phase == "before" and answer.day == dt.date(2025, 2, 4)
    assert "the summit starts in 15 days, on Tue 4 February" in answer.headline()
    assert all(not v.now and v.next is not None for v in answer.venues)


def test_after_the_summit_it_says_so_and_opens_the_last_day(corpus: Corpus) -> None:
    answer = now_and_next(corpus, dt.datetime(2026, 12, 2, 10, 0))
    assert answer.phase == "after" and answer.day == dt.date(2025, 2, 11)
    assert answer.headline().endswith("the summit ended on Tue 11 February 2025")
    assert answer.venues == ()


def test_a_later_day_of_an_event_already_on_is_not_its_next(corpus: Corpus) -> None:
    answer = now_and_next(corpus, dt.datetime(2025, 2, 6, 10, 0))
    for venue in answer.venues:
        on = {e.event.id for e in venue.now}
        assert venue.next is None or venue.next.entry.event.id not in on


def test_a_moment_with_an_offset_is_read_in_the_summit_zone() -> None:
    assert parse_moment("2025-02-04T09:30+00:00", ZONE) == dt.datetime(2025, 2, 4, 10, 30)
    assert parse_moment("2025-02-10 14:00", ZONE) == dt.datetime(2025, 2, 10, 14, 0)


@given(st.text())
def test_any_text_is_a_moment_or_a_bad_moment_never_another_error(text: str) -> None:
    try:
        parse_moment(text, ZONE)
    except BadMoment as problem:
        assert "is not a date and time (write 2025-02-10T14:00)" in str(problem)


@pytest.mark.parametrize("text", ["tomorrow", "2025-13-01T10:00", "10/02/2025 14:00", ""])
def test_a_bad_moment_is_refused(text: str) -> None:
    with pytest.raises(BadMoment):
        parse_moment(text, ZONE)
