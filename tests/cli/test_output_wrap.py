"""Wrapping takes a line that fits as it is, and gives exactly what textwrap gives for any text."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcase_tui.cli.output import wrap

text = st.text(
    st.sampled_from(["a", "b", " ", "\t", "\n", "\r", "\x0b", "\x0c", "\u3000", "\u2028", "é"])
    | st.characters(exclude_categories=["Cs"]),
    max_size=60,
)


def with_textwrap(paragraphs: str, indent: str, first: str, columns: int) -> list[str]:
    lines: list[str] = []
    lead = first
    for paragraph in paragraphs.split("\n"):
        wrapped = textwrap.wrap(
            paragraph,
            width=columns,
            initial_indent=lead,
            subsequent_indent=indent,
            break_long_words=True,
            break_on_hyphens=False,
        )
        lines.extend(wrapped or [lead.rstrip()])
        lead = indent
    return lines


@settings(max_examples=1000, deadline=None)
@given(text, st.sampled_from(["", "  ", "      "]), st.sampled_from(["", "   1. ", "Date:  "]),
       st.integers(20, 60))  # fmt: skip
def test_wrapping_any_text_gives_what_textwrap_gives(
    paragraphs: str, indent: str, first: str, columns: int
) -> None:
    assert wrap(paragraphs, indent, first, columns) == with_textwrap(
        paragraphs, indent, first, columns
    )
