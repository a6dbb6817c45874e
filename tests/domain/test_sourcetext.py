"""Quotes and locators against a source text: the folding rules, and how locators count."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefcase_tui.domain.corpus.sourcetext import Passage, Section, SourceText

UNITS = ("no.", "bullet", "paragraph")
TEXT = """Title of the paper

Opening

The paper opens with a **bold** claim about AI.
It goes on without a blank line.

Statement

1. Participants gathered in Paris on 10 and 11 February.

In line with the pact, we identified priorities:

  • Promoting access;
  • Ensuring safety, and
    trust across borders.

To deliver on these priorities:

  • Founding members

     Kenya, France
    have launched a platform.
2. We look forward to the next summit.

Signatories:

1. Armenia

2. Estonia

3. Estonia
"""
SECTIONS = (Section("Opening", 3), Section("Statement", 8), Section("Signatories", 26))
SOURCE = SourceText(TEXT, SECTIONS)


def test_a_quote_is_found_only_under_the_folding_rules() -> None:
    assert SOURCE.find("a bold claim about AI.") == Passage(5, 5)
    assert SOURCE.find("about AI. It goes on") == Passage(5, 6)
    assert SOURCE.find("A bold claim") is None
    assert SOURCE.find("Ensuring safety, and trust across borders.") == Passage(15, 16)
    assert SOURCE.find("Participants gathered … 11 February") == Passage(10, 10)
    assert SOURCE.find("11 February … Participants gathered") is None


def test_locators_count_sections_entries_bullets_and_paragraphs() -> None:
    assert SOURCE.resolve("Statement, no. 1, paragraph 2", UNITS) == Passage(12, 12)
    assert SOURCE.resolve("Statement, no. 1, bullet 2", UNITS) == Passage(15, 16)
    assert SOURCE.resolve("Statement, no. 1, bullet 3, paragraphs 2-3", UNITS) == Passage(22, 23)
    assert SOURCE.resolve("Statement, no. 2", UNITS) == Passage(24, 24)
    assert SOURCE.resolve("Signatories, no. 3", UNITS) == Passage(32, 32)
    assert SOURCE.resolve("Opening, paragraph 2", UNITS) == Passage(6, 6)


def test_a_locator_that_names_nothing_says_why() -> None:
    assert "the passage has 3 nos." in str(SOURCE.resolve("Signatories, no. 4", UNITS))
    assert "neither a section" in str(SOURCE.resolve("Annex, no. 1", UNITS))
    assert "do not count bullets" in str(SOURCE.resolve("Statement, bullet 1", ("paragraph",)))


def test_a_repeated_entry_is_told_apart_by_its_locator() -> None:
    second = SOURCE.resolve("Signatories, no. 2", UNITS)
    third = SOURCE.resolve("Signatories, no. 3", UNITS)
    assert isinstance(second, Passage) and isinstance(third, Passage)
    assert SOURCE.find("3. Estonia", second) is None
    assert SOURCE.find("3. Estonia", third) == Passage(32, 32)


@st.composite
def _spans(draw: st.DrawFn) -> str:
    """A run of words of one stretch of the text, as a quote would take it."""
    words = SOURCE.folded.split(" ")
    start = draw(st.integers(0, len(words) - 1))
    length = draw(st.integers(1, 12))
    return " ".join(words[start : start + length])


@given(_spans())
def test_every_span_of_the_text_is_found_and_its_own_locator_holds_it(quote: str) -> None:
    where = SOURCE.find(quote)
    assert where is not None
    locator = SOURCE.locate(where, UNITS)
    passage = SOURCE.resolve(locator, UNITS) if locator else Passage(1, len(SOURCE.lines))
    assert isinstance(passage, Passage), passage
    assert SOURCE.find(quote, passage) is not None


@given(_spans(), st.sampled_from(["x", "\u2019", "'", "Q"]))
def test_a_span_changed_by_one_character_is_not_found(quote: str, extra: str) -> None:
    changed = quote + extra
    assert SOURCE.find(changed) is None or changed in SOURCE.folded
