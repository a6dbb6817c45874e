"""An adviser builds a brief for tomorrow's meeting, in a real terminal: a pack from nothing and
from each template, items from four sections, reordering, notes, priority, tags, sections, undo
and redo to both ends, the preview in every format, an export written, and a restart."""

from __future__ import annotations

from typing import Any

from tests.journeys.conftest import Person
from tests.journeys.packfiles import pack_on_disk, wait_for_file
from tests.journeys.terminal import Terminal

TITLE = "Tomorrow's meeting on AI and work"
FILE = "tomorrow-s-meeting-on-ai-and-work.toml"


def items(pack: dict[str, Any]) -> list[list[str]]:
    """Each section's entries, as item ids (or `note:` and the note for notes of one's own)."""
    return [
        [entry.get("item") or f"note:{entry.get('note')}" for entry in section.get("entries", [])]
        for section in pack.get("sections", [])
    ]


TEXT_DIALOG = "Enter accepts · Esc cancels"
"""The foot of every one-line dialog: gone when the dialog closed."""


def answer(
    app: Terminal, prompt: str, text: str, *, clear: bool = False, foot: str = TEXT_DIALOG
) -> None:
    """Answer a one-line dialog: wait for it, type, Enter, and wait for it to close."""
    app.wait_for(prompt, foot)
    if clear:
        app.press("ctrl+u")
    app.type(text)
    app.press("enter")
    app.wait_gone(foot)


def add_from_section(app: Terminal, key: str, anchor: str, downs: int, shown: str) -> None:
    """Open a section, move to an item, and add it to the open pack with `a`."""
    app.press(key)
    app.wait_for(anchor)
    app.press(*["down"] * downs)
    app.wait_for(shown)
    app.press("a")
    app.wait_for("Added")


def test_an_adviser_builds_edits_undoes_redoes_previews_and_exports_a_brief(person: Person) -> None:
    path = person.briefs / FILE
    with person.open_app() as app:
        app.wait_for("293 items")

        # An empty pack, then straight back to browsing: the keys work at once.
        app.press("N")
        answer(app, "New pack", TITLE, foot="Enter or Create makes the pack")
        app.wait_for(f"Pack: {TITLE}")
        assert items(pack_on_disk(path)) == []

        add_from_section(app, "2", "Future of Work", 2, "ws-future-of-work")
        add_from_section(app, "3", "TECH7 priorities", 2, "Priority · ")
        add_from_section(app, "4", "Signatories (73)", 2, "Signatory · ")
        add_from_section(app, "1", "Tue 4 February 2025", 2, "Event · event-")
        pack = wait_for_file(path, lambda p: sum(map(len, items(p))) == 4, "four entries")
        first, second, third, fourth = items(pack)[0]
        assert first == "ws-future-of-work"

        # The pack screen: reorder within the section, then across into a new one.
        app.press("p")
        app.wait_for(TITLE, "Future of Work")
        app.press("J")
        wait_for_file(
            path,
            lambda p: items(p) == [[second, first, third, fourth]],
            "the first entry moved down",
        )
        app.press("K")
        wait_for_file(path, lambda p: items(p) == [[first, second, third, fourth]], "and back up")
        app.press("s")
        answer(app, "New section title", "Background")
        wait_for_file(path, lambda p: len(items(p)) == 2, "a second section")
        app.press("up", "up", "up", "up")
        app.wait_for("Workstream · ws-future-of-work")
        app.press("m")
        app.wait_for("Background")
        app.press("enter")
        wait_for_file(path, lambda p: first in items(p)[1], "the entry moved to Background")

        # A multi-line note, reopened and extended at its end.
        app.press("n")
        app.wait_for("Save note")
        app.type("Ask the envoy's team about")
        app.press("enter")
        app.type("the observatories on work.")
        app.press("escape")
        wait_for_file(
            path,
            lambda p: any(
                e.get("note") == "Ask the envoy's team about\nthe observatories on work."
                for s in p["sections"]
                for e in s.get("entries", [])
            ),
            "the note",
        )
        app.wait_gone("Save note")
        app.press("n")
        app.wait_for("Save note")
        app.press("enter")
        app.type("Bring the figures.")
        app.press("escape")
        noted = "Ask the envoy's team about\nthe observatories on work.\nBring the figures."
        wait_for_file(
            path,
            lambda p: any(
                e.get("note") == noted for s in p["sections"] for e in s.get("entries", [])
            ),
            "the note extended at its end",
        )

        # Priority, tags, a note of one's own.
        app.press("!")
        wait_for_file(
            path,
            lambda p: any(
                e.get("priority") == "must" for s in p["sections"] for e in s.get("entries", [])
            ),
            "a priority",
        )
        app.press("g")
        answer(app, "Tags (your own labels", "jobs, skills")
        wait_for_file(
            path,
            lambda p: any(
                e.get("tags") == ["jobs", "skills"]
                for s in p["sections"]
                for e in s.get("entries", [])
            ),
            "the tags",
        )
        app.press("A")
        answer(app, "A note of your own", "Car booked for 14:00")
        wait_for_file(
            path,
            lambda p: any("note:Car booked for 14:00" in s for s in items(p)),
            "the note of one's own",
        )

        # Sections added, renamed, removed; the pack renamed.
        app.press("s")
        answer(app, "New section title", "Annex")
        wait_for_file(
            path,
            lambda p: [s["title"] for s in p["sections"]][-1:] == ["Annex"],
            "the Annex section",
        )
        app.press("r")
        answer(app, "Rename the section", "Annexes")
        wait_for_file(
            path, lambda p: "Annexes" in [s["title"] for s in p["sections"]], "the section renamed"
        )
        app.press("x")
        wait_for_file(
            path,
            lambda p: "Annexes" not in [s["title"] for s in p["sections"]],
            "the section removed",
        )
        app.press("R")
        answer(app, "Rename the pack", f"{TITLE} (v2)")
        final = wait_for_file(path, lambda p: p["title"] == f"{TITLE} (v2)", "the pack renamed")
        final_bytes = path.read_bytes()

        # Undo to the start, each step named; then redo to the end.
        steps = (
            17  # 4 adds, J, K, a section, m, two notes, !, tags, a note of one's own, s, r, x, R
        )
        app.press(*["u"] * steps)
        wait_for_file(
            path, lambda p: items(p) == [] and p["title"] == TITLE, "the pack as it was made"
        )
        app.wait_for("Undid: add")
        app.press("u")
        app.wait_for("Nothing to undo")
        app.press(*["ctrl+y"] * steps)
        wait_for_file(path, lambda p: p == final, "the pack as it was before undoing")
        app.wait_for("Redid: rename the pack")
        app.press("ctrl+y")
        app.wait_for("Nothing to redo")
        assert path.read_bytes() == final_bytes

        # The preview in every format, then the export written beside the pack.
        app.press("e")
        app.wait_for("Export preview", "Markdown")
        for shows in (
            "<!DOCTYPE html>",
            '"title":',
            "BEGIN:VCALENDAR",
            "Word document:",
            "Markdown",
        ):
            app.press("f")
            app.wait_for(shows)
        app.press("w")
        app.wait_for("Write")
        app.press("enter")
        app.wait_for("Wrote")
        app.press("escape")
        app.wait_gone("Export preview")
        assert app.quit() == 0

    written = path.with_suffix(".md")
    exported = person.brief("export", str(path), "-o", "-")
    assert exported.returncode == 0, exported.stderr
    assert written.read_text(encoding="utf-8") == exported.stdout

    with person.open_app() as again:
        again.wait_for(f"Pack: {TITLE} (v2)")
        assert again.quit() == 0


