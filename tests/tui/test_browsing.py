"""Browsing with the keyboard: sections, the detail pane, links, history, the agenda, search."""

from __future__ import annotations

import datetime as dt

from textual.content import Content
from textual.widgets import OptionList, Select

from briefcase_tui.tui.screens.help import binding_rows
from briefcase_tui.tui.screens.search import SearchDialog
from briefcase_tui.tui.widgets.item_view import ItemView
from briefcase_tui.tui.widgets.section_tree import SectionTree
from tests.tui.conftest import MakeApp, corpus_shown, loaded, searched
from tests.tui.screen_text import screen_text

SIZE = (80, 24)


async def test_every_section_key_shows_its_items_and_the_cursor_opens_one(
    make_app: MakeApp,
) -> None:
    app = make_app()
    expected = {
        "1": ("programme", "Tue 4 February 2025"),
        "2": ("workstreams", "International Governance"),
        "3": ("recommendations", "TECH7 priorities"),
        "4": ("actors", "Signatories (73)"),
        "5": ("figures", "Figures (23)"),
        "6": ("milestones", "Milestones (4)"),
        "7": ("sources", "Sources quoted (4)"),
    }
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        for key, (section, text) in expected.items():
            await pilot.press(key)
            await pilot.pause()
            assert app.browse.section == section
            assert text in screen_text(app), section
            tree = app.focused
            assert isinstance(tree, SectionTree)
            await pilot.press("down", "down")
            await pilot.pause()
            shown = app.browse.query_one(ItemView).shown_id
            assert shown is not None, f"moving the cursor in {section} opened nothing"


async def test_a_workstream_shows_facts_quotes_and_its_envoy_as_a_link(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "down")
        await pilot.pause()
        text = screen_text(app)
        assert "Working group: 1" in text
        assert "Envoy: Henri Verdier" in text
        related = app.browse.query_one("#related", OptionList)
        assert any(
            related.get_option_at_index(i).id == "person-henri-verdier"
            for i in range(related.option_count)
        )


