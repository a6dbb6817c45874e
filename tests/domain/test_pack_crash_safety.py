"""Killing a process in the middle of saving a pack never leaves a missing, empty or partial file."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.store import PackStore, backup_path

KILLS = 200


def version(number: int) -> Pack:
    """A pack big enough that writing it takes several system calls, different for each number."""
    entries = tuple(Entry(note=f"version {number} note {n} " + "x" * 200) for n in range(60))
    return Pack(title=f"Version {number}", sections=(Section(title="S", entries=entries),))


def keep_saving(store: PackStore, path: Path) -> None:
    """The child: save new versions of the pack as fast as it can until it is killed."""
    current = store.load(path)
    number = 1
    while True:
        number += 1
        current = store.save(current, version(number))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to kill a saver mid-write")
def test_a_pack_killed_mid_save_two_hundred_times_always_loads_as_a_whole_version(tmp_path: Path) -> None:
    store = PackStore(tmp_path)
    path = store.create(version(1), tmp_path / "pack.toml").path
    rng = random.Random(20250210)
    seen_titles: set[str] = set()
    for _ in range(KILLS):
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child until SIGKILL
            try:
                keep_saving(store, path)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0005, 0.02))
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        data = path.read_bytes()
        assert data, "the pack file is empty after a kill"
        pack = decode_pack(data, path)
        number = int(pack.title.removeprefix("Version "))
        assert pack == version(number), "the pack file holds a mix of two versions"
        seen_titles.add(pack.title)
        if backup_path(path).exists():
            decode_pack(backup_path(path).read_bytes(), backup_path(path))
    assert len(seen_titles) > 1, "the saver never got to write a new version: the test proves nothing"
    interrupted = list(tmp_path.glob(".pack.toml.*.tmp"))
    assert len(interrupted) >= KILLS // 10, "too few kills landed inside a save to prove anything"
    listed = [p.name for p in store.paths()]
    assert listed == ["pack.toml"], "temporary files or backups show up as packs"
