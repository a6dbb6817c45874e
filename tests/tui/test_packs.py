"""Editing packs in the app with the keyboard, checked on the widgets and in the files on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, TextArea

from briefcase_tui.tui.dialogs.conflict import ConflictDialog
from briefcase_tui.tui.dialogs.prompts import ChoiceDialog, TextDialog
from briefcase_tui.tui.screens.browse import BrowseScreen
from briefcase_tui.tui.screens.help import binding_rows
from briefcase_tui.tui.screens.pack import PackScreen
from briefcase_tui.tui.widgets.pack_outline import PackOutline
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

BROKEN = """format = 1
title = "Broken"
titel = "a typo"
"""


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    """A briefs folder of this test's own, with one pack."""
    return make_briefs(tmp_path)


async def test_opening_a_pack_and_adding_the_highlighted_item_saves_it_in_the_file(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        assert app.packs.session is not None
        assert "Pack: Paris day · 3 entries" in screen_text(app)
        await pilot.press("2", "down", "a")
        await saved(pilot)
        assert pack_on_disk(briefs).item_ids() == [
            "tech7-p2",
            "statement-p6",
            "ws-international-governance",
        ]
        assert (
            "Added “International Governance” to Paris day "
            "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} Asks" in said(app)
        )
        await pilot.press("a")
        await pilot.pause()
        assert "already in the pack" in said(app)
        assert pack_on_disk(briefs).item_ids().count("ws-international-governance") == 1


async def test_adding_with_no_pack_open_asks_for_a_pack_first(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("2", "down", "a")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        for _ in range(500):  # the chosen pack opens, then the item is added and saved
            if app.packs.session is not None:
                break
            await pilot.pause(0.01)
        await saved(pilot)
        assert "ws-international-governance" in pack_on_disk(briefs).item_ids()


async def test_an_item_is_added_to_the_section_last_used_in_the_pack_screen(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("p", "2", "down", "a")
        await saved(pilot)
        assert pack_on_disk(briefs).sections[0].entries[-1].item == "ws-international-governance"


async def test_J_and_K_reorder_entries_in_the_file_and_cross_into_the_next_section(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        await pilot.press("J")
        await saved(pilot)
        assert pack_on_disk(briefs).item_ids() == ["statement-p6", "tech7-p2"]
        await pilot.press("J")
        await saved(pilot)
        pack = pack_on_disk(briefs)
        assert [e.item for e in pack.sections[1].entries] == ["tech7-p2", None]
        assert screen.query_one(PackOutline).row is not None
        assert (screen.cursor.section, screen.cursor.entry) == (1, 0)
        await pilot.press("ctrl+up", "K")
        await saved(pilot)
        assert pack_on_disk(briefs).item_ids() == ["tech7-p2", "statement-p6"]


async def test_m_moves_an_entry_to_a_section_chosen_from_a_list(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await saved(pilot)
        pack = pack_on_disk(briefs)
        assert [e.item for e in pack.sections[1].entries] == [None, "tech7-p2"]


async def test_a_note_written_in_the_editor_is_saved_when_leaving_it(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        await pilot.press("n")
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Ask for x")
        await pilot.press("escape")
        await saved(pilot)
        assert pack_on_disk(briefs).sections[0].entries[0].note == "Ask for x"
        assert isinstance(app.focused, PackOutline)
        await pilot.press("down", "enter", *"Second", "ctrl+s")
        await saved(pilot)
        assert pack_on_disk(briefs).sections[0].entries[1].note == "Second"
        assert screen.query_one(TextArea).has_focus


async def test_priority_cycles_and_tags_are_edited_in_a_dialog(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("exclamation_mark")
        await saved(pilot)
        assert pack_on_disk(briefs).sections[0].entries[0].priority == "should"
        await pilot.press("exclamation_mark", "exclamation_mark")
        await saved(pilot)
        assert pack_on_disk(briefs).sections[0].entries[0].priority is None
        await pilot.press("g")
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"ask, follow-up, ask", "enter")
        await saved(pilot)
        assert pack_on_disk(briefs).sections[0].entries[0].tags == ("ask", "follow-up")
        assert "Tags: ask, follow-up" in screen_text(app)


async def test_removing_an_entry_and_undoing_brings_back_the_same_bytes(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("exclamation_mark")
        await saved(pilot)
        before = path.read_bytes()
        await pilot.press("x")
        await saved(pilot)
        assert pack_on_disk(briefs).item_ids() == ["statement-p6"]
        await pilot.press("u")
        await saved(pilot)
        assert path.read_bytes() == before
        await pilot.press("ctrl+z")
        await saved(pilot)
        assert pack_on_disk(briefs).sections[0].entries[0].priority == "must"


async def test_sections_are_added_renamed_and_removed_when_empty(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        await pilot.press("s", *"Questions", "enter")
        await pilot.pause()
        assert [s.title for s in pack_on_disk(briefs).sections] == [
            "Programme",
            "Questions",
            "Asks",
        ]
        assert screen.cursor.section == 1 and screen.cursor.entry is None
        await pilot.press("r")
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"-" * 0, "ctrl+u", *"Our asks", "enter")
        await pilot.pause()
        assert [s.title for s in pack_on_disk(briefs).sections] == ["Programme", "Our asks", "Asks"]
        await pilot.press("x")
        await pilot.pause()
        assert [s.title for s in pack_on_disk(briefs).sections] == ["Programme", "Asks"]


async def test_x_on_a_section_with_entries_removes_nothing_and_says_why(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        await pilot.press("up")
        await pilot.pause()
        assert screen.cursor.entry is None
        await pilot.press("x")
        await saved(pilot)
        assert path.read_text(encoding="utf-8") == PARIS
        assert "Not removed: the section “Programme” still holds 2 entries." in said(app)


async def test_the_pack_is_renamed_and_its_file_keeps_its_name(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("R", "ctrl+u", *"Tuesday", "enter")
        await saved(pilot)
        assert pack_on_disk(briefs).title == "Tuesday"
        assert "Tuesday · paris-day.toml" in screen_text(app)


async def test_a_pack_changed_on_disk_asks_and_reload_takes_the_other_version(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    theirs = PARIS.replace('"Paris day"', '"Their title"')
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        path.write_text(theirs, encoding="utf-8")
        await pilot.press("x")
        await saved(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert path.read_text(encoding="utf-8") == theirs
        assert "not saved" in screen_text(app)
        await pilot.click("#conflict-reload")
        await pilot.pause()
        assert app.packs.session is not None and app.packs.session.current.title == "Their title"
        assert app.packs.session.current.item_ids() == ["tech7-p2", "statement-p6"]
        assert path.read_text(encoding="utf-8") == theirs


async def test_a_pack_changed_on_disk_can_be_saved_as_a_copy_keeping_both(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    theirs = PARIS.replace('"Paris day"', '"Their title"')
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        path.write_text(theirs, encoding="utf-8")
        await pilot.press("x")
        await saved(pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("enter")  # the focused button is the safe one: save mine as a copy
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == theirs
        assert pack_on_disk(briefs, "paris-day-copy").item_ids() == ["statement-p6"]
        assert "paris-day-copy.toml" in said(app)
        await pilot.press("x")
        await saved(pilot)
        assert pack_on_disk(briefs, "paris-day-copy").item_ids() == []
        assert path.read_text(encoding="utf-8") == theirs


async def test_cancelling_keeps_the_change_in_memory_and_overwrite_writes_it(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    theirs = PARIS.replace('"Paris day"', '"Their title"')
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        path.write_text(theirs, encoding="utf-8")
        await pilot.press("x")
        await saved(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.packs.session is not None and app.packs.session.pending is not None
        assert "⚠ not saved" in screen_text(app)
        assert path.read_text(encoding="utf-8") == theirs
        await pilot.press("x")
        await saved(pilot)
        await pilot.click("#conflict-overwrite")
        await saved(pilot)
        assert pack_on_disk(briefs).item_ids() == [] and pack_on_disk(briefs).title == "Paris day"


async def test_a_change_made_while_browsing_is_noticed_when_the_pack_screen_opens(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("p")
        path.write_text(PARIS.replace('"Paris day"', '"Edited by hand"'), encoding="utf-8")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert "Edited by hand" in screen_text(app)


async def test_a_malformed_pack_is_listed_with_its_line_and_reason_and_left_untouched(
    settings_file: Path, briefs: Path
) -> None:
    broken = briefs / "broken.toml"
    broken.write_text(BROKEN, encoding="utf-8")
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        text = screen_text(app)
        assert "broken.toml:3:1:" in text and "titel" in text
        options = dialog.query_one(OptionList)
        problem = [
            options.get_option_at_index(i)
            for i in range(options.option_count)
            if options.get_option_at_index(i).disabled
        ]
        assert len(problem) == 1
        await pilot.press("enter")
        await pilot.pause()
        assert (
            app.packs.session is not None
            and app.packs.session.packfile.path.name == "paris-day.toml"
        )
    assert broken.read_text(encoding="utf-8") == BROKEN


HOSTILE = """format = 1
title = "[bold]x[/]"

[[sections]]
title = "[@click=app.quit]y"

[[sections.entries]]
item = "tech7-p2"
note = "[@click=app.quit]y and [red]z[/red]"

[[sections.entries]]
item = "gone-from-the-corpus"
"""


async def test_markup_in_titles_notes_and_sections_is_shown_literally_and_missing_ids_are_flagged(
    settings_file: Path, briefs: Path
) -> None:
    (briefs / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    app = pack_app(settings_file, briefs, "hostile")
    async with app.run_test(size=(120, 40)) as pilot:
        await on_pack_screen(pilot)
        text = screen_text(app)
        assert "[bold]x[/]" in text
        assert "[@click=app.quit]y" in text
        assert "[@click=app.quit]y and [red]z[/red]" in text
        await pilot.press("down")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ missing gone-from-the-corpus" in text
        assert "is not in the corpus" in text
        await pilot.press("p")
        assert "Pack: [bold]x[/]" in screen_text(app)
        await pilot.press("ctrl+p", *"pack: [")
        await pilot.pause(0.3)
        assert "Pack: [bold]x[/]  hostile" in screen_text(app)
        assert app.is_running


async def test_a_new_pack_from_the_day_sheet_template_is_made_and_opened(
    settings_file: Path, briefs: Path
) -> None:
    from textual.widgets import Select

    from briefcase_tui.tui.dialogs.new_pack import NewPackDialog

    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("N")
        dialog = app.screen
        assert isinstance(dialog, NewPackDialog)
        await pilot.press(*"Tuesday in Paris")
        dialog.query_one("#new-pack-template", Select).value = "day-sheet"
        await pilot.pause()
        parameter = dialog.query_one("#new-pack-parameter", Select)
        assert parameter.display
        parameter.value = "2025-02-11"
        await pilot.pause()
        await pilot.click("#new-pack-create")
        await saved(pilot)
        pack = pack_on_disk(briefs, "tuesday-in-paris")
        assert pack.title == "Tuesday in Paris"
        assert str(pack.date) == "2025-02-11"
        assert "day-2025-02-11" in pack.item_ids()
        assert (briefs / "paris-day.toml").read_text(encoding="utf-8") == PARIS
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PackScreen)
        assert "Tuesday in Paris · tuesday-in-paris.toml" in screen_text(app)


async def test_a_meeting_brief_is_made_from_three_lists_and_a_missing_choice_is_named(
    settings_file: Path, briefs: Path
) -> None:
    from textual.widgets import Select

    from briefcase_tui.tui.dialogs.new_pack import NewPackDialog

    app = pack_app(settings_file, briefs)
    async with app.run_test(size=(100, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("N")
        dialog = app.screen
        assert isinstance(dialog, NewPackDialog)
        await pilot.press(*"Meeting TECH7")
        dialog.query_one("#new-pack-template", Select).value = "meeting-brief"
        await pilot.pause()
        lists = [
            dialog.query_one(f"#{name}", Select)
            for name in ("new-pack-parameter", "new-pack-parameter-2", "new-pack-parameter-3")
        ]
        assert all(each.display for each in lists)
        assert "Choose the person or organisation" in screen_text(app)
        lists[0].value = "ws-international-governance"
        lists[2].value = "2025-02-11"
        await pilot.pause()
        await pilot.click("#new-pack-create")
        await pilot.pause()
        assert "Choose a person or organisation" in screen_text(app)
        assert isinstance(app.screen, NewPackDialog), "the dialog stays open for the choice"
        lists[1].value = "org-tech7"
        create = dialog.query_one("#new-pack-create")
        while create.has_class("-active"):  # a button ignores clicks for 0.2 s after a click
            await pilot.pause(0.05)
        await pilot.click("#new-pack-create")
        await saved(pilot)
        pack = pack_on_disk(briefs, "meeting-tech7")
        assert str(pack.date) == "2025-02-11"
        assert {"org-tech7", "ws-international-governance"} <= set(pack.item_ids())
        assert all(e.fingerprint for s in pack.sections for e in s.entries if e.item)


async def test_a_new_pack_needs_a_title(settings_file: Path, briefs: Path) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("N", "enter")
        await pilot.pause()
        assert "A pack needs a title" in screen_text(app)
        await pilot.press(*"Empty one", "enter")
        await saved(pilot)
        assert pack_on_disk(briefs, "empty-one").sections == ()


async def test_pack_keys_are_hidden_without_a_pack_and_listed_on_the_keys_screen(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.check_action("export_pack", ()) is False
        assert app.check_action("undo_pack", ()) is False
        await pilot.press("o", "enter", "p")
        await pilot.pause()
        assert app.check_action("export_pack", ()) is True
        ids = {binding_id for _, _, binding_id in binding_rows(app)}
        assert {
            "pack-move-down",
            "pack-move-up",
            "pack-priority",
            "pack-tags",
            "pack-remove",
            "pack-edit-note",
            "pack-add-section",
            "pack-rename-section",
            "pack-rename",
            "pack-open",
            "pack-new",
            "pack-export",
            "pack-close",
        } <= ids


async def test_e_opens_the_export_preview_of_the_open_pack(
    settings_file: Path, briefs: Path
) -> None:
    export_preview = pytest.importorskip("briefcase_tui.tui.screens.export_preview")
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, export_preview.ExportPreviewScreen)
        assert app.screen.packfile.path == briefs / "paris-day.toml"


async def test_the_palette_offers_pack_actions_and_finds_packs_by_title(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Open pack", "New pack", "Pack screen"} <= titles
        await pilot.press("ctrl+p", *"paris day")
        await pilot.pause(0.3)
        assert "Pack: Paris day" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PackScreen)


async def test_clicking_a_row_moves_the_cursor_without_entering_the_editor(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        outline = screen.query_one(PackOutline)
        await pilot.click(outline, offset=(4, 2))
        await pilot.pause()
        assert (screen.cursor.section, screen.cursor.entry) == (0, 1)
        assert app.focused is outline
        await pilot.press("enter")
        assert isinstance(app.focused, TextArea)


async def test_a_change_waiting_in_memory_is_not_dropped_by_opening_another_pack(
    settings_file: Path, briefs: Path
) -> None:
    (briefs / "other.toml").write_text('format = 1\ntitle = "Other"\n', encoding="utf-8")
    app = pack_app(settings_file, briefs, "paris-day")
    path = briefs / "paris-day.toml"
    async with app.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
        path.write_text(PARIS.replace('"Paris day"', '"Theirs"'), encoding="utf-8")
        await pilot.press("x")
        await saved(pilot)
        await pilot.press("escape")  # decide later
        await pilot.pause()
        await pilot.press("o", "enter")  # the first pack listed is other.toml
        await pilot.pause()
        assert "not saved yet" in said(app)
        assert app.packs.session is not None and app.packs.session.pending is not None
        assert app.packs.session.packfile.path == path
        assert isinstance(app.screen, ConflictDialog)


async def test_the_pack_open_when_the_app_closed_is_open_again_at_the_next_start(
    settings_file: Path, briefs: Path
) -> None:
    first = pack_app(settings_file, briefs, pack="paris-day")
    async with first.run_test(size=SIZE) as pilot:
        await on_pack_screen(pilot)
    assert "paris-day.toml" in settings_file.read_text(encoding="utf-8")
    again = pack_app(settings_file, briefs)
    async with again.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.pause(0.05)
        assert again.packs.session is not None
        assert again.packs.session.packfile.path.resolve() == (briefs / "paris-day.toml").resolve()
        assert isinstance(again.screen, BrowseScreen), (
            "it opens where browsing starts, with the pack ready"
        )
    (briefs / "paris-day.toml").unlink()
    gone = pack_app(settings_file, briefs)
    async with gone.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert gone.packs.session is None and not gone._notifications, (
            "a pack since deleted is quietly forgotten"
        )