async def test_following_a_related_item_and_going_back_and_forward(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.browse.query_one(ItemView)
        await pilot.press("2", "down", "enter")  # Enter on a row moves into its links
        await pilot.pause()
        assert view.shown_id == "ws-international-governance"
        assert isinstance(app.focused, OptionList)
        first_link = app.focused.get_option_at_index(0).id
        await pilot.press("enter")
        await pilot.pause()
        assert view.shown_id == first_link
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert view.shown_id == "ws-international-governance"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.shown_id == first_link
        await pilot.press("alt+left")
        await pilot.pause()
        assert view.shown_id == "ws-international-governance"


async def test_back_is_hidden_from_the_footer_until_there_is_somewhere_to_go(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("2", "down", "down")  # moving the cursor is one entry, not one per row
        await pilot.pause()
        assert "Back" not in screen_text(app).splitlines()[-1]
        await pilot.press("enter", "enter")  # into the links, then follow the first
        await pilot.pause()
        assert "Back" in screen_text(app).splitlines()[-1]


async def test_the_agenda_shows_paris_time_and_flags_overlaps_with_a_word(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        text = screen_text(app)
        assert (
            "11:00\N{EN DASH}12:00  techUK pre-summit webinar" in text
        )  # 10:00 London is 11:00 Paris
        assert "⇄ overlaps" in text


async def test_filtering_the_agenda_by_venue_and_clearing_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("v")  # opens the venue filter
        await pilot.pause()
        select = app.browse.query_one("#agenda-venue", Select)
        assert select.expanded
        await pilot.press("escape")
        select.value = "venue-grand-palais"
        await pilot.pause()
        text = screen_text(app)
        assert "Main summit at the Grand Palais" in text
        assert "Government Officials Day" in text
        assert "IASEAI Conference" not in text
        assert "Wed 5 February" not in text
        app.browse.query_one("#tree-programme").focus()
        await pilot.press("x")
        await pilot.pause()
        assert "IASEAI Conference" in screen_text(app)


async def test_filtering_the_agenda_by_day_keeps_only_that_day(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.browse.query_one("#agenda-day", Select).value = dt.date(2025, 2, 8)
        await pilot.pause()
        text = screen_text(app)
        assert "Sat 8 February 2025" in text
        assert "Sun 9 February" not in text and "techUK pre-summit" not in text


async def test_agenda_filter_keys_are_hidden_outside_the_programme(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        ids = {row[2] for row in binding_rows(app)}
        assert "agenda-filter-venue" in ids
        await pilot.press("4")
        await pilot.pause()
        ids = {row[2] for row in binding_rows(app)}
        assert "agenda-filter-venue" not in ids
        assert "section-programme" in ids


async def test_typing_a_search_shows_ranked_results_and_enter_opens_the_first(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchDialog)
        await pilot.press(*"station f")
        await searched(pilot)
        results = app.screen.query_one("#results", OptionList)
        assert results.get_option_at_index(0).id == "venue-station-f"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SearchDialog)
        assert app.browse.query_one(ItemView).shown_id == "venue-station-f"
        assert app.browse.section == "programme"


async def test_a_search_result_from_a_section_not_yet_shown_opens_there_on_its_row(
    make_app: MakeApp,
) -> None:
    """Sections other than the programme are made when first needed: here by the result."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"future of work")
        await searched(pilot)
        results = app.screen.query_one("#results", OptionList)
        ids = [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert "ws-future-of-work" in ids
        await pilot.press(*["down"] * ids.index("ws-future-of-work"), "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.browse.section == "workstreams"
        tree = app.browse.query_one("#pane-workstreams", SectionTree)
        assert tree.display
        assert tree.cursor_node is not None and tree.cursor_node.data == "ws-future-of-work"
        assert app.browse.query_one(ItemView).shown_id == "ws-future-of-work"


async def test_search_can_be_narrowed_to_one_kind_and_a_result_chosen_with_arrows(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"grand palais")
        app.screen.query_one("#kind", Select).value = "event"
        await searched(pilot)
        results = app.screen.query_one("#results", OptionList)
        ids = [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert ids and all(i is not None and i.startswith("event-") for i in ids)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.browse.query_one(ItemView).shown_id == ids[1]


async def test_escape_closes_search_without_opening_anything(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", "a", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, SearchDialog)
        assert app.browse.query_one(ItemView).shown_id is None


async def test_the_palette_provider_offers_items_from_the_index(make_app: MakeApp) -> None:
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"henri verdier")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.browse.query_one(ItemView).shown_id == "person-henri-verdier"


async def test_the_first_search_reads_the_index_and_finds_what_is_typed(
    make_app: MakeApp,
) -> None:
    """The index is read only when a search first asks for it, and that first search works."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await corpus_shown(pilot)
        assert "items" in screen_text(app)
        assert app.index is None, "browsing alone never reads the index"
        await pilot.press("slash", *"station f")
        await searched(pilot)
        await searched(pilot)
        results = app.screen.query_one("#results", OptionList)
        assert results.option_count
        assert results.get_option_at_index(0).id == "venue-station-f"


async def test_the_palette_finds_items_before_any_search_has_read_the_index(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await corpus_shown(pilot)
        assert app.index is None
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"henri verdier")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.browse.query_one(ItemView).shown_id == "person-henri-verdier"


async def test_the_keys_screen_lists_bindings_with_their_ids(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        for expected in (
            "section-programme",
            "Search",
            "search",
            "agenda-filter-day",
            "next-theme",
        ):
            assert expected in text
        await pilot.press("escape", "f1")
        await pilot.pause()
        assert "section-programme" in screen_text(app)


async def test_search_in_french_with_a_typo_highlights_and_offers_the_spelling(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"sécurité")
        await searched(pilot)
        results = app.screen.query_one("#results", OptionList)
        first = results.get_option_at_index(0)
        assert first.id == "ws-security-safety"
        assert isinstance(first.prompt, Content)
        stressed = [
            first.prompt.plain[span.start : span.end]
            for span in first.prompt.spans
            if "underline" in str(span.style)
        ]
        assert stressed == ["Security"]
        await pilot.press("ctrl+u", *"enviroment")
        await searched(pilot)
        assert results.get_option_at_index(0).id == "event-environment-ministry"
        assert "did you mean: environment?" in screen_text(app)


async def test_a_filter_typed_in_the_search_box_narrows_and_a_bad_one_says_why(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"kind:person security")
        await searched(pilot)
        results = app.screen.query_one("#results", OptionList)
        ids = [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert ids and all(i is not None and i.startswith("person-") for i in ids)
        await pilot.press("ctrl+u", *"tag:securty envoy")
        await searched(pilot)
        assert "unknown tag 'securty' (did you mean tag:security?)" in screen_text(app)


async def test_only_the_latest_query_shows_its_results(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        dialog = app.screen
        assert isinstance(dialog, SearchDialog)
        index = app.index
        assert index is not None
        old = index.find("grand palais")
        stale = SearchDialog.ResultsFound(0, old, [[] for _ in old.hits])
        await pilot.press(*"station f")
        await searched(pilot)
        dialog.post_message(stale)  # a slow search for an older query arrives late
        await pilot.pause()
        results = dialog.query_one("#results", OptionList)
        assert results.get_option_at_index(0).id == "venue-station-f"
