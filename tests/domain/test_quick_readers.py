"""The quick theme and settings readers agree with the pydantic models derived from the same
declarations on every file."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from briefcase_tui.domain.quick_read import quick_reader
from briefcase_tui.domain.schema import pydantic_model
from briefcase_tui.domain.settings import Settings
from briefcase_tui.domain.themes import COLOUR_FIELDS, ThemeSpec

read_theme = quick_reader(ThemeSpec)
read_settings = quick_reader(Settings)
ThemeFile = pydantic_model(ThemeSpec)
SettingsFile = pydantic_model(Settings)

odd = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=8),
    st.lists(st.text(max_size=3), max_size=2),
    st.sampled_from(["#fff\n", "#12345", "fff", "#GGGGGG", "a-b\n", "Dark", ""]),
)


odd_key = st.one_of(st.text(max_size=8), st.sampled_from(["a-b\n", "Search", "-x", ""]))
"""Odd dictionary keys: TOML keys are always strings, but any string."""


def usually(
    valid: st.SearchStrategy[Any], odd_values: st.SearchStrategy[Any] = odd
) -> st.SearchStrategy[Any]:
    """Mostly valid values, sometimes odd ones: the readers must agree on both."""
    return st.one_of(*[valid] * 8, odd_values)


colours = st.from_regex(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})", fullmatch=True)
themes = st.fixed_dictionaries(
    {
        "name": usually(st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)),
        "primary": usually(colours),
    },
    optional={
        "label": usually(st.text(max_size=10)),
        "dark": usually(st.booleans()),
        **{key: usually(colours) for key in COLOUR_FIELDS if key != "primary"},
        "variables": usually(
            st.dictionaries(st.text(max_size=6), usually(st.text(max_size=6)), max_size=3)
        ),
        "nmae": odd,
    },
)
settings_files = st.fixed_dictionaries(
    {},
    optional={
        "theme": usually(st.text(max_size=12)),
        "last_pack": usually(st.text(max_size=20)),
        "keys": usually(
            st.dictionaries(
                usually(
                    st.from_regex(r"[a-z0-9]{1,5}([-.][a-z0-9]{1,5}){0,2}", fullmatch=True), odd_key
                ),
                usually(st.text(min_size=1, max_size=10)),
                max_size=3,
            )
        ),
        "theem": odd,
    },
)


@settings(max_examples=500, deadline=None)
@given(themes)
def test_the_quick_theme_reader_accepts_exactly_what_the_theme_model_accepts(
    data: dict[str, Any],
) -> None:
    quick = read_theme(data)
    try:
        model = ThemeFile.model_validate(data)
    except ValidationError:
        assert quick is None, data
        return
    assert quick is not None, data
    assert asdict(quick) == model.model_dump()


@settings(max_examples=500, deadline=None)
@given(settings_files)
def test_the_quick_settings_reader_accepts_exactly_what_the_settings_model_accepts(
    data: dict[str, Any],
) -> None:
    quick = read_settings(data)
    try:
        model = SettingsFile.model_validate(data)
    except ValidationError:
        assert quick is None, data
        return
    assert quick is not None, data
    assert asdict(quick) == model.model_dump()
