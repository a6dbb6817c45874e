"""Folding and cleaning take shortcuts for speed; they must give what the plain rule gives."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from briefcase_tui.domain.text import clean_text, fold, words

TRICKY = st.lists(
    st.one_of(
        st.characters(max_codepoint=0x3000),
        st.sampled_from(["\r\n", "\x1b[31m", "\x1b]0;title\x07", "\u202e", "\u2028", "é", "ﬁ"]),
    )
).map("".join)
"""Text with accents, ligatures, controls, escape sequences and bidi marks mixed in."""


def _fold_by_the_rule(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@given(TRICKY)
def test_fold_lower_cases_and_drops_every_accent_as_the_rule_says(text: str) -> None:
    expected = text.lower() if text.isascii() else _fold_by_the_rule(text)
    assert fold(text) == expected


def test_fold_finds_ecole_in_ecole_with_its_accent() -> None:
    assert fold("École Société ŒUVRE") == "ecole societe œuvre"


@given(TRICKY)
def test_clean_text_leaves_no_escape_control_or_bidi_character(text: str) -> None:
    cleaned = clean_text(text)
    assert "\x1b" not in cleaned and "\r\n" not in cleaned
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n" for ch in cleaned)
    assert not any(ch in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2028\u2029" for ch in cleaned)


def test_clean_text_returns_clean_text_unchanged() -> None:
    text = "Sommet pour l'action sur l'IA\n\tGrand Palais, 10 et 11 février"
    assert clean_text(text) is text


@given(TRICKY)
def test_words_are_the_runs_of_letters_and_digits_of_the_folded_text(text: str) -> None:
    assert words(text) == re.findall(r"[^\W_]+", fold(text))
