"""Every kind of item in one table: how it is named, browsed, searched and described.

Adding a kind of item means a model class in `models.py` (its fields, and its row in the
browser's tree when that is not just its title), one row in `KIND_TABLE` (everything else)
and its name in the section that browses it. `models.py` checks on import that every row has
a model, every model a row, and every field a row names exists.

Plain Python, no pydantic, and named tuples rather than dataclasses (five times cheaper to
create): the app's first screen draws its sections from this module before the corpus, and
the models' validators, are loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, NamedTuple

SectionId = Literal[
    "programme", "workstreams", "recommendations", "actors", "figures", "milestones", "sources"
]

FactReading = Literal["text", "date", "dates", "item", "set", "time", "amount", "listing", "repeat"]
"""How a fact's field reads: as written (`text`); one date or a list of dates in words; the
title of the item (`item`) or recommendation set (`set`) the field names; and the readings
of one kind each: an event's `time` span in its zone, a figure's `amount`, a signatory's
`listing` as printed and the earlier entry it `repeat`s."""


class Fact(NamedTuple):
    """One labelled fact of an item, read from one of its fields."""

    label: str
    field: str
    reading: FactReading = "text"


class Kind(NamedTuple):
    """One kind of item and everything the program does differently for it."""

    name: str
    """The value of `kind` in the data files."""
    label: str
    """One item of this kind, in words: beside titles, in search results and exports."""
    group: str = ""
    """The heading of this kind's items in its section's tree; empty: their rows stand alone."""
    on_agenda: bool = False
    """Shown by the programme's agenda (by day and time) rather than in a tree group."""
    searched: tuple[str, ...] = ()
    """Fields whose words search counts as the item's names (a reference: the title it names)."""
    references: Mapping[str, str] = MappingProxyType({})
    """Fields holding another item's id, and the kind that item must be."""
    dates: str = ""
    """The field holding the date or dates the item falls on, for filtering by day."""
    facts: tuple[Fact, ...] = ()
    """Its labelled facts beyond title and summary, in reading order; one whose optional
    field is empty is left out."""


class Section(NamedTuple):
    """A section of the browser and the kinds revealed in it."""

    id: SectionId
    title: str
    kinds: tuple[str, ...]
    """The kinds browsed here, in the order of their groups in the section's tree."""


def _set_member(name: str, label: str, group: str) -> Kind:
    """A member of a recommendation set, numbered within it."""
    return Kind(name, label, group, facts=(Fact("Set", "set", "set"), Fact("Rank", "rank")))


KIND_TABLE: tuple[Kind, ...] = (
    Kind(
        "summit",
        "Summit",
        "Summits",
        searched=("location",),
        dates="dates",
        facts=(Fact("Year", "year"), Fact("Location", "location"), Fact("Dates", "dates", "dates")),
    ),
    Kind(
        "day", "Programme day", on_agenda=True, dates="date", facts=(Fact("Date", "date", "date"),)
    ),
    Kind(
        "event",
        "Event",
        on_agenda=True,
        searched=("organiser", "audience", "venue"),
        references={"venue": "venue"},
        dates="dates",
        facts=(
            Fact("When", "dates", "dates"),
            Fact("Time", "start", "time"),
            Fact("Note on timing", "date_note"),
            Fact("Venue", "venue", "item"),
            Fact("Organiser", "organiser"),
            Fact("Audience", "audience"),
        ),
    ),
    Kind("venue", "Venue", "Venues", searched=("city",), facts=(Fact("City", "city"),)),
    Kind(
        "workstream",
        "Workstream",
        searched=("focus", "envoy"),
        references={"envoy": "person"},
        facts=(
            Fact("Working group", "number"),
            Fact("Envoy", "envoy", "item"),
            Fact("Focus", "focus"),
        ),
    ),
    _set_member("priority", "Priority", ""),
    Kind(
        "recommendation",
        "Recommendation",
        "Recommendations",
        searched=("priority",),
        references={"priority": "priority"},
        facts=(
            Fact("Set", "set", "set"),
            Fact("Priority", "priority", "item"),
            Fact("Rank", "rank"),
        ),
    ),
    _set_member("principle", "Principle", "Principles"),
    _set_member("action", "Action", "Actions"),
    _set_member("theme", "Theme", "Themes"),
    Kind(
        "initiative",
        "Initiative",
        "Initiatives",
        searched=("announced_by",),
        facts=(Fact("Announced by", "announced_by"),),
    ),
    Kind(
        "figure",
        "Figure",
        "Figures",
        searched=("measures", "unit"),
        facts=(Fact("Amount", "amount", "amount"), Fact("Measures", "measures")),
    ),
    Kind(
        "signatory",
        "Signatory",
        "Signatories",
        searched=("listed_as",),
        references={"duplicate_of": "signatory"},
        facts=(
            Fact("Type", "signatory_type"),
            Fact("Listed as", "listed_as", "listing"),
            Fact("Repeats", "duplicate_of", "repeat"),
        ),
    ),
    Kind(
        "organisation",
        "Organisation",
        "Organisations",
        searched=("country", "category"),
        facts=(Fact("Country", "country"), Fact("Category", "category")),
    ),
    Kind("person", "Person", "People", searched=("role",), facts=(Fact("Role", "role"),)),
    Kind(
        "milestone",
        "Milestone",
        "Milestones",
        searched=("when", "host"),
        facts=(Fact("When", "when"), Fact("Host", "host")),
    ),
    Kind(
        "document",
        "Document",
        "Documents referred to",
        searched=("publisher",),
        facts=(Fact("Published", "published"), Fact("Publisher", "publisher")),
    ),
)
"""Every kind of item, in the order kinds are offered (the search's kind filter, error hints)."""

SECTION_TABLE: tuple[Section, ...] = (
    Section("programme", "Programme", ("day", "event", "venue")),
    Section("workstreams", "Workstreams", ("workstream",)),
    Section(
        "recommendations", "Recommendations", ("priority", "recommendation", "principle", "theme")
    ),
    Section("actors", "Actors", ("signatory", "organisation", "person")),
    Section("figures", "Figures", ("figure", "initiative", "action")),
    Section("milestones", "Milestones", ("milestone", "summit")),
    Section("sources", "Sources", ("document",)),
)
"""The browser's sections in the order of their number keys. Every member of a recommendation
set also shows under its set in Recommendations, actions included."""

KINDS: tuple[str, ...] = tuple(kind.name for kind in KIND_TABLE)
"""Every kind's name, in table order."""
KIND_OF: dict[str, Kind] = {kind.name: kind for kind in KIND_TABLE}
KIND_LABELS: dict[str, str] = {kind.name: kind.label for kind in KIND_TABLE}
SECTIONS: tuple[tuple[SectionId, str], ...] = tuple((s.id, s.title) for s in SECTION_TABLE)
"""(id, title) of every section, in the order of their number keys."""
SECTION_OF_KIND: dict[str, SectionId] = {
    name: section.id for section in SECTION_TABLE for name in section.kinds
}
"""The section an item of each kind is revealed in."""

SOURCE_PREFIX = "source:"
"""Outline ids of sources, which are not items: `source:statement`."""


def _check_sections() -> None:
    """Every kind is browsed in exactly one section, and every kind a section names exists."""
    named = [name for section in SECTION_TABLE for name in section.kinds]
    if sorted(named) != sorted(KINDS):
        raise TypeError(f"each kind must be in exactly one section: {sorted(named)} != {KINDS}")


_check_sections()
