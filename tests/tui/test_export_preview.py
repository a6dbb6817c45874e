"""The export preview: shows what `brief export` writes, writes those bytes, never harms a pack."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from rich.console import Console
from rich.segment import Segment
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Input, Select, Static, TextArea

from briefcase_tui.domain.export import render_pack
from briefcase_tui.domain.export.formats import export_format
from briefcase_tui.domain.packs.store import PackFile, PackStore
from briefcase_tui.tui.app import BriefcaseApp
from briefcase_tui.tui.dialogs.export_write import ExportWriteDialog
from briefcase_tui.tui.markdown_preview import PreviewMarkdown, without_links
from briefcase_tui.tui.screens.export_preview import ExportPreviewScreen
from tests.tui.conftest import MakeApp, loaded
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
ROOT = Path(__file__).resolve().parents[2]
LONG_PACK = ROOT / "briefs" / "tech7-vs-statement.toml"
"""The 55-entry example pack: about 72 kB of Markdown (Textual's Markdown widget took seconds)."""
HOSTILE_PACK = ROOT / "tests" / "data" / "packs" / "hostile.toml"


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
    await pilot.pause()
    return screen


def rendered_lines(screen: ExportPreviewScreen) -> list[list[Segment]]:
    """Every line of the rendered Markdown as the widget paints it, scrolled into view or not."""
    static = screen.query_one("#export-markdown", Static)
    width, height = static.size
    assert height > 0, "the rendered Markdown is not laid out"
    return [list(strip) for strip in static.render_lines(Region(0, 0, width, height))]


def rendered_text(screen: ExportPreviewScreen) -> str:
    """The whole rendered Markdown as the text a person reads, line by line."""
    return "\n".join(
        "".join(segment.text for segment in line).rstrip() for line in rendered_lines(screen)
    )


def links_and_actions(screen: ExportPreviewScreen) -> list[str]:
    """Every hyperlink or click action anywhere in the rendered Markdown (there should be none)."""
    found = []
    for line in rendered_lines(screen):
        for segment in line:
            style = segment.style
            if style is not None and (style.link or any(key.startswith("@") for key in style.meta)):
                found.append(segment.text)
    return found


def notifications(app: BriefcaseApp) -> list[tuple[str, str]]:
    """(severity, message) of every notification shown so far."""
    return [(n.severity, str(n.message)) for n in app._notifications]


def brief_export(folder: Path, name: str, out: Path, *args: str) -> bytes:
    """What the real CLI writes for this pack, run as a separate process."""
    env = {**os.environ, "NO_COLOR": "1"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "briefcase_tui",
            "--briefs",
            str(folder),
            "export",
            name,
            "-o",
            str(out),
            *args,
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    return out.read_bytes()


async def test_the_preview_shows_the_pack_title_and_its_entries_rendered(
    make_app: MakeApp, tmp_path: Path
) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        text = screen_text(app)
        assert "Summit day" in text
        assert "Context" in text
        assert "# Summit day" not in text and "## Context" not in text
        assert screen.query_one("#export-views", ContentSwitcher).current == "export-rendered"
        assert app.focused is screen.query_one("#export-rendered")
        static = screen.query_one("#export-markdown", Static)
        assert (
            isinstance(static.content, PreviewMarkdown) and static.content.code_theme == "ansi_dark"
        )
        assert screen.query_one("#export-missing").display is False
        app.theme = "briefcase-light"
        await pilot.pause()
        assert (
            isinstance(static.content, PreviewMarkdown)
            and static.content.code_theme == "ansi_light"
        )
        assert "Context" in screen_text(app)


async def test_r_shows_the_raw_markdown_that_is_written(make_app: MakeApp, tmp_path: Path) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        await pilot.press("r")
        raw = screen.query_one(TextArea)
        assert raw.display and app.focused is raw
        assert raw.text == render_pack(packfile.pack, screen.corpus, "markdown").decode("utf-8")
        assert "# Summit day" in screen_text(app)
        await pilot.press("r")
        assert screen.query_one("#export-views", ContentSwitcher).current == "export-rendered"


@pytest.mark.parametrize(
    ("presses", "format_name", "marker"),
    [(1, "html", "<html"), (2, "json", '"title": "Summit day"'), (3, "ics", "BEGIN:VCALENDAR")],
)
async def test_f_cycles_to_each_format_shown_as_its_raw_text(
    make_app: MakeApp,
    tmp_path: Path,
    presses: int,
    format_name: str,
    marker: str,
) -> None:
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
        assert text.replace("\r\n", "\n") == render_pack(
            packfile.pack, screen.corpus, format_name
        ).decode("utf-8").replace("\r\n", "\n")
        assert screen.check_action("toggle_raw", ()) is False


async def test_choosing_a_format_in_the_select_shows_it(make_app: MakeApp, tmp_path: Path) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        screen.query_one(Select).value = "json"
        await pilot.pause()
        assert screen.query_one("#export-views", ContentSwitcher).current == "export-raw"
        assert screen.query_one(TextArea).text.lstrip().startswith("{")


async def test_ids_missing_from_the_corpus_are_a_warning_line(
    make_app: MakeApp, tmp_path: Path
) -> None:
    packfile = pack_in(tmp_path, GAPS)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preview(pilot, packfile)
        assert "1 item not in the corpus: gone-one" in screen_text(app)


@pytest.mark.parametrize("format_name", ["markdown", "html"])
async def test_w_then_enter_writes_beside_the_pack_the_bytes_the_cli_writes(
    make_app: MakeApp,
    tmp_path: Path,
    format_name: str,
) -> None:
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
        assert screen.is_active
        target = folder / f"summit{export_format(format_name).extension}"
        written = target.read_bytes()
        assert written == render_pack(packfile.pack, screen.corpus, format_name)
        assert written == brief_export(
            folder,
            "summit",
            tmp_path / f"cli{export_format(format_name).extension}",
            "-F",
            format_name,
        )
        assert ("information", f"Wrote {target}") in notifications(app)
        assert sorted(p.name for p in folder.iterdir()) == sorted(["summit.toml", target.name])


async def test_ctrl_s_writes_too_and_an_existing_export_is_replaced_only_after_a_second_enter(
    make_app: MakeApp, tmp_path: Path
) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    target = packfile.path.with_suffix(".md")
    target.write_text("old export, edited by hand\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportWriteDialog)
        assert "already exists" in dialog_message(
            app
        ) and "derived from the pack" in dialog_message(app)
        assert target.read_text(encoding="utf-8") == "old export, edited by hand\n"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportWriteDialog)
        assert target.read_bytes() == render_pack(packfile.pack, screen.corpus, "markdown")


async def test_the_write_button_writes_with_the_mouse(make_app: MakeApp, tmp_path: Path) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preview(pilot, packfile)
        await pilot.press("w")
        await pilot.pause()
        assert await pilot.click("#export-write-confirm")
        await pilot.pause()
        assert packfile.path.with_suffix(".md").is_file()


async def test_escape_cancels_the_dialog_and_then_closes_the_preview_writing_nothing(
    make_app: MakeApp, tmp_path: Path
) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.is_active
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
    dialog.query_one("#export-path", Input).value = path
    await pilot.pause()


@pytest.mark.parametrize("target", ["other.toml", "SUMMIT.TOML", "summit.toml"])
async def test_a_toml_target_or_the_pack_itself_is_refused_and_the_pack_is_untouched(
    make_app: MakeApp,
    tmp_path: Path,
    target: str,
) -> None:
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


async def test_a_path_whose_extension_names_another_format_is_refused_in_one_line(
    make_app: MakeApp, tmp_path: Path
) -> None:
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preview(pilot, packfile)
        await pilot.press("w")
        await pilot.pause()
        target = packfile.path.parent / "summit.html"
        await type_path(pilot, str(target))
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportWriteDialog), "the user can correct the path"
        assert dialog_message(app) == (
            f"Not written: {target}: the extension .html means HTML, not Markdown; "
            "change the extension or the format"
        )
        assert [p.name for p in packfile.path.parent.iterdir()] == ["summit.toml"]


async def test_the_pack_through_a_link_is_refused(make_app: MakeApp, tmp_path: Path) -> None:
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


async def test_an_unwritable_target_is_one_error_notification_and_writes_nothing(
    make_app: MakeApp, tmp_path: Path
) -> None:
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
        assert sorted(p.name for p in packfile.path.parent.iterdir()) == [
            "not-a-folder",
            "summit.toml",
        ]


async def click_text(pilot: Pilot[None], screen: ExportPreviewScreen, fragment: str) -> None:
    """Scroll the rendered line holding the fragment into view and click on the fragment itself."""
    lines = ["".join(segment.text for segment in line) for line in rendered_lines(screen)]
    row = next(number for number, line in enumerate(lines) if fragment in line)
    static = screen.query_one("#export-markdown", Static)
    static.scroll_visible(immediate=True)
    screen.query_one("#export-rendered").scroll_to(y=row, animate=False, immediate=True)
    await pilot.pause()
    assert fragment in screen_text(pilot.app)
    assert await pilot.click(static, offset=(lines[row].index(fragment) + 1, row))
    await pilot.pause()


async def test_hostile_text_shows_literally_and_clicking_it_does_nothing(
    make_app: MakeApp, tmp_path: Path
) -> None:
    packfile = pack_in(tmp_path, HOSTILE, name="hostile")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        assert "[bold]x[/]" in screen_text(app)
        text = rendered_text(screen)
        assert "[bold]x[/]" in text and "[@click=app.quit]y" in text
        assert links_and_actions(screen) == []
        for fragment in ("[bold]x[/]", "[@click=app.quit]y"):
            await click_text(pilot, screen, fragment)
            assert app.is_running and app.screen is screen
        await pilot.click("#export-title")
        assert app.is_running and app.screen is screen
        await pilot.press("r")
        await pilot.pause()
        raw_markdown = screen.query_one(TextArea).text
        assert raw_markdown == render_pack(packfile.pack, screen.corpus, "markdown").decode("utf-8")
        assert "\\[@click=app.quit\\]y" in raw_markdown
        screen.query_one(Select).value = "json"
        await pilot.pause()
        assert '"[bold]x[/]"' in screen_text(app)
        assert "[@click=app.quit]y" in screen.query_one(TextArea).text
        await pilot.click("#export-raw", offset=(4, 2))
        await pilot.pause()
        assert app.is_running and app.screen is screen


async def test_the_hostile_example_pack_renders_as_text_without_links_or_html(
    make_app: MakeApp, tmp_path: Path
) -> None:
    packfile = pack_in(tmp_path, HOSTILE_PACK.read_text(encoding="utf-8"), name="hostile")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_preview(pilot, packfile)
        markdown = render_pack(packfile.pack, screen.corpus, "markdown").decode("utf-8")
        tokens = MarkdownIt().enable("strikethrough").enable("table").parse(markdown)
        inline = [child for token in tokens for child in (token.children or [])]
        assert not [t for t in tokens + inline if t.type.startswith("html") or t.type == "image"]
        assert {str(t.attrs["href"])[:1] for t in inline if t.type == "link_open"} == {"#"}
        text = rendered_text(screen)
        assert links_and_actions(screen) == []
        assert "[bold]Brief[/] <script>alert(1)</script> # not a heading" in text
        assert "[link](javascript:alert(1)) and <https://evil.example>" in text
        assert "<b>tag</b>, a|b" in text and "![img](http://x/y.png) stays text" in text
        assert "(#" not in text and "\x1b" not in text and "\u202e" not in text
        assert "Contents" in text and "Sources" in text


async def test_the_55_entry_example_pack_opens_rendered_with_links_as_plain_text(
    make_app: MakeApp, tmp_path: Path
) -> None:
    packfile = pack_in(tmp_path, LONG_PACK.read_text(encoding="utf-8"), name="tech7-vs-statement")
    assert len([entry for section in packfile.pack.sections for entry in section.entries]) == 55
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_preview(pilot, packfile)
        assert (
            not screen.raw
            and screen.query_one("#export-views", ContentSwitcher).current == "export-rendered"
        )
        scroller = screen.query_one("#export-rendered")
        assert app.focused is scroller
        shown = screen_text(app)
        assert "TECH7 asks and the Summit Statement" in shown and "# TECH7" not in shown
        assert "How to read this comparison" in shown
        text = rendered_text(screen)
        assert "](#" not in text and "(#" not in text
        assert links_and_actions(screen) == []
        assert "Questions for the meeting" in text and "Sources" in text
        await pilot.press("end")
        await pilot.pause()
        assert scroller.scroll_y == scroller.max_scroll_y > 0
        shown = screen_text(app)
        assert "About this brief" in shown and "Generated by:" in shown
        await pilot.press("r")
        await pilot.pause()
        assert screen.query_one(TextArea).text.startswith("# TECH7 asks and the Summit Statement")
        await pilot.press("r")
        await pilot.pause()
        assert screen.query_one("#export-views", ContentSwitcher).current == "export-rendered"


def test_links_become_their_text_and_the_markdown_given_is_unchanged() -> None:
    markdown = (
        "- [Global \\[x\\] cooperation](#global) and [out](https://example.org)\n\n"
        "| a |\n| - |\n| [b](#b) |\n"
    )
    before = markdown
    tokens = without_links(MarkdownIt().enable("table").parse(markdown))
    assert not [
        child
        for token in tokens
        for child in (token.children or [])
        if child.type.startswith("link")
    ]
    preview = PreviewMarkdown(markdown)
    console = Console(width=60, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    segments = list(console.render(preview))
    text = "".join(segment.text for segment in segments)
    assert "Global [x] cooperation and out" in text and " b " in text
    assert "(#" not in text and "example.org" not in text
    assert not [segment for segment in segments if segment.style and segment.style.link]
    assert list(console.render(preview)) == segments
    assert preview.markup == markdown == before


async def test_e_in_the_preview_asks_where_to_write_and_never_opens_a_second_preview(
    settings_file: Path, tmp_path: Path
) -> None:
    from tests.tui.pack_helpers import make_briefs, on_pack_screen, pack_app

    briefs = make_briefs(tmp_path)
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=(80, 24)) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportPreviewScreen)
        footer = screen_text(app).splitlines()[-1]
        assert "w Write" in footer and "Export" not in footer, (
            "the preview does not advertise e as Export"
        )
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportWriteDialog)
        await pilot.press("escape")
        await pilot.pause()
        app.action_export_pack()  # what the palette's "Export pack" runs
        await pilot.pause()
        assert isinstance(app.screen, ExportWriteDialog)
        app.action_export_pack()  # again, over the write dialog
        await pilot.pause()
        assert isinstance(app.screen, ExportWriteDialog)
        assert sum(isinstance(s, ExportPreviewScreen) for s in app.screen_stack) == 1
        await pilot.press("enter")
        await pilot.pause()
        assert (briefs / "paris-day.md").is_file()
        assert app.is_running


