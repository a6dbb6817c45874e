"""The export's text shortcuts read any text exactly as the long way does.

A 50,000-entry export takes shortcuts for its commonest text: a heading repeated with a number
gets its anchor from the heading's own slug, and text already on one line skips the
substitution that joins lines. Any difference would change an export's bytes or break a link.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcase_tui.domain.export.brief import one_line
from briefcase_tui.domain.export.markdown_text import (
    escape_inline,
    heading_slug,
    numbered_heading_slug,
)

SPACES = re.compile(r"[ \t]+")
TEXT = st.text(
    alphabet=st.sampled_from(list(" \t\n\u00a0\u2003\x1c-_()[]#*`!.)1234567890aZéΣß—ǅİ·"))
    | st.characters(),
    max_size=40,
)


def the_long_way(text: str) -> str:
    return SPACES.sub(" ", text.replace("\n", " ")).strip()


@settings(max_examples=400)
@given(TEXT, st.integers(min_value=2, max_value=10**6))
def test_a_numbered_heading_gets_the_anchor_its_own_words_would_have(
    text: str, number: int
) -> None:
    heading = one_line(text)
    if heading:
        assert numbered_heading_slug(heading, number) == heading_slug(f"{heading} ({number})")


@settings(max_examples=400)
@given(TEXT)
def test_text_on_one_line_or_not_reads_as_the_full_substitution_makes_it(text: str) -> None:
    assert one_line(text) == the_long_way(text)
    assert escape_inline(text) == escape_inline(the_long_way(text))
