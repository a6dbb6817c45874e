"""The Word export, read back with python-docx: Word's styles, the same document, fixed bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest

from briefcase_tui.domain.export import render_pack
from briefcase_tui.domain.export.docx import FIXED_TIME, ZIP_TIME, docx_outline
from briefcase_tui.domain.export.formats import export_format
from briefcase_tui.domain.export.html import render_html
from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from tests.export_documents import EXAMPLE_PACKS, HOSTILE_PACK, text_blocks

if TYPE_CHECKING:
    from docx.document import Document

    from briefcase_tui.domain.corpus.corpus import Corpus

HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word(pack: Pack, corpus: Corpus, stamp: dt.datetime | None = None) -> Document:
    return docx.Document(io.BytesIO(render_pack(pack, corpus, "docx", stamp=stamp)))


def pack_at(path: Path) -> Pack:
    return decode_pack(path.read_bytes(), path)


def styled(document: Document, *styles: str) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name in styles
    ]


@pytest.mark.parametrize("path", [*EXAMPLE_PACKS, HOSTILE_PACK], ids=lambda p: p.stem)
def test_the_word_headings_are_the_html_headings_in_words_own_styles(
    corpus: Corpus, path: Path
) -> None:
    pack = pack_at(path)
    html_headings = [
        (HEADING_STYLES[kind], text)
        for kind, text in text_blocks(render_html(pack, corpus))
        if kind in HEADING_STYLES
    ]
    document = word(pack, corpus)
    assert styled(document, *HEADING_STYLES.values()) == html_headings
    assert docx_outline(render_pack(pack, corpus, "docx")).splitlines()[2:] == [
        "  " * list(HEADING_STYLES.values()).index(style) + text for style, text in html_headings
    ]


@pytest.mark.parametrize("path", [*EXAMPLE_PACKS, HOSTILE_PACK], ids=lambda p: p.stem)
def test_the_at_a_glance_table_is_a_table_grid_with_a_repeated_header_row(
    corpus: Corpus, path: Path
) -> None:
    pack = pack_at(path)
    document = word(pack, corpus)
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.style is not None and table.style.name == "Table Grid"
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["#", "Item", "Kind", "When", "Where", "Priority"]
    cells = [text for kind, text in text_blocks(render_html(pack, corpus)) if kind == "cell"]
    assert [c for row in rows for c in row if c] == cells
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None


def test_quotes_are_verbatim_in_the_quote_style_each_followed_by_its_citation(
    corpus: Corpus,
) -> None:
    item = corpus.item("event-grand-palais-main-summit")
    pack = Pack(title="P", sections=(Section(title="S", entries=(Entry(item=item.id),)),))
    paragraphs = word(pack, corpus).paragraphs
    quotes = [
        i for i, p in enumerate(paragraphs) if p.style is not None and p.style.name == "Quote"
    ]
    assert [paragraphs[i].text for i in quotes][: len(item.quotes)] == [
        " ".join(q.text.split()) for q in item.quotes
    ]
    assert paragraphs[quotes[0] + 1].text == f"— [1] {item.quotes[0].locator}"
    source = corpus.sources[item.quotes[0].source]
    assert any(p.text.startswith(f"1. {source.title}") for p in paragraphs)


def test_the_authors_note_is_labelled_as_theirs_and_hostile_text_stays_literal(
    corpus: Corpus,
) -> None:
    document = word(pack_at(HOSTILE_PACK), corpus)
    texts = [p.text for p in document.paragraphs]
    assert (
        "Author's note: Escape red and override are stripped; *stars* and _underscores_ "
        "stay literal."
    ) in texts
    assert "Note from the author: &amp; stays &amp; and ![img](http://x/y.png) stays text" in texts
    assert document.paragraphs[0].text == (
        "[bold]Brief[/] <script>alert(1)</script> # not a heading"
    )
    label = next(p for p in document.paragraphs if p.text.startswith("Author's note"))
    assert label.runs[0].text == "Author's note: " and label.runs[0].bold


def test_a_multi_line_note_keeps_its_lines_and_paragraphs(corpus: Corpus) -> None:
    note = "First line\nsecond line\n\nNew paragraph"
    pack = Pack(
        title="P", sections=(Section(title="S", entries=(Entry(item="tech7-p2", note=note),)),)
    )
    texts = [p.text for p in word(pack, corpus).paragraphs]
    assert "Author's note: First line\nsecond line" in texts
    assert texts[texts.index("Author's note: First line\nsecond line") + 1] == "New paragraph"


def test_every_contents_link_jumps_to_a_bookmark_on_its_heading(corpus: Corpus) -> None:
    document = word(pack_at(EXAMPLE_PACKS[0]), corpus)
    body = document.element.body
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    anchors = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")]
    assert anchors and set(anchors) <= bookmarks
    ids = [b.get(f"{W}id") for b in body.iter(f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids))


def test_the_same_pack_gives_the_same_bytes_with_fixed_dates_inside_and_out(
    corpus: Corpus,
) -> None:
    pack = pack_at(EXAMPLE_PACKS[0])
    data = render_pack(pack, corpus, "docx")
    assert data == render_pack(pack, corpus, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {ZIP_TIME}
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert properties.created == properties.modified == FIXED_TIME
    assert properties.revision == 1
    assert properties.title == pack.title


def test_stamp_dates_the_document_and_changes_nothing_else_in_its_text(corpus: Corpus) -> None:
    pack = pack_at(EXAMPLE_PACKS[0])
    paris = dt.timezone(dt.timedelta(hours=1), "CET")
    stamp = dt.datetime(2025, 2, 9, 19, 30, tzinfo=paris)
    stamped = word(pack, corpus, stamp)
    assert stamped.core_properties.modified == dt.datetime(2025, 2, 9, 18, 30, tzinfo=dt.UTC)
    plain = [p.text for p in word(pack, corpus).paragraphs]
    assert [p.text for p in stamped.paragraphs] == [*plain, "Exported: 2025-02-09 19:30 CET"]


def test_word_is_a_binary_format_whose_preview_is_its_outline(corpus: Corpus) -> None:
    docx_format = export_format("word")
    assert docx_format.name == "docx" and docx_format.kind == "binary"
    pack = Pack(
        title="Bilateral", sections=(Section(title="Asks", entries=(Entry(item="tech7-p2"),)),)
    )
    data = docx_format.render(pack, corpus)
    assert docx_format.text(data) is None
    preview = docx_format.preview(data)
    assert preview is not None
    assert preview.splitlines()[2:] == [
        "Bilateral",
        "  Contents",
        "  Asks",
        f"    {corpus.item('tech7-p2').title}",
        "  Sources",
        "  About this brief",
    ]


def word_texts(document: Document) -> list[str]:
    """Every paragraph and table cell of a Word document with text, in reading order."""
    from docx.table import Table

    texts = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            texts += [cell.text for row in block.rows for cell in row.cells]
        else:
            texts.append(block.text)
    return [" ".join(text.split()) for text in texts if text.strip()]


@pytest.mark.parametrize("path", [*EXAMPLE_PACKS, HOSTILE_PACK], ids=lambda p: p.stem)
def test_the_word_document_says_what_the_html_says_in_the_same_order(
    corpus: Corpus, path: Path
) -> None:
    pack = pack_at(path)
    html = [text for _, text in text_blocks(render_html(pack, corpus))]
    sources_at = len(html) - html[::-1].index("Sources")
    texts = word_texts(word(pack, corpus))
    assert texts[:sources_at] == html[:sources_at]
    # Word numbers the sources in their text; HTML's ordered list numbers them itself.
    assert [re.sub(r"^\d+\. ", "", text) for text in texts[sources_at:]] == html[sources_at:]
