"""How long a key takes to show: the real `brief` in a pseudo-terminal, its screen read by pyte.

    python bench/pty_latency.py PACK [--rounds 9]    # J and K on the pack screen, in ms

Headless timings (Pilot) wait until the whole process is idle, so they count the save that
follows a key in the background, and they never draw a real terminal. Here `brief open
PACK` runs as a person runs it (ptyprocess gives it a real terminal, 80x24); the time is
from writing the key's bytes to the moment the emulated screen (pyte) shows the entry one
row lower (J) or back up (K), with the cursor on it. Keys are pressed at a person's pace:
each waits until the screen has been still for a moment, so the save a key started is
usually done before the next one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

import ptyprocess  # type: ignore[import-untyped]  # 0.7 has no type hints and no stubs exist
import pyte

COLUMNS, ROWS = 80, 24
OUTLINE_WIDTH = 20
"""Columns of an outline row compared: the marks and the start of the title."""
STILL = 0.3
"""Seconds the screen must not change before the next key (a person's pace)."""
DEADLINE = 60.0
"""Seconds to wait for anything before giving up."""


class PtyScreen:
    """A program in a pseudo-terminal and the screen it draws, read as it changes."""

    def __init__(self, argv: list[str], env: Mapping[str, str], cwd: Path) -> None:
        self._screen = pyte.Screen(COLUMNS, ROWS)
        self._stream = pyte.ByteStream(self._screen)
        self._changed = threading.Condition()
        self.changed_at = time.perf_counter()
        """When the screen last changed."""
        self._closed = False
        self.process = ptyprocess.PtyProcess.spawn(
            argv, env=dict(env), cwd=str(cwd), dimensions=(ROWS, COLUMNS)
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                data = self.process.read(65536)
            except EOFError:
                break
            with self._changed:
                self._stream.feed(data)
                self.changed_at = time.perf_counter()
                self._changed.notify_all()
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def wait(self, check: Callable[[], bool], what: str) -> float:
        """Wait until `check()` holds (called with the screen locked); the time it first held."""
        end = time.perf_counter() + DEADLINE
        with self._changed:
            while not check():
                if self._closed or time.perf_counter() > end:
                    raise RuntimeError(f"never {what}:\n" + "\n".join(self._screen.display))
                self._changed.wait(0.05)
            return self.changed_at

    def wait_still(self, still: float = STILL) -> None:
        """Wait until the screen has not changed for `still` seconds."""
        while True:
            with self._changed:
                quiet = time.perf_counter() - self.changed_at
            if quiet >= still:
                return
            time.sleep(still - quiet)

    def cursor_row(self) -> tuple[int, str] | None:
        """The outline's highlighted row (screen row, its first columns), or None.

        The cursor row is the one row of the outline whose background differs from the
        background most outline rows have.
        """
        rows = range(1, ROWS - 1)
        backgrounds = {y: self._screen.buffer[y][3].bg for y in rows}
        common = Counter(backgrounds.values()).most_common(1)[0][0]
        odd = [y for y in rows if backgrounds[y] != common]
        if len(odd) != 1:
            return None
        return odd[0], self._screen.display[odd[0]][:OUTLINE_WIDTH]

    def press(self, data: bytes) -> None:
        """Write a key's bytes, as the terminal does when it is pressed."""
        self.process.write(data)

    def close(self) -> None:
        """End the program."""
        if self.process.isalive():
            self.process.terminate(force=True)


def _at(screen: PtyScreen, wanted: tuple[int, str]) -> bool:
    return screen.cursor_row() == wanted


def key_to_screen_ms(
    argv: list[str], env: Mapping[str, str], cwd: Path, rounds: int
) -> list[float]:
    """Milliseconds from J (then K, alternately) to the moved entry shown with the cursor on it.

    `argv` opens a pack on the pack screen (the cursor on its first entry); the keys start
    once the screen has been still for a second (the corpus and its titles are in).
    """
    screen = PtyScreen(argv, env, cwd)
    try:
        screen.wait(lambda: screen.cursor_row() is not None, "showed a cursor row")
        screen.wait_still(1.0)
        times = []
        for number in range(rounds):
            before = screen.cursor_row()
            assert before is not None
            step = 1 if number % 2 == 0 else -1
            wanted = (before[0] + step, before[1])
            start = time.perf_counter()
            screen.press(b"J" if step == 1 else b"K")
            shown = screen.wait(partial(_at, screen, wanted), f"moved to {wanted}")
            times.append((shown - start) * 1000)
            screen.wait_still()
        return times
    finally:
        screen.close()


def pack_latency_ms(brief: str, pack: Path, rounds: int, env: Mapping[str, str]) -> list[float]:
    """`key_to_screen_ms` on a copy of `pack`, with settings of its own (the user's untouched)."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / pack.name
        shutil.copy(pack, copy)
        environment = {
            **{k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "XDG_CONFIG_HOME": str(Path(folder) / "config"),
            "TERM": env.get("TERM", "xterm-256color"),
        }
        return key_to_screen_ms([brief, "open", str(copy)], environment, Path(folder), rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack", type=Path)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--brief", default=str(Path(sys.executable).with_name("brief")))
    options = parser.parse_args()
    times = pack_latency_ms(options.brief, options.pack, options.rounds, os.environ)
    print(f"median {statistics.median(times):.1f} ms   " + " ".join(f"{t:.0f}" for t in times))


if __name__ == "__main__":
    main()
