"""The HTML export, written directly: escaping, structure, print styles, determinism."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from briefcase_tui.domain.export.html import render_html
from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from tests.export_documents import HOSTILE_PACK, text_blocks

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_hostile_text_stays_text_in_html(corpus: Corpus) -> None:
    pack = decode_pack(HOSTILE_PACK.read_bytes(), HOSTILE_PACK)
    html = render_html(pack, corpus)
    names = {tag for tag, _ in tags_of(html)}
    assert "script" not in names and "img" not in names and "b" not in names
    hrefs = [attrs["href"] or "" for tag, attrs in tags_of(html) if tag == "a"]
    assert hrefs and all(href.startswith("#") for href in hrefs)
    blocks = text_blocks(html)
    assert blocks[0] == ("h1", "[bold]Brief[/] <script>alert(1)</script> # not a heading")
    assert (
        "text",
        "Note from the author: &amp; stays &amp; and ![img](http://x/y.png) stays text",
    ) in blocks
    assert "\x1b" not in html and "\u202e" not in html


def test_every_heading_has_a_unique_id_and_every_link_reaches_one(corpus: Corpus) -> None:
    pack = Pack(
        title="Contents",
        sections=(
            Section(title="Sources", entries=(Entry(item="tech7-p2"), Entry(item="tech7-p3"))),
            Section(title="sources!", entries=(Entry(item="tech7-p2"),)),
        ),
    )
    tags = tags_of(render_html(pack, corpus))
    ids = [attrs["id"] for tag, attrs in tags if tag in ("h1", "h2", "h3")]
    assert None not in ids and len(ids) == len(set(ids))
    for tag, attrs in tags:
        if tag == "a":
            assert (attrs["href"] or "")[1:] in ids


def test_each_section_is_a_block_that_prints_on_a_new_page_and_links_print_their_target(
    corpus: Corpus,
) -> None:
    pack = Pack(
        title="P",
        sections=(
            Section(title="One", entries=(Entry(item="tech7-p2"),)),
            Section(title="Two", entries=(Entry(note="Bring the letter"),)),
        ),
    )
    html = render_html(pack, corpus)
    sections = [attrs.get("class") for tag, attrs in tags_of(html) if tag == "section"]
    assert sections == ["pack-section", "pack-section", "sources"]
    print_rules = html.split("@media print")[1].split("</style>")[0]
    assert re.search(r"section\.pack-section[^{]*\{[^}]*break-before: page", print_rules)
    assert "attr(href)" in print_rules


def test_what_colour_shows_is_also_said_in_words(corpus: Corpus) -> None:
    item = next(i for i in corpus if corpus.caveats_for(i.id))
    pack = Pack(
        title="P",
        sections=(
            Section(title="S", entries=(Entry(item=item.id, priority="must", note="Mine"),)),
        ),
    )
    texts = [text for _, text in text_blocks(render_html(pack, corpus))]
    assert any(text.startswith("⚠ Sources disagree:") for text in texts)
    assert "Priority: Must read" in texts
    assert "Author's note: Mine" in texts


def test_the_html_export_is_the_same_bytes_every_time_and_names_its_generator(
    corpus: Corpus,
) -> None:
    pack = Pack(title="P", sections=(Section(title="S", entries=(Entry(item="tech7-p2"),)),))
    html = render_html(pack, corpus)
    assert html == render_html(pack, corpus)
    assert '<meta name="generator" content="Briefcase ' in html
