"""Reading exports back as a reader's program would: markdownlint's verdict, HTML's text blocks."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_PACKS = sorted((ROOT / "briefs").glob("*.toml"))
HOSTILE_PACK = ROOT / "tests" / "data" / "packs" / "hostile.toml"

COMMONMARK_GFM_TABLES = MarkdownIt("commonmark", {"html": False}).enable("table")
"""CommonMark with GFM tables, raw HTML off: how a wiki or a ticket renders the Markdown."""


def markdownlint_findings(markdown: str) -> list[str]:
    """markdownlint's default rules, line length (MD013) aside, as `line:column: rule: what`.

    Tables are read as GFM tables (pymarkdown's `markdown-tables` extension), as GitHub does.
    """
    from pymarkdown.api import PyMarkdownApi

    api = (
        PyMarkdownApi()
        .disable_rule_by_identifier("md013")
        .enable_extension_by_identifier("markdown-tables")
    )
    result = api.scan_string(markdown)
    return [
        f"{f.line_number}:{f.column_number}: {f.rule_id}: {f.rule_description} "
        f"{f.extra_error_information or ''}".rstrip()
        for f in result.scan_failures
    ]


_CONTAINERS = {
    "main", "header", "footer", "nav", "section", "article", "aside", "div", "figure",
    "table", "thead", "tbody", "tr", "ul", "ol", "blockquote",
}  # fmt: skip
_LEAVES = {"h1", "h2", "h3", "p", "li", "th", "td", "figcaption"}
_HIDDEN = {"head", "style", "title", "script"}


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.open: list[str] = []
        self.text: list[str] = []
        self.hidden = 0

    def flush(self) -> None:
        text = " ".join("".join(self.text).split())
        self.text = []
        if not text:
            return
        leaves = [tag for tag in self.open if tag in _LEAVES]
        leaf = leaves[-1] if leaves else "text"
        if leaf in ("th", "td"):
            kind = "cell"
        elif leaf.startswith("h"):
            kind = leaf
        else:
            kind = "quote" if "blockquote" in self.open else "text"
        self.blocks.append((kind, text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        if tag in _LEAVES or tag in _CONTAINERS:
            self.flush()
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden -= 1
        if (tag in _LEAVES or tag in _CONTAINERS) and tag in self.open:
            self.flush()
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag)]

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)


def text_blocks(html: str) -> list[tuple[str, str]]:
    """What a reader sees, in order: each heading, paragraph, list item, quote and table cell.

    As `(kind, text)`, kind being `h1`-`h3`, `cell`, `quote` or `text`; wrappers (sections,
    figures, classes) and whitespace do not count, so two renderings of one document compare
    equal exactly when they say the same things in the same order and roles.
    """
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.blocks
