"""Pack screen keys as a new user meets them: each says why when it cannot act, undo and redo say
what they did, typed text stays text, the footer fits 80 columns, and notes are marked in the
outline."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from briefcase_tui.tui.pack_controller import NOTHING_TO_REDO, NOTHING_TO_UNDO
from briefcase_tui.tui.screens.help import binding_rows
from briefcase_tui.tui.screens.pack import PackScreen
from briefcase_tui.tui.screens.pack_edits import NO_NOTE_HERE
from briefcase_tui.tui.widgets.note_editor import NoteEditor
from briefcase_tui.tui.widgets.pack_outline import OutlineRow, PackOutline
from tests.tui.conftest import loaded
from tests.tui.pack_helpers import (
    PARIS,
    SIZE,
    make_briefs,
    on_pack_screen,
    pack_app,
    pack_on_disk,
    said,
    saved,
)
from tests.tui.screen_text import screen_text

FIRST = "Global cooperation and alignment"
"""The title of tech7-p2, the first entry of the Paris pack."""


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    """A briefs folder of this test's own, with one pack."""
    return make_briefs(tmp_path)


async def test_n_on_a_section_title_writes_nothing_and_says_why(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        await pilot.press("up", "n")
        await pilot.pause()
        assert screen.cursor.entry is None
        assert not isinstance(app.focused, NoteEditor)
        assert NO_NOTE_HERE in said(app)


async def test_entry_keys_on_a_section_title_say_why_and_change_nothing(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("up", "J")
        await pilot.pause()
        assert "Nothing to move: the cursor is on a section title." in said(app)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "Sections have no priority" in said(app)
        await pilot.press("g")
        await pilot.pause()
        assert "Sections have no tags" in said(app)
        assert isinstance(app.screen, PackScreen)
        await saved(pilot)
        assert path.read_text(encoding="utf-8") == PARIS


async def test_J_on_the_last_entry_says_it_is_already_at_the_end(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("down", "down", "down", "J")
        await pilot.pause()
        assert "“Car booked for 14:00” is already at the end of the pack." in said(app)


async def test_undo_with_nothing_left_says_so(settings_file: Path, briefs: Path) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert NOTHING_TO_UNDO in said(app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert NOTHING_TO_REDO in said(app)


async def test_undo_and_redo_name_what_they_did_and_reach_the_file(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("J")
        await saved(pilot)
        moved = path.read_bytes()
        await pilot.press("exclamation_mark")
        await saved(pilot)
        await pilot.press("u")
        await saved(pilot)
        assert f"Undid: set the priority of “{FIRST}” to should" in said(app)
        assert path.read_bytes() == moved
        await pilot.press("u")
        await saved(pilot)
        assert f"Undid: move “{FIRST}” down" in said(app)
        assert path.read_text(encoding="utf-8") == PARIS
        await pilot.press("ctrl+y")
        await saved(pilot)
        assert f"Redid: move “{FIRST}” down" in said(app)
        assert path.read_bytes() == moved
        await pilot.press("ctrl+y")
        await saved(pilot)
        assert pack_on_disk(briefs).sections[0].entries[1].priority == "should"
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert NOTHING_TO_REDO in said(app)


async def test_a_new_edit_after_undo_leaves_nothing_to_redo(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("J", "u", "exclamation_mark", "ctrl+y")
        await saved(pilot)
        assert NOTHING_TO_REDO in said(app)
        assert pack_on_disk(briefs).item_ids() == ["tech7-p2", "statement-p6"]


async def test_redo_is_a_binding_with_an_id_and_a_tooltip_on_the_keys_screen(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        redo = [
            b.binding for b in app.screen.active_bindings.values() if b.binding.id == "pack-redo"
        ]
        assert redo and redo[0].key == "ctrl+y" and redo[0].tooltip
        assert ("^y", "Redo", "pack-redo") in binding_rows(app)


async def test_text_typed_in_the_note_editor_and_in_dialogs_never_runs_as_commands(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    typed = "x J K ! u e q t m g n s r R A p"
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("n", *typed, "escape")
        await saved(pilot)
        assert isinstance(app.screen, PackScreen)
        pack = pack_on_disk(briefs)
        assert pack.item_ids() == ["tech7-p2", "statement-p6"]
        assert pack.sections[0].entries[0].note == typed
        assert pack.sections[0].entries[0].priority == "must"
        await pilot.press("g", *"x, J!, q", "enter")
        await saved(pilot)
        assert isinstance(app.screen, PackScreen)
        pack = pack_on_disk(briefs)
        assert pack.sections[0].entries[0].tags == ("x", "J!", "q")
        assert pack.item_ids() == ["tech7-p2", "statement-p6"] and len(pack.sections) == 2
        assert app.is_running


async def test_the_footer_at_80x24_shows_undo_export_and_the_main_editing_keys(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=(80, 24)) as pilot:
        await on_pack_screen(pilot)
        footer = screen_text(app).splitlines()[-1]
        for shown in (
            "p Back",
            "JK Move",
            "n Note",
            "! Prio",
            "x Remove",
            "u Undo",
            "^y Redo",
            "e Export",
        ):
            assert shown in footer, f"{shown!r} not in {footer!r}"


async def test_a_reopened_note_puts_the_cursor_at_its_end(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        await pilot.press("n", *"First line", "enter", *"second", "escape")
        await saved(pilot)
        await pilot.press("down", "up", "n", *" and more", "escape")
        await saved(pilot)
        assert pack_on_disk(briefs).sections[0].entries[0].note == "First line\nsecond and more"
        await pilot.press("n")
        editor = screen.query_one(TextArea)
        assert editor.cursor_location == editor.document.end


async def test_the_outline_marks_items_with_a_note_apart_from_notes_of_ones_own(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await on_pack_screen(pilot)
        outline = screen.query_one(PackOutline)

        def rows() -> list[str]:
            nodes = [outline.get_node_at_line(line) for line in range(outline.last_line + 1)]
            return [str(node.label) for node in nodes if node is not None]

        assert f"●  {FIRST}" in rows()
        assert "¶ Car booked for 14:00" in " ".join(rows())
        await pilot.press("n", *"Ask about it", "escape")
        await saved(pilot)
        assert f"●✎ {FIRST}" in rows()
        assert "✎" not in rows()[2], "an item without a note has no mark"


async def test_a_on_a_source_adds_nothing_and_says_why(settings_file: Path, briefs: Path) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("o", "enter")
        await pilot.pause()
        assert app.corpus is not None
        app.open_item(f"source:{next(iter(app.corpus.sources))}")
        await pilot.press("a")
        await saved(pilot)
        assert "Sources cannot go in a pack" in said(app)
        assert (briefs / "paris-day.toml").read_text(encoding="utf-8") == PARIS


async def test_news_of_a_row_the_cursor_already_left_does_not_move_the_next_key(
    settings_file: Path, briefs: Path
) -> None:
    """J moves the first entry down; a highlight from the screen's opening, late on a busy
    machine, arrives after it: K must still move the same entry back up."""
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        await pilot.press("J")
        await pilot.pause()
        assert screen.cursor == OutlineRow(0, 1)
        screen.post_message(PackOutline.RowHighlighted(OutlineRow(0, 0)))
        await pilot.pause()
        await pilot.press("K")
        await saved(pilot)
        entries = pack_on_disk(briefs, "paris-day").sections[0].entries
        assert [entry.item for entry in entries] == ["tech7-p2", "statement-p6"]
