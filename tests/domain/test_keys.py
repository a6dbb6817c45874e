"""Issue 10: a key remap that names no key is caught with the nearest valid form, no Textual."""

from __future__ import annotations

import pytest

from briefcase_tui.domain.keys import character_key_name, key_problem, remap_problems


@pytest.mark.parametrize(
    "keys",
    ["f2", "ctrl+f", "f2,slash", "?", "question_mark", "shift+tab", "ctrl+shift+pagedown", "A"],
)
def test_keys_textual_understands_pass(keys: str) -> None:
    assert key_problem(keys) is None


@pytest.mark.parametrize(
    ("keys", "nearest"),
    [
        ("ctrl+shift+banana+++", "ctrl+shift+b"),
        ("ctrl+pgdown", "ctrl+pagedown"),
        ("esc", "escape"),
        ("ctrl+?", "ctrl+question_mark"),
        ("Ctrl+F", "ctrl+f"),
        ("ctrl+ctrl+a", "ctrl+a"),
        ("a,,b", "a,b"),
    ],
)
def test_keys_no_terminal_can_send_are_named_with_the_nearest_valid_form(
    keys: str, nearest: str
) -> None:
    assert key_problem(keys) == f"{keys!r} is not a key (nearest valid form: {nearest!r})"
    assert key_problem(nearest) is None


def test_problems_are_listed_by_binding_id() -> None:
    remaps = {"search": "ctrl+shift+banana+++", "next-theme": "f3"}
    assert remap_problems(remaps) == {
        "search": "'ctrl+shift+banana+++' is not a key (nearest valid form: 'ctrl+shift+b')"
    }


def test_characters_get_textuals_names() -> None:
    assert [character_key_name(c) for c in "/?-+@_.a7"] == [
        "slash",
        "question_mark",
        "minus",
        "plus",
        "at",
        "underscore",
        "full_stop",
        "a",
        "7",
    ]
