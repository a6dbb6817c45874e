"""Two advisers' versions of one pack merged, then settled in the app, in a real terminal.

The merge keeps both notes written for one entry; the app marks the entry, shows both sides,
and `c` keeps the one the adviser picks; the pack then exports again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.journeys.conftest import Person
from tests.journeys.packfiles import pack_on_disk, wait_for_file
from tests.journeys.terminal import Terminal

PACK = "security-safety-brief"
OURS = "Ours: raise the [red]network[/red] of AI safety institutes"
THEIRS = "Theirs: leave it to the envoy"


def first_note(path: Path) -> str:
    note: str = pack_on_disk(path)["sections"][0]["entries"][0].get("note", "")
    return note


def test_a_merged_conflict_is_shown_in_the_app_and_settled_with_one_key(
    person: Person, example_briefs: Path
) -> None:
    pack = example_briefs / f"{PACK}.toml"
    base, theirs = person.home / "base.toml", person.home / "theirs.toml"
    shutil.copy(pack, base)
    shutil.copy(pack, theirs)
    assert person.brief("pack", "note", PACK, "1", OURS).returncode == 0
    assert person.brief("pack", "note", str(theirs), "1", THEIRS).returncode == 0
    merged = person.brief("pack", "merge", str(base), str(pack), str(theirs))
    assert merged.returncode == 1 and "1 conflict" in merged.stderr, merged.stderr
    assert person.brief("export", PACK).returncode == 1

    app: Terminal
    with person.open_app("open", PACK) as app:
        app.wait_for("⚠ conflict", "⚠ 1 merge conflict (c)")
        app.press("c")
        app.wait_in_dialog("Conflict 1 of 1")
        app.wait_for("Keep ours", "Take theirs")
        app.press("down", "enter")
        app.wait_for("All settled.")
        wait_for_file(
            pack,
            lambda p: p["sections"][0]["entries"][0].get("note") == THEIRS,
            "their note kept",
        )
        app.wait_gone("⚠ conflict")
        app.assert_no_error_text()
        assert app.quit() == 0
    assert "conflicts" not in pack.read_text(encoding="utf-8")
    assert person.brief("export", PACK).returncode == 0
