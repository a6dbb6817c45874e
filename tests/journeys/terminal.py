"""A real terminal for journeys: `brief` under a pseudo-terminal, its screen read as shown.

Why these libraries: `ptyprocess` (the pty layer under pexpect, kept by the Jupyter
project) starts the program with a real controlling terminal of a chosen size, so Textual
runs exactly as it does for a person: its real driver, its real output, toasts and all.
`pyte` is a VT100/xterm screen emulator: fed the program's bytes, it keeps the grid of
characters a terminal would show, so a test reads the screen rather than guessing from the
byte stream. Textual's alternate-screen, mouse and synchronised-output modes are ignored by
pyte, which is fine: they change nothing about what the grid shows.

No step depends on timing luck: every key is followed by waiting for what it should show,
with a generous deadline (a busy 2-CPU machine may take seconds), and a failed wait dumps
the screen so the failure explains itself.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import ptyprocess  # type: ignore[import-untyped]  # 0.7 has no type hints and no stubs exist
import pyte

KEYS: Mapping[str, str] = {
    "enter": "\r",
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "escape": "\x1b",
    "backspace": "\x7f",
    "delete": "\x1b[3~",
    "space": " ",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "pageup": "\x1b[5~",
    "pagedown": "\x1b[6~",
    "ctrl+up": "\x1b[1;5A",
    "ctrl+down": "\x1b[1;5B",
    "alt+left": "\x1b[1;3D",
    "alt+right": "\x1b[1;3C",
    "f1": "\x1bOP",
}
"""Key names (Textual's) and the bytes an xterm sends for them."""

DEADLINE = 30.0
"""Seconds to wait for a screen to show something: generous, as a wait ends once it is met."""

PYTHON_ERRORS = re.compile(
    r"Traceback \(most recent call last\)|\b\w+(Error|Exception): |DuplicateIds"
)
"""What Python or Textual print when something crashed."""


def key_bytes(key: str) -> bytes:
    """The bytes a terminal sends for one key: a name from KEYS, `ctrl+x`, or literal text."""
    if key in KEYS:
        return KEYS[key].encode()
    if key.startswith("ctrl+") and len(key) == 6 and key[5].isalpha():
        return bytes([ord(key[5].lower()) - 96])
    return key.encode()


class ScreenTimeout(AssertionError):
    """The screen never showed what a step expected; the message holds the screen."""


class Terminal:
    """One `brief` process in a pseudo-terminal of `columns` x `rows`, and the screen it draws."""

    def __init__(
        self,
        argv: list[str],
        *,
        env: Mapping[str, str],
        cwd: Path,
        columns: int = 80,
        rows: int = 24,
    ) -> None:
        self.columns = columns
        self.rows = rows
        self._screen = pyte.Screen(columns, rows)
        self._stream = pyte.ByteStream(self._screen)
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._output = bytearray()
        self._closed = False
        self.process = ptyprocess.PtyProcess.spawn(
            argv, env=dict(env), cwd=str(cwd), dimensions=(rows, columns)
        )
        self._reader = threading.Thread(target=self._read, name="pty-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Feed everything the program writes into the emulated screen until it closes the pty."""
        while True:
            try:
                data = self.process.read(65536)
            except EOFError:
                break
            with self._changed:
                self._output.extend(data)
                self._stream.feed(data)
                self._changed.notify_all()
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    # Reading the screen

    def lines(self) -> list[str]:
        """The screen as it is now, one string per row, trailing spaces removed."""
        with self._lock:
            return [line.rstrip() for line in self._screen.display]

    def text(self) -> str:
        """The whole screen as text."""
        return "\n".join(self.lines())

    def dominant_background(self) -> str:
        """The background colour most of the screen shows (`rrggbb`): the theme in use."""
        from collections import Counter

        with self._lock:
            counts = Counter(
                char.bg for row in self._screen.buffer.values() for char in row.values()
            )
        return counts.most_common(1)[0][0] if counts else "default"

    def background_at(self, text: str) -> str:
        """The background colour under the last place `text` shows on screen ("" if it does not).

        Lists mark the highlighted row by its background only, so this is how a journey tells
        which option of an open list is highlighted before pressing Enter.
        """
        with self._lock:
            display = self._screen.display
            for y in range(len(display) - 1, -1, -1):
                x = display[y].rfind(text)
                if x >= 0:
                    return str(self._screen.buffer[y][x].bg)
        return ""

    def wait_highlighted(self, text: str, plain: str, deadline: float = DEADLINE) -> None:
        """Wait until the row showing `text` is highlighted, unlike the one showing `plain`."""
        self.wait_until(
            lambda _s: self.background_at(text) not in ("", self.background_at(plain)),
            f"{text!r} highlighted (unlike {plain!r})",
            deadline,
        )

    def output(self) -> str:
        """Everything the program has written so far, decoded."""
        with self._lock:
            return self._output.decode("utf-8", "replace")

    def wait_until(
        self, check: Callable[[str], bool], what: str, deadline: float = DEADLINE
    ) -> str:
        """Wait until `check(screen)` holds; the screen then. At the deadline, fail with it."""
        end = time.monotonic() + deadline
        with self._changed:
            while True:
                screen = "\n".join(line.rstrip() for line in self._screen.display)
                if check(screen):
                    return screen
                self._fail_on_crash()
                remaining = end - time.monotonic()
                if remaining <= 0 or self._closed:
                    break
                self._changed.wait(min(remaining, 0.5))
        raise ScreenTimeout(
            f"the screen never showed {what} ({self.columns}x{self.rows}):\n{self.text()}"
        )

    def wait_for(self, *texts: str, deadline: float = DEADLINE) -> str:
        """Wait until every text is on screen at once."""
        return self.wait_until(
            lambda s: all(t in s for t in texts), " and ".join(map(repr, texts)), deadline
        )

    def wait_in_dialog(self, text: str, deadline: float = DEADLINE) -> str:
        """Wait until a bordered dialog shows `text`, wherever the dialog wraps it.

        A path in a dialog wraps at a place that depends on how long the temporary folder's
        name is on this machine, so the dialog's rows are read as one run of text, spaces
        ignored.
        """
        wanted = "".join(text.split())

        def shown(screen: str) -> bool:
            inside = [row.split("│")[1] for row in screen.splitlines() if row.count("│") >= 2]
            return wanted in "".join("".join(inside).split())

        return self.wait_until(shown, f"{text!r} in a dialog", deadline)

    def wait_gone(self, *texts: str, deadline: float = DEADLINE) -> str:
        """Wait until none of the texts is on screen."""
        return self.wait_until(
            lambda s: not any(t in s for t in texts),
            "no " + " or ".join(map(repr, texts)),
            deadline,
        )

    def row_with(self, text: str) -> str:
        """The first screen row holding `text` (fails if none does)."""
        for line in self.lines():
            if text in line:
                return line
        raise AssertionError(f"no row shows {text!r}:\n{self.text()}")

    def _fail_on_crash(self) -> None:
        """Called with the lock held: a traceback anywhere in the output fails the journey now."""
        found = PYTHON_ERRORS.search(self._output.decode("utf-8", "replace"))
        if found:
            raise AssertionError(
                f"Python error text in the terminal: {found.group(0)!r}\n{self._tail()}"
            )

    def _tail(self) -> str:
        return self._output.decode("utf-8", "replace")[-3000:]

    def assert_no_error_text(self) -> None:
        """No traceback or Python error text was ever written to the terminal."""
        with self._lock:
            self._fail_on_crash()

    # Typing

    def press(self, *keys: str) -> None:
        """Press keys, one after another, as a person would (each is one write to the terminal).

        A bare Escape is only Escape if nothing follows it within Textual's escape delay, so
        it must be the last key of a call, and the journey waits for its effect before the next.
        """
        for position, key in enumerate(keys):
            if key == "escape" and position != len(keys) - 1:
                raise ValueError(
                    "escape must end a press(): wait for its effect before the next key"
                )
            self.process.write(key_bytes(key))

    def type(self, text: str) -> None:
        """Type text into whatever has focus."""
        self.process.write(text.encode())

    # Ending

    def quit(self, key: str = "q", deadline: float = DEADLINE) -> int:
        """Press the quit key and wait for the process to end; its exit status."""
        self.press(key)
        return self.wait_exit(deadline)

    def wait_exit(self, deadline: float = DEADLINE) -> int:
        """Wait for the program to end; its exit status (a signal counts as -N)."""
        end = time.monotonic() + deadline
        while self.process.isalive():
            if time.monotonic() > end:
                raise AssertionError(f"the program did not end within {deadline} s:\n{self.text()}")
            time.sleep(0.05)
        self._reader.join(timeout=5)
        status: int | None = self.process.exitstatus
        if status is None:
            signal: int = self.process.signalstatus
            return -signal
        return status

    def close(self) -> None:
        """End the program if it is still running (a failed journey must not leave it behind)."""
        if self.process.isalive():
            self.process.terminate(force=True)
        self._reader.join(timeout=5)


def journey_environment(
    home: Path, cache: Path, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The environment of a person's terminal, with a home of the test's own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            (
                "BRIEF_",
                "PYTEST",
                "TEXTUAL",
                "NO_COLOR",
                "PYTHONDONTWRITEBYTECODE",
                "COLUMNS",
                "LINES",
            )
        )
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        BRIEF_CACHE_DIR=str(cache),
        TERM="xterm-256color",
        COLORTERM="truecolor",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        BRIEF_NOW="2025-01-27T09:00",  # the agenda opens on "now": a fixed one, never the clock
    )
    env.update(extra or {})
    return env


@contextmanager
def running(
    argv: list[str], *, env: Mapping[str, str], cwd: Path, size: tuple[int, int]
) -> Iterator[Terminal]:
    """A terminal of `size` (columns, rows) running `argv`; always ended, checked for errors."""
    columns, rows = size
    terminal = Terminal(argv, env=env, cwd=cwd, columns=columns, rows=rows)
    try:
        yield terminal
        terminal.assert_no_error_text()
    finally:
        terminal.close()
