"""Two `brief pack` writers on one pack at once: every edit reported done is in the file, every
edit refused is named with its reason, and the lock that makes it so never waits forever."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefcase_tui.domain import storage
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.packs.store import PackFile, PackStore
from briefcase_tui.errors import BriefcaseError
from tests.cli.test_pack_cli import SUMMIT, load, run

EDITS_PER_WRITER = 100

WRITER = """
import contextlib, io, json, sys, time
from pathlib import Path
from briefcase_tui.cli.app import main

briefs, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
for number in range(count):
    note = f"{name}-{number:03}"
    err = io.StringIO()
    sys.argv = ["brief", "--briefs", briefs, "pack", "add", "summit", "--note", note]
    code = 0
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            main()
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    print(json.dumps({"note": note, "code": code, "stderr": err.getvalue()}), flush=True)
"""
"""One writer process: `brief pack add summit --note NAME-NNN` through the CLI's own `main`,
COUNT times in one process (200 process starts would take longer than the race), one JSON
line per edit. It starts editing when the GO file appears, so both writers race from the start.
"""


def start_writer(briefs: Path, name: str, go: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("BRIEF_CORPUS", "BRIEF_DIR")}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(briefs), name, str(EDITS_PER_WRITER), str(go)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    return writer


def test_two_writer_processes_lose_no_edit_and_name_every_refusal(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "summit.toml").write_text(SUMMIT, encoding="utf-8")
    go = tmp_path / "go"
    started = time.monotonic()
    writers = [start_writer(briefs, name, go) for name in ("a", "b")]
    go.touch()
    outcomes = []
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        outcomes += [json.loads(line) for line in out.splitlines()]
    elapsed = time.monotonic() - started
    assert len(outcomes) == 2 * EDITS_PER_WRITER

    notes = [
        entry.note for section in load(briefs / "summit.toml").sections for entry in section.entries
    ]
    succeeded = {o["note"] for o in outcomes if o["code"] == 0}
    refused = [o for o in outcomes if o["code"] != 0]
    lost = sorted(succeeded - set(notes))
    print(f"{len(outcomes)} edits, {len(refused)} refused, {len(lost)} lost in {elapsed:.1f} s")
    assert lost == []
    assert sorted(n for n in notes if n in succeeded) == sorted(succeeded), "an edit twice"
    assert not {o["note"] for o in refused} & set(notes), "a refused edit was written"
    for refusal in refused:
        assert refusal["code"] == 1
        assert str(briefs / "summit.toml") in refusal["stderr"], refusal
        assert "Traceback" not in refusal["stderr"] and refusal["stderr"].count("\n") == 1


def test_the_folder_lock_excludes_a_second_holder_and_says_so_when_it_waits_too_long(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    with storage.folder_lock(folder):
        began = time.monotonic()
        with pytest.raises(BriefcaseError) as refused:
            with storage.folder_lock(folder, timeout=0.2):
                pytest.fail("two holders at once")
        assert time.monotonic() - began >= 0.2
    assert "held it for 0.2 seconds" in refused.value.message
    assert refused.value.path == folder
    with storage.folder_lock(folder, timeout=0.2):
        pass
    assert list(folder.iterdir()) == [], "a lock leaves nothing behind"


def test_a_save_waits_for_the_lock_and_is_refused_clearly_when_it_is_never_freed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "summit.toml").write_text(SUMMIT, encoding="utf-8")
    store = PackStore(tmp_path)
    packfile = store.load("summit")
    monkeypatch.setattr(storage, "FOLDER_LOCK_SECONDS", 0.1)
    with storage.folder_lock(tmp_path):
        with pytest.raises(BriefcaseError, match="held it for"):
            store.save(packfile, packfile.pack.model_copy(update={"title": "New"}))
    assert (tmp_path / "summit.toml").read_text(encoding="utf-8") == SUMMIT


def change_behind_the_first_save(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Make another writer replace the pack with `text` just before our first save checks it."""
    original = PackStore.save
    calls: list[PackFile] = []

    def racing_save(
        self: PackStore, current: PackFile, pack: Pack, *, force: bool = False
    ) -> PackFile:
        if not calls:
            current.path.write_text(text, encoding="utf-8")
        calls.append(current)
        return original(self, current, pack, force=force)

    monkeypatch.setattr(PackStore, "save", racing_save)


def test_an_edit_that_lost_a_race_is_applied_again_to_the_other_writers_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "summit.toml").write_text(SUMMIT, encoding="utf-8")
    theirs = SUMMIT.replace('title = "Asks"', 'title = "Their asks"')
    change_behind_the_first_save(monkeypatch, theirs)
    code, _, err = run(tmp_path, "pack", "note", "summit", "day-2025-02-11", "Bring the badge")
    assert code == 0, err
    pack = load(tmp_path / "summit.toml")
    assert pack.sections[1].title == "Their asks"
    assert pack.sections[1].entries[0].note == "Bring the badge"


def test_an_edit_that_no_longer_applies_after_a_race_is_refused_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "summit.toml").write_text(SUMMIT, encoding="utf-8")
    theirs = SUMMIT.replace('\n[[sections.entries]]\nitem = "day-2025-02-11"\n', "")
    assert theirs != SUMMIT
    change_behind_the_first_save(monkeypatch, theirs)
    code, _, err = run(tmp_path, "pack", "note", "summit", "day-2025-02-11", "Bring the badge")
    assert code == 1
    assert str(tmp_path / "summit.toml") in err
    assert "changed on disk while this edit was being saved, and it no longer applies" in err
    assert "day-2025-02-11" in err
    assert (tmp_path / "summit.toml").read_text(encoding="utf-8") == theirs
