"""Putting untrusted text into Markdown so it reads as itself, and giving headings unique anchors.

Corpus quotes, titles and users' notes may contain anything: `#` at the start of a line,
`|` inside a table cell, backticks that open a fence, `<script>`, `[a](javascript:...)`.
Every such character is backslash-escaped (CommonMark lets any ASCII punctuation be
escaped), so the text can neither add structure to the document nor inject HTML or links.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_INLINE_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>#|~&!{}"})
_ANY_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~&!{}]")
"""Whether a line has anything to escape: most have not, and `str.translate` costs about
0.1 us a character on text beyond Latin-1 (6.7 us for a 70-character title with a dash)."""
_ORDERED_MARKER = re.compile(r"^(\d+)([.)])")
_SPACES = re.compile(r"[ \t]+")


@lru_cache(maxsize=65536)
def escape_inline(text: str) -> str:
    """One line of text, escaped for any inline position (headings, table cells, list items).

    Cached: an export repeats the same corpus text (facts, sources, caveats) many times, and
    each heading three times (contents, table, section): large enough for 50,000 headings,
    whose Markdown then took 13 % less time than with room for 8,192.
    """
    line = text
    if "\n" in line or "\t" in line or "  " in line:  # rare: see `brief.one_line`
        line = _SPACES.sub(" ", line.replace("\n", " "))
    line = line.strip()
    if _ANY_SPECIAL.search(line) is not None:
        line = line.translate(_INLINE_SPECIAL)
    return _escape_line_start(line)


def _escape_line_start(line: str) -> str:
    """Escape what would turn a line into a list item, setext underline, quote or numbered item."""
    ordered = _ORDERED_MARKER.match(line)
    if ordered:
        return f"{ordered.group(1)}\\{ordered.group(2)}{line[ordered.end() :]}"
    if line[:1] in ("-", "+", "="):
        return "\\" + line
    return line


class Anchors:
    """GitHub-style heading anchors, unique within one document (`summary`, `summary-1`, ...)."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def add(self, heading: str) -> str:
        """The anchor for the next heading with this text."""
        return self.add_slug(heading_slug(heading))

    def add_slug(self, base: str) -> str:
        """The anchor for the next heading whose slug is `base`."""
        count = self._seen.get(base)
        if count is None:
            self._seen[base] = 0
            candidate = base
        else:
            while True:
                count += 1
                candidate = f"{base}-{count}"
                if candidate not in self._seen:
                    break
            self._seen[base] = count
        self._seen.setdefault(candidate, 0)
        return candidate


def heading_slug(heading: str) -> str:
    """Lower-case, keep letters, digits, spaces, hyphens and underscores, spaces become hyphens."""
    return _slug_kept(heading) or "section"


def numbered_heading_slug(heading: str, number: int) -> str:
    """`heading_slug(f"{heading} ({number})")` for a non-empty heading with no space at either
    end, from the heading's own slug: a 50,000-entry pack numbers its repeated titles tens of
    thousands of times, and each would be slugged afresh.

    The slug keeps or drops each character on its own, so the words ` (2)` only add `-2`.
    """
    return f"{_slug_kept(heading)}-{number}"


@lru_cache(maxsize=8192)
def _slug_kept(heading: str) -> str:
    """A heading's slug, empty when no character of it is kept."""
    words = " ".join(heading.split()).lower()
    if words.isascii():  # the common case, without a look-up per character
        kept = _NOT_ASCII_SLUG.sub("", words)
    else:
        kept = "".join(
            ch for ch in words if ch in " -_" or unicodedata.category(ch)[0] in ("L", "N")
        )
    return kept.replace(" ", "-")


_NOT_ASCII_SLUG = re.compile("[^a-z0-9 _-]")
"""What a slug drops from ASCII text: its only letters and digits are these."""
