"""Pilot helpers: an app from the one factory; wait for its corpus and index before keys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefcase_tui.paths import bundled_themes_dir
from briefcase_tui.tui.app import BriefcaseApp, create_app
from briefcase_tui.tui.widgets.agenda_view import AgendaView

MakeApp = Callable[..., BriefcaseApp]
"""The `make_app` fixture: builds an app like the CLI does (optional corpus and theme folders)."""


async def loaded(pilot: Pilot[None]) -> None:
    """Wait until the corpus and its index have arrived from the worker, then for the screen.

    The app reads the index only when a search first wants it: it is asked for here, as
    the first search would, so a test may search at once. The agenda's filters, mounted a
    frame after the corpus is drawn, are waited for too.
    """
    app = pilot.app
    assert isinstance(app, BriefcaseApp)
    app.want_index()
    for _ in range(500):
        if not app.is_running:
            break
        if app.index is not None and app.browse.query_one(AgendaView).filters_ready:
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def corpus_shown(pilot: Pilot[None]) -> None:
    """Wait until the corpus is on screen (and nothing more: no search has asked for the index)."""
    app = pilot.app
    assert isinstance(app, BriefcaseApp)
    for _ in range(500):
        if app.corpus is not None or not app.is_running:
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def searched(pilot: Pilot[None]) -> None:
    """Wait until the searches typed so far have run in their worker and shown their results."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    """A settings file path of the test's own (the file does not exist yet)."""
    return tmp_path / "config" / "config.toml"


@pytest.fixture
def make_app(settings_file: Path) -> MakeApp:
    """Build an app like the CLI does, with this test's settings file and the bundled themes."""

    def build(
        corpus_folder: Path | None = None, theme_folders: list[Path] | None = None
    ) -> BriefcaseApp:
        app = create_app(
            corpus_folder,
            settings_file=settings_file,
            theme_folders=theme_folders if theme_folders is not None else [bundled_themes_dir()],
        )
        app.animation_level = "none"  # the tab underline's slide costs half a second per key
        return app

    return build
