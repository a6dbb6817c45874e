"""Reading the packs a journey's app writes: the file as TOML, and waiting for a save to land."""

from __future__ import annotations

import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.journeys.terminal import DEADLINE


def pack_on_disk(path: Path) -> dict[str, Any]:
    """The pack file as TOML."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def wait_for_file(path: Path, check: Callable[[dict[str, Any]], bool], what: str) -> dict[str, Any]:
    """Wait until the pack on disk satisfies `check`; the pack then.

    The app saves in the background, so a pack file lags the screen a little.

    Saves are atomic, so every read sees a whole file: a decoding error is a real failure.
    """
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if path.exists():
            pack = pack_on_disk(path)
            if check(pack):
                return pack
        time.sleep(0.05)
    shown = path.read_text(encoding="utf-8") if path.exists() else "(no file)"
    raise AssertionError(f"{path} never showed {what}:\n{shown}")
