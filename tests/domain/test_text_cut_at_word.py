"""Cutting a title to a width: after a whole word, with an ellipsis, counted in terminal cells."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefcase_tui.domain.text import ELLIPSIS, cell_width, cut_at_word


def test_text_that_fits_is_left_alone() -> None:
    assert cut_at_word("IASEAI Conference at the OECD", 29) == "IASEAI Conference at the OECD"


def test_a_long_title_is_cut_after_a_word_with_an_ellipsis() -> None:
    assert cut_at_word("IASEAI Conference at the OECD", 20) == "IASEAI Conference…"
    assert cut_at_word("IASEAI Conference at the OECD", 10) == "IASEAI…"


def test_punctuation_before_the_cut_is_dropped() -> None:
    assert (
        cut_at_word("Government Officials Day: Heads of State", 26) == "Government Officials Day…"
    )


def test_a_first_word_longer_than_the_room_is_cut_inside_it() -> None:
    assert cut_at_word("Scientific conference", 8) == "Scienti…"


def test_wide_characters_count_two_cells() -> None:
    assert cut_at_word("日本語の会議 です", 7) == "日本語…"
    assert cell_width("日本語…") == 7


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))),
    st.integers(min_value=0, max_value=60),
)
def test_the_result_always_fits_and_starts_the_text(text: str, width: int) -> None:
    cut = cut_at_word(text, width)
    assert cell_width(cut) <= width
    assert text.startswith(cut.removesuffix(ELLIPSIS).rstrip()) or cut == text
