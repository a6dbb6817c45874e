"""The source distribution carries what a maintainer needs to run the suite from it.

MANIFEST.in lists file types per folder; a new kind of file (a golden `.txt`, a `.png`
snapshot) that it does not list would be left out of the sdist, and the suite run from an
unpacked sdist would fail far from the cause. This test names the file at once.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_FOLDERS = {"__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache"}
CARRIED_FOLDERS = ("tests", "docs", "briefs", "bench")


def manifest_patterns() -> dict[str, list[str]]:
    """`recursive-include FOLDER PATTERN...` lines of MANIFEST.in, by folder."""
    patterns: dict[str, list[str]] = {}
    for line in (ROOT / "MANIFEST.in").read_text(encoding="utf-8").splitlines():
        words = line.split()
        if words and words[0] == "recursive-include":
            patterns.setdefault(words[1], []).extend(words[2:])
    return patterns


def carried_files(folder: str) -> list[Path]:
    return [
        path
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file()
        and not SKIPPED_FOLDERS.intersection(path.relative_to(ROOT).parts)
        and not path.name.endswith((".pyc", "snapshot_report.html"))
    ]


def test_every_file_the_suite_and_docs_use_is_in_the_source_distribution() -> None:
    patterns = manifest_patterns()
    left_out = [
        str(path.relative_to(ROOT))
        for folder in CARRIED_FOLDERS
        for path in carried_files(folder)
        if not any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns.get(folder, []))
    ]
    assert left_out == []


def test_the_declared_licence_is_the_spdx_form_with_its_file_shipped() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert isinstance(project["license"], str), "the table form is deprecated by setuptools"
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), name
    assert project["license"] in (ROOT / "LICENSE").read_text(encoding="utf-8").splitlines()[0]
