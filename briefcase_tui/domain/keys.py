"""Key names as the settings' `[keys]` table writes them, checked without a terminal library.

A remap such as `search = "ctrl+shift+banana+++"` names no key Textual could ever send, so
it would silently never fire; it is reported with its id and the nearest form that works
instead. The names follow Textual 8's: modifiers joined by `+`, then a key that is a letter
or digit, a named key (`up`, `pagedown`, `f12`...), a punctuation name (`slash`,
`question_mark`) or one printable character, which Textual turns into its name.
"""

from __future__ import annotations

import difflib
import string
import unicodedata
from collections.abc import Mapping

MODIFIERS = ("ctrl", "alt", "shift", "meta", "super", "hyper")
"""Textual's modifier names, as it reports them in a key's name."""

NAMED_KEYS = frozenset(
    [
        *("up", "down", "left", "right", "home", "end", "pageup", "pagedown"),
        *("insert", "delete", "backspace", "tab", "enter", "escape", "space"),
        *(f"f{number}" for number in range(1, 25)),
    ]
)
"""Keys without a character of their own, spelled as Textual spells them."""

_TEXTUAL_RENAMES = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
"""Where Textual shortens a character's Unicode name (textual.keys.KEY_NAME_REPLACEMENTS)."""


def character_key_name(character: str) -> str:
    """The name Textual gives the key of one character: `?` is `question_mark`, `a` is `a`."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return character
    return _TEXTUAL_RENAMES.get(name, name)


PUNCTUATION_KEYS = frozenset(character_key_name(c) for c in string.punctuation)
"""`slash`, `question_mark`, `full_stop`... one for each ASCII punctuation character."""

KEY_NAMES = frozenset([*string.ascii_letters, *string.digits, *NAMED_KEYS, *PUNCTUATION_KEYS])
"""Every key name a remap may end with (one printable character is allowed too)."""


def key_problem(keys: str) -> str | None:
    """Why a remap's keys (one key, or several separated by commas) cannot work; None if they can.

    The answer quotes the keys and ends with the nearest valid form, ready to copy.
    """
    if all(_is_key(key.strip()) for key in keys.split(",")):
        return None
    nearest = ",".join(_nearest(key.strip()) for key in keys.split(",") if key.strip())
    return f"{keys!r} is not a key (nearest valid form: {nearest or 'f2'!r})"


def remap_problems(remaps: Mapping[str, str]) -> dict[str, str]:
    """The remaps whose keys cannot work, by binding id, each with its problem."""
    problems = {}
    for binding_id, keys in sorted(remaps.items()):
        problem = key_problem(keys)
        if problem is not None:
            problems[binding_id] = problem
    return problems


def usable_remaps(remaps: Mapping[str, str]) -> dict[str, str]:
    """The remaps whose keys can work: a bad one is left out, so the built-in key stays."""
    return {binding_id: keys for binding_id, keys in remaps.items() if key_problem(keys) is None}


def _is_key(key: str) -> bool:
    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    *modifiers, name = key.split("+")
    return (
        name in KEY_NAMES
        and all(modifier in MODIFIERS for modifier in modifiers)
        and len(set(modifiers)) == len(modifiers)
    )


def _nearest(key: str) -> str:
    """The closest key that works: known modifiers kept in order, the last word matched."""
    if _is_key(key):
        return key
    parts = [part.strip().lower() for part in key.split("+") if part.strip()]
    modifiers = list(dict.fromkeys(part for part in parts if part in MODIFIERS))
    others = [part for part in parts if part not in MODIFIERS]
    word = others[-1] if others else ""
    if word in KEY_NAMES or len(word) == 1:
        name = character_key_name(word)
    else:
        close = difflib.get_close_matches(word, sorted(KEY_NAMES - set(string.ascii_letters)), 1)
        name = close[0] if close else (word[0] if word[:1].isalnum() else "f2")
    return "+".join([*modifiers, name])
