"""Saving packs from the app: keys apply at once and a background saver writes the latest
version, refused (with the four choices) when another program changed the file, and flushed
before quitting."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.packs.store import PackFile, PackStore, backup_path
from briefcase_tui.tui.dialogs.conflict import ConflictDialog
from briefcase_tui.tui.widgets.pack_outline import OutlineRow
from tests.tui.pack_helpers import (
    PARIS,
    SIZE,
    make_briefs,
    notes_pack,
    on_pack_screen,
    pack_app,
    pack_on_disk,
    said,
    saved,
)
from tests.tui.screen_text import screen_text

NOTES = 60
LONG = notes_pack(NOTES)
"""One section of sixty notes of one's own, so fifty moves down stay inside it."""


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    """A briefs folder of this test's own, with the Paris pack and a long one."""
    folder = make_briefs(tmp_path)
    (folder / "long.toml").write_text(LONG, encoding="utf-8")
    return folder


def _notes(pack: Pack) -> list[str]:
    return [entry.note for entry in pack.sections[0].entries]


def _slow_saves(monkeypatch: pytest.MonkeyPatch, seconds: float) -> list[Pack]:
    """Make every save take `seconds` (a slow disk) and record what each one wrote."""
    written: list[Pack] = []
    save = PackStore.save

    def slow(self: PackStore, current: PackFile, pack: Pack, *, force: bool = False) -> PackFile:
        time.sleep(seconds)
        result = save(self, current, pack, force=force)
        written.append(pack)
        return result

    monkeypatch.setattr(PackStore, "save", slow)
    return written


def _held_saves(monkeypatch: pytest.MonkeyPatch, disk: threading.Event) -> list[Pack]:
    """Make every save wait until `disk` is set (a disk that stalls) and record what it wrote."""
    written: list[Pack] = []
    save = PackStore.save

    def held(self: PackStore, current: PackFile, pack: Pack, *, force: bool = False) -> PackFile:
        disk.wait(timeout=60)
        result = save(self, current, pack, force=force)
        written.append(pack)
        return result

    monkeypatch.setattr(PackStore, "save", held)
    return written


async def test_fifty_J_presses_in_a_burst_leave_the_entry_fifty_places_down_on_screen_and_disk(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "long")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        await pilot.press(*["J"] * 50)
        await saved(pilot)
        assert app.packs.session is not None
        assert _notes(app.packs.session.current)[50] == "Note 0"
        assert screen.cursor == OutlineRow(0, 50)
        assert pack_on_disk(briefs, "long") == app.packs.session.current
        assert len(_notes(pack_on_disk(briefs, "long"))) == NOTES


async def test_a_read_only_pack_is_not_saved_over_and_the_app_says_so(
    settings_file: Path, briefs: Path
) -> None:
    path = briefs / "long.toml"
    path.chmod(0o444)
    app = pack_app(settings_file, briefs, "long")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("J")
        for _ in range(500):  # `saved` waits for a write or a refusal, and neither comes
            if "Not saved" in said(app):
                break
            await pilot.pause(0.01)
        assert f"Not saved: {path}: is read-only" in said(app)
        assert app.packs.session is not None
        assert _notes(app.packs.session.current)[1] == "Note 0"
    assert path.read_text(encoding="utf-8") == LONG
    assert not backup_path(path).exists()


async def test_on_a_slow_disk_keys_do_not_wait_and_saves_are_coalesced(
    settings_file: Path, briefs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk is held until all twenty keys are in: a save then writes the latest version.

    Holding the disk (rather than making it merely slow) keeps the test from depending on how
    fast a busy machine delivers the keys.
    """
    disk = threading.Event()
    written = _held_saves(monkeypatch, disk)
    app = pack_app(settings_file, briefs, "long")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        await pilot.press(*["J"] * 20)
        assert app.packs.session is not None
        assert _notes(app.packs.session.current)[20] == "Note 0", (
            "every key applied, whatever the disk"
        )
        assert screen.cursor == OutlineRow(0, 20)
        assert written == [], "no save finished while the disk was held"
        disk.set()
        await saved(pilot)
        # The save held since the first key, then at most one more with the latest version.
        assert 1 <= len(written) <= 2, "the saver writes the latest version, not every step"
        assert pack_on_disk(briefs, "long") == app.packs.session.current
        await pilot.press("u")
        await saved(pilot)
        assert _notes(pack_on_disk(briefs, "long"))[19] == "Note 0", (
            "undo steps are the keys, not the saves"
        )


async def test_quitting_writes_a_change_still_being_saved(
    settings_file: Path, briefs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _slow_saves(monkeypatch, 0.3)
    app = pack_app(settings_file, briefs, "long")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("J", "J", "J", "q")
        await pilot.pause()
    assert _notes(pack_on_disk(briefs, "long"))[3] == "Note 0"


async def test_quitting_with_a_change_the_file_refused_asks_first_and_a_copy_keeps_it(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    theirs = PARIS.replace('"Paris day"', '"Theirs"')
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        path.write_text(theirs, encoding="utf-8")
        await pilot.press("J")
        await saved(pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("escape", "q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ConflictDialog)
        assert "press q again to quit without it" in said(app)
        await pilot.press("enter")  # save mine as a copy
        await pilot.pause()
        assert pack_on_disk(briefs, "paris-day-copy").item_ids() == ["statement-p6", "tech7-p2"]
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    assert path.read_text(encoding="utf-8") == theirs


def _brief(briefs: Path, *args: str) -> None:
    """Run the real command line in another process, on the same briefs folder."""
    env = dict(os.environ, BRIEF_DIR=str(briefs))
    done = subprocess.run(
        [sys.executable, "-m", "briefcase_tui", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("choice", ["reload", "copy", "overwrite", "cancel"])
async def test_a_cli_edit_between_app_edits_is_never_silently_overwritten_and_no_choice_loses_it(
    settings_file: Path, briefs: Path, choice: str
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("J")  # first app edit: tech7-p2 below statement-p6
        await saved(pilot)
        assert pack_on_disk(briefs).item_ids() == ["statement-p6", "tech7-p2"]
        _brief(briefs, "pack", "note", "paris-day", "statement-p6", "From the command line")
        cli_version = path.read_bytes()
        await pilot.press("exclamation_mark")  # second app edit: tech7-p2 must → should
        await saved(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert path.read_bytes() == cli_version, (
            "the app did not write over the command line's edit"
        )
        await pilot.click(f"#conflict-{choice}")
        await saved(pilot)
        session = app.packs.session
        assert session is not None
        on_disk = pack_on_disk(briefs)
        if choice == "reload":
            assert session.current == on_disk and path.read_bytes() == cli_version
            assert on_disk.sections[0].entries[0].note == "From the command line"
        elif choice == "copy":
            assert path.read_bytes() == cli_version
            copy = pack_on_disk(briefs, "paris-day-copy")
            assert copy.sections[0].entries[1].priority == "should" and session.current == copy
        elif choice == "overwrite":
            assert on_disk.sections[0].entries[1].priority == "should"
            assert backup_path(path).read_bytes() == cli_version, (
                "the command line's version is the backup"
            )
        else:
            assert path.read_bytes() == cli_version
            assert (
                session.pending is not None
                and session.pending.sections[0].entries[1].priority == "should"
            )
            assert "⚠ not saved" in screen_text(app)
            await pilot.press("K")  # a third edit asks again rather than writing
            await saved(pilot)
            assert isinstance(app.screen, ConflictDialog) and path.read_bytes() == cli_version
