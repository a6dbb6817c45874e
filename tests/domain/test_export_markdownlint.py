"""The Markdown export passes markdownlint and says what the HTML export says.

markdownlint's default rules (line length aside) over every example pack, every template's
fresh output and the hostile pack; then the same Markdown rendered as CommonMark with GFM
tables (markdown-it-py, as wikis and tickets render it) must read exactly as the HTML
export, which is written directly and not from the Markdown.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcase_tui.domain.export.html import render_html
from briefcase_tui.domain.export.markdown import render_markdown
from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.templates import load_templates
from briefcase_tui.paths import BUNDLED_CORPUS_DIR
from tests.domain.test_export_golden import TEMPLATE_PARAMETERS
from tests.export_documents import (
    COMMONMARK_GFM_TABLES,
    EXAMPLE_PACKS,
    HOSTILE_PACK,
    markdownlint_findings,
    text_blocks,
)

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus


@functools.cache
def bundled_corpus() -> Corpus:
    """The bundled corpus, outside pytest's fixtures so hypothesis does not print it."""
    from briefcase_tui.domain.corpus.load import load_corpus

    return load_corpus(BUNDLED_CORPUS_DIR, use_cache=False)


def pack_at(path: Path) -> Pack:
    return decode_pack(path.read_bytes(), path)


def template_pack(corpus: Corpus, name: str) -> Pack:
    template = load_templates()[name]
    return template.instantiate(corpus, f"From the {name} template", TEMPLATE_PARAMETERS[name])


PACKS = [*EXAMPLE_PACKS, HOSTILE_PACK]


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.stem)
def test_each_example_pack_and_the_hostile_pack_pass_markdownlint(
    corpus: Corpus, path: Path
) -> None:
    assert markdownlint_findings(render_markdown(pack_at(path), corpus)) == []


@pytest.mark.parametrize("name", list(TEMPLATE_PARAMETERS))
def test_each_templates_fresh_pack_passes_markdownlint(corpus: Corpus, name: str) -> None:
    assert markdownlint_findings(render_markdown(template_pack(corpus, name), corpus)) == []


def test_the_linter_does_find_what_the_export_avoids() -> None:
    """The check can fail: the constructs the export once wrote are reported."""
    old_style = (
        "# T\n\n**Recommendation**\n\n> a\n>\n> — \\[1\\] p. 1\n\n> b\n\n"
        "| # | Item |\n| ---: | --- |\n| 1 |   |\n"
    )
    rules = {finding.split(": ")[1] for finding in markdownlint_findings(old_style)}
    assert rules == {"MD036", "MD028", "MD060"}


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.stem)
def test_the_markdown_rendered_as_commonmark_reads_exactly_as_the_html_export(
    corpus: Corpus, path: Path
) -> None:
    pack = pack_at(path)
    from_markdown = text_blocks(COMMONMARK_GFM_TABLES.render(render_markdown(pack, corpus)))
    direct = text_blocks(render_html(pack, corpus))
    assert from_markdown == direct
    kinds = {kind for kind, _ in direct}
    assert {"h1", "h2", "text"} <= kinds


@pytest.mark.parametrize("name", list(TEMPLATE_PARAMETERS))
def test_each_templates_pack_reads_the_same_in_markdown_and_html(corpus: Corpus, name: str) -> None:
    pack = template_pack(corpus, name)
    from_markdown = text_blocks(COMMONMARK_GFM_TABLES.render(render_markdown(pack, corpus)))
    assert from_markdown == text_blocks(render_html(pack, corpus))


def test_a_section_named_like_another_heading_gets_a_number_in_every_format(
    corpus: Corpus,
) -> None:
    pack = Pack(
        title="Sources",
        sections=(
            Section(title="Contents", entries=(Entry(item="tech7-p2"), Entry(item="tech7-p2"))),
            Section(title="Contents", entries=(Entry(note="Ask about timing"),)),
        ),
    )
    headings = [
        text for kind, text in text_blocks(render_html(pack, corpus)) if kind in ("h1", "h2", "h3")
    ]
    title = corpus.item("tech7-p2").title
    assert headings == [
        "Sources",
        "Contents",
        "Contents (2)",
        title,
        f"{title} (2)",
        "Contents (3)",
        "Sources (2)",
        "About this brief",
    ]
    assert markdownlint_findings(render_markdown(pack, corpus)) == []


HOSTILE_TEXT = st.text(
    alphabet=st.sampled_from(list("ab #*_`[]()<>|&!\\-+=.:1\n>~{}")), min_size=1, max_size=40
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    note=HOSTILE_TEXT.filter(str.strip),
    tag=HOSTILE_TEXT.filter(str.strip),
    intro=HOSTILE_TEXT,
)
def test_markdown_punctuation_in_notes_tags_and_intros_keeps_the_two_renderings_equal(
    note: str, tag: str, intro: str
) -> None:
    corpus = bundled_corpus()
    pack = Pack(
        title="Brief",
        sections=(
            Section(
                title="Section",
                intro=intro,
                entries=(Entry(item="tech7-p2", note=note, tags=(tag,)), Entry(note=note)),
            ),
        ),
    )
    markdown = render_markdown(pack, corpus)
    assert text_blocks(COMMONMARK_GFM_TABLES.render(markdown)) == text_blocks(
        render_html(pack, corpus)
    )
