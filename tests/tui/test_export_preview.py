"""The export preview: shows what `brief export` writes, writes exactly those bytes, refuses to harm a pack."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Markdown, Select, Static, TextArea
from textual.widgets.markdown import MarkdownBlock

from briefcase_tui.domain.export import FORMATS, render_pack
from briefcase_tui.domain.packs.store import PackFile, PackStore
from briefcase_tui.tui.app import BriefcaseApp
from briefcase_tui.tui.screens.export_dialogs import ExportWriteDialog
from briefcase_tui.tui.screens.export_preview import ExportPreviewScreen
from tests.tui.conftest import loaded
from tests.tui.screen_text import screen_text

SUMMIT = """title = "Summit day"

[[sections]]
title = "Context"

[[sections.entries]]
item = "ws-future-of-work"
note = "Ask about the observatory"

[[sections.entries]]
item = "day-2025-02-11"
"""
GAPS = SUMMIT.replace('item = "day-2025-02-11"', 'item = "gone-one"')
HOSTILE = """title = "[bold]x[/]"

[[sections]]
title = "S"

[[sections.entries]]
item = "ws-future-of-work"
note = "[@click=app.quit]y"
"""


def pack_in(tmp_path: Path, text: str, name: str = "summit") -> PackFile:
    """Write a pack into a briefs folder of the test's own and load it as the app would."""
    folder = tmp_path / "briefs"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return PackStore(folder).load(name)


async def open_preview(pilot: Pilot[None], packfile: PackFile) -> ExportPreviewScreen:
    """Wait for the corpus, push the preview over the browse screen, and let it paint."""
    await loaded(pilot)
    app = pilot.app
    assert isinstance(app, BriefcaseApp) and app.corpus is not None
    screen = ExportPreviewScreen(packfile, app.corpus)
    await app.push_screen(screen)
    await markdown_built(pilot, screen)
    return screen


async def markdown_built(pilot: Pilot[None], screen: ExportPreviewScreen) -> None:
    """Wait until the rendered Markdown, built after the first paint, is on screen (unless shown raw)."""
    for _ in range(500):
        if screen.markdown_ready or screen.raw:
            break
        await pilot.pause(0.01)
    await pilot.pause()


def notifications(app: BriefcaseApp) -> list[tuple[str, str]]:
    """(severity, message) of every notification shown so far."""
    return [(n.severity, str(n.message)) for n in app._notifications]


def brief_export(folder: Path, name: str, out: Path, *args: str) -> bytes:
    """What the real CLI writes for this pack, run as a separate process."""
    env = {**os.environ, "NO_COLOR": "1"}
    subprocess.run([sys.executable, "-m", "briefcase_tui", "--briefs", str(folder), "export", name, "-o", str(out),
                    *args], check=True, capture_output=True, env=env)
    return out.read_bytes()


