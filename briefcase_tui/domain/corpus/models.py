"""The corpus as typed, frozen records: sources, tags, sets, items of every kind, caveats.

Plain frozen records (`domain/record.py`), so the app and every command read them back from
the store without importing pydantic (8 MiB and about 50 ms of the app's start). Pydantic
validates them directly at a cold build (`build.py`): strict about types (a string where a
number belongs is an error, never a silent coercion), refusing unknown keys (a typo in a
data file is reported rather than dropped), by the rules the fields' annotations carry
(`schema.Strict`, `Rule`, `AtLeast`, `Cleaned`).

This module deliberately does not use `from __future__ import annotations`: pydantic reads
the annotations as they are, with no strings to evaluate in this module's namespace.
"""

import datetime as dt
from typing import Annotated, Literal, get_args

from briefcase_tui.domain.corpus.kinds import KIND_TABLE, KINDS
from briefcase_tui.domain.record import Record
from briefcase_tui.domain.schema import AtLeast, Cleaned, Rule, Strict
from briefcase_tui.domain.text import clean_text

Text = Annotated[str, Strict(), Cleaned(clean_text)]
"""Any text from a data file: control characters and escape sequences removed on load."""
Title = Annotated[str, Strict(), Rule(min_length=1), Cleaned(clean_text)]
Ident = Annotated[str, Strict(), Rule(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
"""A stable readable id: lowercase letters, digits and single hyphens."""
Ids = tuple[Ident, ...]
Date = Annotated[dt.date, Strict()]
Int = Annotated[int, Strict()]
Number = float
"""Amounts may be written 109000000000 or 1.09e11; both are numbers."""
ClockTime = Annotated[str, Strict(), Rule(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
PartialDate = Annotated[str, Strict(), Rule(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]

SourceKind = Literal["official-outcome", "position-paper", "pre-event-preview", "commentary"]
SOURCE_KIND_LABELS: dict[str, str] = {
    "official-outcome": "official outcome",
    "position-paper": "position paper",
    "pre-event-preview": "pre-event preview",
    "commentary": "commentary",
}


class CorpusInfo(Record):
    """What the corpus is about."""

    title: Title
    timezone: Text
    """IANA zone in which event times are shown (`Europe/Paris`); every corpus names its own."""
    description: Text = ""
    version: Text = ""
    """This release of the corpus (`2025.1`): packs record it with their entries' fingerprints."""


LocatorUnit = Literal["no.", "bullet", "paragraph"]
"""What a locator may count inside a passage (see `sourcetext.py` and docs/corpus-format.md)."""


class SourceSection(Record):
    """A section of a source's text: its name in locators, and the line of its heading."""

    name: Title
    line: Annotated[int, Strict(), AtLeast(1)]


class Source(Record):
    """A document the corpus quotes, and how its text is identified and counted."""

    id: Ident
    title: Title
    publisher: Text
    kind: SourceKind
    """How far to trust it: an official outcome outranks a preview written before the event."""
    reliability: Text
    """One line a delegate can repeat: why this source is or is not authoritative."""
    date: PartialDate | None = None
    date_note: Text = ""
    file: Text = ""
    """The text file the quotes come from, when the corpus ships with its sources."""
    sha256: Annotated[str, Strict(), Rule(pattern=r"^([0-9a-f]{64})?$")] = ""
    """The SHA-256 of that file's bytes: the text the quotes and locators were checked against."""
    locator_units: tuple[LocatorUnit, ...] = ("no.", "bullet", "paragraph")
    """What this source's locators count: numbered entries, bullets, paragraphs."""
    sections: tuple[SourceSection, ...] = ()
    """The sections a locator may name first, in the order of the text."""

    @property
    def kind_label(self) -> str:
        """The kind of source in words."""
        return SOURCE_KIND_LABELS[self.kind]


class Tag(Record):
    """One theme of the controlled vocabulary."""

    id: Ident
    label: Title
    description: Text = ""


class RecommendationSet(Record):
    """A document's list of priorities, recommendations or actions."""

    id: Ident
    title: Title
    source: Ident
    description: Text = ""


class Quote(Record):
    """A verbatim span of a source, with where in it to look."""

    text: Title
    source: Ident
    locator: Text = ""


class CaveatSide(Record):
    """One side of a disagreement: what a source says, quoted."""

    source: Ident
    text: Title
    locator: Text = ""
    claim: Text = ""
    """The side's position in our words."""


class Caveat(Record):
    """Sources, or one source with itself, disagree about the items named."""

    id: Ident
    topic: Title
    summary: Text
    items: Annotated[Ids, Rule(min_length=1)]
    sides: Annotated[tuple[CaveatSide, ...], Rule(min_length=2)]


class Inference(Record):
    """A fact of an item that no quote states: the reasoning behind it, and what it rests on."""

    field: Annotated[str, Strict(), Rule(pattern=r"^[a-z_]+$")]
    """The fact's field (`year`, `dates`, `organiser`, ...)."""
    reasoning: Title
    """One sentence: why the value follows from the quotes."""
    rests_on: Annotated[tuple[Annotated[int, Strict(), AtLeast(1)], ...], Rule(min_length=1)]
    """The numbers (from 1) of the item's quotes the inference rests on."""


class ItemBase(Record):
    """Fields every item has, whatever its kind."""

    id: Ident
    title: Title
    summary: Text
    tags: Ids = ()
    links: Ids = ()
    aliases: tuple[Title, ...] = ()
    quotes: tuple[Quote, ...] = ()
    inferred: tuple[Inference, ...] = ()
    """Facts that no quote states, each marked with its reasoning; every other fact is stated."""
    kind: str
    """Which kind of item it is: each kind's model narrows this to its own name (see kinds.py)."""

    def outline_label(self) -> str:
        """Its row in the browser's tree of its section."""
        return self.title

    def inference(self, field_name: str) -> Inference | None:
        """How a fact was inferred, or None when a quote states it."""
        if not self.inferred:  # most items: no generator to set up for every fact
            return None
        return next((i for i in self.inferred if i.field == field_name), None)

    def outline_rank(self) -> int:
        """Where its row stands among its kind's; equal ranks keep the corpus's order."""
        return 0

    @property
    def set_id(self) -> str | None:
        """The recommendation set it belongs to, for the kinds that have a `set`."""
        set_id: str | None = getattr(self, "set", None)
        return set_id


class Summit(ItemBase):
    """A summit in the series: Bletchley Park, Seoul, Paris."""

    kind: Literal["summit"]
    year: Int
    location: Text
    dates: tuple[Date, ...] = ()

    def outline_rank(self) -> int:
        """Summits in the order they were held."""
        return self.year


class Day(ItemBase):
    """One calendar day of the programme."""

    kind: Literal["day"]
    date: Date


class Event(ItemBase):
    """Something on the programme, with when and where as far as the sources say."""

    kind: Literal["event"]
    dates: tuple[Date, ...] = ()
    start: ClockTime | None = None
    end: ClockTime | None = None
    timezone: Text | None = None
    """IANA zone of start/end when it is not the corpus's own."""
    venue: Ident | None = None
    organiser: Text = ""
    audience: Text = ""
    date_note: Text = ""


class Venue(ItemBase):
    """A place where events happen."""

    kind: Literal["venue"]
    city: Text = ""


class Workstream(ItemBase):
    """One of the summit's working groups, led by an envoy."""

    kind: Literal["workstream"]
    number: Int
    envoy: Ident
    focus: Text

    def outline_label(self) -> str:
        """`3. Future of Work`: numbered as the summit numbered them."""
        return f"{self.number}. {self.title}"

    def outline_rank(self) -> int:
        """By number."""
        return self.number


class Priority(ItemBase):
    """A numbered priority of a recommendation set."""

    kind: Literal["priority"]
    set: Ident
    rank: Int


class Recommendation(ItemBase):
    """A recommendation of a set, under one of its priorities where it has them."""

    kind: Literal["recommendation"]
    set: Ident
    priority: Ident | None = None
    rank: Int


class Principle(ItemBase):
    """A principle a document says it follows."""

    kind: Literal["principle"]
    set: Ident
    rank: Int


class Action(ItemBase):
    """Something a document says was launched or committed to."""

    kind: Literal["action"]
    set: Ident
    rank: Int


class Theme(ItemBase):
    """A theme a document draws out."""

    kind: Literal["theme"]
    set: Ident
    rank: Int


class Initiative(ItemBase):
    """A programme, platform, coalition or process the sources name."""

    kind: Literal["initiative"]
    announced_by: Text = ""


class Figure(ItemBase):
    """A number the sources give: an investment, a count, a share."""

    kind: Literal["figure"]
    amount: Number
    amount_high: Number | None = None
    unit: Text
    approximation: Literal["exact", "over", "nearly", "range"] = "exact"
    measures: Text


class Signatory(ItemBase):
    """One numbered entry of the Statement's list of signatories, as printed."""

    kind: Literal["signatory"]
    signatory_type: Literal["country", "organisation"]
    position: Int
    listed_as: Title
    duplicate_of: Ident | None = None
    """Set on an entry that repeats an earlier one: kept visible, never dropped."""

    def outline_label(self) -> str:
        """The entry as the list prints it, marked when it repeats an earlier one."""
        repeat = " (listed twice)" if self.duplicate_of else ""
        return f"{self.position}. {self.listed_as}{repeat}"

    def outline_rank(self) -> int:
        """In the order of the printed list."""
        return self.position


class Organisation(ItemBase):
    """An association, body or company the sources name."""

    kind: Literal["organisation"]
    country: Text = ""
    category: Text = ""


class Person(ItemBase):
    """A person the sources name."""

    kind: Literal["person"]
    role: Text


class Milestone(ItemBase):
    """A follow-up meeting or date the sources look forward to."""

    kind: Literal["milestone"]
    when: Text = ""
    host: Text = ""


class Document(ItemBase):
    """A document the sources refer to (not itself a source of the corpus)."""

    kind: Literal["document"]
    published: Text = ""
    publisher: Text = ""


def _models_by_kind() -> dict[str, type[ItemBase]]:
    """Each kind's model, in the table's order, checked against the table of kinds.

    Every model of an item is a direct subclass of ItemBase naming its kind; a kind without
    a model, a model without a kind or a field the table names but the model lacks is a
    mistake in the code, reported when the models are first imported.
    """
    models = {get_args(cls.__annotations__["kind"])[0]: cls for cls in ItemBase.__subclasses__()}
    if set(models) != set(KINDS):
        raise TypeError(
            f"kinds without a model or models without a kind: {set(models) ^ set(KINDS)}"
        )
    for kind in KIND_TABLE:
        model = models[kind.name]
        named = {*kind.searched, *kind.references, *(f.field for f in kind.facts)}
        named |= {kind.dates} if kind.dates else set()
        missing = named - set(model.record_fields)
        if missing:
            raise TypeError(f"{model.__name__} has no field {', '.join(sorted(missing))}")
    return {name: models[name] for name in KINDS}


MODEL_OF_KIND: dict[str, type[ItemBase]] = _models_by_kind()
"""Each kind's model, in the order of the table of kinds."""
