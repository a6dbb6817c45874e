"""Export preview: the pack exactly as `brief export` would write it, then written beside the pack.

Every byte shown and written comes from the export format registry (`domain/export/formats.py`),
the one `brief export` renders with, and the file is checked and written by the same export plan
(`domain/export/plan.py`), so what the adviser reads here is what lands in the file.
Markdown is shown rendered by Rich in one widget (links shown as their text, never opened)
or as raw text; the other text formats as raw, read-only text; a Word file as its outline
(its headings, read back from the very bytes that are written). Nothing from the pack or the
corpus is ever parsed as Textual or Rich markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Select, Static, TextArea

from briefcase_tui.domain.export.formats import EXPORT_FORMATS, export_format, format_names
from briefcase_tui.domain.export.plan import export_file_name, missing_ids, plan_export
from briefcase_tui.errors import BriefcaseError
from briefcase_tui.tui.dialogs.export_write import ExportWriteDialog
from briefcase_tui.tui.markdown_preview import PreviewMarkdown
from briefcase_tui.tui.notices import Severity, say

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.store import PackFile

RENDERED_VIEW = "export-rendered"
RAW_VIEW = "export-raw"
NO_TEXT_PREVIEW = (
    "This format is written as bytes, not text: w writes it; there is nothing to read here."
)
"""Shown for a binary format that has no outline to preview."""


def missing_warning(missing: tuple[str, ...]) -> str:
    """One line naming the ids the corpus lacks, so the adviser sees the gaps before sending."""
    count = len(missing)
    return (
        f"Warning: {count} item{'s' if count != 1 else ''} not in the corpus: "
        f"{', '.join(missing)}. The export keeps and flags them."
    )


class ExportPreviewScreen(Screen[None]):
    """Preview a pack's export in any format; w writes it (beside the pack by default); Esc closes.

    `e`, the key that opened the preview, writes too: here it can only mean "export this",
    and it shadows the app's `e`, which would otherwise stack a second preview.
    """

    CSS_PATH = "export_preview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "close",
            "Close",
            id="export-close",
            tooltip="Close the preview without writing",
        ),
        Binding(
            "w,ctrl+s,e",
            "write",
            "Write",
            key_display="w",
            id="export-write",
            tooltip="Write this export to a file; asks where (beside the pack by default)",
        ),
        Binding(
            "f",
            "next_format",
            "Format",
            id="export-next-format",
            tooltip="Preview the next format: "
            + ", ".join(shown.label for shown in EXPORT_FORMATS),
        ),
        Binding(
            "r",
            "toggle_raw",
            "Raw",
            id="export-toggle-raw",
            tooltip="Show the Markdown as the raw text written to the file, or rendered",
        ),
    ]

    def __init__(self, packfile: PackFile, corpus: Corpus) -> None:
        super().__init__(id="export-preview")
        self.packfile = packfile
        self.corpus = corpus
        self.format = "markdown"
        self.missing = missing_ids(packfile.pack, corpus)
        self._rendered: dict[str, bytes] = {}
        self.show_raw = False
        """Markdown shown as its text rather than rendered (other formats are always text)."""

    def rendered(self, format_name: str) -> bytes:
        """The exact bytes `brief export` writes for this pack and format (rendered once each)."""
        if format_name not in self._rendered:
            self._rendered[format_name] = export_format(format_name).render(
                self.packfile.pack, self.corpus
            )
        return self._rendered[format_name]

    def compose(self) -> ComposeResult:
        heading = Content.assemble(
            ("Export preview", "bold"),
            " · ",
            self.packfile.pack.title,
            (f"  {self.packfile.path}", "dim"),
        )
        with Horizontal(id="export-heading"):
            yield Static(heading, id="export-title", markup=False)
            yield Select(
                ((Content(shown.label), shown.name) for shown in EXPORT_FORMATS),
                value=self.format,
                allow_blank=False,
                compact=True,
                id="export-format",
            )
        warning = Static(Content(missing_warning(self.missing)), id="export-missing", markup=False)
        warning.display = bool(self.missing)
        yield warning
        with ContentSwitcher(initial=RENDERED_VIEW, id="export-views"):
            with VerticalScroll(id=RENDERED_VIEW):
                yield Static(self.markdown_preview(), id="export-markdown", markup=False)
            yield TextArea(id=RAW_VIEW, read_only=True, soft_wrap=True)
        yield Footer()

    def markdown_preview(self) -> PreviewMarkdown:
        """The Markdown export, the very bytes written, rendered by Rich in the theme's colours."""
        return PreviewMarkdown(self.text_of("markdown"), dark=self.app.current_theme.dark)

    def text_of(self, format_name: str) -> str:
        """The export as the text a person reads: a Word file's outline, read back from its bytes.

        A binary format without an outline says it has nothing to show.
        """
        text = export_format(format_name).preview(self.rendered(format_name))
        return NO_TEXT_PREVIEW if text is None else text

    def on_mount(self) -> None:
        """Start on the rendered Markdown, focused so arrow keys scroll it; follow theme changes."""
        self._show(focus=True)
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        """Re-make the rendered Markdown so its code colours suit the new theme (light or dark)."""
        self.query_one("#export-markdown", Static).update(self.markdown_preview())

    @property
    def raw(self) -> bool:
        """Whether the raw text is what is shown."""
        return self.format != "markdown" or self.show_raw

    def _show(self, *, focus: bool = False) -> None:
        """Show the current format in the view that suits it."""
        switcher = self.query_one("#export-views", ContentSwitcher)
        if self.raw:
            text_area = self.query_one(f"#{RAW_VIEW}", TextArea)
            text = self.text_of(self.format)
            if text_area.text != text:
                text_area.load_text(text)
            switcher.current = RAW_VIEW
        else:
            switcher.current = RENDERED_VIEW
        self.refresh_bindings()
        if focus:
            self.query_one(f"#{switcher.current}").focus()

    @on(Select.Changed, "#export-format")
    def _format_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.format:
            self.format = event.value
            self._show()

    def action_next_format(self) -> None:
        """Preview the next format, in the registry's order."""
        names = format_names()
        self.format = names[(names.index(self.format) + 1) % len(names)]
        self.query_one("#export-format", Select).value = self.format
        self._show(focus=True)

    def action_toggle_raw(self) -> None:
        """Switch the Markdown between rendered and the raw text that is written."""
        self.show_raw = not self.show_raw
        self._show(focus=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Raw/rendered only means something for Markdown."""
        if action == "toggle_raw":
            return self.format == "markdown"
        return True

    def action_close(self) -> None:
        """Back to the screen the preview was opened from."""
        self.dismiss(None)

    def action_write(self) -> None:
        """Ask where to write the format shown, then write exactly its previewed bytes."""
        format_name = self.format
        data = self.rendered(format_name)
        default = self.packfile.path.with_name(
            export_file_name(self.packfile.path, export_format(format_name))
        )

        def chosen(target: Path | None) -> None:
            if target is not None:
                self.write_export(target, data, format_name)

        self.app.push_screen(
            ExportWriteDialog(default, self.packfile.path, export_format(format_name)),
            chosen,
        )

    def write_export(self, target: Path, data: bytes, format_name: str) -> bool:
        """Write the bytes atomically after the export plan's checks; one notice tells how."""
        chosen = export_format(format_name)
        try:
            plan = plan_export([self.packfile], self.corpus, chosen, target=target)
            plan.write(plan.exports[0], data)
        except BriefcaseError as error:
            self._tell(str(error), title="Export not written", severity="error", timeout=10)
            return False
        self._tell(f"Wrote {target}", title=f"{chosen.label} export")
        return True

    def _tell(
        self,
        text: str,
        *,
        title: str = "",
        severity: Severity = "information",
        timeout: float | None = None,
    ) -> None:
        """One notification of literal text: paths, ids and errors can hold square brackets."""
        say(self.app, text, title=title, severity=severity, timeout=timeout, topic="export")
