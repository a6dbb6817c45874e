"""A pack as one self-contained, print-ready HTML page, written directly from the laid-out brief.

It spells the same `brief.build_brief` document as the Markdown export, element for element
(a test renders the Markdown with markdown-it-py and compares the two), without writing
Markdown and parsing it back, which cost a 1,000-entry pack seconds. Every piece of corpus
or user text goes through `html.escape`, so nothing in the corpus or a note can become
markup; headings carry the anchors the table of contents links to. The style sheet
(`data/export/print.css`) prints each section on a new page, prints where links point,
and needs no colour to be read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from html import escape as _html_escape

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
from briefcase_tui.domain.export.provenance import GENERATOR
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.paths import EXPORT_STYLE_FILE

Paragraphs = tuple[tuple[str, ...], ...]


@lru_cache(maxsize=16384)
def escape(text: str) -> str:
    """Text as HTML text or attribute value: `&`, `<`, `>` and both quotes become entities.

    Cached: a brief repeats corpus text (facts, sources, caveats) many times.
    """
    return _html_escape(text, quote=True)


def render_html(pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None) -> str:
    """The whole briefing as an HTML document with its style sheet inline."""
    return brief_html(build_brief(pack, corpus, stamp=stamp))


def brief_html(brief: Brief) -> str:
    """A laid-out brief as an HTML document."""
    style = EXPORT_STYLE_FILE.read_text(encoding="utf-8")
    out: list[str] = [
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{escape(GENERATOR)}">\n'
        f"<title>{escape(brief.title)}</title>\n"
        f"<style>\n{style.strip()}\n</style>\n</head>\n<body>\n<main>\n"
        '<header class="title-block">\n'
        f'<h1 id="{escape(brief.title_anchor)}">{escape(brief.title)}</h1>\n'
    ]
    if brief.details:
        out.append(_list(_fact(fact) for fact in brief.details))
    out += _paragraphs(brief.summary)
    out.append("</header>\n")
    if brief.missing:
        ids = ", ".join(f"<code>{escape(i)}</code>" for i in brief.missing)
        out.append(
            f'<p class="missing"><strong>Not in the corpus:</strong> {ids}. The pack keeps '
            "these entries, but the corpus no longer has the items they name.</p>\n"
        )
    if brief.sections:
        out.append(f'<nav class="contents">\n<h2 id="{brief.contents_anchor}">{CONTENTS}</h2>\n')
        out.append(_contents(brief))
        out.append("</nav>\n")
        if brief.glance:
            out.append(_at_a_glance(brief))
    for section in brief.sections:
        out.append(
            f'<section class="pack-section">\n'
            f'<h2 id="{section.anchor}">{escape(section.heading)}</h2>\n'
        )
        out += _paragraphs(section.intro, "intro")
        if not section.entries:
            out.append('<p class="empty"><em>This section is empty.</em></p>\n')
        for entry in section.entries:
            _entry(out, entry)
        out.append("</section>\n")
    out.append(
        f'<section class="sources">\n<h2 id="{brief.sources_anchor}">'
        f"{escape(brief.sources_heading)}</h2>\n"
    )
    out.append(_sources(brief))
    out.append("</section>\n")
    out.append(
        f'<footer class="about">\n<h2 id="{brief.about_anchor}">'
        f"{escape(brief.about_heading)}</h2>\n"
    )
    out.append(
        _list(
            f"<strong>{escape(label)}:</strong> {escape(value)}"
            for label, value in brief.provenance.lines()
        )
    )
    out.append("</footer>\n</main>\n</body>\n</html>\n")
    return "".join(out)


def _fact(fact: Fact) -> str:
    """A labelled fact: `<strong>Venue:</strong> Grand Palais`. Every fact is written here."""
    return f"<strong>{escape(fact.label)}:</strong> {escape(fact_text(fact))}"


def _list(items_html: Iterable[str]) -> str:
    items = "".join(f"<li>{item}</li>\n" for item in items_html)
    return f"<ul>\n{items}</ul>\n"


def _lines(lines: tuple[str, ...]) -> str:
    return "<br>\n".join(escape(line) for line in lines)


def _paragraphs(paragraphs: Paragraphs, css_class: str = "") -> list[str]:
    attribute = f' class="{css_class}"' if css_class else ""
    return [f"<p{attribute}>{_lines(lines)}</p>\n" for lines in paragraphs]


def _link(text: str, anchor: str) -> str:
    return f'<a href="#{escape(anchor)}">{escape(text)}</a>'


def _contents(brief: Brief) -> str:
    out = ["<ul>\n"]
    for section in brief.sections:
        out.append(f"<li>{_link(section.heading, section.anchor)}")
        entries = [entry for entry in section.entries if not entry.is_note]
        if entries:
            out.append("\n<ul>\n")
            out += [f"<li>{_link(entry.heading, entry.anchor)}</li>\n" for entry in entries]
            out.append("</ul>\n")
        out.append("</li>\n")
    out.append(f"<li>{_link(brief.sources_heading, brief.sources_anchor)}</li>\n")
    out.append(f"<li>{_link(brief.about_heading, brief.about_anchor)}</li>\n</ul>\n")
    return "".join(out)


def _at_a_glance(brief: Brief) -> str:
    head = "".join(f'<th scope="col">{escape(column)}</th>' for column in GLANCE_COLUMNS)
    rows = [
        f'<tr><td class="number">{row.number}</td><td>{_link(row.heading, row.anchor)}</td>'
        f"<td>{escape(row.kind)}</td><td>{escape(row.when)}</td><td>{escape(row.where)}</td>"
        f"<td>{escape(row.priority)}</td></tr>\n"
        for row in brief.glance
    ]
    return (
        '<table class="at-a-glance">\n<thead>\n<tr>'
        + head
        + "</tr>\n</thead>\n<tbody>\n"
        + "".join(rows)
        + "</tbody>\n</table>\n"
    )


def _entry(out: list[str], entry: BriefEntry) -> None:
    if entry.is_note:
        out.append('<aside class="note free-note">\n')
        _note(out, entry)
        _marks(out, entry)
        out.append("</aside>\n")
        return
    out.append(f'<article class="entry">\n<h3 id="{entry.anchor}">{escape(entry.heading)}</h3>\n')
    if entry.missing_id:
        out.append(
            f'<p class="missing"><strong>Not in the corpus:</strong> the id '
            f"<code>{escape(entry.missing_id)}</code> names no item of this corpus; it may have "
            "been renamed or removed.</p>\n"
        )
    else:
        if entry.changed:
            out.append(
                f'<p class="changed"><strong>Changed since added:</strong> '
                f"{escape(entry.changed)}</p>\n"
            )
        headline = [_fact(Fact("Kind", entry.kind))]
        headline += [escape(fact_text(fact)) for fact in entry.headline]
        out.append(f'<p class="headline">{" · ".join(headline)}</p>\n')
        out += _paragraphs(entry.summary)
        if entry.facts:
            out.append(_list(_fact(fact) for fact in entry.facts))
        for quote in entry.quotes:
            out.append(_quote(quote))
        for disagreement in entry.disagreements:
            out.append(_disagreement(disagreement))
    _marks(out, entry)
    if entry.note:
        out.append('<div class="note">\n')
        _note(out, entry)
        out.append("</div>\n")
    out.append("</article>\n")


def _marks(out: list[str], entry: BriefEntry) -> None:
    parts = []
    if entry.priority:
        parts.append(f"<strong>Priority:</strong> {escape(entry.priority)}")
    if entry.tags:
        parts.append("<strong>Tags:</strong> " + ", ".join(escape(t) for t in entry.tags))
    if parts:
        out.append(f'<p class="marks">{" · ".join(parts)}</p>\n')


def _note(out: list[str], entry: BriefEntry) -> None:
    if not entry.note:
        return
    first, *rest = entry.note
    out.append(f"<p><strong>{escape(entry.note_label)}:</strong> {_lines(first)}</p>\n")
    out += [f"<p>{_lines(lines)}</p>\n" for lines in rest]


def _quote(quote: Quote) -> str:
    cite = f"— [{quote.number}]"
    if quote.locator:
        cite += f" {escape(quote.locator)}"
    body = "".join(_paragraphs(quote.text))
    return (
        f'<figure class="quote">\n<blockquote>\n{body}</blockquote>\n'
        f"<figcaption>{cite}</figcaption>\n</figure>\n"
    )


def _disagreement(disagreement: Disagreement) -> str:
    out = [
        '<div class="disagreement" role="note">\n'
        f"<p><strong>⚠ Sources disagree: {escape(disagreement.topic)}.</strong> "
        f"{escape(disagreement.summary)}</p>\n"
    ]
    for side in disagreement.sides:
        kind = f" ({escape(side.source_kind)})" if side.source_kind else ""
        claim = f" {escape(side.claim)}" if side.claim else ""
        side_line = f"<em>{escape(side.source)}{kind}:</em>{claim}"
        out.append(f'<ul class="side">\n<li>{side_line}</li>\n</ul>\n')
        out.append(_quote(side.quote))
    out.append("</div>\n")
    return "".join(out)


def _sources(brief: Brief) -> str:
    if not brief.sources:
        return "<p><em>This pack quotes no source.</em></p>\n"
    items = []
    for cited in brief.sources:
        if cited.source is None:
            items.append(f'<li value="{cited.number}">{escape(cited.source_id)}</li>\n')
            continue
        title, middle, kind, reliability = source_parts(cited.source)
        line = f"<strong>{escape(title)}</strong>"
        if middle:
            line += f", {escape(middle)}"
        line += f". <em>{escape(kind)}.</em>"
        if reliability:
            line += f" {escape(reliability)}"
        items.append(f'<li value="{cited.number}">{line}</li>\n')
    return "<ol>\n" + "".join(items) + "</ol>\n"
