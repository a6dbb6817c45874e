"""The layout reader gives exactly what tomllib gives, for every file it accepts.

Packs of 50,000 entries are read by `layout.read_pack_layout`, a line reader for the one
layout the codec writes. It must never read a file differently from tomllib: these tests
write packs with every awkward string through the real writer and compare, then feed it
near misses (a comment, one space too many, a TOML feature the writer never uses) that it
must either refuse (None, so tomllib decides) or read exactly as tomllib does.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcase_tui.domain.packs.codec import decode_pack, encode_pack
from briefcase_tui.domain.packs.layout import read_pack_layout
from briefcase_tui.domain.packs.models import Conflict, Entry, Pack, Section
from tests.domain.test_pack_roundtrip import packs

awkward = st.lists(
    st.sampled_from(
        [
            *['"', '""', '"""', "\\", "\\n", "\n", "\r", "\r\n", "\t", "\x00", "\x1f", "\x7f"],
            *["\b", "\f", "\u2028", "\x85", "\x0b", "\x1c", "é", "𝄞", "#", "=", "[[x]]", "a", " "],
        ]
    )
    | st.characters(exclude_categories=["Cs"]),  # a pack holds no lone surrogate
    max_size=12,
).map("".join)
"""Strings the models would clean, handed straight to the writer: it must cope with any."""


def same_as_tomllib(text: str) -> None:
    """The reader refuses `text` or reads exactly what tomllib reads, types and order alike."""
    read = read_pack_layout(text)
    try:
        expected: dict[str, Any] | None = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        expected = None
    if read is None:
        return
    assert expected is not None, f"read what tomllib refuses: {text!r}"
    assert read == expected
    assert repr(read) == repr(expected)  # True is not 1, and keys keep their order


@st.composite
def conflicts(draw: st.DrawFn) -> tuple[Conflict, ...]:
    made = []
    for _ in range(draw(st.integers(0, 2))):
        if draw(st.booleans()):
            order = st.lists(awkward, min_size=1, max_size=3)
            made.append(
                Conflict.model_construct(
                    field="order",
                    ours="",
                    theirs="",
                    ours_order=tuple(draw(order)),
                    theirs_order=tuple(draw(order)),
                )
            )
        else:
            made.append(
                Conflict.model_construct(
                    field="note",
                    ours=draw(awkward),
                    theirs=draw(awkward),
                    ours_order=(),
                    theirs_order=(),
                )
            )
    return tuple(made)


