"""For the Pilot tests of packs: a briefs folder, the app on it, a wait for the background saver."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.packs.store import PackStore
from briefcase_tui.paths import bundled_themes_dir
from briefcase_tui.tui.app import BriefcaseApp, create_app
from briefcase_tui.tui.screens.pack import PackScreen
from tests.tui.conftest import loaded

SIZE = (80, 24)

PARIS = """format = 1
title = "Paris day"

[[sections]]
title = "Programme"

[[sections.entries]]
item = "tech7-p2"
priority = "must"

[[sections.entries]]
item = "statement-p6"

[[sections]]
title = "Asks"

[[sections.entries]]
note = "Car booked for 14:00"
"""


def make_briefs(tmp_path: Path) -> Path:
    """A briefs folder of the test's own, with one pack (paris-day.toml)."""
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "paris-day.toml").write_text(PARIS, encoding="utf-8")
    return folder


def notes_pack(count: int) -> str:
    """A pack file of one section holding `count` notes of one's own ("Note 0", "Note 1"...)."""
    head = 'format = 1\ntitle = "Long"\n\n[[sections]]\ntitle = "Notes"\n'
    return head + "".join(f'\n[[sections.entries]]\nnote = "Note {n}"\n' for n in range(count))


def pack_app(settings_file: Path, briefs: Path, pack: str | None = None) -> BriefcaseApp:
    """The app from the one factory on this briefs folder, showing `pack` if one is given."""
    app = create_app(
        settings_file=settings_file,
        theme_folders=[bundled_themes_dir()],
        briefs_folder=briefs,
        pack=briefs / f"{pack}.toml" if pack else None,
    )
    app.animation_level = "none"
    return app


def pack_on_disk(briefs: Path, name: str = "paris-day") -> Pack:
    """The pack as its file holds it now."""
    return PackStore(briefs).load(name).pack


def said(app: BriefcaseApp) -> str:
    """Every notice on screen, one a line."""
    return "\n".join(str(n.message) for n in app._notifications)


async def saved(pilot: Pilot[None]) -> None:
    """Wait until the background saver wrote the pack the user sees (or a save was refused)."""
    app = pilot.app
    assert isinstance(app, BriefcaseApp)
    await pilot.pause()
    for _ in range(1000):
        session = app.packs.session
        if session is None or (
            (not session.unsaved or session.refused) and not app.packs.save_waiting
        ):
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def on_pack_screen(pilot: Pilot[None]) -> PackScreen:
    """Wait for the corpus and for the pack screen the app opens with."""
    await loaded(pilot)
    for _ in range(100):
        if isinstance(pilot.app.screen, PackScreen):
            break
        await pilot.pause(0.01)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PackScreen)
    return screen
