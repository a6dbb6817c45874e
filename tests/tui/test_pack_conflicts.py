"""Merge conflicts in the app: marked in outline and header, both sides shown, one side picked."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcase_tui.domain.packs.codec import decode_pack, encode_pack
from briefcase_tui.domain.packs.edit import update_entry
from briefcase_tui.domain.packs.merge import merge_packs
from briefcase_tui.tui.dialogs.prompts import ChoiceDialog
from briefcase_tui.tui.widgets.pack_outline import CONFLICT_MARK, PackOutline
from tests.tui.pack_helpers import (
    PARIS,
    make_briefs,
    on_pack_screen,
    pack_app,
    pack_on_disk,
    said,
    saved,
)
from tests.tui.screen_text import screen_text

OURS_NOTE = "Ask about [bold]the observatory[/bold]"
"""Our side, with text that must stay literal in every place it is shown."""
THEIRS_NOTE = "Skip: covered by the envoy"


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    """A briefs folder whose pack holds one conflict over the first entry's note."""
    folder = make_briefs(tmp_path)
    base = decode_pack(PARIS.encode(), "paris-day.toml")
    ours = update_entry(base, (0, 0), note=OURS_NOTE)
    theirs = update_entry(base, (0, 0), note=THEIRS_NOTE)
    merged = merge_packs(base, ours, theirs)
    assert merged.conflicts == 1
    (folder / "paris-day.toml").write_bytes(encode_pack(merged.pack))
    return folder


async def test_a_conflict_is_marked_shown_with_both_sides_and_settled_with_c(
    settings_file: Path, briefs: Path
) -> None:
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await on_pack_screen(pilot)
        text = screen_text(app)
        assert "⚠ 1 merge conflict (c) · Paris day" in text
        outline = screen.query_one(PackOutline)
        first_row = outline.get_node_at_line(1)
        assert first_row is not None and CONFLICT_MARK in str(first_row.label)
        assert OURS_NOTE in text and THEIRS_NOTE in text, "both sides show beside the entry"
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "Conflict 1 of 1" in screen_text(app)
        await pilot.press("down", "enter")
        await saved(pilot)
        settled = pack_on_disk(briefs)
        assert settled.conflict_count() == 0
        assert settled.sections[0].entries[0].note == THEIRS_NOTE
        assert "All settled." in said(app)
        assert "merge conflict" not in screen_text(app)
        await pilot.press("u")
        await saved(pilot)
        assert pack_on_disk(briefs).conflict_count() == 1, "undo brings the conflict back"


async def test_c_without_conflicts_says_there_is_nothing_to_settle(
    settings_file: Path, tmp_path: Path
) -> None:
    (tmp_path / "plain").mkdir()
    briefs = make_briefs(tmp_path / "plain")
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=(100, 30)) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert "No merge conflicts" in said(app)
        assert not isinstance(app.screen, ChoiceDialog)


async def test_a_pack_with_a_conflict_is_not_exported_and_the_app_says_why(
    settings_file: Path, briefs: Path
) -> None:
    from briefcase_tui.tui.screens.export_preview import ExportPreviewScreen

    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=(110, 32)) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, ExportPreviewScreen)
        assert "Not exported: 1 merge conflict to settle first" in said(app)
