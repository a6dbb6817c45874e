"""Issue 10: input problems exit 1 with one line of ours, checked with the real `brief`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefcase_tui.domain.packs.layout import MAX_PACK_BYTES


def brief_process(
    *args: str, cwd: Path, timeout: float = 60, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The real `brief` in a child process, with the briefs folder in `cwd`."""
    env = {**os.environ, "BRIEF_DIR": str(cwd / "briefs")}
    return subprocess.run(
        [sys.executable, "-m", "briefcase_tui", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )


def assert_one_line_of_ours(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("brief: "), result.stderr
    assert "Traceback" not in result.stderr and "validation" not in result.stderr.lower()
    return result.stderr


@pytest.mark.parametrize("template", [None, "day-sheet"])
def test_a_title_of_control_characters_only_is_refused_in_our_words(
    tmp_path: Path, template: str | None
) -> None:
    (tmp_path / "briefs").mkdir()
    args = ["pack", "new", "\x01\x02 \x7f"]
    if template is not None:
        args += ["--template", template, "--param", "2025-02-10"]
    result = brief_process(*args, cwd=tmp_path)
    assert "title" in assert_one_line_of_ours(result)
    assert list((tmp_path / "briefs").iterdir()) == []


def test_a_note_too_large_to_read_back_is_refused_and_the_pack_stays_readable(
    tmp_path: Path,
) -> None:
    (tmp_path / "briefs").mkdir()
    assert brief_process("pack", "new", "Summit", cwd=tmp_path).returncode == 0
    assert brief_process("pack", "add", "summit", "--note", "Badges", cwd=tmp_path).returncode == 0
    pack = tmp_path / "briefs" / "summit.toml"
    before = pack.read_bytes()
    huge = "All the words. " * (MAX_PACK_BYTES // 15 + 1)
    result = brief_process("pack", "note", "summit", "1", "-", cwd=tmp_path, stdin=huge)
    assert "cannot save: the pack would be" in assert_one_line_of_ours(result)
    assert pack.read_bytes() == before
    shown = brief_process("pack", "show", "summit", cwd=tmp_path)
    assert shown.returncode == 0 and "Badges" in shown.stdout
