"""The agenda's now and next (Pilot): the panel's words and where the cursor opens."""

from __future__ import annotations

import pytest

from briefcase_tui.tui.widgets.agenda_view import AgendaView
from briefcase_tui.tui.widgets.now_panel import NowPanel
from briefcase_tui.tui.widgets.section_tree import SectionTree
from tests.tui.conftest import MakeApp, loaded

SIZE = (120, 40)


async def test_during_the_summit_the_agenda_opens_on_what_is_on_now(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEF_NOW", "2025-02-11T10:00")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.pause()
        panel = str(app.browse.query_one(NowPanel).render())
        assert panel.startswith("Tue 11 Feb 2025 10:00 (Europe/Paris) · summit day 8 of 8")
        assert "Grand Palais: now all day Government Officials Day" in panel
        tree = app.browse.query_one("#tree-programme", SectionTree)
        assert tree.cursor_node is not None
        assert tree.cursor_node.data in {
            "event-ai-fringe-british-library-panels",
            "event-business-day-station-f",
            "event-government-officials-day",
        }


async def test_before_the_summit_the_panel_counts_the_days_and_names_the_first_event(
    make_app: MakeApp,
) -> None:
    app = make_app()  # BRIEF_NOW is 27 January 2025 in every test
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        text = str(app.browse.query_one(NowPanel).render())
        assert "the summit starts in 8 days, on Tue 4 February" in text
        assert "First: Tue 4 Feb 11:00 techUK pre-summit webinar" in text


async def test_a_bad_brief_now_is_said_in_the_panel_and_the_clock_is_used(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEF_NOW", "[bold]soon")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        panel = str(app.browse.query_one(NowPanel).render())
        assert "BRIEF_NOW: '[bold]soon' is not a date and time" in panel  # shown literally
        assert app.browse.query_one(AgendaView).now is not None


async def test_the_panel_hides_while_the_agenda_is_filtered(make_app: MakeApp) -> None:
    import datetime as dt

    from textual.widgets import Select

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.browse.query_one("#agenda-day", Select).value = dt.date(2025, 2, 8)
        await pilot.pause()
        assert not app.browse.query_one(NowPanel).display
        app.browse.query_one(AgendaView).clear_filters()
        await pilot.pause()
        assert app.browse.query_one(NowPanel).display
