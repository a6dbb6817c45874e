"""A new user's first walk at 80x24 and 120x40: notices that leave the reading pane and dialogs
clear, an agenda whose markers survive a narrow pane, a footer that fits, ctrl+k in search, a
palette with one Keys command and only Briefcase's themes, history that behaves like a browser's,
and `t` through every theme by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select
from textual.widgets._toast import Toast

from briefcase_tui.paths import bundled_themes_dir
from briefcase_tui.tui.app import BriefcaseApp, create_app
from briefcase_tui.tui.notices import say
from briefcase_tui.tui.screens.search import SearchDialog
from briefcase_tui.tui.widgets.item_view import ItemView
from briefcase_tui.tui.widgets.quiet_footer import QuietFooter
from tests.tui.conftest import MakeApp, loaded, searched
from tests.tui.screen_text import screen_text

SIZES = [(80, 24), (120, 40)]
PACK = """format = 1
title = "Paris day"

[[sections]]
title = "Programme"

[[sections.entries]]
item = "tech7-p2"
"""


def _toasts(app: BriefcaseApp) -> list[Region]:
    """Where the notices are drawn on the current screen (only those shown)."""
    return [toast.region for toast in app.screen.query(Toast) if toast.region.area]


def _say_two(app: BriefcaseApp) -> None:
    say(app, "Added “International Governance” to Programme", topic="walk-added")
    say(
        app,
        "briefs/x.toml:12:5: unknown key 'titel' (did you mean 'title'?)",
        title="Cannot open the pack",
        severity="error",
        topic="walk-error",
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_notices_sit_bottom_left_and_never_cover_the_item_being_read(
    make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("2", "down")
        _say_two(app)
        await pilot.pause(0.2)
        toasts = _toasts(app)
        assert len(toasts) == 2
        detail = app.browse.query_one(ItemView).region
        footer = app.browse.query_one(QuietFooter).region
        for toast in toasts:
            assert not toast.overlaps(detail), f"{toast} covers the detail pane {detail}"
            assert not toast.overlaps(footer), "the keys stay readable"
            assert toast.x == 0
        assert "Added “International Governance” to" in screen_text(app)


@pytest.mark.parametrize(
    ("keys", "box"),
    [(("slash",), "#search-box"), (("question_mark",), "#help-box"), (("ctrl+p",), "CommandList")],
    ids=["search", "keys", "palette"],
)
async def test_a_notice_over_a_dialog_stays_below_its_box_at_80x24(
    make_app: MakeApp, keys: tuple[str, ...], box: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press(*keys)
        await pilot.pause(0.5)  # the palette fills its list from the providers
        _say_two(app)
        await pilot.pause(0.2)
        dialog = app.screen.query_one(box).region
        toasts = _toasts(app)
        assert len(toasts) == 1, "over a dialog only the latest notice shows"
        assert not toasts[0].overlaps(dialog), f"{toasts[0]} covers the dialog {dialog}"
        assert "Cannot open the pack" in screen_text(app)


async def test_quick_repeated_confirmations_replace_each_other_rather_than_stack(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await loaded(pilot)
        for _ in range(10):
            await pilot.press("t")
        await pilot.pause(0.2)
        assert len(app._notifications) == 1
        assert len(_toasts(app)) == 1
        label = app.theme_labels[app.theme]
        assert f"Theme: {label}" in screen_text(app)


async def test_the_agenda_at_80_columns_keeps_its_markers_and_cuts_titles_after_a_word(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        rows = screen_text(app).splitlines()
        assert any("├ IASEAI… · day 1 of 2 · ⇄ overlaps 1" in row for row in rows)
        assert any("└ 11:00\N{EN DASH}12:00  techUK pre-summit…" in row for row in rows)
        left = app.browse.query_one("#section-panes").region
        for row in rows[3:22]:  # below the filters: the now panel, then the agenda
            pane = row[: left.width].rstrip(" ▕")
            if "day " in pane and " of " in pane:
                assert "⇄ overlaps" in pane, f"a marker was cut: {pane!r}"


async def test_the_agenda_at_120_columns_keeps_all_day_and_more_of_each_title(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        text = screen_text(app)
        assert "├ all day  IASEAI Conference… · day 1 of 2 · ⇄ overlaps 1" in text
        assert "└ all day  Main summit at the Grand Palais… · ⇄ overlaps 1" in text


async def test_the_footer_at_80x24_shows_every_key_that_applies_with_a_pack_and_history_both_ways(
    settings_file: Path, tmp_path: Path
) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "paris-day.toml").write_text(PACK, encoding="utf-8")
    app = create_app(
        settings_file=settings_file, theme_folders=[bundled_themes_dir()], briefs_folder=briefs
    )
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert app.packs.open(briefs / "paris-day.toml")
        await pilot.press(
            "2", "down", "a", "enter", "enter"
        )  # add, then into the links and follow one
        await pilot.pause()
        await pilot.press("down", "enter")  # a link of that item
        await pilot.pause()
        await pilot.press("left_square_bracket")  # back one: both ways apply
        await pilot.pause()
        assert app.history.can_go_back and app.history.can_go_forward
        footer = screen_text(app).splitlines()[-1]
        for shown in (
            "/ Search",
            "[] Back/Forward",
            "a Add",
            "p Pack",
            "? Keys",
            "q Quit",
            "u Undo",
            "e Export",
            "^p palette",
        ):
            assert shown in footer, f"{shown!r} is not in the footer: {footer!r}"
        assert app.browse.query_one(QuietFooter).content_width <= 80, "a key is cut off"


async def test_clicking_a_key_in_the_footer_presses_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        footer = screen_text(app).splitlines()[-1]
        await pilot.click(QuietFooter, offset=(footer.index("Keys"), 0))
        await pilot.pause()
        assert "HelpScreen" in type(app.screen).__name__, "? Keys was not pressed"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click(QuietFooter, offset=(footer.index("palette"), 0))
        await pilot.pause()
        assert "CommandPalette" in type(app.screen).__name__, "^p palette was not pressed"


async def test_ctrl_k_in_the_search_box_narrows_by_kind_then_returns_to_the_results(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"grand palais", "ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, SearchDialog)
        kind = app.screen.query_one("#kind", Select)
        assert kind.expanded, "ctrl+k opens the kind list"
        query = app.screen.query_one("#query", Input)
        assert query.value == "grand palais", "the query is not cut"
        await pilot.press(*"event", "enter")
        await pilot.pause()
        await searched(pilot)
        assert kind.value == "event"
        results = app.screen.query_one("#results", OptionList)
        assert app.focused is results
        ids = [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert ids and all(i and i.startswith("event-") for i in ids)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.browse.query_one(ItemView).shown_id == ids[1]


async def _palette_entries(app: BriefcaseApp, pilot: Pilot[None]) -> list[str]:
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    for _ in range(100):
        await pilot.pause(0.02)
        commands = app.screen.query(CommandList)
        if commands and commands.first().option_count > 10:
            break
    await pilot.pause(0.3)
    listing = app.screen.query_one(CommandList)
    return [
        str(
            getattr(
                listing.get_option_at_index(i).prompt,
                "plain",
                listing.get_option_at_index(i).prompt,
            )
        )
        for i in range(listing.option_count)
    ]


async def test_the_palette_has_one_keys_command_and_only_briefcase_themes(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        entries = await _palette_entries(app, pilot)
        titles = [entry.splitlines()[0].strip() for entry in entries]
        assert titles.count("Keys") == 1, titles
        themes = sorted(title for title in titles if title.startswith("Theme"))
        assert themes == ["Theme: Dark", "Theme: High contrast", "Theme: Light"]
        await pilot.press(*"theme: light")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "briefcase-light"
        assert "Theme: Light" in [str(n.message) for n in app._notifications]


async def test_t_cycles_every_theme_by_name_and_the_choice_is_remembered(
    make_app: MakeApp, settings_file: Path
) -> None:
    import tomllib

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        seen = [app.theme]
        said = []
        for _ in app.theme_names:
            await pilot.press("t")
            await pilot.pause()
            seen.append(app.theme)
            said.append(str(list(app._notifications)[-1].message))
        assert sorted(set(seen)) == sorted(app.theme_names) and seen[-1] == seen[0]
        assert said == [f"Theme: {app.theme_labels[name]}" for name in seen[1:]]
        assert "Theme: High contrast" in said
        await pilot.press("t")
        await pilot.pause()
        chosen = app.theme
    assert tomllib.loads(settings_file.read_text())["theme"] == chosen
    again = make_app()
    async with again.run_test(size=(80, 24)):
        assert again.theme == chosen


async def test_history_after_links_behaves_like_a_browser(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        view = app.browse.query_one(ItemView)
        await pilot.press("2", "down", "enter")
        await pilot.pause()
        start = view.shown_id
        related = app.browse.query_one("#related", OptionList)
        first, second = related.get_option_at_index(0).id, related.get_option_at_index(1).id
        await pilot.press("enter")  # follow the first link
        await pilot.pause()
        assert view.shown_id == first
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert view.shown_id == start
        await pilot.press("right_square_bracket")  # back then forward: the same item
        await pilot.pause()
        assert view.shown_id == first
        await pilot.press(
            "left_square_bracket", "left_square_bracket", "left_square_bracket"
        )  # no further back
        await pilot.pause()
        assert view.shown_id == start
        assert app.history.can_go_forward and not app.history.can_go_back, (
            "going back recorded nothing"
        )
        await pilot.press("down", "down", "enter")  # a different link after going back
        await pilot.pause()
        assert view.shown_id == second
        assert not app.history.can_go_forward, "opening a new item drops the forward entries"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.shown_id == second
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert view.shown_id == start
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.shown_id == second
