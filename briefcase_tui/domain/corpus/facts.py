"""The kind-specific facts of an item as labelled lines, shared by every way of showing it."""

from __future__ import annotations

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.models import (
    Action,
    Day,
    Document,
    Event,
    Figure,
    Initiative,
    ItemBase,
    Milestone,
    Organisation,
    Person,
    Principle,
    Priority,
    Recommendation,
    Signatory,
    Summit,
    Theme,
    Venue,
    Workstream,
)

KIND_LABELS: dict[str, str] = {
    "summit": "Summit",
    "day": "Programme day",
    "event": "Event",
    "venue": "Venue",
    "workstream": "Workstream",
    "priority": "Priority",
    "recommendation": "Recommendation",
    "principle": "Principle",
    "action": "Action",
    "theme": "Theme",
    "initiative": "Initiative",
    "figure": "Figure",
    "signatory": "Signatory",
    "organisation": "Organisation",
    "person": "Person",
    "milestone": "Milestone",
    "document": "Document",
}


def format_date(date: object) -> str:
    """`Mon 10 February 2025`: unambiguous in every locale a delegate comes from."""
    return f"{date:%a} {date.day} {date:%B %Y}"  # type: ignore[attr-defined]


def format_amount(figure: Figure) -> str:
    """A figure's amount in words a delegate can say aloud: `over 100 countries`, `€109 billion`."""

    def number(value: float) -> str:
        symbols = {"EUR": "€", "USD": "$"}
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if figure.unit in symbols and value >= size:
                scaled = value / size
                text = f"{scaled:g}"
                return f"{symbols[figure.unit]}{text} {word}"
        if figure.unit in symbols:
            return f"{symbols[figure.unit]}{value:,.0f}"
        return f"{value:,.0f}" if value == int(value) else f"{value:g}"

    text = number(figure.amount)
    if figure.amount_high is not None:
        text += f"–{number(figure.amount_high)}"
    if figure.unit == "percent":
        text += "%"
    elif figure.unit not in ("EUR", "USD"):
        text += f" {figure.unit}"
    prefix = {"over": "over ", "nearly": "nearly ", "exact": "", "range": ""}[figure.approximation]
    return prefix + text


def item_facts(item: ItemBase, corpus: Corpus) -> list[tuple[str, str]]:
    """Labelled facts of an item beyond its title and summary, in reading order."""
    facts: list[tuple[str, str]] = []

    def title_of(item_id: str | None) -> str:
        if item_id is None:
            return ""
        linked = corpus.get(item_id)
        return linked.title if linked is not None else item_id

    if isinstance(item, Event):
        if item.dates:
            facts.append(("When", ", ".join(format_date(d) for d in item.dates)))
        if item.start:
            zone = item.timezone or corpus.info.timezone
            span = item.start + (f"–{item.end}" if item.end else "")
            facts.append(("Time", f"{span} ({zone})"))
        if item.date_note:
            facts.append(("Note on timing", item.date_note))
        if item.venue:
            facts.append(("Venue", title_of(item.venue)))
        if item.organiser:
            facts.append(("Organiser", item.organiser))
        if item.audience:
            facts.append(("Audience", item.audience))
    elif isinstance(item, Day):
        facts.append(("Date", format_date(item.date)))
    elif isinstance(item, Summit):
        facts.append(("Year", str(item.year)))
        facts.append(("Location", item.location))
        if item.dates:
            facts.append(("Dates", ", ".join(format_date(d) for d in item.dates)))
    elif isinstance(item, Venue):
        if item.city:
            facts.append(("City", item.city))
    elif isinstance(item, Workstream):
        facts.append(("Working group", str(item.number)))
        facts.append(("Envoy", title_of(item.envoy)))
        facts.append(("Focus", item.focus))
    elif isinstance(item, (Priority, Recommendation, Principle, Action, Theme)):
        facts.append(("Set", corpus.sets[item.set].title if item.set in corpus.sets else item.set))
        if isinstance(item, Recommendation) and item.priority:
            facts.append(("Priority", title_of(item.priority)))
        facts.append(("Rank", str(item.rank)))
    elif isinstance(item, Figure):
        facts.append(("Amount", format_amount(item)))
        facts.append(("Measures", item.measures))
    elif isinstance(item, Signatory):
        facts.append(("Type", item.signatory_type))
        facts.append(("Listed as", f"{item.position}. {item.listed_as}"))
        if item.duplicate_of:
            facts.append(("Repeats", f"entry {title_of(item.duplicate_of)} ({item.duplicate_of})"))
    elif isinstance(item, Organisation):
        if item.country:
            facts.append(("Country", item.country))
        if item.category:
            facts.append(("Category", item.category))
    elif isinstance(item, Person):
        facts.append(("Role", item.role))
    elif isinstance(item, Milestone):
        if item.when:
            facts.append(("When", item.when))
        if item.host:
            facts.append(("Host", item.host))
    elif isinstance(item, Document):
        if item.published:
            facts.append(("Published", item.published))
        if item.publisher:
            facts.append(("Publisher", item.publisher))
    elif isinstance(item, Initiative):
        if item.announced_by:
            facts.append(("Announced by", item.announced_by))
    if item.tags:
        facts.append(
            ("Tags", ", ".join(corpus.tags[t].label if t in corpus.tags else t for t in item.tags))
        )
    return facts
