"""Saving writes the very bytes tomli-w wrote, and comments are found as a TOML scan finds them.

The codec writes and scans packs with its own quick code; these properties pin it to the
slow, obviously right way: any pack saves byte for byte as tomli-w would save it, and
`has_comments` agrees with a character-by-character scan on any text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcase_tui.domain.packs.codec import encode_pack, has_comments
from briefcase_tui.domain.packs.models import FORMAT_VERSION, Entry, Pack, Section
from tests.domain.test_pack_roundtrip import packs


def fields(record: Pack | Section | Entry, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in type(record).model_fields:
        value = getattr(record, name)
        if name in skip or value is None or value == "" or value == ():
            continue
        data[name] = list(value) if isinstance(value, tuple) else value
    return data


def with_tomli_w(pack: Pack) -> bytes:
    """A pack as the codec wrote it with tomli-w, one table at a time."""

    def dump(table: dict[str, Any]) -> str:
        return tomli_w.dumps(table, multiline_strings=True)

    chunks = [dump({"format": FORMAT_VERSION, **fields(pack, skip=("format", "sections"))})]
    for section in pack.sections:
        chunks.append("[[sections]]\n" + dump(fields(section, skip=("entries",))))
        chunks += ["[[sections.entries]]\n" + dump(fields(entry)) for entry in section.entries]
    return "\n".join(chunks).encode("utf-8")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_any_pack_saves_byte_for_byte_as_tomli_w_writes_it(pack: Pack) -> None:
    assert encode_pack(pack) == with_tomli_w(pack)


awkward_text = st.text(
    st.sampled_from(['"', "\\", "\n", "\r", "\t", "\x00", "\x1f", "\x7f", "\b", "é", "a", " "])
    | st.characters(exclude_categories=["Cs"]),  # the models remove lone surrogates
    max_size=30,
)


@settings(max_examples=1000, deadline=None)
@given(awkward_text, st.lists(awkward_text, max_size=3), st.dates())
def test_awkward_strings_save_byte_for_byte_as_tomli_w_writes_them(
    text: str, tags: list[str], date: dt.date
) -> None:
    # Below the models' cleaning: the writer must be right for any string it is handed.
    pack = Pack.model_construct(
        title="t",
        summary=text,
        date=date,
        sections=(
            Section.model_construct(
                title="s", intro=text, entries=(Entry.model_construct(note=text, tags=tags),)
            ),
        ),
    )
    assert encode_pack(pack) == with_tomli_w(pack)


def scanned_for_comments(text: str) -> bool:
    """The reference: step through the text as TOML reads it, one character at a time."""
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == "#":
            return True
        if text.startswith('"""', index) or text.startswith("'''", index):
            fence = text[index : index + 3]
            index += 3
            while index < length and not text.startswith(fence, index):
                index += 2 if fence == '"""' and text[index] == "\\" else 1
            index += 3
            continue
        if char in "\"'":
            index += 1
            while index < length and text[index] not in (char, "\n"):
                index += 2 if char == '"' and text[index] == "\\" else 1
        index += 1
    return False


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from(["#", '"', "'", "\\", "\n", "a", " ", "="]), max_size=40))
def test_comments_are_found_exactly_where_a_toml_scan_finds_them(text: str) -> None:
    assert has_comments(text.encode()) is scanned_for_comments(text)
