"""A pack laid out as a briefing document, once, for every renderer (Markdown, HTML, Word).

The renderers only spell this layout in their own syntax: what the document says, in which
order, under which headings, with which citation numbers, is decided here. So the formats
cannot drift apart, and each stays a short walk over the same tree.

Text here is plain and unescaped; each renderer escapes it for its own syntax.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.facts import format_date, item_facts
from briefcase_tui.domain.corpus.kinds import KIND_LABELS
from briefcase_tui.domain.corpus.models import Caveat, ItemBase, Source
from briefcase_tui.domain.export.markdown_text import Anchors, numbered_heading_slug
from briefcase_tui.domain.export.provenance import Provenance, provenance_of
from briefcase_tui.domain.packs.models import Entry, Pack
from briefcase_tui.domain.packs.resolve import ResolvedEntry, ResolvedPack, resolve_pack
from briefcase_tui.domain.packs.review import status_with

HEADLINE_FACTS = ("When", "Date", "Time", "Venue")
"""Facts shown on the entry's first line, after its kind, rather than in its list of facts."""
PRIORITY_LABELS = {"must": "Must read", "should": "Should read", "optional": "Optional"}
NOT_IN_CORPUS = "Not in the corpus"
CONTENTS = "Contents"
SOURCES = "Sources"
ABOUT = "About this brief"
ITEM_NOTE_LABEL = "Author's note"
FREE_NOTE_LABEL = "Note from the author"
GLANCE_COLUMNS = ("#", "Item", "Kind", "When", "Where", "Priority")

_SPACES = re.compile(r"[ \t]+")
_new = tuple.__new__
"""Makes a named tuple from a tuple of all its fields, without the Python call its class
makes (a brief of 50,000 entries makes some 400,000: 0.15 us each saved)."""
_BLANK_LINES = re.compile(r"\n\s*\n")


@lru_cache(maxsize=16384)
def one_line(text: str) -> str:
    """Text on one line: newlines and runs of spaces or tabs become one space, ends trimmed.

    Most text is on one line already, and three searches say so ten times faster than the
    substitution (1 us for a note, 10 us for a summary, each a first time).
    """
    if "\n" in text or "\t" in text or "  " in text:
        text = _SPACES.sub(" ", text.replace("\n", " "))
    return text.strip()


@lru_cache(maxsize=8192)
def paragraphs(text: str) -> tuple[tuple[str, ...], ...]:
    """Free text as paragraphs of lines: blank lines part paragraphs, single newlines break lines.

    Every renderer keeps a note's line structure this way, and drops lines with no text.
    Cached: a brief repeats corpus text (summaries, quotes, caveats) many times.
    """
    if "\n" not in text:  # most notes and summaries: one paragraph of one line
        line = one_line(text)
        return ((line,),) if line else ()
    result = []
    for chunk in _BLANK_LINES.split(text.strip()):
        lines = tuple(line for line in (one_line(raw) for raw in chunk.split("\n")) if line)
        if lines:
            result.append(lines)
    return tuple(result)


class Fact(NamedTuple):
    """One labelled fact of an item, as every renderer shows it."""

    label: str
    value: str


def fact_text(fact: Fact) -> str:
    """The words a fact's value is shown in: the one place every renderer reads a fact from.

    A mark on a fact (such as "inferred") belongs here, so all formats show it alike.
    """
    return fact.value


class Quote(NamedTuple):
    """A verbatim quote and its citation: the number of its source in `Sources`, and where."""

    text: tuple[tuple[str, ...], ...]
    number: int
    locator: str


class Side(NamedTuple):
    """One source's side of a disagreement."""

    source: str
    source_kind: str
    claim: str
    quote: Quote


class Disagreement(NamedTuple):
    """A place where the sources disagree about an item, with every side."""

    topic: str
    summary: str
    sides: tuple[Side, ...]


class BriefEntry(NamedTuple):
    """An entry: a corpus item with the author's marks and note, or a note on its own."""

    number: int
    heading: str
    """Unique in the document; empty for a note on its own, which has no heading."""
    anchor: str
    kind: str
    """The item's kind in words; `Not in the corpus` for an id the corpus lacks."""
    missing_id: str
    """The id the corpus lacks, or empty."""
    headline: tuple[Fact, ...]
    summary: tuple[tuple[str, ...], ...]
    facts: tuple[Fact, ...]
    quotes: tuple[Quote, ...]
    disagreements: tuple[Disagreement, ...]
    priority: str
    """The priority in words (`Must read`), or empty."""
    tags: tuple[str, ...]
    note: tuple[tuple[str, ...], ...]
    note_label: str
    changed: str = ""
    """When the item reads differently from when it was added: the sentence that says so."""

    @property
    def is_note(self) -> bool:
        """A note on its own, not about a corpus item."""
        return not self.heading


