"""Themes, remembered settings, key remaps, NO_COLOR, and corpus text that looks like markup."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from briefcase_tui.paths import bundled_themes_dir
from briefcase_tui.tui.screens.search import SearchDialog
from tests.tui.conftest import MakeApp, loaded, searched
from tests.tui.screen_text import screen_text

SIZE = (80, 24)


async def test_switching_theme_is_saved_and_the_next_run_opens_with_it(
    make_app: MakeApp, settings_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "briefcase-dark"
        await pilot.press("t")
        await pilot.pause()
        chosen = app.theme
        assert chosen != "briefcase-dark"
    assert tomllib.loads(settings_file.read_text())["theme"] == chosen
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        assert again.theme == chosen


async def test_a_bad_theme_file_is_named_once_and_the_good_themes_still_load(
    make_app: MakeApp, tmp_path: Path
) -> None:
    user_themes = tmp_path / "themes"
    user_themes.mkdir()
    (user_themes / "broken.toml").write_text('name = "broken"\nprimary = "red"\n', encoding="utf-8")
    (user_themes / "typo.toml").write_text(
        'name = "typo"\nprimary = "#ff0000"\nprimry = "#00ff00"\n', encoding="utf-8"
    )
    (user_themes / "mine.toml").write_text('name = "mine"\nprimary = "#00aa00"\n', encoding="utf-8")
    app = make_app(theme_folders=[bundled_themes_dir(), user_themes])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        notes = list(app._notifications)
        assert len(notes) == 1
        message = str(notes[0].message)
        assert (
            "broken.toml:2" in message
            and "typo.toml:3" in message
            and "did you mean 'primary'" in message
        )
        assert "mine" in app.available_themes and "briefcase-light" in app.available_themes
        assert "broken" not in app.available_themes
        assert app.theme == "briefcase-dark"


async def test_an_unknown_saved_theme_falls_back_to_the_default(
    make_app: MakeApp, settings_file: Path
) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('theme = "gone"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE):
        assert app.theme == "briefcase-dark"


async def test_a_bad_settings_file_is_reported_with_its_line_and_the_app_still_opens(
    make_app: MakeApp, settings_file: Path
) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('theme = "briefcase-light"\nthem = "x"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        message = str(next(iter(app._notifications)).message)
        assert f"{settings_file}:2" in message and "did you mean 'theme'" in message
        assert "Paris AI Action Summit 2025" in screen_text(app)


async def test_keys_can_be_remapped_by_binding_id_in_the_settings(
    make_app: MakeApp, settings_file: Path
) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('[keys]\nsearch = "f2"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, SearchDialog)


async def test_a_remap_of_an_unknown_key_id_is_reported_with_the_nearest_id(
    make_app: MakeApp, settings_file: Path
) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('[keys]\nserach = "f2"\nnext-theme = "f3"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        said = "\n".join(str(n.message) for n in app._notifications)
        assert "'serach' (did you mean 'search'?)" in said
        assert "next-theme" not in said, "a real id is not reported"
        await pilot.press("f3")
        await pilot.pause()
        assert app.theme != "briefcase-dark", "the good remap still works"


async def test_no_color_turns_theme_colours_into_monochrome(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        coloured = app.export_screenshot()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = make_app()
    async with plain.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert plain.no_color
        monochrome = plain.export_screenshot()
    assert "#5fafff" in coloured  # the dark theme's primary colour
    assert "#5fafff" not in monochrome


def _hostile_corpus(corpus_copy: Path) -> Path:
    path = corpus_copy / "workstreams.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('title = "International Governance"', 'title = "[bold]x[/] governance"', 1)
    text = text.replace('title = "Future of Work"', 'title = "[@click=app.quit]y[/] work"', 1)
    path.write_text(text, encoding="utf-8")
    return corpus_copy


async def test_titles_that_look_like_markup_are_shown_literally_and_do_nothing(
    make_app: MakeApp, corpus_copy: Path
) -> None:
    app = make_app(_hostile_corpus(corpus_copy))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "down")
        await pilot.pause()
        text = screen_text(app)
        assert "1. [bold]x[/] governance" in text  # in the tree
        assert "2. [@click=app.quit]y[/] work" in text
        assert text.count("[bold]x[/] governance") >= 2  # and as the detail pane's title
        await pilot.click("#item-body")
        await pilot.press("slash", *"governance")
        await searched(pilot)
        assert "[bold]x[/] governance" in screen_text(app)  # in search results too
        await pilot.press("escape")
        await pilot.press("down")
        await pilot.pause()
        assert app.is_running


async def test_a_broken_corpus_folder_is_named_in_the_status_line_and_a_notice(
    make_app: MakeApp, corpus_copy: Path
) -> None:
    (corpus_copy / "tags.toml").write_text('[[tags]]\nid = "x"\nlabel = \n', encoding="utf-8")
    app = make_app(corpus_copy)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(300):
            if app._notifications:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        text = screen_text(app)
        assert "Cannot load the corpus" in text
        said = "\n".join(str(n.message) for n in app._notifications)
        assert f"{corpus_copy / 'tags.toml'}:3" in said
        assert app.is_running, "the app stays open to say what is wrong"
