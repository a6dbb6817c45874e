"""Property tests: any valid pack saves and loads back equal; any pack exports without raising."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcase_tui.domain.export import render_pack
from briefcase_tui.domain.export.formats import format_names
from briefcase_tui.domain.packs.codec import decode_pack, encode_pack, has_comments
from briefcase_tui.domain.packs.models import PRIORITIES, Entry, Pack, Section
from briefcase_tui.domain.text import clean_user_text, one_line

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus

any_text = st.text(max_size=40)
"""Arbitrary Unicode: controls, surrogates, quotes, backslashes, newlines, markup, emoji."""
item_ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)


@st.composite
def entries(draw: st.DrawFn, ids: st.SearchStrategy[str] = item_ids) -> Entry:
    item = draw(st.none() | ids)
    note = draw(any_text)
    if item is None and not clean_user_text(note).strip():
        note = "note " + note  # a free-standing note needs words
    return Entry(
        item=item,
        note=note,
        priority=draw(st.none() | st.sampled_from(PRIORITIES)),
        tags=tuple(draw(st.lists(any_text.filter(lambda t: one_line(t) != ""), max_size=3))),
    )


@st.composite
def packs(draw: st.DrawFn, ids: st.SearchStrategy[str] = item_ids) -> Pack:
    title = draw(any_text)
    sections = []
    for _ in range(draw(st.integers(0, 3))):
        sections.append(
            Section(
                title="s" + draw(any_text),
                intro=draw(any_text),
                entries=tuple(draw(st.lists(entries(ids), max_size=4))),
            )
        )
    return Pack(
        title="t" + title,
        audience=draw(any_text),
        meeting=draw(any_text),
        date=draw(st.none() | st.dates()),
        author=draw(any_text),
        summary=draw(any_text),
        sections=tuple(sections),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_any_valid_pack_saves_and_loads_back_equal(pack: Pack) -> None:
    data = encode_pack(pack)
    assert b"\r" not in data
    assert not has_comments(data), "a # inside saved text is mistaken for a comment"
    assert decode_pack(data, "pack.toml") == pack
    assert encode_pack(decode_pack(data, "pack.toml")) == data


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_pack_exports_in_every_format_without_raising(
    corpus: Corpus, data: st.DataObject
) -> None:
    corpus_ids = st.sampled_from([item.id for item in corpus])
    pack = data.draw(packs(corpus_ids | item_ids))
    for format in format_names():
        first = render_pack(pack, corpus, format)
        assert first == render_pack(pack, corpus, format)
