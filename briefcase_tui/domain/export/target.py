"""Where an export may be written: never over a pack, any `.toml` file, or a folder.

The app's export preview checks a typed path with these rules before it writes, and
words its refusals as `brief export` does, so a user hears the same reason in both.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from briefcase_tui.domain.packs.store import PACK_SUFFIX
from briefcase_tui.errors import BriefcaseError


def default_export_path(pack_path: Path, extension: str) -> Path:
    """Beside the pack, named after it: `briefs/summit.toml` → `briefs/summit.md`.

    `brief export -o DIR` names its files the same way (`plan.export_file_name`).
    """
    return pack_path.with_name(pack_path.stem + extension)


def refuse_export_target(target: Path, packs: Iterable[Path]) -> None:
    """Raise BriefcaseError when writing an export at `target` could destroy a pack or a folder.

    Checked: a `.toml` name (whatever its case), any of the given pack files (also through
    another spelling or a link), and an existing folder. Whether the folder can be written
    is left to the write itself, which reports it.
    """
    if target.suffix.lower() == PACK_SUFFIX:
        raise BriefcaseError(
            "is a .toml file; an export never overwrites a pack or any .toml file", target
        )
    if any(_same_file(target, pack) for pack in packs):
        raise BriefcaseError("is one of the packs being exported; refusing to overwrite it", target)
    if target.is_dir():
        raise BriefcaseError("is a folder; give a file name inside it", target)


def check_export_folder(target: Path) -> None:
    """Raise BriefcaseError unless the target's folder exists.

    A typo in a path should not build a tree of folders.
    """
    parent = target.parent
    if not parent.is_dir():
        raise BriefcaseError("no such folder" if not parent.exists() else "not a folder", parent)


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file that exists (a missing target cannot be a pack)."""
    try:
        return a.exists() and os.path.samefile(a, b)
    except OSError:
        return False
