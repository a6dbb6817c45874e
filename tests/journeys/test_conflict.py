"""The app and the CLI edit one pack, in a real terminal: the app never saves over the CLI's
edit; it offers its four choices, each does what it says, and nobody's edit is lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.journeys.conftest import Person
from tests.journeys.packfiles import pack_on_disk, wait_for_file
from tests.journeys.terminal import Terminal

PACK = "security-safety-brief"
DIALOG = "Pack changed on disk"


def first_entry(path: Path) -> dict[str, Any]:
    """The first entry of the first section, as saved."""
    entry: dict[str, Any] = pack_on_disk(path)["sections"][0]["entries"][0]
    return entry


def cli_note(person: Person, pack: str, text: str) -> None:
    """Another shell sets the first entry's note with the CLI."""
    done = person.brief("pack", "note", pack, "1", text)
    assert done.returncode == 0, done.stderr


def edit_in_app(app: Terminal) -> None:
    """Cycle the priority of the entry under the cursor (an edit the app saves at once)."""
    app.press("!")


def test_the_app_and_the_cli_editing_one_pack_lose_nothing_whichever_choice_is_made(
    person: Person,
    example_briefs: Path,
) -> None:
    original = example_briefs / f"{PACK}.toml"
    copy = example_briefs / f"{PACK}-copy.toml"
    assert first_entry(original)["priority"] == "must"

    with person.open_app("open", PACK) as app:
        app.wait_for("Security & Safety: adviser brief")

        # The app edits and saves; the CLI edits the same file behind it.
        edit_in_app(app)
        wait_for_file(
            original,
            lambda p: p["sections"][0]["entries"][0].get("priority") == "should",
            "the app's edit",
        )
        cli_note(person, PACK, "CLI round 1")

        # Cancel: the app's next edit waits in memory; the CLI's version stays on disk.
        edit_in_app(app)
        app.wait_for(DIALOG, "Save mine as a copy", "Overwrite", "Reload")
        app.press("escape")
        app.wait_gone(DIALOG)
        app.wait_for("kept in memory")
        kept = first_entry(original)
        assert (kept["note"], kept["priority"]) == ("CLI round 1", "should")

        # Save mine as a copy: the app's version goes to NAME-copy.toml, the CLI's stays put.
        edit_in_app(app)
        app.wait_for(DIALOG)
        app.press("enter")
        app.wait_gone(DIALOG)
        app.wait_for(f"{PACK}-copy.toml")
        wait_for_file(
            copy,
            lambda p: (
                "priority" not in p["sections"][0]["entries"][0]
                or p["sections"][0]["entries"][0]["priority"] != "should"
            ),
            "the app's version in the copy",
        )
        assert first_entry(original)["note"] == "CLI round 1"
        assert first_entry(copy)["note"] != "CLI round 1"

        # Reload: the CLI edits the copy the app now holds; reloading shows the CLI's text.
        cli_note(person, f"{PACK}-copy", "CLI round 2")
        edit_in_app(app)
        app.wait_for(DIALOG)
        app.press("shift+tab", "enter")
        app.wait_gone(DIALOG)
        app.wait_for("CLI round 2")
        reloaded = first_entry(copy)
        assert reloaded["note"] == "CLI round 2"

        # Overwrite: the app's version replaces the CLI's, which the backup keeps.
        cli_note(person, f"{PACK}-copy", "CLI round 3")
        edit_in_app(app)
        app.wait_for(DIALOG)
        app.press("tab", "enter")
        app.wait_gone(DIALOG)
        app.wait_for("replaced")
        wait_for_file(
            copy,
            lambda p: p["sections"][0]["entries"][0].get("note") == "CLI round 2",
            "the app's version (note of round 2) over the CLI's",
        )
        backup = copy.with_name(f".{copy.name}.bak")
        assert first_entry(backup)["note"] == "CLI round 3"
        assert first_entry(copy).get("priority") != reloaded.get("priority")
        assert app.quit() == 0

    assert first_entry(original)["note"] == "CLI round 1"
