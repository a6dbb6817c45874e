"""Templates: each makes a useful pack for its parameter; a wrong one says what is expected."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from briefcase_tui.domain.corpus.models import (
    Action,
    Event,
    Principle,
    Priority,
    Recommendation,
    Workstream,
)
from briefcase_tui.domain.packs.templates import find_template, load_templates
from briefcase_tui.errors import BriefcaseError
from tests.narrowing import must_be

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.models import ItemBase


def test_a_day_sheet_lists_that_days_events_in_time_order_with_their_venues(corpus: Corpus) -> None:
    pack = load_templates()["day-sheet"].instantiate(corpus, "Monday", {"day": "2025-02-10"})
    assert pack.date == dt.date(2025, 2, 10)
    sections = {s.title: [e.item for e in s.entries] for s in pack.sections}
    events = [must_be(Event, corpus.item(must_be(str, i))) for i in sections["Programme"]]
    assert events and all(dt.date(2025, 2, 10) in e.dates for e in events)
    assert "venue-grand-palais" in sections["Venues"]


def test_a_workstream_brief_accepts_the_workstreams_name_and_leads_with_it_and_its_envoy(
    corpus: Corpus,
) -> None:
    pack = load_templates()["workstream-brief"].instantiate(
        corpus, "Brief", {"workstream": "future of work"}
    )
    assert pack.sections[0].entries[0].item == "ws-future-of-work"
    assert (
        pack.sections[1].entries[0].item
        == must_be(Workstream, corpus.item("ws-future-of-work")).envoy
    )
    assert "Future of Work" in pack.meeting


def test_the_comparison_puts_tech7_and_statement_items_side_by_side_per_theme(
    corpus: Corpus,
) -> None:
    pack = load_templates()["tech7-vs-statement"].instantiate(corpus, "Compare", {})
    themed = [s for s in pack.sections if s.title in {t.label for t in corpus.tags.values()}]
    assert len(themed) >= 3
    for section in themed:
        sets = {set_of(corpus.item(must_be(str, e.item))) for e in section.entries}
        assert sets == {"tech7", "statement"}, section.title
    ids = pack.item_ids()
    assert len(ids) == len(set(ids)), "an item appears once"


def set_of(item: ItemBase) -> str:
    """The recommendation set a priority, recommendation, principle or action belongs to."""
    assert isinstance(item, Priority | Recommendation | Principle | Action), item.id
    return item.set


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("day-sheet", {}, "needs day"),
        ("day-sheet", {"day": "2025-02-05"}, "is not a programme day"),
        ("day-sheet", {"day": "2025-02-10", "venue": "x"}, "has no parameter 'venue'"),
        (
            "workstream-brief",
            {"workstream": "ws-future-of-wrk"},
            "did you mean 'ws-future-of-work'",
        ),
    ],
)
def test_a_wrong_parameter_is_refused_with_what_is_expected(
    corpus: Corpus, name: str, params: dict[str, str], message: str
) -> None:
    with pytest.raises(BriefcaseError, match=message):
        load_templates()[name].instantiate(corpus, "T", params)


def test_an_unknown_template_name_suggests_the_nearest() -> None:
    with pytest.raises(BriefcaseError, match="did you mean 'day-sheet'"):
        find_template(load_templates(), "day-sheat")