class BriefSection(NamedTuple):
    """A section of the pack with its entries."""

    heading: str
    anchor: str
    intro: tuple[tuple[str, ...], ...]
    entries: tuple[BriefEntry, ...]


class GlanceRow(NamedTuple):
    """One row of the at-a-glance table: an item, what it is, when, where, how much it matters."""

    number: int
    heading: str
    anchor: str
    kind: str
    when: str
    where: str
    priority: str


class CitedSource(NamedTuple):
    """A source in the order the document first cites it."""

    number: int
    source_id: str
    source: Source | None


@dataclass(frozen=True)
class Brief:
    """The whole document, in reading order."""

    title: str
    title_anchor: str
    details: tuple[Fact, ...]
    """Meeting, date, audience, author, corpus: the title block."""
    summary: tuple[tuple[str, ...], ...]
    missing: tuple[str, ...]
    contents_anchor: str
    """Empty when the pack has no sections (then there are no contents)."""
    glance: tuple[GlanceRow, ...]
    sections: tuple[BriefSection, ...]
    sources_heading: str
    sources_anchor: str
    sources: tuple[CitedSource, ...]
    about_heading: str
    about_anchor: str
    provenance: Provenance


@dataclass
class _Headings:
    """Headings unique in the document, and their anchors.

    Two headings with the same words (two sections both called `Contents`) would confuse
    a table of contents and a reader alike: the second becomes `Contents (2)`.
    """

    anchors: Anchors = field(default_factory=Anchors)
    seen: set[str] = field(default_factory=set)
    last_count: dict[str, int] = field(default_factory=dict)
    """The last number given to each heading's words: the next one is sought from there, not
    from 2 again (a pack naming the same title hundreds of times made this quadratic)."""

    def add(self, text: str) -> tuple[str, str]:
        heading = one_line(text)
        count = self.last_count.get(heading, 1)
        unique = heading if count == 1 else f"{heading} ({count})"
        while unique in self.seen:
            count += 1
            unique = f"{heading} ({count})"
        self.last_count[heading] = count
        self.seen.add(unique)
        if count == 1 or not heading:
            return unique, self.anchors.add(unique)
        return unique, self.anchors.add_slug(numbered_heading_slug(heading, count))


@dataclass
class _Citations:
    """Numbers sources in the order the document first cites them."""

    corpus: Corpus
    texts: dict[str, _ItemText] = field(default_factory=dict)
    """What the brief says of each item of the pack but its citation numbers, by id."""
    order: dict[str, int] = field(default_factory=dict)
    told: dict[str, _ItemTold] = field(default_factory=dict)
    """What the brief says of each item already cited, by id (a pack may name one twice)."""

    def quote(self, text: QuoteText) -> Quote:
        """The quote with the number of its source, which is given here at its first citation."""
        paragraphs_, source_id, locator = text
        number = self.order.get(source_id)
        if number is None:
            number = self.order[source_id] = len(self.order) + 1
        return _new(Quote, (paragraphs_, number, locator))

    def sources(self) -> tuple[CitedSource, ...]:
        return tuple(
            CitedSource(n, sid, self.corpus.sources.get(sid)) for sid, n in self.order.items()
        )


def build_brief(pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None) -> Brief:
    """The pack read against the corpus and laid out as a document."""
    resolved = resolve_pack(pack, corpus)
    headings = _Headings()
    citations = _Citations(corpus, _item_texts(resolved, corpus))
    title, title_anchor = headings.add(pack.title)
    contents_anchor = headings.add(CONTENTS)[1] if resolved.sections else ""
    sections = []
    glance: list[GlanceRow] = []
    version = pack.corpus_version
    for section in resolved.sections:
        heading, anchor = headings.add(section.section.title)
        entries = []
        for resolved_entry in section.entries:
            entry, told = _entry(resolved_entry, corpus, headings, citations, version)
            entries.append(entry)
            if entry.heading:  # a note on its own has no row
                glance.append(_glance_row(entry, told))
        intro = paragraphs(section.section.intro)
        sections.append(BriefSection(heading, anchor, intro, tuple(entries)))
    sources_heading, sources_anchor = headings.add(SOURCES)
    about_heading, about_anchor = headings.add(ABOUT)
    details = [
        Fact("Meeting", one_line(pack.meeting)),
        Fact("Date", format_date(pack.date) if pack.date else ""),
        Fact("Audience", one_line(pack.audience)),
        Fact("Prepared by", one_line(pack.author)),
        Fact("Corpus", one_line(corpus.info.title)),
    ]
    return Brief(
        title=title,
        title_anchor=title_anchor,
        details=tuple(d for d in details if d.value),
        summary=paragraphs(pack.summary),
        missing=resolved.missing,
        contents_anchor=contents_anchor,
        glance=tuple(glance),
        sections=tuple(sections),
        sources_heading=sources_heading,
        sources_anchor=sources_anchor,
        sources=citations.sources(),
        about_heading=about_heading,
        about_anchor=about_anchor,
        provenance=provenance_of(corpus, stamp),
    )


