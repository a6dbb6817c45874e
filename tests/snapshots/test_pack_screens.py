"""Snapshots of the pack screen at 80x24 and 120x40, dark and light, built by the app factory."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefcase_tui.domain.settings import Settings, save_settings
from briefcase_tui.paths import bundled_themes_dir
from briefcase_tui.tui.app import BriefcaseApp, create_app
from briefcase_tui.tui.screens.pack import PackScreen
from tests.snapshots.snap import RunBefore, SnapCompare
from tests.tui.conftest import loaded

SIZES = [(80, 24), (120, 40)]
THEMES = ["briefcase-dark", "briefcase-light"]

PACK = """format = 1
title = "Tuesday in Paris"

[[sections]]
title = "Programme"

[[sections.entries]]
item = "event-government-officials-day"
note = "The principal's main commitment. Arrive early."
priority = "must"
tags = ["principal"]

[[sections.entries]]
item = "tech7-p2"
priority = "should"

[[sections.entries]]
item = "no-longer-in-the-corpus"
priority = "optional"

[[sections]]
title = "Logistics"

[[sections.entries]]
note = "Car booked for 14:00"
"""


def _app(tmp_path: Path, theme: str) -> BriefcaseApp:
    settings_file = tmp_path / "config.toml"
    save_settings(Settings(theme=theme), settings_file)
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "tuesday-in-paris.toml").write_text(PACK, encoding="utf-8")
    app = create_app(
        settings_file=settings_file,
        theme_folders=[bundled_themes_dir()],
        briefs_folder=briefs,
        pack=briefs / "tuesday-in-paris.toml",
    )
    app.animation_level = "none"
    return app


def _then(*keys: str) -> RunBefore:
    async def run(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        for _ in range(100):
            if isinstance(pilot.app.screen, PackScreen):
                break
            await pilot.pause(0.01)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_pack_screen_on_its_first_entry(
    snap_compare: SnapCompare, tmp_path: Path, theme: str, size: tuple[int, int]
) -> None:
    assert snap_compare(_app(tmp_path, theme), terminal_size=size, run_before=_then())


def test_an_entry_missing_from_the_corpus(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(
        _app(tmp_path, "briefcase-dark"), terminal_size=(80, 24), run_before=_then("down", "down")
    )


def test_writing_a_note(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(
        _app(tmp_path, "briefcase-light"), terminal_size=(80, 24), run_before=_then("down", "n")
    )
