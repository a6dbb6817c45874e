"""A search query as typed, read into words, quoted phrases and filters (`kind:person`).

Filters written in the query work the same in the app and in `brief search`, so a delegate
can type `tag:security day:2025-02-11 envoy` anywhere. A filter with a value the corpus does
not know is kept as a problem to show (with the closest values), never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefcase_tui.domain.corpus.filters import SearchFilters
from briefcase_tui.domain.text import fold, words

FILTER_KEYS = ("kind", "day", "tag", "source")
"""The filters a query may carry, written `key:value`."""
_FILTER = re.compile(r"(?<!\S)(kind|day|tag|source):(\S*)", re.IGNORECASE)
_PHRASE = re.compile(r'"([^"]*)"?')


@dataclass(frozen=True)
class FilterVocabulary:
    """The values each filter may take, and the labels that name tags."""

    kinds: frozenset[str]
    tags: dict[str, str]
    """Folded tag id or label → tag id."""
    sources: frozenset[str]


@dataclass(frozen=True)
class ParsedQuery:
    """What a query asks for: words to rank by, phrases that must appear, filters to apply."""

    text: str
    """The query without its filters and quotes: the words to rank by."""
    phrases: tuple[tuple[str, ...], ...] = ()
    """Each quoted phrase as folded words, in order."""
    filters: SearchFilters = field(default_factory=SearchFilters)
    problems: tuple[str, ...] = ()
    """One line per filter the corpus cannot satisfy (`unknown tag 'secu' ...`)."""


def parse_query(query: str, vocabulary: FilterVocabulary) -> ParsedQuery:
    """Split a query into ranking text, quoted phrases and filters."""
    kinds: set[str] = set()
    tags: set[str] = set()
    days: set[dt.date] = set()
    sources: set[str] = set()
    problems: list[str] = []
    for match in _FILTER.finditer(query):
        key, value = match[1].lower(), match[2]
        if not value:
            continue  # still being typed
        if key == "kind":
            _choose(fold(value), vocabulary.kinds, "kind", kinds, problems)
        elif key == "tag":
            tag = vocabulary.tags.get(fold(value).replace("-", " "))
            if tag is None:
                problems.append(_unknown("tag", value, sorted(set(vocabulary.tags.values()))))
            else:
                tags.add(tag)
        elif key == "source":
            _choose(fold(value), vocabulary.sources, "source", sources, problems)
        else:
            try:
                days.add(dt.date.fromisoformat(value))
            except ValueError:
                problems.append(f"day:{value} is not a date (write day:YYYY-MM-DD)")
    rest = _FILTER.sub(" ", query)
    phrases = tuple(
        tuple(found) for found in (words(m[1]) for m in _PHRASE.finditer(rest)) if len(found) > 1
    )
    filters = SearchFilters(frozenset(kinds), frozenset(tags), frozenset(days), frozenset(sources))
    return ParsedQuery(rest.replace('"', " "), phrases, filters, tuple(problems))


def merged(one: SearchFilters | None, other: SearchFilters) -> SearchFilters:
    """Both sets of filters at once: options from the command line and filters in the query."""
    if one is None:
        return other
    return SearchFilters(
        one.kinds | other.kinds, one.tags | other.tags, one.days | other.days,
        one.sources | other.sources,
    )  # fmt: skip


_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\b|\b([a-z]{3,9})\s+(\d{1,2})\b"
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def dates_in(query: str, years: tuple[int, ...]) -> frozenset[dt.date]:
    """Dates a query names (`11 February`, `Feb 11`, `2025-02-11`), so that day comes first.

    A date without a year is taken in each year the corpus's own dates fall in.
    """
    text = query.casefold()
    found: set[dt.date] = set()
    for match in _ISO_DATE.finditer(text):
        try:
            found.add(dt.date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            pass
    for match in _DAY_MONTH.finditer(text):
        day, month = (match[1], match[2]) if match[1] else (match[4], match[3])
        number = next((n for name, n in _MONTHS.items() if name.startswith(month)), None)
        if number is not None:
            for year in years:
                try:
                    found.add(dt.date(year, number, int(day)))
                except ValueError:
                    pass
    return frozenset(found)


def _choose(
    value: str, allowed: frozenset[str], name: str, into: set[str], problems: list[str]
) -> None:
    if value in allowed:
        into.add(value)
    else:
        problems.append(_unknown(name, value, sorted(allowed)))


def _unknown(name: str, value: str, allowed: Iterable[str]) -> str:
    """`unknown tag 'secrity' (did you mean 'security'?)`, or the list when nothing is close."""
    import difflib  # only a filter naming nothing known needs it

    choices = list(allowed)
    close = difflib.get_close_matches(fold(value), choices, n=1, cutoff=0.6)
    if close:
        return f"unknown {name} {value!r} (did you mean {name}:{close[0]}?)"
    shown = ", ".join(choices[:12]) + (", …" if len(choices) > 12 else "")
    return f"unknown {name} {value!r} (one of: {shown})"