def _entry(
    resolved: ResolvedEntry,
    corpus: Corpus,
    headings: _Headings,
    citations: _Citations,
    pack_version: str,
) -> tuple[BriefEntry, _ItemTold | None]:
    """The entry laid out, and what the brief says of its item (None: no item to tell of).

    Run once for each of up to 50,000 entries: fields are passed in order, not by name, and
    what an entry lacks (a note, tags, a fingerprint) costs no call.
    """
    entry = resolved.entry
    item = resolved.item
    priority = PRIORITY_LABELS.get(entry.priority, "") if entry.priority else ""
    tags = tuple(map(one_line, entry.tags)) if entry.tags else ()
    note = paragraphs(entry.note) if entry.note else ()
    if entry.item is None:  # a note on its own
        return BriefEntry(
            resolved.number, "", "", "", "", (), (), (), (), (), priority, tags, note,
            FREE_NOTE_LABEL,
        ), None  # fmt: skip
    item_id = entry.item
    if item is None:
        heading, anchor = headings.add(item_id or "Note")
        return BriefEntry(
            resolved.number, heading, anchor, NOT_IN_CORPUS, item_id, (), (), (), (), (),
            priority, tags, note, ITEM_NOTE_LABEL,
        ), None  # fmt: skip
    # The item itself is not read here: in the pack's order it may lie anywhere in memory.
    text = citations.texts[item_id]
    heading, anchor = headings.add(text.title)
    told = citations.told.get(item_id)
    if told is None:
        told = citations.told[item_id] = _ItemTold.of(text, citations)
    changed = _changed_since(entry, item, corpus, pack_version) if entry.fingerprint else ""
    return _new(BriefEntry, (
        resolved.number, heading, anchor, told.kind, "", told.headline, told.summary, told.facts,
        told.quotes, told.disagreements, priority, tags, note, ITEM_NOTE_LABEL, changed,
    )), told  # fmt: skip


def _item_texts(resolved: ResolvedPack, corpus: Corpus) -> dict[str, _ItemText]:
    """What the brief says of each item the pack names, but its citation numbers, by id.

    The items are visited in the order they lie in memory (their `id()`), which for items
    read from the stored corpus is the corpus's order. A pack names them in any order, and
    in a shuffled 50,000-entry pack's order each item lies far in memory from the one before:
    its brief took 1.18 s to lay out that way, 0.96 s this way. Only the citation numbers
    need the document's order; `_ItemTold.of` gives them, entry by entry.
    """
    items: dict[str, ItemBase] = {}  # by the id the entry names, which is the item's
    for section in resolved.sections:
        for entry in section.entries:
            if entry.item is not None:
                items[entry.entry.item or ""] = entry.item
    in_memory = sorted(items.items(), key=lambda pair: id(pair[1]))
    return {item_id: _ItemText.of(item, corpus) for item_id, item in in_memory}


QuoteText = tuple[tuple[tuple[str, ...], ...], str, str]
"""A quote before it is numbered: its paragraphs, its source's id and its locator."""
SideText = tuple[str, str, str, QuoteText]
"""A side of a disagreement before its quote is numbered: source, source kind, claim, quote."""
DisagreementText = tuple[str, str, tuple[SideText, ...]]
"""A disagreement before its quotes are numbered: topic, summary, sides."""


