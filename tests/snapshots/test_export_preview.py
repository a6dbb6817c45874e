"""Snapshots of the export preview and its write dialog at 80x24 and 120x40, dark and light."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefcase_tui.domain.packs.store import PackStore
from briefcase_tui.tui.app import BriefcaseApp
from briefcase_tui.tui.screens.export_preview import ExportPreviewScreen
from tests.snapshots.snap import RunBefore, SnapCompare
from tests.snapshots.test_screens import SIZES, THEMES, _app
from tests.tui.conftest import loaded

PACK = """title = "Summit day: what to raise"
audience = "The minister"

[[sections]]
title = "Context"
intro = "Read before the plenary."

[[sections.entries]]
item = "ws-future-of-work"
note = "Ask about the observatory network."
priority = "must"

[[sections.entries]]
item = "day-2025-02-11"

[[sections.entries]]
item = "gone-one"
"""


@pytest.fixture
def briefs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A briefs folder named by a relative path, so the paths on screen are the same each run."""
    monkeypatch.chdir(tmp_path)
    folder = Path("briefs")
    folder.mkdir()
    (folder / "summit.toml").write_text(PACK, encoding="utf-8")
    return folder


def _preview(briefs: Path, *keys: str) -> RunBefore:
    async def run(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        app = pilot.app
        assert isinstance(app, BriefcaseApp) and app.corpus is not None
        screen = ExportPreviewScreen(PackStore(briefs).load("summit"), app.corpus)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_markdown_preview_with_a_missing_item(
    snap_compare: SnapCompare,
    tmp_path: Path,
    briefs: Path,
    theme: str,
    size: tuple[int, int],
) -> None:
    assert snap_compare(_app(tmp_path, theme), terminal_size=size, run_before=_preview(briefs))


@pytest.mark.parametrize("theme", THEMES)
def test_the_write_dialog_over_the_preview(
    snap_compare: SnapCompare, tmp_path: Path, briefs: Path, theme: str
) -> None:
    assert snap_compare(
        _app(tmp_path, theme), terminal_size=(80, 24), run_before=_preview(briefs, "w")
    )


def test_the_json_export_as_raw_text(
    snap_compare: SnapCompare, tmp_path: Path, briefs: Path
) -> None:
    assert snap_compare(
        _app(tmp_path, "briefcase-dark"),
        terminal_size=(120, 40),
        run_before=_preview(briefs, "f", "f"),
    )
