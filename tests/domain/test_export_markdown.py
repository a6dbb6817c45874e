"""The Markdown export: structure a reader relies on, escaping of hostile text, determinism."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefcase_tui.domain.export import render_pack
from briefcase_tui.domain.export.markdown import render_markdown
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.text import one_line

if TYPE_CHECKING:
    from markdown_it.token import Token

    from briefcase_tui.domain.corpus.corpus import Corpus

PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
"""HTML switched on here so that any raw HTML slipping through shows up as an html token."""


def markdown_to_html(markdown: str) -> str:
    """The Markdown as a wiki renders it: CommonMark, GFM tables, raw HTML off."""
    return str(MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown))


def headings(markdown: str) -> list[tuple[str, str]]:
    """(tag, plain text) of every heading, as a CommonMark reader sees them."""
    tokens = PARSER.parse(markdown)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append((token.tag, tokens[index + 1].content and _plain(tokens[index + 1])))
    return found


def _plain(inline: Token) -> str:
    assert inline.children is not None
    return "".join(
        child.content for child in inline.children if child.type in ("text", "code_inline")
    )


def raw_html_tokens(markdown: str) -> list[str]:
    tokens = PARSER.parse(markdown)
    found = [t.content for t in tokens if t.type == "html_block"]
    for token in tokens:
        found += [c.content for c in token.children or () if c.type == "html_inline"]
    return found


def links(markdown: str) -> list[str]:
    hrefs = []
    for token in PARSER.parse(markdown):
        hrefs += [str(c.attrGet("href")) for c in token.children or () if c.type == "link_open"]
    return hrefs


HOSTILE = [
    "# Not a heading",
    "[click](javascript:alert(1))",
    "<script>alert('x')</script>",
    "| a | b |",
    "```\nfence",
    "- not a list\n1. not numbered\n> not a quote",
    "Title\n===",
    "[bold]x[/] [@click=app.quit]y",
    "&amp; &lt;b&gt;",
    "<https://evil.example>",
    "![img](http://x/y.png)",
    "*emph* _u_ ~~s~~ \\",
]


def test_a_pack_exports_its_title_sections_items_and_sources_as_headings(corpus: Corpus) -> None:
    pack = Pack(
        title="Bilateral prep",
        sections=(
            Section(
                title="Programme",
                entries=(
                    Entry(item="event-grand-palais-main-summit"),
                    Entry(note="Bring the letter"),
                ),
            ),
            Section(title="Asks", entries=(Entry(item="tech7-p2"),)),
        ),
    )
    markdown = render_markdown(pack, corpus)
    assert headings(markdown) == [
        ("h1", "Bilateral prep"),
        ("h2", "Contents"),
        ("h2", "Programme"),
        ("h3", corpus.item("event-grand-palais-main-summit").title),
        ("h2", "Asks"),
        ("h3", corpus.item("tech7-p2").title),
        ("h2", "Sources"),
        ("h2", "About this brief"),
    ]
    assert raw_html_tokens(markdown) == []


def test_an_event_entry_shows_its_kind_date_and_venue_and_quotes_with_numbered_citations(
    corpus: Corpus,
) -> None:
    pack = Pack(
        title="P",
        sections=(Section(title="S", entries=(Entry(item="event-grand-palais-main-summit"),)),),
    )
    markdown = render_markdown(pack, corpus)
    assert "**Kind:** Event · Mon 10 February 2025 · Grand Palais" in markdown
    assert "\n\n— \\[1\\]" in markdown
    source = corpus.sources[corpus.item("event-grand-palais-main-summit").quotes[0].source]
    assert f"1. **{source.title}**" in markdown
    assert f"*{source.kind_label.capitalize()}.*" in markdown


def test_a_timed_event_shows_its_time_and_zone(corpus: Corpus) -> None:
    pack = Pack(
        title="P", sections=(Section(title="S", entries=(Entry(item="event-pre-summit-webinar"),)),)
    )
    assert "10:00\N{EN DASH}11:00 (Europe/London)" in render_markdown(pack, corpus)


def test_the_authors_note_priority_and_tags_are_marked_as_the_authors(corpus: Corpus) -> None:
    pack = Pack(
        title="P",
        sections=(
            Section(
                title="S",
                entries=(
                    Entry(
                        item="tech7-p2",
                        note="Push on this.\n\nSecond thought.",
                        priority="must",
                        tags=("ask", "g7"),
                    ),
                ),
            ),
        ),
    )
    markdown = render_markdown(pack, corpus)
    assert "**Author's note:** Push on this.\n\nSecond thought." in markdown
    assert "**Priority:** Must read · **Tags:** ask, g7" in markdown


def test_caveats_are_shown_where_sources_disagree(corpus: Corpus) -> None:
    item = next(i for i in corpus if corpus.caveats_for(i.id))
    caveat = corpus.caveats_for(item.id)[0]
    markdown = render_markdown(
        Pack(title="P", sections=(Section(title="S", entries=(Entry(item=item.id),)),)), corpus
    )
    assert f"**⚠ Sources disagree: {caveat.topic}.**" in markdown.replace("\\", "")


def test_an_id_missing_from_the_corpus_is_kept_and_flagged(corpus: Corpus) -> None:
    pack = Pack(title="P", sections=(Section(title="S", entries=(Entry(item="gone-item"),)),))
    markdown = render_markdown(pack, corpus)
    assert "**Not in the corpus:** `gone-item`" in markdown
    assert ("h3", "gone-item") in headings(markdown)


def test_hostile_text_cannot_add_structure_html_or_links(corpus: Corpus) -> None:
    for text in HOSTILE:
        pack = Pack(
            title=text,
            summary=text,
            author=text,
            sections=(
                Section(
                    title=text,
                    intro=text,
                    entries=(Entry(item="tech7-p2", note=text, tags=(text,)), Entry(note=text)),
                ),
            ),
        )
        markdown = render_markdown(pack, corpus)
        assert raw_html_tokens(markdown) == [], text
        assert [h for h in headings(markdown)] == [
            ("h1", re.sub(r"[ \t]+", " ", one_line(text))),
            ("h2", "Contents"),
            ("h2", re.sub(r"[ \t]+", " ", one_line(text)) + " (2)"),
            ("h3", corpus.item("tech7-p2").title),
            ("h2", "Sources"),
            ("h2", "About this brief"),
        ], text
        assert all(href.startswith("#") for href in links(markdown)), text
        assert "<script>" not in markdown_to_html(markdown), text


def test_heading_anchors_are_unique_and_the_contents_links_resolve(corpus: Corpus) -> None:
    pack = Pack(
        title="Sources",
        sections=(
            Section(title="Contents", entries=(Entry(item="tech7-p2"),)),
            Section(title="contents!", entries=(Entry(item="tech7-p3"),)),
        ),
    )
    markdown = render_markdown(pack, corpus)
    html = render_pack(pack, corpus, "html").decode()
    ids = [part.split('"')[0] for part in html.split(' id="')[1:]]
    assert len(ids) == len(set(ids))
    html_links = [part.split('"')[0] for part in html.split(' href="')[1:]]
    assert html_links == links(markdown)
    for href in links(markdown):
        assert href[1:] in ids, href


def test_the_same_pack_exports_byte_identical_files_with_lf_endings_and_no_timestamp(
    corpus: Corpus,
) -> None:
    pack = Pack(
        title="P",
        date=dt.date(2025, 2, 10),
        sections=(Section(title="S", entries=(Entry(item="tech7-p2"),)),),
    )
    for format in ("markdown", "html", "json"):
        data = render_pack(pack, corpus, format)
        assert data == render_pack(pack, corpus, format)
        assert b"\r" not in data
        assert b"2026" not in data


def test_stamp_adds_the_export_time_only_when_asked(corpus: Corpus) -> None:
    pack = Pack(title="P")
    stamp = dt.datetime(2025, 2, 9, 18, 30, tzinfo=dt.UTC)
    assert "Exported" not in render_markdown(pack, corpus)
    stamped = render_markdown(pack, corpus, stamp=stamp)
    about = stamped.split("## About this brief")[1]
    assert "- **Exported:** 2025-02-09 18:30 UTC" in about


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(min_size=1, max_size=30).filter(lambda t: one_line(t) != ""),
    note=st.text(min_size=1, max_size=60),
)
def test_any_title_and_note_give_exactly_the_expected_headings_and_no_raw_html(
    corpus: Corpus, title: str, note: str
) -> None:
    pack = Pack(
        title=title, sections=(Section(title=title, entries=(Entry(item="tech7-p2", note=note),)),)
    )
    markdown = render_markdown(pack, corpus)
    expected = re.sub(r"[ \t]+", " ", one_line(title))
    assert headings(markdown) == [
        ("h1", expected),
        ("h2", "Contents"),
        ("h2", f"{expected} (2)"),
        ("h3", corpus.item("tech7-p2").title),
        ("h2", "Sources"),
        ("h2", "About this brief"),
    ]
    assert raw_html_tokens(markdown) == []


def test_a_quote_keeps_its_lines_and_paragraphs_inside_one_block_quote(corpus: Corpus) -> None:
    item = corpus.item("event-grand-palais-main-summit")
    quote = item.quotes[0].replace(
        text="First line,\nsecond line.\n\n\n# Next paragraph", locator="p. 2"
    )
    changed = item.replace(quotes=(quote,))
    items = tuple(changed if i.id == item.id else i for i in corpus.items)
    pack = Pack(title="P", sections=(Section(title="S", entries=(Entry(item=item.id),)),))
    markdown = render_markdown(pack, dataclasses.replace(corpus, items=items))
    assert "\n\n> First line,\\\n> second line.\n>\n> \\# Next paragraph\n\n— \\[1\\] p. 2\n\n" in (
        markdown
    )