class _ItemText(NamedTuple):
    """What a brief says of an item, whatever entry names it, but its citation numbers."""

    title: str
    kind: str
    headline: tuple[Fact, ...]
    summary: tuple[tuple[str, ...], ...]
    facts: tuple[Fact, ...]
    quotes: tuple[QuoteText, ...]
    disagreements: tuple[DisagreementText, ...]
    when: str
    """Its row of the at-a-glance table: when, from its headline facts."""
    where: str
    """Its row of the at-a-glance table: where (the venue)."""

    @classmethod
    def of(cls, item: ItemBase, corpus: Corpus) -> _ItemText:
        headline: list[Fact] = []
        facts: list[Fact] = []
        for label, value in item_facts(item, corpus):
            fact = _new(Fact, (label, one_line(value)))
            (headline if label in HEADLINE_FACTS else facts).append(fact)
        quotes: tuple[QuoteText, ...] = ()
        if item.quotes:
            quotes = tuple(
                [
                    (paragraphs(q.text), q.source, one_line(q.locator) if q.locator else "")
                    for q in item.quotes
                ]
            )
        caveats = corpus.caveats_for(item.id)
        when, where = _when_where(headline) if headline else ("", "")
        return cls(
            item.title,
            KIND_LABELS.get(item.kind, item.kind),
            tuple(headline),
            paragraphs(item.summary),
            tuple(facts),
            quotes,
            tuple([_disagreement(c, corpus) for c in caveats]) if caveats else (),
            when,
            where,
        )


class _ItemTold(NamedTuple):
    """What a brief says of an item whatever entry names it: worked out once per item.

    Citation numbers are given at a source's first citation and kept, so the quotes of an
    item cited again read the same numbers as the first time.
    """

    kind: str
    headline: tuple[Fact, ...]
    summary: tuple[tuple[str, ...], ...]
    facts: tuple[Fact, ...]
    quotes: tuple[Quote, ...]
    disagreements: tuple[Disagreement, ...]
    when: str
    """Its row of the at-a-glance table: when, from its headline facts."""
    where: str
    """Its row of the at-a-glance table: where (the venue)."""

    @classmethod
    def of(cls, text: _ItemText, citations: _Citations) -> _ItemTold:
        """The item's text with its sources numbered, in the order the document cites them."""
        quote = citations.quote
        return cls(
            text.kind,
            text.headline,
            text.summary,
            text.facts,
            tuple([quote(q) for q in text.quotes]) if text.quotes else (),
            tuple([
                Disagreement(topic, summary, tuple([
                    Side(source, kind, claim, quote(q)) for source, kind, claim, q in sides
                ]))
                for topic, summary, sides in text.disagreements
            ]) if text.disagreements else (),
            text.when,
            text.where,
        )  # fmt: skip


def _changed_since(entry: Entry, item: ItemBase, corpus: Corpus, pack_version: str) -> str:
    """What a reader must know when the item changed in the corpus after the author chose it."""
    if status_with(entry, item, corpus) != "changed":
        return ""
    since = f" (corpus {pack_version})" if pack_version else ""
    return (
        f"this item reads differently from when it was added to the pack{since}; "
        "the author has not reviewed it since (brief pack review)."
    )


def _disagreement(caveat: Caveat, corpus: Corpus) -> DisagreementText:
    """A caveat about an item as a disagreement whose quotes are not numbered yet."""
    sides = []
    for side in caveat.sides:
        source = corpus.sources.get(side.source)
        quote = (paragraphs(side.text), side.source, one_line(side.locator))
        sides.append(
            (
                one_line(source.title if source else side.source),
                source.kind_label if source else "",
                one_line(side.claim),
                quote,
            )
        )
    return one_line(caveat.topic), one_line(caveat.summary), tuple(sides)


def _when_where(headline: list[Fact]) -> tuple[str, str]:
    """An item's when and where in the at-a-glance table, from its headline facts.

    The facts are on one line already, so their words joined by a space are too.
    """
    facts = {fact.label: fact_text(fact) for fact in headline}
    when = " ".join(
        v for v in (facts.get("When") or facts.get("Date", ""), facts.get("Time", "")) if v
    )
    return when, facts.get("Venue", "")


def _glance_row(entry: BriefEntry, told: _ItemTold | None) -> GlanceRow:
    when, where = (told.when, told.where) if told is not None else ("", "")
    return GlanceRow(
        entry.number, entry.heading, entry.anchor, entry.kind, when, where, entry.priority
    )


def source_parts(source: Source) -> tuple[str, str, str, str]:
    """A cited source as every format lists it: title, `publisher, date`, kind, reliability."""
    date = str(source.date) if source.date else ""
    middle = ", ".join(p for p in (one_line(source.publisher), date) if p)
    return (
        one_line(source.title),
        middle,
        source.kind_label.capitalize(),
        one_line(source.reliability),
    )
