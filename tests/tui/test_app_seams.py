"""The seams of the app layer: the import graph of `tui`, the benchmark hooks, the pack controller's
news reaching every screen, and the pack screen's keys decided without an app."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from briefcase_tui.domain.packs.store import PackStore
from briefcase_tui.paths import BENCH_EXIT_ENV, BENCH_READY_ENV, BENCH_SEARCH_ENV
from briefcase_tui.tui.screens.browse import BrowseScreen
from briefcase_tui.tui.screens.pack_edits import (
    EMPTY_PACK,
    NOTHING_TO_MOVE,
    Notice,
    PackEdits,
    PlannedEdit,
)
from briefcase_tui.tui.widgets.pack_outline import OutlineRow
from tests.test_architecture import circles, import_graph
from tests.tui.conftest import MakeApp, loaded
from tests.tui.pack_helpers import SIZE, make_briefs, on_pack_screen, pack_app, saved
from tests.tui.screen_text import screen_text

TUI = "briefcase_tui.tui"


def test_no_module_of_the_app_layer_imports_itself_back() -> None:
    graph = import_graph()
    assert [circle for circle in circles(graph) if circle[0].startswith(TUI)] == []


def test_no_screen_widget_dialog_or_controller_imports_the_app_module() -> None:
    importers = sorted(
        name
        for name, imports in import_graph().items()
        if name.startswith(TUI) and f"{TUI}.app" in imports
    )
    assert importers == []


def test_the_pack_controller_knows_no_screen_and_no_widget() -> None:
    imports = import_graph()[f"{TUI}.pack_controller"]
    assert not [i for i in imports if i.startswith((f"{TUI}.screens", f"{TUI}.widgets"))]


@pytest.mark.parametrize(
    ("variable", "mark"),
    [(BENCH_EXIT_ENV, "painted"), (BENCH_READY_ENV, "ready"), (BENCH_SEARCH_ENV, "searchable")],
)
async def test_the_benchmark_hooks_mark_their_moment_and_close_the_app(
    make_app: MakeApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    mark: str,
) -> None:
    marker = tmp_path / "marker"
    monkeypatch.setenv(variable, str(marker))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(500):
            if not app.is_running:
                break
            await pilot.pause(0.01)
        assert not app.is_running, "the app closes by itself"
    assert marker.read_text(encoding="utf-8") == mark
    if mark == "ready":
        assert app.corpus is not None, "ready means the corpus is on screen"
        assert app.index is None, "the index waits for the first search"
    if mark == "searchable":
        assert app.index is not None and app.index.search("future of work")


async def test_the_collector_the_launcher_turns_off_is_back_on_once_the_corpus_is_in(
    make_app: MakeApp,
) -> None:
    """`brief` starts with the garbage collector off (cli/launch.py); left off, every cycle
    made in a long session would be kept."""
    app = make_app()
    gc.disable()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await loaded(pilot)
            assert app.index is not None
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_an_edit_on_the_pack_screen_is_in_the_browse_status_line_on_going_back(
    settings_file: Path, tmp_path: Path
) -> None:
    briefs = make_briefs(tmp_path)
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        assert "3 entries" in screen_text(app)
        await pilot.press("x")
        await saved(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert "Pack: Paris day · 2 entries" in screen_text(app)


def _edits(briefs: Path) -> PackEdits:
    pack = PackStore(briefs).load("paris-day").pack
    return PackEdits(lambda: pack, lambda: None)


def test_the_pack_keys_are_decided_without_an_app(tmp_path: Path) -> None:
    edits = _edits(make_briefs(tmp_path))
    assert edits.shift(OutlineRow(0), 1) == Notice(NOTHING_TO_MOVE, "warning")
    refused = edits.remove(OutlineRow(0))
    assert isinstance(refused, Notice) and refused.severity == "warning"
    assert "still holds 2 entries" in refused.text
    moved = edits.shift(OutlineRow(0, 0), 1)
    assert isinstance(moved, PlannedEdit)
    assert moved.cursor == OutlineRow(0, 1)
    assert moved.description == "move “tech7-p2” down"


def test_an_entry_key_on_an_empty_pack_says_the_pack_is_empty(tmp_path: Path) -> None:
    from briefcase_tui.domain.packs.models import Pack

    edits = PackEdits(lambda: Pack(title="Empty"), lambda: None)
    assert edits.cycle_priority(OutlineRow(0)) == Notice(EMPTY_PACK, "warning")
