"""Why a search hit matched, in words: the field and the words the query found in it."""

from __future__ import annotations

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.search import SearchHit, SearchIndex, SearchResult
from briefcase_tui.domain.corpus.search_fields import FIELD_LABELS, searchable_fields

SHOWN_WORDS = 5
"""At most this many matched words are named; the rest are summed up as `…`."""


def matched_words(text: str, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """The distinct words at these spans of a text, as written, in order."""
    return tuple(dict.fromkeys(text[start:end] for start, end in spans))


def explain_hit(
    hit: SearchHit, result: SearchResult, index: SearchIndex, corpus: Corpus
) -> tuple[str, tuple[str, ...]]:
    """A line saying why an item matched (`exact title`, `matched in summary: energy, IEA`),
    and the matched words of that field as written."""
    item = corpus.get(hit.id)
    if item is None:
        return "", ()
    text = searchable_fields(item, corpus)[hit.field]
    found = matched_words(text, index.highlights(text, result.terms))
    if not found and not hit.exact:
        return "", ()  # listed by its filters alone
    if hit.exact:
        lead = "exact match"
    elif hit.phrase:
        lead = f"phrase in {FIELD_LABELS[hit.field]}"
    else:
        lead = f"matched in {FIELD_LABELS[hit.field]}"
    shown = ", ".join(found[:SHOWN_WORDS]) + (", …" if len(found) > SHOWN_WORDS else "")
    return (f"{lead}: {shown}" if shown else lead), found
