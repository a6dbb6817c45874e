"""An item's facts as labelled lines, shared by every way of showing it (app, CLI, exports).

Which facts a kind has, and how each reads, is the kind's row in `kinds.py`; here is how
each reading turns a field into words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, assert_never

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.kinds import KIND_OF, FactReading
from briefcase_tui.domain.corpus.models import Event, Figure, ItemBase, Signatory

__all__ = [
    "INFERRED_MARK",
    "format_amount",
    "format_date",
    "inference_notes",
    "inferences",
    "item_facts",
    "marked",
]

INFERRED_MARK = "(inferred)"
"""Follows the value of a fact that no quote of the item states, in every view and export."""

RANGE_DASH = "\u2013"
"""An en dash, which joins the two ends of a range of times or amounts."""


def format_date(date: dt.date) -> str:
    """`Mon 10 February 2025`: unambiguous in every locale a delegate comes from."""
    return f"{date:%a} {date.day} {date:%B %Y}"


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
        text += RANGE_DASH + number(figure.amount_high)
    if figure.unit == "percent":
        text += "%"
    elif figure.unit not in ("EUR", "USD"):
        text += f" {figure.unit}"
    prefix = {"over": "over ", "nearly": "nearly ", "exact": "", "range": ""}[figure.approximation]
    return prefix + text


def item_facts(item: ItemBase, corpus: Corpus) -> list[tuple[str, str]]:
    """Labelled facts of an item beyond its title and summary, in reading order.

    Run for every item of a 50,000-entry export: the model's fields are read only for an
    empty value, and the `(inferred)` marks only for an item that has any.
    """
    facts: list[tuple[str, str]] = []
    inferred = bool(item.inferred)
    for fact in KIND_OF[item.kind].facts:
        value = getattr(item, fact.field)
        if value in (None, "", ()) and not type(item).is_required(fact.field):
            continue
        if fact.reading == "text":
            text = str(value)
        else:
            text = _reading(fact.reading, value, item, corpus)
        facts.append((fact.label, marked(item, fact.field, text) if inferred else text))
    if item.tags:
        facts.append(
            ("Tags", ", ".join(corpus.tags[t].label if t in corpus.tags else t for t in item.tags))
        )
    return facts


def marked(item: ItemBase, field_name: str, text: str) -> str:
    """A fact's text as every view shows it: followed by `(inferred)` when no quote states it.

    The one place the marker is added, so the app, `brief show` and every export agree.
    """
    if text and item.inference(field_name) is not None:
        return f"{text} {INFERRED_MARK}"
    return text


def inference_notes(item: ItemBase) -> list[str]:
    """One line per inferred fact with its reasoning, for exports without a list of facts."""
    return [f"Inferred {label.lower()}: {reason}" for label, reason in inferences(item)]


def inferences(item: ItemBase) -> list[tuple[str, str]]:
    """Each inferred fact's label and why it is inferred: `(Year, "… (from quotes 1, 2)")`."""
    labels = {fact.field: fact.label for fact in KIND_OF[item.kind].facts}
    lines = []
    for inference in item.inferred:
        numbers = ", ".join(str(n) for n in inference.rests_on)
        word = "quote" if len(inference.rests_on) == 1 else "quotes"
        label = labels.get(inference.field, inference.field)
        lines.append((label, f"{inference.reasoning} (from {word} {numbers})"))
    return lines


def _reading(reading: FactReading, value: Any, item: ItemBase, corpus: Corpus) -> str:
    """A fact's value in words (see `FactReading`)."""
    match reading:
        case "text":
            return str(value)
        case "date":
            return format_date(value)
        case "dates":
            return ", ".join(format_date(date) for date in value)
        case "item":
            return _title_of(value, corpus)
        case "set":
            return corpus.sets[value].title if value in corpus.sets else str(value)
        case "time":
            assert isinstance(item, Event)
            zone = item.timezone or corpus.info.timezone
            span = str(value) + (RANGE_DASH + item.end if item.end else "")
            return f"{span} ({zone})"
        case "amount":
            assert isinstance(item, Figure)
            return format_amount(item)
        case "listing":
            assert isinstance(item, Signatory)
            return f"{item.position}. {item.listed_as}"
        case "repeat":
            return f"entry {_title_of(value, corpus)} ({value})"
        case _:
            assert_never(reading)


def _title_of(item_id: str, corpus: Corpus) -> str:
    linked = corpus.get(item_id)
    return linked.title if linked is not None else item_id
