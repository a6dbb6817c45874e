"""A pack as a Markdown briefing: CommonMark plus GFM tables, the same bytes for the same input.

It spells the document `brief.build_brief` lays out, and passes markdownlint's default
rules (line length aside): one title, unique headings, compact tables, labels rather than
emphasis standing in for headings, and a citation line between two block quotes so no
renderer can merge them. Every piece of corpus or user text passes through `markdown_text`
escaping; only the structure written here is Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.export.brief import (
    CONTENTS,
    GLANCE_COLUMNS,
    Brief,
    BriefEntry,
    Disagreement,
    Fact,
    Quote,
    build_brief,
    fact_text,
    source_parts,
)
from briefcase_tui.domain.export.markdown_text import escape_inline
from briefcase_tui.domain.packs.models import Pack

Paragraphs = tuple[tuple[str, ...], ...]


PIECE_BLOCKS = 1024
"""Blocks per piece of `markdown_pieces` (about 100 kB): a piece is encoded and written while
it is still in the processor's cache (pieces of 4,096 blocks took 7 % longer to spell)."""


def render_markdown(pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None) -> str:
    """The whole briefing as Markdown text ending in one newline."""
    return brief_markdown(build_brief(pack, corpus, stamp=stamp))


def render_markdown_pieces(
    pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None
) -> Iterator[str]:
    """`render_markdown` in pieces: the document is laid out whole before the first piece."""
    return markdown_pieces(build_brief(pack, corpus, stamp=stamp))


def brief_markdown(brief: Brief) -> str:
    """A laid-out brief as Markdown."""
    return "".join(markdown_pieces(brief))


def markdown_pieces(brief: Brief) -> Iterator[str]:
    """A laid-out brief as Markdown, in pieces that join into the document.

    A 50,000-entry brief is 52 MB of text: in one string it is held twice over (two bytes
    a character once any character is past Latin-1) and then again encoded. In pieces, each
    is written and dropped while the next is made.
    """
    blocks: list[str] = [f"# {escape_inline(brief.title)}"]
    if brief.details:
        blocks.append("\n".join(f"- {_fact(fact)}" for fact in brief.details))
    blocks += _paragraphs(brief.summary)
    if brief.missing:
        blocks.append(
            "**Not in the corpus:** "
            + ", ".join(f"`{_code(i)}`" for i in brief.missing)
            + ". The pack keeps these entries, but the corpus no longer has the items they name."
        )
    if brief.sections:
        blocks.append(f"## {CONTENTS}")
        blocks.append(_contents(brief))
        if brief.glance:
            blocks.append(_at_a_glance(brief))
    for section in brief.sections:
        blocks.append(f"## {escape_inline(section.heading)}")
        blocks += _paragraphs(section.intro)
        if not section.entries:
            blocks.append("*This section is empty.*")
        for entry in section.entries:
            _entry_blocks(entry, blocks)
            if len(blocks) >= PIECE_BLOCKS:
                blocks.append("")  # the piece ends with the blank line before the next block
                yield "\n\n".join(blocks)
                blocks = []
    blocks.append(f"## {escape_inline(brief.sources_heading)}")
    blocks += _sources_blocks(brief)
    blocks.append(f"## {escape_inline(brief.about_heading)}")
    blocks.append(
        "\n".join(
            f"- **{escape_inline(label)}:** {escape_inline(value)}"
            for label, value in brief.provenance.lines()
        )
    )
    yield "\n\n".join(blocks)
    yield "\n"


def _fact(fact: Fact) -> str:
    """A labelled fact: `**Venue:** Grand Palais`. Every fact of a brief is written here."""
    return f"**{escape_inline(fact.label)}:** {escape_inline(fact_text(fact))}"


def _paragraphs(paragraphs: Paragraphs) -> list[str]:
    """Paragraphs of escaped lines; lines end in a backslash hard break, as the text had them."""
    return [
        escape_inline(lines[0]) if len(lines) == 1 else "\\\n".join(map(escape_inline, lines))
        for lines in paragraphs
    ]


def _link(text: str, anchor: str) -> str:
    return f"[{escape_inline(text)}](#{anchor})"


def _contents(brief: Brief) -> str:
    lines = []
    for section in brief.sections:
        lines.append(f"- {_link(section.heading, section.anchor)}")
        lines += [
            f"  - [{escape_inline(entry.heading)}](#{entry.anchor})"
            for entry in section.entries
            if entry.heading  # a note on its own is not listed
        ]
    lines.append(f"- {_link(brief.sources_heading, brief.sources_anchor)}")
    lines.append(f"- {_link(brief.about_heading, brief.about_anchor)}")
    return "\n".join(lines)


def _row(cells: Iterable[str]) -> str:
    """A compact GFM table row: one space either side of each cell, one for an empty cell."""
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"


