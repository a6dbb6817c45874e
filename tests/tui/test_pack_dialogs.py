"""The pack dialogs as a new user meets them: focus comes back where it was, Enter makes the pack
once a choice is made, a missing choice or a title already taken is said in words, the open pack
is marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Select, Static

from briefcase_tui.tui.dialogs.new_pack import NewPackDialog
from briefcase_tui.tui.dialogs.prompts import ChoiceDialog
from briefcase_tui.tui.screens.browse import BrowseScreen
from briefcase_tui.tui.screens.pack import PackScreen
from briefcase_tui.tui.widgets.pack_outline import PackOutline
from tests.tui.conftest import loaded
from tests.tui.pack_helpers import (
    SIZE,
    make_briefs,
    on_pack_screen,
    pack_app,
    pack_on_disk,
    said,
    saved,
)
from tests.tui.screen_text import screen_text


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    """A briefs folder of this test's own, with one pack."""
    return make_briefs(tmp_path)


async def test_after_the_new_pack_dialog_down_and_a_work_at_once(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        tree = app.focused
        await pilot.press("N", *"Fresh", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen) and app.focused is tree
        await pilot.press("down", "down", "a")
        await saved(pilot)
        assert pack_on_disk(briefs, "fresh").item_ids() == ["ws-future-of-work"]


async def test_after_a_dialog_on_the_pack_screen_J_works_at_once(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("g", *"ask", "enter")
        await pilot.pause()
        assert isinstance(app.focused, PackOutline)
        await pilot.press("J")
        await saved(pilot)
        assert pack_on_disk(briefs).item_ids() == ["statement-p6", "tech7-p2"]
        await pilot.press("m", "escape", "K")
        await saved(pilot)
        assert pack_on_disk(briefs).item_ids() == ["tech7-p2", "statement-p6"]


async def test_enter_on_a_chosen_day_makes_the_pack(settings_file: Path, briefs: Path) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("N", *"Day one", "tab", "enter", "down", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewPackDialog)
        assert dialog.query_one("#new-pack-template", Select).value == "day-sheet"
        assert dialog.focused is dialog.query_one("#new-pack-parameter"), (
            "the day is the next thing to choose"
        )
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NewPackDialog), (
            "choosing the day does not make the pack by itself"
        )
        await pilot.press("enter")
        await pilot.pause()
        pack = pack_on_disk(briefs, "day-one")
        assert pack.date is not None and pack.date.isoformat() == "2025-02-04"


async def test_enter_on_a_chosen_template_without_a_day_says_choose_a_programme_day(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("N", *"Day one")
        dialog = app.screen
        assert isinstance(dialog, NewPackDialog)
        dialog.query_one("#new-pack-template", Select).value = "day-sheet"
        await pilot.pause()
        dialog.query_one("#new-pack-title").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "✗ Choose a programme day." in screen_text(app)
        assert "template needs" not in screen_text(app)
        assert isinstance(app.screen, NewPackDialog)
        assert not (briefs / "day-one.toml").exists()


async def test_a_workstream_brief_without_its_workstream_says_choose_a_workstream(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("N", *"Governance")
        dialog = app.screen
        assert isinstance(dialog, NewPackDialog)
        dialog.query_one("#new-pack-template", Select).value = "workstream-brief"
        await pilot.pause()
        await pilot.click("#new-pack-create")
        await pilot.pause()
        assert "✗ Choose a workstream." in screen_text(app)


async def test_a_second_pack_with_a_title_already_taken_is_refused_and_another_title_asked_for(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("N", *"paris  DAY", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewPackDialog), "the dialog stays open for another title"
        problem = str(dialog.query_one("#new-pack-problem", Static).render())
        assert (
            problem
            == "✗ A pack called “paris  DAY” already exists (paris-day.toml): choose another title."
        )
        assert sorted(p.name for p in briefs.glob("*.toml")) == ["paris-day.toml"]
        await pilot.press("ctrl+u", *"Paris day, second visit", "enter")
        await pilot.pause()
        assert pack_on_disk(briefs, "paris-day-second-visit").title == "Paris day, second visit"


async def test_the_open_pack_dialog_marks_the_pack_that_is_open(
    settings_file: Path, briefs: Path
) -> None:
    (briefs / "other.toml").write_text('format = 1\ntitle = "Other"\n', encoding="utf-8")
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("p", "o")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        options = dialog.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert [label for label in labels if "open now" in label] == [
            "▶ Paris day  (paris-day · 3 entries · open now)"
        ]
        assert "  Other  (other · 0 entries)" in labels
        await pilot.press("down", "enter")  # the open pack again: kept as it is, not reloaded
        await pilot.pause()
        assert "“Paris day” is already open." in said(app)
        await pilot.press("p")
        assert isinstance(app.screen, PackScreen)