async def test_the_preview_shows_an_edit_not_yet_saved(settings_file: Path, tmp_path: Path) -> None:
    from tests.tui.pack_helpers import make_briefs, on_pack_screen, pack_app

    briefs = make_briefs(tmp_path)
    app = pack_app(settings_file, briefs, "paris-day")
    async with app.run_test(size=(80, 24)) as pilot:
        await on_pack_screen(pilot)
        await pilot.press("R", "ctrl+u", *"Renamed just now", "enter", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportPreviewScreen)
        assert b"Renamed just now" in app.screen.rendered("markdown")


async def test_a_binary_format_without_an_outline_previews_as_a_note_and_writes_its_bytes(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A format that is bytes is never decoded as text by the preview."""
    from briefcase_tui.domain.export import formats
    from briefcase_tui.tui.screens import export_preview

    data = b"PK\x03\x04\xff\xfe not text"
    binary = formats.ExportFormat(
        "blob", "Blob", ".blob", "binary", "application/zip", lambda pack, corpus, stamp: data
    )
    registry = (*formats.EXPORT_FORMATS, binary)
    monkeypatch.setattr(formats, "EXPORT_FORMATS", registry)
    monkeypatch.setattr(formats, "_BY_NAME", {**formats._BY_NAME, "blob": binary})
    monkeypatch.setattr(export_preview, "EXPORT_FORMATS", registry)
    packfile = pack_in(tmp_path, SUMMIT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        screen.query_one(Select).value = "blob"
        await pilot.pause()
        assert screen.format == "blob"
        assert "written as bytes, not text" in screen.query_one(TextArea).text
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert (packfile.path.parent / "summit.blob").read_bytes() == data


async def test_the_word_format_previews_its_outline_and_writes_what_the_cli_writes(
    make_app: MakeApp, tmp_path: Path
) -> None:
    import docx

    packfile = pack_in(tmp_path, SUMMIT)
    folder = packfile.path.parent
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_preview(pilot, packfile)
        await pilot.press(*["f"] * 4)
        await pilot.pause()
        assert screen.format == "docx" and screen.query_one(Select).value == "docx"
        outline = screen.query_one(TextArea).text.splitlines()
        assert outline[0].startswith("Word document: 7 headings, 1 table")
        assert outline[2:5] == ["Summit day", "  Contents", "  Context"]
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ExportWriteDialog)
        await pilot.press("enter")
        await pilot.pause()
        written = (folder / "summit.docx").read_bytes()
        assert written == brief_export(folder, "summit", tmp_path / "cli.docx", "-F", "docx")
        document = docx.Document(io.BytesIO(written))
        assert document.paragraphs[0].text == "Summit day"
        assert ("information", f"Wrote {folder / 'summit.docx'}") in notifications(app)
