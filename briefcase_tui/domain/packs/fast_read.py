"""A quick reader for well-formed packs that skips building pydantic's validators.

Building the validators of Pack, Section and Entry costs about 18 ms, once per process:
more than reading, checking and exporting a pack takes. `brief export` runs once per
pack in scripts, so a well-formed pack is checked here by plain Python against exactly
the rules of `models.py`, and the models are built with `model_construct`. Anything this
reader is not sure about returns None, and the caller validates with pydantic, which
also words the error. A property test checks that whatever this accepts, pydantic accepts
to the same value.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefcase_tui.domain.packs.models import PACK_FIELDS, PRIORITIES, Entry, Pack, Section
from briefcase_tui.domain.text import clean_user_text, one_line

_ITEM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PACK_KEYS = frozenset(PACK_FIELDS["pack"])
_SECTION_KEYS = frozenset(PACK_FIELDS["section"])
_ENTRY_KEYS = frozenset(PACK_FIELDS["entry"])


def read_pack_quickly(raw: dict[str, Any]) -> Pack | None:
    """The pack these parsed TOML values describe, or None when pydantic must judge them."""
    if not raw.keys() <= _PACK_KEYS:
        return None
    version = raw.get("format", 1)
    if type(version) is not int or version < 1:
        return None
    title = _line(raw.get("title"), required=True)
    audience, meeting, author = (
        _line(raw.get(name, "")) for name in ("audience", "meeting", "author")
    )
    summary = _text(raw.get("summary", ""))
    date = raw.get("date")
    if date is not None and (type(date) is not dt.date):
        return None
    sections_raw = raw.get("sections", [])
    if None in (title, summary, audience, meeting, author) or type(sections_raw) is not list:
        return None
    sections = []
    for section_raw in sections_raw:
        section = _section(section_raw)
        if section is None:
            return None
        sections.append(section)
    return Pack.model_construct(
        format=version,
        title=title,
        audience=audience,
        meeting=meeting,
        date=date,
        author=author,
        summary=summary,
        sections=tuple(sections),
    )


def _section(raw: Any) -> Section | None:
    if type(raw) is not dict or not raw.keys() <= _SECTION_KEYS:
        return None
    title = _line(raw.get("title"), required=True)
    intro = _text(raw.get("intro", ""))
    entries_raw = raw.get("entries", [])
    if title is None or intro is None or type(entries_raw) is not list:
        return None
    entries = []
    for entry_raw in entries_raw:
        entry = _entry(entry_raw)
        if entry is None:
            return None
        entries.append(entry)
    return Section.model_construct(title=title, intro=intro, entries=tuple(entries))


def _entry(raw: Any) -> Entry | None:
    if type(raw) is not dict or not raw.keys() <= _ENTRY_KEYS:
        return None
    item = raw.get("item")
    if item is not None and (
        type(item) is not str or len(item) > 80 or not _ITEM_ID.fullmatch(item)
    ):
        return None
    note = _text(raw.get("note", ""))
    priority = raw.get("priority")
    if note is None or (
        priority is not None and (type(priority) is not str or priority not in PRIORITIES)
    ):
        return None
    if item is None and not note.strip():
        return None
    tags_raw = raw.get("tags", [])
    if type(tags_raw) is not list:
        return None
    tags = [_line(tag, required=True) for tag in tags_raw]
    if None in tags:
        return None
    return Entry.model_construct(
        item=item, note=note, priority=priority, tags=tuple(dict.fromkeys(tags))
    )


def _line(value: Any, required: bool = False) -> str | None:
    if type(value) is not str:
        return None
    line = one_line(value)
    return None if required and not line else line


def _text(value: Any) -> str | None:
    return clean_user_text(value) if type(value) is str else None
