"""Read the one layout Briefcase writes packs in, line by line, without a general TOML parser.

tomllib's time and memory follow a file's shape, so a file it reads is capped at 1 MiB
(`tomlio.MAX_TOML_BYTES`): far below a pack of 50,000 entries. The codec always writes the
same narrow layout (`codec.encode_pack`): `key = value` lines, `[[sections]]`-style headers,
blank lines between tables, basic strings with tomli-w's escapes, `\"\"\"` strings for text with
line breaks, arrays of strings one item a line. This reader accepts exactly that and gives
what tomllib gives for it (a property test holds the two together); anything else, a comment
or one extra space, makes it return None, and the file goes to tomllib within the old limits.
Its cost grows with the number of lines only, so packs may be larger (`MAX_PACK_BYTES`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefcase_tui.errors import BriefcaseError

MAX_PACK_BYTES = 16 * 1024 * 1024
"""The largest pack file read (and saved) in Briefcase's own layout: 50,000 entries with
notes take about 4 MiB. A file in any other layout keeps tomllib's 1 MiB limit."""

MAX_PACK_PIECES = 400_000
"""Keys, array items and tables a pack in Briefcase's layout may hold: the memory of what
it reads into follows their number (a 50,000-entry pack holds about 200,000)."""

_CHAR = r'[^"\\\x00-\x08\x0a-\x1f\x7f]'
"""A character a basic string holds as itself: not a quote, a backslash or a control but tab."""
_ESCAPE = r'\\(?:[btnfr"\\]|u[0-9a-fA-F]{4})'
_BODY = rf"{_CHAR}*+(?:{_ESCAPE}{_CHAR}*+)*+"
"""A string's body; possessive, so a 16 MiB line of escapes keeps no backtracking state
(`(?:char|escape)*` took 1.7 GB for one)."""
_KEY_LINE = re.compile(rf'([A-Za-z0-9_-]+) = (?:"({_CHAR}*)"|(.*))')
"""`key = value`; group 2 holds a plain string (the common case), group 3 any other value."""
_STRING = re.compile(rf'"({_BODY})"')
_BODY_LINE = re.compile(_BODY)
_CLOSING = re.compile(rf'({_BODY})"""')
_ITEM = re.compile(rf'    "({_BODY})",')
_INTEGER = re.compile(r"0|-?[1-9][0-9]{0,17}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_SIMPLE_ESCAPES = {"\\b": "\b", "\\t": "\t", "\\n": "\n", "\\f": "\f", "\\r": "\r", '\\"': '"'}
"""Escapes but `\\\\` and `\\u`: each replaced in text holding no escaped backslash."""

_HEADERS = {
    "[[conflicts]]": "conflicts",
    "[[sections]]": "sections",
    "[[sections.conflicts]]": "sections.conflicts",
    "[[sections.entries]]": "sections.entries",
    "[[sections.entries.conflicts]]": "sections.entries.conflicts",
}
_RESERVED: dict[str, frozenset[str]] = {
    "": frozenset({"sections", "conflicts"}),
    "sections": frozenset({"entries", "conflicts"}),
    "sections.entries": frozenset({"conflicts"}),
}
"""Keys a table may not hold as values because a header of the layout makes them arrays."""


class _NotLayout(Exception):
    """The text is not in Briefcase's layout: tomllib decides what it is."""


def read_pack_layout(text: str, path: Path | str | None = None) -> dict[str, Any] | None:
    """The document tomllib would read from `text`, or None when `text` is not in our layout.

    Raises a BriefcaseError naming `path` when the pack holds more than `MAX_PACK_PIECES`,
    having stopped reading there.
    """
    if "\r" in text:
        return None
    try:
        return _Reader(_lines(text), path).read()
    except _NotLayout:
        return None


_CHUNK = 256 * 1024
"""Characters split into lines at a time: a list of all the lines of a 16 MiB file of short
lines would take hundreds of megabytes."""


def _lines(text: str) -> Iterator[str]:
    """`text.split("\\n")`, a chunk at a time (a last empty line may be left out)."""
    start, length = 0, len(text)
    while start < length:
        end = text.find("\n", start + _CHUNK)
        if end < 0:
            end = length
        yield from text[start:end].split("\n")
        start = end + 1


class _Reader:
    """One pass over the lines, keys going into the table the last header opened."""

    def __init__(self, lines: Iterator[str], path: Path | str | None) -> None:
        self.lines = lines
        self.path = path
        self.pieces = 0

    def read(self) -> dict[str, Any]:
        root: dict[str, Any] = {}
        table, level = root, ""
        sections: list[dict[str, Any]] | None = None
        for line in self.lines:
            if not line:
                continue
            self.pieces += 1
            if self.pieces > MAX_PACK_PIECES:
                self._refuse()
            if line[0] == "[":
                level = _HEADERS.get(line, "?")
                table = {}
                if level == "sections":
                    sections = self._array(root, "sections")
                    sections.append(table)
                elif level == "conflicts":
                    self._array(root, "conflicts").append(table)
                elif sections is None:
                    raise _NotLayout  # also an unknown header
                elif level == "sections.entries":
                    self._array(sections[-1], "entries").append(table)
                elif level == "sections.conflicts":
                    self._array(sections[-1], "conflicts").append(table)
                else:
                    entries = sections[-1].get("entries")
                    if not entries:
                        raise _NotLayout
                    self._array(entries[-1], "conflicts").append(table)
                continue
            found = _KEY_LINE.fullmatch(line)
            if found is None:
                raise _NotLayout
            key = found.group(1)
            if key in table or key in _RESERVED.get(level, ()):
                raise _NotLayout
            plain = found.group(2)
            table[key] = plain if plain is not None else self._value(found.group(3))
        return root

    def _refuse(self) -> None:
        raise BriefcaseError(
            f"too many keys, values and tables (over {MAX_PACK_PIECES:,}); "
            "no pack needs so many: split it into smaller packs",
            self.path,
        )

    @staticmethod
    def _array(table: dict[str, Any], key: str) -> list[dict[str, Any]]:
        array = table.setdefault(key, [])
        if not isinstance(array, list):
            raise _NotLayout
        return array

    def _value(self, text: str) -> Any:
        """The value after `key = `: a string, a date, an integer, a boolean or a string array."""
        if text.startswith('"'):
            if text == '"""':
                return self._multiline("")
            return _basic(text)
        if text == "[]":
            return []
        if text == "[":
            return self._string_array()
        if text == "true":
            return True
        if text == "false":
            return False
        if _INTEGER.fullmatch(text):
            return int(text)
        if _DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise _NotLayout from None
        raise _NotLayout

    def _string_array(self) -> list[str]:
        """The items of an array opened by `[` at a line's end, up to the line `]`."""
        items: list[str] = []
        for line in self.lines:
            if line == "]":
                return items
            self.pieces += 1
            if self.pieces > MAX_PACK_PIECES:
                self._refuse()
            if line == '    """':
                items.append(self._multiline(","))
                continue
            found = _ITEM.fullmatch(line)
            if found is None:
                raise _NotLayout
            items.append(_unescape(found.group(1)))
        raise _NotLayout

    def _multiline(self, after: str) -> str:
        """A `\"\"\"` string opened at the end of the last line, closed by `\"\"\"` + `after`.

        Its lines are joined a few thousand at a time, so a long note of short lines never
        sits in memory as one string object per line.
        """
        done: list[str] = []
        lines: list[str] = []
        closing = '"""' + after
        for line in self.lines:
            if line.endswith(closing):
                found = _CLOSING.fullmatch(line, 0, len(line) - len(after))
                if found is not None:
                    lines.append(found.group(1))
                    done.append("\n".join(lines))
                    return _unescape("\n".join(done))
            if _BODY_LINE.fullmatch(line) is None:
                raise _NotLayout
            lines.append(line)
            if len(lines) >= 4096:
                done.append("\n".join(lines))
                lines = []
        raise _NotLayout


def _basic(text: str) -> str:
    found = _STRING.fullmatch(text)
    if found is None:
        raise _NotLayout
    return _unescape(found.group(1))


def _unescape(body: str) -> str:
    """A string body with its escapes replaced by what they stand for (the body is checked).

    Split at escaped backslashes first: in what is left, every backslash starts an escape,
    so each kind can be replaced on its own. A substitution per escape took 1.7 GB for a
    16 MiB note of `\\n`.
    """
    if "\\" not in body:
        return body
    return "\\".join(_unescape_part(part) for part in body.split("\\\\"))


def _unescape_part(part: str) -> str:
    if "\\" not in part:
        return part
    for escape, char in _SIMPLE_ESCAPES.items():
        if escape in part:
            part = part.replace(escape, char)
    if "\\u" in part:  # last: `\\u005c` gives a backslash no other escape may start with
        part = _UNICODE_ESCAPE.sub(_unicode, part)
    return part


def _unicode(found: re.Match[str]) -> str:
    point = int(found.group(1), 16)
    if 0xD800 <= point <= 0xDFFF:
        raise _NotLayout  # tomllib refuses a surrogate
    return chr(point)
