"""Finding and reading the files of a corpus folder. Cheap: no parsing, no validation."""

from __future__ import annotations

from pathlib import Path

from briefcase_tui.domain.tomlio import MAX_TOML_BYTES
from briefcase_tui.errors import BriefcaseError


def corpus_files(folder: Path) -> list[Path]:
    """The TOML files of a corpus folder, in name order."""
    if not folder.is_dir():
        raise BriefcaseError("corpus folder not found", folder)
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def read_corpus_files(folder: Path) -> dict[Path, bytes]:
    """The raw bytes of every corpus file: what the corpus and its cache key are made of."""
    files = corpus_files(folder)
    if not files:
        raise BriefcaseError("corpus folder has no .toml files", folder)
    contents: dict[Path, bytes] = {}
    for path in files:
        try:
            with path.open("rb") as file:
                # One byte past the limit is enough to refuse: a huge file is never read whole.
                data = file.read(MAX_TOML_BYTES + 1)
        except OSError as error:
            raise BriefcaseError(f"cannot read: {error.strerror or error}", path) from None
        if len(data) > MAX_TOML_BYTES:
            raise BriefcaseError(f"file is larger than {MAX_TOML_BYTES // (1024 * 1024)} MiB", path)
        contents[path] = data
    return contents
