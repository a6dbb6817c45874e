"""An item corrected in the corpus since it went into a pack: marked in the app, compared, kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefcase_tui.domain.corpus.history import changed_readings, encode_history
from briefcase_tui.domain.corpus.load import load_corpus
from briefcase_tui.domain.packs.codec import encode_pack
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.review import entry_status, stamp
from briefcase_tui.paths import bundled_themes_dir
from briefcase_tui.tui.app import create_app
from briefcase_tui.tui.dialogs.review_item import ReviewItemDialog
from briefcase_tui.tui.widgets.pack_outline import CHANGED_MARK, PackOutline
from tests.cli.test_pack_review_cli import NEW_SUMMARY, correct_tech7_p2, release
from tests.tui.pack_helpers import on_pack_screen, pack_on_disk, said, saved
from tests.tui.screen_text import screen_text


async def test_a_changed_item_is_marked_compared_side_by_side_and_accepted_with_v(
    tmp_path: Path, corpus_copy: Path, settings_file: Path
) -> None:
    old, new = corpus_copy, tmp_path / "new"
    release(old, "2025.1")
    shutil.copytree(old, new)
    release(new, "2025.2")
    correct_tech7_p2(new)
    before, after = load_corpus(old, use_cache=False), load_corpus(new, use_cache=False)
    (new / "history").mkdir(exist_ok=True)
    (new / "history" / "2025.1.toml").write_bytes(encode_history(changed_readings(before, after)))
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    pack = Pack(
        title="Paris day",
        sections=(Section(title="Asks", entries=(Entry(item="tech7-p2"), Entry(item="tech7-p3"))),),
    )
    (briefs / "paris-day.toml").write_bytes(encode_pack(stamp(pack, before)))

    app = create_app(
        new,
        settings_file=settings_file,
        theme_folders=[bundled_themes_dir()],
        briefs_folder=briefs,
        pack=briefs / "paris-day.toml",
    )
    app.animation_level = "none"
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await on_pack_screen(pilot)
        outline = screen.query_one(PackOutline)
        rows = [outline.get_node_at_line(line) for line in (1, 2)]
        assert rows[0] is not None and str(rows[0].label).startswith(CHANGED_MARK)
        assert rows[1] is not None and CHANGED_MARK not in str(rows[1].label)
        assert "v compares" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewItemDialog)
        shown = screen_text(app)
        assert "As added (corpus 2025.1)" in shown and "Today (corpus 2025.2)" in shown
        assert "≠ TECH7's second priority" in shown and f"≠ {NEW_SUMMARY}" in shown
        await pilot.press("enter")
        await saved(pilot)
        assert "Reviewed" in said(app)
        on_disk = pack_on_disk(briefs)
        assert on_disk.corpus_version == "2025.2"
        assert entry_status(on_disk.sections[0].entries[0], after) == "current"
        first = outline.get_node_at_line(1)
        assert first is not None and CHANGED_MARK not in str(first.label)
