"""The real `brief export`, unable to finish writing a large export (a file size limit as under
`ulimit -f`), exits 1 with one line of ours and leaves the old export and no debris."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus

LIMIT = 256 * 1024
"""Past the first pieces of the export (a few hundred kilobytes in all), well short of its end."""


def large_pack(corpus: Corpus) -> str:
    """A pack naming every item of the bundled corpus three times over, with a note each."""
    lines = ['title = "Large"', ""]
    for copy in range(3):
        lines += ["[[sections]]", f'title = "Copy {copy + 1}"', ""]
        for item in corpus.items:
            lines += ["[[sections.entries]]", f'item = "{item.id}"', 'note = "Ask first."', ""]
    return "\n".join(lines)


def limit_file_size() -> None:
    """In the child: files may grow to LIMIT bytes; writing past it fails with EFBIG."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def export(pack: Path, target: Path, *, limited: bool) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefcase_tui", "export", str(pack), "-o", str(target)],
        capture_output=True,
        text=True,
        env={**os.environ, "BRIEF_DIR": str(pack.parent)},
        preexec_fn=limit_file_size if limited else None,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs a file size limit")
def test_an_export_past_the_file_size_limit_exits_1_in_one_line_and_keeps_the_old_export(
    tmp_path: Path, corpus: Corpus
) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    pack = briefs / "large.toml"
    pack.write_text(large_pack(corpus), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "large.md"
    target.write_bytes(b"# The export of yesterday\n")

    result = export(pack, target, limited=True)

    assert result.returncode == 1, result
    assert result.stderr == (
        f"brief: {target}: cannot write: the file would pass the size limit for files (ulimit -f)\n"
    )
    assert target.read_bytes() == b"# The export of yesterday\n"
    assert [p.name for p in out.iterdir()] == ["large.md"]
    assert export(pack, target, limited=False).returncode == 0
    assert target.stat().st_size > 2 * LIMIT  # the export did pass the limit by far
