"""Issue 10: the real `brief`, unable to write a pack (a file size limit as under `ulimit -f`,
a read-only folder), exits 1 with one line of ours and leaves the old pack and no debris."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.store import PackStore, backup_path

NOTE = "A long note that the full disk will not take. " * 600
"""About 28 kB: the new pack cannot be written under LIMIT, the old one (under 1 kB) was."""
LIMIT = 8 * 1024


def brief(
    folder: Path, *args: str, stdin: str = "", preexec_fn: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """`brief ARGS` as a separate process using `folder` as its briefs folder."""
    return subprocess.run(
        [sys.executable, "-m", "briefcase_tui", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, "BRIEF_DIR": str(folder)},
        preexec_fn=preexec_fn,
        timeout=60,
        check=False,
    )


def limit_file_size() -> None:
    """In the child: files may grow to LIMIT bytes; writing past it fails with EFBIG."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


@pytest.fixture
def saved_pack(tmp_path: Path) -> tuple[Path, bytes, bytes]:
    """A pack with one entry, saved twice so it has a backup; its path, bytes, backup bytes."""
    folder = tmp_path / "briefs"
    folder.mkdir()
    store = PackStore(folder)
    first = Pack(title="Summit", sections=(Section(title="S", entries=(Entry(note="v1"),)),))
    current = store.create(first, folder / "summit.toml")
    second = Pack(title="Summit", sections=(Section(title="S", entries=(Entry(note="v2"),)),))
    path = store.save(current, second).path
    return path, path.read_bytes(), backup_path(path).read_bytes()


def assert_one_line_of_ours(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("brief: "), result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def assert_untouched(path: Path, pack: bytes, backup: bytes) -> None:
    assert path.read_bytes() == pack, "the pack on disk is not the old one"
    assert backup_path(path).read_bytes() == backup, "the backup changed"
    assert sorted(p.name for p in path.parent.iterdir()) == [".summit.toml.bak", "summit.toml"]


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs a file size limit")
def test_a_note_past_the_file_size_limit_exits_1_in_one_line_and_keeps_the_old_pack(
    saved_pack: tuple[Path, bytes, bytes],
) -> None:
    path, pack, backup = saved_pack
    assert brief(path.parent, "pack", "show", "summit").returncode == 0  # any cache is written
    result = brief(
        path.parent, "pack", "note", "summit", "1", "-", stdin=NOTE, preexec_fn=limit_file_size
    )
    assert assert_one_line_of_ours(result) == (
        f"brief: {path}: cannot write: the file would pass the size limit for files (ulimit -f)\n"
    )
    assert_untouched(path, pack, backup)
    assert brief(path.parent, "pack", "note", "summit", "1", "-", stdin=NOTE).returncode == 0
    assert NOTE.strip() in path.read_text(encoding="utf-8")


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_a_note_in_a_read_only_folder_exits_1_in_one_line_and_keeps_the_old_pack(
    saved_pack: tuple[Path, bytes, bytes],
) -> None:
    path, pack, backup = saved_pack
    path.parent.chmod(0o555)
    try:
        result = brief(path.parent, "pack", "note", "summit", "1", "new words")
    finally:
        path.parent.chmod(0o755)
    assert "cannot write in this folder" in assert_one_line_of_ours(result)
    assert_untouched(path, pack, backup)
