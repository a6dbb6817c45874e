"""A pack of thousands of entries: its sections open folded, and keys act on it as on any pack."""

from __future__ import annotations

from pathlib import Path

from briefcase_tui.domain.packs.codec import encode_pack
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.tui.widgets.pack_outline import FOLDED_FROM, OutlineRow, PackOutline
from tests.tui.pack_helpers import SIZE, on_pack_screen, pack_app, pack_on_disk, saved
from tests.tui.screen_text import screen_text

BIG = Pack(
    title="Big pack",
    sections=(
        Section(title="Opening", entries=(Entry(item="tech7-p2"), Entry(item="statement-p6"))),
        Section(
            title="Everything else",
            entries=tuple(Entry(note=f"Point number {n}") for n in range(FOLDED_FROM)),
        ),
        Section(title="Closing", entries=(Entry(note="Thank the hosts"),)),
    ),
)


async def test_a_big_pack_opens_folded_and_an_entry_moves_into_a_folded_section(
    settings_file: Path, tmp_path: Path
) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "big.toml").write_bytes(encode_pack(BIG))
    app = pack_app(settings_file, briefs, "big")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_pack_screen(pilot)
        outline = screen.query_one(PackOutline)
        for _ in range(100):  # the cursor lands on the first entry once its section has rows
            if outline.row == OutlineRow(0, 0):
                break
            await pilot.pause(0.01)
        sections = outline.root.children
        assert [len(s.children) for s in sections] == [2, 0, 0], "only the cursor's is open"
        assert "Point number" not in screen_text(app)
        await pilot.press("down", "J")
        for _ in range(100):
            if outline.row == OutlineRow(1, 0):
                break
            await pilot.pause(0.01)
        await saved(pilot)
        assert outline.row == OutlineRow(1, 0), "the cursor follows the entry it moved"
        assert len(sections[1].children) == FOLDED_FROM + 1, "the section it went into opened"
        on_disk = pack_on_disk(briefs, "big")
        assert on_disk.sections[1].entries[0].item == "statement-p6"
        assert [len(s.entries) for s in on_disk.sections] == [1, FOLDED_FROM + 1, 1]
        await pilot.press("K")
        await saved(pilot)
        for _ in range(100):
            if outline.row == OutlineRow(0, 1):
                break
            await pilot.pause(0.01)
        assert outline.row == OutlineRow(0, 1)
        assert pack_on_disk(briefs, "big") == BIG
