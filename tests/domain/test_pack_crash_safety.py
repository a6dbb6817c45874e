"""Killing a process in the middle of saving a pack never leaves a missing, empty or partial file.

A forked child saves the pack and SIGKILLs itself at one named step of `atomic_write` (through
`storage.SAVE_STEP_HOOK`), so every kill lands exactly where the test says, whatever the load on
the machine: each step, several times, in the first, second or third save of the child.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefcase_tui.domain import storage
from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.store import PackStore, backup_path

ROUNDS = 12
"""Kills at each step; the round also chooses which of the child's saves is killed (1st to 3rd)."""
CHILD_TIMEOUT = 30.0
"""Seconds a child may take to reach its step before the test gives up (it takes milliseconds)."""

CREATE_STEPS = tuple(
    step for step in storage.SAVE_STEPS if step not in {"backup-staged", "backed-up"}
)
"""A new pack has no old file to back up."""

needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="needs fork to kill a saver mid-write"
)


def version(number: int) -> Pack:
    """A pack big enough that writing it takes several system calls, different for each number."""
    entries = tuple(Entry(note=f"version {number} note {n} " + "x" * 200) for n in range(60))
    return Pack(title=f"Version {number}", sections=(Section(title="S", entries=entries),))


def number_of(pack: Pack) -> int:
    """The version a pack is, checked to be that whole version and not a mix of two."""
    number = int(pack.title.removeprefix("Version "))
    assert pack == version(number), "the pack file holds a mix of two versions"
    return number


