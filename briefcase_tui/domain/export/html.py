"""A pack as one self-contained, print-ready HTML page: the Markdown export, rendered.

Rendering the very Markdown that `brief export` writes (with markdown-it-py, which Textual
already brings) means both formats always say the same thing. Raw HTML is off, so nothing
in the corpus or a note can become markup; headings get the same anchors the Markdown's
table of contents links to.
"""

from __future__ import annotations

import datetime as dt
import html

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.export.markdown import render_markdown
from briefcase_tui.domain.export.markdown_text import Anchors
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.paths import EXPORT_STYLE_FILE


def render_html(pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None) -> str:
    """The whole briefing as an HTML document with its style sheet inline."""
    body = markdown_to_html(render_markdown(pack, corpus, stamp=stamp))
    style = EXPORT_STYLE_FILE.read_text(encoding="utf-8")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Briefcase">\n'
        f"<title>{html.escape(pack.title)}</title>\n"
        f"<style>\n{style.strip()}\n</style>\n</head>\n<body>\n<main>\n"
        f"{body.strip()}\n</main>\n</body>\n</html>\n"
    )


def markdown_to_html(markdown: str) -> str:
    """CommonMark plus GFM tables to HTML, no raw HTML, ids on headings."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = parser.parse(markdown)
    anchors = Anchors()
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            text = "".join(
                child.content
                for child in inline.children or ()
                if child.type in ("text", "code_inline")
            )
            token.attrSet("id", anchors.add(text))
    rendered: str = parser.renderer.render(tokens, parser.options, {})
    return rendered
