"""Text hygiene: what may reach a terminal or a document, and how search compares words."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]             # CSI: colours, cursor moves
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC: titles, hyperlinks, clipboard
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?       # DCS, SOS, PM, APC strings
    | \x1b.?                            # any other escape and the byte after it
    """,
    re.VERBOSE,
)
_UNSAFE_CHARS = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 and C1 controls except tab and newline
    "\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u2028\u2029"  # line and paragraph separators that some terminals honour
    "]"
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
"""`_WORD` on ASCII text (most folded text), which it reads in two thirds of the time."""
_SURROGATES = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def clean_text(text: str) -> str:
    """Remove escape sequences and control characters, keeping tab and newline.

    Data from files reaches the terminal and exported documents; an ESC sequence could
    recolour the screen, retitle the window or write the clipboard, and a bidi override
    could make text read differently from what it is. We strip them once, where text
    enters the program. CRLF becomes LF so a note reads the same on every platform.
    """
    if _UNSAFE_CHARS.search(text) is None:  # ESC and CR are among them: nothing to change
        return text
    text = text.replace("\r\n", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _UNSAFE_CHARS.sub("", text)


def clean_user_text(text: str) -> str:
    """`clean_text` for what people type: lone surrogates (which no file can hold) go too."""
    return _SURROGATES.sub("", clean_text(text))


def one_line(text: str) -> str:
    """Titles and tags live on one line: newlines inside become spaces, ends are trimmed."""
    return _LINE_BREAKS.sub(" ", clean_user_text(text)).strip()


def fold(text: str) -> str:
    """Lower-case and strip accents so `ecole` finds `École` and `TISNE` finds `Tisne`."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    # The accents are found among the text's distinct characters and dropped in one
    # `translate`: a loop over every character was a quarter of building the search index.
    marks = {ord(ch): None for ch in set(decomposed) if unicodedata.combining(ch)}
    return decomposed.translate(marks) if marks else decomposed


def words(text: str) -> list[str]:
    """The folded words of a text, in order: letters and digits, no punctuation."""
    folded = fold(text)
    return (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of each word of a text as written, to highlight matches."""
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


_STEMMERS: dict[str, Any] = {}


def _stemmer(language: str) -> Any:
    """Snowball's stemmer for a language, imported on first use (the import costs 35 ms)."""
    found = _STEMMERS.get(language)
    if found is None:
        import snowballstemmer  # type: ignore[import-untyped]  # ships no type hints

        found = _STEMMERS[language] = snowballstemmer.stemmer(language)
    return found


def stem(word: str) -> str:
    """The English Snowball stem of a folded word: `regulating` and `regulation` meet at `regul`.

    Numbers and words of up to three letters stay as they are, so `ai` is never `ai` cut short.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    return str(_stemmer("english").stemWord(word))


def stem_french(word: str) -> str:
    """The French Snowball stem of a folded word: `observatoires` and `observatoire` meet."""
    if len(word) <= 3 or word.isdigit():
        return word
    return str(_stemmer("french").stemWord(word))


ELLIPSIS = "…"
"""Marks text that was cut to fit."""


def cell_width(text: str) -> int:
    """Terminal cells the text takes: wide East Asian characters take two, combining marks none.

    ASCII text takes a cell a character; other text is summed from a cache of each
    character's cells (the agenda measures every row as it is drawn).
    """
    if text.isascii():
        return len(text)
    return sum(map(_cells_of, text))


@functools.cache
def _cells_of(ch: str) -> int:
    """One character's terminal cells."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cut_at_word(text: str, width: int) -> str:
    """The text in at most `width` cells, cut after a whole word, ending in "…" when it is longer.

    A title cut mid-word ("IASEAI Confe") reads as a different word; cut at a word
    ("IASEAI Conference…") it reads as the start of the title. Trailing punctuation is
    dropped before the ellipsis. Only when the first word alone is too long is it cut
    inside the word, so there is always something to recognise.
    """
    if cell_width(text) <= width:
        return text
    if width <= 0:
        return ""
    room = width - cell_width(ELLIPSIS)
    kept = ""
    for ch in text:
        if cell_width(kept + ch) > room:
            break
        kept += ch
    at_word_end = kept[-1:].isspace() or text[len(kept) : len(kept) + 1].isspace()
    if not at_word_end:
        space = kept.rfind(" ")
        if space > 0:
            kept = kept[:space]
    kept = kept.rstrip(" ,;:·-\u2013\u2014/")  # spaces, punctuation, hyphen, en and em dashes
    return kept + ELLIPSIS if kept else ELLIPSIS[:width]
