"""A pack as a Markdown briefing: CommonMark plus GFM tables, the same bytes for the same input.

This is the one renderer behind `brief export`, the HTML export (which renders this
Markdown) and the app's preview. Every piece of corpus or user text passes through
`markdown_text` escaping; only the structure written here is Markdown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.facts import format_date, item_facts
from briefcase_tui.domain.corpus.kinds import KIND_LABELS
from briefcase_tui.domain.corpus.models import Caveat, Source
from briefcase_tui.domain.export.markdown_text import (
    Anchors,
    escape_block,
    escape_inline,
    table_cell,
)
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.packs.resolve import ResolvedEntry, ResolvedPack, resolve_pack

HEADLINE_FACTS = ("When", "Date", "Time", "Venue")
"""Facts shown on the entry's first line rather than in its list of facts."""
PRIORITY_LABELS = {"must": "Must read", "should": "Should read", "optional": "Optional"}


@dataclass
class _Citations:
    """Numbers sources in the order the document first cites them."""

    corpus: Corpus
    order: dict[str, int] = field(default_factory=dict)

    def number(self, source_id: str) -> int:
        if source_id not in self.order:
            self.order[source_id] = len(self.order) + 1
        return self.order[source_id]

    def sources(self) -> list[tuple[int, str, Source | None]]:
        return [(n, sid, self.corpus.sources.get(sid)) for sid, n in self.order.items()]


def render_markdown(pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None) -> str:
    """The whole briefing as Markdown text ending in one newline."""
    resolved = resolve_pack(pack, corpus)
    anchors = Anchors()
    citations = _Citations(corpus)
    anchors.add(pack.title)
    if resolved.sections:
        anchors.add("Contents")
    entry_anchors: dict[int, str] = {}
    section_anchors: list[str] = []
    for section in resolved.sections:
        section_anchors.append(anchors.add(section.section.title))
        for entry in section.entries:
            if not entry.entry.is_note:
                entry_anchors[entry.number] = anchors.add(_entry_heading(entry))
    sources_anchor = anchors.add("Sources")

    blocks: list[str] = [f"# {escape_inline(pack.title)}"]
    blocks += _title_block(pack, corpus, stamp)
    if resolved.missing:
        blocks.append(
            "**Not in the corpus:** "
            + ", ".join(f"`{_code(i)}`" for i in resolved.missing)
            + ". The pack keeps these entries, but the corpus no longer has the items they name."
        )
    if resolved.sections:
        blocks.append("## Contents")
        blocks.append(_contents(resolved, section_anchors, entry_anchors, sources_anchor))
        at_a_glance = _at_a_glance(resolved, corpus, entry_anchors)
        if at_a_glance:
            blocks.append(at_a_glance)
    for section in resolved.sections:
        blocks.append(f"## {escape_inline(section.section.title)}")
        blocks += escape_block(section.section.intro)
        if not section.entries:
            blocks.append("*This section is empty.*")
        for entry in section.entries:
            blocks += _entry_blocks(entry, corpus, citations)
    blocks.append("## Sources")
    blocks += _sources_blocks(citations)
    return "\n\n".join(blocks) + "\n"


def _title_block(pack: Pack, corpus: Corpus, stamp: dt.datetime | None) -> list[str]:
    details = [
        ("Meeting", pack.meeting),
        ("Date", format_date(pack.date) if pack.date else ""),
        ("Audience", pack.audience),
        ("Prepared by", pack.author),
        ("Corpus", corpus.info.title),
    ]
    if stamp is not None:
        details.append(("Exported", stamp.strftime("%Y-%m-%d %H:%M %Z").strip()))
    lines = [f"- **{label}:** {escape_inline(value)}" for label, value in details if value]
    blocks = ["\n".join(lines)]
    blocks += escape_block(pack.summary)
    return blocks


def _entry_heading(entry: ResolvedEntry) -> str:
    if entry.item is not None:
        return entry.item.title
    return entry.entry.item or "Note"


def _contents(
    resolved: ResolvedPack,
    section_anchors: list[str],
    entry_anchors: dict[int, str],
    sources_anchor: str,
) -> str:
    lines = []
    for section, anchor in zip(resolved.sections, section_anchors, strict=True):
        lines.append(f"- [{escape_inline(section.section.title)}](#{anchor})")
        for entry in section.entries:
            if entry.number in entry_anchors:
                lines.append(
                    f"  - [{escape_inline(_entry_heading(entry))}](#{entry_anchors[entry.number]})"
                )
    lines.append(f"- [Sources](#{sources_anchor})")
    return "\n".join(lines)