@st.composite
def awkward_packs(draw: st.DrawFn) -> Pack:
    """Packs built below the models' cleaning, with merge conflicts at every level."""
    sections = []
    for _ in range(draw(st.integers(0, 3))):
        entries = tuple(
            Entry.model_construct(
                item=draw(st.none() | st.just("item-1")),
                note=draw(awkward),
                priority=draw(st.none() | st.sampled_from(["must", "optional"])),
                tags=tuple(draw(st.lists(awkward, max_size=3))),
                fingerprint=draw(st.sampled_from(["", "0123456789abcdef"])),
                conflicts=draw(conflicts()),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        sections.append(
            Section.model_construct(
                title=draw(awkward),
                intro=draw(awkward),
                conflicts=draw(conflicts()),
                entries=entries,
            )
        )
    return Pack.model_construct(
        format=draw(st.integers(0, 10**17)),
        title=draw(awkward),
        audience=draw(awkward),
        meeting="",
        date=draw(st.none() | st.dates()),
        author="",
        summary=draw(awkward),
        corpus_version=draw(awkward),
        conflicts=draw(conflicts()),
        sections=tuple(sections),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(awkward_packs())
def test_every_pack_the_writer_writes_is_read_exactly_as_tomllib_reads_it(pack: Pack) -> None:
    text = encode_pack(pack).decode("utf-8")
    read = read_pack_layout(text)
    assert read is not None, "the reader refused what the writer wrote"
    assert repr(read) == repr(tomllib.loads(text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_any_valid_pack_is_read_by_the_layout_reader_and_loads_back_equal(pack: Pack) -> None:
    text = encode_pack(pack).decode("utf-8")
    assert read_pack_layout(text) is not None
    assert decode_pack(text.encode(), "pack.toml") == pack


NEAR_MISSES = [
    "",
    "\n\n",
    'title = "a" # a comment\n',
    "# a comment\ntitle = 'a'\n",
    'title="a"\n',
    'title  = "a"\n',
    ' title = "a"\n',
    'title = "a" \n',
    'title = "a"\r\n',
    "title = 'a'\n",
    "title = '''a'''\n",
    'title = """a"""\n',
    'title = """\na""""\n',
    'title = """\na\\"""""\n',
    'title = """\na\\\n  b"""\n',
    'title = """\n"a"\n"""\n',
    'title = """\na\n',
    'title = "a\\eb"\n',
    'title = "a\\x41"\n',
    'title = "\\U0001F600"\n',
    'title = "\\ud800"\n',
    'title = "\\u00e9\\u0000\\u007F"\n',
    'title = "a\\qb"\n',
    'title = "\\u005cn\\\\n\\\\\\n\\u005C\\u0022"\n',
    'title = "a\x01b"\n',
    'title = "a\x7fb"\n',
    'title = "a\tb"\n',
    'title = "a\u2028b\x85c"\n',
    'title = "a"\ntitle = "b"\n',
    'a.b = "c"\n',
    '"title" = "a"\n',
    'title = {a = "b"}\n',
    'title = ["a", "b"]\n',
    'tags = [\n    "a",\n]\n',
    'tags = [\n  "a",\n]\n',
    'tags = [\n    "a"\n]\n',
    'tags = [\n    "a",\n',
    "tags = [\n    1,\n]\n",
    'tags = [\n    """\na\nb""",\n]\n',
    'tags = [\n    """\na\nb"""\n]\n',
    "format = 1\n",
    "format = -0\n",
    "format = +1\n",
    "format = 01\n",
    "format = 1_000\n",
    "format = 123456789012345678\n",
    "format = 1234567890123456789012\n",
    "format = 0x10\n",
    "format = 1.5\n",
    "flag = true\nother = false\n",
    "flag = True\n",
    "date = 2025-02-10\n",
    "date = 2025-02-30\n",
    "date = 2025-2-10\n",
    "date = 2025-02-10T10:00:00\n",
    "date = \uff12\uff10\uff12\uff15-02-10\n",  # fullwidth digits
    '[[sections]]\ntitle = "a"\n',
    '[[ sections ]]\ntitle = "a"\n',
    '[sections]\ntitle = "a"\n',
    '[[sections.entries]]\nitem = "a"\n[[sections]]\ntitle = "b"\n',
    '[[sections]]\n[[sections.entries.conflicts]]\nfield = "note"\n',
    'sections = []\n[[sections]]\ntitle = "a"\n',
    'conflicts = "x"\n[[conflicts]]\nfield = "order"\n',
    '[[sections]]\nentries = 1\n[[sections.entries]]\nitem = "a"\n',
    "[[sections]]\n[[sections.entries]]\nconflicts = 1\n[[sections.entries.conflicts]]\n",
    '[[sections]]\ntitle = "a"\n[[sections.entries]]\nitem = "x"\n[[sections.conflicts]]\n'
    'field = "title"\n[[sections.entries]]\nitem = "y"\n[[sections.entries.conflicts]]\n'
    'field = "note"\n[[conflicts]]\nfield = "order"\n',
    '[[sections]]\ntitle = "a"\ntitle = "b"\n',
    '[[unknown]]\na = "b"\n',
    '[[sections]]\n\n\n[[sections.entries]]\n\nitem = "x"\n',
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_is_refused_or_read_exactly_as_tomllib_reads_it(text: str) -> None:
    same_as_tomllib(text)


def test_the_near_misses_that_are_our_layout_are_read_and_the_others_refused() -> None:
    accepted = {text for text in NEAR_MISSES if read_pack_layout(text) is not None}
    assert 'tags = [\n    """\na\nb""",\n]\n' in accepted
    assert "date = 2025-02-10\n" in accepted
    assert 'title = "\\u005cn\\\\n\\\\\\n\\u005C\\u0022"\n' in accepted
    assert "format = 1\n" in accepted
    for refused in ('title = "a" # a comment\n', 'title = "a"\r\n', 'a.b = "c"\n'):
        assert refused not in accepted


LINES = st.sampled_from(
    [
        "",
        "[[sections]]",
        "[[sections.entries]]",
        "[[sections.conflicts]]",
        "[[sections.entries.conflicts]]",
        "[[conflicts]]",
        'title = "a"',
        'note = "b\\"c\\\\"',
        'note = "\\u0001"',
        "item = 'x'",
        'note = """',
        "text",
        'text\\"',
        'end"""',
        'end""""',
        'end\\""""',
        '""",',
        "tags = [",
        "tags = []",
        '    "t",',
        '    """',
        "]",
        "format = 1",
        "flag = true",
        "date = 2025-02-10",
        "sections = 1",
        "entries = 1",
        "conflicts = 1",
        "# comment",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(LINES, max_size=14))
def test_any_arrangement_of_layout_lines_is_refused_or_read_as_tomllib_reads_it(
    lines: list[str],
) -> None:
    same_as_tomllib("\n".join(lines) + "\n")
    same_as_tomllib("\n".join(lines))


def test_a_date_and_an_integer_keep_their_types() -> None:
    read = read_pack_layout("format = 1\ndate = 2025-02-10\n")
    assert read == {"format": 1, "date": dt.date(2025, 2, 10)}
    assert type(read["format"]) is int