def _at_a_glance(brief: Brief) -> str:
    """A table of every item: what it is, when and where, and how much it matters."""
    rows = [_row(GLANCE_COLUMNS), "| --: | --- | --- | --- | --- | --- |"]
    for row in brief.glance:
        cells = [
            escape_inline(row.kind),
            escape_inline(row.when),
            escape_inline(row.where),
            escape_inline(row.priority),
        ]  # the number and the link are never empty
        rows.append(
            f"| {row.number} | [{escape_inline(row.heading)}](#{row.anchor}) |"
            + "|".join([f" {cell} " if cell else " " for cell in cells])
            + "|"
        )
    return "\n".join(rows)


def _entry_blocks(entry: BriefEntry, blocks: list[str]) -> None:
    """Add an entry's blocks to `blocks`: run once for each of up to 50,000 entries."""
    if not entry.heading:  # a note on its own
        blocks += _note_blocks(entry)
        blocks += _marks(entry)
        return
    blocks.append(f"### {escape_inline(entry.heading)}")
    if entry.missing_id:
        blocks.append(
            f"**Not in the corpus:** the id `{_code(entry.missing_id)}` names no item of "
            "this corpus; it may have been renamed or removed."
        )
        blocks += _marks(entry)
        blocks += _note_blocks(entry)
        return
    if entry.changed:
        blocks.append(f"**Changed since added:** {escape_inline(entry.changed)}")
    kind = f"**Kind:** {escape_inline(entry.kind)}"
    if entry.headline:
        kind = " · ".join([kind, *map(_headline, entry.headline)])
    blocks.append(kind)
    if entry.summary:
        blocks += _paragraphs(entry.summary)
    if entry.facts:
        blocks.append("\n".join([f"- {_fact(fact)}" for fact in entry.facts]))
    for quote in entry.quotes:
        blocks += _quote(quote)
    for disagreement in entry.disagreements:
        blocks += _disagreement_blocks(disagreement)
    if entry.priority or entry.tags:
        blocks += _marks(entry)
    if entry.note:
        blocks += _note_blocks(entry)


def _headline(fact: Fact) -> str:
    """A fact on the entry's first line, where its value speaks for itself (a date, a venue)."""
    return escape_inline(fact_text(fact))


def _marks(entry: BriefEntry) -> list[str]:
    """The author's priority and tags for an entry, on one line."""
    parts = []
    if entry.priority:
        parts.append(f"**Priority:** {escape_inline(entry.priority)}")
    if entry.tags:
        parts.append("**Tags:** " + ", ".join(escape_inline(t) for t in entry.tags))
    return [" · ".join(parts)] if parts else []


def _note_blocks(entry: BriefEntry) -> list[str]:
    paragraphs = _paragraphs(entry.note)
    if not paragraphs:
        return []
    return [f"**{escape_inline(entry.note_label)}:** {paragraphs[0]}", *paragraphs[1:]]


def _quote(quote: Quote) -> list[str]:
    """A verbatim quote as a block quote, then its citation, which points at the Sources list.

    The citation line stands between two quotes, so no renderer can run them together.
    Every line is marked `> `, and a line of `>` alone parts its paragraphs; escaped lines
    hold no newline, so each is one line of the block.
    """
    text = quote.text
    if len(text) == 1 and len(text[0]) == 1:  # most quotes: one line, as below but quicker
        body = "> " + escape_inline(text[0][0])
    else:
        body = "\n>\n".join(["> " + "\\\n> ".join(map(escape_inline, lines)) for lines in text])
    if quote.locator:
        return [body or "> ", f"— \\[{quote.number}\\] {escape_inline(quote.locator)}"]
    return [body or "> ", f"— \\[{quote.number}\\]"]


def _disagreement_blocks(disagreement: Disagreement) -> list[str]:
    blocks = [
        f"**⚠ Sources disagree: {escape_inline(disagreement.topic)}.** "
        f"{escape_inline(disagreement.summary)}"
    ]
    for side in disagreement.sides:
        kind = f" ({escape_inline(side.source_kind)})" if side.source_kind else ""
        claim = f" {escape_inline(side.claim)}" if side.claim else ""
        blocks.append(f"- *{escape_inline(side.source)}{kind}:*{claim}")
        blocks += _quote(side.quote)
    return blocks


def _sources_blocks(brief: Brief) -> list[str]:
    if not brief.sources:
        return ["*This pack quotes no source.*"]
    lines = []
    for cited in brief.sources:
        if cited.source is None:
            lines.append(f"{cited.number}. {escape_inline(cited.source_id)}")
            continue
        title, middle, kind, reliability = source_parts(cited.source)
        line = f"{cited.number}. **{escape_inline(title)}**"
        if middle:
            line += f", {escape_inline(middle)}"
        line += f". *{escape_inline(kind)}.*"
        if reliability:
            line += f" {escape_inline(reliability)}"
        lines.append(line)
    return ["\n".join(lines)]


def _code(text: str) -> str:
    """Text for inside a code span; ids are plain, so only a backtick needs removing."""
    return text.replace("`", "'")
