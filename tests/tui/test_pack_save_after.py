"""The save that follows a key: written once the keys pause, at once when leaving, never over
another program's change; and a screen hidden under the pack screen catching up when shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.packs.store import PackFile, PackStore
from briefcase_tui.tui import pack_controller
from briefcase_tui.tui.dialogs.conflict import ConflictDialog
from tests.tui.pack_helpers import (
    PARIS,
    SIZE,
    make_briefs,
    notes_pack,
    on_pack_screen,
    pack_app,
    pack_on_disk,
    saved,
)
from tests.tui.screen_text import screen_text

NOTES = 12
LONG = notes_pack(NOTES)


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    """A briefs folder with the Paris pack and a pack of twelve notes."""
    folder = make_briefs(tmp_path)
    (folder / "long.toml").write_text(LONG, encoding="utf-8")
    return folder


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[Pack]:
    """Every pack the store writes, in order."""
    written: list[Pack] = []
    save = PackStore.save

    def recorded(
        self: PackStore, current: PackFile, pack: Pack, *, force: bool = False
    ) -> PackFile:
        result = save(self, current, pack, force=force)
        written.append(pack)
        return result

    monkeypatch.setattr(PackStore, "save", recorded)
    return written


def _notes(pack: Pack) -> list[str]:
    return [entry.note for entry in pack.sections[0].entries]


async def test_keys_are_written_once_after_they_pause_and_quitting_writes_them_at_once(
    settings_file: Path, briefs: Path, writes: list[Pack], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pack_controller, "SAVE_AFTER", 60.0)  # the keys never pause long enough
    app = pack_app(settings_file, briefs, "long")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("J", "J", "J")
        assert app.packs.session is not None
        assert _notes(app.packs.session.current)[3] == "Note 0", "the keys applied at once"
        assert writes == [], "nothing written while the keys have not paused"
        assert (briefs / "long.toml").read_text(encoding="utf-8") == LONG
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    assert len(writes) == 1, "three keys, one write"
    assert _notes(pack_on_disk(briefs, "long"))[3] == "Note 0", "quitting wrote the change"


async def test_the_save_follows_once_the_keys_pause(
    settings_file: Path, briefs: Path, writes: list[Pack]
) -> None:
    app = pack_app(settings_file, briefs, "long")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("J", "J")
        await saved(pilot)
        assert app.packs.session is not None and not app.packs.session.unsaved
        assert 1 <= len(writes) <= 2, "a save per pause in the keys, not per key"
        assert _notes(pack_on_disk(briefs, "long"))[2] == "Note 0"


async def test_opening_another_pack_first_writes_the_change_waiting_to_be_saved(
    settings_file: Path, briefs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pack_controller, "SAVE_AFTER", 60.0)
    app = pack_app(settings_file, briefs, "long")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("J")
        assert app.packs.open(briefs / "paris-day.toml")
        await pilot.pause()
        assert _notes(pack_on_disk(briefs, "long"))[1] == "Note 0"
        assert app.packs.session is not None
        assert app.packs.session.current.title == "Paris day"


async def test_a_file_changed_while_the_save_waits_is_refused_not_overwritten(
    settings_file: Path, briefs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pack_controller, "SAVE_AFTER", 1.0)
    path = briefs / "paris-day.toml"
    theirs = PARIS.replace('"Paris day"', '"Theirs"')
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("J")
        assert app.packs.save_waiting and path.read_text(encoding="utf-8") == PARIS
        path.write_text(theirs, encoding="utf-8")  # another program, before the save
        await saved(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert path.read_text(encoding="utf-8") == theirs, "their version is left as it is"
        await pilot.press("escape")
        await pilot.pause()
        assert "⚠ not saved" in screen_text(app)
        assert app.packs.session is not None and app.packs.session.pending is not None
        assert app.packs.session.pending.item_ids() == ["statement-p6", "tech7-p2"]


async def test_the_browse_status_catches_up_with_edits_made_on_the_pack_screen(
    settings_file: Path, briefs: Path
) -> None:
    """The browse screen under the pack screen is told of the change when it shows again."""
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("x")  # remove the first entry: three entries, then two
        await saved(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert "Pack: Paris day · 2 entries" in screen_text(app)