TEMPLATES = (
    ("day-sheet", 1, True),
    ("tech7-vs-statement", 3, False),
    ("workstream-brief", 4, True),
)
"""Each template, how far down the template list it stands, and whether it asks for a choice."""


def choose(app: Terminal, first: str, second: str, downs: int, target: str) -> None:
    """In an open list, wait for its cursor, move `downs` rows down to `target`, and choose it."""
    app.wait_highlighted(first, second)
    app.press(*["down"] * downs)
    app.wait_highlighted(target, first)
    app.press("enter")


def test_an_adviser_makes_a_pack_from_each_template_and_a_second_of_the_same_title_is_refused(
    person: Person,
) -> None:
    with person.open_app() as app:
        app.wait_for("293 items")
        for template, position, asks in TEMPLATES:
            title = f"{TITLE} ({template})"
            app.press("N")
            app.wait_for("New pack")
            app.type(title)
            app.wait_for(title)
            app.press("tab", "enter")
            app.wait_for("workstream-brief:")
            choose(app, "No template (an empty pack)", "day-sheet:", position, f"{template}:")
            app.wait_gone("No template (an empty pack)")
            if asks:
                app.wait_for("Choose the")
                app.press("enter")
                app.wait_for(
                    "Tue 11 February 2025" if template == "day-sheet" else "Future of Work"
                )
                first = (
                    "Tue 4 February 2025" if template == "day-sheet" else "International Governance"
                )
                choose(app, "Choose the", first, 1, first)
                app.wait_gone("Choose the")
            app.press("enter")
            app.wait_for(f"Pack: {title}")
        made = sorted(person.briefs.glob("*.toml"))
        assert len(made) == 3
        for path in made:
            assert sum(map(len, items(pack_on_disk(path)))) > 0, f"{path.name} has no entries"

        app.press("N")
        app.wait_for("New pack")
        app.type(f"{TITLE} (day-sheet)")
        app.press("enter")
        app.wait_for("✗ A pack called")
        app.press("escape")
        app.wait_gone("New pack")
        assert app.quit() == 0
    assert len(list(person.briefs.glob("*.toml"))) == 3
