"""A corpus file's TOML read fast: tomli's compiled parser, with tomllib's located errors.

A cold build of a 10,000-item corpus spent 1.2 s of its 3.5 s in `tomllib` (pure Python).
tomli is the same parser compiled with mypyc (2.8x faster here); the shape limits of
`check_toml_shape` still run first, since its algorithm is tomllib's. A file tomli
refuses is parsed again by `parse_toml`, so the error a person reads names the file, line
and column exactly as everywhere else. tomli 2.x reads TOML 1.1, a superset of the 1.0 that
tomllib on Python 3.11 reads: a corpus file may use 1.1's additions (newlines in inline
tables, `\\e` and `\\xHH` escapes, times without seconds), packs and settings may not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli

from briefcase_tui.domain.tomlio import check_toml_shape, parse_toml


def parse_corpus_toml(text: str, path: Path | str) -> dict[str, Any]:
    """Parse a corpus file within the TOML limits; errors name file, line and column."""
    check_toml_shape(text, path)
    try:
        return tomli.loads(text)
    except (tomli.TOMLDecodeError, RecursionError, MemoryError):
        return parse_toml(text, path)  # raises the located error tomllib gives