def _at_a_glance(resolved: ResolvedPack, corpus: Corpus, entry_anchors: dict[int, str]) -> str:
    """A table of every item: what it is, when and where, and how much it matters."""
    rows = []
    for entry in resolved.entries():
        if entry.entry.is_note:
            continue
        facts = dict(item_facts(entry.item, corpus)) if entry.item is not None else {}
        kind = KIND_LABELS[entry.item.kind] if entry.item is not None else "Not in the corpus"
        when = " ".join(
            v for v in (facts.get("When") or facts.get("Date", ""), facts.get("Time", "")) if v
        )
        link = f"[{escape_inline(_entry_heading(entry))}](#{entry_anchors[entry.number]})"
        priority = PRIORITY_LABELS.get(entry.entry.priority or "", "")
        rows.append(
            f"| {entry.number} | {link} | {table_cell(kind)} | {table_cell(when)} | "
            f"{table_cell(facts.get('Venue', ''))} | {table_cell(priority)} |"
        )
    if not rows:
        return ""
    header = "| # | Item | Kind | When | Where | Priority |\n| ---: | --- | --- | --- | --- | --- |"
    return header + "\n" + "\n".join(rows)


def _entry_blocks(entry: ResolvedEntry, corpus: Corpus, citations: _Citations) -> list[str]:
    if entry.entry.is_note:
        return _note_blocks(entry, "Note from the author")
    blocks = [f"### {escape_inline(_entry_heading(entry))}"]
    item = entry.item
    if item is None:
        blocks.append(
            f"**Not in the corpus:** the id `{_code(entry.entry.item or '')}` names no item of "
            "this corpus; it may have been renamed or removed."
        )
        blocks += _marks(entry)
        blocks += _note_blocks(entry, "Author's note")
        return blocks
    facts = item_facts(item, corpus)
    headline = [f"**{KIND_LABELS.get(item.kind, item.kind)}**"]
    headline += [escape_inline(value) for label, value in facts if label in HEADLINE_FACTS]
    blocks.append(" · ".join(headline))
    blocks += escape_block(item.summary)
    other = [
        f"- **{escape_inline(label)}:** {escape_inline(value)}"
        for label, value in facts
        if label not in HEADLINE_FACTS
    ]
    if other:
        blocks.append("\n".join(other))
    for quote in item.quotes:
        blocks.append(_quote(quote.text, quote.source, quote.locator, citations))
    for caveat in corpus.caveats_for(item.id):
        blocks += _caveat_blocks(caveat, corpus, citations)
    blocks += _marks(entry)
    blocks += _note_blocks(entry, "Author's note")
    return blocks


def _marks(entry: ResolvedEntry) -> list[str]:
    """The author's priority and tags for an entry, on one line."""
    parts = []
    if entry.entry.priority:
        parts.append(f"**Priority:** {PRIORITY_LABELS[entry.entry.priority]}")
    if entry.entry.tags:
        parts.append("**Tags:** " + ", ".join(escape_inline(t) for t in entry.entry.tags))
    return [" · ".join(parts)] if parts else []


def _note_blocks(entry: ResolvedEntry, label: str) -> list[str]:
    paragraphs = escape_block(entry.entry.note)
    if not paragraphs:
        return []
    marks = _marks(entry) if entry.entry.is_note else []
    return [f"**{label}:** {paragraphs[0]}", *paragraphs[1:], *marks]


def _quote(text: str, source_id: str, locator: str, citations: _Citations) -> str:
    """A verbatim quote as a block quote, its citation number pointing at the Sources list."""
    number = citations.number(source_id)
    lines = [f"> {line}" if line else ">" for line in "\n>\n".join(escape_block(text)).split("\n")]
    cite = f"> — \\[{number}\\]"
    if locator:
        cite += f" {escape_inline(locator)}"
    return "\n".join([*lines, ">", cite])


def _caveat_blocks(caveat: Caveat, corpus: Corpus, citations: _Citations) -> list[str]:
    blocks = [
        f"**⚠ Sources disagree: {escape_inline(caveat.topic)}.** {escape_inline(caveat.summary)}"
    ]
    for side in caveat.sides:
        source = corpus.sources.get(side.source)
        name = source.title if source else side.source
        kind = f" ({escape_inline(source.kind_label)})" if source else ""
        claim = f" {escape_inline(side.claim)}" if side.claim else ""
        blocks.append(f"- *{escape_inline(name)}{kind}:*{claim}")
        blocks.append(_quote(side.text, side.source, side.locator, citations))
    return blocks


def _sources_blocks(citations: _Citations) -> list[str]:
    cited = citations.sources()
    if not cited:
        return ["*This pack quotes no source.*"]
    lines = []
    for number, source_id, source in cited:
        if source is None:
            lines.append(f"{number}. {escape_inline(source_id)}")
            continue
        parts = [f"**{escape_inline(source.title)}**", escape_inline(source.publisher)]
        if source.date:
            parts.append(escape_inline(source.date))
        entry = (
            f"{number}. "
            + ", ".join(p for p in parts if p)
            + f". *{escape_inline(source.kind_label.capitalize())}.*"
        )
        if source.reliability:
            entry += f" {escape_inline(source.reliability)}"
        lines.append(entry)
    return ["\n".join(lines)]


def _code(text: str) -> str:
    """Text for inside a code span; ids are plain, so only a backtick needs removing."""
    return text.replace("`", "'")
