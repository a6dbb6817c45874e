"""`brief pack` saves, run as real processes: links followed, read-only packs refused, debris
of killed saves named by `validate` and removed by the next save."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from briefcase_tui.domain import storage
from briefcase_tui.domain.packs.store import PackStore, backup_path
from tests.cli.test_pack_cli import SUMMIT, load
from tests.domain.test_pack_crash_safety import needs_fork, run_killed_at
from tests.limits import memory_limit


def brief_process(
    briefs: Path, *args: str, preexec_fn: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real `brief` (this tree's code) in its own process, with `briefs` as BRIEF_DIR."""
    env = {k: v for k, v in os.environ.items() if k != "BRIEF_CORPUS"}
    env["BRIEF_DIR"] = str(briefs)
    return subprocess.run(
        [sys.executable, "-m", "briefcase_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=preexec_fn,
        timeout=120,
        check=False,
    )


def test_an_edit_through_a_link_lands_in_the_file_it_points_to_with_a_copied_backup(
    tmp_path: Path,
) -> None:
    real_folder = tmp_path / "kept"
    real_folder.mkdir()
    real = real_folder / "summit.toml"
    real.write_text(SUMMIT, encoding="utf-8")
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    link = briefs / "summit.toml"
    link.symlink_to(real)
    result = brief_process(briefs, "pack", "add", "summit", "day-2025-02-10")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.readlink() == real
    assert "day-2025-02-10" in load(real).item_ids()
    backup = backup_path(real)
    assert not backup.is_symlink() and backup.read_text(encoding="utf-8") == SUMMIT
    assert backup.stat().st_ino != real.stat().st_ino
    assert sorted(p.name for p in briefs.iterdir()) == ["summit.toml"]


def test_a_read_only_pack_is_refused_in_one_line_and_left_untouched(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    pack = briefs / "summit.toml"
    pack.write_text(SUMMIT, encoding="utf-8")
    pack.chmod(0o444)
    result = brief_process(briefs, "pack", "add", "summit", "day-2025-02-10")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"brief: {pack}: ") and "read-only" in result.stderr
    assert pack.read_text(encoding="utf-8") == SUMMIT and pack.stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in briefs.iterdir()) == ["summit.toml"]


def test_a_named_pipe_or_a_device_given_as_a_pack_is_named_for_what_it_is(
    tmp_path: Path,
) -> None:
    """Never "no such file" for a file that is there, and never a read that waits forever."""
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    pipe = tmp_path / "pack.toml"
    os.mkfifo(pipe)
    for given, what in (
        (pipe, "is a named pipe (FIFO), not a file"),
        (Path("/dev/zero"), "is a character device, not a file"),
    ):
        for command in (("pack", "show", str(given)), ("pack", "validate", str(given))):
            result = brief_process(briefs, *command)
            assert result.returncode == 1, command
            assert result.stderr.count("\n") == 1, command
            assert result.stderr.rstrip("\n").endswith(f"{given}: {what}"), command


@needs_fork
def test_validate_names_debris_of_a_killed_save_and_the_next_save_removes_it(
    tmp_path: Path,
) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    pack = briefs / "summit.toml"
    pack.write_text(SUMMIT, encoding="utf-8")
    store = PackStore(briefs)

    def save_once() -> None:
        loaded = store.load(pack)
        store.save(loaded, loaded.pack.model_copy(update={"title": "Killed"}))

    run_killed_at("fsynced", 1, save_once)
    (debris,) = briefs.glob(".summit.toml.*.tmp")
    validated = brief_process(briefs, "pack", "validate", "summit")
    assert validated.returncode == 0, validated.stderr
    assert f"brief: warning: {debris}: temporary file of an interrupted save" in validated.stderr
    assert debris.exists(), "validate only names debris; it removes nothing"
    then = time.time() - storage.STALE_TEMP_SECONDS - 60
    os.utime(debris, (then, then))
    added = brief_process(briefs, "pack", "add", "summit", "day-2025-02-10")
    assert added.returncode == 0, added.stderr
    assert not debris.exists()
    assert sorted(p.name for p in briefs.iterdir()) == [".summit.toml.bak", "summit.toml"]
    assert "temporary file" not in brief_process(briefs, "pack", "validate", "summit").stderr


def test_a_huge_pack_file_is_refused_without_being_read_whole(tmp_path: Path) -> None:
    """A 4 GB pack (sparse: no disk used), shown by a process allowed 1.5 GB of memory."""
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    huge = briefs / "huge.toml"
    with huge.open("wb") as file:
        file.truncate(4 * 1024**3)

    for command in (("pack", "show", "huge"), ("pack", "validate", str(huge))):
        result = brief_process(briefs, *command, preexec_fn=memory_limit(1536 * 1024**2))
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
        assert f"{huge}: file is larger than 16 MiB" in result.stderr, command
