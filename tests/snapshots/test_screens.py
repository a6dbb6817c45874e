"""Snapshots of the main screens at 80x24 and 120x40, dark and light, built by the app factory."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefcase_tui.domain.settings import Settings, save_settings
from briefcase_tui.paths import bundled_themes_dir
from briefcase_tui.tui.app import BriefcaseApp, create_app
from tests.snapshots.snap import RunBefore, SnapCompare
from tests.tui.conftest import loaded as _loaded

SIZES = [(80, 24), (120, 40)]
THEMES = ["briefcase-dark", "briefcase-light"]


def _app(tmp_path: Path, theme: str) -> BriefcaseApp:
    settings_file = tmp_path / "config.toml"
    save_settings(Settings(theme=theme), settings_file)
    app = create_app(settings_file=settings_file, theme_folders=[bundled_themes_dir()])
    app.animation_level = "none"
    return app


def _then(*keys: str) -> RunBefore:
    async def run(pilot: Pilot[None]) -> None:
        await _loaded(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()  # a search runs in a worker
        await pilot.pause()

    return run


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_agenda_on_opening(
    snap_compare: SnapCompare, tmp_path: Path, theme: str, size: tuple[int, int]
) -> None:
    assert snap_compare(_app(tmp_path, theme), terminal_size=size, run_before=_loaded)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_workstream_with_its_caveats_and_links(
    snap_compare: SnapCompare, tmp_path: Path, theme: str, size: tuple[int, int]
) -> None:
    assert snap_compare(
        _app(tmp_path, theme), terminal_size=size, run_before=_then("2", "down", "down")
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_results(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(
        _app(tmp_path, "briefcase-dark"), terminal_size=size, run_before=_then("slash", *"envoy")
    )


def test_the_keys_screen(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(
        _app(tmp_path, "briefcase-light"),
        terminal_size=(120, 40),
        run_before=_then("question_mark"),
    )


def test_the_recommendations_section(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(
        _app(tmp_path, "briefcase-dark"), terminal_size=(120, 40), run_before=_then("3", "down")
    )
