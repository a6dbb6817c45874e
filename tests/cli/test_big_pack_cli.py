"""Issue 14: a pack of 50,000 entries is validated, shown and exported by the real `brief`.

Before, any pack over 1 MiB was refused; a 50,000-entry pack is about 4 MiB. The pack holds
every item of the bundled corpus once and notes of one's own for the rest, so it is valid,
and each command must say what it says of a small pack, for all 50,000 entries.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.packs.codec import encode_pack
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.tomlio import MAX_TOML_BYTES

ENTRIES = 50_000
PER_SECTION = 200


def brief_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real `brief` in a child process, with the briefs folder in `cwd`."""
    return subprocess.run(
        [sys.executable, "-m", "briefcase_tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "BRIEF_DIR": str(cwd / "briefs")},
        timeout=300,
        check=False,
    )


@pytest.fixture
def big_pack(tmp_path: Path, corpus: Corpus) -> tuple[Path, list[str]]:
    """A 50,000-entry pack written as Briefcase writes it, and the item ids it names in order."""
    ids = [item.id for item in corpus]
    entries = [
        Entry.model_construct(item=ids[n], priority="must" if n % 2 else None, tags=("t",))
        if n < len(ids)
        else Entry.model_construct(note=f"My note number {n + 1}.")
        for n in range(ENTRIES)
    ]
    sections = tuple(
        Section.model_construct(
            title=f"Part {start // PER_SECTION + 1}",
            entries=tuple(entries[start : start + PER_SECTION]),
        )
        for start in range(0, ENTRIES, PER_SECTION)
    )
    folder = tmp_path / "briefs"
    folder.mkdir()
    path = folder / "big.toml"
    path.write_bytes(encode_pack(Pack.model_construct(title="Every item", sections=sections)))
    assert path.stat().st_size > MAX_TOML_BYTES
    return path, ids


def test_a_50000_entry_pack_is_validated_shown_and_exported(
    tmp_path: Path, big_pack: tuple[Path, list[str]]
) -> None:
    path, ids = big_pack

    validated = brief_process("pack", "validate", "big", cwd=tmp_path)
    assert validated.returncode == 0, validated.stderr[-2000:]
    assert validated.stdout.startswith(f"{path}: ok")
    assert "Traceback" not in validated.stderr

    shown = brief_process("pack", "show", "big", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr[-2000:]
    numbers = [int(n) for n in re.findall(r"^ *(\d+)\. ", shown.stdout, re.MULTILINE)]
    assert numbers == list(range(1, ENTRIES + 1))
    assert f"§{ENTRIES // PER_SECTION} Part {ENTRIES // PER_SECTION}" in shown.stdout
    assert f"({ids[-1]})" in shown.stdout
    assert shown.stdout.rstrip().endswith(f"Note: My note number {ENTRIES}.")

    exported = brief_process("export", "big", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr[-2000:]
    document = exported.stdout
    assert document.startswith("# Every item\n")
    assert document.count("\n### ") == len(ids)  # one heading per item; notes have none
    assert f"**Note from the author:** My note number {ENTRIES}." in document
    assert f"## Part {ENTRIES // PER_SECTION}\n" in document


def test_a_pack_over_16_mib_is_refused_in_one_line_by_every_command(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    huge = folder / "huge.toml"
    huge.write_text('title = "t"\nsummary = "' + "x" * 16 * 1024 * 1024 + '"\n')
    for command in (("pack", "validate", "huge"), ("pack", "show", "huge"), ("export", "huge")):
        result = brief_process(*command, cwd=tmp_path)
        assert result.returncode == 1, command
        assert result.stderr.count("\n") == 1, command
        assert result.stderr.endswith(f"{huge}: file is larger than 16 MiB\n"), command


def test_a_hand_written_pack_over_1_mib_is_refused_in_one_line_saying_why(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    pack = folder / "hand.toml"
    pack.write_text("# written by hand\ntitle = 't'\nsummary = \"" + "word " * 250_000 + '"\n')
    result = brief_process("pack", "show", "hand", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"brief: {pack}: file is larger than 1 MiB and not laid out as Briefcase saves packs"
    )
    assert result.stderr.count("\n") == 1