async def test_the_preview_shows_the_pack_title_and_its_entries_rendered(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        text = screen_text(app)
        assert "Summit day" in text
        assert "Context" in text
        assert screen.query_one(Markdown)._open_links is False
        assert screen.query_one("#export-missing").display is False


async def test_r_shows_the_raw_markdown_that_is_written(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        await pilot.press("r")
        raw = screen.query_one(TextArea)
        assert raw.display and app.focused is raw
        assert raw.text == render_pack(packfile.pack, app.corpus, "markdown").decode("utf-8")
        assert "# Summit day" in screen_text(app)
        await pilot.press("r")
        assert screen.query_one("#export-views").current == "export-rendered"


@pytest.mark.parametrize(("presses", "format_name", "marker"), [(1, "html", "<html"), (2, "json", '"title": "Summit day"'),
                                                               (3, "ics", "BEGIN:VCALENDAR")])
async def test_f_cycles_to_each_format_shown_as_its_raw_text(make_app, tmp_path: Path, presses: int,  # type: ignore[no-untyped-def]
                                                              format_name: str, marker: str) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        await pilot.press(*["f"] * presses)
        await pilot.pause()
        assert screen.format == format_name
        assert screen.query_one(Select).value == format_name
        text = screen.query_one(TextArea).text
        assert marker in text
        assert text.replace("\r\n", "\n") == render_pack(packfile.pack, app.corpus, format_name).decode("utf-8").replace(
            "\r\n", "\n")
        assert screen.check_action("toggle_raw", ()) is False


async def test_choosing_a_format_in_the_select_shows_it(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        screen.query_one(Select).value = "json"
        await pilot.pause()
        assert screen.query_one("#export-views").current == "export-raw"
        assert screen.query_one(TextArea).text.lstrip().startswith("{")


async def test_ids_missing_from_the_corpus_are_a_warning_line(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packfile = pack_in(tmp_path, GAPS)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preview(pilot, packfile)
        assert "1 item not in the corpus: gone-one" in screen_text(app)


@pytest.mark.parametrize("format_name", ["markdown", "html"])
async def test_w_then_enter_writes_beside_the_pack_the_bytes_the_cli_writes(make_app, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                            format_name: str) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    folder = packfile.path.parent
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        if format_name != "markdown":
            screen.query_one(Select).value = format_name
            await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ExportWriteDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        target = folder / f"summit{FORMATS[format_name]}"
        written = target.read_bytes()
        assert written == render_pack(packfile.pack, app.corpus, format_name)
        assert written == brief_export(folder, "summit", tmp_path / f"cli{FORMATS[format_name]}", "-F", format_name)
        assert ("information", f"Wrote {target}") in notifications(app)
        assert sorted(p.name for p in folder.iterdir()) == sorted(["summit.toml", target.name])


async def test_ctrl_s_writes_too_and_an_existing_export_is_replaced_only_after_a_second_enter(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packfile = pack_in(tmp_path, SUMMIT)
    target = packfile.path.with_suffix(".md")
    target.write_text("old export, edited by hand\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preview(pilot, packfile)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportWriteDialog)
        assert "already exists" in dialog_message(app) and "derived from the pack" in dialog_message(app)
        assert target.read_text(encoding="utf-8") == "old export, edited by hand\n"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportWriteDialog)
        assert target.read_bytes() == render_pack(packfile.pack, app.corpus, "markdown")


async def test_the_write_button_writes_with_the_mouse(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preview(pilot, packfile)
        await pilot.press("w")
        await pilot.pause()
        assert await pilot.click("#export-write-confirm")
        await pilot.pause()
        assert packfile.path.with_suffix(".md").is_file()


async def test_escape_cancels_the_dialog_and_then_closes_the_preview_writing_nothing(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.browse
        assert [p.name for p in packfile.path.parent.iterdir()] == ["summit.toml"]


def dialog_message(app: BriefcaseApp) -> str:
    """The line under the path in the write dialog: a hint, a refusal or an overwrite warning."""
    dialog = app.screen
    assert isinstance(dialog, ExportWriteDialog)
    return str(dialog.query_one("#export-write-message", Static).content)


async def type_path(pilot: Pilot[None], path: str) -> None:
    """Replace the path in the write dialog with another, as a person would."""
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportWriteDialog)
    dialog.query_one("#export-path").value = path  # type: ignore[attr-defined]
    await pilot.pause()


@pytest.mark.parametrize("target", ["other.toml", "SUMMIT.TOML", "summit.toml"])
async def test_a_toml_target_or_the_pack_itself_is_refused_and_the_pack_is_untouched(make_app, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                                    target: str) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    before = packfile.path.read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preview(pilot, packfile)
        await pilot.press("w")
        await pilot.pause()
        await type_path(pilot, str(packfile.path.parent / target))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportWriteDialog)
        assert "never overwrites a pack" in dialog_message(app)
        assert packfile.path.read_bytes() == before
        assert [p.name for p in packfile.path.parent.iterdir()] == ["summit.toml"]


async def test_the_pack_through_a_link_is_refused(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packfile = pack_in(tmp_path, SUMMIT)
    before = packfile.path.read_bytes()
    link = tmp_path / "pack-link.md"
    link.symlink_to(packfile.path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preview(pilot, packfile)
        await pilot.press("w")
        await pilot.pause()
        await type_path(pilot, str(link))
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert "refusing to overwrite it" in dialog_message(app)
        assert packfile.path.read_bytes() == before


async def test_an_unwritable_target_is_one_error_notification_and_writes_nothing(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packfile = pack_in(tmp_path, SUMMIT)
    blocker = tmp_path / "briefs" / "not-a-folder"
    blocker.write_text("a file\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        await pilot.press("w")
        await pilot.pause()
        await type_path(pilot, str(blocker / "out.md"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        errors = [message for severity, message in notifications(app) if severity == "error"]
        assert errors == [f"{blocker}: not a folder"]
        assert sorted(p.name for p in packfile.path.parent.iterdir()) == ["not-a-folder", "summit.toml"]


async def click_blocks_showing(pilot: Pilot[None], *fragments: str) -> int:
    """Click every rendered Markdown block whose text holds one of the fragments; how many were clicked."""
    clicked = 0
    for block in pilot.app.screen.query(MarkdownBlock):
        if any(fragment in block._content.plain for fragment in fragments):
            block.scroll_visible(immediate=True)
            await pilot.pause()
            await pilot.click(block, offset=(1, 0))
            await pilot.pause()
            clicked += 1
    return clicked


async def test_hostile_text_shows_literally_and_clicking_it_does_nothing(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packfile = pack_in(tmp_path, HOSTILE, name="hostile")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        assert "[bold]x[/]" in screen_text(app)
        assert await click_blocks_showing(pilot, "[bold]x[/]", "[@click=app.quit]y") >= 2
        await pilot.click("#export-title")
        assert app.is_running and app.screen is screen
        await pilot.press("r")
        await pilot.pause()
        raw_markdown = screen.query_one(TextArea).text
        assert raw_markdown == render_pack(packfile.pack, app.corpus, "markdown").decode("utf-8")
        assert "\\[@click=app.quit\\]y" in raw_markdown
        screen.query_one(Select).value = "json"
        await pilot.pause()
        assert '"[bold]x[/]"' in screen_text(app)
        assert "[@click=app.quit]y" in screen.query_one(TextArea).text
        await pilot.click("#export-raw", offset=(4, 2))
        await pilot.pause()
        assert app.is_running and app.screen is screen


async def test_a_long_export_opens_as_raw_text_and_r_renders_it(make_app, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefcase_tui.tui.screens.export_preview.RENDER_LIMIT", 100)
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        assert screen.raw and app.focused is screen.query_one(TextArea)
        assert "shown as the raw text. r renders it" in screen_text(app)
        await pilot.press("r")
        await markdown_built(pilot, screen)
        assert screen.markdown_ready and screen.query_one("#export-views").current == "export-rendered"
        assert screen.query_one("#export-status").display is False


async def test_links_move_within_the_preview_and_never_open(make_app, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        markdown = screen.query_one(Markdown)
        scroller = screen.query_one("#export-rendered")
        markdown.post_message(Markdown.LinkClicked(markdown, "#sources"))
        await pilot.pause()
        assert scroller.scroll_y > 0
        markdown.post_message(Markdown.LinkClicked(markdown, "https://example.org/[x]"))
        await pilot.pause()
        assert opened == []
        assert notifications(app) == [("information", "Links do not open from the preview: https://example.org/[x]")]
