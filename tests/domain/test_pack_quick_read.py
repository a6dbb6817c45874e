"""The quick pack reader, built from the pack models, agrees with pydantic on all it accepts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.quick_read import quick_reader

read_pack_quickly = quick_reader(Pack)

scalars = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["must", "should", "optional", "tech7-p2", "a-b", "", " ", "\x1b[1m"]),
    st.integers(-1, 3),
    st.booleans(),
    st.none(),
    st.dates(),
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 1, 1)),
)


def mostly(valid: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """Usually a valid value, sometimes anything at all: the reader must tell them apart."""
    return st.one_of(valid, valid, valid, valid, scalars)


words = st.text(max_size=12)


def pack_dicts(
    field: Callable[[st.SearchStrategy[object]], st.SearchStrategy[object]],
) -> st.SearchStrategy[dict[str, object]]:
    """Raw pack tables whose every value goes through `field`: as is, or sometimes spoiled."""
    entries = st.fixed_dictionaries(
        {},
        optional={
            "item": field(st.sampled_from(["tech7-p2", "a-b", "x1"])),
            "note": field(words),
            "priority": field(st.sampled_from(["must", "should", "optional"])),
            "tags": field(st.lists(field(words), max_size=3)),
        },
    )
    sections = st.fixed_dictionaries(
        {"title": field(words)},
        optional={
            "intro": field(words),
            "entries": field(st.lists(field(entries), max_size=3)),
        },
    )
    return st.fixed_dictionaries(
        {"title": field(words)},
        optional={
            "format": field(st.just(1)),
            "audience": field(words),
            "meeting": field(words),
            "date": field(st.dates()),
            "author": field(words),
            "summary": field(words),
            "sections": field(st.lists(field(sections), max_size=3)),
        },
    )


def spoiled(valid: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """Usually the valid value; now and then a wrong type, a bad id, an unknown word."""
    bad = st.one_of(
        scalars,
        st.sampled_from(["Bad Id", "-x", "a" * 81, "high", "a-b\n", "x\n"]),
        st.just({"titel": "x"}),
    )
    return st.one_of(*[valid] * 12, bad)


packs = st.one_of(pack_dicts(lambda s: s), pack_dicts(spoiled))


@settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(packs)
def test_whatever_the_quick_reader_accepts_pydantic_accepts_to_the_same_pack(
    raw: dict[str, object],
) -> None:
    quick = read_pack_quickly(raw)
    if quick is None:
        return
    try:
        validated = Pack.model_validate(raw)
    except ValidationError as error:
        raise AssertionError(f"the quick reader accepted what pydantic refuses: {error}") from None
    assert quick == validated
    assert quick.model_dump() == validated.model_dump()


def test_the_quick_reader_accepts_the_example_packs() -> None:
    import tomllib
    from pathlib import Path

    for path in (Path(__file__).resolve().parents[2] / "briefs").glob("*.toml"):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        assert read_pack_quickly(raw) == Pack.model_validate(raw), path.name
