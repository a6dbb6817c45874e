"""An export's Markdown as one Rich renderable for the preview, with every link shown as its text.

The export's only links are internal (`[text](#anchor)`: the table of contents, the at-a-glance
table), since all corpus and pack text is backslash-escaped before it reaches the Markdown. In
the preview a link is never a terminal hyperlink, never a click action and never shows its
`#anchor`: the link tokens are dropped from the parse, and what they enclosed stays as text.
The exported bytes are untouched; only what the preview shows changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markdown import Markdown
from rich.segment import Segment
from rich.theme import Theme

if TYPE_CHECKING:
    from markdown_it.token import Token
    from rich.console import Console, ConsoleOptions, RenderResult

LINK_TOKENS = frozenset({"link_open", "link_close"})
PREVIEW_STYLES = Theme({"markdown.code": "bold cyan", "markdown.code_block": "cyan"})
"""Rich's Markdown styles, but code without its black background (a dark patch on a light theme).

ANSI colours follow the app's theme (Textual maps them to colours that read on its background)."""
CACHED_WIDTHS = 4
"""How many renderings (one per width) a preview keeps: Textual renders a widget's content
several times (its height, then each paint), and a long export takes a tenth of a second or more
each time."""


def without_links(tokens: list[Token]) -> list[Token]:
    """The tokens with every link's opening and closing removed, at any depth; its content stays."""
    kept = []
    for token in tokens:
        if token.type in LINK_TOKENS:
            continue
        if token.children:
            token.children = without_links(token.children)
        kept.append(token)
    return kept


class PreviewMarkdown(Markdown):
    """Rich's Markdown of one document, links as plain text, with code colours for the app's theme.

    Rich parses Markdown, never Rich console markup, so `[bold]` or `[@click=...]` in the text
    is shown as written. Code takes ANSI colours without a background of its own, so it reads on a
    light or a dark theme (the export's only code is the ids of missing items; backticks in any text
    are escaped). Headings keep Rich's styles: bold, underlined or coloured.
    """

    def __init__(self, markup: str, *, dark: bool = True) -> None:
        theme = "ansi_dark" if dark else "ansi_light"
        super().__init__(markup, code_theme=theme, hyperlinks=False)
        self.parsed = without_links(self.parsed)
        self._renders: dict[tuple[object, ...], list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The document rendered once per width (and the few options that change its layout)."""
        key = (
            options.max_width,
            options.justify,
            options.overflow,
            options.no_wrap,
            options.ascii_only,
            options.legacy_windows,
            options.is_terminal,
            console.color_system,
        )
        segments = self._renders.get(key)
        if segments is None:
            with console.use_theme(PREVIEW_STYLES):
                segments = [
                    segment
                    for segment in super().__rich_console__(console, options)
                    if isinstance(segment, Segment)
                ]
            if len(self._renders) >= CACHED_WIDTHS:
                del self._renders[next(iter(self._renders))]
            self._renders[key] = segments
        return segments
