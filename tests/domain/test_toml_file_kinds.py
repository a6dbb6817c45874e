"""Issue 10: a pipe, a device or a folder given where a file belongs is named for what it is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefcase_tui.domain.tomlio import why_not_a_file


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "settings.toml"
    os.mkfifo(path)
    return path


def test_each_kind_of_path_is_named(tmp_path: Path, fifo: Path) -> None:
    (tmp_path / "pack.toml").write_text('title = "x"\n', encoding="utf-8")
    assert why_not_a_file(tmp_path / "pack.toml") is None
    assert why_not_a_file(tmp_path / "missing.toml") == "no such file"
    assert why_not_a_file(tmp_path / "pack.toml" / "inside") == "no such file"
    assert why_not_a_file(tmp_path) == "is a folder, not a file"
    assert why_not_a_file(fifo) == "is a named pipe (FIFO), not a file"
    assert why_not_a_file(Path("/dev/zero")) == "is a character device, not a file"


@pytest.mark.parametrize("where", ["fifo", "/dev/zero"])
def test_settings_that_are_a_pipe_or_a_device_are_refused_at_once(fifo: Path, where: str) -> None:
    path = fifo if where == "fifo" else Path(where)
    script = (
        "import sys; from pathlib import Path\n"
        "from briefcase_tui.domain.settings import load_settings\n"
        "from briefcase_tui.errors import BriefcaseError\n"
        "try:\n    load_settings(Path(sys.argv[1]))\n"
        "except BriefcaseError as error:\n    print(error)\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", script, str(path)],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path} as settings never finished")
    kind = "named pipe (FIFO)" if where == "fifo" else "character device"
    assert result.stdout == f"{path}: is a {kind}, not a file\n", result.stderr[-2000:]
