"""A big pack in a real terminal: it opens on the pack screen, a move shows and reaches the file
(quitting at once included), and a change made behind the app's background save is refused,
never overwritten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefcase_tui.domain.packs.codec import encode_pack
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from tests.journeys.conftest import Person
from tests.journeys.packfiles import pack_on_disk, wait_for_file
from tests.journeys.terminal import Terminal

SECTIONS, PER_SECTION = 15, 200
BIG = Pack(
    title="Big pack",
    sections=tuple(
        Section(
            title=f"Part {s}",
            entries=tuple(Entry(note=f"Point {s}-{n}") for n in range(1, PER_SECTION + 1)),
        )
        for s in range(1, SECTIONS + 1)
    ),
)
"""3,000 notes of one's own: past the size at which the outline opens folded."""
DIALOG = "Pack changed on disk"
OUTLINE = 28
"""Columns of the outline at its narrowest: the note editor on the right repeats the note."""


@pytest.fixture
def big(person: Person) -> Path:
    """The big pack in the person's briefs folder."""
    path = person.briefs / "big.toml"
    path.write_bytes(encode_pack(BIG))
    return path


def first_notes(path: Path, count: int = 3) -> list[str]:
    """The notes of the first section's first entries, as saved."""
    entries: list[dict[str, Any]] = pack_on_disk(path)["sections"][0]["entries"]
    return [str(entry["note"]) for entry in entries[:count]]


def shows_above(app: Terminal, upper: str, lower: str) -> None:
    """Wait until the outline shows `upper` on a row above `lower`."""

    def row_of(text: str, rows: list[str]) -> int:
        return next((y for y, row in enumerate(rows) if f"{text} " in f"{row} "), -1)

    def above(screen: str) -> bool:
        outline = [row[:OUTLINE] for row in screen.splitlines()]
        return 0 <= row_of(upper, outline) < row_of(lower, outline)

    app.wait_until(above, f"{upper!r} above {lower!r}")


def test_a_big_pack_opens_a_move_shows_and_quitting_at_once_writes_it(
    person: Person, big: Path
) -> None:
    with person.open_app("open", "big") as app:
        app.wait_for("3000 entries", "Part 1 ", "Point 1-1")
        app.press("J")
        shows_above(app, "Point 1-2", "Point 1-1")
        assert app.quit() == 0
    assert first_notes(big) == ["Point 1-2", "Point 1-1", "Point 1-3"]


def test_a_change_made_behind_the_background_save_is_refused_and_kept_on_disk(
    person: Person, big: Path
) -> None:
    with person.open_app("open", "big") as app:
        app.wait_for("3000 entries", "Point 1-1")
        app.press("J")
        wait_for_file(
            big,
            lambda p: p["sections"][0]["entries"][0]["note"] == "Point 1-2",
            "the app's move",
        )
        done = person.brief("pack", "note", "big", "1", "From the shell")
        assert done.returncode == 0, done.stderr
        theirs = big.read_bytes()
        app.press("K")  # the cursor followed Point 1-1 down: back up it goes
        app.wait_for(DIALOG, "Overwrite")
        assert big.read_bytes() == theirs, "the background save did not write over the shell's"
        app.press("escape")
        app.wait_gone(DIALOG)
        app.wait_for("⚠ not saved")
        app.press("q")  # not yet: the change not saved is asked about first
        app.wait_for(DIALOG)
        app.press("escape")
        app.wait_gone(DIALOG)
        assert app.quit() == 0
    assert big.read_bytes() == theirs
    assert first_notes(big, 2) == ["From the shell", "Point 1-1"]
