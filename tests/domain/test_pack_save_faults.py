"""Issue 10: a save that cannot write (a full disk, a file size limit, a read-only folder) fails
in one line of ours and leaves the old pack, its backup and no temporary file."""

from __future__ import annotations

import errno
import os
import resource
import signal
from pathlib import Path

import pytest

from briefcase_tui.domain import storage
from briefcase_tui.domain.packs.codec import encode_pack
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.store import PackStore, backup_path
from briefcase_tui.errors import BriefcaseError

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to limit a saver")


def version(number: int) -> Pack:
    """A pack of about 13 kB, different for each number."""
    entries = tuple(Entry(note=f"version {number} note {n} " + "x" * 200) for n in range(60))
    return Pack(title=f"Version {number}", sections=(Section(title="S", entries=entries),))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of packs holding nothing else (tmp_path holds the test's home too)."""
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    return briefs


def packs_with_history(folder: Path) -> tuple[PackStore, Path, bytes, bytes]:
    """A pack saved twice (so it has a backup), with the bytes of the pack and of the backup."""
    store = PackStore(folder)
    path = store.create(version(1), folder / "pack.toml").path
    store.save(store.load(path), version(2))
    return store, path, path.read_bytes(), backup_path(path).read_bytes()


def assert_untouched(folder: Path, path: Path, pack: bytes, backup: bytes) -> None:
    """The old pack and its backup, byte for byte, and nothing else in the folder."""
    assert path.read_bytes() == pack, "the pack on disk is not the old one"
    assert backup_path(path).read_bytes() == backup, "the backup changed"
    assert sorted(p.name for p in folder.iterdir()) == [".pack.toml.bak", "pack.toml"]


def save_in_a_child_limited_to(store: PackStore, path: Path, limit: int) -> str:
    """Save version 3 in a forked child whose files may grow to `limit` bytes; its outcome.

    SIGXFSZ is ignored so that passing the limit makes the write fail with EFBIG, as it does
    for a program run under `ulimit -f`, instead of killing the child.
    """
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(reading)
        outcome = "the child failed before saving"
        try:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            store.save(store.load(path), version(3))
            outcome = "saved"
        except BriefcaseError as error:
            outcome = f"BriefcaseError: {error}"
        except BaseException as error:
            outcome = f"{type(error).__name__}: {error}"
        finally:
            os.write(writing, outcome.encode())
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as pipe:
        outcome = pipe.read().decode()
    os.waitpid(child, 0)
    return outcome


@needs_fork
def test_a_save_past_the_file_size_limit_fails_in_our_words_and_keeps_the_old_pack(
    folder: Path,
) -> None:
    store, path, pack, backup = packs_with_history(folder)
    limit = len(encode_pack(version(3))) // 2
    outcome = save_in_a_child_limited_to(store, path, limit)
    assert outcome == (
        f"BriefcaseError: {path}: cannot write: "
        "the file would pass the size limit for files (ulimit -f)"
    )
    assert_untouched(folder, path, pack, backup)
    assert save_in_a_child_limited_to(store, path, 10 * len(pack)) == "saved"


@pytest.mark.parametrize(
    ("number", "reason"),
    [(errno.ENOSPC, "the disk is full"), (errno.EDQUOT, "the disk quota is used up")],
)
@pytest.mark.parametrize("step", ["temp-created", "written", "fsynced"])
def test_a_disk_that_fills_while_saving_fails_in_our_words_and_keeps_the_old_pack(
    folder: Path, step: str, number: int, reason: str
) -> None:
    store, path, pack, backup = packs_with_history(folder)

    def fill_the_disk(reached: str, _: Path) -> None:
        if reached == step:
            raise OSError(number, os.strerror(number))

    storage.SAVE_STEP_HOOK = fill_the_disk
    try:
        with pytest.raises(BriefcaseError) as raised:
            store.save(store.load(path), version(3))
    finally:
        storage.SAVE_STEP_HOOK = None
    assert str(raised.value) == f"{path}: cannot write: {reason}"
    assert_untouched(folder, path, pack, backup)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_a_save_in_a_read_only_folder_is_refused_in_one_line_and_keeps_the_old_pack(
    folder: Path,
) -> None:
    store, path, pack, backup = packs_with_history(folder)
    folder.chmod(0o555)
    try:
        with pytest.raises(BriefcaseError) as raised:
            store.save(store.load(path), version(3))
    finally:
        folder.chmod(0o755)
    assert str(raised.value) == f"{folder}: cannot write in this folder: Permission denied"
    assert_untouched(folder, path, pack, backup)