def run_killed_at(step: str, save_number: int, work: Callable[[], None]) -> None:
    """Run `work` in a forked child that SIGKILLs itself when save `save_number` reaches `step`.

    Fails if the child finishes, fails, or hangs instead: every kill must land where it was aimed.
    """
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child until SIGKILL
        status = 3  # never return into pytest from the child: any failure exits with 3
        try:
            saves_begun = 0

            def kill_at_step(reached: str, path: Path) -> None:
                nonlocal saves_begun
                if reached == "temp-created":
                    saves_begun += 1
                if reached == step and saves_begun == save_number:
                    os.kill(os.getpid(), signal.SIGKILL)

            storage.SAVE_STEP_HOOK = kill_at_step
            work()
            status = 0
        finally:
            os._exit(status)
    deadline = time.monotonic() + CHILD_TIMEOUT
    while True:
        done, wait_status = os.waitpid(child, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
            pytest.fail(f"the saver never reached {step!r} of save {save_number}")
        time.sleep(0.001)
    assert os.WIFSIGNALED(wait_status) and os.WTERMSIG(wait_status) == signal.SIGKILL, (
        f"the saver was not killed at {step!r} of save {save_number} (wait status {wait_status})"
    )


def saving(store: PackStore, path: Path, *numbers: int) -> Callable[[], None]:
    """The child's work: load the pack, then save these versions of it one after another."""

    def work() -> None:
        current = store.load(path)
        for number in numbers:
            current = store.save(current, version(number))

    return work


def creating(store: PackStore, path: Path, number: int) -> Callable[[], None]:
    """The child's work: create a new pack file holding this version."""

    def work() -> None:
        store.create(version(number), path)

    return work


def test_the_hook_names_every_step_of_a_save_in_order(tmp_path: Path) -> None:
    store = PackStore(tmp_path)
    seen: list[tuple[str, str]] = []
    storage.SAVE_STEP_HOOK = lambda step, path: seen.append((step, path.name))
    try:
        current = store.create(version(1), tmp_path / "pack.toml")
        created = list(seen)
        seen.clear()
        store.save(current, version(2))
    finally:
        storage.SAVE_STEP_HOOK = None
    assert created == [(step, "pack.toml") for step in CREATE_STEPS]
    assert seen == [(step, "pack.toml") for step in storage.SAVE_STEPS]


@needs_fork
@pytest.mark.parametrize("step", storage.SAVE_STEPS)
def test_a_pack_killed_at_each_step_of_a_save_loads_as_the_old_or_the_new_version(
    tmp_path: Path, step: str
) -> None:
    store = PackStore(tmp_path)
    path = store.create(version(1), tmp_path / "pack.toml").path
    on_disk = 1
    new_once_replaced = storage.SAVE_STEPS.index(step) >= storage.SAVE_STEPS.index("replaced")
    for round_number in range(ROUNDS):
        save_number = 1 + round_number % 3
        start = on_disk
        run_killed_at(step, save_number, saving(store, path, start + 1, start + 2, start + 3))
        old, new = start + save_number - 1, start + save_number
        data = path.read_bytes()
        assert data, f"the pack file is empty after a kill at {step!r}"
        on_disk = number_of(decode_pack(data, path))
        assert on_disk == (new if new_once_replaced else old), (
            f"a kill at {step!r} left version {on_disk}, "
            f"not {'the new' if new_once_replaced else 'the old'} one"
        )
        backup = backup_path(path)
        if backup.exists():
            number_of(decode_pack(backup.read_bytes(), backup))
        assert [p.name for p in store.paths()] == ["pack.toml"], (
            "temporary files or backups show up as packs"
        )
    if step in {"temp-created", "written", "fsynced", "mode-set", "backup-staged", "backed-up"}:
        assert list(tmp_path.glob(".pack.toml.*.tmp")), (
            "a kill before the replace left no temporary file"
        )


@needs_fork
@pytest.mark.parametrize("step", CREATE_STEPS)
def test_a_new_pack_killed_at_each_step_of_its_creation_is_absent_or_whole(
    tmp_path: Path, step: str
) -> None:
    store = PackStore(tmp_path)
    path = tmp_path / "new.toml"
    run_killed_at(step, 1, creating(store, path, 7))
    if storage.SAVE_STEPS.index(step) >= storage.SAVE_STEPS.index("replaced"):
        assert number_of(decode_pack(path.read_bytes(), path)) == 7
    else:
        assert not path.exists(), f"a kill at {step!r} left a new pack before it was complete"
    assert [p.name for p in store.paths()] == ([path.name] if path.exists() else [])


def _age(path: Path, seconds: float) -> None:
    """Make a file look unchanged for `seconds`."""
    then = time.time() - seconds
    os.utime(path, (then, then))


@needs_fork
def test_the_next_save_removes_what_killed_saves_left_but_never_a_fresh_temporary_file(
    tmp_path: Path,
) -> None:
    store = PackStore(tmp_path)
    path = store.create(version(1), tmp_path / "pack.toml").path
    other = store.create(version(1), tmp_path / "other.toml").path
    run_killed_at("fsynced", 1, saving(store, path, 2))
    run_killed_at("backed-up", 1, saving(store, other, 2))
    stale = sorted(tmp_path.glob(".*.toml.*.tmp"))
    assert len(stale) == 2
    for temp in stale:
        _age(temp, storage.STALE_TEMP_SECONDS + 60)
    run_killed_at("written", 1, saving(store, path, 2))
    (fresh,) = set(tmp_path.glob(".pack.toml.*.tmp")) - set(stale)
    not_ours = [
        tmp_path / ".notes.txt.abcdefgh.tmp",
        tmp_path / ".pack.toml.abc.tmp",
        tmp_path / "pack.toml.abcdefgh.tmp",
        tmp_path / ".pack.toml.ABCDEFGH.tmp",
    ]
    for stranger in not_ours:
        stranger.write_bytes(b"someone else's")
        _age(stranger, storage.STALE_TEMP_SECONDS + 60)
    assert storage.stale_temp_files(tmp_path, ".toml") == stale
    store.save(store.load(path), version(5))
    assert not any(temp.exists() for temp in stale), "debris of killed saves survived a save"
    assert fresh.exists(), "a temporary file young enough to be a live save's was removed"
    assert all(stranger.exists() for stranger in not_ours), "a file not named as ours was removed"
    assert number_of(decode_pack(path.read_bytes(), path)) == 5


def leftovers(folder: Path) -> list[str]:
    """Files in `folder` that are neither a pack nor a pack's backup: what saves left behind."""
    return sorted(
        p.name
        for p in folder.iterdir()
        if not (p.suffix == ".toml" or p.name.endswith(".toml.bak"))
    )


@needs_fork
@pytest.mark.parametrize("step", storage.SAVE_STEPS)
def test_after_a_kill_at_each_step_the_next_save_leaves_nothing_behind_and_a_whole_backup(
    tmp_path: Path, step: str
) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    store = PackStore(folder)
    path = store.create(version(1), folder / "pack.toml").path
    on_disk = 1
    new_once_replaced = storage.SAVE_STEPS.index(step) >= storage.SAVE_STEPS.index("replaced")
    for _ in range(ROUNDS):
        old, new = on_disk, on_disk + 1
        run_killed_at(step, 1, saving(store, path, new))
        on_disk = number_of(decode_pack(path.read_bytes(), path))
        assert on_disk == (new if new_once_replaced else old), f"a kill at {step!r}: {on_disk}"
        for debris in folder.glob(".pack.toml.*"):
            _age(debris, storage.STALE_TEMP_SECONDS + 60)
        before_next = on_disk
        on_disk += 10
        store.save(store.load(path), version(on_disk))
        assert leftovers(folder) == [], f"a kill at {step!r} left debris past the next save"
        assert sorted(p.name for p in folder.iterdir()) == [".pack.toml.bak", "pack.toml"]
        assert number_of(decode_pack(path.read_bytes(), path)) == on_disk
        backup = backup_path(path)
        assert number_of(decode_pack(backup.read_bytes(), backup)) == before_next, (
            "the backup is not the whole pack the next save replaced"
        )


@needs_fork
@pytest.mark.parametrize("step", CREATE_STEPS)
def test_after_a_creation_killed_at_each_step_the_next_save_leaves_nothing_behind(
    tmp_path: Path, step: str
) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    store = PackStore(folder)
    path = store.create(version(1), folder / "pack.toml").path
    new = folder / "new.toml"
    run_killed_at(step, 1, creating(store, new, 7))
    for debris in folder.glob(".new.toml.*"):
        _age(debris, storage.STALE_TEMP_SECONDS + 60)
    store.save(store.load(path), version(2))
    assert leftovers(folder) == [], f"a creation killed at {step!r} left debris"
    if new.exists():
        assert number_of(decode_pack(new.read_bytes(), new)) == 7
