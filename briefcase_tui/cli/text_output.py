"""Plain-text rendering of items and lists for a terminal, readable in 80 columns."""

from __future__ import annotations

import shutil
import textwrap
from typing import TYPE_CHECKING

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.facts import KIND_LABELS, item_facts
from briefcase_tui.domain.corpus.models import ItemBase

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.search import SearchHit

CAVEAT_MARK = "! Sources disagree:"
"""Caveats are marked by a symbol and words, never by colour alone."""


def width() -> int:
    """Wrap width: the terminal's, kept between 40 and 100 columns (80 when not a terminal)."""
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(40, min(columns, 100))


def wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    """Wrap a paragraph, keeping the author's line breaks."""
    lines: list[str] = []
    lead = indent if first is None else first
    for paragraph in text.split("\n"):
        wrapped = textwrap.wrap(
            paragraph,
            width=width(),
            initial_indent=lead,
            subsequent_indent=indent,
            break_long_words=True,
            break_on_hyphens=False,
        )
        lines.extend(wrapped or [lead.rstrip()])
        lead = indent
    return lines


def render_item(item: ItemBase, corpus: Corpus) -> str:
    """An item as a terminal page: title, kind and id, facts, summary, quotes, caveats, related."""
    kind = item.kind  # type: ignore[attr-defined]
    lines = [*wrap(item.title), f"{KIND_LABELS.get(kind, kind)} · {item.id}", ""]
    facts = item_facts(item, corpus)
    label_width = max((len(label) for label, _ in facts), default=0) + 2
    for label, value in facts:
        lines.extend(wrap(value, indent=" " * label_width, first=f"{label}:".ljust(label_width)))
    if facts:
        lines.append("")
    lines.extend(wrap(item.summary))
    if item.aliases:
        lines += ["", *wrap(", ".join(item.aliases), first="Also known as: ", indent="  ")]
    if item.quotes:
        lines += ["", "Quotes"]
        for number, quote in enumerate(item.quotes, start=1):
            lines.extend(wrap(f"“{quote.text}”", indent="     ", first=f"  [{number}] "))
            lines.extend(
                wrap(
                    _citation(corpus, quote.source, quote.locator),
                    indent="       ",
                    first="     — ",
                )
            )
    for caveat in corpus.caveats_for(item.id):
        lines += ["", *wrap(f"{CAVEAT_MARK} {caveat.topic}")]
        lines.extend(wrap(caveat.summary, indent="  "))
        for side in caveat.sides:
            lines.extend(wrap(f"“{side.text}”", indent="    ", first="  - "))
            lines.extend(
                wrap(_citation(corpus, side.source, side.locator), indent="      ", first="    — ")
            )
    related = corpus.related(item.id)
    if related:
        lines += ["", "Related"]
        for other in related:
            lines.extend(
                wrap(f"{other.title} ({other.kind}, {other.id})", indent="    ", first="  - ")
            )  # type: ignore[attr-defined]
    return "\n".join(lines)


def _citation(corpus: Corpus, source_id: str, locator: str) -> str:
    source = corpus.sources.get(source_id)
    if source is None:
        return source_id
    where = f", {locator}" if locator else ""
    return f"{source.publisher}, “{source.title}” ({source.kind_label}){where}"


def render_rows(rows: list[tuple[str, str, str]]) -> str:
    """Rows of id and `title (kind)`; titles wrap under themselves, long ids get their own line."""
    if not rows:
        return ""
    id_width = min(max(len(r[0]) for r in rows), 34)
    indent = " " * (id_width + 2)
    lines: list[str] = []
    for item_id, kind, title in rows:
        if len(item_id) > id_width:
            lines.append(item_id)
            lead = indent
        else:
            lead = f"{item_id:<{id_width}}  "
        lines.extend(wrap(f"{title} ({kind})", indent=indent, first=lead))
    return "\n".join(lines)


def render_hits(hits: list[SearchHit]) -> str:
    """Search results as rows, best first."""
    return render_rows([(h.id, h.kind, h.title) for h in hits])
