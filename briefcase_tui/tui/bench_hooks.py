"""Benchmark hooks: `bench/benchmark.py` asks the app, by environment variable, to leave early.

With BRIEF_BENCH_EXIT_ON_PAINT set to a file path, the app writes "painted" there once its
first screen is drawn and exits; with BRIEF_BENCH_EXIT_WHEN_READY, it writes "ready" once
the corpus is on screen (for the peak memory of a loaded app; the search index is read
only when a search first asks for it) and exits; with BRIEF_BENCH_EXIT_WHEN_SEARCH_READY, it
asks for the index as a first search would and writes "searchable" once the index is read
and the agenda's filters are in (what a session that searches holds) and exits; with
BRIEF_BENCH_EXIT_WHEN_PACK_SHOWN, it writes "pack" once the pack screen has drawn the open
pack and exits. Without them these do nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from textual.app import App

from briefcase_tui.paths import BENCH_EXIT_ENV, BENCH_PACK_ENV, BENCH_READY_ENV, BENCH_SEARCH_ENV


def exit_after_first_paint(app: App[Any]) -> None:
    """If the benchmark asked, mark the first paint and leave once the screen is drawn."""
    _mark_and_exit(app, BENCH_EXIT_ENV, "painted")


def exit_when_ready(app: App[Any]) -> None:
    """If the benchmark asked, mark that the corpus is on screen and leave."""
    _mark_and_exit(app, BENCH_READY_ENV, "ready")


def wants_search_ready() -> bool:
    """Whether the benchmark asked for the app as a first search leaves it."""
    return bool(os.environ.get(BENCH_SEARCH_ENV))


def exit_when_search_ready(app: App[Any]) -> None:
    """If the benchmark asked, mark that the index is read and leave."""
    _mark_and_exit(app, BENCH_SEARCH_ENV, "searchable")


def exit_when_pack_shown(app: App[Any]) -> None:
    """If the benchmark asked, mark that the pack screen shows the open pack and leave."""
    _mark_and_exit(app, BENCH_PACK_ENV, "pack")


def _mark_and_exit(app: App[Any], variable: str, mark: str) -> None:
    marker = os.environ.get(variable)
    if not marker:
        return

    def leave() -> None:
        Path(marker).write_text(mark, encoding="utf-8")
        app.exit()

    app.call_after_refresh(leave)
